from django.urls import path

from yorisoi.organizations import views

app_name = "organizations"

urlpatterns = [
    path("switch/", views.SwitchOrganizationView.as_view(), name="switch"),
    path("settings/", views.OrganizationSettingsView.as_view(), name="settings"),
    path("staff/", views.StaffListView.as_view(), name="staff_list"),
    path("staff/add/", views.StaffCreateView.as_view(), name="staff_add"),
    path("staff/<int:pk>/", views.StaffDetailView.as_view(), name="staff_detail"),
    path("staff/<int:pk>/edit/", views.StaffUpdateView.as_view(), name="staff_edit"),
    path(
        "staff/<int:pk>/reset-two-factor/",
        views.StaffResetTwoFactorView.as_view(),
        name="staff_reset_two_factor",
    ),
]
