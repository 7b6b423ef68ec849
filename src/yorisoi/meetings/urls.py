from django.urls import path

from yorisoi.meetings import views

app_name = "meetings"

urlpatterns = [
    path("", views.MeetingListView.as_view(), name="meeting_list"),
    path("case/<int:pk>/new/", views.MeetingCreateView.as_view(), name="meeting_add"),
    path("<int:pk>/", views.MeetingDetailView.as_view(), name="meeting_detail"),
    path("actions/<int:pk>/done/", views.ActionDoneView.as_view(), name="action_done"),
]
