"""The reminders: who is due which reminder today, and the period within which it is said once.

Each reminder is a small function of one organisation's facts yielding `DueItem`s; `REMINDERS`
lists them in the order a digest shows them. A reminder says what is due, never whether it was
already sent: that is the job of the unique constraint on `Reminder` (see `digests.claim`).
("Rules", in this code base, are the policy's own: `policy/rules.py`.)
"""

import datetime
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.utils import formats, timezone
from django.utils.functional import Promise, lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext, ngettext_lazy
from django.utils.translation import gettext_lazy as _

from siyasa.core.permissions import can_decide_review
from siyasa.crisis.models import CrisisRole
from siyasa.doctor.engine import Report
from siyasa.doctor.findings import Severity
from siyasa.mail.messages import org_path, without_language
from siyasa.notify import facts as facts_module
from siyasa.notify.facts import OrgFacts
from siyasa.notify.models import Kind
from siyasa.orgs.models import Organization, Person
from siyasa.orgs.selectors import user_label
from siyasa.postcheck.models import ReviewRequest

# R2.1: custodians hear of a rotation this long before it is due.
ROTATION_NOTICE = datetime.timedelta(days=7)
# R1.3 (i): members who have not passed the quiz this long after the version took effect hear of it.
QUIZ_GRACE = datetime.timedelta(days=14)
# R0.3: owners and policy admins hear of the review this long before it is due.
REVIEW_NOTICE = datetime.timedelta(days=30)


@dataclass(frozen=True)
class DueItem:
    org: Organization
    person: Person
    kind: Kind
    # What it is about ("custody:12") and the span within which it is said once ("2026-W24").
    subject: str
    period: str
    # A lazy translatable text with %(name)s placeholders, rendered in the reader's language.
    text: Promise
    params: dict = field(default_factory=dict)
    # Extra lines: (label, value kept left-to-right[, path of its own page]), e.g. a contact and
    # their phone number.
    details: tuple = ()
    # Where to act, without the language prefix: "/o/<slug>/…".
    path: str = ""

    @property
    def key(self) -> tuple:
        # The kind's plain value: an enum member does not hash like the string read back.
        return (self.org.pk, self.person.pk, Kind(self.kind).value, self.subject, self.period)


def due_items(
    orgs: list[Organization], *, today: datetime.date, reports: dict[int, Report] | None = None
) -> list[DueItem]:
    """Everything due today in the organisations given, once per key, to reachable people.

    `reports`: the doctor's reports of `orgs` for `today`, when the caller has them already.
    """
    items: dict[tuple, DueItem] = {}
    # The same sentence reaches a person once: a custodian who is also a policy admin hears
    # about an overdue rotation from the rotation reminder, not again as a doctor finding.
    said: set[tuple] = set()
    for org_facts in facts_module.load(orgs, today, reports).values():
        for reminder in REMINDERS:
            for item in reminder(org_facts):
                sentence = (item.person.pk, str(item.text), repr(sorted(item.params.items())))
                if _reachable(item.person) and sentence not in said:
                    said.add(sentence)
                    items.setdefault(item.key, item)
    return list(items.values())


def rotation(f: OrgFacts) -> Iterator[DueItem]:
    """R2.1: custodian and backup, once in the week before a due date, then weekly while late."""
    for custody in f.custodies:
        state = custody.rotation_state(f.org.rotation_interval(f.today), f.today)
        due = state.next_on
        params: dict[str, object] = {"account": _account(custody.account)}
        if due is None:
            kind, period = Kind.ROTATION_OVERDUE, iso_week(f.today)
            text = _("No password rotation is recorded for %(account)s.")
        elif due > f.today + ROTATION_NOTICE:
            continue
        elif not state.overdue:
            kind, period = Kind.ROTATION_SOON, due.isoformat()
            text = _("The password of %(account)s is due for rotation on %(day)s.")
            params["day"] = due
        else:
            kind, period = Kind.ROTATION_OVERDUE, iso_week(f.today)
            text = _("The password of %(account)s was due for rotation on %(day)s.")
            params["day"] = due
        path = org_path("account_detail", f.org, pk=custody.account_id)
        for person in _distinct(custody.custodian, custody.backup_custodian):
            yield DueItem(
                f.org, person, kind, f"custody:{custody.pk}", period, text, params, path=path
            )


