"""The ledgers an organization can import, shared by the command line and the web page."""

from django.utils.translation import gettext_lazy as _

from yorisoi.cases.importers import case_import
from yorisoi.contacts.importers import contact_import
from yorisoi.referrals.importers import referral_import

IMPORTS = {
    "cases": (_("Case ledger"), case_import),
    "contacts": (_("Contact records"), contact_import),
    "referrals": (_("Referrals"), referral_import),
}
