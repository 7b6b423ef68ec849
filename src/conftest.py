"""Fixtures every app's tests share: two organizations and a member of each role."""

import pytest

from yorisoi.core.roles import Role
from yorisoi.core.testing.clients import api_client, page_client


@pytest.fixture
def org(db):
    from yorisoi.organizations.tests.factories import OrganizationFactory

    return OrganizationFactory(slug="home-org", name="ホーム支援センター")


@pytest.fixture
def other_org(db):
    from yorisoi.organizations.tests.factories import OrganizationFactory

    return OrganizationFactory(slug="other-org", name="よその支援団体")


@pytest.fixture
def make_member(db):
    from yorisoi.organizations.tests.factories import MembershipFactory

    def make(organization, role=Role.CASEWORKER, **kwargs):
        return MembershipFactory(organization=organization, role=role, **kwargs)

    return make


@pytest.fixture
def caseworker(org, make_member):
    return make_member(org, Role.CASEWORKER, user__username="caseworker")


@pytest.fixture
def supervisor(org, make_member):
    return make_member(org, Role.SUPERVISOR, user__username="supervisor")


@pytest.fixture
def sysadmin(org, make_member):
    return make_member(org, Role.SYSADMIN, user__username="sysadmin")


@pytest.fixture
def clerk(org, make_member):
    return make_member(org, Role.CLERK, user__username="clerk")


@pytest.fixture
def as_member():
    """``as_member(member)`` → a page client signed in as that member."""
    return page_client


@pytest.fixture
def api_as():
    """``api_as(member)`` → an API client signed in as that member."""
    return api_client


@pytest.fixture
def browser_page(live_server, monkeypatch):
    """A headless Chromium page (Playwright driving the system's Chromium) and the server URL.

    Skipped where no Chromium is installed, except in CI (YORISOI_REQUIRE_BROWSER=1), where a
    missing browser is a failure.
    """
    import os
    import shutil

    executable = os.environ.get("YORISOI_CHROMIUM") or shutil.which("chromium")
    if executable is None:
        if os.environ.get("YORISOI_REQUIRE_BROWSER"):
            pytest.fail("Chromium is required (YORISOI_REQUIRE_BROWSER) but was not found")
        pytest.skip("no Chromium on this machine; install Debian's chromium to run browser tests")
    from playwright.sync_api import sync_playwright

    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright runs an event loop
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="ja-JP")
        page.set_default_timeout(15_000)
        yield page, live_server.url
        browser.close()
