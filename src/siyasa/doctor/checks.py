"""The checks: every requirement of the catalogue that data can show, as a function yielding
findings. Each is named for its requirement; `CHECKS` lists them in catalogue order."""

from collections.abc import Iterator

from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy, pgettext_lazy

from siyasa.core.i18n import by_gender
from siyasa.core.permissions import DELEGATE_ROLES, Capability
from siyasa.crisis.models import CrisisRole, Playbook
from siyasa.doctor.data import OrgData
from siyasa.doctor.findings import Finding, Fix
from siyasa.doctor.findings import Severity as S
from siyasa.registry.models import Area, TwoFactorMethod
from siyasa.registry.selectors import account_custody

REQUIRED_CRISIS_ROLES = (
    CrisisRole.SOCIAL_TEAM,
    CrisisRole.LEGAL,
    CrisisRole.PUBLIC_RELATIONS,
    CrisisRole.BOARD_DELEGATE,
)


def _account(account) -> dict:
    return {"account": f"{account.get_platform_display()} {account.handle}"}


def _edit_account(account) -> Fix:
    return Fix("account_edit", {"pk": account.pk}, capability=Capability.EDIT_CONTENT)


def _custody(account) -> Fix:
    return Fix("custody_edit", {"account_pk": account.pk})


def _text(key: str) -> Fix:
    return Fix("policy_text_edit", {"key": key}, capability=Capability.EDIT_CONTENT)


SETTINGS = Fix("policy_settings")


# Requirements met by what is registered: with nothing registered there is nothing to check,
# and the requirement is not started — unmet — rather than vacuously met.
NEEDS_ACCOUNTS = ("R1.1", "R1.2", "R1.6", "R2.1", "R2.2", "R2.7", "R2.9")
NEEDS_DEVICES = ("R2.4", "R2.5")
# Requirements met by a section of the policy's prose (requirement -> text key): a draft states
# them, only a published version puts them in force.
PROSE = {
    "R2.11": "security.passwords",
    "R4.1": "law.copyright",
    "R4.2": "law.privacy",
    "R4.3": "law.confidentiality",
    "R5.1": "personal.conduct",
    "R5.2": "personal.accountability",
    "R5.3": "personal.safety",
    "R5.4": "personal.neutrality",
    "R5.5": "personal.consequences",
    "R6.4": "speaking.guidance",
    "R6.5": "speaking.house_rules",
    "R6.6": "speaking.accessibility",
}


def not_started(d: OrgData) -> Iterator[Finding]:
    pending = []
    if not d.accounts:
        text = _("No official account is registered yet, so this cannot be checked.")
        fix = Fix("account_new", capability=Capability.EDIT_CONTENT)
        pending += [(r, text, fix) for r in NEEDS_ACCOUNTS]
    if not d.devices:
        text = _("No device is registered yet, so this cannot be checked.")
        pending += [(r, text, Fix("device_new")) for r in NEEDS_DEVICES]
    if not d.has_version:
        text = _("Stated in the draft, but not in force until a version is published.")
        fix = Fix("policy_draft", capability=Capability.EDIT_CONTENT)
        # An empty text is an error of its own (`_texts`), not a text waiting for publication.
        pending += [(r, text, fix) for r, key in PROSE.items() if _has_text(d, key)]
        if d.rules.stance:
            pending.append(("R6.1", text, fix))
        if all(part.strip() for part in d.rules.disclaimer):
            pending.append(("R6.2", text, fix))
        pending.append(("R0.3", _("Nothing is published yet for the team to acknowledge."), fix))
    for requirement, text, fix in pending:
        yield Finding(requirement, S.NOT_STARTED, text, {}, f"not-started:{requirement}", fix)


def r0_1_published(d: OrgData) -> Iterator[Finding]:
    if not d.has_version:
        yield Finding(
            "R0.1",
            S.ERROR,
            _("No version of the policy has been published yet."),
            fix=Fix("policy_draft", capability=Capability.EDIT_CONTENT),
        )


