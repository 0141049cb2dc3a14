"""`siyasa serve` as a person runs it: one command, and a declared incident's alert arrives."""

import http.cookiejar
import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from conftest import free_port

# An organisation made through the product, its owner the contact alerted at the lowest level.
SETUP = """
import json
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from siyasa.crisis.models import EmergencyContact, SeverityLevel
from siyasa.orgs.models import Person
from siyasa.workspace.services import create_organization

owner = get_user_model().objects.create_user("huda", "huda@charity.example", "pass-word-123")
EmailAddress.objects.create(user=owner, email=owner.email, verified=True, primary=True)
org = create_organization(owner=owner, name_ar="جمعية النور", name_en="Al-Noor", slug="noor")
level = SeverityLevel.objects.for_org(org).get(rank=1)
me = Person.objects.for_org(org).get(user=owner)
for role in level.notify_roles:
    EmergencyContact.objects.create(organization=org, role=role, person=me)
print(json.dumps({"level": level.pk, "lead": me.pk}))
"""


def environment(data_dir: Path, smtp_port: int) -> dict:
    env = {
        key: value
        for key, value in os.environ.items()
        if key != "DATABASE_URL" and not key.startswith(("SIYASA_", "DJANGO_", "SECURE_"))
    }
    return env | {
        "SECRET_KEY": "serve-test",
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_HSTS_SECONDS": "0",
        "SECURE_COOKIES": "0",
        "SIYASA_ENFORCE_TWO_FACTOR": "0",
        "SIYASA_DATA_DIR": str(data_dir),
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(smtp_port),
    }


def siyasa(*args: str, env: dict) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "siyasa", *args], env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """A person's session against the server: cookies, and the CSRF token from its cookie."""

    def __init__(self, base: str):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), NoRedirect
        )

    def request(self, path: str, data: dict | None = None) -> tuple[int, str]:
        body = None
        if data is not None:
            token = next(c.value for c in self.jar if c.name == "csrftoken")
            body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": token}, doseq=True)
        try:
            with self.opener.open(self.base + path, body and body.encode(), timeout=30) as r:
                return r.status, r.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def sign_in(self, login: str, password: str) -> None:
        self.request("/en/accounts/login/")
        status, _ = self.request("/en/accounts/login/", {"login": login, "password": password})
        assert status == 302


def wait_for(condition, seconds: float = 30, what: str = ""):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"waited {seconds} s for {what}")


def pids(data_dir: Path) -> dict:
    try:
        return json.loads((data_dir / "serve.pids").read_text())
    except (FileNotFoundError, json.JSONDecodeError):
        return {}


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


def healthz(base: str) -> int | None:
    try:
        with urllib.request.urlopen(base + "/healthz", timeout=5) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return None


@pytest.mark.slow
def test_one_command_serves_delivers_and_restarts_its_worker(tmp_path, smtp, settings):
    env = environment(tmp_path / "data", settings.EMAIL_PORT)
    siyasa("migrate", "-v0", env=env)
    plan = json.loads(siyasa("shell", "--no-imports", "-c", SETUP, env=env).splitlines()[-1])
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = (tmp_path / "serve.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "siyasa", "serve", "--addr", f"127.0.0.1:{port}", "--workers", "1"],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        wait_for(lambda: healthz(base), what="the server to answer")
        # The worker's heartbeat and the first daily run make the instance healthy.
        wait_for(lambda: healthz(base) == 200, what="/healthz to answer 200")
        huda = Browser(base)
        huda.sign_in("huda", "pass-word-123")

        def declare(summary: str) -> None:
            page = huda.request("/en/o/noor/crisis/declare/")[1]
            assert "What is happening?" in page
            status, _ = huda.request(
                "/en/o/noor/crisis/declare/",
                {"kind": "communication", "summary": summary, **plan} | answers(page),
            )
            assert status == 302

        declare("Our account posts things we did not write")
        alert = wait_for(
            lambda: about(smtp, "Our account posts things we did not write"), what="the alert"
        )
        assert alert["To"] == "huda@charity.example"

        # Kill the worker outright: the supervisor starts another, which delivers the next.
        worker = pids(tmp_path / "data")["worker"]
        os.kill(worker, signal.SIGKILL)
        restarted = wait_for(
            lambda: (p := pids(tmp_path / "data").get("worker")) != worker and alive(p) and p,
            what="a new worker",
        )
        declare("A second thing happened")
        wait_for(lambda: about(smtp, "A second thing happened"), what="the second alert")
        assert alive(restarted)

        children = [pid for name, pid in pids(tmp_path / "data").items() if name != "supervisor"]
        server.send_signal(signal.SIGTERM)
        assert server.wait(timeout=40) == 0
        assert not any(alive(pid) for pid in children)
        assert not (tmp_path / "data" / "serve.pids").exists()
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
        log.close()
        print((tmp_path / "serve.log").read_text())


def about(mailbox, words: str):
    """The e-mail that says `words` (the daily reminders may arrive too: the first start of the
    scheduler runs the day's)."""
    return next(
        (m for m in mailbox.messages if words in m.get_body(("plain",)).get_content()), None
    )


def answers(page: str) -> dict:
    """The lowest answer to each scope question, as the form offers it (the first radio)."""
    import re

    found = {}
    for name, value in re.findall(r'name="(q_\w+)" value="(\w+)"', page):
        found.setdefault(name, value)
    return found
