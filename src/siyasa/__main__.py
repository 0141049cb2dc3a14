"""The `siyasa` command: Django's management commands plus Siyasa's own (demo, …)."""

import os
import secrets
import sys
from pathlib import Path


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
        # Its people have example.org addresses: their e-mails go to files, to read, not to send.
        os.environ.setdefault("EMAIL_BACKEND", "django.core.mail.backends.filebased.EmailBackend")
        # The demo rebuilds its users and organisation at every run, so it keeps a database of
        # its own, apart from a real instance's default ./var. A folder or database named in
        # the environment is used as given (the command refuses one holding real data).
        if not os.environ.get("SIYASA_DATA_DIR") and not os.environ.get("DATABASE_URL"):
            os.environ["SIYASA_DATA_DIR"] = str(Path.cwd() / "var" / "demo")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
