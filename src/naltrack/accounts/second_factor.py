"""Two-step sign-in for staff: who may set up an authenticator, the emailed setup link, and
recovery codes.

A password alone never sets up an authenticator: whoever guessed or stole it would enrol their
own phone and own the account. Setting one up takes proof of the mailbox as well: a fresh
invitation or password-reset link, or a setup link emailed when someone signs in with only a
password. That proof leaves a short-lived mark on the session (``setup_allow``) naming the user
and the one new device it made; only that device's key is ever shown, and only until it is
confirmed.
"""

from __future__ import annotations

import datetime as dt
import re

from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core.mail import send_mail
from django.db import transaction
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes, force_str
from django.utils.http import base36_to_int, urlsafe_base64_decode, urlsafe_base64_encode
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from naltrack.accounts.models import User
from naltrack.audit.models import AuditEvent
from naltrack.audit.services import audit_record

SETUP_MARK = "naltrack_two_factor_setup"
LINK_SENT_MARK = "naltrack_two_factor_link_sent"
# source: NALTRACK — proof of the mailbox opens setup for half an hour: time to find the phone
# and scan a code, not a standing permission on a session that may be left open.
SETUP_WINDOW = dt.timedelta(minutes=30)
# source: NALTRACK — an emailed setup link answers a sign-in that just happened; an hour is
# enough to open the mail, and a link found later in an old mailbox is worth nothing.
SETUP_LINK_TIMEOUT = dt.timedelta(hours=1)
# source: NALTRACK — the same limit as password-reset links (accounts/forms.py): enough for a
# person who lost an email, too few to flood a mailbox.
SETUP_LINKS_MAX = 3
SETUP_LINKS_WINDOW = dt.timedelta(hours=1)
# source: NALTRACK — ten single-use codes, as most services give: enough for a lost phone and
# the few sign-ins until a new authenticator is set up.
RECOVERY_CODE_COUNT = 10
RECOVERY_DEVICE_NAME = "Recovery codes"
AUTHENTICATOR_NAME = "Authenticator app"
SIX_DIGITS = re.compile(r"^\d{6}$")


class SetupLinkTokenGenerator(PasswordResetTokenGenerator):
    """Tokens for the emailed setup link. They hash the user's password and the state of their
    authenticators, so a link dies once it is used (opening it makes a new pending device), once
    a device is confirmed, or once the password changes; and they expire after
    ``SETUP_LINK_TIMEOUT`` rather than the week an invitation lasts."""

    key_salt = "naltrack.accounts.second_factor.SetupLinkTokenGenerator"

    def _make_hash_value(self, user: User, timestamp: int) -> str:
        devices = TOTPDevice.objects.filter(user=user).order_by("pk").values_list("pk", "confirmed")
        state = ",".join(f"{pk}:{int(confirmed)}" for pk, confirmed in devices)
        return f"{user.pk}|{user.password}|{user.email}|{timestamp}|{state}"

    def check_token(self, user: User | None, token: str | None) -> bool:
        if not super().check_token(user, token):
            return False
        issued = base36_to_int(str(token).split("-")[0])
        age = self._num_seconds(self._now()) - issued
        return age <= SETUP_LINK_TIMEOUT.total_seconds()


setup_link_tokens = SetupLinkTokenGenerator()


def needs_second_factor(user: User) -> bool:
    """Clinic staff (asked by StaffTwoFactorMiddleware) and operators (asked by the admin)."""
    return bool(user.is_clinic_staff or user.is_superuser)


def has_authenticator(user: User) -> bool:
    return bool(TOTPDevice.objects.filter(user=user, confirmed=True).exists())


@transaction.atomic
def setup_allow(*, request: HttpRequest, user: User, via: str) -> TOTPDevice:
    """Mark this session, signed in as ``user``, as allowed to set up an authenticator.

    Any pending device is replaced by a new one with a fresh key: a device made earlier (by an
    older link, or by a password-only session before this rule existed) never has its key shown.
    """
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    device = TOTPDevice.objects.create(user=user, name=AUTHENTICATOR_NAME, confirmed=False)
    request.session[SETUP_MARK] = {
        "user": user.pk,
        "device": device.pk,
        "until": (timezone.now() + SETUP_WINDOW).timestamp(),
        "via": via,
    }
    return device


def setup_device(request: HttpRequest) -> TOTPDevice | None:
    """The pending device this session may show and confirm, if its mark is still good."""
    mark = request.session.get(SETUP_MARK)
    if not isinstance(mark, dict) or mark.get("user") != request.user.pk:
        return None
    if timezone.now().timestamp() > mark.get("until", 0):
        return None
    return TOTPDevice.objects.filter(
        pk=mark.get("device"), user_id=request.user.pk, confirmed=False
    ).first()