def r0_3_review_and_acknowledgements(d: OrgData) -> Iterator[Finding]:
    rules = d.rules
    if rules.next_review_on is None or rules.review_owner is None:
        yield Finding(
            "R0.3",
            S.WARNING,
            _("The policy has no review owner and next review date."),
            subject="review",
            fix=SETTINGS,
        )
    elif rules.next_review_on < d.today:
        yield Finding(
            "R0.3",
            S.ERROR,
            _("The policy's review was due on %(day)s."),
            {"day": rules.next_review_on},
            subject="review",
            fix=SETTINGS,
        )
    if d.has_version and d.members and d.acknowledged < d.members:
        rate = 100 * d.acknowledged // d.members
        yield Finding(
            "R0.3",
            S.WARNING,
            ngettext_lazy(
                "%(rate)s%% of members have acknowledged the policy in force (%(missing)s missing).",
                "%(rate)s%% of members have acknowledged the policy in force (%(missing)s missing).",
                "missing",
            ),
            {"rate": rate, "missing": d.members - d.acknowledged},
            subject="acknowledgements",
            fix=Fix("policy_acknowledgements"),
        )


def r0_4_identity(d: OrgData) -> Iterator[Finding]:
    if not d.org.hashtags.strip():
        yield Finding(
            "R0.4", S.INFO, _("No official hashtags are recorded."), fix=Fix("org_settings")
        )


def r1_1_owner(d: OrgData) -> Iterator[Finding]:
    for account in d.accounts:
        if account.owner is None:
            yield Finding(
                "R1.1",
                S.ERROR,
                _("The account %(account)s has no owner."),
                _account(account),
                f"account:{account.pk}",
                _edit_account(account),
            )


def r1_2_publish_and_reply(d: OrgData) -> Iterator[Finding]:
    for account in d.accounts:
        if account.status != account.Status.ACTIVE:
            continue
        publish, reply = d.grant_counts.get(account.pk, (0, 0))
        fix = Fix("grant_new", {"account_pk": account.pk})
        if not publish:
            yield Finding(
                "R1.2",
                S.ERROR,
                _("Nobody is named who may publish on %(account)s."),
                _account(account),
                f"account:{account.pk}:publish",
                fix,
            )
        if not reply:
            yield Finding(
                "R1.2",
                S.ERROR,
                _("Nobody is named who may reply on %(account)s."),
                _account(account),
                f"account:{account.pk}:reply",
                fix,
            )


def r1_3_areas(d: OrgData) -> Iterator[Finding]:
    for area in Area:
        if area.value not in d.assigned_areas:
            yield Finding(
                "R1.3",
                S.ERROR,
                _("Nobody is assigned to “%(area)s”."),
                {"area": area.label},
                f"area:{area.value}",
                Fix("responsibility_new", query=f"?area={area.value}"),
            )


# R1.3 (i): the share of members who must have passed the quiz of the version that counts, and
# the share below which that is an error rather than a warning.
TRAINED_SHARE = 80
TRAINED_FLOOR = 50


def r1_3_training(d: OrgData) -> Iterator[Finding]:
    if not d.has_version or not d.members:
        return
    rate = 100 * d.passed_quiz // d.members
    if rate >= TRAINED_SHARE:
        return
    yield Finding(
        "R1.3",
        S.ERROR if rate < TRAINED_FLOOR else S.WARNING,
        _("%(rate)s%% of members have passed the policy quiz (%(share)s%% needed)."),
        {"rate": rate, "share": TRAINED_SHARE},
        "training",
        Fix("training_results"),
    )


# The Arabic verb and pronoun agree with the person who left (docs/glossary.md).
STILL_NAMED = {
    "": _("%(person)s has left but is still named as: %(what)s."),
    "feminine": pgettext_lazy("feminine", "%(person)s has left but is still named as: %(what)s."),
    "masculine": pgettext_lazy("masculine", "%(person)s has left but is still named as: %(what)s."),
}


