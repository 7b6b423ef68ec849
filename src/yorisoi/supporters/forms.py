from django import forms
from django.utils.translation import gettext_lazy as _

from yorisoi.core.fields import JapaneseDateField
from yorisoi.core.forms import ModelForm, VersionedModelForm
from yorisoi.core.roles import Role
from yorisoi.organizations.models import Membership
from yorisoi.programs.models import Program
from yorisoi.supporters.choices import CurriculumTopic
from yorisoi.supporters.models import (
    CaseSupporter,
    Supporter,
    SupporterActivity,
    TrainingCourse,
)
from yorisoi.supporters.services import COURSE_FIELDS, SUPPORTER_FIELDS


class SupporterForm(VersionedModelForm[Supporter]):
    class Meta:
        model = Supporter
        fields = list(SUPPORTER_FIELDS)
        widgets = {
            "likes": forms.Textarea(attrs={"rows": 2}),
            "can_help": forms.Textarea(attrs={"rows": 2}),
            "notes": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, member, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["membership"].queryset = Membership.objects.filter(
            organization=member.organization_id, role=Role.SUPPORTER
        ).select_related("user")
        if not self.instance.pk:
            del self.fields["version"]


class CourseForm(VersionedModelForm[TrainingCourse]):
    topics = forms.MultipleChoiceField(
        label=_("Curriculum"),
        choices=CurriculumTopic.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = TrainingCourse
        fields = list(COURSE_FIELDS)
        widgets = {"notes": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, member, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["program"].queryset = Program.objects.for_member(member).filter(
            kind="supporter_course"
        )
        if not self.instance.pk:
            del self.fields["version"]


class CompletionForm(forms.Form):
    supporters = forms.ModelMultipleChoiceField(
        label=_("Completed the course"),
        queryset=Supporter.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )
    completed_on = JapaneseDateField(label=_("Completed on"))

    def __init__(self, *args, member, done=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["supporters"].queryset = (
            Supporter.objects.for_member(member).exclude(pk__in=list(done)).order_by("name_kana")
        )


class ActivityForm(ModelForm[SupporterActivity]):
    class Meta:
        model = SupporterActivity
        fields = ["on", "hours", "kind", "program", "case_link", "note"]

    def __init__(self, *args, member, supporter, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["program"].queryset = Program.objects.for_member(member).filter(
            archived_on__isnull=True
        )
        self.fields["case_link"].queryset = CaseSupporter.objects.filter(
            supporter=supporter, ended_on__isnull=True
        )
        self.fields["case_link"].label_from_instance = lambda link: link.shown_as


class AssignForm(ModelForm[CaseSupporter]):
    class Meta:
        model = CaseSupporter
        fields = ["supporter", "agreed_on", "shown_as", "shared"]
        widgets = {"shared": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, member, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["supporter"].queryset = Supporter.objects.for_member(member).filter(
            pledge_signed_on__isnull=False, status="active"
        )
        self.fields["supporter"].help_text = _(
            "Only supporters who signed the confidentiality pledge are offered."
        )
