"""Refusals a member meets (issue 15 §3, "Also"): 403 and 404 pages in Japanese, inside the site's
header, with a way back; links to pages a role may not open are not shown at all."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from yorisoi.agencies.tests.factories import AgencyFactory, CouncilFactory
from yorisoi.core.roles import Role


@pytest.fixture(autouse=True)
def not_debug(settings):
    settings.DEBUG = False


def test_not_found_is_japanese_with_the_header_and_a_way_back(as_member, caseworker):
    response = as_member(caseworker).get("/cases/999999/")
    assert response.status_code == 404
    page = response.text
    assert '<html lang="ja">' in page
    assert "ページが見つかりません" in page
    assert 'class="site-header"' in page
    assert "ホーム支援センター" in page  # the member's organization, as on every page
    assert f'href="{reverse("core:home")}"' in page
    assert "ホームに戻る" in page


def test_forbidden_is_japanese_with_the_header_and_a_way_back(as_member, clerk):
    response = as_member(clerk).get(reverse("agencies:council_list"))
    assert response.status_code == 403
    page = response.text
    assert "このページは開けません" in page
    assert 'class="main-nav"' in page
    assert "ホームに戻る" in page
    assert "Forbidden" not in page


def test_signed_out_not_found_offers_the_sign_in_page(db):
    response = Client().get("/no-such-page/")
    assert response.status_code == 404
    assert "ページが見つかりません" in response.text
    assert f'href="{reverse("accounts:login")}"' in response.text


def _links(page: str) -> set[str]:
    found = set(re.findall(r'href="(/[^"#?]*)', page))
    return {u for u in found if not u.startswith(("/static/", "/api/", "/i18n/"))}


@pytest.mark.parametrize(
    "role", [Role.CASEWORKER, Role.SUPERVISOR, Role.CLERK, Role.SUPPORTER, Role.SYSADMIN]
)
def test_no_link_a_member_is_shown_answers_403(as_member, make_member, org, role):
    agency = AgencyFactory(organization=org)
    CouncilFactory(organization=org).members.add(agency)
    client = as_member(make_member(org, role))
    start = [reverse("core:home"), reverse("agencies:agency_list")]
    if role != Role.SUPPORTER and role != Role.SYSADMIN:
        start.append(reverse("agencies:agency_detail", args=[agency.pk]))
    seen, refused = set(), []
    for url in start:
        response = client.get(url)
        assert response.status_code in {200, 403}, url
        if response.status_code != 200:
            continue
        for link in _links(response.text) - seen:
            seen.add(link)
            if "logout" in link or "export" in link:
                continue
            if client.get(link).status_code == 403:
                refused.append((url, link))
    assert refused == []


def test_the_clerk_keeps_the_directory_without_councils(as_member, clerk, org):
    agency = AgencyFactory(organization=org)
    CouncilFactory(organization=org, name="寄添市支援会議").members.add(agency)
    client = as_member(clerk)
    listing = client.get(reverse("agencies:agency_list")).text
    assert reverse("agencies:council_list") not in listing
    page = client.get(reverse("agencies:agency_detail", args=[agency.pk])).text
    assert "寄添市支援会議" not in page


def test_the_supervisor_still_sees_the_councils(as_member, supervisor, org):
    agency = AgencyFactory(organization=org)
    CouncilFactory(organization=org, name="寄添市支援会議").members.add(agency)
    client = as_member(supervisor)
    assert reverse("agencies:council_list") in client.get(reverse("agencies:agency_list")).text
    page = client.get(reverse("agencies:agency_detail", args=[agency.pk])).text
    assert "寄添市支援会議" in page


def test_one_menu_tab_is_current_on_an_inquiry_page(as_member, caseworker):
    page = as_member(caseworker).get(reverse("cases:inquiry_list")).text
    nav = re.search(r'<nav class="main-nav".*?</nav>', page, re.S).group(0)
    current = re.findall(r'<a href="([^"]*)" aria-current="page">([^<]*)</a>', nav)
    assert current == [(reverse("cases:inquiry_list"), "相談申込")]


def test_the_cases_tab_is_current_on_a_case_list(as_member, caseworker):
    page = as_member(caseworker).get(reverse("cases:case_list")).text
    current = re.findall(r'aria-current="page">([^<]*)</a>', page)
    assert current == ["ケース"]
