"""Japanese first: the UI is Japanese by default, English on request, the catalogue complete."""

import gettext
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

import yorisoi

LOCALE = Path(yorisoi.__file__).parent / "locale"
PO = LOCALE / "ja" / "LC_MESSAGES" / "django.po"
MO = PO.with_suffix(".mo")


def test_japanese_by_default_even_for_an_english_browser(client, db):
    response = client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    html = response.content.decode()
    assert '<html lang="ja">' in html
    assert "ログイン" in html
    assert response["Content-Language"] == "ja"


def test_english_when_chosen(client, db):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/accounts/login/"})
    assert response.status_code == 302
    html = client.get("/accounts/login/").content.decode()
    assert '<html lang="en">' in html
    assert "Sign in" in html


def test_catalogue_is_complete_and_compiled():
    catalogue = polib.pofile(str(PO))
    assert not catalogue.untranslated_entries(), [e.msgid for e in catalogue.untranslated_entries()]
    assert not catalogue.fuzzy_entries(), [e.msgid for e in catalogue.fuzzy_entries()]
    with MO.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    for entry in catalogue.translated_entries():
        if not entry.msgid_plural:
            key = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid
            assert compiled._catalog.get(key) == entry.msgstr, f"stale .mo: {entry.msgid}"


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="makemessages needs GNU gettext")
def test_every_message_in_the_code_is_in_the_catalogue(tmp_path):
    """Run makemessages on a copy and compare: a new string without a translation fails."""
    package = Path(yorisoi.__file__).parent
    copy = tmp_path / "yorisoi"
    shutil.copytree(package, copy, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    subprocess.run(
        [
            sys.executable,
            "-m",
            "django",
            "makemessages",
            "-l",
            "ja",
            "--no-obsolete",
            "--ignore",
            "core/testing/*",
            "--ignore",
            "*/tests/*",
        ],
        cwd=copy,
        check=True,
        capture_output=True,
        env={
            "DJANGO_SETTINGS_MODULE": "yorisoi.core.testing.settings",
            "PATH": "/usr/bin:/bin",
            "PYTHONPATH": str(package.parent),
        },
    )
    fresh = {e.msgid for e in polib.pofile(str(copy / "locale/ja/LC_MESSAGES/django.po"))}
    known = {e.msgid for e in polib.pofile(str(PO)) if e.msgstr or e.msgstr_plural}
    assert fresh <= known, sorted(fresh - known)
