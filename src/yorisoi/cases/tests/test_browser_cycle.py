"""In a real browser, the support cycle from one case page: assess with a risk, meet, plan
with the person's own goal, evaluate, see the journey, and refer to an agency — blocked while
no consent covers it, allowed once the consent is recorded."""

import importlib

import pytest

from yorisoi.agencies.tests.factories import AgencyFactory
from yorisoi.cases.tests.factories import CaseFactory, HouseholdMemberFactory
from yorisoi.core.roles import Role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _ship_instruments():
    """The shipped instruments come from a data migration; a browser test run earlier in the
    session may have flushed them, so they are put back (the function is idempotent)."""
    from django.apps import apps

    migration = importlib.import_module("yorisoi.evaluations.migrations.0002_shipped_instruments")
    migration.ship(apps, None)


def test_assess_meet_plan_and_evaluate(browser_page, caseworker, make_member, org):
    page, url = browser_page
    _ship_instruments()
    make_member(org, Role.SUPERVISOR, user__full_name="見守 健")
    case = CaseFactory(
        organization=org, person__name="寄添 光", primary_staff=caseworker, status="active"
    )
    HouseholdMemberFactory(
        household=case.household, organization=org, name="寄添 和子", is_key_person=True
    )
    page.goto(f"{url}/accounts/login/")
    page.get_by_label("ユーザー名").fill("caseworker")
    page.get_by_label("パスワード").fill("correct horse battery staple")
    page.get_by_role("button", name="ログイン").click()
    page.wait_for_url(f"{url}/")
    case_url = f"{url}/cases/{case.pk}/"

    # Assessment with a risk item, judged urgent: the banner appears.
    page.goto(case_url)
    page.get_by_role("link", name="新しいアセスメント").click()
    page.locator("#id_body_and_habits").fill("昼夜逆転。食事は自室で")
    page.locator("#id_person_wishes").fill("今は誰とも会いたくない")
    page.locator("input[name=person_wishes_status][value=heard]").check()
    page.locator("input[name=person_wishes_heard][value=family]").check()
    page.locator("#id_risk_suicidal").check()
    page.locator("#id_risk_suicidal_note").fill("消えたいと話したことがある")
    page.locator("input[name=urgency][value=urgent]").check()
    page.locator("#id_urgency_reason").fill("希死念慮の訴え")
    page.locator("form button.button--primary").click()
    page.wait_for_url(case_url)
    assert "希死念慮の訴え" in page.locator(".urgency-banner").inner_text()

    # A case meeting of two staff, with an action.
    page.locator(".urgency-banner").get_by_role("link", name="ケース支援会議を記録する").click()
    page.get_by_label("見守 健").check()
    page.locator("#id_matters").fill("安全の確認と家族への連絡方法")
    page.locator("#id_support_policy").select_option("both")
    page.locator("#id_action_0_what").fill("母と面談し様子を確認")
    page.locator("form button.button--primary").click()
    page.wait_for_url(case_url)
    assert "ケース支援会議は開催済みです" in page.locator(".urgency-banner").inner_text()

    # A plan with the person's own, agreed goal.
    page.get_by_role("link", name="支援計画を作成する").click()
    page.locator("#id_person_intentions").fill("自分のペースで過ごしたい")
    page.locator("input[name=person_intentions_status][value=heard]").check()
    page.locator("input[name=person_intentions_heard][value=person]").check()
    page.locator("input[name=goals_status][value=set]").check()
    page.locator("#id_goal_0_text").fill("週に一度、散歩に出る")
    page.locator("#id_goal_0_proposed_by").select_option("person")
    page.locator("#id_goal_0_person_agreed").check()
    page.locator("#id_goal_0_persons_own").check()
    page.locator("form button.button--primary").click()
    assert "週に一度、散歩に出る" in page.locator("main").inner_text()
    assert "本人の目標" in page.locator("main").inner_text()

    # An evaluation at the first interview, one item left unrated: the journey shows.
    page.goto(f"{url}/evaluations/case/{case.pk}/new/?instrument=miyagi")
    for radio in page.locator("input[type=radio][value=none]").all():
        radio.check()
    page.locator("input[type=radio][value='4']").first.check()
    page.locator("form button.button--primary").last.click()
    page.goto(f"{url}/evaluations/case/{case.pk}/")
    assert page.locator("svg[role=img]").count() >= 1

    # A referral with the person's name is blocked: no consent covers the agency.
    agency = AgencyFactory(organization=org, name="架空サポステ", category="youth_station")
    page.goto(case_url)
    page.get_by_role("link", name="他機関へ紹介する").click()

    def fill_referral():
        page.locator("#id_agency").select_option(str(agency.pk))
        page.locator("#id_purpose").select_option("referral")
        page.locator("#id_channel").select_option("phone")
        page.locator("#id_reason").fill("職場体験の相談につなぐ")
        page.locator("input[name=items][value=identity]").check()
        page.locator("form button.button--primary").click()

    fill_referral()
    gate = page.locator(".gate")
    assert "同意が不足しています" in gate.inner_text()
    assert "架空サポステ" in gate.inner_text()

    # The consent is recorded from the message, then the same referral goes through.
    gate.get_by_role("link", name="同意を記録する").click()
    page.locator("#id_kind").select_option("sharing")
    page.locator("#id_given_by").select_option("person")
    page.locator("#id_scope").fill("サポステに氏名と連絡先を伝えること")
    page.locator("#id_agency").select_option(str(agency.pk))
    page.locator("input[name=purposes][value=referral]").check()
    page.locator("input[name=items][value=identity]").check()
    page.locator("form button.button--primary").click()
    page.wait_for_url(case_url)
    page.get_by_role("link", name="他機関へ紹介する").click()
    fill_referral()
    assert "紹介を記録しました" in page.locator("main").inner_text()
    assert "氏名・生年月日・連絡先" in page.locator(".disclosed").inner_text()
