"""One django-import-export resource per registry: its columns, how each cell is written for a
person to read and read back into the registry's own form, and which record an imported row is."""

from collections import defaultdict

from django.core.exceptions import ValidationError
from django.utils.functional import Promise, cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export import fields, resources

from siyasa.consent.forms import ConsentForm
from siyasa.consent.models import Consent
from siyasa.core.forms import OrgModelForm
from siyasa.crisis.forms import EmergencyContactForm
from siyasa.crisis.models import EmergencyContact
from siyasa.orgs.forms import PersonForm
from siyasa.orgs.models import Person
from siyasa.registry.forms import (
    AccessGrantForm,
    ConnectedAppForm,
    CustodyForm,
    DeviceForm,
    ResponsibilityForm,
    SocialAccountForm,
)
from siyasa.registry.models import (
    AccessGrant,
    ConnectedApp,
    Custody,
    Device,
    Platform,
    ResponsibilityAssignment,
    SocialAccount,
)
from siyasa.transfer.cells import (
    EXAMPLE_ACCOUNT,
    EXAMPLE_DATE,
    ChoiceCell,
    PhoneCell,
    TextCell,
    cell_for,
    choice_names,
    folded,
    handle_key,
    in_both_languages,
)

EXAMPLE_EMAIL = "sara@example.org"


def column(model, name: str):
    """A column's header: the model field's name, in the language of the page (lazily)."""
    return capfirst(model._meta.get_field(name).verbose_name)


def form_fields(form_class) -> tuple[str, ...]:
    """The fields of a registry's form, in its order: a resource's columns."""
    return tuple(form_class._meta.fields)


