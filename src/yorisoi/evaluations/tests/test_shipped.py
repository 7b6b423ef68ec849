"""The instruments shipped by the data migration: present, complete, and shipped only once."""

from importlib import import_module

from django.apps import apps

from yorisoi.evaluations.choices import ItemKind
from yorisoi.evaluations.models import Instrument, Item
from yorisoi.evaluations.tests.factories import shipped_version


def _items(code):
    return list(shipped_version(code).items.prefetch_related("levels"))


def test_miyagi_style_instrument_has_two_ten_level_items_and_ten_family_items(db):
    items = _items("miyagi")
    person = [i for i in items if i.kind == ItemKind.LEVEL]
    family = [i for i in items if i.kind == ItemKind.YES_NO]
    assert [i.code for i in person] == ["behaviour", "communication"]
    assert all([level.value for level in i.levels.all()] == list(range(1, 11)) for i in person)
    assert all(level.text for i in person for level in i.levels.all())
    assert len(family) == 10
    assert {i.group for i in family} == {"家族"}
    assert all(not i.levels.exists() for i in family)


def test_tsunagari_instrument_has_five_areas_of_four_levels(db):
    items = _items("tsunagari")
    assert [i.label for i in items] == ["意欲", "自己肯定感", "対人関係", "社会参加", "相談"]
    assert all([level.value for level in i.levels.all()] == [1, 2, 3, 4] for i in items)


def test_shipping_again_adds_nothing(db):
    before = (Instrument.objects.count(), Item.objects.count())
    migration = import_module("yorisoi.evaluations.migrations.0002_shipped_instruments")
    migration.ship(apps, None)
    assert (Instrument.objects.count(), Item.objects.count()) == before
    assert set(Instrument.objects.filter(organization=None).values_list("code", flat=True)) == {
        "miyagi",
        "tsunagari",
    }
