"""The installation's admin: superusers who passed the second factor, signed in via our login."""

from urllib.parse import urlencode

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.shortcuts import redirect
from django.urls import reverse


class YorisoiAdminSite(admin.AdminSite):
    site_header = "yorisoi"
    site_title = "yorisoi"

    def has_permission(self, request):
        user = request.user
        return user.is_active and user.is_superuser and user.is_verified()

    def login(self, request, extra_context=None):
        # One login page for everyone, with lockout and the second factor.
        next_url = request.GET.get("next") or reverse("admin:index")
        return redirect(f"{reverse('accounts:login')}?{urlencode({'next': next_url})}")


class YorisoiAdminConfig(AdminConfig):
    default_site = "yorisoi.core.admin_site.YorisoiAdminSite"
