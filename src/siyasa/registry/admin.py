"""Django admin for maintainers; people use the product's own pages."""

from django.contrib import admin

from siyasa.registry.models import (
    AccessGrant,
    Custody,
    Device,
    ResponsibilityAssignment,
    SocialAccount,
)

for model in (SocialAccount, ResponsibilityAssignment, AccessGrant, Custody, Device):
    admin.site.register(model, list_filter=["organization"])
