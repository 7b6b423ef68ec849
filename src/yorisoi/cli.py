"""The ``yorisoi`` command: the project's manage.py."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "yorisoi.settings")
    if sys.argv[1:2] == ["demo"]:
        # The demo serves plain HTTP on the loopback address: no HTTPS redirect, no secure cookies.
        os.environ.setdefault("YORISOI_HTTPS", "false")
    from django.core.management import execute_from_command_line

    execute_from_command_line([os.path.basename(sys.argv[0]) or "yorisoi", *sys.argv[1:]])


if __name__ == "__main__":
    main()
