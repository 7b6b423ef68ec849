"""In a real browser: a refused form says why at its top, takes focus there, and each problem
leads to its field (issue 15 §3.2, the one-staff home visit that seemed to come back unchanged)."""

import pytest
from django.urls import reverse

from yorisoi.cases.tests.factories import CaseFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_refused_visit_shows_the_summary_first_and_links_to_the_field(
    browser_page, caseworker, org
):
    page, url = browser_page
    case = CaseFactory(organization=org, primary_staff=caseworker)
    page.goto(f"{url}/accounts/login/")
    page.get_by_label("ユーザー名").fill("caseworker")
    page.get_by_label("パスワード").fill("correct horse battery staple")
    page.get_by_role("button", name="ログイン").click()
    page.wait_for_url(f"{url}/")

    page.goto(url + reverse("contacts:contact_add", args=[case.pk]))
    page.locator("#id_channel").select_option("home_visit")
    page.locator("#id_reached").select_option("family")
    page.locator("#id_outcome").select_option("through_door")
    page.locator("#id_summary").fill("ひとりで訪問した")
    page.locator("main form button[type=submit]").click()

    summary = page.locator("[data-error-summary]")
    assert "入力内容に問題があります" in summary.inner_text()
    # Focus is on the summary, and the summary is above the form's first field.
    assert page.evaluate("document.activeElement.hasAttribute('data-error-summary')")
    top = summary.bounding_box()["y"]
    assert top < page.locator("#id_channel").bounding_box()["y"]
    link = summary.locator("a").first
    target = link.get_attribute("href").lstrip("#")
    link.click()
    # The link takes focus to its field (a group of checkboxes: its first box).
    focused = page.evaluate("document.activeElement.id")
    assert focused == target or focused.startswith(target + "_"), (focused, target)
