"""The history page's filters, read from the query string, and the form that takes a secret out
of the history."""

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from siyasa.audit.selectors import MODELS, Filters

# Far enough apart for any history, near enough that the day's bounds convert to UTC safely.
FIRST_DAY, LAST_DAY = datetime.date(2000, 1, 1), datetime.date(2999, 12, 31)


def _kinds() -> list[tuple[str, str]]:
    return sorted(
        ((key, str(model._meta.verbose_name)) for key, model in MODELS.items()),
        key=lambda choice: choice[1],
    )


class HistoryFilterForm(forms.Form):
    """`?model=registry.custody&object=12&user=3&from=2025-01-01&to=2025-01-31`, all optional."""

    model = forms.ChoiceField(label=_("Kind of record"), required=False)
    user = forms.TypedChoiceField(
        label=_("Changed by"), required=False, coerce=int, empty_value=None
    )
    object = forms.IntegerField(
        required=False, min_value=1, max_value=2**63 - 1, widget=forms.HiddenInput
    )

    def __init__(self, data, *, users: list[tuple[int, str]]):
        super().__init__(data)
        for name, choices in (
            ("model", [("", _("All kinds")), *_kinds()]),
            ("user", [("", _("Anyone")), *users]),
        ):
            field = self.fields[name]
            assert isinstance(field, forms.ChoiceField)
            field.choices = choices
        # "from" is a Python keyword, so these two are added by name.
        date = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
        self.fields["from"] = forms.DateField(
            label=_("From"), required=False, widget=date, input_formats=["%Y-%m-%d"]
        )
        self.fields["to"] = forms.DateField(
            label=_("To"), required=False, widget=date, input_formats=["%Y-%m-%d"]
        )

    def clean(self):
        data = super().clean()
        if data.get("object") and not data.get("model"):
            self.add_error("model", _("Choose the kind of record this object is."))
        since, until = data.get("from"), data.get("to")
        for name, day in (("from", since), ("to", until)):
            if day and not FIRST_DAY <= day <= LAST_DAY:
                self.add_error(name, _("Choose a date between the years 2000 and 2999."))
                since = until = None
        if since and until and since > until:
            self.add_error("to", _("The end date is before the start date."))
        return data

    def filters(self) -> Filters:
        data = self.cleaned_data
        return Filters(
            model=data.get("model") or "",
            user_id=data.get("user"),
            since=data.get("from"),
            until=data.get("to"),
            object_id=data.get("object"),
        )


class PurgeForm(forms.Form):
    """Which record's history, and the text to take out of it (R2.8)."""

    model = forms.ChoiceField(label=_("Kind of record"))
    object = forms.IntegerField(label=_("Record number"), min_value=1, max_value=2**63 - 1)
    # A password field: the secret is not shown on the screen, nor sent back on an error.
    text = forms.CharField(
        label=_("The text to remove"),
        max_length=20000,
        strip=False,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "off"}),
        help_text=_(
            "Paste the password, code or token exactly as the history shows it. It is replaced "
            "with “[removed]” in every recorded state of this record, and kept nowhere."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["model"].choices = _kinds()
