"""Settings for the test suite: the production settings with a throwaway data directory.

DATABASE_URL still chooses the database, so the same suite runs on SQLite and PostgreSQL.
"""

import os
import tempfile

os.environ.setdefault("YORISOI_DATA_DIR", tempfile.mkdtemp(prefix="yorisoi-test-"))
os.environ.setdefault("YORISOI_HTTPS", "false")

from yorisoi.settings import *  # noqa: F403

# Argon2 is the production hasher (asserted in accounts tests); a fast one keeps tests quick.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

# Confirmed ledger imports run at once inside the request (no thread sees a test transaction).
YORISOI_IMPORT_JOBS = "inline"
