"""The committed OpenAPI schema is the API's contract: changes to it are deliberate."""

from pathlib import Path

import yaml
from django.core.management import call_command

import yorisoi

COMMITTED = Path(yorisoi.__file__).parent / "openapi.yaml"


def test_schema_matches_the_committed_file(tmp_path, db):
    generated = tmp_path / "openapi.yaml"
    call_command(
        "spectacular", "--lang", "en", "--file", str(generated), "--validate", "--fail-on-warn"
    )
    assert yaml.safe_load(generated.read_text()) == yaml.safe_load(COMMITTED.read_text()), (
        "The API changed. If that is intended, regenerate the file with "
        "`yorisoi spectacular --lang en --file src/yorisoi/openapi.yaml` and commit it."
    )


def test_every_endpoint_requires_authentication():
    schema = yaml.safe_load(COMMITTED.read_text())
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            security = operation.get("security", [])
            assert security, f"{method.upper()} {path} declares no authentication"
            assert {} not in security, f"{method.upper()} {path} allows anonymous access"
