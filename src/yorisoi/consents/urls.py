from django.urls import path

from yorisoi.consents import views

app_name = "consents"

urlpatterns = [
    path("<int:pk>/withdraw/", views.ConsentWithdrawView.as_view(), name="consent_withdraw"),
    path("<int:pk>/print/", views.ConsentPrintView.as_view(), name="consent_print"),
]
