"""Django admin for maintainers; people use the product's own pages."""

from django.contrib import admin

from siyasa.orgs.models import Membership, Organization, Person


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ["name_ar", "name_en", "slug", "country", "policy_visibility"]
    search_fields = ["name_ar", "name_en", "slug"]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "organization", "role"]
    list_filter = ["role", "organization"]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "organization", "kind", "email", "status"]
    list_filter = ["organization", "kind", "status"]
    search_fields = ["name", "name_en", "email"]