def r1_6_life_cycle(d: OrgData) -> Iterator[Finding]:
    adopted_on = d.org.created_at.date()
    for account in d.accounts:
        if account.needs_opening_approval(adopted_on):
            yield Finding(
                "R1.6",
                S.ERROR,
                _(
                    "%(account)s was opened since the organisation started using Siyasa, but "
                    "nobody is recorded as having approved opening it."
                ),
                _account(account),
                f"account:{account.pk}:approval",
                _edit_account(account),
            )
        if account.is_dormant_on(d.today):
            last = account.last_activity_on
            yield Finding(
                "R1.6",
                S.WARNING,
                _("No activity is recorded on %(account)s for six months: revive it or close it.")
                if last is None
                else _(
                    "The last activity recorded on %(account)s was on %(day)s: revive it or "
                    "close it."
                ),
                {**_account(account), "day": last},
                f"account:{account.pk}:dormant",
                Fix("account_detail", {"pk": account.pk}, capability=Capability.EDIT_CONTENT),
            )


def r1_5_departed(d: OrgData) -> Iterator[Finding]:
    for person, holdings in d.departed_holdings.items():
        yield Finding(
            "R1.5",
            S.ERROR,
            by_gender(person.grammatical_gender, STILL_NAMED),
            {"person": person.display_name, "what": list(dict.fromkeys(holdings))},
            f"person:{person.pk}",
            Fix("person_edit", {"pk": person.pk}, capability=Capability.EDIT_CONTENT),
        )


def r1_5_offboardings(d: OrgData) -> Iterator[Finding]:
    for offboarding in d.offboardings:
        params = {
            "person": offboarding.person.display_name,
            "count": offboarding.open_items,
            "day": offboarding.last_day,
        }
        fix = Fix("offboarding_detail", {"pk": offboarding.pk})
        subject = f"offboarding:{offboarding.pk}"
        if offboarding.last_day < d.today:
            yield Finding(
                "R1.5",
                S.ERROR,
                ngettext_lazy(
                    "The offboarding of %(person)s is not finished although their last day was %(day)s (%(count)s item open).",
                    "The offboarding of %(person)s is not finished although their last day was %(day)s (%(count)s items open).",
                    "count",
                ),
                params,
                subject,
                fix,
            )
        else:
            yield Finding(
                "R1.5",
                S.WARNING,
                ngettext_lazy(
                    "The offboarding of %(person)s is open: %(count)s item to do before %(day)s.",
                    "The offboarding of %(person)s is open: %(count)s items to do before %(day)s.",
                    "count",
                ),
                params,
                subject,
                fix,
            )


def r2_1_rotation(d: OrgData) -> Iterator[Finding]:
    for account in d.accounts:
        custody = account_custody(account)
        if custody is None:
            continue
        state = custody.rotation_state(d.org.rotation_interval(d.today), d.today)
        params = {**_account(account), "day": state.next_on}
        if state.never_recorded:
            yield Finding(
                "R2.1",
                S.ERROR,
                _("No password rotation is recorded for %(account)s."),
                params,
                f"account:{account.pk}:rotation",
                _custody(account),
            )
        elif state.overdue:
            yield Finding(
                "R2.1",
                S.ERROR,
                _("The password of %(account)s was due for rotation on %(day)s."),
                params,
                f"account:{account.pk}:rotation",
                _custody(account),
            )
        elif state.due_soon:
            yield Finding(
                "R2.1",
                S.WARNING,
                _("The password of %(account)s is due for rotation on %(day)s."),
                params,
                f"account:{account.pk}:rotation",
                _custody(account),
            )


def r2_2_custodians(d: OrgData) -> Iterator[Finding]:
    for account in d.accounts:
        custody = account_custody(account)
        if custody is None or custody.custodian is None:
            yield Finding(
                "R2.2",
                S.ERROR,
                _("Nobody is recorded as custodian of the credential of %(account)s."),
                _account(account),
                f"account:{account.pk}:custodian",
                _custody(account),
            )
        elif custody.backup_custodian is None:
            yield Finding(
                "R2.2",
                S.WARNING,
                _("The credential of %(account)s has no backup custodian."),
                _account(account),
                f"account:{account.pk}:backup",
                _custody(account),
            )


