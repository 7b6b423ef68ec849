from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContactsConfig(AppConfig):
    name = "yorisoi.contacts"
    label = "contacts"
    verbose_name = _("Contact records")

    def ready(self) -> None:
        from yorisoi.core import navigation

        navigation.register(
            _("Note search"), "contacts:search", model="contacts.ContactRecord", order=30
        )

        from yorisoi.contacts import panels, state

        panels.register()
        state.connect()
