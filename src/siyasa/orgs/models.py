"""Organisations, who signs in to them (memberships), who they know (people and contacts) and
whom they invited to sign in (invitations)."""

import datetime
from collections import Counter
from collections.abc import Iterable

from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from siyasa.core.permissions import Role
from siyasa.core.tenancy import OrgOwned
from siyasa.mail.models import Queued

# R2.1: the rotation interval until a published version states one.
DEFAULT_ROTATION_INTERVAL_DAYS = 90


# R2.9: mail providers anyone can sign up to; an address there is a person's, not the organisation's.
PUBLIC_MAIL_DOMAINS = frozenset(
    {
        "gmail.com",
        "googlemail.com",
        "hotmail.com",
        "outlook.com",
        "outlook.sa",
        "live.com",
        "msn.com",
        "yahoo.com",
        "icloud.com",
        "me.com",
        "aol.com",
        "proton.me",
        "protonmail.com",
        "yandex.com",
        "mail.com",
        "gmx.com",
        "zoho.com",
    }
)


def own_domains(emails: Iterable[str]) -> list[str]:
    """R2.9: the domains of `emails` that can be an organisation's own (not a public provider's),
    most used first — what the organisation's e-mail domains setting is pre-filled with."""
    counts = Counter(
        domain
        for email in emails
        if (domain := email.rpartition("@")[2].strip().lower())
        and domain not in PUBLIC_MAIL_DOMAINS
    )
    return [domain for domain, _n in counts.most_common()]