class RegistryResource(resources.ModelResource):
    """A registry's columns — the fields of its form, in the form's order — and what an import
    needs: the form that judges each row, the columns a file must have, the record a row is."""

    slug = ""
    form_class: type[OrgModelForm]
    # Columns a file must have: those that say which record a row is.
    required: tuple[str, ...] = ()
    # Which record a row is, for the import page.
    matching: str | Promise = ""
    # Where the registry is listed, to go back to after an import.
    list_url_name = ""
    list_url_anchor = ""

    def __init__(self, org):
        super().__init__()
        self.org = org
        for field in self.fields.values():
            field.widget.bind(self)

    @classmethod
    def field_from_django_field(cls, field_name, django_field, readonly):
        return fields.Field(
            attribute=field_name,
            column_name=capfirst(django_field.verbose_name),
            widget=cell_for(django_field),
            readonly=readonly,
        )

    @property
    def model(self):
        return self._meta.model

    @classmethod
    def get_title(cls) -> str:
        return str(capfirst(cls._meta.model._meta.verbose_name_plural))

    def export(self, queryset=None, **kwargs):
        dataset = super().export(queryset, **kwargs)
        dataset.title = self.get_title()  # the sheet's name in a workbook
        return dataset

    def get_queryset(self):
        return self.model.objects.for_org(self.org)

    def columns(self) -> list[tuple[str, fields.Field]]:
        return [(name, self.fields[name]) for name in self.get_export_order()]

    def header_names(self) -> dict[str, str]:
        """Every header a file may use for each column — Arabic, English or the field's own
        name, in any case — mapped to the column."""
        names = {}
        for name, field in self.columns():
            for header in (*in_both_languages(field.column_name), name.casefold()):
                names[header] = name
        return names

    def header(self, name: str) -> str:
        return str(self.fields[name].column_name)

    # --- exports ---------------------------------------------------------------------------

    def template(self):
        """The headers and one example row, to fill in."""
        dataset = self.export(queryset=self.model.objects.none())
        example = self.get_example()
        dataset.append(
            [
                field.widget.render(example[name])
                if isinstance(example.get(name), bool)
                else str(example.get(name, ""))
                for name, field in self.columns()
            ]
        )
        return dataset

    def get_example(self) -> dict[str, object]:
        return {}

    # --- imports ---------------------------------------------------------------------------

    def resolve(self, values: dict) -> dict:
        """`values` with what the form needs besides its own fields (e.g. the account)."""
        return values

    def key(self, values: dict):
        """What makes two rows of a file the same record, or None when a row does not say."""
        raise NotImplementedError

    def record_key(self, record):
        """The `key` of an existing record."""
        raise NotImplementedError

    @cached_property
    def _records(self) -> dict:
        # One read of the registry, however long the file.
        index = defaultdict(list)
        for record in self.get_queryset():
            index[self.record_key(record)].append(record)
        return index

    def find(self, values: dict):
        """The existing record the row describes, or None for a new one."""
        key = self.key(values)
        matches = self._records.get(key, []) if key is not None else []
        if len(matches) > 1:
            raise ValidationError(self.several(values))
        return matches[0] if matches else None

    def several(self, values: dict) -> str:
        return _("Several records match this row.")

    def form_kwargs(self, values: dict) -> dict:
        return {}

    def make_form(self, data, instance, values: dict):
        kwargs = {"org": self.org, **self.form_kwargs(values)}
        if instance is not None:
            kwargs["instance"] = instance
        return self.form_class(data, **kwargs)

    def bound_form(self, values: dict, instance):
        """The registry's form, filled from the row; a column the file does not have keeps the
        record's value (or the default, for a new record)."""
        data: dict[str, object] = {}
        # Bound to `data` and filled in before it is validated: the form knows the initial values.
        form = self.make_form(data, instance, values)
        for name, field in form.fields.items():
            value = values[name] if name in values else form.get_initial_for_field(field, name)
            data[name] = field.prepare_value(value)
        return form

    # --- the organisation's people and accounts, read once per import ---------------------

    @cached_property
    def _people(self) -> dict[str, dict[str, list[Person]]]:
        index: dict[str, dict[str, list[Person]]] = {
            "email": defaultdict(list),
            "name": defaultdict(list),
        }
        for person in Person.objects.for_org(self.org):
            if person.email:
                index["email"][person.email.casefold()].append(person)
            for name in {person.name, person.name_en} - {""}:
                index["name"][folded(name)].append(person)
        return index

    def people_named(self, text: str) -> list[Person]:
        text = text.strip()
        if "@" in text:
            return self._people["email"].get(text.casefold(), [])
        return self._people["name"].get(folded(text), [])

    def person(self, text: str) -> Person:
        found = self.people_named(text)
        if len(found) > 1:
            raise ValidationError(self._several_people(text))
        if not found:
            raise ValidationError(
                _("Nobody in this organisation's people is “%(value)s”.") % {"value": text}
            )
        return found[0]

    @staticmethod
    def _several_people(text: str) -> str:
        if "@" in text:
            return _("Several people have the e-mail “%(value)s”.") % {"value": text}
        return _("Several people are called “%(value)s”: write their e-mail.") % {"value": text}

    @cached_property
    def _accounts(self) -> dict[tuple[str, str], list[SocialAccount]]:
        index = defaultdict(list)
        for account in SocialAccount.objects.for_org(self.org):
            index[(account.platform, handle_key(account.handle))].append(account)
            index[("", handle_key(account.handle))].append(account)
        return index

    def accounts_matching(self, platform: str, handle: str) -> list[SocialAccount]:
        found = self._accounts.get((platform, handle_key(handle)), [])
        exact = [account for account in found if account.handle == handle.strip()]
        return exact or found

    def account(self, platform: str, handle: str) -> SocialAccount:
        reference = f"{platform} {handle}".strip()
        found = self.accounts_matching(platform, handle) if handle.strip() else []
        if len(found) > 1:
            raise ValidationError(
                _("Several accounts match “%(value)s”: write the platform too.")
                % {"value": reference}
            )
        if not found:
            raise ValidationError(
                _("This organisation has no account “%(value)s”.") % {"value": reference}
            )
        return found[0]

    def account_by_reference(self, reference: str) -> SocialAccount:
        """An account written as "platform handle", or as its handle alone when that is enough."""
        first, _space, rest = reference.strip().partition(" ")
        if not rest:
            return self.account("", first)
        return self.account(self._platforms.get(folded(first), first), rest)

    @cached_property
    def _platforms(self) -> dict[str, str]:
        return choice_names(Platform.choices)


class _AccountRowResource(RegistryResource):
    """A registry whose rows hang under one account, named by its platform and handle."""

    platform = fields.Field(
        attribute="account__platform",
        column_name=column(SocialAccount, "platform"),
        widget=ChoiceCell(Platform.choices),
    )
    handle = fields.Field(
        attribute="account__handle",
        column_name=column(SocialAccount, "handle"),
        widget=TextCell(),
    )

    def get_queryset(self):
        return super().get_queryset().select_related("account")

    def resolve(self, values: dict) -> dict:
        return {**values, "account": self.account(values["platform"], values["handle"])}

    def form_kwargs(self, values: dict) -> dict:
        return {"account": values["account"]}


class PersonResource(RegistryResource):
    slug = "people"
    matching = gettext_lazy(
        "A row is the person with the same e-mail, whatever its case, or without an e-mail "
        "the person with the same name; any other row adds a person."
    )
    form_class = PersonForm
    required = ("name",)
    list_url_name = "person_list"
    phone = fields.Field(attribute="phone", column_name=column(Person, "phone"), widget=PhoneCell())

    class Meta:
        model = Person
        fields = form_fields(PersonForm)

    def get_example(self):
        return {
            "name": "سارة العتيبي",
            "name_en": "Sara Alotaibi",
            "kind": Person.Kind.STAFF,
            "job_title": _("Digital media manager"),
            "email": EXAMPLE_EMAIL,
            "phone": "+966 50 123 4567",
            "status": Person.Status.ACTIVE,
            "language": "ar",
        }

    def key(self, values):
        # People are matched by e-mail, whatever its case, and by name when they have none.
        if values.get("email"):
            return ("email", values["email"].casefold())
        return ("name", folded(values["name"])) if values.get("name") else None

    def find(self, values):
        text = values.get("email") or values.get("name")
        matches = self.people_named(text) if text else []
        if len(matches) > 1:
            raise ValidationError(self._several_people(text))
        return matches[0] if matches else None