def r2_4_updaters(d: OrgData) -> Iterator[Finding]:
    for device in d.devices:
        if device.updater is None:
            yield Finding(
                "R2.4",
                S.WARNING,
                _("Nobody keeps the device “%(device)s” updated."),
                {"device": device.name},
                f"device:{device.pk}",
                Fix("device_edit", {"pk": device.pk}),
            )


def r2_5_personal_devices(d: OrgData) -> Iterator[Finding]:
    for device in d.devices:
        if not device.org_owned and d.device_account_counts.get(device.pk):
            yield Finding(
                "R2.5",
                S.ERROR,
                _("“%(device)s” is not owned by the organisation but can reach the accounts."),
                {"device": device.name},
                f"device:{device.pk}:personal",
                Fix("device_edit", {"pk": device.pk}),
            )


def r2_6_policy_admin(d: OrgData) -> Iterator[Finding]:
    if not any(d.role_counts.get(role) for role in DELEGATE_ROLES):
        yield Finding(
            "R2.6",
            S.WARNING,
            _("Nobody has the policy admin role; only owners can change the policy."),
            fix=Fix("member_list", capability=Capability.MANAGE_MEMBERS),
        )


def r2_7_two_factor(d: OrgData) -> Iterator[Finding]:
    for account in d.accounts:
        custody = account_custody(account)
        if custody is None or custody.two_factor_method == TwoFactorMethod.NONE:
            yield Finding(
                "R2.7",
                S.ERROR,
                _("Two-factor authentication is not recorded for %(account)s."),
                _account(account),
                f"account:{account.pk}:2fa",
                _custody(account),
            )
        elif custody.two_factor_holder is None:
            yield Finding(
                "R2.7",
                S.WARNING,
                _("Nobody is named as holder of the second factor of %(account)s."),
                _account(account),
                f"account:{account.pk}:2fa-holder",
                _custody(account),
            )


def r2_9_recovery(d: OrgData) -> Iterator[Finding]:
    domains = d.org.domains
    if d.accounts and not domains:
        yield Finding(
            "R2.9",
            S.WARNING,
            _(
                "The organisation's e-mail domains are not set, so recovery e-mails cannot be checked."
            ),
            subject="email-domains",
            fix=Fix("org_settings"),
        )
    for account in d.accounts:
        custody = account_custody(account)
        email = custody.recovery_email if custody else ""
        phone = custody.recovery_phone if custody else ""
        if not email:
            yield Finding(
                "R2.9",
                S.ERROR,
                _("No recovery e-mail is recorded for %(account)s."),
                _account(account),
                f"account:{account.pk}:recovery-email",
                _custody(account),
            )
        elif domains and not d.org.has_own_address(email):
            yield Finding(
                "R2.9",
                S.ERROR,
                _(
                    "The recovery e-mail of %(account)s is on “%(domain)s”, not on one of the "
                    "organisation's domains."
                ),
                {**_account(account), "domain": email.rpartition("@")[2]},
                f"account:{account.pk}:recovery-email",
                _custody(account),
            )
        if not phone:
            yield Finding(
                "R2.9",
                S.ERROR,
                _("No recovery phone is recorded for %(account)s."),
                _account(account),
                f"account:{account.pk}:recovery-phone",
                _custody(account),
            )
        elif phone not in d.org_phone_lines:
            yield Finding(
                "R2.9",
                S.ERROR,
                _(
                    "The recovery phone of %(account)s is not the line of a registered device "
                    "owned by the organisation."
                ),
                _account(account),
                f"account:{account.pk}:recovery-phone",
                _custody(account),
            )


