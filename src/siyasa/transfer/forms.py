"""The upload form of an import (it reads the file into a table) and the confirmation."""

from django import forms
from django.utils.translation import gettext_lazy as _

from siyasa.transfer import files


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV or Excel file"),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )

    def __init__(self, *args, resource, **kwargs):
        super().__init__(*args, **kwargs)
        self.resource = resource
        self.table = None
        self.fields["file"].help_text = _(
            "Up to %(size)s MB and %(rows)s rows; headers in Arabic or English."
        ) % {"size": files.MAX_BYTES // (1024 * 1024), "rows": files.MAX_ROWS}

    def clean_file(self):
        upload = self.cleaned_data["file"]
        self.table = files.read_table(upload, self.resource)
        return upload


class ConfirmForm(forms.Form):
    # The preview's table is kept in the session; its digest says which preview is confirmed.
    digest = forms.CharField(max_length=64, widget=forms.HiddenInput)