def acknowledgement(f: OrgFacts) -> Iterator[DueItem]:
    """R0.3: members who have not acknowledged the version that counts, once per version."""
    number = f.required_version
    if number is None:
        return
    path = org_path("policy", f.org)
    for person in f.members:
        # Every member has a sign-in, so `user_id` is never None here.
        if f.acknowledged.get(person.user_id, 0) >= number:  # type: ignore[arg-type]
            continue
        yield DueItem(
            f.org,
            person,
            Kind.ACKNOWLEDGEMENT,
            "policy",
            f"v{number}",
            _("Please read version %(number)s of the social media policy and acknowledge it."),
            {"number": number},
            path=path,
        )


def training(f: OrgFacts) -> Iterator[DueItem]:
    """R1.3 (i): members who have not passed the quiz of the version that counts two weeks after
    it took effect, once per version."""
    number, since = f.required_version, f.required_effective_on
    if number is None or since is None or f.today < since + QUIZ_GRACE:
        return
    path = org_path("training", f.org)
    for person in f.members:
        if f.passed_quiz.get(person.user_id, 0) >= number:  # type: ignore[arg-type]
            continue
        yield DueItem(
            f.org,
            person,
            Kind.TRAINING,
            "training",
            f"v{number}",
            _("Please take the short quiz on version %(number)s of the social media policy."),
            {"number": number},
            path=path,
        )


def stale_contacts(f: OrgFacts) -> Iterator[DueItem]:
    """R3.1: the crisis-response holders, weekly while emergency contacts go unverified."""
    stale = [c for c in f.contacts if c.is_stale(f.today)]
    if not stale:
        return
    details = tuple(
        # format_lazy keeps both the role and the person's name in the reader's language.
        (
            format_lazy("{} — {}", CrisisRole(c.role).label, c.person),
            c.person.phone or c.person.email,
        )
        for c in stale
    )
    path = org_path("crisis_plan", f.org)
    for person in f.crisis_holders:
        yield DueItem(
            f.org,
            person,
            Kind.STALE_CONTACTS,
            "crisis-contacts",
            iso_week(f.today),
            _(
                "Emergency contacts not verified in the last 90 days: %(count)s. Please check "
                "that their phone numbers and e-mails still work."
            ),
            {"count": len(stale)},
            details,
            path,
        )


def review(f: OrgFacts) -> Iterator[DueItem]:
    """R0.3: owners and policy admins, once per review date, from 30 days before it."""
    day = f.next_review_on
    if day is None or day > f.today + REVIEW_NOTICE:
        return
    if day >= f.today:
        text = _("The policy's review is due on %(day)s.")
    else:
        text = _("The policy's review was due on %(day)s.")
    path = org_path("policy_settings", f.org)
    for person in f.managers:
        yield DueItem(
            f.org, person, Kind.REVIEW, "review", day.isoformat(), text, {"day": day}, path=path
        )


def findings(f: OrgFacts) -> Iterator[DueItem]:
    """Owners and policy admins, once for each error-level finding of the policy doctor.

    The period is the finding itself (its requirement), so a finding is reminded once, ever:
    fixing it and breaking it again does not send a second e-mail. The health page shows it.
    """
    for finding in f.findings:
        # The review has its own reminder, with its own date as period.
        if finding.severity != Severity.ERROR or finding.subject == "review":
            continue
        params = {
            key: _as_date(value) if key == "day" else value for key, value in finding.params.items()
        }
        fix = without_language(finding.fix.url(f.org.slug)) if finding.fix else ""
        path = fix or org_path("health", f.org)
        for person in f.managers:
            yield DueItem(
                f.org,
                person,
                Kind.FINDING,
                finding.subject[:120],
                finding.requirement,
                finding.text,
                params,
                path=path,
            )


