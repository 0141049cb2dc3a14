"""The record of the daily run, so a restart never runs it twice and a missed one runs at start."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DailyRun(models.Model):
    """One day's run of the reminders and health snapshots, claimed by inserting its row."""

    # The day whose scheduled time (SIYASA_DAILY_AT) this run is for.
    day = models.DateField(_("day"), unique=True)
    started_at = models.DateTimeField(_("started at"))
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("daily run")
        verbose_name_plural = _("daily runs")
        ordering = ["-day"]

    def __str__(self) -> str:
        return f"{self.day} ({'done' if self.finished_at else 'running'})"
