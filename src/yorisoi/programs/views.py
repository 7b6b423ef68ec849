"""Programs and their sessions: lists, the program page, schedules, a session and who came."""

import datetime
from functools import cached_property
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView
from django.views.generic.detail import SingleObjectMixin

from yorisoi.cases.models import Case
from yorisoi.core.dates import fiscal_year_label, fiscal_year_of, format_wareki_year
from yorisoi.core.roles import CASE_STAFF, Action
from yorisoi.core.scoping import may
from yorisoi.core.tables import TableMixin
from yorisoi.core.views import (
    MemberRequiredMixin,
    ScopedCreateView,
    ScopedDetailView,
    ScopedListView,
    ScopedMixin,
    ScopedUpdateView,
    add_service_errors,
    request_member,
)
from yorisoi.programs import calendar, figures, selectors, services, tables
from yorisoi.programs.choices import SessionStatus
from yorisoi.programs.filtersets import ProgramFilterSet
from yorisoi.programs.forms import (
    AttendanceForm,
    CancelForm,
    CaseAttendanceForm,
    ProgramForm,
    ScheduleForm,
    SessionChangeForm,
    SessionForm,
    SessionRecordForm,
)
from yorisoi.programs.models import (
    Attendance,
    CalendarFeed,
    Program,
    ProgramParticipant,
    ProgramSchedule,
    ProgramSession,
)

RECENT = 8  # sessions shown before and after today on the program page


class ProgramChildMixin(MemberRequiredMixin):
    """A page under one program (``program`` in the URL): outside the member's scope a 404."""

    request: HttpRequest
    kwargs: dict[str, Any]

    @cached_property
    def program(self) -> Program:
        programs = Program.objects.for_member(request_member(self.request))
        return get_object_or_404(programs, pk=self.kwargs["program"])

    def get_context_data(self, **kwargs):
        return super().get_context_data(program=self.program, **kwargs)


class ProgramListView(TableMixin, ScopedListView):
    model = Program
    filterset_class = ProgramFilterSet
    template_name = "programs/program_list.html"
    table = tables.PROGRAMS

    def get_queryset(self):
        programs = selectors.programs_for(request_member(self.request), archived=True)
        self.filterset = ProgramFilterSet(
            self.request.GET or None, queryset=programs, request=self.request
        )
        return self.filterset.qs.order_by("kind", "name")

    def get_context_data(self, **kwargs):
        member = request_member(self.request)
        return super().get_context_data(
            may_add=may(member, Program, Action.ADD),
            upcoming=list(selectors.upcoming(member)[:20]),
            **kwargs,
        )


class ProgramDetailView(ScopedDetailView):
    model = Program
    template_name = "programs/program_detail.html"

    def get_queryset(self):
        return super().get_queryset().prefetch_related("co_organizers", "team__user")

    def get_context_data(self, **kwargs):
        member = request_member(self.request)
        program = self.object
        today = timezone.localdate()
        sessions = selectors.sessions_of(member, program)
        year = fiscal_year_of(today)
        return super().get_context_data(
            schedules=list(program.schedules.all()),
            coming=list(sessions.filter(on__gte=today).order_by("on", "starts_at")[:RECENT]),
            recent=list(sessions.filter(on__lt=today).order_by("-on", "-starts_at")[:RECENT]),
            figures=figures.by_kind(program.organization_id, year, program_id=program.pk),
            fiscal_year=fiscal_year_label(year),
            may_change=may(member, Program, Action.CHANGE) and not program.archived_on,
            may_see_joining=member is not None,
            **kwargs,
        )


