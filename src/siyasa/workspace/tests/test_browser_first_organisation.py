"""A charity's first day, in a real browser, in Arabic, from an empty database (the demo builder
is never called): sign up and verify the address from a real SMTP server, start the
organisation, fill it from CSV files, publish, invite a staff member and a PR contact who accept
in their own sessions, the staff member sees their accounts and gets a reminder, and a crisis
statement is approved by the invited people and the incident closed with a review.

It also counts what the founder's team had to do — page loads and form submissions — the figure
to beat in the issue being 89 page loads and 72 submissions to a published policy."""

import re
import sys

import pytest
from django.core.management import call_command
from django.utils import timezone

from siyasa.crisis import selectors as crisis_selectors
from siyasa.crisis.models import Incident, SeverityLevel, Statement
from siyasa.orgs.models import Membership, Organization, Person
from siyasa.policy.models import PolicyVersion

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "ورد-الربيع-2026"
PEOPLE = (
    "الاسم,البريد الإلكتروني,الهاتف,المسمى الوظيفي\n"
    "نورة القحطاني,noura@amal.org,٠٥٠١٢٣٤٥٦٧,منسقة المحتوى\n"
    "خالد الشهري,khalid@amal.org,+966 55 123 4567,مسؤول العلاقات العامة\n"
)
ACCOUNTS = "المنصة,المعرّف,المسؤول عن الحساب\nx,@amal_org,noura@amal.org\n"
GRANTS = "المنصة,المعرّف,الشخص,النشر,الرد والرسائل الخاصة\nx,@amal_org,noura@amal.org,نعم,نعم\n"


class Counter:
    """Counts the documents browsers load: GETs are page loads, POSTs are form submissions."""

    def __init__(self):
        self.loads = self.submissions = 0
        self.at_publication = None

    def watch(self, page):
        def on_request(request):
            if request.resource_type == "document" and request.is_navigation_request():
                if request.method == "POST":
                    self.submissions += 1
                else:
                    self.loads += 1

        page.on("request", on_request)
        return page


def link_in(mailbox, address: str, pattern: str) -> str:
    for message in reversed(mailbox.messages):
        if address in message["To"]:
            body = message.get_body(preferencelist=("plain",)).get_content()
            found = re.search(pattern, body)
            if found:
                return found.group(0)
    raise AssertionError(f"no e-mail to {address} with {pattern}")


def import_file(page, registry: str, path) -> None:
    page.locator(f'a[href$="/import/{registry}/"]').first.click()
    page.set_input_files("input[type=file]", str(path))
    page.locator("form.form button[type=submit]").first.click()  # preview
    page.locator("form[action$='/confirm/'] button[type=submit]").click()
    page.wait_for_load_state()
    assert "تم الاستيراد" in page.locator(".messages").inner_text()


