"""The public enrollment form (no account) and the staff intake queue.

Views stay thin: the public side validates with ``EnrollmentForm`` and stores through
``services.enrollment_submit``; the queue reads through ``selectors`` (scoped to the staff
member's clinic, audited) and writes through ``services.enrollment_accept`` / ``_decline``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from naltrack.accounts.access import current_user, staff_required
from naltrack.accounts.models import Clinic
from naltrack.accounts.services import AlreadyMember
from naltrack.care import selectors as care_selectors
from naltrack.care.errors import ClinicalRuleError
from naltrack.enrollment import selectors, services
from naltrack.enrollment.forms import HONEYPOT, AcceptForm, DeclineForm, EnrollmentForm, age_on
from naltrack.enrollment.models import Enrollment
from naltrack.web.client_address import client_address
from naltrack.web.forms import add_refusal
from naltrack.web.views import get_and_post

# What the confirmation page needs to know about the form just sent, kept in the session for
# one showing only (so a shared computer does not keep showing someone's phone number).
THANKS_KEY = "enrollment_thanks"


# --- the public side ---------------------------------------------------------------------------


@get_and_post
def enroll_start(request: HttpRequest) -> HttpResponse:
    """``/enroll/``: the form itself when the site runs one clinic, otherwise the list to pick."""
    clinics = selectors.clinics_enrolling()
    if len(clinics) == 1:
        return _enroll(request, clinics[0])
    return render(request, "enrollment/clinic_list.html", {"clinics": clinics})


@get_and_post
def enroll(request: HttpRequest, slug: str) -> HttpResponse:
    return _enroll(request, selectors.clinic_for_enrollment(slug=slug))


def _enroll(request: HttpRequest, clinic: Clinic) -> HttpResponse:
    form = EnrollmentForm(clinic=clinic)
    limit = None
    if request.method == "POST":
        address = client_address(request)
        if request.POST.get(HONEYPOT, "").strip():
            # The same answer a person gets, so a script learns nothing; nothing is stored.
            services.enrollment_honeypot_caught(clinic=clinic, ip_address=address)
            method = request.POST.get("preferred_contact", "")
            return _to_thanks(request, clinic, method=method, contact="", given_name="")
        # The form is read before any limit: a person who is asked to wait keeps every answer.
        form = EnrollmentForm(request.POST, clinic=clinic)
        if form.is_valid():
            try:
                enrollment = services.enrollment_submit(
                    clinic=clinic, ip_address=address, **form.answers()
                )
            except services.SubmissionLimited as limited:
                limit = limited.limit
            else:
                return _to_thanks(
                    request,
                    clinic,
                    method=enrollment.preferred_contact,
                    contact=enrollment.contact_detail,
                    given_name=enrollment.given_name,
                )
    return render(
        request,
        "enrollment/form.html",
        {
            "clinic": clinic,
            "form": form,
            "privacy_open": bool(form.errors),
            "limit": limit.value if limit else "",
        },
        status=429 if limit else 200,
    )


def _to_thanks(
    request: HttpRequest, clinic: Clinic, *, method: str, contact: str, given_name: str
) -> HttpResponse:
    request.session[THANKS_KEY] = {
        "clinic": clinic.slug,
        "method": method if method in Enrollment.Contact.values else "",
        "contact": contact,
        "given_name": given_name,
    }
    return redirect("enrollment:thanks", slug=clinic.slug)


@require_GET
def enroll_thanks(request: HttpRequest, slug: str) -> HttpResponse:
    clinic = selectors.clinic_for_enrollment(slug=slug)
    sent: dict[str, Any] = request.session.pop(THANKS_KEY, None) or {}
    if sent.get("clinic") != clinic.slug:
        sent = {}
    method = sent.get("method", "")
    return render(
        request,
        "enrollment/thanks.html",
        {
            "clinic": clinic,
            "given_name": sent.get("given_name", ""),
            "method_label": Enrollment.Contact(method).label.lower() if method else "",
            "contact": sent.get("contact", ""),
            "reply_by": selectors.reply_due(submitted_on=timezone.localdate()),
        },
    )


# --- the intake queue ------------------------------------------------------------------------


def _waiting(enrollment: Enrollment, today: dt.date) -> dict[str, Any]:
    """How a new submission stands against the reply the confirmation page promised."""
    reply_by = selectors.reply_due(submitted_on=timezone.localdate(enrollment.submitted_at))
    return {
        "enrollment": enrollment,
        "age": age_on(enrollment.date_of_birth, today),
        "reply_by": reply_by,
        "overdue": reply_by < today,
    }


@require_GET
@staff_required
def intake_queue(request: HttpRequest) -> HttpResponse:
    queue = selectors.intake_queue(request=request)
    today = timezone.localdate()
    return render(
        request,
        "enrollment/intake_queue.html",
        {
            "new_rows": [_waiting(enrollment, today) for enrollment in queue.new],
            "decided": queue.recently_decided,
        },
    )


def _detail(
    request: HttpRequest,
    enrollment: Enrollment,
    *,
    accept_form: AcceptForm | None = None,
    decline_form: DeclineForm | None = None,
) -> HttpResponse:
    patient = enrollment.patient
    candidates = _likely_duplicates(request, enrollment)
    return render(
        request,
        "enrollment/intake_detail.html",
        {
            **_waiting(enrollment, timezone.localdate()),
            "likely_duplicates": candidates,
            "same_person": selectors.same_person_submissions(enrollment=enrollment),
            "existing_account": (
                selectors.existing_account(clinic=enrollment.clinic, email=enrollment.email)
                if enrollment.status == Enrollment.Status.NEW
                else None
            ),
            "accept_form": accept_form
            or AcceptForm(initial={"email": enrollment.email}, likely_duplicates=candidates),
            "decline_form": decline_form or DeclineForm(),
            "can_reinvite": selectors.invitation_waiting(patient=patient),
        },
    )


def _likely_duplicates(
    request: HttpRequest, enrollment: Enrollment
) -> list[care_selectors.LikelyDuplicate]:
    """The clinic's patients this form may come from, while it waits for a decision."""
    if enrollment.status != Enrollment.Status.NEW:
        return []
    return care_selectors.likely_duplicates(
        user=request.user,
        given_name=enrollment.given_name,
        family_name=enrollment.family_name,
        date_of_birth=enrollment.date_of_birth,
        email=enrollment.email,
        phone=enrollment.phone,
    )


