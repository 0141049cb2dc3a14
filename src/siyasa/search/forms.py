from django import forms
from django.utils.translation import gettext_lazy as _

from siyasa.search.selectors import MAX_QUERY


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        max_length=MAX_QUERY,
        required=False,
        strip=True,
        error_messages={"max_length": _("Search for at most %(limit_value)d characters.")},
    )
