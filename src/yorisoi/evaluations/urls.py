from django.urls import path

from yorisoi.evaluations.views import evaluations, instruments, lists, stalled

app_name = "evaluations"

urlpatterns = [
    path("", lists.EvaluationListView.as_view(), name="evaluation_list"),
    path("case/<int:pk>/", evaluations.CaseHistoryView.as_view(), name="case_history"),
    path("case/<int:pk>/new/", evaluations.EvaluationCreateView.as_view(), name="evaluation_add"),
    path("case/<int:pk>/print/", evaluations.CaseHistoryPrintView.as_view(), name="case_print"),
    path("<int:pk>/edit/", evaluations.EvaluationUpdateView.as_view(), name="evaluation_edit"),
    path("stalled/", stalled.StalledCasesView.as_view(), name="stalled"),
    path("instruments/", instruments.InstrumentListView.as_view(), name="instrument_list"),
    path("instruments/new/", instruments.InstrumentCreateView.as_view(), name="instrument_add"),
    path(
        "instruments/<int:pk>/",
        instruments.InstrumentDetailView.as_view(),
        name="instrument_detail",
    ),
    path(
        "instruments/<int:pk>/edit/",
        instruments.InstrumentUpdateView.as_view(),
        name="instrument_edit",
    ),
]
