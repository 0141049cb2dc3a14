"""Django admin for maintainers: the e-mails that belong to no organisation (password resets…),
so one that gave up can be seen; the organisations' own are on their notification log."""

from django.contrib import admin

from siyasa.mail.models import Message


@admin.register(Message)
class MessageAdmin(admin.ModelAdmin):
    list_display = ["created_at", "kind", "to", "status", "attempts", "last_error"]
    list_filter = ["status", "kind"]
    search_fields = ["to"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