def r2_10_connections(d: OrgData) -> Iterator[Finding]:
    for app in d.connections:
        params = {"app": app.name, **_account(app.account)}
        fix = Fix("connection_edit", {"account_pk": app.account_id, "pk": app.pk})
        if app.approved_by is None:
            yield Finding(
                "R2.10",
                S.ERROR,
                _("Nobody is recorded as having approved connecting %(app)s to %(account)s."),
                params,
                f"connection:{app.pk}:approval",
                fix,
            )
        if app.review_due(d.today):
            yield Finding(
                "R2.10",
                S.WARNING,
                _("%(app)s, connected to %(account)s, has not been reviewed in twelve months."),
                params,
                f"connection:{app.pk}:review",
                fix,
            )
        if app.owner is not None and not app.owner.is_current:
            yield Finding(
                "R2.10",
                S.ERROR,
                _(
                    "%(app)s, connected to %(account)s, runs under %(person)s, who has left: "
                    "hand it over or remove it."
                ),
                {**params, "person": app.owner.display_name},
                f"connection:{app.pk}:owner",
                fix,
            )


def r3_1_contacts(d: OrgData) -> Iterator[Finding]:
    covered = {c.role for c in d.contacts if c.person.is_current}
    for role in REQUIRED_CRISIS_ROLES:
        if role.value not in covered:
            yield Finding(
                "R3.1",
                S.ERROR,
                _("No emergency contact covers the role “%(role)s”."),
                {"role": role.label},
                f"crisis-role:{role.value}",
                Fix("contact_new"),
            )
    for contact in d.contacts:
        stale = contact.is_stale(d.today)
        if stale:
            yield Finding(
                "R3.1",
                S.WARNING,
                _("The emergency contact details of %(person)s have not been verified in 90 days."),
                {"person": contact.person.display_name},
                f"contact:{contact.pk}:verified",
                Fix("contact_edit", {"pk": contact.pk}),
            )
        if not (contact.person.phone and contact.person.email):
            yield Finding(
                "R3.1",
                S.WARNING,
                _("%(person)s, an emergency contact, lacks a phone number or an e-mail."),
                {"person": contact.person.display_name},
                f"contact:{contact.pk}:reach",
                Fix("person_edit", {"pk": contact.person_id}, capability=Capability.EDIT_CONTENT),
            )


def mail_that_gave_up(d: OrgData) -> Iterator[Finding]:
    """E-mails that could not be sent lately, under the requirement each kind serves: R3.1 for
    crisis alerts (a contact nobody reached), R0.3 for reminders (the schedule they keep)."""
    for model, (count, email) in d.failed_mail.items():
        yield Finding(
            model.failure_requirement,
            S.ERROR if model.failure_is_error else S.WARNING,
            model.failure_text,
            {"count": count, "email": email},
            f"mail:{model._meta.label_lower}:failed",
            Fix("notification_log"),
        )


def r3_2_levels(d: OrgData) -> Iterator[Finding]:
    described = [
        level for level in d.levels if level.criteria_ar.strip() or level.criteria_en.strip()
    ]
    if len(described) < 2:
        yield Finding(
            "R3.2",
            S.ERROR,
            _("The crisis plan needs at least two severity levels with criteria."),
            fix=Fix("level_new"),
        )


def _level(level) -> dict:
    # The level's name in the language the finding is read in (its names are bilingual data).
    return {"level": lazy(lambda: level.name, str)()}


def r3_3_internal_comms(d: OrgData) -> Iterator[Finding]:
    for level in d.levels:
        if not (level.internal_comms_ar.strip() or level.internal_comms_en.strip()):
            yield Finding(
                "R3.3",
                S.ERROR,
                _("The level “%(level)s” has no internal communication plan."),
                _level(level),
                f"level:{level.pk}:comms",
                Fix("level_edit", {"pk": level.pk}),
            )