def takedowns(f: OrgFacts) -> Iterator[DueItem]:
    """R4.2: the account owner given a take-down task, weekly until it is done."""
    path = org_path("takedown_list", f.org)
    for task in f.takedowns:
        if task.assignee is None:
            continue  # an account without an owner: the doctor's finding reaches the managers
        yield DueItem(
            f.org,
            task.assignee,
            Kind.TAKEDOWN,
            f"takedown:{task.pk}",
            iso_week(f.today),
            _("A consent was withdrawn: take down from %(account)s whatever uses it."),
            {"account": _account(task.account)},
            path=path,
        )


def consents_expiring(f: OrgFacts) -> Iterator[DueItem]:
    """R4.2: the social team and whoever keeps the registry, once per consent and end date,
    from 30 days before it ends. The e-mail names no one; the registry says who."""
    path = org_path("check_post", f.org)
    for consent in f.expiring_consents:
        for person in _distinct(*f.social_team, *f.managers):
            yield DueItem(
                f.org,
                person,
                Kind.CONSENT_EXPIRING,
                f"consent:{consent.pk}",
                consent.valid_until.isoformat(),  # type: ignore[union-attr]  # expiring: set
                _(
                    "A consent in the registry ends on %(day)s. Check a post before using a "
                    "photo or a story again."
                ),
                {"day": consent.valid_until},
                path=path,
            )


def reviews_waiting(f: OrgFacts) -> Iterator[DueItem]:
    """Issue 14: each reviewer named on requests still waiting since before today who may still
    decide them (`can_decide_review`, as the review pages ask: never whoever asked), daily, in
    one line that lists them all with a link to each."""
    waiting: dict[int, list[ReviewRequest]] = {}
    people: dict[int, Person] = {}
    for review_request in f.waiting_reviews:
        for person in review_request.reviewers.all():
            membership = f.reviewer_memberships.get(person.user_id)  # type: ignore[arg-type]
            asked = person.user_id is not None and person.user_id == review_request.requested_by_id
            if can_decide_review(membership, is_requester=asked, is_reviewer=True):
                people[person.pk] = person
                waiting.setdefault(person.pk, []).append(review_request)
    path = org_path("post_review_list", f.org)
    for pk, requests in waiting.items():
        yield DueItem(
            f.org,
            people[pk],
            Kind.REVIEW_WAITING,
            "post-reviews",
            f.today.isoformat(),
            ngettext_lazy(
                "%(count)s post is waiting for your review.",
                "%(count)s posts are waiting for your review.",
                len(requests),
            ),
            {"count": len(requests)},
            tuple(_waiting_review(f, review_request) for review_request in requests),
            path,
        )


def _waiting_review(f: OrgFacts, review_request: ReviewRequest) -> tuple:
    """Its detail line: who asked and since when (names and dates in the reader's language), the
    account, and the request's own page."""
    asker = review_request.requested_by
    since = timezone.localdate(review_request.created_at)

    def label() -> str:
        day = formats.date_format(since, "DATE_FORMAT")
        if asker is None:  # their sign-in was deleted
            return gettext("Waiting since %(day)s") % {"day": day}
        name = user_label(asker, f.askers.get(asker.pk))
        return gettext("Asked by %(name)s, waiting since %(day)s") % {"name": name, "day": day}

    return (
        lazy(label, str)(),
        _account(review_request.account) if review_request.account else "",
        org_path("post_review_detail", f.org, pk=review_request.pk),
    )


REMINDERS = (
    rotation,
    acknowledgement,
    training,
    stale_contacts,
    review,
    takedowns,
    reviews_waiting,
    consents_expiring,
    findings,
)


def iso_week(day: datetime.date) -> str:
    year, week, _weekday = day.isocalendar()
    return f"{year}-W{week:02d}"


def _account(account) -> str:
    return f"{account.get_platform_display()} {account.handle}"


def _as_date(value):
    """The doctor writes dates as ISO strings; reminders show them in the reader's format."""
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            return value
    return value


def _distinct(*people: Person | None) -> list[Person]:
    seen: dict[int, Person] = {}
    for person in people:
        if person is not None:
            seen.setdefault(person.pk, person)
    return list(seen.values())


def _reachable(person: Person) -> bool:
    return person.is_current and bool(person.address)
