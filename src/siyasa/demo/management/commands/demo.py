"""`siyasa demo`: migrate, (re)build the demo organisation, print how to sign in, serve it."""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from siyasa.demo.builder import DEMO_LOGINS, build_demo


class Command(BaseCommand):
    help = "Build the demo organisation (Athar Charity Society) and serve it."

    def add_arguments(self, parser):
        parser.add_argument(
            "--addr", default="127.0.0.1:8000", help="Address to serve on (default 127.0.0.1:8000)."
        )
        parser.add_argument(
            "--no-serve", action="store_true", help="Build the demo but do not start the server."
        )

    def handle(self, *args, addr: str, no_serve: bool, **options):
        call_command("migrate", verbosity=0, interactive=False)
        org = build_demo()
        # A bare port is what runserver accepts too; the printed links still need a host.
        host = addr if ":" in addr else f"127.0.0.1:{addr}"
        out = self.stdout
        out.write(self.style.SUCCESS(f"Demo ready: {org.name_en} ({org.name_ar})"))
        out.write("")
        out.write("Sign in as:")
        for username, role, password in DEMO_LOGINS:
            out.write(f"  {username:<8} password {password:<6} {role}")
        out.write("")
        out.write(f"Workspace:  http://{host}/ar/o/{org.slug}/")
        out.write(f"Policy:     http://{host}/ar/o/{org.slug}/policy/")
        if not settings.SIYASA_ENFORCE_TWO_FACTOR:
            out.write("")
            out.write("Two-factor sign-in is off for this demo (SIYASA_ENFORCE_TWO_FACTOR=0).")
        if not no_serve:
            out.write("")
            call_command("runserver", addr, use_reloader=False)