def r3_4_approval_chains(d: OrgData) -> Iterator[Finding]:
    for level in d.levels:
        if not level.approval_roles:
            yield Finding(
                "R3.4",
                S.ERROR,
                _("Nobody is named to approve a public response at the level “%(level)s”."),
                _level(level),
                f"level:{level.pk}:approvals",
                Fix("level_edit", {"pk": level.pk}),
            )
    # An approval chain nobody can sign in to approve leaves every statement pending.
    approvers: dict[str, set[int]] = {}
    for contact in d.contacts:
        users = approvers.setdefault(contact.role, set())
        for person in (contact.person, contact.backup):
            if person is None or not person.is_current or person.user_id is None:
                continue
            if person.user_id in d.member_user_ids:  # they can sign in
                users.add(person.user_id)
    unheld = {role for level in d.levels for role in level.approval_roles}
    for role in sorted(r for r in unheld if not approvers.get(r)):
        yield Finding(
            "R3.4",
            S.ERROR,
            _(
                "Nobody who can sign in holds the crisis role “%(role)s”, so no statement that "
                "needs it can be approved."
            ),
            {"role": CrisisRole(role).label if role in CrisisRole.values else role},
            f"crisis-role:{role}:approver",
            Fix("contact_new"),
        )
    # One person counts for one role, so a chain needs as many different people as it has
    # roles (and the level's minimum): one person holding every role cannot clear a statement.
    for level in d.levels:
        roles = [r for r in level.approval_roles if approvers.get(r)]
        if not roles or len(roles) < len(level.approval_roles):
            continue  # said above: no chain, or a role nobody can approve as
        people = set().union(*(approvers[r] for r in roles)) if roles else set()
        needed = max(level.min_approvers, len(roles))
        if _distinct_cover(roles, approvers) < len(roles) or len(people) < needed:
            yield Finding(
                "R3.4",
                S.ERROR,
                _(
                    "At the level “%(level)s” %(needed)s different people must approve, one per "
                    "role, but the people who can sign in and hold its roles cannot make that up."
                ),
                {**_level(level), "needed": needed},
                f"level:{level.pk}:approvers",
                Fix("crisis_plan", query="#contacts"),
            )


def _distinct_cover(roles: list[str], holders: dict[str, set[int]]) -> int:
    """How many of `roles` different people can approve at once, one role each (a matching)."""
    taken: dict[int, str] = {}  # person -> the role they approve as

    def assign(role: str, seen: set[int]) -> bool:
        for person in sorted(holders[role]):
            if person in seen:
                continue
            seen.add(person)
            if person not in taken or assign(taken[person], seen):
                taken[person] = role
                return True
        return False

    return sum(assign(role, set()) for role in roles)


def r3_5_playbooks(d: OrgData) -> Iterator[Finding]:
    by_kind = {playbook.kind: playbook for playbook in d.playbooks}
    for kind in Playbook.Kind:
        playbook = by_kind.get(kind.value)
        if playbook is None:
            yield Finding(
                "R3.5",
                S.ERROR,
                _("The crisis plan has no playbook for “%(kind)s”."),
                {"kind": kind.label},
                f"playbook:{kind.value}",
                Fix("playbook_new"),
            )
        elif not playbook.has_steps:
            yield Finding(
                "R3.5",
                S.ERROR,
                _("The playbook for “%(kind)s” has no steps."),
                {"kind": kind.label},
                f"playbook:{kind.value}",
                Fix("playbook_edit", {"pk": playbook.pk}),
            )


def r4_texts_and_review(d: OrgData) -> Iterator[Finding]:
    yield from _texts(d, ("R4.1", "R4.2", "R4.3"))
    if d.rules.legal_adviser is None or d.rules.legal_reviewed_on is None:
        yield Finding(
            "R4.4",
            S.WARNING,
            _("No legal adviser and review date are recorded for the policy."),
            subject="legal-review",
            fix=SETTINGS,
        )


def r4_2_consents_expiring(d: OrgData) -> Iterator[Finding]:
    """A consent that ends within 30 days: renew it, or stop using what it covers. The finding
    names no one: the health page is read by every member, the registry only by its keepers."""
    for consent in d.expiring_consents:
        yield Finding(
            "R4.2",
            S.WARNING,
            _("A consent in the registry ends on %(day)s: renew it or stop using what it covers."),
            {"day": consent.valid_until},
            f"consent:{consent.pk}",
            Fix("consent_edit", {"pk": consent.pk}, capability=Capability.MANAGE_CONSENT),
        )


