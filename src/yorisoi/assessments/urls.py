from django.urls import path

from yorisoi.assessments import views

app_name = "assessments"

urlpatterns = [
    path("case/<int:pk>/", views.AssessmentHistoryView.as_view(), name="history"),
    path("case/<int:pk>/new/", views.AssessmentCreateView.as_view(), name="assessment_add"),
    path("case/<int:pk>/urgency/", views.UrgencyChangeView.as_view(), name="urgency"),
    path("<int:pk>/", views.AssessmentDetailView.as_view(), name="assessment_detail"),
    path("<int:pk>/print/", views.AssessmentPrintView.as_view(), name="assessment_print"),
    path(
        "case/<int:pk>/pre-interview/new/",
        views.PreInterviewCreateView.as_view(),
        name="pre_interview_add",
    ),
    path(
        "pre-interview/<int:pk>/",
        views.PreInterviewDetailView.as_view(),
        name="pre_interview_detail",
    ),
    path(
        "pre-interview/<int:pk>/print/",
        views.PreInterviewPrintView.as_view(),
        name="pre_interview_print",
    ),
]
