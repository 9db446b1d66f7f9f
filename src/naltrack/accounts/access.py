"""Role gates for views. Wrong role answers 404 like any out-of-scope record: nothing to probe.

Every view that is not public declares who may open it with one of these gates; each gate marks
the view (``access_roles``) so a test can walk every URL and find a view without one.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest
from django.http.response import HttpResponseBase
from django.utils.http import url_has_allowed_host_and_scheme
from django_htmx.middleware import HtmxDetails

from naltrack.accounts.models import Clinic, Membership, User
from naltrack.audit.services import audit_denied

View = Callable[..., HttpResponseBase]


class HtmxHttpRequest(HttpRequest):
    """A request through django-htmx's middleware (for the type checker)."""

    htmx: HtmxDetails


def safe_next(request: HttpRequest) -> str | None:
    """The ``next`` URL if it is a path on this site (never another host or scheme)."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts=None, require_https=request.is_secure()
    ):
        return target
    return None


def role_required(*roles: str) -> Callable[[View], View]:
    def decorator(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if request.user.role not in roles:
                audit_denied(user=request.user, what="page", path=request.path[:200])
                raise Http404("Not found")
            return view(request, *args, **kwargs)

        wrapped.access_roles = frozenset(roles)  # type: ignore[attr-defined]
        return wrapped

    return decorator


def signed_in_required(view: View) -> View:
    """Any signed-in person, whatever their role (their own account's pages)."""
    gated = login_required(view)
    gated.access_roles = frozenset(Membership.Role.values)  # type: ignore[attr-defined]
    return gated


def current_clinic(request: HttpRequest) -> Clinic:
    """The clinic of the signed-in member (views behind a role gate always have one)."""
    membership = current_user(request).clinic_membership
    if membership is None:
        raise Http404("Not found")
    return membership.clinic


def current_user(request: HttpRequest) -> User:
    """The signed-in user, for views behind a role gate."""
    if not isinstance(request.user, User):
        raise Http404("Not found")
    return request.user


staff_required = role_required(Membership.Role.CLINICIAN, Membership.Role.ADMIN)
admin_required = role_required(Membership.Role.ADMIN)
patient_required = role_required(Membership.Role.PATIENT)
