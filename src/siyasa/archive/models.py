"""What an organisation brought from another instance that this one has no row for yet."""

from django.db import models

from siyasa.core.tenancy import OrgOwned


class Carried(OrgOwned):
    """A fact of a moved organisation kept as history, because the row that would hold it needs a
    sign-in this instance does not have: an acknowledgement by an address with no account here,
    or a member who was no person of the directory. Exported again as it came in."""

    class Kind(models.TextChoices):
        ACKNOWLEDGEMENT = "acknowledgement"
        MEMBER = "member"

    kind = models.CharField(max_length=20, choices=Kind.choices)
    data = models.JSONField()

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.kind} {self.data}"
