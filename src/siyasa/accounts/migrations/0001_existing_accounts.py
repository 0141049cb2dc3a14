"""Accounts made before allauth keep signing in: their addresses count as verified, and an
authenticator set up with django-otp carries over to allauth.mfa.

Before allauth, an owner typed each member's address and the password reset already relied on
it, so it is taken as verified (an address two accounts share stays unverified for both to
sort out). A django-otp authenticator with the usual settings (30-second steps, six digits) is
the same secret allauth.mfa uses, so the phone keeps working; any other must be set up again.
The old django-otp tables are left as they were.
"""

import base64

from django.db import migrations

OTP_TABLE = "otp_totp_totpdevice"


def verify_existing_addresses(apps, schema_editor):
    User = apps.get_model("auth", "User")
    EmailAddress = apps.get_model("account", "EmailAddress")
    taken = {address.lower() for address in EmailAddress.objects.values_list("email", flat=True)}
    counts = {}
    users = list(User.objects.exclude(email="").filter(emailaddress__isnull=True).order_by("pk"))
    for user in users:
        counts[user.email.lower()] = counts.get(user.email.lower(), 0) + 1
    for user in users:
        email = user.email.lower()
        if email in taken or counts[email] > 1:
            continue
        EmailAddress.objects.create(user=user, email=email, primary=True, verified=True)


def carry_over_authenticators(apps, schema_editor):
    connection = schema_editor.connection
    if OTP_TABLE not in connection.introspection.table_names():
        return
    Authenticator = apps.get_model("mfa", "Authenticator")
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT user_id, key FROM {OTP_TABLE} "  # noqa: S608 - a constant table name
            "WHERE confirmed AND step = 30 AND digits = 6 AND t0 = 0 ORDER BY id"
        )
        devices = cursor.fetchall()
    for user_id, key in devices:
        if Authenticator.objects.filter(user_id=user_id, type="totp").exists():
            continue
        secret = base64.b32encode(bytes.fromhex(key)).decode()
        Authenticator.objects.create(user_id=user_id, type="totp", data={"secret": secret})


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("account", "0009_emailaddress_unique_primary_email"),
        ("mfa", "0003_authenticator_type_uniq"),
    ]

    operations = [
        migrations.RunPython(verify_existing_addresses, migrations.RunPython.noop),
        migrations.RunPython(carry_over_authenticators, migrations.RunPython.noop),
    ]