@transaction.atomic
def setup_complete(*, request: HttpRequest, user: User, device: TOTPDevice) -> list[str]:
    """Confirm the device whose code was just entered; return the new recovery codes."""
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    via = request.session.pop(SETUP_MARK, {}).get("via", "")
    audit_record(
        request=request,
        actor=user,
        action=AuditEvent.Action.TWO_FACTOR_SETUP,
        obj=device,
        object_type="totpdevice",
        clinic_id=_clinic_id(user),
        detail={"via": via},
    )
    return recovery_codes_make(request=request, user=user)


@transaction.atomic
def recovery_codes_make(*, request: HttpRequest, user: User) -> list[str]:
    """A fresh set of single-use recovery codes; any older codes stop working."""
    device, _ = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_DEVICE_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    audit_record(
        request=request,
        actor=user,
        action=AuditEvent.Action.RECOVERY_CODES,
        obj=device,
        object_type="staticdevice",
        clinic_id=_clinic_id(user),
        detail={"count": len(codes)},
    )
    return codes


def recovery_codes_left(user: User) -> int:
    left: int = StaticToken.objects.filter(device__user=user, device__confirmed=True).count()
    return left


def normalize_code(code: str) -> str:
    """What people type, as stored: no spaces or dashes, lower case."""
    return re.sub(r"[\s-]", "", code).lower()


def sign_in_code_check(*, request: HttpRequest, user: User, code: str) -> Device | None:
    """The device that accepts ``code``: six digits from the authenticator, or one recovery code
    (used up by this check). Each device counts its own failures and slows guessing down."""
    code = normalize_code(code)
    if SIX_DIGITS.match(code):
        devices: list[Device] = list(TOTPDevice.objects.filter(user=user, confirmed=True))
    else:
        devices = list(StaticDevice.objects.filter(user=user, confirmed=True))
    for device in devices:
        if device.verify_is_allowed()[0] and device.verify_token(code):
            if isinstance(device, StaticDevice):
                audit_record(
                    request=request,
                    actor=user,
                    action=AuditEvent.Action.RECOVERY_CODE_USED,
                    obj=device,
                    object_type="staticdevice",
                    clinic_id=_clinic_id(user),
                    detail={"left": device.token_set.count()},
                )
            return device
    return None


def setup_link_url(*, user: User, base_url: str) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = setup_link_tokens.make_token(user)
    return base_url.rstrip("/") + reverse(
        "accounts:two_factor_link", kwargs={"uidb64": uid, "token": token}
    )


def setup_link_user(*, uidb64: str, token: str) -> User | None:
    """The user an emailed setup link was made for, if the link is still good."""
    try:
        user = User.objects.get(pk=force_str(urlsafe_base64_decode(uidb64)), is_active=True)
    except (TypeError, ValueError, OverflowError, User.DoesNotExist):
        return None
    return user if setup_link_tokens.check_token(user, token) else None


def setup_link_send(*, request: HttpRequest, user: User, base_url: str) -> bool:
    """Email ``user`` a link to set up an authenticator, unless ``SETUP_LINKS_MAX`` went out in
    the last ``SETUP_LINKS_WINDOW``. Each link sent is audited; says whether one went."""
    sent = AuditEvent.objects.filter(
        action=AuditEvent.Action.TWO_FACTOR_LINK,
        object_type="user",
        object_id=str(user.pk),
        occurred_at__gte=timezone.now() - SETUP_LINKS_WINDOW,
    ).count()
    if sent >= SETUP_LINKS_MAX:
        return False
    context = {
        "user": user,
        "url": setup_link_url(user=user, base_url=base_url),
        "reset_url": base_url.rstrip("/") + reverse("accounts:password_reset"),
        "minutes": int(SETUP_LINK_TIMEOUT.total_seconds() // 60),
    }
    send_mail(
        subject="Set up two-step sign-in for Naltrack",
        message=render_to_string("accounts/email/two_factor_setup.txt", context),
        from_email=None,
        recipient_list=[user.email],
    )
    audit_record(
        request=request,
        actor=user,
        action=AuditEvent.Action.TWO_FACTOR_LINK,
        object_type="user",
        object_id=user.pk,
        clinic_id=_clinic_id(user),
    )
    return True


def _clinic_id(user: User) -> int | None:
    membership = user.clinic_membership
    return membership.clinic_id if membership else None
