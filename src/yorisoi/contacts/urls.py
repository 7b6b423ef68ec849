from django.urls import path

from yorisoi.contacts import views

app_name = "contacts"

urlpatterns = [
    path("search/", views.ContactSearchView.as_view(), name="search"),
    path("<int:pk>/edit/", views.ContactUpdateView.as_view(), name="contact_edit"),
    path("<int:pk>/history/", views.ContactHistoryView.as_view(), name="contact_history"),
]