def test_a_charitys_first_day_in_arabic(
    browser_session, live_server, smtp, run_worker, settings, tmp_path
):
    settings.SIYASA_BASE_URL = live_server.url
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    base = live_server.url
    count = Counter()

    # 1. Sign up; the verification e-mail comes through a real SMTP server, in Arabic.
    founder = count.watch(browser_session())
    founder.goto(f"{base}/ar/accounts/signup/")
    assert founder.get_attribute("html", "dir") == "rtl"
    founder.fill("input[name=email]", "reem@amal.org")
    founder.fill("input[name=password1]", PASSWORD)
    founder.fill("input[name=password2]", PASSWORD)
    founder.locator("form button[type=submit]").first.click()
    founder.wait_for_load_state()
    run_worker()
    confirm = link_in(smtp, "reem@amal.org", r"https?://\S+/ar/accounts/confirm-email/\S+")
    founder.goto(confirm)
    founder.locator("form button[type=submit]").first.click()
    founder.wait_for_load_state()
    # Confirming may sign the account in already; if not, sign in with the new address.
    founder.goto(f"{base}/ar/accounts/login/")
    if founder.locator("#id_login").count():
        founder.fill("#id_login", "reem@amal.org")
        founder.fill("#id_password", PASSWORD)
        founder.locator("form button[type=submit]").first.click()
        founder.wait_for_load_state()

    # 2. Start the organisation: the founder becomes its owner and its first person.
    founder.goto(f"{base}/ar/new/")
    founder.fill("#id_name_ar", "جمعية أمل")
    founder.fill("#id_slug", "amal")
    founder.fill("#id_owner_name", "ريم العمري")
    founder.locator("form.form button[type=submit]").click()
    founder.wait_for_url("**/ar/o/amal/")
    org = Organization.objects.get(slug="amal")
    assert "خطوات البداية" in founder.content()

    # 3. People, accounts and who may publish, from CSV files.
    files = {}
    for name, text in (("people", PEOPLE), ("accounts", ACCOUNTS), ("grants", GRANTS)):
        files[name] = tmp_path / f"{name}.csv"
        files[name].write_text(text, encoding="utf-8")
    founder.goto(f"{base}/ar/o/amal/people/")
    import_file(founder, "people", files["people"])
    founder.goto(f"{base}/ar/o/amal/accounts/")
    import_file(founder, "accounts", files["accounts"])
    import_file(founder, "grants", files["grants"])
    noura = Person.objects.get(organization=org, email="noura@amal.org")
    khalid = Person.objects.get(organization=org, email="khalid@amal.org")

    # 4. The crisis contacts: Noura for the social media team, Khalid for public relations.
    for role, person in (("social_team", noura), ("public_relations", khalid)):
        founder.goto(f"{base}/ar/o/amal/crisis/contacts/new/")
        founder.select_option("select[name=role]", role)
        founder.select_option("select[name=person]", str(person.pk))
        founder.fill("input[name=verified_on]", timezone.localdate().isoformat())
        founder.locator("form.form button[type=submit]").first.click()
        founder.wait_for_load_state()

    # 5. Publish the first version.
    founder.goto(f"{base}/ar/o/amal/policy/draft/")
    founder.fill("textarea[name=summary]", "الإصدار الأول من سياسة الجمعية")
    founder.check("input[name=kind][value=material]")
    founder.fill("input[name=effective_on]", timezone.localdate().isoformat())
    founder.locator("form[action$='/policy/publish/'] button[type=submit]").click()
    founder.wait_for_load_state()
    assert PolicyVersion.objects.filter(organization=org).count() == 1
    count.at_publication = (count.loads, count.submissions)

    # 6. Invite both as staff; each accepts in a session of their own.
    founder.goto(f"{base}/ar/o/amal/members/")
    for person in (noura, khalid):
        form = founder.locator(f"form[action$='/people/{person.pk}/invite/']")
        form.locator("select[name=role]").select_option("staff")
        form.locator("button[type=submit]").click()
        founder.wait_for_load_state()
    run_worker()
    sessions = {}
    for person in (noura, khalid):
        link = link_in(smtp, person.email, r"https?://\S+/invitations/\S+/")
        page = count.watch(browser_session())
        page.goto(link)
        assert page.get_attribute("html", "dir") == "rtl"
        page.fill("input[name=password1]", PASSWORD)
        page.fill("input[name=password2]", PASSWORD)
        page.locator("form button[type=submit]").first.click()
        page.wait_for_load_state()
        sessions[person.email] = page
    assert Membership.objects.filter(organization=org).count() == 3
    noura.refresh_from_db()
    assert noura.user is not None and noura.user.memberships.get(organization=org)

    # 7. "What it asks of me" knows Noura and lists the account she may publish on.
    staff = sessions["noura@amal.org"]
    staff.goto(f"{base}/ar/o/amal/policy/me/")
    assert "@amal_org" in staff.inner_text("main")

    # 8. `siyasa remind` e-mails the new members who owe an acknowledgement, in Arabic.
    call_command("remind", verbosity=0)
    run_worker()
    digest = [
        m
        for m in smtp.messages
        if "noura@amal.org" in m["To"]
        and "invitations" not in m.get_body(preferencelist=("plain",)).get_content()
    ]
    assert digest, "Noura got no reminder"
    assert "والإقرار بها" in digest[-1].get_body(preferencelist=("plain",)).get_content()

    # 9. A crisis: the founder declares at level 2 and drafts a statement; Noura (social media
    # team) and Khalid (public relations), invited today, approve it; the founder closes it.
    level = SeverityLevel.objects.get(organization=org, rank=2)
    assert set(level.approval_roles) == {"social_team", "public_relations"}
    founder.goto(f"{base}/ar/o/amal/crisis/declare/")
    founder.fill("textarea[name=summary], input[name=summary]", "تعليق مسيء ينتشر باسم الجمعية")
    founder.select_option("select[name=level]", str(level.pk))
    founder.fill("textarea[name=level_reason], input[name=level_reason]", "بدأ صحفيون بالسؤال")
    founder.locator("button[name=action][value=declare]").click()
    founder.wait_for_url("**/crisis/incidents/*/")
    incident = Incident.objects.get(organization=org)
    founder.evaluate("for (const d of document.querySelectorAll('details')) d.open = true")
    founder.fill("textarea[name=text_ar]", "نعلم بما يُتداول ونراجعه الآن، وسنوضح قريبًا.")
    founder.locator("form[action$='/statements/'] button[type=submit]").click()
    founder.wait_for_load_state()
    statement = Statement.objects.get(incident=incident)
    for email, role in (("noura@amal.org", "social_team"), ("khalid@amal.org", "public_relations")):
        approver = sessions[email]
        approver.goto(f"{base}/ar/o/amal/crisis/incidents/{incident.number}/")
        form = approver.locator(f"form.decision:has(input[name=role][value={role}])")
        form.locator("button[name=decision][value=approve]").click()
        approver.wait_for_load_state()
    statement.refresh_from_db()
    assert crisis_selectors.statement_state(statement).publishable
    founder.goto(f"{base}/ar/o/amal/crisis/incidents/{incident.number}/")
    founder.evaluate("for (const d of document.querySelectorAll('details')) d.open = true")
    founder.fill("textarea[name=review_happened]", "انتشر تعليق مسيء خلال ساعة")
    founder.fill("textarea[name=review_worked]", "اعتماد البيان من شخصين خلال دقائق")
    founder.fill("textarea[name=review_changes]", "تسمية بديل لمسؤول العلاقات العامة")
    founder.locator("form[action$='/close/'] button[type=submit]").click()
    founder.wait_for_load_state()
    incident.refresh_from_db()
    assert not incident.is_open

    loads, submissions = count.at_publication
    print(
        f"\nfirst day: to a published policy {loads} page loads and {submissions} form "
        f"submissions; the whole journey {count.loads} page loads and {count.submissions} "
        "submissions",
        file=sys.stderr,
    )
    assert submissions < 72 and loads < 89
