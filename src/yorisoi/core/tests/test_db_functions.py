"""Tests for the FiscalYear database expression."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.db.models import Count
from django.db.models.functions import TruncDate

from yorisoi.core.db_functions import FiscalYear

JST = ZoneInfo("Asia/Tokyo")


@pytest.fixture
def users():
    """Three users joined on either side of the 2025 年度 boundary, in Japan time."""
    user_model = get_user_model()
    joined = [
        datetime(2025, 3, 31, 15, 0, tzinfo=JST),  # FY2024 (06:00 UTC)
        datetime(2025, 4, 1, 0, 30, tzinfo=JST),  # FY2025, though still 31 March in UTC
        datetime(2026, 3, 31, 23, 30, tzinfo=JST),  # FY2025, last evening of the 年度
    ]
    return [
        user_model.objects.create(**{user_model.USERNAME_FIELD: f"fy-user-{i}"}, date_joined=when)
        for i, when in enumerate(joined)
    ]


@pytest.mark.django_db
def test_groups_by_fiscal_year_in_local_time(users) -> None:
    """Grouping uses the Japanese calendar day, not the UTC one stored in the database."""
    user_model = get_user_model()
    rows = (
        user_model.objects.annotate(fy=FiscalYear("date_joined"))
        .values("fy")
        .annotate(n=Count("pk"))
        .order_by("fy")
    )
    assert {row["fy"]: row["n"] for row in rows} == {2024: 1, 2025: 2}
    assert all(type(row["fy"]) is int for row in rows)


@pytest.mark.django_db
def test_filter_and_order_by_fiscal_year(users) -> None:
    """The expression can be filtered on and used for ordering like any integer."""
    user_model = get_user_model()
    qs = user_model.objects.annotate(fy=FiscalYear("date_joined"))
    assert qs.filter(fy=2025).count() == 2
    assert list(qs.order_by("fy", "pk").values_list("fy", flat=True)) == [2024, 2025, 2025]


@pytest.mark.django_db
@pytest.mark.usefixtures("users")
def test_accepts_date_expressions() -> None:
    """Plain dates (here the local day of a datetime) work as well as datetimes."""
    user_model = get_user_model()
    qs = user_model.objects.annotate(fy=FiscalYear(TruncDate("date_joined")))
    assert sorted(qs.values_list("fy", flat=True)) == [2024, 2025, 2025]
