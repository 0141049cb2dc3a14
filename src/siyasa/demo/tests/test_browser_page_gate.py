"""The page gate: every page a member can open — each GET URL of the permission matrix, with the
demo and with an organisation made through the product, plus the sign-in pages — in Arabic and
English, at 1,280 px and 390 px, in a real browser: the document never scrolls sideways, axe-core
finds nothing serious or critical, an Arabic page shows no English interface string of the
catalogue, and every internal link answers.

A new page joins the gate by joining the URL matrix (core/tests/test_url_matrix.py). It runs once,
on SQLite: what it checks is the rendered page, which does not depend on the database, and a
second run on PostgreSQL would add minutes to CI for nothing."""

import gettext
import os
import re
import sys
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse
from playwright.sync_api import Error as PlaywrightError

from siyasa.core.tests.factories import UserFactory
from siyasa.core.tests.test_url_matrix import EXPECTED, objects_of, url_for
from siyasa.demo.builder import PASSWORD as DEMO_PASSWORD
from siyasa.demo.builder import build_demo
from siyasa.orgs.models import Membership
from siyasa.workspace.services import create_organization

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        bool(os.environ.get("DATABASE_URL")),
        reason="the page gate checks rendered pages, the same on every database: run on SQLite",
    ),
]

WIDTHS = (1280, 390)
# Pages outside /o/<slug>/ that every visitor meets: (URL name, signed in?).
OTHER_PAGES = (
    ("home", False),
    ("login", False),
    ("account_signup", False),
    ("password_reset", False),
    ("organization_new", True),
    ("mfa_index", True),
)
# A file not made yet answers "being prepared" (202) while the job worker makes it.
LINK_OK = {200, 202, 302, 304}
SERIOUS = {"serious", "critical"}

# The visible text of the page and the words assistive technology reads out, without what is
# marked as another language (user data in English, the language switch) and without what
# the reader cannot see at all.
VISIBLE_TEXT = """() => {
  const copy = document.body.cloneNode(true);
  copy.querySelectorAll('script, style, template, textarea, [hidden], [lang]:not([lang|="ar"])')
    .forEach((node) => node.remove());
  const said = [...copy.querySelectorAll('[aria-label], [placeholder], [title], [alt]')]
    .flatMap((node) => ['aria-label', 'placeholder', 'title', 'alt'].map((a) => node.getAttribute(a)))
    .filter(Boolean);
  return [copy.textContent, ...said].join(' ').replace(/\\s+/g, ' ');
}"""

# What widens the document: the outermost elements that reach past its edge.
OVERFLOW = """() => {
  const root = document.documentElement;
  if (root.scrollWidth <= root.clientWidth + 1) return null;
  const width = root.clientWidth;
  const wide = [...document.body.querySelectorAll('*')].filter((node) => {
    const box = node.getBoundingClientRect();
    return box.width && (box.right > width + 1 || box.left < -1);
  }).filter((node, _, all) => !all.includes(node.parentElement));
  const name = (node) => node.tagName.toLowerCase() + (node.id ? '#' + node.id : '')
    + (node.className && typeof node.className === 'string' ? '.' + node.className.trim().split(/\\s+/).join('.') : '');
  return { scroll: root.scrollWidth, width, culprits: wide.slice(0, 4).map(name) };
}"""

LINKS = """() => [...document.querySelectorAll('a[href]')]
  .map((a) => a.href.split('#')[0])
  .filter((href) => href.startsWith(location.origin))"""


def english_interface_strings() -> list[str]:
    """The catalogue's English msgids that would be unmistakable on an Arabic page: two words or
    more, no placeholder or markup (those never appear verbatim), translated to something else."""
    mo = Path(__file__).resolve().parents[2] / "locale/ar/LC_MESSAGES/django.mo"
    with mo.open("rb") as file:
        catalogue = gettext.GNUTranslations(file)._catalog  # type: ignore[attr-defined]
    found = set()
    for key, translated in catalogue.items():
        msgid = key[0] if isinstance(key, tuple) else key
        if not msgid or re.search(r"[%{}<>\n]", msgid) or translated == msgid:
            continue
        words = re.findall(r"[A-Za-z]+", msgid)
        if len(msgid.split()) >= 2 and len(words) >= 2:
            found.add(msgid.strip())
    return sorted(found, key=len, reverse=True)


