"""Staff roles (DESIGN §2) and what each may do by default."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    CASEWORKER = "caseworker", _("Caseworker")
    SUPERVISOR = "supervisor", _("Supervisor")
    CLERK = "clerk", _("Clerk")
    SUPPORTER = "supporter", _("Supporter")
    SYSADMIN = "sysadmin", _("System administrator")


class Action(models.TextChoices):
    VIEW = "view", _("view")
    ADD = "add", _("add")
    CHANGE = "change", _("change")
    DELETE = "delete", _("delete")


ALL_ROLES = frozenset(Role)
CASE_STAFF = frozenset({Role.CASEWORKER, Role.SUPERVISOR})
