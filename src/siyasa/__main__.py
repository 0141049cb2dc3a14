"""The `siyasa` command: Django's management commands plus Siyasa's own (demo, …)."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "siyasa.settings")
    # The demo serves plain HTTP on loopback, so it runs in development mode
    # (non-secure cookies, a throwaway key) unless the environment says otherwise.
    if len(sys.argv) > 1 and sys.argv[1] == "demo":
        os.environ.setdefault("DEBUG", "1")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
