"""How a registry's cells are written for a person to read and read back as the values its form
takes (django-import-export widgets); people and accounts are looked up through the resource."""

import re

from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.db import models
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export import widgets

from siyasa.core.forms import fold_digits
from siyasa.core.phones import international
from siyasa.orgs.models import Person
from siyasa.registry.models import SocialAccount

# Several accounts in one cell: "x @example; instagram @example".
ACCOUNT_SEPARATOR = "; "
EXAMPLE_DATE = "2025-01-15"
EXAMPLE_ACCOUNT = "x @example"
YES, NO = gettext_lazy("Yes"), gettext_lazy("No")


def listing(items) -> str:
    return ("، " if translation.get_language() == "ar" else ", ").join(str(item) for item in items)


def folded(text: str) -> str:
    return " ".join(text.split()).casefold()


def in_both_languages(text) -> set[str]:
    found = set()
    for language in ("ar", "en"):
        with translation.override(language):
            found.add(folded(str(text)))
    return found


def choice_names(choices) -> dict[str, str]:
    """Each choice's value by the ways a person may write it: the value itself, or its label in
    either language, in any case."""
    names = {}
    for value, label in choices:
        names.update(dict.fromkeys(in_both_languages(label), value))
    names.update({str(value).casefold(): value for value, _label in choices})
    return names


def account_reference(account: SocialAccount) -> str:
    return f"{account.platform} {account.handle}"


def handle_key(handle: str) -> str:
    return handle.strip().lstrip("@").casefold()


class Cell(widgets.Widget):
    """One column's cells: `render` writes a value for a person to read; `clean` reads a cell
    back as the value the registry's form takes. Lookups go through the bound resource, whose
    people and accounts are those of one organisation."""

    resource = None

    def bind(self, resource) -> None:
        self.resource = resource

    def render(self, value, obj=None, **kwargs) -> str:
        return "" if value is None else str(value)

    def clean(self, value, row=None, **kwargs):
        return value

    def describe(self) -> str:
        """What a cell of this column holds, for the import page."""
        return ""


class TextCell(Cell):
    pass


class NumberCell(Cell):
    def clean(self, value, row=None, **kwargs):
        return fold_digits(value)

    def describe(self) -> str:
        return _("A whole number.")


class PhoneCell(Cell):
    def render(self, value, obj=None, **kwargs) -> str:
        return international(value) if value else ""

    def describe(self) -> str:
        return _("A phone number, e.g. +966 50 123 4567 or 050 123 4567.")


class DateCell(Cell):
    def render(self, value, obj=None, **kwargs) -> str:
        return value.isoformat() if value else ""

    def clean(self, value, row=None, **kwargs):
        return fold_digits(value)

    def describe(self) -> str:
        return _("A date, e.g. %(example)s.") % {"example": EXAMPLE_DATE}


class YesNoCell(Cell):
    def render(self, value, obj=None, **kwargs) -> str:
        return str(YES if value else NO)

    @cached_property
    def words(self) -> dict[str, bool]:
        return {
            **dict.fromkeys({"", "0", "false", "n", *in_both_languages(NO)}, False),
            **dict.fromkeys({"1", "true", "y", *in_both_languages(YES)}, True),
        }

    def clean(self, value, row=None, **kwargs):
        try:
            return self.words[folded(value)]
        except KeyError:
            raise ValidationError(
                _("Write “%(yes)s” or “%(no)s”.") % {"yes": YES, "no": NO}
            ) from None

    def describe(self) -> str:
        return _("“%(yes)s” or “%(no)s”; empty means no.") % {"yes": YES, "no": NO}


class ChoiceCell(Cell):
    def __init__(self, choices):
        super().__init__()
        self.choices = list(choices)

    @cached_property
    def names(self) -> dict[str, str]:
        return choice_names(self.choices)

    def clean(self, value, row=None, **kwargs):
        # Any other text goes to the form unchanged, for it to refuse in its own words.
        return self.names.get(folded(value), value)

    def describe(self) -> str:
        listed = listing(f"{value} ({label})" for value, label in self.choices)
        return _("One of: %(choices)s.") % {"choices": listed}


class PersonCell(Cell):
    def render(self, value, obj=None, **kwargs) -> str:
        return "" if value is None else value.email or value.name

    def clean(self, value, row=None, **kwargs):
        return self.resource.person(value) if value else None

    def describe(self) -> str:
        return _("A person's e-mail, or their name if they have none.")


class AccountsCell(Cell):
    def render(self, value, obj=None, **kwargs) -> str:
        return ACCOUNT_SEPARATOR.join(account_reference(account) for account in value.all())

    def clean(self, value, row=None, **kwargs):
        accounts, errors = [], []
        for reference in re.split(r"[;\n]", value):
            if not reference.strip():
                continue
            try:
                accounts.append(self.resource.account_by_reference(reference))
            except ValidationError as error:
                errors.extend(error.messages)
        if errors:
            raise ValidationError(errors)
        return accounts

    def describe(self) -> str:
        return _(
            "Accounts as platform and handle, separated by “;”, e.g. “%(example)s”. "
            "Empty means none."
        ) % {"example": f"{EXAMPLE_ACCOUNT}; instagram @example"}


def cell_for(model_field) -> Cell:
    if model_field.many_to_many and model_field.related_model is SocialAccount:
        return AccountsCell()
    if model_field.is_relation:
        if model_field.related_model is not Person:
            raise ImproperlyConfigured(f"No cell for {model_field}")
        return PersonCell()
    if model_field.choices:
        return ChoiceCell(model_field.choices)
    if isinstance(model_field, models.BooleanField):
        return YesNoCell()
    if isinstance(model_field, models.DateField):
        return DateCell()
    if isinstance(model_field, models.IntegerField):
        return NumberCell()
    return TextCell()
