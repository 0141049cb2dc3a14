"""A daily record of each organisation's health, so the workspace can draw the trend."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from siyasa.core.tenancy import OrgOwned


class HealthSnapshot(OrgOwned):
    """One row per organisation and day; a later look the same day updates it."""

    day = models.DateField(_("day"))
    score = models.PositiveSmallIntegerField(_("score"))
    errors = models.PositiveIntegerField(default=0)
    warnings = models.PositiveIntegerField(default=0)
    notes = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("health snapshot")
        verbose_name_plural = _("health snapshots")
        ordering = ["day"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "day"], name="one_snapshot_per_day")
        ]

    def __str__(self) -> str:
        return f"{self.day}: {self.score}"
