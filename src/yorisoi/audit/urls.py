from django.urls import path

from yorisoi.audit import views

app_name = "audit"

urlpatterns = [
    path("", views.AuditEventListView.as_view(), name="event_list"),
    # The list's own download (?format=xlsx) under the address it has always had.
    path("export.xlsx", views.AuditEventListView.as_view(export_only=True), name="event_export"),
]
