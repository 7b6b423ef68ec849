"""In a real browser: from an inquiry to a case, its intake, a two-staff home visit, and search."""

import pytest

from yorisoi.core.roles import Role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_inquiry_to_case_intake_visit_and_search(browser_page, caseworker, make_member, org):
    page, url = browser_page
    make_member(org, Role.SUPERVISOR, user__full_name="見守 健")
    page.goto(f"{url}/accounts/login/")
    page.get_by_label("ユーザー名").fill("caseworker")
    page.get_by_label("パスワード").fill("correct horse battery staple")
    page.get_by_role("button", name="ログイン").click()
    page.wait_for_url(f"{url}/")

    # A mother calls: the inquiry goes into the queue.
    page.get_by_role("navigation").get_by_role("link", name="相談申込").click()
    page.get_by_role("link", name="相談申込を記録する").click()
    page.locator("#id_channel").select_option("phone")
    page.get_by_label("相談者の氏名").fill("寄添 和子")
    page.locator("#id_caller_relation").select_option("mother")
    page.get_by_label("相談したいこと").fill("息子が数年、自室からほとんど出てこない")
    page.get_by_label("本人の氏名（ふりがな）").fill("よりそい ひかる")
    page.get_by_role("button", name="保存する").click()

    # The inquiry becomes a case for a new person.
    page.get_by_role("button", name="ケースを開始する").click()
    assert "インテーク用紙" in page.locator("h1").inner_text()

    # The intake sheet.
    page.locator("#id_school_non_attendance").select_option("junior_high")
    page.locator("#id_going_out").select_option("room")
    page.locator("#id_current_state").fill("昼夜逆転。家族とは短い会話がある")
    page.get_by_role("button", name="インテーク用紙を保存する").click()
    assert "インテーク用紙を保存しました" in page.locator(".messages").inner_text()

    # A home visit by two staff, recorded from the case page.
    page.locator("details.quick-contact summary").click()
    form = page.locator("details.quick-contact form")
    form.locator("#id_channel").select_option("home_visit")
    form.get_by_label("見守 健").check()
    form.locator("#id_reached").select_option("family")
    form.locator("#id_outcome").select_option("through_door")
    form.locator("#id_summary").fill("母と一緒に自宅を訪問。本人とは扉越しに短く挨拶した")
    form.get_by_role("button", name="支援記録を保存する").click()
    assert "支援記録を保存しました" in page.locator(".messages").inner_text()
    entry = page.locator(".timeline__entry--contact").first
    assert "扉越しに短く挨拶した" in entry.inner_text()
    assert "見守 健" in entry.inner_text()

    # The mother's consent to the handling of personal information.
    case_url = page.url
    page.get_by_role("link", name="同意を記録する").click()
    page.locator("#id_kind").select_option("personal_information")
    page.locator("#id_given_by").select_option("family")
    page.locator("#id_given_by_member").select_option(label="母親 寄添 和子")
    page.locator("#id_scope").fill("相談記録と連絡先を支援のために扱うこと")
    page.get_by_role("button", name="保存する").click()
    assert "同意を記録しました" in page.locator(".messages").inner_text()
    assert "相談記録と連絡先" in page.locator(".timeline").inner_text()

    # The support record, ready to print on A4.
    page.get_by_role("link", name="支援記録票").click()
    sheet = page.locator("main.sheet")
    assert "支援記録票" in sheet.locator("h1").inner_text()
    assert "扉越しに短く挨拶した" in sheet.inner_text()
    assert page.get_by_role("button", name="印刷する").is_visible()
    page.goto(case_url)

    # Found again by a two-character word.
    page.get_by_role("navigation").get_by_role("link", name="記録検索").click()
    page.get_by_label("支援記録の語句").fill("挨拶")
    page.get_by_role("button", name="検索する").click()
    results = page.locator("table.data-table tbody tr")
    assert results.count() == 1
    assert (
        "よりそい ひかる" in results.first.inner_text()
        or "（氏名不明）" in results.first.inner_text()
    )
