"""`siyasa demo`: migrate, (re)build the demo organisation, print how to sign in, serve it
(through `siyasa serve`: the web server, the job worker and the scheduler, supervised)."""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from siyasa.demo.builder import DEMO_LOGINS, USERS, build_demo, not_the_demo


def _some(names: list[str]) -> str:
    shown = ", ".join(names[:3])
    return f"{shown} and {len(names) - 3} more" if len(names) > 3 else shown


class Command(BaseCommand):
    help = "Build the demo organisation (Athar Charity Society) and serve it."

    def add_arguments(self, parser):
        parser.add_argument(
            "--addr", default="127.0.0.1:8000", help="Address to serve on (default 127.0.0.1:8000)."
        )
        parser.add_argument(
            "--no-serve", action="store_true", help="Build the demo but do not start the server."
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Rebuild the demo even in a database that holds other users or organisations.",
        )

    def handle(self, *args, addr: str, no_serve: bool, force: bool, **options):
        database = connection.settings_dict["NAME"]
        if not force:
            # Checked before migrating: a refused run leaves the database exactly as it was.
            self._refuse_real_data(database)
        call_command("migrate", verbosity=0, interactive=False)
        org = build_demo()
        # A bare port is what runserver accepts too; the printed links still need a host.
        host = addr if ":" in addr else f"127.0.0.1:{addr}"
        out = self.stdout
        out.write(self.style.SUCCESS(f"Demo ready: {org.name_en} ({org.name_ar})"))
        out.write(f"Database:   {database}")
        out.write("")
        out.write("Sign in as:")
        for username, role, password in DEMO_LOGINS:
            out.write(f"  {username:<8} password {password:<6} {role}")
        out.write("")
        out.write(f"Workspace:  http://{host}/ar/o/{org.slug}/")
        out.write(f"Policy:     http://{host}/ar/o/{org.slug}/policy/")
        if settings.EMAIL_BACKEND.endswith("filebased.EmailBackend"):
            out.write(f"E-mails:    written to {settings.EMAIL_FILE_PATH}, not sent")
        if not settings.SIYASA_ENFORCE_TWO_FACTOR:
            out.write("")
            out.write("Two-factor sign-in is off for this demo (SIYASA_ENFORCE_TWO_FACTOR=0).")
        if not no_serve:
            out.write("")
            # The same supervised processes as a real instance: the job worker makes the PDF
            # and Word files and sends the e-mails, the scheduler the daily reminders.
            call_command("serve", addr=host, workers=2)

    def _refuse_real_data(self, database) -> None:
        users, orgs = not_the_demo()
        if not users and not orgs:
            return
        found = [
            f"users: {_some(users)}" if users else "",
            f"organisations: {_some(orgs)}" if orgs else "",
        ]
        demo_names = ", ".join(username for username, _, _ in USERS)
        raise CommandError(
            f"Not touching {database}: it holds more than the demo "
            f"({'; '.join(part for part in found if part)}).\n"
            "The demo deletes and rebuilds its organisation and resets its sign-ins every run. "
            "Run it without SIYASA_DATA_DIR and DATABASE_URL to use its own folder (./var/demo), "
            "or point them at an empty one.\n"
            "To rebuild the demo in this database anyway, add --force: other organisations and "
            f"users are kept, but users named {demo_names} get the password 'demo'."
        )
