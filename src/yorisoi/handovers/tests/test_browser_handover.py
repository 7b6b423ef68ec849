"""In a real browser: a caseworker hands a case over; the new worker reads and acknowledges it
from their start page, and the case stops showing the handover as pending."""

import pytest

from yorisoi.cases.tests.factories import CaseFactory
from yorisoi.core.roles import Role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _sign_in(page, url, username):
    page.context.clear_cookies()
    page.goto(f"{url}/accounts/login/")
    page.get_by_label("ユーザー名").fill(username)
    page.get_by_label("パスワード").fill("correct horse battery staple")
    page.get_by_role("button", name="ログイン").click()
    page.wait_for_url(f"{url}/")


def test_hand_over_and_acknowledge(browser_page, caseworker, make_member, org):
    page, url = browser_page
    new_worker = make_member(
        org, Role.CASEWORKER, user__username="newworker", user__full_name="新井 優子"
    )
    case = CaseFactory(
        organization=org,
        person__name="寄添 光",
        primary_staff=caseworker,
        status="active",
        what_to_avoid="就労の話を急に出さない",
    )
    case_url = f"{url}/cases/{case.pk}/"

    _sign_in(page, url, "caseworker")
    page.goto(case_url)
    page.locator(f"a[href='/handovers/case/{case.pk}/new/']").click()
    page.locator("#id_to_staff").select_option(str(new_worker.pk))
    page.locator("input[name=reason][value=transfer]").check()
    page.locator("#id_note").fill("母は電話の方が話しやすい")
    page.locator("form button.button--primary").click()
    page.wait_for_url(f"{url}/handovers/*/")
    assert "就労の話を急に出さない" in page.locator("main").inner_text()
    page.goto(case_url)
    assert page.locator(".handover-banner").count() == 1

    _sign_in(page, url, "newworker")
    page.get_by_role("link", name="寄添 光").first.click()
    page.wait_for_url(f"{url}/handovers/*/")
    page.locator("#id_note").fill("来週、佐藤さんと訪問します")
    page.locator("form button.button--primary").click()
    assert page.locator(".message--success").count() == 1
    assert page.locator(".handover-status.card--ok").count() == 1
    page.goto(case_url)
    assert page.locator(".handover-banner").count() == 0
