from django.urls import path

from yorisoi.due import views

app_name = "due"

urlpatterns = [
    path("", views.DueListView.as_view(), name="due_list"),
]
