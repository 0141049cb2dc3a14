"""Writes shared by every registry: permission check, one transaction, a fresh change stamp."""

from django.db import models, transaction
from django.utils import timezone

from siyasa.core.permissions import edit_capability, require, require_same_org
from siyasa.orgs.models import ChangeStamp, Membership, Organization


def touch(org: Organization, part: str) -> None:
    """Record that a live part of the policy changed now: its change stamp ("last changed"), and
    the organisation's `updated_at`, which the policy page's cache key and ETag are made of, so
    that the page needs no query of its own to know whether it changed."""
    if part:
        now = timezone.now()
        # The organisation's row before the stamp's, the order in which publishing a version
        # takes them: two writes never each hold the lock the other waits for.
        Organization.objects.filter(pk=org.pk).update(updated_at=now)
        org.updated_at = now
        ChangeStamp.objects.update_or_create(
            organization=org, part=part, defaults={"changed_at": now}
        )


def save_row(*, membership: Membership, form):
    """Save an organisation-owned row from a validated `OrgModelForm`."""
    require(membership, edit_capability(form._meta.model))
    with transaction.atomic():
        row = form.save(commit=False)
        row.organization = membership.organization
        save_with_relations(form, row)
        touch(membership.organization, row.policy_part)
    return row


def save_with_relations(form, row) -> None:
    """Save `row` (from `form.save(commit=False)`) and the form's many-to-many fields.

    R2.6: an edit makes one history record. The links are written first, without history
    records of their own, so the row's record holds its fields and its links together.
    """
    if row.pk is None:
        row.save()
        form.save_m2m()
        return
    row.skip_history_when_saving = True  # django-simple-history's switch for this instance
    try:
        form.save_m2m()
    finally:
        del row.skip_history_when_saving
    row.save()


def delete_row(*, membership: Membership, row) -> None:
    require(membership, edit_capability(type(row)))
    require_same_org(membership, row)
    with transaction.atomic():
        _clear_references_to(row)
        row.delete()
        touch(membership.organization, row.policy_part)


def _clear_references_to(row) -> None:
    """R2.6: a delete clears SET_NULL references and many-to-many links with bare SQL that the
    history never sees; clear them first through the models, one recorded change per row."""
    for relation in row._meta.get_fields(include_hidden=True):
        if not relation.auto_created or relation.concrete:
            continue
        model, name = relation.related_model, relation.field.name
        if not hasattr(model._meta, "simple_history_manager_attribute"):
            continue
        if relation.many_to_many:
            for other in model._default_manager.filter(**{name: row}):
                getattr(other, name).remove(row)
        elif relation.on_delete is models.SET_NULL:
            for other in model._default_manager.filter(**{name: row}):
                setattr(other, name, None)
                other.save(update_fields=[name, "updated_at"])
