"""The incident timeline's system entries, and the guards every incident service shares."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from siyasa.crisis.models import Incident, TimelineEntry


def add_system_entry(incident: Incident, user, kind: str, *, text: str = "", data=None):
    """Append what just happened; the caller's transaction holds it with the change itself."""
    return TimelineEntry.objects.create(
        organization_id=incident.organization_id,
        incident=incident,
        author=user,
        kind=kind,
        text=text,
        data=data or {},
    )


def require_open(incident: Incident) -> None:
    if not incident.is_open:
        raise ValidationError(_("This incident is closed."))
