"""The supporter registry, training courses, activities, and a supporter's own page."""

from functools import cached_property
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView

from yorisoi.cases.views.mixins import CaseChildMixin
from yorisoi.core import recorder
from yorisoi.core.dates import fiscal_year_label, fiscal_year_of
from yorisoi.core.roles import CASE_STAFF, Action, Role
from yorisoi.core.scoping import may
from yorisoi.core.tables import TableMixin
from yorisoi.core.views import (
    MemberRequiredMixin,
    ScopedCreateView,
    ScopedDetailView,
    ScopedListView,
    ScopedUpdateView,
    ServiceFormMixin,
    add_service_errors,
    request_member,
)
from yorisoi.programs import selectors as program_selectors
from yorisoi.programs.models import Program
from yorisoi.supporters import figures, selectors, services, tables
from yorisoi.supporters.forms import (
    ActivityForm,
    AssignForm,
    CompletionForm,
    CourseForm,
    SupporterForm,
)
from yorisoi.supporters.models import (
    CaseSupporter,
    Supporter,
    SupporterActivity,
    TrainingCompletion,
    TrainingCourse,
)


def _shown(people: list[CaseSupporter]) -> list[CaseSupporter]:
    """The people a supporter works with, read from case records: the showing is logged."""
    if people:
        recorder.record_list(CaseSupporter, count=len(people))
    return people


class SupporterListView(TableMixin, ScopedListView):
    model = Supporter
    template_name = "supporters/supporter_list.html"
    table = tables.SUPPORTERS

    @classmethod
    def allows(cls, member) -> bool:
        # A supporter's login has its own page (MyPageView), not the registry.
        return super().allows(member) and member.role != Role.SUPPORTER

    def get_queryset(self):
        return selectors.supporters_for(request_member(self.request)).order_by("name_kana", "name")

    def get_context_data(self, **kwargs):
        member = request_member(self.request)
        year = fiscal_year_of(timezone.localdate())
        return super().get_context_data(
            may_add=may(member, Supporter, Action.ADD),
            figures=figures.for_year(member.organization_id, year),
            fiscal_year=fiscal_year_label(year),
            **kwargs,
        )


class SupporterDetailView(ScopedDetailView):
    model = Supporter
    template_name = "supporters/supporter_detail.html"

    def get_context_data(self, **kwargs):
        member = request_member(self.request)
        supporter = self.object
        return super().get_context_data(
            completions=list(
                TrainingCompletion.objects.for_member(member)
                .filter(supporter=supporter)
                .select_related("course")
            ),
            activities=list(selectors.activities_of(member, supporter)[:30]),
            hours=selectors.hours_of(member, supporter),
            people=_shown(
                list(selectors.people_of(member, supporter).select_related("case"))
                if member.role in CASE_STAFF
                else []
            ),
            programs=list(Program.objects.for_member(member).filter(team=supporter.membership_id))
            if supporter.membership_id
            else [],
            may_change=may(member, Supporter, Action.CHANGE),
            may_record=may(member, SupporterActivity, Action.ADD),
            **kwargs,
        )


