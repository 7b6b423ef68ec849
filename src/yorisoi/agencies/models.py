"""The agency directory (社会資源) and support meetings constituted by law (支援会議)."""

import datetime
from typing import Any, ClassVar, Self

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from yorisoi.agencies.choices import AgencyCategory, LegalBasis
from yorisoi.core.models import TenantModel
from yorisoi.core.roles import CASE_STAFF, Action, Role
from yorisoi.core.scoping import AccessPolicy, Member, TenantQuerySet
from yorisoi.core.text import normalize_name

DIRECTORY_STAFF = CASE_STAFF | {Role.CLERK}


class AgencyQuerySet(TenantQuerySet["Agency"]):
    def for_member(self, member: Member | None, action: str = Action.VIEW) -> Self:
        """Own entries; to look at, also the entries other organizations share."""
        if (
            member is None
            or action != Action.VIEW
            or not self.model.access_policy.allows(member, action)
        ):
            return super().for_member(member, action)
        return self.filter(Q(organization=member.organization_id) | Q(shared=True))

    def usable_by(self, organization: models.Model | int) -> Self:
        """What an organization may refer to: its own entries and shared ones, still active."""
        return self.filter(
            Q(organization=getattr(organization, "pk", organization)) | Q(shared=True),
            is_active=True,
        )

    def by_name(self) -> dict[str, "Agency"]:
        """These agencies by normalized name (the first of each name), to match typed names."""
        found: dict[str, Agency] = {}
        for agency in self:
            found.setdefault(normalize_name(agency.name), agency)
        return found

    def matching(self, query: str) -> Self:
        """Width-, case- and kana-insensitive match on every word of the query."""
        queryset = self
        for word in query.split():
            queryset = queryset.filter(search_text__contains=normalize_name(word))
        return queryset


AgencyManager = models.Manager.from_queryset(AgencyQuerySet)


class Agency(TenantModel):
    """An agency the organization works with: who they are, what they offer, whom to call."""

    name = models.CharField(_("name"), max_length=200)
    name_kana = models.CharField(_("name (furigana)"), max_length=200, blank=True)
    category = models.CharField(_("category"), max_length=30, choices=AgencyCategory.choices)
    area = models.CharField(_("area"), max_length=100, blank=True)
    address = models.CharField(pgettext_lazy("postal", "address"), max_length=300, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    contact_person = models.CharField(_("contact person"), max_length=100, blank=True)
    hours = models.CharField(_("opening hours"), max_length=200, blank=True)
    offers = models.TextField(_("what they offer"), blank=True)
    notes = models.TextField(_("notes"), blank=True)
    shared = models.BooleanField(
        _("shared with other organizations"),
        default=False,
        help_text=_("Other organizations on this installation can find and refer to it."),
    )
    linked_organization = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organization on this installation"),
        help_text=_(
            "When the agency also uses yorisoi, referrals reach it here and it answers them here."
        ),
    )
    is_active = models.BooleanField(_("active"), default=True)
    search_text = models.CharField(max_length=1000, blank=True, editable=False)

    objects: ClassVar[AgencyManager] = AgencyManager()
    access_policy = AccessPolicy(view=DIRECTORY_STAFF, add=DIRECTORY_STAFF, change=DIRECTORY_STAFF)

    class Meta:
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")
        ordering = ["category", "name_kana", "name"]
        indexes = [models.Index(fields=["organization", "category"], name="agency_org_category")]

    def __str__(self) -> str:
        return self.name

    def audit_label(self) -> str:
        return f"{self._meta.verbose_name} {self.name}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        parts = (self.name, self.name_kana, self.area, self.contact_person, self.offers)
        self.search_text = " ".join(normalize_name(p) for p in parts if p)[:1000]
        super().save(*args, **kwargs)


class SupportCouncil(TenantModel):
    """A support meeting (支援会議) constituted by law: its members may share without consent.

    Members owe a duty of confidentiality; every provision made under it records this basis.
    """

    name = models.CharField(_("name"), max_length=200)
    legal_basis = models.CharField(_("legal basis"), max_length=30, choices=LegalBasis.choices)
    established_on = models.DateField(_("constituted on"))
    ended_on = models.DateField(_("dissolved on"), null=True, blank=True)
    members = models.ManyToManyField(Agency, related_name="councils", verbose_name=_("members"))
    confidentiality = models.TextField(
        _("duty of confidentiality"),
        help_text=_("How members were told of their duty of confidentiality, and when."),
    )
    notes = models.TextField(_("notes"), blank=True)

    access_policy = AccessPolicy(view=CASE_STAFF, add={Role.SUPERVISOR}, change={Role.SUPERVISOR})

    class Meta:
        verbose_name = _("support council")
        verbose_name_plural = _("support councils")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def audit_label(self) -> str:
        return f"{self._meta.verbose_name} {self.name}"

    def in_force(self, day: datetime.date) -> bool:
        return self.established_on <= day and (self.ended_on is None or self.ended_on >= day)