class ProgramCreateView(ScopedCreateView):
    model = Program
    form_class = ProgramForm
    template_name = "programs/program_form.html"
    success_message = gettext_lazy("The program has been added.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "member": self.request.member}

    def perform(self, form):
        return services.add_program(actor=self.request.member, **form.cleaned_data)

    def get_success_url(self):
        return reverse("programs:program_detail", args=[self.object.pk])


class ProgramUpdateView(ScopedUpdateView):
    model = Program
    form_class = ProgramForm
    template_name = "programs/program_form.html"
    success_message = gettext_lazy("The program has been saved.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "member": self.request.member}

    def perform(self, form):
        return services.change_program(
            actor=self.request.member,
            program=self.object,
            expected_version=form.cleaned_data["version"],
            **form.service_fields(),
        )

    def get_success_url(self):
        return reverse("programs:program_detail", args=[self.object.pk])


class ProgramArchiveView(ScopedMixin, SingleObjectMixin, View):
    """End a program: archived with its history when it has sessions, else removed."""

    model = Program
    action = Action.CHANGE

    def post(self, request, pk):
        program = self.get_object()
        if services.archive_program(actor=request.member, program=program) is None:
            messages.success(request, _("The program had no sessions and has been removed."))
            return redirect("programs:program_list")
        messages.success(request, _("The program is archived; its sessions stay on record."))
        return redirect("programs:program_detail", pk=pk)


class ScheduleCreateView(ProgramChildMixin, ScopedCreateView):
    model = ProgramSchedule
    form_class = ScheduleForm
    template_name = "programs/schedule_form.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "program": self.program}

    def perform(self, form):
        fields = form.service_fields()
        through = fields.pop("through")
        schedule = services.add_schedule(
            actor=self.request.member, program=self.program, through=through, **fields
        )
        made = schedule.sessions.count()
        messages.success(
            self.request,
            _("The schedule is saved and %(n)s sessions have been made.") % {"n": made},
        )
        return schedule

    def get_success_url(self):
        return reverse("programs:program_detail", args=[self.program.pk])


class ScheduleExtendView(ScopedMixin, SingleObjectMixin, View):
    """Make a schedule's sessions three months further ahead."""

    model = ProgramSchedule
    action = Action.CHANGE

    def post(self, request, pk):
        schedule = self.get_object()
        try:
            made = services.generate_sessions(actor=request.member, schedule=schedule)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("%(n)s sessions have been made.") % {"n": len(made)})
        return redirect("programs:program_detail", pk=schedule.program_id)


class SessionCreateView(ProgramChildMixin, ScopedCreateView):
    model = ProgramSession
    form_class = SessionForm
    template_name = "programs/session_form.html"
    success_message = gettext_lazy("The session has been added.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "program": self.program}

    def get_initial(self):
        return {"format": "online" if self.program.format == "online" else "in_person"}

    def perform(self, form):
        return services.add_session(
            actor=self.request.member, program=self.program, **form.cleaned_data
        )

    def get_success_url(self):
        return reverse("programs:session_detail", args=[self.object.pk])


class SessionListView(ProgramChildMixin, TableMixin, ScopedListView):
    """Every session of a program, with how many took part; downloads as .xlsx."""

    model = ProgramSession
    template_name = "programs/session_list.html"
    table = tables.SESSIONS

    def get_queryset(self):
        member = request_member(self.request)
        return selectors.sessions_of(member, self.program).order_by("-on", "-starts_at")


class ParticipantListView(ProgramChildMixin, TableMixin, ScopedListView):
    """The program's list of nicknames, with first visits and visits; downloads as .xlsx."""

    model = ProgramParticipant
    template_name = "programs/participant_list.html"
    table = tables.PARTICIPANTS

    def get_queryset(self):
        return selectors.roster(request_member(self.request), self.program).order_by("nickname")


class SessionMixin:
    def get_queryset(self):
        return super().get_queryset().select_related("program")


class SessionDetailView(SessionMixin, ScopedDetailView):
    """A session: who came (ticks, newcomers, linked cases), head counts and notes."""

    model = ProgramSession
    template_name = "programs/session_detail.html"

    def get_context_data(self, **kwargs):
        member = request_member(self.request)
        session = self.object
        attendances = list(selectors.attendances_at(member, session))
        present = {a.participant_id for a in attendances if a.participant_id}
        roster = [p for p in selectors.roster(member, session.program) if p.pk not in present]
        may_record = (
            may(member, Attendance, Action.ADD) and session.status != SessionStatus.CANCELLED
        )
        held = session.on <= timezone.localdate()
        context = {
            "attendances": attendances,
            "may_record": may_record and held,
            "may_link": may_record and held and member.role in CASE_STAFF,
            "may_change": may(member, ProgramSession, Action.CHANGE)
            and session.status != SessionStatus.CANCELLED,
            "sees_cases": member.role in CASE_STAFF,
            "came": len(attendances) + session.head_count,
            "warning": services.capacity_warning(session)
            if attendances or session.head_count
            else "",
            "on_duty": list(session.on_duty.select_related("user")),
        }
        if context["may_record"]:
            context["attendance_form"] = kwargs.pop("attendance_form", None) or AttendanceForm(
                session=session, roster=roster
            )
            context["record_form"] = kwargs.pop("record_form", None) or SessionRecordForm(
                instance=session
            )
        if context["may_link"]:
            context["case_form"] = kwargs.pop("case_form", None) or CaseAttendanceForm()
        if context["may_change"]:
            context["cancel_form"] = CancelForm()
        return super().get_context_data(**context, **kwargs)


class _SessionPost(SessionMixin, ScopedMixin, SingleObjectMixin, View):
    """A form posted from the session page: on errors the page is shown again with them."""

    model = ProgramSession
    action = Action.CHANGE

    def again(self, request, session, status=400, **forms):
        view = SessionDetailView()
        view.setup(request, pk=session.pk)
        view.object = session
        context = view.get_context_data(object=session, **forms)
        return view.render_to_response(context, status=status)


class SessionAttendanceView(_SessionPost):
    def post(self, request, pk):
        session = self.get_object()
        member = request.member
        roster = list(selectors.roster(member, session.program))
        form = AttendanceForm(request.POST, session=session, roster=roster)
        if not form.is_valid():
            return self.again(request, session, attendance_form=form)
        try:
            added = services.record_nicknames(
                actor=member, session=session, **form.service_arguments()
            )
        except ValidationError as error:
            add_service_errors(form, error)
            return self.again(request, session, attendance_form=form)
        messages.success(request, _("%(n)s added to the session.") % {"n": len(added)})
        warning = services.capacity_warning(session)
        if warning:
            messages.warning(request, warning)
        return redirect("programs:session_detail", pk=pk)


class SessionCaseAttendanceView(_SessionPost):
    def post(self, request, pk):
        session = self.get_object()
        form = CaseAttendanceForm(request.POST)
        if not form.is_valid():
            return self.again(request, session, case_form=form)
        case = (
            Case.objects.for_member(request.member)
            .filter(number=form.cleaned_data["case_number"].strip())
            .select_related("household")
            .first()
        )
        if case is None:
            form.add_error("case_number", _("No case of yours has that number."))
            return self.again(request, session, case_form=form)
        member = None
        if form.cleaned_data["who"]:
            member = case.household.members.filter(relation=form.cleaned_data["who"]).first()
            if member is None:
                form.add_error("who", _("No one of that relation is recorded on the case."))
                return self.again(request, session, case_form=form)
        try:
            services.record_case_attendance(
                actor=request.member,
                session=session,
                case=case,
                household_member=member,
                mode=form.cleaned_data["mode"],
            )
        except PermissionDenied:
            form.add_error("case_number", _("No case of yours has that number."))
            return self.again(request, session, case_form=form)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.again(request, session, case_form=form)
        messages.success(request, _("Case %(n)s is recorded at the session.") % {"n": case.number})
        return redirect("programs:session_detail", pk=pk)


class AttendanceRemoveView(ScopedMixin, SingleObjectMixin, View):
    model = Attendance
    action = Action.DELETE

    def post(self, request, pk):
        attendance = self.get_object()
        session_id = attendance.session_id
        services.remove_attendance(actor=request.member, attendance=attendance)
        messages.success(request, _("Removed from the session."))
        return redirect("programs:session_detail", pk=session_id)


class SessionRecordView(SessionMixin, ScopedUpdateView):
    """Head counts and notes of a session (refused, not overwritten, if someone saved first)."""

    model = ProgramSession
    form_class = SessionRecordForm
    template_name = "programs/session_record.html"
    success_message = gettext_lazy("The head counts and notes have been saved.")

    def perform(self, form):
        return services.change_session(
            actor=self.request.member,
            session=self.object,
            expected_version=form.cleaned_data["version"],
            **form.service_fields(),
        )

    def get_success_url(self):
        return reverse("programs:session_detail", args=[self.object.pk])


class SessionChangeView(SessionMixin, ScopedUpdateView):
    """Move a session or change who is on duty."""

    model = ProgramSession
    form_class = SessionChangeForm
    template_name = "programs/session_form.html"
    success_message = gettext_lazy("The session has been saved.")

    def perform(self, form):
        fields = form.service_fields()
        return services.change_session(
            actor=self.request.member,
            session=self.object,
            expected_version=fields.pop("version", form.cleaned_data["version"]),
            reason=fields.pop("reason", ""),
            **fields,
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(program=self.object.program, **kwargs)

    def get_success_url(self):
        return reverse("programs:session_detail", args=[self.object.pk])


class SessionCancelView(_SessionPost):
    def post(self, request, pk):
        session = self.get_object()
        form = CancelForm(request.POST)
        if form.is_valid():
            try:
                services.cancel_session(
                    actor=request.member, session=session, reason=form.cleaned_data["reason"]
                )
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(request, _("The session is called off."))
        else:
            messages.error(request, _("Say why the session is called off."))
        return redirect("programs:session_detail", pk=pk)


class SignInSheetView(SessionMixin, ScopedDetailView):
    """The session's sign-in sheet on A4: the list's nicknames and empty lines, no real names."""

    model = ProgramSession
    template_name = "programs/sign_in_sheet.html"
    http_method_names = ["get", "head", "options"]

    def get_context_data(self, **kwargs):
        member = request_member(self.request)
        roster = list(selectors.roster(member, self.object.program).order_by("nickname"))
        return super().get_context_data(
            roster=roster, blank_lines=range(max(8, 20 - len(roster))), **kwargs
        )


class CalendarView(MemberRequiredMixin, TemplateView):
    """The member's private calendar address: make one (shown once), or stop it."""

    template_name = "programs/calendar.html"

    @classmethod
    def allows(cls, member) -> bool:
        return may(member, CalendarFeed, Action.ADD)

    def dispatch(self, request, *args, **kwargs):
        member = request_member(request)
        if request.user.is_authenticated and member is not None and not self.allows(member):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        member = request_member(self.request)
        active = CalendarFeed.objects.for_member(member).filter(revoked_at__isnull=True).first()
        return super().get_context_data(feed=active, **kwargs)

    def post(self, request):
        if request.POST.get("action") == "stop":
            services.stop_calendar_feeds(actor=request.member)
            messages.success(request, _("The calendar address no longer works."))
            return redirect("programs:calendar")
        _feed, key = services.make_calendar_feed(actor=request.member)
        url = request.build_absolute_uri(reverse("programs:calendar_feed", args=[key]))
        return self.render_to_response(self.get_context_data(new_url=url))


def calendar_feed(request, key):
    """The .ics a calendar app reads: reached by the secret key alone (no sign-in), as the
    member's own view of the sessions; a stopped key or a member who left finds nothing."""
    feed = (
        CalendarFeed.objects.filter(digest=CalendarFeed.digest_of(key), revoked_at__isnull=True)
        .select_related("membership__organization")
        .first()
    )
    member = feed.membership if feed is not None else None
    if member is None or not member.is_active or not may(member, ProgramSession, Action.VIEW):
        raise Http404
    start, end = calendar.window(timezone.localdate())
    sessions = (
        ProgramSession.objects.for_member(member)
        .filter(on__gte=start, on__lte=end)
        .select_related("program")
        .order_by("on", "starts_at")
    )
    body = calendar.feed(
        sessions, name=member.organization.name, domain=request.get_host().split(":")[0]
    )
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")


class MonthReportView(ScopedDetailView):
    """A program's month on A4: each session with who came and its notes, and the month's
    figures (``?month=2026-11``; this month when not given)."""

    model = Program
    template_name = "programs/month_report.html"
    http_method_names = ["get", "head", "options"]

    def get_context_data(self, **kwargs):
        member = request_member(self.request)
        today = timezone.localdate()
        try:
            first = datetime.date.fromisoformat(f"{self.request.GET.get('month', '')}-01")
        except ValueError:
            first = today.replace(day=1)
        last = (first + datetime.timedelta(days=32)).replace(day=1) - datetime.timedelta(days=1)
        sessions = (
            selectors.sessions_of(member, self.object)
            .filter(on__gte=first, on__lte=last)
            .order_by("on", "starts_at")
        )
        rows = figures.between(self.object.organization_id, first, last, program_id=self.object.pk)
        return super().get_context_data(
            month=first,
            month_label=f"{format_wareki_year(first)}{first.month}月",
            sessions=list(sessions),
            figures=rows[0] if rows else None,
            previous=(first - datetime.timedelta(days=1)).strftime("%Y-%m"),
            next=(last + datetime.timedelta(days=1)).strftime("%Y-%m"),
            **kwargs,
        )
