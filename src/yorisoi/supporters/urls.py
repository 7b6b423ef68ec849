from django.urls import path

from yorisoi.supporters import views

app_name = "supporters"

urlpatterns = [
    path("", views.SupporterListView.as_view(), name="supporter_list"),
    path("new/", views.SupporterCreateView.as_view(), name="supporter_add"),
    path("me/", views.MyPageView.as_view(), name="mine"),
    path("<int:pk>/", views.SupporterDetailView.as_view(), name="supporter_detail"),
    path("<int:pk>/edit/", views.SupporterUpdateView.as_view(), name="supporter_edit"),
    path(
        "<int:supporter>/activities/new/",
        views.ActivityCreateView.as_view(),
        name="activity_add",
    ),
    path("courses/", views.CourseListView.as_view(), name="course_list"),
    path("courses/new/", views.CourseCreateView.as_view(), name="course_add"),
    path("courses/<int:pk>/", views.CourseDetailView.as_view(), name="course_detail"),
    path("courses/<int:pk>/edit/", views.CourseUpdateView.as_view(), name="course_edit"),
    path("case/<int:pk>/assign/", views.AssignView.as_view(), name="assign"),
]
