"""Evaluation instruments (評価尺度) as data: shipped for everyone or an organization's own.

A version is never changed once an evaluation may point at it: editing an instrument's items
publishes a new version, so old scores keep meaning what they meant when they were given.
"""

from typing import ClassVar, Protocol, Self, TypeVar, cast

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from yorisoi.core.models import AuditedModel, TenantModel
from yorisoi.core.roles import CASE_STAFF, Action, Role
from yorisoi.core.scoping import AccessPolicy, Member, TenantQuerySet
from yorisoi.evaluations.choices import ItemKind

YES_NO_VALUES = (0, 1)
# Shipped instruments first, then the organization's own by name.
INSTRUMENT_ORDER = (models.F("organization").asc(nulls_first=True), "name", "pk")


class InstrumentQuerySet(TenantQuerySet["Instrument"]):
    def for_member(self, member: Member | None, action: str = Action.VIEW) -> Self:
        """Shipped instruments are seen by all case staff; changed only by their owner."""
        if member is None or not self.model.access_policy.allows(member, action):
            return self.none()
        own = Q(organization=member.organization_id)
        return self.filter(own | Q(organization__isnull=True) if action == Action.VIEW else own)

    def available_to(self, organization: models.Model | int) -> Self:
        """Shipped instruments and the organization's own: for commands acting for it."""
        return self.filter(
            Q(organization__isnull=True) | Q(organization=getattr(organization, "pk", organization))
        )


InstrumentManager = models.Manager.from_queryset(InstrumentQuerySet)


class Instrument(TenantModel):
    """An instrument; without an organization it is shipped with yorisoi for everyone."""

    organization = models.ForeignKey(  # type: ignore[assignment]  # shipped ones have none
        "organizations.Organization",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
        verbose_name=_("organization"),
    )
    name = models.CharField(_("name"), max_length=200)
    code = models.SlugField(
        _("code"),
        max_length=50,
        help_text=_("A short name in letters, digits and hyphens, used in links and the API."),
    )
    description = models.TextField(_("description"), blank=True)
    is_active = models.BooleanField(
        _("in use"),
        default=True,
        help_text=_("Instruments no longer in use keep their evaluations but take no new ones."),
    )

    objects: ClassVar[InstrumentManager] = InstrumentManager()
    # Instruments hold no personal data: system administrators manage them with supervisors.
    access_policy = AccessPolicy(
        view=CASE_STAFF | {Role.SYSADMIN},
        add={Role.SUPERVISOR, Role.SYSADMIN},
        change={Role.SUPERVISOR, Role.SYSADMIN},
    )

    class Meta:
        verbose_name = _("evaluation instrument")
        verbose_name_plural = _("evaluation instruments")
        ordering = list(INSTRUMENT_ORDER)
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "code"],
                name="instrument_code_unique_per_org",
                violation_error_message=_("This code is already in use."),
            ),
            models.UniqueConstraint(
                fields=["code"],
                condition=Q(organization__isnull=True),
                name="instrument_code_unique_shipped",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_shipped(self) -> bool:
        return self.organization_id is None


class _InstrumentPart(Protocol):
    instrument_lookup: str  # the path from the part to its instrument


_Part = TypeVar("_Part", bound=models.Model)


class InstrumentPartQuerySet(models.QuerySet[_Part]):
    """Versions, items and levels are reached through the instrument they belong to."""

    def for_member(self, member: Member | None, action: str = Action.VIEW) -> Self:
        visible = Instrument.objects.for_member(member, action)
        lookup = cast("type[_InstrumentPart]", self.model).instrument_lookup
        return self.filter(**{f"{lookup}__in": visible})


class InstrumentVersion(AuditedModel):
    """One published state of an instrument's items; evaluations point at the one they used."""

    instrument = models.ForeignKey(
        Instrument,
        on_delete=models.PROTECT,
        related_name="versions",
        verbose_name=_("instrument"),
    )
    number = models.PositiveIntegerField(_("version"))
    published_on = models.DateField(_("published on"))

    objects = InstrumentPartQuerySet.as_manager()
    instrument_lookup = "instrument"

    class Meta:
        verbose_name = _("instrument version")
        verbose_name_plural = _("instrument versions")
        ordering = ["instrument", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["instrument", "number"], name="instrument_version_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.instrument} v{self.number}"


class Item(models.Model):
    """One question of a version: a choice of levels, or yes/no counting one point for yes."""

    version = models.ForeignKey(
        InstrumentVersion, on_delete=models.PROTECT, related_name="items", verbose_name=_("version")
    )
    # Stays the same across versions for "the same" question, so histories line up.
    code = models.SlugField(_("code"), max_length=50)
    label = models.CharField(_("label"), max_length=300)
    kind = models.CharField(_("kind"), max_length=10, choices=ItemKind.choices)
    group = models.CharField(
        _("group"), max_length=100, blank=True, help_text=_("For example 本人 or 家族.")
    )
    order = models.PositiveIntegerField(_("order"), default=0)
    rated_by_default = models.BooleanField(
        _("asked by default"),
        default=True,
        help_text=_("Otherwise the item starts as not rated on the form (an optional item)."),
    )

    objects = InstrumentPartQuerySet.as_manager()
    instrument_lookup = "version__instrument"

    class Meta:
        verbose_name = _("item")
        verbose_name_plural = _("items")
        ordering = ["version", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["version", "code"], name="instrument_item_unique")
        ]

    def __str__(self) -> str:
        return self.label

    def allowed_values(self) -> tuple[int, ...]:
        """The values a score may take (levels must be loaded, ideally prefetched)."""
        if self.kind == ItemKind.YES_NO:
            return YES_NO_VALUES
        return tuple(level.value for level in self.levels.all())


class Level(models.Model):
    """One level of a level item, with the words that describe that state."""

    item = models.ForeignKey(
        Item, on_delete=models.PROTECT, related_name="levels", verbose_name=_("item")
    )
    value = models.PositiveSmallIntegerField(_("value"))
    text = models.CharField(_("description"), max_length=300)

    objects = InstrumentPartQuerySet.as_manager()
    instrument_lookup = "item__version__instrument"

    class Meta:
        verbose_name = _("level")
        verbose_name_plural = _("levels")
        ordering = ["item", "value"]
        constraints = [models.UniqueConstraint(fields=["item", "value"], name="item_level_unique")]

    def __str__(self) -> str:
        return f"{self.value}: {self.text}"
