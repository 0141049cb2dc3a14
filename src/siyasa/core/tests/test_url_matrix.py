"""Every URL under /o/<slug>/, walked as every kind of visitor; generated from the URL configuration."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from siyasa.consent import services as consent_services
from siyasa.consent.models import Consent
from siyasa.core.tests.factories import (
    AccessGrantFactory,
    AccountRequestFactory,
    ConnectedAppFactory,
    CustodyFactory,
    DeviceFactory,
    EmergencyContactFactory,
    ModerationDecisionFactory,
    PersonFactory,
    ResponsibilityFactory,
    SeverityLevelFactory,
)
from siyasa.crisis.models import Playbook, SeverityLevel
from siyasa.crisis.services import incidents, statements
from siyasa.intake import services as intake_services
from siyasa.orgs.models import Membership, Role
from siyasa.orgs.services import invite
from siyasa.policy.services import publish_version
from siyasa.postcheck import services as postcheck_services
from siyasa.security.services import offboarding as offboarding_service
from siyasa.security.services import onboarding
from siyasa.training import services as training_services
from siyasa.training.models import CustomQuestion

VIEW = {
    "anonymous": 302,
    "outsider": 404,
    "staff": 200,
    "editor": 200,
    "policy_admin": 200,
    "owner": 200,
}
CONTENT = {**VIEW, "staff": 403}
MANAGE = {**CONTENT, "editor": 403}
OWNERS = {**MANAGE, "policy_admin": 403}
REDIRECT_WHEN_ALLOWED = {**MANAGE, "policy_admin": 302, "owner": 302}
POST_ONLY_VIEW = {**VIEW, "staff": 405, "editor": 405, "policy_admin": 405, "owner": 405}
POST_ONLY_MANAGE = {**MANAGE, "policy_admin": 405, "owner": 405}
# A quiz attempt is its member's alone (the owner's here); nobody else finds it. Not passed, it
# has no certificate.
OWN_ATTEMPT = {**VIEW, "staff": 404, "editor": 404, "policy_admin": 404}
OWN_ATTEMPT_NOT_PASSED = {**OWN_ATTEMPT, "owner": 403}
REVIEW = {**VIEW, "staff": 404}
POST_ONLY_CONTENT = {**CONTENT, "editor": 405, "policy_admin": 405, "owner": 405}
# A file not made yet: "being prepared" (202) while the job worker makes it.
EXPORT = {**VIEW, "staff": 202, "editor": 202, "policy_admin": 202, "owner": 202}
# The GETs that may write, and what: an export asked for queues its build (the file's row and a
# job) and every export request counts against its address's rate limit (the cache).
GET_WRITES = {
    **{
        name: ("policy_exportfile", "django_tasks_database_dbtaskresult", "siyasa_cache")
        for name in ("policy_pdf", "policy_docx")
    },
    # The organisation's whole file (owners) counts against its address's rate limit.
    "org_export": ("siyasa_cache",),
    # The rendered policy page is kept in the (database) cache.
    "policy": ("siyasa_cache",),
    # The report of an analysis as PDF is made on the first request and kept.
    "policy_intake_pdf": ("intake_analysispdf",),
}
# URLs of a row that hangs under one account: /accounts/<account_pk>/…
UNDER_ACCOUNT = (
    "grant_new",
    "grant_edit",
    "grant_delete",
    "custody_edit",
    "account_rotations",
    "connection_new",
    "connection_edit",
    "connection_delete",
)
# URLs under one incident, which is numbered per organisation: /crisis/incidents/<number>/…
UNDER_INCIDENT = (
    "incident_detail",
    "incident_entry",
    "incident_level",
    "incident_lead",
    "incident_close",
    "task_add",
    "task_done",
    "statement_add",
    "statement_edit",
    "statement_decide",
)
# Import and export of a registry: /export/<registry>.<fmt>, /import/<registry>/…; each registry
# needs what editing it needs (transfer/tests checks all of them), here the access grants.
TRANSFER = ("transfer_export", "transfer_template", "transfer_import", "transfer_import_confirm")

# URL name -> (expected GET status per visitor, which object fills <pk>).
EXPECTED = {
    "workspace": (VIEW, None),
    "policy": (VIEW, None),
    "person_list": (VIEW, None),
    "person_new": (CONTENT, None),
    "person_edit": (CONTENT, "person"),
    "person_delete": (CONTENT, "person"),
    "person_invite": (POST_ONLY_MANAGE, "person"),
    "member_list": (MANAGE, None),
    "member_change": (REDIRECT_WHEN_ALLOWED, "membership"),
    "invitation_resend": (POST_ONLY_MANAGE, "invitation"),
    "invitation_revoke": (POST_ONLY_MANAGE, "invitation"),
    "org_settings": (MANAGE, None),
    "account_list": (VIEW, None),
    "account_new": (CONTENT, None),
    "account_detail": (VIEW, "account"),
    "account_edit": (CONTENT, "account"),
    "account_delete": (CONTENT, "account"),
    "grant_new": (MANAGE, None),
    "grant_edit": (MANAGE, "grant"),
    "grant_delete": (MANAGE, "grant"),
    "custody_edit": (MANAGE, None),
    # R1.6: any member asks for a new account; who may approve decides.
    "account_activity": (POST_ONLY_CONTENT, "account"),
    "account_request_list": (VIEW, None),
    "account_request_new": (VIEW, None),
    "account_request_decide": (POST_ONLY_MANAGE, "account_request"),
    # R2.10: connected apps, like access grants.
    "connection_new": (MANAGE, None),
    "connection_edit": (MANAGE, "connection"),
    "connection_delete": (MANAGE, "connection"),
    # R6.5: the moderation log is for members only.
    "moderation_list": (VIEW, None),
    "moderation_new": (CONTENT, None),
    "moderation_edit": (CONTENT, "moderation"),
    "moderation_delete": (CONTENT, "moderation"),
    "responsibility_list": (VIEW, None),
    "responsibility_new": (MANAGE, None),
    "responsibility_edit": (MANAGE, "responsibility"),
    "responsibility_delete": (MANAGE, "responsibility"),
    "device_list": (VIEW, None),
    "device_new": (MANAGE, None),
    "device_edit": (MANAGE, "device"),
    "device_delete": (MANAGE, "device"),
    "policy_draft": (CONTENT, None),
    "policy_publish": (POST_ONLY_MANAGE, None),
    "policy_versions": (VIEW, None),
    "policy_version": (VIEW, None),
    "policy_compare": (VIEW, None),
    "policy_acknowledge": (POST_ONLY_VIEW, None),
    "policy_acknowledgements": (MANAGE, None),
    "policy_me": (VIEW, None),
    "policy_manager": (VIEW, None),
    "policy_crisis_card": (VIEW, None),
    "policy_pdf": (EXPORT, None),
    "policy_docx": (EXPORT, None),
    "policy_texts": (CONTENT, None),
    # Bringing an existing policy: whoever may write the policy's texts.
    "policy_intake": (CONTENT, None),
    "policy_intake_report": (CONTENT, "analysis"),
    "policy_intake_pdf": (CONTENT, "analysis"),
    "policy_intake_add": (POST_ONLY_CONTENT, "analysis"),
    "policy_intake_use": (CONTENT, "analysis"),
    "policy_intake_started": (CONTENT, "analysis"),
    "policy_intake_delete": (POST_ONLY_CONTENT, "analysis"),
    "health": (VIEW, None),
    "security_overview": (MANAGE, None),
    "account_rotations": (VIEW, None),
    "offboarding_start": (MANAGE, "person"),
    "offboarding_detail": (MANAGE, "offboarding"),
    "offboarding_item": (POST_ONLY_MANAGE, "offboarding"),
    "offboarding_archive": (POST_ONLY_MANAGE, "offboarding"),
    "onboarding_start": (POST_ONLY_MANAGE, "person"),
    "onboarding_tick": (POST_ONLY_VIEW, "step"),
    "policy_text_edit": (CONTENT, None),
    "policy_settings": (MANAGE, None),
    "crisis_plan": (VIEW, None),
    "contact_new": (MANAGE, None),
    "contact_edit": (MANAGE, "contact"),
    "contact_delete": (MANAGE, "contact"),
    "level_new": (MANAGE, None),
    "level_edit": (MANAGE, "level"),
    "level_delete": (MANAGE, "level"),
    "playbook_new": (MANAGE, None),
    "playbook_edit": (MANAGE, "playbook"),
    # Anyone in the team may declare and work on an incident; who may change its level or lead,
    # close it, or approve a statement is decided per incident (crisis/tests/test_permissions.py).
    "incident_declare": (VIEW, None),
    "incident_detail": (VIEW, None),
    "incident_entry": (POST_ONLY_VIEW, None),
    "incident_level": (POST_ONLY_VIEW, None),
    "incident_lead": (POST_ONLY_VIEW, None),
    "incident_close": (POST_ONLY_VIEW, None),
    "task_add": (POST_ONLY_VIEW, None),
    "task_done": (POST_ONLY_VIEW, "task"),
    "statement_add": (POST_ONLY_VIEW, None),
    "statement_edit": (VIEW, "statement"),
    "statement_decide": (POST_ONLY_VIEW, "statement"),
    "notification_log": (MANAGE, None),
    "audit_history": (MANAGE, None),
    "audit_history_csv": (MANAGE, None),
    "transfer_export": (MANAGE, None),
    "transfer_template": (MANAGE, None),
    "transfer_import": (MANAGE, None),
    "transfer_import_confirm": (POST_ONLY_MANAGE, None),
    "audit_history_purge": (OWNERS, None),
    "training": (VIEW, None),
    "training_start": (POST_ONLY_VIEW, None),
    "training_attempt": (OWN_ATTEMPT, "attempt"),
    "training_certificate": (OWN_ATTEMPT_NOT_PASSED, "attempt"),
    "training_results": (MANAGE, None),
    "training_results_csv": (MANAGE, None),
    "training_questions": (CONTENT, None),
    "training_question_new": (CONTENT, None),
    "training_question_edit": (CONTENT, "question"),
    "training_question_delete": (CONTENT, "question"),
    "training_settings": (MANAGE, None),
    # R4.1, R4.2: the consent registry is read and kept by whoever holds the privacy role;
    # anyone may check a post, and tick off a take-down task given to them.
    "consent_list": (MANAGE, None),
    "consent_new": (MANAGE, None),
    "consent_edit": (MANAGE, "consent"),
    "consent_delete": (MANAGE, "consent"),
    "consent_withdraw": (MANAGE, "consent"),
    "takedown_list": (VIEW, None),
    "takedown_done": (POST_ONLY_VIEW, "takedown"),
    "check_post": (VIEW, None),
    "check_terms": (MANAGE, None),
    # Issue 14: a draft sent for review is read by whoever asked (the editor here), its
    # reviewers and owners and policy admins; other members do not find it.
    "post_review_list": (VIEW, None),
    "post_review_ask": (POST_ONLY_VIEW, None),
    "post_review_detail": (REVIEW, "review"),
    "post_review_decide": (POST_ONLY_VIEW, "review"),
    "post_review_withdraw": (POST_ONLY_VIEW, "review"),
    "post_review_delete": (POST_ONLY_VIEW, "review"),
    "search": (VIEW, None),
    "help": (VIEW, None),
    "org_export": (OWNERS, None),
}


def org_url_names() -> set[str]:
    """Names of every URL pattern mounted under o/<slug>/."""

    def walk(patterns, prefix):
        for p in patterns:
            route = prefix + str(p.pattern)
            if isinstance(p, URLResolver):
                yield from walk(p.url_patterns, route)
            elif isinstance(p, URLPattern) and "o/<slug:slug>/" in route and p.name:
                yield p.name

    return set(walk(get_resolver().url_patterns, ""))


def objects_of(org):
    grant = AccessGrantFactory(organization=org)
    CustodyFactory(organization=org, account=grant.account)
    owner = Membership.objects.filter(organization=org, role="owner").first()
    leaving = PersonFactory(organization=org)
    incident = incidents.declare(
        membership=owner,
        kind="communication",
        level=SeverityLevel.objects.for_org(org).order_by("rank").first(),
        summary="Something is spreading",
        lead=PersonFactory(organization=org),
        answers={},
    )
    DeviceFactory(organization=org, assignee=leaving)
    offboarding = offboarding_service.start(
        membership=owner, person=leaving, last_day=timezone.localdate()
    )
    version = publish_version(
        membership=owner, summary="v1", kind="material", effective_on=timezone.localdate()
    )
    consent = Consent.objects.create(
        organization=org, name="أم خالد", consents_photo=True, valid_from=timezone.localdate()
    )
    withdrawn = Consent.objects.create(
        organization=org, name="Umm Fahad", consents_name=True, valid_from=timezone.localdate()
    )
    takedown = consent_services.withdraw(
        membership=owner, consent=withdrawn, on=timezone.localdate(), by="Umm Fahad"
    )[0]
    asker = (
        Membership.objects.filter(organization=org, role="editor").first()
        or Membership.objects.filter(organization=org).exclude(pk=owner.pk).first()
        or owner
    )
    return {
        "review": postcheck_services.ask_review(
            membership=asker, text="صورة أم خالد مع أطفالها", account=None
        ),
        # The attempt of the owner who visits as "owner" (`Cast`), not of the founder.
        "attempt": training_services.start_attempt(
            membership=Membership.objects.filter(organization=org, role="owner")
            .exclude(user__username__startswith="founder-")
            .first()
        ),
        "question": CustomQuestion.objects.create(
            organization=org, section="law", text_ar="سؤال", answers_ar="*نعم\nلا"
        ),
        "consent": consent,
        "takedown": takedown,
        "invitation": invite(
            membership=owner, person=PersonFactory(organization=org), role=Role.STAFF
        ),
        "offboarding": offboarding,
        "offboarding_item": offboarding.items.first(),
        "step": onboarding.start(membership=owner, person=PersonFactory(organization=org))[0],
        "person": grant.person,
        "account": grant.account,
        "grant": grant,
        "connection": ConnectedAppFactory(organization=org, account=grant.account),
        "account_request": AccountRequestFactory(organization=org),
        "moderation": ModerationDecisionFactory(organization=org, account=grant.account),
        "responsibility": ResponsibilityFactory(organization=org),
        "device": DeviceFactory(organization=org),
        "contact": EmergencyContactFactory(organization=org),
        "level": SeverityLevelFactory(organization=org),
        "playbook": Playbook.objects.for_org(org).first(),
        "incident": incident,
        "task": incidents.add_task(membership=owner, incident=incident, title="Pause posts"),
        "statement": statements.submit(
            membership=owner, incident=incident, text_ar="نتابع الأمر", text_en=""
        ),
        "membership": Membership.objects.filter(organization=org).first(),
        "analysis": intake_services.analyse_upload(
            membership=owner, data=b"Passwords change every 90 days.", filename="p.txt"
        ),
        "version": version,
    }


def url_for(name: str, org, objects) -> str:
    kwargs = {"slug": org.slug}
    pk_source = EXPECTED[name][1]
    if pk_source:
        kwargs["pk"] = objects[pk_source].pk
    if name in UNDER_ACCOUNT:
        kwargs["account_pk"] = objects["account"].pk
    if name in UNDER_INCIDENT:
        kwargs["number"] = objects["incident"].number
    if name == "offboarding_item":
        kwargs["item_pk"] = objects["offboarding_item"].pk
    if name in TRANSFER:
        kwargs["registry"] = "grants"
    if name in ("transfer_export", "transfer_template"):
        kwargs["fmt"] = "csv"
    if name == "policy_text_edit":
        kwargs["key"] = "law.privacy"
    if name == "help":
        kwargs["area"] = "crisis"
    if name == "policy_version":
        kwargs["number"] = objects["version"].number
    query = (
        f"?from={objects['version'].number}&to={objects['version'].number}"
        if name == "policy_compare"
        else ""
    )
    return reverse(name, kwargs=kwargs) + query


def test_every_org_url_has_an_expectation():
    assert org_url_names() == set(EXPECTED), "add the new view to EXPECTED with who may reach it"


WRITE = re.compile(r"\s*(INSERT|UPDATE|DELETE)\b", re.IGNORECASE)


@pytest.mark.parametrize("visitor", list(VIEW))
def test_get_every_url_as(visitor, cast):
    """Every page answers each visitor as expected, and reading a page writes nothing: no row
    created on first look, no snapshot recorded (the sign-in's own writes come before), except
    what `GET_WRITES` allows."""
    objects = objects_of(cast.org)
    client = cast.client(None if visitor == "anonymous" else visitor)
    failures = []
    for name, (expected, _) in sorted(EXPECTED.items()):
        for lang in ("ar", "en"):
            url = f"/{lang}" + url_for(name, cast.org, objects)[3:]
            with CaptureQueriesContext(connection) as captured:
                status = client.get(url).status_code
            if status != expected[visitor]:
                failures.append(f"{url}: {status}, expected {expected[visitor]}")
            failures += [
                f"GET {url} writes: {q['sql'][:100]}"
                for q in captured.captured_queries
                if WRITE.match(q["sql"])
                and not any(f'"{table}"' in q["sql"] for table in GET_WRITES.get(name, ()))
            ]
    assert not failures, "\n".join(failures)


def test_another_organisations_ids_are_404_under_my_slug(cast):
    """A foreign object's id in my organisation's URL does not exist for me."""
    mine, theirs = objects_of(cast.org), objects_of(cast.other_org)
    client = cast.client("owner")
    failures = []
    for name, (_, pk_source) in EXPECTED.items():
        if pk_source is None and name not in UNDER_ACCOUNT:
            continue
        mixed = {**mine, pk_source: theirs[pk_source]} if pk_source else dict(mine)
        if name in UNDER_ACCOUNT:
            mixed["account"] = theirs["account"]
        if name == "offboarding_item":
            mixed["offboarding_item"] = theirs["offboarding_item"]
        url = url_for(name, cast.org, mixed)
        # A POST-only view answers any GET with 405, which says nothing about the object.
        post_only = EXPECTED[name][0]["owner"] == 405
        for method in ("post",) if post_only else ("get", "post"):
            status = getattr(client, method)(url).status_code
            if status != 404:
                failures.append(f"{method.upper()} {url}: {status}")
    assert not failures, "\n".join(failures)


# Signing in writes a session and a django-axes access log row; neither is a change by staff.
SIGN_IN_BOOKKEEPING = {"sessions", "axes"}


def test_staff_posts_to_every_change_url_are_refused_and_change_nothing(cast):
    from django.apps import apps

    objects = objects_of(cast.org)
    counts_before = {
        m._meta.label: m.objects.count()
        for m in apps.get_models()
        if m._meta.app_label not in SIGN_IN_BOOKKEEPING
    }
    client = cast.client("staff")
    for name, (expected, _) in EXPECTED.items():
        if expected["staff"] != 403:
            continue
        response = client.post(
            url_for(name, cast.org, objects), {"name": "x", "role": "owner", "action": "remove"}
        )
        assert response.status_code == 403, name
    assert counts_before == {
        m._meta.label: m.objects.count()
        for m in apps.get_models()
        if m._meta.app_label not in SIGN_IN_BOOKKEEPING
    }


# E-mail addresses may contain a user name ("staff-a@example.org"); they are not names.
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")


def test_pages_name_people_never_by_their_user_names(cast):
    """Every page of the matrix, in both languages, as a manager and as a staff member."""
    objects = objects_of(cast.org)
    usernames = sorted(get_user_model().objects.values_list("username", flat=True), key=len)
    assert "founder-alpha" in usernames and "owner-a" in usernames
    user_name = re.compile(
        r"(?<![\w@.-])(" + "|".join(re.escape(u) for u in reversed(usernames)) + r")(?![\w@-])"
    )
    leaks = []
    for visitor in ("owner", "staff"):
        client = cast.client(visitor)
        for name, (expected, _) in sorted(EXPECTED.items()):
            if expected[visitor] != 200:
                continue
            for lang in ("ar", "en"):
                url = f"/{lang}" + url_for(name, cast.org, objects)[3:]
                response = client.get(url)
                if not response["Content-Type"].startswith("text/html"):
                    continue
                text = EMAIL.sub("", response.content.decode())
                leaks += [f"{url} as {visitor}: {m}" for m in user_name.findall(text)]
    assert not leaks, "\n".join(leaks)
