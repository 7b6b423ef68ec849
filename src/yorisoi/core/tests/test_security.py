"""Headers, CSP and the production configuration a municipal security review looks at."""

import os
import subprocess
import sys

import pytest


def test_pages_send_strict_security_headers(client, db):
    response = client.get("/accounts/login/")
    csp = response["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in csp.split(";") if part.strip())
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert directives["object-src"] == "'none'"
    # No third-party origin anywhere in the policy.
    assert "http" not in csp
    assert "*" not in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]


def test_pages_load_no_third_party_assets(client, db):
    html = client.get("/accounts/login/").content.decode()
    assert "//" not in "".join(
        part.split('"')[1] for part in html.split("src=")[1:] if part.startswith('"')
    )
    assert "cdn" not in html.lower()


def test_api_docs_are_served_from_our_own_origin(api_as, caseworker):
    html = api_as(caseworker).get("/api/docs/").content.decode()
    assert "swagger-ui" in html
    assert "cdn" not in html.lower()
    assert "https://" not in html


def test_check_deploy_is_clean_with_the_readme_production_settings(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "yorisoi.settings",
        "YORISOI_SECRET_KEY": "a-long-random-production-key-" + "k" * 40,
        "YORISOI_ALLOWED_HOSTS": "yorisoi.example.jp",
        "YORISOI_DATA_DIR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
    }
    for name in ("YORISOI_DEBUG", "YORISOI_HTTPS", "DJANGO_ALLOW_ASYNC_UNSAFE"):
        env.pop(name, None)
    result = subprocess.run(
        [sys.executable, "-m", "yorisoi", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize("path", ["/accounts/login/"])
def test_session_and_csrf_cookies_are_httponly(client, db, path):
    from django.conf import settings

    assert settings.SESSION_COOKIE_HTTPONLY
    assert settings.CSRF_COOKIE_HTTPONLY
    assert client.get(path).status_code == 200


def test_every_asset_the_layout_links_is_served(client, db):
    """Stylesheets and scripts are our own files, and they are actually there."""
    import re

    html = client.get("/accounts/login/").content.decode()
    assets = re.findall(r'(?:href|src)="(/static/[^"]+)"', html)
    assert any(a.endswith("app.css") for a in assets)
    for asset in assets:
        response = client.get(asset)
        assert response.status_code == 200, asset
