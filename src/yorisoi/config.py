"""Reading the installation's configuration from the environment."""

import os
import secrets
from pathlib import Path

import platformdirs


def env_bool(name: str, default: bool = False) -> bool:
    """True for 1/true/yes/on (any case), the default when unset."""
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name, "").strip()
    return [item.strip() for item in value.split(",") if item.strip()] if value else default


def data_dir() -> Path:
    """Where the embedded database, secret key and uploads live."""
    configured = os.environ.get("YORISOI_DATA_DIR")
    path = Path(configured) if configured else Path(platformdirs.user_data_dir("yorisoi"))
    path.mkdir(parents=True, exist_ok=True)
    return path


def secret_key(directory: Path) -> str:
    """The configured key, or one generated once and kept (mode 600) in the data directory.

    Generating it keeps a fresh laptop install working without a setup step while
    never shipping a shared, guessable key.
    """
    configured = os.environ.get("YORISOI_SECRET_KEY")
    if configured:
        return configured
    path = directory / "secret_key"
    if not path.exists():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_urlsafe(64))
    return path.read_text().strip()
