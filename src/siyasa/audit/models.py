"""The record of each text an owner took out of the change history (R2.8), never the text."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from siyasa.core.tenancy import OrgOwned

# What a removed text is replaced with in the history (shown translated on the pages).
REMOVED = "[removed]"


class Purge(OrgOwned):
    """An owner removed a text that should never have been kept — a password, a code, a token —
    from every recorded state of one record: who, when, which record, which fields, how many
    states. The text itself is not kept anywhere."""

    purged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("removed by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    kind = models.CharField(_("kind of record"), max_length=100)  # "registry.custody"
    object_id = models.PositiveBigIntegerField(_("record"))
    field_names = models.CharField(_("fields"), max_length=300)  # comma-separated field names
    records = models.PositiveIntegerField(_("recorded states changed"))

    class Meta:
        verbose_name = _("removal from the history")
        verbose_name_plural = _("removals from the history")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.kind} #{self.object_id}"
