"""The organisation's own policy texts and the settings the policy states."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from siyasa.core.tenancy import OrgOwned, OrgQuerySet
from siyasa.orgs.models import DEFAULT_ROTATION_INTERVAL_DAYS


class PolicyText(OrgOwned):
    """One editable block of the policy (see `catalogue.BLOCKS`), in both languages."""

    key = models.CharField(max_length=40)
    body_ar = models.TextField(_("Arabic text"), max_length=20000, blank=True)
    body_en = models.TextField(_("English text"), max_length=20000, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # A default text an upgrade added to an existing organisation's draft (a section the catalogue
    # gained): the draft says it has new sections to review until the text is saved or published.
    to_review = models.BooleanField(default=False, editable=False)
    # "ar" or "en": that language's text is still Siyasa's default while the other holds the
    # organisation's own words, read from a policy it brought (intake); saving the text clears it.
    to_translate = models.CharField(max_length=2, blank=True, editable=False)

    history = HistoricalRecords()  # R2.6

    class Meta:
        verbose_name = _("policy text")
        verbose_name_plural = _("policy texts")
        constraints = [
            models.UniqueConstraint(fields=["organization", "key"], name="one_text_per_key")
        ]

    def __str__(self) -> str:
        return self.key


class Stance(models.TextChoices):
    """R6.1: may staff speak about the organisation on their own accounts?"""

    ENCOURAGE = "encourage", _("Encourage staff to join in, identifying themselves")
    ABSTAIN = "abstain", _("Ask staff not to speak about the organisation")
    MIDDLE = "middle", _("A middle way")


class PolicySettings(OrgOwned):
    """The facts the policy states that are not prose: stance, disclaimer, spokespeople, legal review."""

    stance = models.CharField(
        _("stance on staff speaking about the organisation"),
        max_length=10,
        choices=Stance.choices,
        blank=True,
    )
    disclaimer_ar = models.CharField(_("disclaimer (Arabic)"), max_length=300, blank=True)
    disclaimer_en = models.CharField(_("disclaimer (English)"), max_length=300, blank=True)
    spokespeople = models.ManyToManyField(
        "orgs.Person", verbose_name=_("official spokespeople"), blank=True, related_name="+"
    )
    legal_adviser = models.ForeignKey(
        "orgs.Person",
        verbose_name=_("legal adviser who reviewed the policy"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    legal_reviewed_on = models.DateField(_("date of legal review"), null=True, blank=True)
    # R2.1: in force from the effective date of the version that states it
    # (Organization.rotation_interval).
    rotation_interval_days = models.PositiveSmallIntegerField(
        _("password rotation interval (days)"), default=DEFAULT_ROTATION_INTERVAL_DAYS
    )
    # R0.3: the policy is reviewed on a schedule by a named owner.
    review_owner = models.ForeignKey(
        "orgs.Person",
        verbose_name=_("review owner"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    next_review_on = models.DateField(_("next review"), null=True, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    history = HistoricalRecords(m2m_fields=["spokespeople"])  # R2.6

    class Meta:
        verbose_name = _("policy settings")
        verbose_name_plural = _("policy settings")
        constraints = [
            models.UniqueConstraint(fields=["organization"], name="one_settings_per_org")
        ]


class VersionKind(models.TextChoices):
    MATERIAL = "material", _("Material: everyone must acknowledge again")
    EDITORIAL = "editorial", _("Editorial: wording only, no new acknowledgement")


# R0.3: the versions that ask everyone to acknowledge — material ones, and the first.
COUNTS_FOR_ACKNOWLEDGEMENT = Q(kind=VersionKind.MATERIAL) | Q(number=1)


class PolicyVersionQuerySet(OrgQuerySet):
    """The two rules of R0.1 and R0.3 about versions, each defined once."""

    def in_force(self, today: datetime.date):
        """Versions whose date has come; the highest number among them is the one in force."""
        return self.filter(effective_on__lte=today)

    def counting_for_acknowledgement(self):
        """Versions that ask everyone to acknowledge: material ones, and the first. The latest of
        these in force is the one a member's acknowledgement must reach."""
        return self.filter(COUNTS_FOR_ACKNOWLEDGEMENT)


