from django.urls import path

from yorisoi.agencies import views

app_name = "agencies"

urlpatterns = [
    path("", views.AgencyListView.as_view(), name="agency_list"),
    path("new/", views.AgencyCreateView.as_view(), name="agency_add"),
    path("<int:pk>/", views.AgencyDetailView.as_view(), name="agency_detail"),
    path("<int:pk>/edit/", views.AgencyUpdateView.as_view(), name="agency_edit"),
    path("councils/", views.CouncilListView.as_view(), name="council_list"),
    path("councils/new/", views.CouncilCreateView.as_view(), name="council_add"),
    path("councils/<int:pk>/", views.CouncilDetailView.as_view(), name="council_detail"),
    path("councils/<int:pk>/edit/", views.CouncilUpdateView.as_view(), name="council_edit"),
]
