"""The upload form of an existing policy."""

from django import forms
from django.utils.translation import gettext_lazy as _

from siyasa.intake.extract import MAX_UPLOAD_BYTES, too_big_message

ACCEPT = ".docx,.pdf,.md,.txt,.html"


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Your policy"),
        help_text=_(
            "A Word, PDF, Markdown, text or HTML file of up to 10 MB, in Arabic, English or both. "
            "Siyasa keeps the passages it reads, not the file."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(too_big_message())
        return upload
