"""In a real browser: a newcomer signs in, sees the Japanese UI, and finds their colleagues."""

import pytest

from yorisoi.core.roles import Role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_sign_in_and_look_around_in_japanese(browser_page, caseworker, make_member, org):
    page, url = browser_page
    make_member(org, Role.SUPERVISOR, user__full_name="見守 健")
    page.goto(f"{url}/")
    assert page.url.startswith(f"{url}/accounts/login/")
    assert page.locator("h1").inner_text() == "ログイン"

    page.get_by_label("ユーザー名").fill("caseworker")
    page.get_by_label("パスワード").fill("wrong password")
    page.get_by_role("button", name="ログイン").click()
    assert "正しくありません" in page.locator(".form-errors").inner_text()

    page.get_by_label("パスワード").fill("correct horse battery staple")
    page.get_by_role("button", name="ログイン").click()
    page.wait_for_url(f"{url}/")
    assert "ホーム支援センター" in page.locator(".site-header").inner_text()
    assert "相談員" in page.locator(".site-header").inner_text()

    page.get_by_role("navigation").get_by_role("link", name="職員", exact=True).click()
    assert page.locator("h1").inner_text() == "職員"
    page.get_by_label("氏名またはユーザー名").fill("見守")
    page.get_by_role("button", name="絞り込む").click()
    rows = page.locator("table tbody tr")
    assert rows.count() == 1
    assert "見守 健" in rows.first.inner_text()

    page.get_by_role("button", name="ログアウト").click()
    page.wait_for_url(f"{url}/accounts/login/")


def test_english_can_be_chosen(browser_page, caseworker):
    page, url = browser_page
    page.goto(f"{url}/accounts/login/")
    page.get_by_label("言語").select_option("en")
    page.get_by_role("button", name="変更").click()
    assert page.locator("h1").inner_text() == "Sign in"
