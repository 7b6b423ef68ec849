from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from yorisoi.core.forms import VersionedModelForm
from yorisoi.core.roles import Role
from yorisoi.organizations.models import Membership, Organization


class OrganizationForm(VersionedModelForm):
    class Meta:
        model = Organization
        fields = [
            "name",
            "kind",
            "prefecture",
            "municipality",
            "require_two_factor",
            "urgent_meeting_days",
            "silence_days",
            "cancellation_alert_count",
            "stalled_years",
            "referral_follow_up_weeks",
            "approve_plans",
            "approve_closures",
            "api_token_days",
        ]


class StaffCreateForm(forms.Form):
    username = forms.RegexField(
        label=_("Username"),
        regex=r"^[\w.@+-]+\Z",
        max_length=150,
        help_text=_("Letters, digits and @/./+/-/_ only. Used to sign in."),
    )
    full_name = forms.CharField(label=_("Full name"), max_length=100)
    full_name_kana = forms.CharField(
        label=_("Full name (furigana)"), max_length=100, required=False
    )
    email = forms.EmailField(label=_("E-mail"), required=False)
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    title = forms.CharField(label=_("Job title"), max_length=100, required=False)
    password = forms.CharField(
        label=_("Initial password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        required=True,
        help_text=_("The person changes it after signing in."),
    )

    def clean(self):
        cleaned = super().clean()
        username = cleaned.get("username")
        if username and get_user_model().objects.filter(username=username).exists():
            self.add_error("username", _("This username is already in use. Choose another."))
        if username and not cleaned.get("password"):
            self.add_error("password", _("A new account needs an initial password."))
        if cleaned.get("password"):
            from django.contrib.auth.password_validation import validate_password

            try:
                validate_password(cleaned["password"])
            except forms.ValidationError as error:
                self.add_error("password", error)
        return cleaned


class StaffChangeForm(VersionedModelForm):
    class Meta:
        model = Membership
        fields = ["role", "title", "is_active"]
