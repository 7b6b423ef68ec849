from django.urls import path

from yorisoi.plans import views

app_name = "plans"

urlpatterns = [
    path("", views.PlanListView.as_view(), name="plan_list"),
    path("case/<int:pk>/new/", views.PlanCreateView.as_view(), name="plan_add"),
    path("<int:pk>/", views.PlanDetailView.as_view(), name="plan_detail"),
    path("<int:pk>/print/", views.PlanPrintView.as_view(), name="plan_print"),
    path("<int:pk>/review/", views.PlanReviewView.as_view(), name="plan_review"),
    path("<int:pk>/decide/", views.DecidePlanView.as_view(), name="plan_decide"),
]
