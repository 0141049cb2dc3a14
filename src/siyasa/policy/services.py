"""Writes to the organisation's policy texts and settings."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from siyasa.core.permissions import Capability, require
from siyasa.orgs.models import Membership, Organization
from siyasa.orgs.rows import save_with_relations, touch
from siyasa.policy import defaults
from siyasa.policy.catalogue import BLOCKS
from siyasa.policy.models import Acknowledgement, PolicySettings, PolicyText, PolicyVersion, Stance
from siyasa.policy.rules import draft_rules
from siyasa.policy.selectors import version_in_force

INITIAL_STANCE = Stance.MIDDLE


def seed_policy(org: Organization) -> None:
    """Give a new organisation the default texts and settings, ready to edit."""
    texts = {key: defaults.default_text(key, INITIAL_STANCE) for key in BLOCKS}
    bulk_create_with_history(  # R2.6: recorded like any other write
        [
            PolicyText(organization=org, key=key, body_ar=texts[key][0], body_en=texts[key][1])
            for key in BLOCKS
        ],
        PolicyText,
    )
    # The ready disclaimer names the organisation, so staff can paste it as it is.
    disclaimer_ar = defaults.DEFAULT_DISCLAIMER[0].replace("الجمعية", org.name_ar)
    disclaimer_en = defaults.DEFAULT_DISCLAIMER[1].replace(
        "the organisation", org.name_en or org.name_ar
    )
    PolicySettings.objects.create(
        organization=org,
        stance=INITIAL_STANCE,
        disclaimer_ar=disclaimer_ar,
        disclaimer_en=disclaimer_en,
    )


@transaction.atomic
def update_text(
    *, membership: Membership, key: str, body_ar: str, body_en: str, to_translate: str = ""
) -> PolicyText:
    """Save one block's texts; `to_translate` names the language whose text still waits for a
    translation of the other (a text brought from an existing policy), none once an editor saves."""
    require(membership, Capability.EDIT_CONTENT)
    text, _created = PolicyText.objects.select_for_update().get_or_create(
        organization=membership.organization, key=key
    )
    text.body_ar, text.body_en = body_ar, body_en
    text.updated_by = membership.user
    text.to_review = False  # an editor has looked at it
    text.to_translate = to_translate
    text.save()
    return text


@transaction.atomic
def update_settings(*, membership: Membership, form) -> PolicySettings:
    """Save the policy settings; a new stance brings its default text unless the old one was edited."""
    require(membership, Capability.MANAGE_POLICY)
    previous = PolicySettings.objects.get(pk=form.instance.pk).stance if form.instance.pk else ""
    settings_row = form.save(commit=False)
    settings_row.organization = membership.organization
    settings_row.updated_by = membership.user
    save_with_relations(form, settings_row)
    if settings_row.stance != previous and settings_row.stance:
        _swap_stance_text(membership, previous, settings_row.stance)
    return settings_row


def _swap_stance_text(membership: Membership, previous: str, stance: str) -> None:
    text = PolicyText.objects.for_org(membership.organization).filter(key="speaking.stance").first()
    old_default = defaults.STANCE_TEXTS.get(previous, ("", ""))
    if text is None or (text.body_ar, text.body_en) in {old_default, ("", "")}:
        update_text(
            membership=membership,
            key="speaking.stance",
            body_ar=defaults.STANCE_TEXTS[stance][0],
            body_en=defaults.STANCE_TEXTS[stance][1],
        )


def publish_version(
    *, membership: Membership, summary: str, kind: str, effective_on: datetime.date
) -> PolicyVersion:
    """Publish the draft as the next immutable version, all or nothing.

    The organisation row is locked so two publishers cannot take the same number; the rotation
    interval the version states becomes the one the registries use from its effective date
    (R2.1, `Organization.rotation_interval`) — not before.
    """
    require(membership, Capability.MANAGE_POLICY)
    org = membership.organization
    with transaction.atomic():
        locked = Organization.objects.select_for_update().get(pk=org.pk)
        latest = PolicyVersion.objects.for_org(locked).order_by("-number").first()
        if latest and effective_on < latest.effective_on:
            raise ValidationError(
                _("A new version cannot come into force before the previous one.")
            )
        rules = draft_rules(locked)
        # Publishing the draft accepts the sections an upgrade added to it.
        PolicyText.objects.for_org(locked).filter(to_review=True).update(to_review=False)
        version = PolicyVersion.objects.create(
            organization=locked,
            number=(latest.number + 1) if latest else 1,
            effective_on=effective_on,
            kind=kind,
            summary=summary,
            content=rules.to_content(),
            published_by=membership.user,
        )
        intervals = [
            *locked.rotation_intervals,
            [effective_on.isoformat(), rules.rotation_interval_days],
        ]
        locked.rotation_intervals = _from_the_one_in_force(intervals, timezone.localdate())
        locked.save(update_fields=["rotation_intervals", "updated_at"])
        touch(locked, "security")
    return version


def _from_the_one_in_force(intervals: list, today: datetime.date) -> list:
    """The intervals still needed: the one in force today and those still to come."""
    started = [i for i, (day, _days) in enumerate(intervals) if day <= today.isoformat()]
    return intervals[started[-1] :] if started else intervals


def acknowledge(*, membership: Membership) -> Acknowledgement:
    """Record that a member has read the version in force (idempotent)."""
    require(membership, Capability.VIEW)
    version = version_in_force(membership.organization, timezone.localdate())
    if version is None:
        raise ValidationError(_("There is no published policy to acknowledge yet."))
    ack, _created = Acknowledgement.objects.get_or_create(
        organization=membership.organization, user=membership.user, version=version
    )
    return ack
