"""The one write to the change history: an owner takes a secret out of it (R2.8)."""

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _

from siyasa.audit import selectors
from siyasa.audit.models import REMOVED, Purge
from siyasa.core.permissions import Capability, require
from siyasa.orgs.models import Membership

# Shorter than this, a text would be found in too many places to be a secret worth removing.
MIN_LENGTH = 4


def _text_fields(model) -> list[str]:
    """The fields a person typed text into (choices are codes, not text)."""
    return [
        f.attname
        for f in model._meta.concrete_fields
        if isinstance(f, models.CharField | models.TextField) and not f.choices
    ]


@transaction.atomic
def purge(*, membership: Membership, model_key: str, object_id: int, text: str) -> Purge:
    """Replace `text` with "[removed]" in every recorded state of one record, and record that
    it was done — by whom, where, how many states — without the text.

    The record itself must not hold the text any more: it is edited first (that edit is in the
    history like any other), so the history never shows a state the record does not have.
    """
    require(membership, Capability.PURGE_HISTORY)
    org = membership.organization
    model = selectors.MODELS.get(model_key)
    if model is None:
        raise ValidationError(_("Choose the kind of record this object is."))
    text = text.strip()
    if len(text) < MIN_LENGTH:
        raise ValidationError(_("Give the whole text to remove, at least 4 characters."))
    names = _text_fields(model)
    live = selectors.live_row(org, model, object_id)
    if live is not None and any(text in (getattr(live, name) or "") for name in names):
        raise ValidationError(
            _("The record itself still holds this text: change it first, then remove it here.")
        )
    found: set[str] = set()
    changed = 0
    for state in selectors.object_history(org, model, object_id).select_for_update():
        values = {
            name: getattr(state, name).replace(text, REMOVED)
            for name in names
            if text in (getattr(state, name) or "")
        }
        if values:
            # A plain UPDATE: the historical row keeps its date, user and type.
            type(state)._default_manager.filter(pk=state.pk).update(**values)
            found.update(values)
            changed += 1
    if not changed:
        raise ValidationError(_("This text is not in the history of this record."))
    return Purge.objects.create(
        organization=org,
        purged_by=membership.user,
        kind=model_key,
        object_id=object_id,
        field_names=", ".join(sorted(found)),
        records=changed,
    )
