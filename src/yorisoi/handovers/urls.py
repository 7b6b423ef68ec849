from django.urls import path

from yorisoi.handovers import views

app_name = "handovers"

urlpatterns = [
    path("", views.HandoverListView.as_view(), name="handover_list"),
    path("bulk/", views.BulkHandoverView.as_view(), name="bulk"),
    path("case/<int:pk>/new/", views.HandoverCreateView.as_view(), name="handover_add"),
    path("<int:pk>/", views.HandoverDetailView.as_view(), name="handover_detail"),
    path("<int:pk>/print/", views.HandoverPrintView.as_view(), name="handover_print"),
]
