from django import forms
from django.utils.translation import gettext_lazy as _

from yorisoi.agencies.models import Agency, SupportCouncil
from yorisoi.core.forms import VersionedModelForm
from yorisoi.organizations.models import Organization


class AgencyForm(VersionedModelForm):
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")

    class Meta:
        model = Agency
        fields = [
            "name",
            "name_kana",
            "category",
            "area",
            "address",
            "phone",
            "email",
            "website",
            "contact_person",
            "hours",
            "offers",
            "notes",
            "shared",
            "linked_organization",
            "is_active",
        ]
        widgets = {
            "offers": forms.Textarea(attrs={"rows": 3}),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, member, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["linked_organization"].queryset = Organization.objects.filter(
            is_active=True
        ).exclude(pk=member.organization_id)
        if not self.instance.pk:
            del self.fields["version"]
            del self.fields["is_active"]  # a new entry is in use


class CouncilForm(VersionedModelForm):
    class Meta:
        model = SupportCouncil
        fields = [
            "name",
            "legal_basis",
            "established_on",
            "ended_on",
            "members",
            "confidentiality",
            "notes",
        ]
        widgets = {
            "members": forms.CheckboxSelectMultiple,
            "confidentiality": forms.Textarea(attrs={"rows": 3}),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "members": _("Only agencies that are members may receive information without consent.")
        }

    def __init__(self, *args, member, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["members"].queryset = Agency.objects.usable_by(member.organization_id)
        if not self.instance.pk:
            del self.fields["version"]
