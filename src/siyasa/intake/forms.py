"""The upload form of an existing policy."""

from django import forms
from django.utils.translation import gettext_lazy as _

# The largest file read (10 MB); a bigger request is refused before its body is read (views).
MAX_BYTES = 10 * 1024 * 1024
ACCEPT = ".docx,.pdf,.md,.txt,.html"


def too_big_message() -> str:
    return _("The file is larger than %(size)s MB. Upload a smaller file.") % {
        "size": MAX_BYTES // (1024 * 1024)
    }


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
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(too_big_message())
        return upload