@require_GET
@staff_required
def intake_detail(request: HttpRequest, enrollment_id: int) -> HttpResponse:
    enrollment = selectors.enrollment_get(request=request, enrollment_id=enrollment_id)
    return _detail(request, enrollment)


def _already_decided(request: HttpRequest, enrollment: Enrollment) -> HttpResponse:
    enrollment.refresh_from_db()
    messages.error(
        request,
        f"This form was already {enrollment.get_status_display().lower()} "
        f"by {enrollment.decided_by or 'someone else'}: nothing was changed.",
    )
    return redirect("enrollment:intake_detail", enrollment_id=enrollment.pk)


@require_POST
@staff_required
def intake_accept(request: HttpRequest, enrollment_id: int) -> HttpResponse:
    enrollment = selectors.enrollment_get(request=request, enrollment_id=enrollment_id)
    candidates = _likely_duplicates(request, enrollment)
    form = AcceptForm(request.POST, likely_duplicates=candidates)
    if form.is_valid() and (existing := form.existing_patient()) is not None:
        try:
            services.enrollment_link(
                enrollment=enrollment, patient=existing, by=current_user(request)
            )
        except services.EnrollmentAlreadyDecided:
            return _already_decided(request, enrollment)
        messages.success(
            request,
            f"The form was added to {existing.full_name}’s chart: no new patient was created.",
        )
        return redirect("clinician:patient_chart", patient_id=existing.pk)
    if form.is_valid():
        try:
            accepted = services.enrollment_accept(
                enrollment=enrollment,
                by=current_user(request),
                email=form.cleaned_data["email"],
                base_url=request.build_absolute_uri("/"),
                request=request,
                likely_duplicates=[candidate.patient for candidate in candidates],
                different_person_reason=form.cleaned_data.get("different_person_reason", ""),
            )
        except services.EnrollmentAlreadyDecided:
            return _already_decided(request, enrollment)
        except ClinicalRuleError as refusal:
            add_refusal(form, refusal)
        except AlreadyMember:
            # Only this clinic's own accounts get here (another clinic's are answered as new).
            existing = selectors.existing_account(
                clinic=enrollment.clinic, email=form.cleaned_data["email"]
            )
            where = (
                f" It belongs to this clinic's patient {existing.patient.full_name}: open their "
                "chart instead, and decline this form as a duplicate."
                if existing and existing.patient
                else ""
            )
            form.add_error(
                "email",
                f"{form.cleaned_data['email']} already has a Naltrack account at this clinic, so "
                f"no patient was created.{where} Use a different email, or leave it empty to "
                "create the patient without an account.",
            )
        else:
            patient = accepted.patient
            if accepted.invitation_sent:
                messages.success(
                    request,
                    f"{patient.full_name} is now a patient. An invitation to choose a password "
                    f"was sent to {accepted.invited_email}.",
                )
            elif accepted.invited_email:
                messages.warning(
                    request,
                    f"{patient.full_name} is now a patient, but the invitation email could not "
                    "be sent. Send it again from the intake page.",
                )
            else:
                messages.success(
                    request,
                    f"{patient.full_name} is now a patient, without an account (no email was "
                    "given), so no invitation was sent.",
                )
            return redirect("clinician:patient_chart", patient_id=patient.pk)
    return _detail(request, enrollment, accept_form=form)


@require_POST
@staff_required
def intake_decline(request: HttpRequest, enrollment_id: int) -> HttpResponse:
    enrollment = selectors.enrollment_get(request=request, enrollment_id=enrollment_id)
    form = DeclineForm(request.POST)
    if form.is_valid():
        try:
            services.enrollment_decline(
                enrollment=enrollment, by=current_user(request), reason=form.cleaned_data["reason"]
            )
        except services.EnrollmentAlreadyDecided:
            return _already_decided(request, enrollment)
        messages.success(request, f"The form from {enrollment.full_name} was declined.")
        return redirect("enrollment:intake_queue")
    return _detail(request, enrollment, decline_form=form)


@require_POST
@staff_required
def intake_invite(request: HttpRequest, enrollment_id: int) -> HttpResponse:
    enrollment = selectors.enrollment_get(request=request, enrollment_id=enrollment_id)
    sent = services.enrollment_invitation_resend(
        enrollment=enrollment,
        by=current_user(request),
        base_url=request.build_absolute_uri("/"),
        request=request,
    )
    if sent:
        messages.success(request, "A new invitation was sent.")
    else:
        messages.error(
            request,
            "No invitation was sent: the patient has no account, has already chosen a "
            "password, or the email could not be sent.",
        )
    return redirect(reverse("enrollment:intake_detail", args=[enrollment.pk]))
