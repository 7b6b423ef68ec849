from django.urls import path

from yorisoi.contacts import views

app_name = "contacts"

urlpatterns = [
    path("case/<int:pk>/new/", views.ContactCreateView.as_view(), name="contact_add"),
    path("case/<int:pk>/export.xlsx", views.CaseContactExportView.as_view(), name="case_export"),
    path("case/<int:pk>/support-record/", views.SupportRecordView.as_view(), name="support_record"),
    path("search/", views.ContactSearchView.as_view(), name="search"),
    path("<int:pk>/edit/", views.ContactUpdateView.as_view(), name="contact_edit"),
    path("<int:pk>/history/", views.ContactHistoryView.as_view(), name="contact_history"),
]
