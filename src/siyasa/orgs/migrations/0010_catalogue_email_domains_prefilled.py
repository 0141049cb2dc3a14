"""R2.9: existing organisations' e-mail domains, pre-filled from the addresses of their people."""

from django.db import migrations

from siyasa.orgs.models import own_domains


def prefill(apps, schema_editor):
    Organization = apps.get_model("orgs", "Organization")
    Person = apps.get_model("orgs", "Person")
    for org in Organization.objects.filter(email_domains=""):
        emails = Person.objects.filter(organization=org).exclude(email="")
        domains = own_domains(emails.values_list("email", flat=True))
        if domains:
            org.email_domains = " ".join(domains[:5])
            org.save(update_fields=["email_domains"])


class Migration(migrations.Migration):
    dependencies = [("orgs", "0009_catalogue_email_domains")]

    operations = [migrations.RunPython(prefill, migrations.RunPython.noop)]