class SupporterCreateView(ScopedCreateView):
    model = Supporter
    form_class = SupporterForm
    template_name = "supporters/supporter_form.html"
    success_message = gettext_lazy("The supporter has been registered.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "member": self.request.member}

    def perform(self, form):
        return services.register_supporter(actor=self.request.member, **form.cleaned_data)

    def get_success_url(self):
        return reverse("supporters:supporter_detail", args=[self.object.pk])


class SupporterUpdateView(ScopedUpdateView):
    model = Supporter
    form_class = SupporterForm
    template_name = "supporters/supporter_form.html"
    success_message = gettext_lazy("The supporter has been saved.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "member": self.request.member}

    def perform(self, form):
        return services.change_supporter(
            actor=self.request.member,
            supporter=self.object,
            expected_version=form.cleaned_data["version"],
            **form.service_fields(),
        )

    def get_success_url(self):
        return reverse("supporters:supporter_detail", args=[self.object.pk])


class SupporterChildMixin(MemberRequiredMixin):
    request: HttpRequest
    kwargs: dict[str, Any]

    @cached_property
    def supporter(self) -> Supporter:
        rows = Supporter.objects.for_member(request_member(self.request))
        return get_object_or_404(rows, pk=self.kwargs["supporter"])

    def get_context_data(self, **kwargs):
        return super().get_context_data(supporter=self.supporter, **kwargs)


class ActivityCreateView(SupporterChildMixin, ScopedCreateView):
    model = SupporterActivity
    form_class = ActivityForm
    template_name = "supporters/activity_form.html"
    success_message = gettext_lazy("The activity has been recorded.")

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "member": self.request.member,
            "supporter": self.supporter,
        }

    def perform(self, form):
        return services.record_activity(
            actor=self.request.member, supporter=self.supporter, **form.cleaned_data
        )

    def get_success_url(self):
        if self.request.member.role == Role.SUPPORTER:
            return reverse("supporters:mine")
        return reverse("supporters:supporter_detail", args=[self.supporter.pk])


class CourseListView(TableMixin, ScopedListView):
    model = TrainingCourse
    template_name = "supporters/course_list.html"
    table = tables.COURSES

    def get_queryset(self):
        return selectors.courses_for(request_member(self.request)).order_by("-held_from", "name")

    def get_context_data(self, **kwargs):
        member = request_member(self.request)
        return super().get_context_data(may_add=may(member, TrainingCourse, Action.ADD), **kwargs)


class CourseDetailView(ScopedDetailView):
    """A course, who completed it, and the ticks that mark more completions."""

    model = TrainingCourse
    template_name = "supporters/course_detail.html"

    def get_context_data(self, **kwargs):
        member = request_member(self.request)
        course = self.object
        completions = list(course.completions.select_related("supporter"))
        may_record = may(member, TrainingCompletion, Action.ADD)
        form = kwargs.pop("form", None)
        if may_record and form is None:
            form = CompletionForm(member=member, done=[c.supporter_id for c in completions])
        return super().get_context_data(
            completions=completions,
            form=form if may_record else None,
            may_change=may(member, TrainingCourse, Action.CHANGE),
            **kwargs,
        )

    def post(self, request, pk):
        self.object = self.get_object()
        course = self.object
        done = course.completions.values_list("supporter_id", flat=True)
        form = CompletionForm(request.POST, member=request.member, done=list(done))
        if form.is_valid():
            try:
                added = services.record_completions(
                    actor=request.member,
                    course=course,
                    supporters=form.cleaned_data["supporters"],
                    completed_on=form.cleaned_data["completed_on"],
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("%(n)s completions recorded.") % {"n": len(added)})
                return redirect("supporters:course_detail", pk=pk)
        return self.render_to_response(self.get_context_data(form=form), status=400)


class CourseCreateView(ScopedCreateView):
    model = TrainingCourse
    form_class = CourseForm
    template_name = "supporters/course_form.html"
    success_message = gettext_lazy("The training course has been recorded.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "member": self.request.member}

    def perform(self, form):
        return services.add_course(actor=self.request.member, **form.cleaned_data)

    def get_success_url(self):
        return reverse("supporters:course_detail", args=[self.object.pk])


class CourseUpdateView(ScopedUpdateView):
    model = TrainingCourse
    form_class = CourseForm
    template_name = "supporters/course_form.html"
    success_message = gettext_lazy("The training course has been saved.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "member": self.request.member}

    def perform(self, form):
        return services.change_course(
            actor=self.request.member,
            course=self.object,
            expected_version=form.cleaned_data["version"],
            **form.service_fields(),
        )

    def get_success_url(self):
        return reverse("supporters:course_detail", args=[self.object.pk])


class AssignView(CaseChildMixin, ServiceFormMixin, FormView):
    """The person of a case agreed to work with a supporter (from the case page); the
    service checks who may record it."""

    form_class = AssignForm
    template_name = "supporters/assign_form.html"
    success_message = gettext_lazy("The supporter now works with the person.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "member": self.request.member}

    def perform(self, form):
        return services.assign_to_case(
            actor=self.request.member, case=self.case, **form.cleaned_data
        )

    def get_success_url(self):
        return reverse("cases:case_detail", args=[self.case.pk])


class MyPageView(MemberRequiredMixin, TemplateView):
    """A supporter's own page: their programs and sessions, people, activities and hours."""

    template_name = "supporters/mine.html"

    @classmethod
    def allows(cls, member) -> bool:
        return member is not None and member.role == Role.SUPPORTER

    def dispatch(self, request, *args, **kwargs):
        member = request_member(request)
        if request.user.is_authenticated and member is not None and not self.allows(member):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        member = request_member(self.request)
        record = Supporter.objects.for_member(member).first()
        return super().get_context_data(
            record=record,
            programs=list(Program.objects.for_member(member).filter(archived_on__isnull=True)),
            sessions=list(program_selectors.upcoming(member, days=28)[:20]),
            people=_shown(list(selectors.people_of(member, record)) if record else []),
            activities=list(selectors.activities_of(member, record)[:20]) if record else [],
            hours=selectors.hours_of(member, record) if record else 0,
            **kwargs,
        )
