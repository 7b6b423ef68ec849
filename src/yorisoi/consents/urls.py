from django.urls import path

from yorisoi.consents import views

app_name = "consents"

urlpatterns = [
    path("case/<int:pk>/new/", views.ConsentCreateView.as_view(), name="consent_add"),
    path("<int:pk>/withdraw/", views.ConsentWithdrawView.as_view(), name="consent_withdraw"),
    path("<int:pk>/print/", views.ConsentPrintView.as_view(), name="consent_print"),
]
