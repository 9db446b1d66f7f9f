"""What a reminder says, and handing it to email or SMS.

A lock screen is not private: unless the patient opted in to details, a message names only the
clinic and carries a link into the app, never the medicine, the treatment or the diagnosis.
Email adds a one-click link to pause non-essential reminders (``pause_links``).
"""

from __future__ import annotations

from dataclasses import dataclass
from email.utils import parseaddr

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils.crypto import salted_hmac

from naltrack.care.phones import not_textable, phone_e164
from naltrack.reminders.models import Notification
from naltrack.reminders.pause_links import pause_link_token
from naltrack.reminders.sms import config, sms_backend

Kind = Notification.Kind
MESSAGE_ID_SALT = "naltrack.reminders.message-id"

# Where each reminder's link leads in the app (the patient signs in first).
LINK_URL_NAMES = {
    Kind.DOSE: "patient:home",
    Kind.CHECK_IN_NUDGE: "patient:check_in",
}

# The opted-in wording. The overdue text carries the facts of a waning blockade.
# source: VIVITROL §2.2, §5 and REVIA (lower tolerance, overdose, naloxone); TIP63.
DETAILED = {
    Kind.DOSE: "your naltrexone {detail}.",
    Kind.INJECTION_7D: "your naltrexone injection is due in 7 days ({detail}).",
    Kind.INJECTION_1D: "your naltrexone injection is due tomorrow ({detail}).",
    Kind.INJECTION_DAY: "your naltrexone injection is due today.",
    Kind.INJECTION_OVERDUE: (
        "your naltrexone injection was due on {detail}. Its protection is wearing off: your "
        "tolerance to opioids is lower than before, so a dose you once took could cause a "
        "fatal overdose. Keep naloxone with you and make sure someone knows how to use it. "
        "Please call us to get your injection as soon as you can."
    ),
    Kind.LIVER_TESTS: "your routine liver blood tests are due. Please book them with us.",
    Kind.SESSION_DAY_BEFORE: "you have a therapy session tomorrow at {detail}.",
    Kind.SESSION_2H: "your therapy session starts at {detail}.",
    Kind.CHECK_IN_NUDGE: "we have not heard from you for a few days. How are you doing?",
    Kind.FOLLOW_UP: "it is time for your follow-up contact after stopping naltrexone. "
    "Please call us. If you use opioids, your tolerance is lower: keep naloxone with you.",
}
# The private wording: nothing a glance at a lock screen could give away.
PRIVATE = {
    Kind.INJECTION_OVERDUE: "please contact your care team today; it is important for your safety.",
    Kind.FOLLOW_UP: "please contact your care team; it is time to check in with us.",
}
PRIVATE_DEFAULT = "a reminder from your care team."


class NoAddress(Exception):
    """The patient has no address the notification can go to: it is skipped, not retried, and
    shown to the clinic as a problem to handle."""


@dataclass(frozen=True)
class Message:
    subject: str
    body: str


def absolute(path: str) -> str:
    return config("NALTRACK_BASE_URL", "http://127.0.0.1:8000").rstrip("/") + path


def message_for(*, kind: str, detail: str, clinic_name: str, opted_in_details: bool) -> Message:
    link = absolute(reverse(LINK_URL_NAMES.get(kind, "patient:schedule")))  # type: ignore[call-overload]
    if opted_in_details:
        text = DETAILED[kind].format(detail=detail)  # type: ignore[index]
        subject = f"{clinic_name}: {Kind(kind).label.lower()}"
    else:
        text = PRIVATE.get(kind, PRIVATE_DEFAULT)  # type: ignore[call-overload]
        subject = f"A reminder from {clinic_name}"
    return Message(subject=subject, body=f"{clinic_name}: {text} Open: {link}")


def deliver(notification: Notification) -> str:
    """Hand one notification to its channel; returns the provider's id. Raises on failure."""
    patient = notification.patient
    key = (
        f"naltrack-{notification.patient_id}-{notification.kind}-{notification.due_at.isoformat()}"
    )
    address = patient.email or (patient.user.email if patient.user else "")
    if notification.channel == Notification.Channel.SMS:
        why = not_textable(patient.phone)
        if why is None:
            return sms_backend().send(
                to=phone_e164(patient.phone), body=notification.body, idempotency_key=key
            )
        if not address:
            raise NoAddress(f"{why.value}, and no email address to send it to instead")
        # A text nobody can receive helps no one; the same words by email still reach them.
        notification.channel = Notification.Channel.EMAIL
        notification.reason = f"sent by email instead: {why.value}"
    if not address:
        raise NoAddress("no email address on record")
    body = notification.body
    if not notification.essential:
        pause = absolute(reverse("reminders:pause", args=[pause_link_token(patient=patient)]))
        body += f"\n\nTo pause reminders like this one (important ones still come): {pause}"
    EmailMessage(
        notification.subject or "A reminder from your care team",
        body,
        settings.DEFAULT_FROM_EMAIL,
        [address],
        headers={"Message-ID": message_id(key)},
    ).send()
    return key


def message_id(key: str) -> str:
    """The email's Message-ID for the notification with this idempotency key.

    Derived from the key, so a notification sent again (its worker killed between the hand-over
    and the commit) carries the same one and a mailbox that collapses repeated Message-IDs shows
    it once. But a keyed hash of it, not the key itself: every mail server on the way and the
    recipient's mail client can read the header, and the key names the patient and the kind of
    reminder. Its domain is the sender's, the same on every worker host.
    """
    digest = salted_hmac(MESSAGE_ID_SALT, key, algorithm="sha256").hexdigest()[:32]
    domain = parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2] or "naltrack.local"
    return f"<{digest}@{domain}>"