class PolicyVersion(OrgOwned):
    """An immutable published version of the rules (ARCHITECTURE decision 6).

    `content` is the snapshot of the draft at publication: texts, stance, disclaimer, named
    people (id and name, so a later deletion does not blank history), interval, review.
    """

    number = models.PositiveIntegerField(_("version"))
    effective_on = models.DateField(_("in force from"))
    kind = models.CharField(_("kind of change"), max_length=10, choices=VersionKind.choices)
    summary = models.TextField(_("what changed"), max_length=2000)
    content = models.JSONField()
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    objects = PolicyVersionQuerySet.as_manager()  # type: ignore[misc]  # a narrower queryset of OrgOwned's

    class Meta:
        verbose_name = _("policy version")
        verbose_name_plural = _("policy versions")
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "number"], name="one_version_number_per_org"
            )
        ]

    def __str__(self) -> str:
        return f"v{self.number}"

    @property
    def counts_for_acknowledgement(self) -> bool:
        """`COUNTS_FOR_ACKNOWLEDGEMENT` for one version already read."""
        return self.kind == VersionKind.MATERIAL or self.number == 1

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("A published policy version is immutable.")
        super().save(*args, **kwargs)

    @property
    def published_at(self):
        return self.created_at

    @property
    def is_material(self) -> bool:
        return self.kind == VersionKind.MATERIAL


class Acknowledgement(OrgOwned):
    """R0.3: a member has read and accepted a version of the policy."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    # Versions are never deleted on their own; only with their organisation.
    version = models.ForeignKey(
        PolicyVersion, on_delete=models.CASCADE, related_name="acknowledgements"
    )

    class Meta:
        verbose_name = _("acknowledgement")
        verbose_name_plural = _("acknowledgements")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "version"], name="one_acknowledgement_per_version"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.version}"


class ExportFile(OrgOwned):
    """A PDF or Word file of one version, made once by the job worker for one state of the
    directory, one day, one language and one audience, and served from here: a web request never
    makes one (`export_files`). The bytes are kept in the database, which every web server and
    worker shares (a folder would be one machine's), and go with the row."""

    class Kind(models.TextChoices):
        PDF = "pdf", "PDF"
        DOCX = "docx", _("Word document")

    class Status(models.TextChoices):
        PENDING = "pending", _("being prepared")
        READY = "ready", _("ready")
        # The PDF engine cannot run on this server (no Pango); the Word file still can.
        UNAVAILABLE = "unavailable", _("cannot be made here")

    version = models.ForeignKey(PolicyVersion, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=4, choices=Kind.choices)
    language = models.CharField(max_length=2)
    audience = models.CharField(max_length=10)
    # The last change of the directory or of the organisation when the file was asked for, and
    # the day: rotation dates turn "overdue" with the calendar, and the file says when it was made.
    directory_stamp = models.DateTimeField()
    made_on = models.DateField()
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PENDING)
    # When the build was last queued: a file still pending long after is queued once more.
    queued_at = models.DateTimeField()
    built_at = models.DateTimeField(null=True, blank=True)
    data = models.BinaryField(default=b"")
    digest = models.CharField(max_length=64, blank=True)  # SHA-256 of `data`: the ETag
    error = models.CharField(max_length=300, blank=True)

    class Meta:
        verbose_name = _("export file")
        verbose_name_plural = _("export files")
        constraints = [
            # Concurrent requests for a file not yet made insert one row, so queue one build.
            models.UniqueConstraint(
                fields=[
                    "organization",
                    "version",
                    "kind",
                    "language",
                    "audience",
                    "directory_stamp",
                    "made_on",
                ],
                name="one_export_file_per_key",
            )
        ]

    def __str__(self) -> str:
        return f"{self.version} {self.kind} {self.language} {self.audience}"
