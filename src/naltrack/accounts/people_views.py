"""The clinic admin's People page: who can sign in, with what role, and the changes to that.

Every change is a POST (with CSRF) to one service of ``accounts.people``; a change the rules
refuse comes back as a message on the page, never an error page.
"""

from __future__ import annotations

import smtplib
from collections.abc import Callable

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from naltrack.accounts import people
from naltrack.accounts.access import admin_required, current_clinic, current_user, safe_next
from naltrack.accounts.models import Membership, User
from naltrack.accounts.selectors import (
    PATIENTS_SHOWN,
    clinic_staff,
    patient_sign_ins,
    person_get,
)


class PatientSearchForm(forms.Form):
    q = forms.CharField(label="Find a patient by name", max_length=100, required=False)


class RoleForm(forms.Form):
    role = forms.ChoiceField(
        label="Role",
        choices=[(Membership.Role.CLINICIAN, "Clinician"), (Membership.Role.ADMIN, "Clinic admin")],
    )


@require_GET
@admin_required
def people_list(request: HttpRequest) -> HttpResponse:
    clinic = current_clinic(request)
    search = PatientSearchForm(request.GET)
    query = search.cleaned_data["q"] if search.is_valid() else ""
    patients = patient_sign_ins(admin=current_user(request), query=query)
    return render(
        request,
        "accounts/people.html",
        {
            "clinic": clinic,
            "staff": clinic_staff(clinic=clinic),
            "patients": patients,
            "patients_capped": len(patients) >= PATIENTS_SHOWN,
            "search": search,
            "query": query,
            "me": current_user(request),
            "roles": RoleForm.base_fields["role"].choices,  # type: ignore[attr-defined]
        },
    )


def _change(
    request: HttpRequest, user_id: int, change: Callable[[User, User], str]
) -> HttpResponse:
    """Find the person in the admin's clinic, make one change, and go back to the list."""
    admin = current_user(request)
    person = person_get(admin=admin, clinic=current_clinic(request), user_id=user_id)
    try:
        done = change(person, admin)
    except people.PeopleRuleError as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, done)
    return redirect(safe_next(request) or "accounts:people")


@require_POST
@admin_required
def person_deactivate(request: HttpRequest, user_id: int) -> HttpResponse:
    def change(person: User, admin: User) -> str:
        people.sign_in_deactivate(person=person, by=admin)
        return f"{person} can no longer sign in, and was signed out everywhere."

    return _change(request, user_id, change)


@require_POST
@admin_required
def person_reactivate(request: HttpRequest, user_id: int) -> HttpResponse:
    def change(person: User, admin: User) -> str:
        people.sign_in_reactivate(person=person, by=admin)
        if person.has_usable_password():
            return f"{person} can sign in again."
        return f"{person}'s account is active again: send them a new invitation to sign in."

    return _change(request, user_id, change)


@require_POST
@admin_required
def person_role(request: HttpRequest, user_id: int) -> HttpResponse:
    form = RoleForm(request.POST)

    def change(person: User, admin: User) -> str:
        if not form.is_valid():
            raise people.PeopleRuleError("Choose clinician or clinic admin.")
        people.staff_role_change(person=person, role=form.cleaned_data["role"], by=admin)
        return f"{person} is now {person.membership.get_role_display().lower()}."

    return _change(request, user_id, change)


@require_POST
@admin_required
def person_invitation_resend(request: HttpRequest, user_id: int) -> HttpResponse:
    def change(person: User, admin: User) -> str:
        try:
            people.invitation_resend(
                person=person, by=admin, request=request, base_url=request.build_absolute_uri("/")
            )
        except (smtplib.SMTPException, OSError) as error:
            raise people.PeopleRuleError(
                f"The invitation email to {person.email} could not be sent: try again later."
            ) from error
        return f"A new invitation was sent to {person.email}. Earlier links no longer work."

    return _change(request, user_id, change)


@require_POST
@admin_required
def person_invitation_revoke(request: HttpRequest, user_id: int) -> HttpResponse:
    def change(person: User, admin: User) -> str:
        people.invitation_revoke(person=person, by=admin)
        return f"The invitation to {person.email} was withdrawn: its link no longer works."

    return _change(request, user_id, change)
