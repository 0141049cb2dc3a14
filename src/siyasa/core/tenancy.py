"""The one tenancy mechanism: every organisation-owned row is read through `for_org`."""

from django.db import models


class OrgQuerySet(models.QuerySet):
    def for_org(self, org):
        return self.filter(organization=org)


class OrgOwned(models.Model):
    """Base for every row that belongs to an organisation.

    `policy_part` names the part of the policy page whose "last changed" date a write to
    this model moves (see `siyasa.orgs.rows.touch`).
    """

    organization = models.ForeignKey(
        "orgs.Organization", on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OrgQuerySet.as_manager()

    policy_part = ""

    class Meta:
        abstract = True
