"""The post check's form (the draft is read, never saved) and the organisation's own terms."""

from django import forms
from django.utils.translation import gettext_lazy as _

from siyasa.core.forms import OrgModelForm
from siyasa.postcheck.analyser import MAX_LENGTH
from siyasa.postcheck.models import Lexicon
from siyasa.registry.models import SocialAccount


class CheckForm(forms.Form):
    text = forms.CharField(
        label=_("Your draft"),
        max_length=MAX_LENGTH,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 8, "dir": "auto"}),
        help_text=_("Arabic, English or both. Nothing you paste here is saved."),
    )
    account = forms.ModelChoiceField(
        label=_("Account it is for"),
        queryset=SocialAccount.objects.none(),
        required=False,
        empty_label=_("Not chosen"),
    )

    def __init__(self, *args, org, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["account"].queryset = SocialAccount.objects.for_org(org).exclude(
            status=SocialAccount.Status.RETIRED
        )


class LexiconForm(OrgModelForm):
    class Meta:
        model = Lexicon
        fields = ["confidential_terms", "hate_speech_terms", "threat_terms", "harassment_terms"]