class SocialAccountResource(RegistryResource):
    slug = "accounts"
    matching = gettext_lazy(
        "A row is the account with the same platform and handle; any other row adds an account."
    )
    form_class = SocialAccountForm
    required = ("platform", "handle")
    list_url_name = "account_list"

    class Meta:
        model = SocialAccount
        fields = form_fields(SocialAccountForm)

    def get_queryset(self):
        return super().get_queryset().select_related("owner")

    def get_example(self):
        return {
            "platform": "x",
            "handle": "@example",
            "url": "https://x.com/example",
            "purpose_ar": "الحساب الرسمي للجمعية",
            "purpose_en": "The charity's official account",
            "audience_language": SocialAccount.Audience.BOTH,
            "status": SocialAccount.Status.ACTIVE,
            "owner": EXAMPLE_EMAIL,
        }

    def key(self, values):
        if not values.get("handle"):
            return None
        return (values.get("platform"), handle_key(values["handle"]))

    def find(self, values):
        if not values.get("platform") or not values.get("handle"):
            return None
        matches = self.accounts_matching(values["platform"], values["handle"])
        if len(matches) > 1:
            raise ValidationError(
                _("Several accounts match “%(value)s”: write the handle exactly.")
                % {"value": values["handle"]}
            )
        return matches[0] if matches else None


class AccessGrantResource(_AccountRowResource):
    slug = "grants"
    matching = gettext_lazy(
        "A row is what one person may do on one registered account; a new pair gives access."
    )
    form_class = AccessGrantForm
    required = ("platform", "handle", "person")
    list_url_name = "account_list"

    class Meta:
        model = AccessGrant
        fields = ("platform", "handle", *form_fields(AccessGrantForm))

    def get_queryset(self):
        return super().get_queryset().select_related("person")

    def get_example(self):
        return {
            "platform": "x",
            "handle": "@example",
            "person": EXAMPLE_EMAIL,
            "can_publish": True,
            "can_reply": True,
            "can_advertise": False,
            "can_analyse": False,
            "is_admin": False,
        }

    def key(self, values):
        person = values.get("person")
        return (values["account"].pk, person.pk) if person else None

    def record_key(self, record):
        return (record.account_id, record.person_id)


class CustodyResource(_AccountRowResource):
    slug = "custody"
    matching = gettext_lazy("A row is the custody of one registered account.")
    form_class = CustodyForm
    required = ("platform", "handle")
    list_url_name = "account_list"

    class Meta:
        model = Custody
        fields = ("platform", "handle", *form_fields(CustodyForm))

    recovery_phone = fields.Field(
        attribute="recovery_phone",
        column_name=column(Custody, "recovery_phone"),
        widget=PhoneCell(),
    )

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("custodian", "backup_custodian", "two_factor_holder", "recovery_owner")
        )

    def get_example(self):
        return {
            "platform": "x",
            "handle": "@example",
            "custodian": EXAMPLE_EMAIL,
            "vault_label": _("Team vault › Social › X"),
            "rotation_days": "90",
            "last_rotated_on": EXAMPLE_DATE,
            "two_factor_method": "app",
            "two_factor_holder": EXAMPLE_EMAIL,
            "recovery_owner": EXAMPLE_EMAIL,
            "recovery_email": "social@example.org",
            "recovery_phone": "+966 50 123 4567",
        }

    def key(self, values):
        return values["account"].pk

    def record_key(self, record):
        return record.account_id


class DeviceResource(RegistryResource):
    slug = "devices"
    matching = gettext_lazy(
        "A row is the device with the same name; any other row registers a device."
    )
    form_class = DeviceForm
    required = ("name",)
    list_url_name = "device_list"

    phone_number = fields.Field(
        attribute="phone_number",
        column_name=column(Device, "phone_number"),
        widget=PhoneCell(),
    )

    class Meta:
        model = Device
        fields = form_fields(DeviceForm)

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("assignee", "updater")
            .prefetch_related("accounts")
        )

    def get_example(self):
        return {
            "name": _("Media team phone 1"),
            "kind": Device.Kind.PHONE,
            "org_owned": True,
            "assignee": EXAMPLE_EMAIL,
            "accounts": EXAMPLE_ACCOUNT,
            "updater": EXAMPLE_EMAIL,
            "phone_number": "+966 50 123 4567",
        }

    def key(self, values):
        return folded(values["name"]) if values.get("name") else None

    def record_key(self, record):
        return folded(record.name)

    def several(self, values):
        return _("Several devices are called “%(value)s”: give each its own name first.") % {
            "value": values["name"]
        }