class Gate:
    """Walks pages in one browser tab, keeps what it finds, and counts what it checked."""

    def __init__(self, page, base: str):
        self.page, self.base = page, base
        self.axe = Axe()
        self.english = english_interface_strings()
        self.links: set[str] = set()
        self.failures: list[str] = []
        self.counts = dict.fromkeys(("pages", "loads", "axe runs", "violations", "links"), 0)

    def check(self, url: str) -> None:
        page = self.page
        page.set_viewport_size({"width": WIDTHS[0], "height": 900})
        self.counts["loads"] += 1
        try:
            response = page.goto(self.base + url)
        except PlaywrightError as error:
            # A file (CSV, PDF) is a download, not a page: it only has to answer.
            if "Download is starting" not in str(error):
                raise
            response = page.request.get(self.base + url)
        if response is None or response.status != 200:
            self.failures.append(f"{url}: {response.status if response else 'no answer'}")
            return
        if not response.headers.get("content-type", "").startswith("text/html"):
            return
        self.counts["pages"] += 1
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            wide = page.evaluate(OVERFLOW)
            if wide:
                self.failures.append(
                    f"{url} at {width} px scrolls sideways: {wide['scroll']} px wide, "
                    f"widened by {', '.join(wide['culprits'])}"
                )
            if width == WIDTHS[1]:
                self.audit(url)
        if url.startswith("/ar/"):
            text = page.evaluate(VISIBLE_TEXT)
            left = [msgid for msgid in self.english if msgid in text]
            if left:
                self.failures.append(f"{url} shows English: {'; '.join(left[:5])}")
        self.links.update(href[len(self.base) :] for href in page.evaluate(LINKS))

    def audit(self, url: str) -> None:
        # On a phone, where the menus are folded: what a keyboard or a screen reader meets first.
        results = self.axe.run(self.page)
        self.counts["axe runs"] += 1
        for violation in results.response["violations"]:
            if violation["impact"] in SERIOUS:
                self.counts["violations"] += 1
                targets = ", ".join(str(n["target"][0]) for n in violation["nodes"][:3])
                self.failures.append(f"{url}: axe {violation['id']} ({targets})")

    def check_links(self, seen: set[str]) -> None:
        """Every internal link met on the pages, once, with this tab's session."""
        for href in sorted(self.links - seen):
            seen.add(href)
            self.counts["links"] += 1
            status = self.page.request.get(self.base + href, max_redirects=0).status
            if status not in LINK_OK:
                self.failures.append(f"link {href}: {status}")
        self.links.clear()


def member_urls(org) -> list[str]:
    """Every GET URL of the matrix that the organisation's owner opens, in both languages."""
    objects = objects_of(org)
    paths = [
        url_for(name, org, objects)[3:]
        for name, (expected, _) in sorted(EXPECTED.items())
        if expected["owner"] == 200
    ]
    return [f"/{lang}{path}" for path in paths for lang in ("ar", "en")]


def other_urls(signed_in: bool) -> list[str]:
    return [
        f"/{lang}" + reverse(name)[3:]
        for name, needs in OTHER_PAGES
        if needs == signed_in
        for lang in ("ar", "en")
    ]


def test_every_page_fits_reads_and_links_in_both_languages(browser_session, settings):
    # The gate follows every link once, in both languages: more organisation files than an
    # owner's hourly allowance.
    settings.SIYASA_ORG_EXPORT_RATE = "100/h"
    demo = build_demo()
    founder = UserFactory(username="reem", email="reem@amal.org")
    made = create_organization(
        owner=founder, name_ar="جمعية أمل", slug="amal", owner_name="ريم العمري"
    )
    assert Membership.objects.filter(organization=made, user=founder).exists()
    seen_links: set[str] = set()
    gates = []
    for username, password, urls in (
        (None, "", other_urls(signed_in=False)),
        ("admin", DEMO_PASSWORD, member_urls(demo) + other_urls(signed_in=True)),
        ("reem", "pass-word-123", member_urls(made)),
    ):
        gate = Gate(browser_session(username, password=password), browser_session.base)
        for url in urls:
            gate.check(url)
        gate.check_links(seen_links)
        gates.append(gate)

    counts = {key: sum(g.counts[key] for g in gates) for key in gates[0].counts}
    failures = [failure for gate in gates for failure in gate.failures]
    print(
        f"\npage gate: {counts['pages']} pages ({counts['loads']} loads) at {WIDTHS} px, "
        f"{counts['axe runs']} axe runs with {counts['violations']} serious or critical "
        f"violations, {counts['links']} distinct links; {len(failures)} failures",
        file=sys.stderr,
    )
    assert not failures, "\n".join(failures)