def r4_2_takedowns(d: OrgData) -> Iterator[Finding]:
    """A withdrawn consent whose take-down tasks are not all done."""
    for consent, count in d.open_takedowns.items():
        yield Finding(
            "R4.2",
            S.ERROR,
            _(
                "A consent was withdrawn on %(day)s and %(count)s take-down tasks are still "
                "open: what uses it is still online."
            ),
            {"day": consent.withdrawn_on, "count": count},
            f"takedown:{consent.pk}",
            Fix("takedown_list", capability=Capability.VIEW),
        )


def r2_11_passwords(d: OrgData) -> Iterator[Finding]:
    yield from _texts(d, ("R2.11",))


def r5_texts(d: OrgData) -> Iterator[Finding]:
    yield from _texts(d, ("R5.1", "R5.2", "R5.3", "R5.4", "R5.5"))


def r6_speaking(d: OrgData) -> Iterator[Finding]:
    if not d.rules.stance:
        yield Finding(
            "R6.1",
            S.ERROR,
            _("No stance on staff speaking about the organisation is chosen."),
            subject="stance",
            fix=SETTINGS,
        )
    for index, (lang, label) in enumerate((("ar", _("Arabic")), ("en", _("English")))):
        if not d.rules.disclaimer[index].strip():
            yield Finding(
                "R6.2",
                S.WARNING,
                _("There is no ready disclaimer in %(language)s."),
                {"language": label},
                f"disclaimer:{lang}",
                SETTINGS,
            )
    if not d.rules.spokespeople:
        yield Finding(
            "R6.3",
            S.ERROR,
            _("No official spokesperson is named."),
            subject="spokespeople",
            fix=SETTINGS,
        )
    yield from _texts(d, ("R6.4", "R6.5", "R6.6"))
    yield from r6_5_house_rules_in_both_languages(d)


def r6_5_house_rules_in_both_languages(d: OrgData) -> Iterator[Finding]:
    """The public reads the house rules in its own language; one written in only one language
    is a warning (an empty one is `_texts`'s error)."""
    key = PROSE["R6.5"]
    if not _has_text(d, key):
        return
    for index, (lang, label) in enumerate((("ar", _("Arabic")), ("en", _("English")))):
        if not d.rules.text(key)[index].strip():
            yield Finding(
                "R6.5",
                S.WARNING,
                _("The house rules are not written in %(language)s."),
                {"language": label},
                f"house-rules:{lang}",
                _text(key),
            )


def _has_text(d: OrgData, key: str) -> bool:
    return any(part.strip() for part in d.rules.text(key))


def _texts(d: OrgData, requirements) -> Iterator[Finding]:
    for requirement in requirements:
        key = PROSE[requirement]
        if not _has_text(d, key):
            yield Finding(
                requirement,
                S.ERROR,
                _("A section of the policy text is empty."),
                subject=f"text:{key}",
                fix=_text(key),
            )


CHECKS = (
    not_started,
    r0_1_published,
    r0_3_review_and_acknowledgements,
    r0_4_identity,
    r1_1_owner,
    r1_2_publish_and_reply,
    r1_3_areas,
    r1_3_training,
    r1_5_departed,
    r1_5_offboardings,
    r1_6_life_cycle,
    r2_1_rotation,
    r2_2_custodians,
    r2_4_updaters,
    r2_5_personal_devices,
    r2_6_policy_admin,
    r2_7_two_factor,
    r2_9_recovery,
    r2_10_connections,
    r2_11_passwords,
    r3_1_contacts,
    r3_2_levels,
    r3_3_internal_comms,
    r3_4_approval_chains,
    r3_5_playbooks,
    r4_texts_and_review,
    r4_2_consents_expiring,
    r4_2_takedowns,
    r5_texts,
    r6_speaking,
    mail_that_gave_up,
)