class ConnectedAppResource(_AccountRowResource):
    """R2.10: apps and tools connected to the accounts."""

    slug = "connections"
    matching = gettext_lazy(
        "A row is one app connected to one registered account; a new pair records a connection."
    )
    form_class = ConnectedAppForm
    required = ("platform", "handle", "name")
    list_url_name = "account_list"

    class Meta:
        model = ConnectedApp
        fields = ("platform", "handle", *form_fields(ConnectedAppForm))

    def get_queryset(self):
        return super().get_queryset().select_related("approved_by", "owner")

    def get_example(self):
        return {
            "platform": "x",
            "handle": "@example",
            "name": "Buffer",
            "purpose": _("Scheduling posts"),
            "approved_by": EXAMPLE_EMAIL,
            "connected_on": EXAMPLE_DATE,
            "reviewed_on": EXAMPLE_DATE,
            "owner": EXAMPLE_EMAIL,
        }

    def key(self, values):
        return (values["account"].pk, folded(values["name"])) if values.get("name") else None

    def record_key(self, record):
        return (record.account_id, folded(record.name))


class ResponsibilityResource(RegistryResource):
    slug = "responsibilities"
    matching = gettext_lazy(
        "A row is one responsibility held by one person; a new pair assigns it."
    )
    form_class = ResponsibilityForm
    required = ("area", "person")
    list_url_name = "responsibility_list"

    class Meta:
        model = ResponsibilityAssignment
        fields = form_fields(ResponsibilityForm)

    def get_queryset(self):
        return super().get_queryset().select_related("person").prefetch_related("accounts")

    def get_example(self):
        return {"area": "publishing", "person": EXAMPLE_EMAIL, "accounts": EXAMPLE_ACCOUNT}

    def key(self, values):
        person = values.get("person")
        return (values.get("area"), person.pk) if person else None

    def record_key(self, record):
        return (record.area, record.person_id)


class EmergencyContactResource(RegistryResource):
    slug = "contacts"
    matching = gettext_lazy(
        "A row is one crisis role held by one person; a new pair adds a contact."
    )
    form_class = EmergencyContactForm
    required = ("role", "person")
    list_url_name = "crisis_plan"
    list_url_anchor = "#contacts"

    class Meta:
        model = EmergencyContact
        fields = form_fields(EmergencyContactForm)

    def get_queryset(self):
        return super().get_queryset().select_related("person", "backup")

    def get_example(self):
        return {"role": "public_relations", "person": EXAMPLE_EMAIL, "verified_on": EXAMPLE_DATE}

    def key(self, values):
        person = values.get("person")
        return (values.get("role"), person.pk) if person else None

    def record_key(self, record):
        return (record.role, record.person_id)


class ConsentResource(RegistryResource):
    """R4.2: the consent registry, for those who keep it (its capability guards the files)."""

    slug = "consents"
    matching = gettext_lazy(
        "A row is the consent with the same name or reference; any other row records a consent."
    )
    form_class = ConsentForm
    required = ("name", "valid_from")
    list_url_name = "consent_list"

    class Meta:
        model = Consent
        fields = form_fields(ConsentForm)

    def get_queryset(self):
        return super().get_queryset().prefetch_related("accounts")

    def get_example(self):
        return {
            "name": "أم خالد",
            "subject": Consent.Subject.BENEFICIARY,
            "is_minor": False,
            "consents_photo": True,
            "consents_video": False,
            "consents_name": True,
            "consents_story": True,
            "consents_voice": False,
            "all_accounts": False,
            "accounts": EXAMPLE_ACCOUNT,
            "valid_from": EXAMPLE_DATE,
            "valid_until": "",
            "given_by": Consent.GivenBy.PERSON,
            "guardian_name": "",
            "form_reference": _("Consent binder 2026 › page 14"),
        }

    def key(self, values):
        return folded(values["name"]) if values.get("name") else None

    def record_key(self, record):
        return folded(record.name)

    def several(self, values):
        return _("Several consents are recorded for “%(value)s”: give each its own reference.") % {
            "value": values["name"]
        }


RESOURCES: dict[str, type[RegistryResource]] = {
    resource.slug: resource
    for resource in (
        PersonResource,
        SocialAccountResource,
        AccessGrantResource,
        CustodyResource,
        ConnectedAppResource,
        DeviceResource,
        ResponsibilityResource,
        EmergencyContactResource,
        ConsentResource,
    )
}


def resource_for(registry: str, org) -> RegistryResource:
    return RESOURCES[registry](org)
