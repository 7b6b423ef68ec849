"""Sign-in in two steps, the second factor, and the user's own account page."""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView
from django_otp import login as otp_login

from yorisoi.accounts import two_factor
from yorisoi.accounts.forms import ApiTokenForm, LoginForm, TokenForm
from yorisoi.core import recorder
from yorisoi.core.recorder import AuditAction
from yorisoi.organizations import services as organization_services
from yorisoi.organizations.models import ApiToken
from yorisoi.organizations.selectors import requires_two_factor


class LoginView(auth_views.LoginView):
    """Step one: the password. Step two follows when any of the user's organizations asks."""

    form_class = LoginForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def form_valid(self, form):
        user = form.get_user()
        if not requires_two_factor(user):
            return super().form_valid(form)
        two_factor.begin_pending_login(self.request, user, user.backend, self.get_success_url())
        if two_factor.confirmed_device(user) is None:
            return redirect("accounts:two_factor_setup")
        return redirect("accounts:login_code")


def _finish_login(request, user, backend, device, next_url):
    login(request, user, backend=backend)
    otp_login(request, device)
    two_factor.clear_pending_login(request)
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
        next_url = reverse_lazy("core:home")
    return redirect(next_url)


class LoginCodeView(View):
    """Step two: the six-digit code from the authenticator app."""

    template_name = "accounts/login_code.html"

    def dispatch(self, request, *args, **kwargs):
        self.pending = two_factor.pending_login(request)
        if self.pending is None:
            messages.info(request, _("Please sign in again."))
            return redirect("accounts:login")
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        return render(request, self.template_name, {"form": TokenForm()})

    def post(self, request):
        user, backend, next_url = self.pending
        form = TokenForm(request.POST)
        device = two_factor.confirmed_device(user)
        if form.is_valid() and device and two_factor.verify(device, form.cleaned_data["token"]):
            return _finish_login(request, user, backend, device, next_url)
        if form.is_valid():
            form.add_error(
                "token", _("That code was not accepted. Wait for a new code and try again.")
            )
            recorder.record(
                AuditAction.LOGIN_FAILED, detail={"username": user.username, "step": "code"}
            )
        return render(request, self.template_name, {"form": form}, status=400)


class TwoFactorSetupView(View):
    """Register an authenticator app: during a login that needs one, or from the account page."""

    template_name = "accounts/two_factor_setup.html"

    def dispatch(self, request, *args, **kwargs):
        self.pending = None
        if not request.user.is_authenticated:
            self.pending = two_factor.pending_login(request)
            if self.pending is None:
                return redirect("accounts:login")
            # The password alone may register a first authenticator, never replace one:
            # that would let a stolen password take over the second factor.
            if two_factor.confirmed_device(self.pending[0]) is not None:
                return redirect("accounts:login_code")
        elif (
            two_factor.confirmed_device(request.user) is not None and not request.user.is_verified()
        ):
            # Replacing an authenticator needs a session that passed the current one.
            return redirect("accounts:login")
        return super().dispatch(request, *args, **kwargs)

    @property
    def user(self):
        return self.pending[0] if self.pending else self.request.user

    def context(self, form):
        device = two_factor.enrollment_device(self.user)
        return {
            "form": form,
            "qr_svg": two_factor.qr_svg(device),
            "secret": two_factor.secret_for_typing(device),
            "during_login": self.pending is not None,
        }

    def get(self, request):
        return render(request, self.template_name, self.context(TokenForm()))

    def post(self, request):
        form = TokenForm(request.POST)
        device = two_factor.enrollment_device(self.user)
        if form.is_valid() and two_factor.verify(device, form.cleaned_data["token"]):
            # One authenticator per person: the new one replaces any earlier one.
            two_factor.TOTPDevice.objects.devices_for_user(self.user, confirmed=True).delete()
            device.confirmed = True
            device.save()
            recorder.record(
                AuditAction.TWO_FACTOR, self.user, actor=self.user, detail={"change": "registered"}
            )
            if self.pending:
                user, backend, next_url = self.pending
                return _finish_login(request, user, backend, device, next_url)
            otp_login(request, device)
            messages.success(request, _("Your authenticator app is registered."))
            return redirect("accounts:account")
        if form.is_valid():
            form.add_error("token", _("That code was not accepted. Check the app and try again."))
        return render(request, self.template_name, self.context(form), status=400)


class AccountView(LoginRequiredMixin, TemplateView):
    """The user's own account: second factor, password, API tokens."""

    template_name = "accounts/account.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user, member = self.request.user, self.request.member
        context["has_device"] = two_factor.confirmed_device(user) is not None
        context["tokens"] = (
            ApiToken.objects.filter(membership__user=user)
            .select_related("membership__organization")
            .order_by("-created_at", "-pk")
        )
        context["token_form"] = kwargs.get("token_form") or ApiTokenForm()
        context["token_refusal"] = (
            organization_services.token_refusal(member) if member is not None else ""
        )
        return context


class ApiTokenView(LoginRequiredMixin, View):
    """Issue a new API token in the active organization (its key shown once), or revoke one."""

    def post(self, request):
        revoke = request.POST.get("revoke", "")
        if revoke:
            token = get_object_or_404(
                ApiToken.objects.select_related("membership"),
                pk=int(revoke) if revoke.isdigit() else 0,
                membership__user=request.user,  # someone else's token: as if there were none
            )
            organization_services.revoke_token(user=request.user, token=token)
            messages.success(request, _("The API token has been revoked."))
            return redirect("accounts:account")
        form = ApiTokenForm(request.POST)
        if request.member is None or not form.is_valid():
            return redirect("accounts:account")
        try:
            token, key = organization_services.issue_token(
                actor=request.member, name=form.cleaned_data["name"]
            )
        except PermissionDenied as refusal:
            messages.error(request, str(refusal) or _("You may not issue an API token here."))
            return redirect("accounts:account")
        return render(request, "accounts/api_token.html", {"token": token, "key": key})


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:account")

    def form_valid(self, form):
        had_tokens = ApiToken.objects.filter(membership__user=self.request.user).exists()
        response = super().form_valid(form)  # the save revokes the API tokens (User.save)
        recorder.record(AuditAction.PASSWORD_CHANGE, self.request.user)
        messages.success(self.request, gettext_lazy("Your password has been changed."))
        if had_tokens:
            messages.info(
                self.request,
                gettext_lazy("Your API tokens were revoked with the old password."),
            )
        return response


class LogoutView(auth_views.LogoutView):
    pass
