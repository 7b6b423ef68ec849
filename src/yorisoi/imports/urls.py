from django.urls import path

from yorisoi.imports import views

app_name = "imports"

urlpatterns = [
    path("", views.ImportView.as_view(), name="import"),
    path("jobs/<int:pk>/", views.ImportJobView.as_view(), name="job"),
    path("jobs/<int:pk>/status/", views.ImportJobStatusView.as_view(), name="job_status"),
]
