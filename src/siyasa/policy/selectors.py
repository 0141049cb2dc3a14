"""Everything the policy page shows, gathered in a fixed number of queries."""

from dataclasses import dataclass, field

from django.utils import timezone

from siyasa.core.i18n import Localized, pick
from siyasa.crisis import selectors as crisis_selectors
from siyasa.orgs.models import ChangeStamp, Membership, Organization, Person, Role
from siyasa.policy.catalogue import PREAMBLE, SECTIONS, Block, Section
from siyasa.policy.models import PolicySettings, PolicyText
from siyasa.policy.rendering import render_prose
from siyasa.registry import selectors as registry_selectors


@dataclass
class RenderedBlock:
    block: Block
    text: Localized
    html: str


@dataclass
class RenderedSection:
    number: int
    section: Section
    blocks: list[RenderedBlock]
    changed_at: object = None


@dataclass
class PolicyPage:
    org: Organization
    preamble: RenderedBlock
    sections: list[RenderedSection]
    settings: PolicySettings
    data: dict = field(default_factory=dict)


def policy_texts(org: Organization) -> dict[str, PolicyText]:
    return {text.key: text for text in PolicyText.objects.for_org(org)}


def policy_settings(org: Organization) -> PolicySettings:
    settings_row, _ = PolicySettings.objects.select_related("legal_adviser").get_or_create(
        organization=org
    )
    return settings_row


def policy_page(org: Organization) -> PolicyPage:
    texts = policy_texts(org)
    stamps = dict(ChangeStamp.objects.filter(organization=org).values_list("part", "changed_at"))

    def render_block(block: Block) -> RenderedBlock:
        row = texts.get(block.key)
        localized = pick(row.body_ar if row else "", row.body_en if row else "")
        return RenderedBlock(block, localized, render_prose(localized.text))

    sections = []
    for number, section in enumerate(SECTIONS, start=1):
        dates = [texts[b.key].updated_at for b in section.blocks if b.key in texts]
        if section.live_part in stamps:
            dates.append(stamps[section.live_part])
        sections.append(
            RenderedSection(
                number, section, [render_block(b) for b in section.blocks], max(dates, default=None)
            )
        )

    settings_row = policy_settings(org)
    today = timezone.localdate()
    accounts = [
        (
            account,
            registry_selectors.rotation_status(
                registry_selectors.account_custody(account), org, today
            ),
        )
        for account in registry_selectors.accounts(org).exclude(status="retired")
    ]
    data = {
        "responsibilities": registry_selectors.responsibilities_by_area(org),
        "accounts": accounts,
        "devices": list(registry_selectors.devices(org)),
        "policy_admins": policy_admins(org),
        "contacts": list(crisis_selectors.emergency_contacts(org)),
        "levels": list(crisis_selectors.severity_levels(org)),
        "spokespeople": list(settings_row.spokespeople.all()),
        "disclaimer_ar": settings_row.disclaimer_ar,
        "disclaimer_en": settings_row.disclaimer_en,
        "today": today,
    }
    return PolicyPage(org, render_block(PREAMBLE), sections, settings_row, data)


def policy_admins(org: Organization) -> list[tuple[Membership, Person | None]]:
    """R2.6: who may change the policy, roles, devices and custody, with their directory entry."""
    memberships = list(
        Membership.objects.filter(organization=org, role__in=[Role.OWNER, Role.POLICY_ADMIN])
        .select_related("user")
        .order_by("role", "user__username")
    )
    people = {
        p.user_id: p
        for p in Person.objects.for_org(org).filter(user__in=[m.user_id for m in memberships])
    }
    return [(m, people.get(m.user_id)) for m in memberships]
