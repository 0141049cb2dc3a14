"""Security operations: the rotation log, and the checklists for people joining and leaving."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from siyasa.core.tenancy import OrgOwned


class RotationReason(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    OFFBOARDING = "offboarding", _("Someone with access left")
    INCIDENT = "incident", _("Incident or suspicion")
    OTHER = "other", _("Other")


class RotationRecord(OrgOwned):
    """R2.1: a password was changed — when, by whom, why. Never the password itself (R2.8)."""

    account = models.ForeignKey(
        "registry.SocialAccount",
        verbose_name=_("account"),
        on_delete=models.CASCADE,
        related_name="rotations",
    )
    rotated_on = models.DateField(_("changed on"))
    rotated_by = models.ForeignKey(
        "orgs.Person",
        verbose_name=_("changed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reason = models.CharField(
        _("why"), max_length=12, choices=RotationReason.choices, default=RotationReason.SCHEDULED
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    policy_part = "security"

    class Meta:
        verbose_name = _("password rotation")
        verbose_name_plural = _("password rotations")
        ordering = ["-rotated_on", "-created_at"]

    def __str__(self) -> str:
        return f"{self.account} {self.rotated_on}"


class Offboarding(OrgOwned):
    """A person is leaving: until every item is done they cannot be archived."""

    person = models.ForeignKey(
        "orgs.Person",
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="offboardings",
    )
    last_day = models.DateField(_("last day"))
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    archived_at = models.DateTimeField(_("archived at"), null=True, blank=True)

    policy_part = "roles"

    class Meta:
        verbose_name = _("offboarding")
        verbose_name_plural = _("offboardings")
        ordering = ["archived_at", "last_day"]
        constraints = [
            models.UniqueConstraint(
                fields=["person"],
                condition=models.Q(archived_at__isnull=True),
                name="one_open_offboarding_per_person",
            )
        ]

    def __str__(self) -> str:
        return str(self.person)

    @property
    def is_open(self) -> bool:
        return self.archived_at is None


class OffboardingItem(OrgOwned):
    """One thing to undo or hand over, derived from the registries when the offboarding starts."""

    class Kind(models.TextChoices):
        # In the order the checklist shows them.
        REVOKE_GRANT = "revoke_grant", _("Revoke access")
        ROTATE = "rotate", _("Change the password")
        RECOVER_DEVICE = "recover_device", _("Recover the device")
        HAND_OVER = "hand_over", _("Hand over to someone named")
        REMOVE_SIGN_IN = "remove_sign_in", _("Remove the sign-in to Siyasa")

    offboarding = models.ForeignKey(Offboarding, on_delete=models.CASCADE, related_name="items")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    # What the item is about, e.g. ("registry.custody", 12, "custodian"): read by the service
    # that does it; `label` keeps a readable description even if the row is gone.
    target = models.CharField(max_length=40)
    target_id = models.PositiveBigIntegerField()
    role = models.CharField(max_length=30, blank=True)
    label = models.CharField(max_length=300)
    done_at = models.DateTimeField(null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    handed_to = models.ForeignKey(
        "orgs.Person", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["kind", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["offboarding", "kind", "target", "target_id", "role"],
                name="one_item_per_thing",
            )
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def needs_successor(self) -> bool:
        return self.kind == self.Kind.HAND_OVER


class OnboardingStep(OrgOwned):
    """A new member's checklist: each step a person confirms (acknowledging the policy is read
    from the acknowledgements themselves)."""

    class Kind(models.TextChoices):
        DEVICES = "devices", _("Register any device you will use for the organisation")
        TWO_FACTOR = "two_factor", _("Set up two-factor authentication where you get access")
        PERSONAL = "personal", _("Read the rules for your personal accounts")
        # Only for those who publish or reply on an official account (R6.5, R6.6).
        PUBLISHING = "publishing", _("Read the rules on moderating comments and accessible posts")
        # Only for custodians of a credential (R2.9, R2.10).
        CUSTODY = (
            "custody",
            _(
                "Check the recovery e-mail, recovery phone and connected apps of the accounts you keep"
            ),
        )

    person = models.ForeignKey(
        "orgs.Person", on_delete=models.CASCADE, related_name="onboarding_steps"
    )
    kind = models.CharField(max_length=12, choices=Kind.choices)
    done_at = models.DateTimeField(null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["person", "kind"]
        constraints = [models.UniqueConstraint(fields=["person", "kind"], name="one_step_per_kind")]

    def __str__(self) -> str:
        return f"{self.person}: {self.kind}"
