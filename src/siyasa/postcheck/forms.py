"""The post check's form (the draft is read, never saved), asking for a review of it (then it is
kept, once refused if it holds a secret), the reviewer's answer, and the organisation's own terms."""

from django import forms
from django.utils.translation import gettext_lazy as _

from siyasa.core.forms import OrgModelForm, TextGuard
from siyasa.postcheck.analyser import MAX_LENGTH
from siyasa.postcheck.models import Lexicon, ReviewRequest
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


class AskReviewForm(TextGuard, CheckForm):
    """The same draft and account, kept this time: what looks like a password is refused."""


class DecideReviewForm(TextGuard, forms.Form):
    decision = forms.ChoiceField(
        label=_("Your decision"),
        choices=[(s.value, s.label) for s in ReviewRequest.DECISIONS],
    )
    note = forms.CharField(
        label=_("Note to whoever asked"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"}),
        help_text=_("What to change, or why. Removed with the draft."),
    )


class LexiconForm(OrgModelForm):
    class Meta:
        model = Lexicon
        fields = ["confidential_terms", "hate_speech_terms", "threat_terms", "harassment_terms"]
