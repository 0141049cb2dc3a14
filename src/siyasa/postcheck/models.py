"""The organisation's own terms for the post check: its confidential words (R4.3) and what it
adds to the shipped lexicon of hate speech, threats and harassment (R5.1)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from siyasa.core.tenancy import OrgOwned

ONE_PER_LINE = _("One word or phrase per line.")


class Lexicon(OrgOwned):
    confidential_terms = models.TextField(
        _("confidential terms"),
        blank=True,
        help_text=_(
            "Project code names, unreleased campaigns, donors whose names are protected. "
            "One word or phrase per line."
        ),
    )
    hate_speech_terms = models.TextField(_("more hate speech"), blank=True, help_text=ONE_PER_LINE)
    threat_terms = models.TextField(_("more threats"), blank=True, help_text=ONE_PER_LINE)
    harassment_terms = models.TextField(_("more insults"), blank=True, help_text=ONE_PER_LINE)

    history = HistoricalRecords()  # R2.6

    class Meta:
        verbose_name = _("terms for the post check")
        verbose_name_plural = _("terms for the post check")
        constraints = [
            models.UniqueConstraint(fields=["organization"], name="one_lexicon_per_organization")
        ]

    def __str__(self) -> str:
        return str(self._meta.verbose_name)

    @staticmethod
    def lines(value: str) -> tuple[str, ...]:
        return tuple(line.strip() for line in value.splitlines() if line.strip())
