"""The installation's admin: superusers who passed the second factor, signed in via our login."""

from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse


class YorisoiAdminSite(admin.AdminSite):
    site_header = "yorisoi"
    site_title = "yorisoi"

    def has_permission(self, request: HttpRequest) -> bool:
        user = request.user
        if not (user.is_active and user.is_superuser):
            return False
        # django-otp's OTPMiddleware gives every request's user ``is_verified()``.
        is_verified: Callable[[], bool] = getattr(user, "is_verified")  # noqa: B009
        return is_verified()

    def login(
        self, request: HttpRequest, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        # One login page for everyone, with lockout and the second factor.
        next_url = request.GET.get("next") or reverse("admin:index")
        return redirect(f"{reverse('accounts:login')}?{urlencode({'next': next_url})}")


class YorisoiAdminConfig(AdminConfig):
    default_site = "yorisoi.core.admin_site.YorisoiAdminSite"
