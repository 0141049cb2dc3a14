"""The `siyasa` command: Django's management commands plus Siyasa's own (demo, …)."""

import os
import secrets
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "siyasa.settings")
    # The demo serves plain HTTP on loopback: cookies cannot be https-only, nothing may redirect
    # to https or pin it (HSTS), and a key made for this run is enough (signing in again after a
    # restart is the only cost).
    if len(sys.argv) > 1 and sys.argv[1] == "demo":
        os.environ.setdefault("SECURE_COOKIES", "0")
        os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
        os.environ.setdefault("SECURE_HSTS_SECONDS", "0")
        # The demo's owner and policy admin sign in with the printed password alone.
        os.environ.setdefault("SIYASA_ENFORCE_TWO_FACTOR", "0")
        os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(50))
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
