"""In a real browser, a clerk's week: set up a weekly 居場所, make its sessions, record who came
by nickname and head count, and see the counts on the session and the program page."""

import pytest
from django.utils import timezone

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_recurring_ibasho_to_counts(browser_page, clerk):
    page, url = browser_page
    page.goto(f"{url}/accounts/login/")
    page.get_by_label("ユーザー名").fill("clerk")
    page.get_by_label("パスワード").fill("correct horse battery staple")
    page.get_by_role("button", name="ログイン").click()
    page.wait_for_url(f"{url}/")

    page.get_by_role("link", name="プログラム", exact=True).click()
    page.get_by_role("link", name="プログラムを追加").click()
    page.locator("#id_name").fill("居場所 ひだまり")
    page.locator("#id_venue").fill("市民センター 和室")
    page.locator("#id_capacity").fill("3")
    page.locator("form button.button--primary").click()
    assert "居場所 ひだまり" in page.locator("h1").inner_text()

    # A weekly schedule on today's weekday, from today: today's session is made at once.
    today = timezone.localdate()
    page.get_by_role("link", name="定期日程を追加").click()
    page.locator("#id_frequency").select_option("weekly")
    page.locator("#id_weekday").select_option(str(today.weekday()))
    page.locator("#id_starts_at").fill("13:30")
    page.locator("#id_ends_at").fill("15:30")
    page.locator("#id_first_on").fill(today.isoformat())
    page.locator("form button.button--primary").click()
    assert "開催回を" in page.locator(".messages, [role=status]").first.inner_text()
    coming = page.locator("#coming-heading + ul li")
    assert coming.count() == 8  # the next eight of about three months made

    coming.first.get_by_role("link").click()
    page.locator("#id_newcomers").fill("そら、うみ\nかぜ\nほし")
    page.get_by_role("button", name="この回に記録").first.click()
    body = page.locator("main").inner_text()
    assert "4人を記録しました" in body
    assert "定員3人を超えています" in body  # a warning, not a refusal

    page.get_by_role("link", name="人数と回の記録を入力").click()
    page.locator("#id_count_family").fill("2")
    page.locator("#id_notes").fill("初めての方が2人。お茶とボードゲーム。")
    page.locator("form button.button--primary").click()
    assert "6" in page.locator(".case-header").inner_text()  # 4 by nickname + 2 counted

    page.get_by_role("link", name="← 居場所 ひだまり").click()
    figures = page.locator("#figures-heading + dl, #figures-heading ~ dl").first.inner_text()
    assert "6" in figures
