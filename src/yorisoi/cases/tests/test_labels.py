"""The postal address reads 住所 wherever a person, household or agency is shown; only the audit
log's network address reads IPアドレス (issue 15 §3.1: one catalogue entry served both)."""

import re

import pytest
from django.urls import reverse

from yorisoi.agencies.tests.factories import AgencyFactory
from yorisoi.cases.tests.factories import CaseFactory, HouseholdMemberFactory

LABELS = re.compile(r"<(label|th|dt|legend)\b[^>]*>(.*?)</\1>", re.S)


def _labels(response) -> list[str]:
    assert response.status_code == 200
    return [re.sub(r"<[^>]+>", "", text).strip() for _tag, text in LABELS.findall(response.text)]


@pytest.fixture
def pages(org, supervisor):
    case = CaseFactory(organization=org, person__address="寄添市1-2-3")
    member = HouseholdMemberFactory(household=case.household, organization=org)
    agency = AgencyFactory(organization=org, address="寄添市4-5-6")
    return {
        "person form": reverse("cases:person_edit", args=[case.pk]),
        "household member form": reverse("cases:member_edit", args=[member.pk]),
        "new household member": reverse("cases:member_add", args=[case.pk]),
        "face sheet": reverse("cases:face_sheet", args=[case.pk]),
        "support record": reverse("contacts:support_record", args=[case.pk]),
        "case page": reverse("cases:case_detail", args=[case.pk]),
        "agency": reverse("agencies:agency_detail", args=[agency.pk]),
        "agency form": reverse("agencies:agency_edit", args=[agency.pk]),
        "new agency": reverse("agencies:agency_add"),
    }


def test_no_label_on_person_household_agency_or_print_pages_reads_ip(as_member, supervisor, pages):
    client = as_member(supervisor)
    for name, url in pages.items():
        labels = _labels(client.get(url))
        assert labels, name
        assert not [label for label in labels if "IP" in label], name


def test_the_postal_address_is_labelled_juusho(as_member, supervisor, pages):
    client = as_member(supervisor)
    for name in ("person form", "face sheet", "agency", "agency form"):
        assert "住所" in _labels(client.get(pages[name])), name


def test_the_audit_log_still_names_the_network_address(as_member, supervisor):
    labels = _labels(as_member(supervisor).get(reverse("audit:event_list")))
    assert "IPアドレス" in labels
