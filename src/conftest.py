"""Shared fixtures: two organisations and the alice/bob/… cast, so every test can check isolation."""

import email
import email.policy
import signal
import socket

import pytest
from aiosmtpd.controller import Controller
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.utils import translation

from siyasa.accounts.tests.authenticators import add_authenticator, give_second_factor
from siyasa.accounts.two_factor import has_authenticator, needs_two_factor
from siyasa.core.tests.factories import (
    MembershipFactory,
    OrganizationFactory,
    PersonFactory,
    UserFactory,
)
from siyasa.orgs.models import Role
from siyasa.orgs.selectors import person_for


class Cast:
    """Organisation A with one user per role, and organisation B with its own owner."""

    def __init__(self):
        self.org = OrganizationFactory(slug="alpha", name_ar="جمعية ألف", name_en="Alpha Society")
        self.other_org = OrganizationFactory(
            slug="beta", name_ar="جمعية باء", name_en="Beta Society"
        )
        self.users = {}
        for role in Role:
            user = UserFactory(username=f"{role.value}-a")
            MembershipFactory(user=user, organization=self.org, role=role)
            with translation.override("en"):
                english = str(role.label)
            with translation.override("ar"):
                arabic = str(role.label)
            PersonFactory(
                organization=self.org, user=user, name=f"{arabic} A", name_en=f"{english} A"
            )
            self.users[role.value] = user
        # create_organization made organisation A's founder its first owner and person.
        self.founder = UserFactory(username=f"founder-{self.org.slug}")
        self.outsider = UserFactory(username="owner-b")
        MembershipFactory(user=self.outsider, organization=self.other_org, role=Role.OWNER)

    def client(self, who: str | None) -> Client:
        """A client signed in as a role of organisation A, as 'outsider' (owner of B), or anonymous."""
        client = Client()
        if who:
            sign_in(client, self.outsider if who == "outsider" else self.users[who])
        return client

    def membership(self, role: str):
        return self.users[role].memberships.get(organization=self.org)

    def person(self, role: str):
        """The directory entry of the member with `role` in organisation A."""
        return person_for(self.org, self.users[role])

    def name(self, role: str) -> str:
        """How the pages name them, in the active language."""
        return self.person(role).display_name


def sign_in(client: Client, user) -> None:
    """Sign `user` in; owners and policy admins also pass the second factor, as in real life."""
    client.force_login(user)
    if needs_two_factor(user):
        if not has_authenticator(user):
            add_authenticator(user)
        give_second_factor(client, user)


@pytest.fixture
def cast(db) -> Cast:
    return Cast()


@pytest.fixture
def mail_now(settings):
    """E-mails into `mail.outbox`, and jobs run at once instead of by the worker."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def fresh_cache(request):
    # allauth keeps rate limits and used two-factor codes in the cache, and so do the export
    # limits; user ids repeat between tests, so one test's counts must not carry into the next.
    # The cache is a database table: only tests that use the database can have filled it.
    if request.node.get_closest_marker("django_db") or {"db", "transactional_db"} & set(
        request.fixturenames
    ):
        request.getfixturevalue("db")
        cache.clear()
    # The policy page's in-process copies: ids and frozen clocks repeat between tests too.
    from siyasa.policy import page_cache

    page_cache.forget()


@pytest.fixture(autouse=True)
def plain_http(settings):
    # Tests run with DEBUG off, like production, but the test client speaks http.
    settings.SECURE_SSL_REDIRECT = False


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # Real hashing costs a third of a second per user; tests are not about its strength.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def arabic_by_default():
    # A request to /en/… leaves English active in the thread; every test starts in Arabic,
    # the default language, so `reverse()` builds /ar/… URLs.
    from django.utils import translation

    translation.activate("ar")
    yield
    translation.activate("ar")


# --- browser tests (Playwright driving Debian's Chromium; `pytest -m browser` runs them alone) ---

CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="session")
def chromium():
    import os
    import shutil

    if not shutil.which("chromium") and not os.path.exists(CHROMIUM):
        pytest.skip("Debian's chromium is not installed (make test installs it when run as root)")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop in this thread; the ORM calls of the test
    # itself are still synchronous, so Django's async guard would refuse them.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=shutil.which("chromium") or CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def browser_session(chromium, live_server, settings):
    """A factory of separate browser sessions (one per person) on the live server, Arabic by
    default; two-factor is not what these journeys test."""
    settings.SIYASA_ENFORCE_TWO_FACTOR = False
    contexts = []

    def open_session(
        username: str | None = None, *, password: str = "pass-word-123", lang: str = "ar"
    ):
        context = chromium.new_context(viewport={"width": 390, "height": 844}, locale="ar-SA")
        contexts.append(context)
        page = context.new_page()
        if username:
            page.goto(f"{live_server.url}/{lang}/accounts/login/")
            page.fill("#id_login", username)
            page.fill("#id_password", password)
            page.click("form button[type=submit]")
            page.wait_for_load_state()
        return page

    open_session.base = live_server.url
    yield open_session
    for context in contexts:
        context.close()


# --- mail: a real SMTP server on loopback, and the job worker run inside the test ---------


class Mailbox:
    """An aiosmtpd handler that keeps what it accepts, and can refuse the first messages."""

    def __init__(self):
        self.messages: list[email.message.EmailMessage] = []
        self.refuse = 0
        self.refused = 0

    async def handle_DATA(self, server, session, envelope):
        import email
        import email.policy

        if self.refuse:
            self.refuse -= 1
            self.refused += 1
            return "451 4.3.0 Try again later"
        self.messages.append(
            email.message_from_bytes(envelope.original_content, policy=email.policy.default)
        )
        return "250 2.0.0 Accepted"


def free_port() -> int:

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _send_to(settings, port: int, timeout: int) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = timeout


@pytest.fixture
def smtp(settings):
    """An SMTP server on 127.0.0.1 that Django's SMTP backend sends to."""

    mailbox = Mailbox()
    controller = Controller(mailbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    _send_to(settings, controller.port, timeout=10)
    yield mailbox
    controller.stop()


@pytest.fixture
def silent_smtp(settings):
    """A server on 127.0.0.1 that accepts connections and never says a word; Django's SMTP
    backend sends to it with a one-second EMAIL_TIMEOUT."""
    import threading

    server = socket.create_server(("127.0.0.1", 0))
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept():
        server.settimeout(0.1)
        while not stop.is_set():
            try:
                held.append(server.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    _send_to(settings, server.getsockname()[1], timeout=1)
    yield server
    stop.set()
    thread.join()
    for connection in held:
        connection.close()
    server.close()


@pytest.fixture
def run_worker():
    """Run `siyasa db_worker --batch`: every job that is ready now, then return."""

    handlers = {
        sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)
    }

    def run():
        call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)

    yield run
    # The worker installs its own handlers for graceful shutdown; give pytest back its own.
    for sig, handler in handlers.items():
        signal.signal(sig, handler)
