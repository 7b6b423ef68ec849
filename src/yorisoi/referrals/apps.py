from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReferralsConfig(AppConfig):
    name = "yorisoi.referrals"
    label = "referrals"
    verbose_name = _("Referrals")

    def ready(self) -> None:
        from yorisoi.consents.signals import consent_withdrawn
        from yorisoi.core import navigation
        from yorisoi.referrals import panels

        navigation.register(
            _("Referrals"), "referrals:referral_list", model="referrals.Referral", order=35
        )
        navigation.register(
            _("Provision records"),
            "referrals:provision_list",
            model="referrals.ProvisionRecord",
            order=80,
        )

        consent_withdrawn.connect(_retract, dispatch_uid="referrals.retract_under_consent")
        panels.register()


def _retract(sender, consent, actor, **kwargs):
    from yorisoi.referrals.services import retract_under

    retract_under(consent, actor)
