from django.urls import path

from yorisoi.programs import views

app_name = "programs"

urlpatterns = [
    path("", views.ProgramListView.as_view(), name="program_list"),
    path("new/", views.ProgramCreateView.as_view(), name="program_add"),
    path("calendar/", views.CalendarView.as_view(), name="calendar"),
    path("calendar/<str:key>.ics", views.calendar_feed, name="calendar_feed"),
    path("<int:pk>/", views.ProgramDetailView.as_view(), name="program_detail"),
    path("<int:pk>/edit/", views.ProgramUpdateView.as_view(), name="program_edit"),
    path("<int:pk>/archive/", views.ProgramArchiveView.as_view(), name="program_archive"),
    path("<int:pk>/report/", views.MonthReportView.as_view(), name="month_report"),
    path("<int:program>/schedules/new/", views.ScheduleCreateView.as_view(), name="schedule_add"),
    path("schedules/<int:pk>/extend/", views.ScheduleExtendView.as_view(), name="schedule_extend"),
    path("<int:program>/sessions/", views.SessionListView.as_view(), name="session_list"),
    path("<int:program>/sessions/new/", views.SessionCreateView.as_view(), name="session_add"),
    path(
        "<int:program>/participants/",
        views.ParticipantListView.as_view(),
        name="participant_list",
    ),
    path("sessions/<int:pk>/", views.SessionDetailView.as_view(), name="session_detail"),
    path("sessions/<int:pk>/edit/", views.SessionChangeView.as_view(), name="session_edit"),
    path("sessions/<int:pk>/record/", views.SessionRecordView.as_view(), name="session_record"),
    path("sessions/<int:pk>/cancel/", views.SessionCancelView.as_view(), name="session_cancel"),
    path(
        "sessions/<int:pk>/attendance/",
        views.SessionAttendanceView.as_view(),
        name="session_attendance",
    ),
    path(
        "sessions/<int:pk>/attendance/case/",
        views.SessionCaseAttendanceView.as_view(),
        name="session_case_attendance",
    ),
    path("sessions/<int:pk>/sign-in/", views.SignInSheetView.as_view(), name="sign_in_sheet"),
    path(
        "attendance/<int:pk>/remove/",
        views.AttendanceRemoveView.as_view(),
        name="attendance_remove",
    ),
]
