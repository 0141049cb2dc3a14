"""The state every queued e-mail row shares, and the row for e-mails that have none of their own."""

from typing import ClassVar

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class Queued(models.Model):
    """What `outbox.send_once` needs on a row it sends (with the row's `updated_at`, which the
    claim sets and the lease is measured from): a reminder digest, an incident alert, a
    `Message`."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting to be sent")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    last_error = models.CharField(_("last error"), max_length=300, blank=True)

    # For the policy doctor, which reads these rows without importing the apps that own them:
    # the requirement an e-mail that gave up breaks, how badly, and how to say it (with
    # %(count)s and %(email)s; the doctor looks two weeks back).
    failure_requirement: ClassVar[str] = ""
    failure_is_error: ClassVar[bool] = False
    failure_text: ClassVar[Promise]

    class Meta:
        abstract = True

    @classmethod
    def waiting(cls) -> models.QuerySet:
        """The rows still meant to leave: pending, or being sent (a kind whose rows can be
        called off, such as a withdrawn invitation, leaves those out)."""
        return cls._default_manager.filter(status__in=(cls.Status.PENDING, cls.Status.SENDING))


class Message(Queued):
    """An e-mail of a kind with no row of its own (a password reset, …).

    It keeps how to make the e-mail, not the e-mail: `build` names a function that turns
    `params` into the message when it leaves, so a link with a secret (a reset token) is made
    then and never stored.
    """

    kind = models.CharField(_("kind"), max_length=60)
    to = models.EmailField(_("sent to"))
    # The dotted path of `build(params) -> EmailMessage`, written by code, never by a person.
    build = models.CharField(max_length=200)
    params = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("e-mail")
        verbose_name_plural = _("e-mails")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.kind} → {self.to} ({self.status})"


class WorkerHeartbeat(models.Model):
    """A job worker's sign of life, and what it saw of the outbox, every half minute.

    `siyasa worker` writes its row from a thread beside the job loop; the pages and `/healthz`
    read the newest row (one query) to say whether e-mail is moving, instead of scanning every
    kind of queued e-mail on every page.
    """

    worker_id = models.CharField(max_length=64, unique=True)
    host = models.CharField(max_length=255, blank=True)
    pid = models.PositiveIntegerField(default=0)
    beat_at = models.DateTimeField(db_index=True)
    # E-mails still to leave (pending, or being sent) and when the oldest of them last moved.
    waiting = models.PositiveIntegerField(default=0)
    oldest_waiting_since = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("job worker")
        verbose_name_plural = _("job workers")
        ordering = ["-beat_at"]

    def __str__(self) -> str:
        return f"{self.host}:{self.pid} {self.beat_at:%Y-%m-%d %H:%M:%S}"