class Organization(models.Model):
    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Public: anyone with the link")
        MEMBERS = "members", _("Members only")

    class Language(models.TextChoices):
        ARABIC = "ar", _("Arabic")
        ENGLISH = "en", _("English")

    name_ar = models.CharField(_("name in Arabic"), max_length=200)
    name_en = models.CharField(_("name in English"), max_length=200, blank=True)
    slug = models.SlugField(
        _("short name in links"),
        max_length=60,
        unique=True,
        help_text=_("Latin letters, digits and hyphens; used in the address of every page."),
    )
    country = CountryField(_("country"), default="SA")
    default_language = models.CharField(
        _("default language"), max_length=2, choices=Language.choices, default=Language.ARABIC
    )
    policy_visibility = models.CharField(
        _("who may read the policy"),
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.MEMBERS,
    )
    # R2.1: the organisation-wide rotation interval each published version puts in force from its
    # effective date, [[ISO day, days], …] in publication order — written only by
    # policy.services.publish_version, read through `rotation_interval(day)` by the registries
    # below the policy app; a custody record may override it.
    rotation_intervals = models.JSONField(default=list, blank=True, editable=False)
    # R0.4: one identity on every channel.
    hashtags = models.CharField(
        _("official hashtags"), max_length=300, blank=True, help_text=_("Separated by spaces.")
    )
    # R0.4: those of the official hashtags every post on one of its accounts carries; the post
    # check flags a post for an account without them.
    required_hashtags = models.CharField(
        _("hashtags every post carries"),
        max_length=300,
        blank=True,
        help_text=_(
            "Some of the official hashtags, separated by spaces. The post check flags a post "
            "for one of the organisation's accounts that lacks them."
        ),
    )
    # R2.9: the domains of the organisation's own mailboxes; a recovery e-mail elsewhere is a
    # person's private address.
    email_domains = models.CharField(
        _("the organisation's e-mail domains"),
        max_length=300,
        blank=True,
        help_text=_("Separated by spaces, e.g. “athar.org.sa”."),
    )
    # Owners and policy admins always need a second factor; this extends it to every member.
    require_two_factor = models.BooleanField(
        _("require two-factor sign-in for every member"),
        default=False,
        help_text=_(
            "Members then confirm each sign-in with a code from an authenticator app. "
            "Owners and policy admins always do."
        ),
    )
    show_hijri_dates = models.BooleanField(
        _("show the Hijri date beside the Gregorian"),
        default=False,
        help_text=_(
            "Dates on the policy, its versions, acknowledgements and the crisis room also show "
            "the Umm al-Qura calendar date."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()  # R2.6

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name_ar"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        if get_language() == "en" and self.name_en:
            return self.name_en
        return self.name_ar or self.name_en

    @property
    def is_public(self) -> bool:
        return self.policy_visibility == self.Visibility.PUBLIC

    @property
    def domains(self) -> set[str]:
        """R2.9: the organisation's e-mail domains, in lower case."""
        return {d.strip().lstrip("@").lower() for d in self.email_domains.split() if d.strip()}

    def has_own_address(self, email: str) -> bool:
        """R2.9: whether `email` is a mailbox on one of the organisation's domains."""
        return email.rpartition("@")[2].lower() in self.domains

    def rotation_interval(self, day: datetime.date) -> int:
        """R2.1: the rotation interval in force on `day` — the one the latest version in force
        that day states (versions take effect in publication order), 90 days before any."""
        days = DEFAULT_ROTATION_INTERVAL_DAYS
        for start, interval in self.rotation_intervals:
            if datetime.date.fromisoformat(start) <= day:
                days = interval
        return days


class Membership(models.Model):
    """A user's role in an organisation; one user may belong to several organisations.

    The sign-in belongs to a person of the directory: `Person.user` links them (one person per
    user and organisation), and `orgs.selectors.person_for` is how every feature finds them.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.STAFF)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = models.Manager()

    history = HistoricalRecords()  # R2.6

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "organization"], name="one_membership_per_user")
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.organization.slug} ({self.role})"


class Person(OrgOwned):
    """Anyone the policy names: staff and volunteers (who may also sign in) and outside
    contacts such as a lawyer, a board delegate or an agency."""

    class Kind(models.TextChoices):
        STAFF = "staff", _("Staff")
        VOLUNTEER = "volunteer", _("Volunteer")
        BOARD = "board", _("Board member")
        CONTACT = "contact", _("Outside contact")

    class GrammaticalGender(models.TextChoices):
        UNSPECIFIED = "", _("Unspecified")
        FEMININE = "feminine", _("Feminine")
        MASCULINE = "masculine", _("Masculine")

    class Status(models.TextChoices):
        ACTIVE = "active", _("Current")
        DEPARTED = "departed", _("Left the organisation")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sign-in account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="people",
    )
    name = models.CharField(_("name"), max_length=150)
    name_en = models.CharField(
        _("name in Latin letters"),
        max_length=150,
        blank=True,
        help_text=_("Shown on English pages."),
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.STAFF)
    job_title = models.CharField(_("job title"), max_length=150, blank=True)
    affiliation = models.CharField(
        _("organisation or firm"),
        max_length=150,
        blank=True,
        help_text=_("For outside contacts: the firm, agency or body they belong to."),
    )
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(
        _("phone"),
        max_length=32,
        blank=True,
        help_text=_("International format, e.g. +966 50 123 4567."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE
    )
    departed_on = models.DateField(_("last day"), null=True, blank=True)
    language = models.CharField(
        _("language for e-mails"),
        max_length=2,
        choices=Organization.Language.choices,
        blank=True,
        help_text=_("Leave empty to use the organisation's default language."),
    )
    # Only Arabic sentences that name the person use it, to agree verbs and pronouns with them.
    grammatical_gender = models.CharField(
        _("grammatical gender in Arabic sentences"),
        max_length=10,
        choices=GrammaticalGender.choices,
        blank=True,
        default=GrammaticalGender.UNSPECIFIED,
        help_text=_(
            "A grammatical choice, not personal data: only Arabic sentences that name this "
            "person use it, so that verbs and pronouns agree. Unspecified gives wording that "
            "fits anyone."
        ),
    )

    policy_part = "roles"

    history = HistoricalRecords()  # R2.6

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "user"],
                condition=models.Q(user__isnull=False),
                name="one_person_per_user_and_org",
            )
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        if get_language() == "en" and self.name_en:
            return self.name_en
        return self.name

    @property
    def is_current(self) -> bool:
        return self.status == self.Status.ACTIVE

    @property
    def address(self) -> str:
        """Where e-mails to this person go (reminders, alerts): their directory e-mail, else
        their sign-in's."""
        if self.email:
            return self.email
        return self.user.email if self.user else ""

    def preferred_language(self, org: Organization) -> str:
        return self.language or org.default_language


class Invitation(OrgOwned, Queued):
    """An offer to a person of the directory to sign in with a role, sent as a single-use link.

    Only a hash of the link's token is stored, so the database alone opens no invitation; the
    token is derived from `seed` with the installation's secret key when the e-mail is built
    (`orgs.tokens`), so the job that sends it carries no secret either. The e-mail leaves
    through the outbox (`status`, `attempts`, `sent_at`, `last_error`: `siyasa.mail.outbox`).
    """

    LIFETIME = datetime.timedelta(days=7)

    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="invitations"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.STAFF)
    email = models.EmailField(_("e-mail"))
    language = models.CharField(
        _("language for e-mails"), max_length=2, choices=Organization.Language.choices
    )
    seed = models.CharField(max_length=64, editable=False)
    link_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    expires_at = models.DateTimeField(_("expires at"))
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("accepted by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    # R2.6. The secret-bearing and delivery fields stay out of the history.
    history = HistoricalRecords(
        excluded_fields=["seed", "link_hash", "status", "attempts", "sent_at", "last_error"]
    )

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["person"],
                condition=models.Q(accepted_at__isnull=True, revoked_at__isnull=True),
                name="one_open_invitation_per_person",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.get_role_display()})"

    @property
    def is_open(self) -> bool:
        """Neither accepted nor revoked (it may still have expired)."""
        return self.accepted_at is None and self.revoked_at is None

    def has_expired(self, now: datetime.datetime) -> bool:
        return now >= self.expires_at

    @classmethod
    def waiting(cls) -> models.QuerySet:
        """A withdrawn or accepted invitation's e-mail is never sent (`jobs.deliver`)."""
        return super().waiting().filter(accepted_at__isnull=True, revoked_at__isnull=True)


class ChangeStamp(models.Model):
    """When each live part of the policy (roles, security, crisis) last changed.

    Written in the same transaction as the change itself, so the policy page can say
    "last changed" (and later build ETags) with one query, whatever the organisation's size.
    """

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    part = models.CharField(max_length=20)
    changed_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organization", "part"], name="one_stamp_per_part")
        ]

    def __str__(self) -> str:
        return f"{self.part} @ {self.changed_at:%Y-%m-%d %H:%M}"
