"""The registries the policy talks about: accounts, responsibilities, access, custody, devices.

R2.8: Siyasa never holds a secret. No model here has a field for a password, a recovery
code or a token; custody records *who* holds a credential and *where* it is kept.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from siyasa.core.tenancy import OrgOwned


class Platform(models.TextChoices):
    X = "x", "X"
    INSTAGRAM = "instagram", "Instagram"
    FACEBOOK = "facebook", "Facebook"
    SNAPCHAT = "snapchat", "Snapchat"
    TIKTOK = "tiktok", "TikTok"
    YOUTUBE = "youtube", "YouTube"
    LINKEDIN = "linkedin", "LinkedIn"
    WHATSAPP_BUSINESS = "whatsapp_business", "WhatsApp Business"
    TELEGRAM = "telegram", "Telegram"
    THREADS = "threads", "Threads"
    OTHER = "other", _("Other")


# R1.6: an account with no activity for this long is reviewed: revived or closed.
DORMANT_AFTER = datetime.timedelta(days=183)


class SocialAccount(OrgOwned):
    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        DORMANT = "dormant", _("Dormant")
        # Stored as "retired" since the first version; the policy calls it closed (R1.6).
        RETIRED = "retired", pgettext_lazy("account status", "Closed")

    class Audience(models.TextChoices):
        ARABIC = "ar", _("Arabic")
        ENGLISH = "en", _("English")
        BOTH = "both", _("Arabic and English")

    platform = models.CharField(_("platform"), max_length=20, choices=Platform.choices)
    handle = models.CharField(
        _("handle"),
        max_length=100,
        help_text=_("The account's name on the platform, e.g. @example."),
    )
    url = models.URLField(_("address"), max_length=300, blank=True)
    purpose_ar = models.CharField(_("purpose (Arabic)"), max_length=300, blank=True)
    purpose_en = models.CharField(_("purpose (English)"), max_length=300, blank=True)
    audience_language = models.CharField(
        _("audience language"), max_length=4, choices=Audience.choices, default=Audience.ARABIC
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE
    )
    # R1.1: every official account has a named owner.
    owner = models.ForeignKey(
        "orgs.Person",
        verbose_name=_("owner"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="owned_accounts",
    )
    # R1.6: the account's life cycle — when it was opened and on whose approval, and when it
    # was last used.
    opened_on = models.DateField(
        _("opened on"),
        null=True,
        blank=True,
        help_text=_(
            "When the account was opened on the platform. Accounts opened since the "
            "organisation started using Siyasa need a recorded approval."
        ),
    )
    opening_approved_by = models.ForeignKey(
        "orgs.Person",
        verbose_name=_("opening approved by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="approved_account_openings",
    )
    opening_approved_on = models.DateField(_("opening approved on"), null=True, blank=True)
    last_activity_on = models.DateField(
        _("last activity"),
        null=True,
        blank=True,
        help_text=_("The day of the latest post or reply from this account."),
    )

    policy_part = "roles"

    history = HistoricalRecords()  # R2.6

    class Meta:
        verbose_name = _("social media account")
        verbose_name_plural = _("social media accounts")
        ordering = ["platform", "handle"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "platform", "handle"], name="unique_handle_per_platform"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_platform_display()} {self.handle}"

    @property
    def purpose(self) -> str:
        if get_language() == "en":
            return self.purpose_en or self.purpose_ar
        return self.purpose_ar or self.purpose_en

    def opened_since(self, adopted_on: datetime.date) -> bool:
        """R1.6: opened on or after `adopted_on` (the day the organisation started using
        Siyasa); an account without a stated opening day counts as opened when it was registered."""
        opened = self.opened_on or self.created_at.date()
        return opened >= adopted_on

    def needs_opening_approval(self, adopted_on: datetime.date) -> bool:
        """R1.6: opened since adoption with nobody recorded as having approved it."""
        return self.opening_approved_by_id is None and self.opened_since(adopted_on)

    def is_dormant_on(self, today: datetime.date) -> bool:
        """R1.6: not closed, and nothing recorded for six months — no activity, or, before any
        is recorded, since it was opened (or registered)."""
        if self.status == self.Status.RETIRED:
            return False
        last = self.last_activity_on or self.opened_on or self.created_at.date()
        return last < today - DORMANT_AFTER


class Area(models.TextChoices):
    """R1.3: the nine responsibilities every policy assigns."""

    PUBLISHING = "publishing", _("Daily publishing")
    SERVICE = "service", _("Day-to-day service of donors and beneficiaries")
    STRATEGY = "strategy", _("Strategy and planning")
    ADVERTISING = "advertising", _("Advertising")
    SECURITY = "security", _("Security and passwords")
    MONITORING = "monitoring", _("Monitoring and analytics")
    APPROVALS = "approvals", _("Approvals (legal, financial, other)")
    CRISIS = "crisis", _("Crisis response")
    TRAINING = "training", _("Social media training for other staff")


class ResponsibilityAssignment(OrgOwned):
    area = models.CharField(_("responsibility"), max_length=20, choices=Area.choices)
    person = models.ForeignKey(
        "orgs.Person",
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="responsibilities",
    )
    accounts = models.ManyToManyField(
        SocialAccount,
        verbose_name=_("accounts"),
        blank=True,
        related_name="responsibilities",
        help_text=_("Leave empty when the responsibility covers the whole organisation."),
    )
    note = models.CharField(
        _("note"), max_length=200, blank=True, help_text=_("E.g. “legal approvals” or “weekends”.")
    )

    policy_part = "roles"

    history = HistoricalRecords(m2m_fields=["accounts"])  # R2.6

    class Meta:
        verbose_name = _("responsibility")
        verbose_name_plural = _("responsibilities")
        ordering = ["area", "person__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "area", "person"], name="one_assignment_per_area_and_person"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_area_display()}: {self.person}"


class AccessGrant(OrgOwned):
    """R1.2: who may do what on an account."""

    account = models.ForeignKey(
        SocialAccount, verbose_name=_("account"), on_delete=models.CASCADE, related_name="grants"
    )
    person = models.ForeignKey(
        "orgs.Person", verbose_name=_("person"), on_delete=models.CASCADE, related_name="grants"
    )
    can_publish = models.BooleanField(_("publish"), default=False)
    can_reply = models.BooleanField(_("reply and direct messages"), default=False)
    can_advertise = models.BooleanField(_("advertising"), default=False)
    can_analyse = models.BooleanField(_("analytics"), default=False)
    is_admin = models.BooleanField(_("admin"), default=False)

    CAPABILITIES = ("can_publish", "can_reply", "can_advertise", "can_analyse", "is_admin")

    policy_part = "roles"

    history = HistoricalRecords()  # R2.6

    class Meta:
        verbose_name = _("access grant")
        verbose_name_plural = _("access grants")
        ordering = ["account__platform", "account__handle", "person__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["account", "person"], name="one_grant_per_account_and_person"
            ),
            models.CheckConstraint(
                condition=models.Q(can_publish=True)
                | models.Q(can_reply=True)
                | models.Q(can_advertise=True)
                | models.Q(can_analyse=True)
                | models.Q(is_admin=True),
                name="grant_gives_something",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} → {self.account}"

    def capability_labels(self) -> list[str]:
        return [
            # CAPABILITIES are concrete fields of this model, never relations.
            str(self._meta.get_field(name).verbose_name)  # type: ignore[union-attr]
            for name in self.CAPABILITIES
            if getattr(self, name)
        ]


class TwoFactorMethod(models.TextChoices):
    NONE = "none", _("None")
    APP = "app", _("Authenticator app")
    SMS = "sms", _("Text message (SMS)")
    KEY = "key", _("Security key")
    PLATFORM = "platform", _("Through a business manager")


class Custody(OrgOwned):
    """R2.1–R2.3, R2.7: who holds an account's credential, where it is kept and when it rotates."""

    account = models.OneToOneField(
        SocialAccount, verbose_name=_("account"), on_delete=models.CASCADE, related_name="custody"
    )
    custodian = models.ForeignKey(
        "orgs.Person",
        verbose_name=_("custodian"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="custodies",
    )
    backup_custodian = models.ForeignKey(
        "orgs.Person",
        verbose_name=_("backup custodian"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="backup_custodies",
    )
    vault_label = models.CharField(
        _("where the credential is kept"),
        max_length=150,
        blank=True,
        help_text=_(
            "The entry's name in the password manager, e.g. “Team vault › Social › X”. "
            "Never the password itself."
        ),
    )
    rotation_days = models.PositiveSmallIntegerField(
        _("rotation interval (days)"),
        null=True,
        blank=True,
        help_text=_("Leave empty to use the organisation's interval."),
    )
    last_rotated_on = models.DateField(_("last rotated on"), null=True, blank=True)
    two_factor_method = models.CharField(
        _("two-factor method"),
        max_length=10,
        choices=TwoFactorMethod.choices,
        default=TwoFactorMethod.NONE,
    )
    two_factor_holder = models.ForeignKey(
        "orgs.Person",
        verbose_name=_("holder of the second factor"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="second_factors",
    )
    recovery_owner = models.ForeignKey(
        "orgs.Person",
        verbose_name=_("owner of the recovery e-mail or phone"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="recoveries",
    )
    # R2.9: the addresses the platform sends recovery links and codes to — never a code itself.
    recovery_email = models.EmailField(
        _("recovery e-mail"),
        blank=True,
        help_text=_("An organisational mailbox on one of the organisation's domains."),
    )
    recovery_phone = models.CharField(
        _("recovery phone"),
        max_length=32,
        blank=True,
        help_text=_("A line on a registered device owned by the organisation."),
    )

    policy_part = "security"

    history = HistoricalRecords()  # R2.6

    class Meta:
        verbose_name = _("credential custody")
        verbose_name_plural = _("credential custody")
        ordering = ["account__platform", "account__handle"]

    def __str__(self) -> str:
        return str(self.account)

    def interval_days(self, org_default: int) -> int:
        return self.rotation_days or org_default

    def next_rotation_on(self, org_default: int) -> datetime.date | None:
        if self.last_rotated_on is None:
            return None
        return self.last_rotated_on + datetime.timedelta(days=self.interval_days(org_default))

    def rotation_state(self, org_default: int, today: datetime.date) -> "RotationState":
        """R2.1: when the credential is next due, and whether it is late or due soon — the one
        definition the registry pages, the policy, the doctor and the reminders share."""
        next_on = self.next_rotation_on(org_default)
        overdue = next_on is None or next_on < today
        return RotationState(
            interval_days=self.interval_days(org_default),
            next_on=next_on,
            overdue=overdue,
            due_soon=not overdue and next_on is not None and next_on <= today + ROTATION_DUE_SOON,
        )


# R2.1: how far ahead a rotation counts as "due soon".
ROTATION_DUE_SOON = datetime.timedelta(days=14)


@dataclass(frozen=True)
class RotationState:
    interval_days: int
    # None when no rotation was ever recorded (which counts as overdue).
    next_on: datetime.date | None
    overdue: bool
    due_soon: bool

    @property
    def never_recorded(self) -> bool:
        return self.next_on is None


class Device(OrgOwned):
    """R2.4–R2.5: devices that may reach the accounts, and who keeps them updated."""

    class Kind(models.TextChoices):
        PHONE = "phone", _("Phone")
        LAPTOP = "laptop", _("Laptop")
        DESKTOP = "desktop", _("Desktop computer")
        TABLET = "tablet", _("Tablet")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=120, help_text=_("E.g. “Media team iPhone 1”."))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.PHONE)
    org_owned = models.BooleanField(_("owned by the organisation"), default=True)
    assignee = models.ForeignKey(
        "orgs.Person",
        verbose_name=_("assigned to"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="devices",
    )
    accounts = models.ManyToManyField(
        SocialAccount, verbose_name=_("accounts it may reach"), blank=True, related_name="devices"
    )
    updater = models.ForeignKey(
        "orgs.Person",
        verbose_name=_("keeps apps and system updated"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="updated_devices",
    )
    # R2.9: a recovery phone must be the line of a registered, organisation-owned device.
    phone_number = models.CharField(
        _("phone line"),
        max_length=32,
        blank=True,
        help_text=_("The number of the SIM in this device, if it has one."),
    )

    policy_part = "security"

    history = HistoricalRecords(m2m_fields=["accounts"])  # R2.6

    class Meta:
        verbose_name = _("device")
        verbose_name_plural = _("devices")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


# R2.10: a connection is reviewed at least this often.
CONNECTION_REVIEW_EVERY = datetime.timedelta(days=365)


class ConnectedApp(OrgOwned):
    """R2.10: a third-party app or scheduling tool that can act on an account."""

    account = models.ForeignKey(
        SocialAccount,
        verbose_name=_("account"),
        on_delete=models.CASCADE,
        related_name="connected_apps",
    )
    name = models.CharField(_("app or tool"), max_length=120, help_text=_("E.g. “Buffer”."))
    purpose = models.CharField(_("what it is used for"), max_length=300, blank=True)
    approved_by = models.ForeignKey(
        "orgs.Person",
        verbose_name=_("approved by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="approved_connections",
    )
    connected_on = models.DateField(_("connected on"), null=True, blank=True)
    reviewed_on = models.DateField(_("last reviewed on"), null=True, blank=True)
    owner = models.ForeignKey(
        "orgs.Person",
        verbose_name=_("owner of the connection"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="owned_connections",
        help_text=_("Whose login on the app holds the connection."),
    )

    policy_part = "security"

    history = HistoricalRecords()  # R2.6

    class Meta:
        verbose_name = _("connected app")
        verbose_name_plural = _("connected apps")
        ordering = ["account__platform", "account__handle", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["account", "name"], name="one_connection_per_app_and_account"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} → {self.account}"

    def review_due(self, today: datetime.date) -> bool:
        """R2.10: never reviewed (since it was connected), or not within the last twelve months."""
        last = self.reviewed_on or self.connected_on
        return last is None or last < today - CONNECTION_REVIEW_EVERY


class AccountRequest(OrgOwned):
    """R1.6: a member asks to open a new official account; a named role approves or refuses,
    and the account is registered on approval."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for a decision")
        APPROVED = "approved", _("Approved")
        REFUSED = "refused", _("Refused")

    platform = models.CharField(_("platform"), max_length=20, choices=Platform.choices)
    handle = models.CharField(_("handle"), max_length=100)
    purpose_ar = models.CharField(_("purpose (Arabic)"), max_length=300, blank=True)
    purpose_en = models.CharField(_("purpose (English)"), max_length=300, blank=True)
    reason = models.TextField(
        _("why the organisation needs it"),
        max_length=2000,
        help_text=_("Who it is for, and why an existing account cannot serve them."),
    )
    proposed_owner = models.ForeignKey(
        "orgs.Person",
        verbose_name=_("proposed owner"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_note = models.CharField(_("note on the decision"), max_length=300, blank=True)
    account = models.OneToOneField(
        SocialAccount,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="opening_request",
    )

    # A request is not in the policy; the account it opens is.
    policy_part = ""

    history = HistoricalRecords()  # R2.6

    class Meta:
        verbose_name = _("request to open an account")
        verbose_name_plural = _("requests to open an account")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.get_platform_display()} {self.handle}"

    @property
    def is_pending(self) -> bool:
        return self.status == self.Status.PENDING


class ModerationDecision(OrgOwned):
    """R6.5: a serious moderation decision on an official account, kept for the team."""

    class Action(models.TextChoices):
        HIDDEN = "hidden", _("Comment hidden")
        REMOVED = "removed", _("Comment removed")
        REPORTED = "reported", _("Reported to the platform")
        BLOCKED = "blocked", _("User blocked")
        RESTORED = "restored", _("Decision reversed")

    account = models.ForeignKey(
        SocialAccount,
        verbose_name=_("account"),
        on_delete=models.CASCADE,
        related_name="moderation_decisions",
    )
    decided_on = models.DateField(_("date"))
    action = models.CharField(_("decision"), max_length=10, choices=Action.choices)
    what = models.CharField(
        _("what it was about"),
        max_length=300,
        help_text=_("Describe the comment or user; do not paste personal data."),
    )
    reason = models.TextField(
        _("why"), max_length=2000, help_text=_("Which house rule it broke, or why it was needed.")
    )
    decided_by = models.ForeignKey(
        "orgs.Person",
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="moderation_decisions",
    )

    # Members only: never shown in the public policy, so no live part to stamp.
    policy_part = ""

    history = HistoricalRecords()  # R2.6

    class Meta:
        verbose_name = _("moderation decision")
        verbose_name_plural = _("moderation decisions")
        ordering = ["-decided_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_action_display()}: {self.account}"
