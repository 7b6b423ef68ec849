"""The person supported (本人) and their household (世帯)."""

from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from yorisoi.cases.choices import AgeBand, Relation, Sex
from yorisoi.cases.models.policies import CaseRecord
from yorisoi.core.text import normalize_name


def age_on(birth_date: date, day: date) -> int:
    return day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))


class Person(CaseRecord):
    """The person at the centre of a case. Almost every field may be unknown at first."""

    name = models.CharField(pgettext_lazy("person", "name"), max_length=100, blank=True)
    name_kana = models.CharField(_("name (furigana)"), max_length=100, blank=True)
    nickname = models.CharField(
        _("nickname"),
        max_length=100,
        blank=True,
        help_text=_("How the person or family wishes to be called, or a name used anonymously."),
    )
    sex = models.CharField(_("sex"), max_length=20, choices=Sex.choices, blank=True)
    birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    age_band = models.CharField(
        _("age band"),
        max_length=10,
        choices=AgeBand.choices,
        blank=True,
        help_text=_("When the date of birth is not known."),
    )
    # 「28歳」 as the caller said it, and when: kept beside the band, which would lose it.
    age_told = models.PositiveSmallIntegerField(
        _("age as told"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(120)],
        help_text=_("The age the person or family gave, when the date of birth is not known."),
    )
    age_told_on = models.DateField(_("age told on"), null=True, blank=True)
    municipality = models.CharField(_("municipality"), max_length=100, blank=True)
    area = models.CharField(_("area or district"), max_length=100, blank=True)
    address = models.CharField(pgettext_lazy("postal", "address"), max_length=300, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    # Name and furigana normalized (width, case, katakana→hiragana, no spaces) for search.
    name_search = models.CharField(max_length=300, blank=True, editable=False, db_index=True)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        """The registered name; else the nickname, said to be one (never passed off as the name).

        Pages show the nickname with a small mark instead (the ``person_name`` filter, core.templatetags.names).
        """
        if self.name:
            return self.name
        if self.nickname:
            return _("%(nickname)s (nickname)") % {"nickname": self.nickname}
        return str(_("(name not known)"))

    @property
    def known_by_nickname_only(self) -> bool:
        return not self.name and bool(self.nickname)

    def save(self, *args, **kwargs):
        self.fill_name_search()
        super().save(*args, **kwargs)

    def fill_name_search(self) -> None:
        """What name search matches (also called before a bulk insert, which skips save)."""
        self.name_search = " ".join(
            filter(
                None,
                (
                    normalize_name(self.name),
                    normalize_name(self.name_kana),
                    normalize_name(self.nickname),
                ),
            )
        )

    def age_on(self, day: date) -> int | None:
        """The age on a given day: from the birth date, else from the age as told (28 when told
        two years before is 30 now), else unknown."""
        if self.birth_date:
            return age_on(self.birth_date, day)
        if self.age_told is not None and self.age_told_on is not None:
            return self.age_told + max(0, age_on(self.age_told_on, day))
        return None

    def age_band_on(self, day: date) -> str:
        """The age band on a given day: from the birth date or the age told, else as recorded."""
        age = self.age_on(day)
        return AgeBand.for_age(age) if age is not None else self.age_band


class Household(CaseRecord):
    """The people the person lives with or relies on; support often begins with them."""

    note = models.TextField(_("note on the household"), blank=True)

    class Meta:
        verbose_name = _("household")
        verbose_name_plural = _("households")
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} #{self.pk}"


class HouseholdMember(CaseRecord):
    """A family member or other household member, with their relation to the person."""

    household = models.ForeignKey(
        Household, on_delete=models.CASCADE, related_name="members", verbose_name=_("household")
    )
    name = models.CharField(pgettext_lazy("person", "name"), max_length=100, blank=True)
    name_kana = models.CharField(_("name (furigana)"), max_length=100, blank=True)
    relation = models.CharField(
        _("relation to the person"), max_length=20, choices=Relation.choices
    )
    lives_with_person = models.BooleanField(_("lives with the person"), default=True)
    age_band = models.CharField(_("age band"), max_length=10, choices=AgeBand.choices, blank=True)
    health_or_care_needs = models.CharField(_("health or care needs"), max_length=300, blank=True)
    is_key_person = models.BooleanField(
        _("key person"),
        default=False,
        help_text=_("The family member support works with most, or who holds the family together."),
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    is_emergency_contact = models.BooleanField(
        _("emergency contact"),
        default=False,
        help_text=_("Called when something happens to the person or during a visit."),
    )
    note = models.TextField(_("note"), blank=True)
    name_search = models.CharField(max_length=300, blank=True, editable=False)

    class Meta:
        verbose_name = _("household member")
        verbose_name_plural = _("household members")
        ordering = ["-is_key_person", "pk"]

    def __str__(self) -> str:
        relation = self.get_relation_display()
        return f"{relation} {self.name}".strip()

    def clean(self):
        super().clean()
        if self.is_emergency_contact and not self.phone.strip():
            raise ValidationError(
                {"phone": _("An emergency contact needs a phone number to be called on.")}
            )

    def save(self, *args, **kwargs):
        self.name_search = " ".join(
            filter(None, (normalize_name(self.name), normalize_name(self.name_kana)))
        )
        super().save(*args, **kwargs)
