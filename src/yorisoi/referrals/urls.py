from django.urls import path

from yorisoi.referrals import views

app_name = "referrals"

urlpatterns = [
    path("", views.ReferralListView.as_view(), name="referral_list"),
    path("case/<int:pk>/new/", views.ReferralCreateView.as_view(), name="referral_add"),
    path("case/<int:pk>/received/", views.IncomingCreateView.as_view(), name="incoming_add"),
    path("case/<int:pk>/team/", views.TeamView.as_view(), name="team"),
    path("<int:pk>/", views.ReferralDetailView.as_view(), name="referral_detail"),
    path("<int:pk>/follow-up/", views.FollowUpView.as_view(), name="follow_up"),
    path("received/", views.IncomingListView.as_view(), name="incoming_list"),
    path("received/<int:pk>/", views.IncomingDetailView.as_view(), name="incoming_detail"),
    path("received/<int:pk>/accept/", views.AcceptView.as_view(), name="incoming_accept"),
    path("received/<int:pk>/decline/", views.DeclineView.as_view(), name="incoming_decline"),
    path(
        "received/<int:pk>/confirm-consent/",
        views.ConfirmConsentView.as_view(),
        name="incoming_confirm",
    ),
    path("provisions/", views.ProvisionListView.as_view(), name="provision_list"),
]
