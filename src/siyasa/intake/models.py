"""An analysis of a policy an organisation uploaded: what it said and what Siyasa found in it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from siyasa.core.tenancy import OrgOwned


class Analysis(OrgOwned):
    """One uploaded file, read and analysed once: the report page and its PDF are served from
    here, never recomputed. The file's bytes are not kept — only its name, the passages read
    from it and the report — so deleting the row forgets the document."""

    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    filename = models.CharField(_("file name"), max_length=255)
    language = models.CharField(_("language of the document"), max_length=5)
    # The passages in reading order, as `document.Report.passages`; the evidence points into it.
    passages = models.JSONField(default=list)
    # requirement id -> {"status", "evidence": [{"passage", "matched"}], "lacking"}
    findings = models.JSONField(default=dict)
    score = models.PositiveSmallIntegerField(_("score"))

    class Meta:
        verbose_name = _("policy analysis")
        verbose_name_plural = _("policy analyses")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.filename


class AnalysisPDF(OrgOwned):
    """The report of an analysis as a PDF, in one language, made on the first request and kept:
    the report never changes, so neither does its file."""

    analysis = models.ForeignKey(Analysis, on_delete=models.CASCADE, related_name="pdfs")
    language = models.CharField(max_length=2)
    data = models.BinaryField()

    class Meta:
        verbose_name = _("analysis PDF")
        verbose_name_plural = _("analysis PDFs")
        constraints = [
            models.UniqueConstraint(fields=["analysis", "language"], name="one_pdf_per_language")
        ]
