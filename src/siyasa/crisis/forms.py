"""Forms for the crisis plan (contacts, levels, playbooks) and the crisis room (incidents)."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from siyasa.core.forms import OrgModelForm, TextGuard
from siyasa.crisis import assessment
from siyasa.crisis.models import (
    Approval,
    CrisisRole,
    EmergencyContact,
    Incident,
    Playbook,
    SeverityLevel,
)
from siyasa.orgs.models import Person
from siyasa.registry.models import SocialAccount

AR = {"dir": "rtl", "lang": "ar"}
EN = {"dir": "ltr", "lang": "en"}


class EmergencyContactForm(OrgModelForm):
    class Meta:
        model = EmergencyContact
        fields = ["role", "person", "backup", "verified_on"]
        widgets = {"verified_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def clean(self):
        data = super().clean()
        if data.get("person") and data.get("person") == data.get("backup"):
            self.add_error("backup", _("The backup must be someone else."))
        verified = data.get("verified_on")
        if verified and verified > timezone.localdate():
            self.add_error("verified_on", _("This date cannot be in the future."))
        return data


def _roles_field(label, help_text, *, required: bool):
    return forms.MultipleChoiceField(
        label=label,
        help_text=help_text,
        choices=CrisisRole.choices,
        widget=forms.CheckboxSelectMultiple,
        required=required,
    )


class SeverityLevelForm(OrgModelForm):
    notify_roles = _roles_field(
        _("Who is alerted"),
        _("The emergency contacts of these roles, and their backups, get an e-mail at once."),
        required=False,
    )
    approval_roles = _roles_field(
        _("Who approves a public response"),
        _("Every one of these roles must approve the exact text before it is published."),
        required=True,
    )

    class Meta:
        model = SeverityLevel
        fields = [
            "rank",
            "name_ar",
            "name_en",
            "criteria_ar",
            "criteria_en",
            "notify_roles",
            "approval_roles",
            "min_approvers",
            "internal_comms_ar",
            "internal_comms_en",
            "holding_statement_ar",
            "holding_statement_en",
        ]
        widgets = {
            "name_ar": forms.TextInput(attrs=AR),
            "name_en": forms.TextInput(attrs=EN),
            "criteria_ar": forms.Textarea(attrs={**AR, "rows": 4}),
            "criteria_en": forms.Textarea(attrs={**EN, "rows": 4}),
            "internal_comms_ar": forms.Textarea(attrs={**AR, "rows": 4}),
            "internal_comms_en": forms.Textarea(attrs={**EN, "rows": 4}),
            "holding_statement_ar": forms.Textarea(attrs={**AR, "rows": 3}),
            "holding_statement_en": forms.Textarea(attrs={**EN, "rows": 3}),
        }
        help_texts = {
            "internal_comms_ar": _("Who tells whom, through which channel, how often."),
            "holding_statement_ar": _("A first public response, ready to adapt and approve."),
        }

    def clean_rank(self):
        rank = self.cleaned_data["rank"]
        if not 1 <= rank <= 9:
            raise forms.ValidationError(_("Choose a rank from 1 to 9."))
        return rank

    def _in_role_order(self, name):
        chosen = set(self.cleaned_data.get(name) or [])
        return [role for role in CrisisRole.values if role in chosen]

    def clean_notify_roles(self):
        return self._in_role_order("notify_roles")

    def clean_approval_roles(self):
        return self._in_role_order("approval_roles")


class PlaybookForm(OrgModelForm):
    class Meta:
        model = Playbook
        fields = ["kind", "title_ar", "title_en", "steps_ar", "steps_en"]
        widgets = {
            "title_ar": forms.TextInput(attrs=AR),
            "title_en": forms.TextInput(attrs=EN),
            "steps_ar": forms.Textarea(attrs={**AR, "rows": 14}),
            "steps_en": forms.Textarea(attrs={**EN, "rows": 14}),
        }
        help_texts = {
            "steps_ar": _(
                "One step per line, numbered (1. …); **bold** for the words that matter."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            # The kind is what the crisis room looks a playbook up by: fixed once created.
            self.fields["kind"].disabled = True


def _people(org):
    return Person.objects.for_org(org).filter(status=Person.Status.ACTIVE)


class RankedRadioSelect(forms.RadioSelect):
    """Radio buttons that tell app.js the severity rank of each answer (live suggestion)."""

    def __init__(self, *args, ranks: dict[str, int], **kwargs):
        super().__init__(*args, **kwargs)
        self.ranks = ranks

    def create_option(self, name, value, *args, **kwargs):
        option = super().create_option(name, value, *args, **kwargs)
        option["attrs"]["data-rank"] = self.ranks.get(value, 1)
        return option


class LevelSelect(forms.Select):
    def create_option(self, name, value, *args, **kwargs):
        option = super().create_option(name, value, *args, **kwargs)
        level = getattr(value, "instance", None)
        if level is not None:
            option["attrs"]["data-rank"] = level.rank
        return option


class DeclareForm(TextGuard, forms.Form):
    """The scope assessment (R3.2) and the declaration, on one page."""

    kind = forms.ChoiceField(
        label=_("What kind of crisis?"),
        choices=Incident.Kind.choices,
        widget=forms.RadioSelect,
        initial=Incident.Kind.COMMUNICATION,
    )
    summary = forms.CharField(
        label=_("What is happening?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("A sentence or two: what, where, since when."),
    )
    level = forms.ModelChoiceField(
        label=_("Level"), queryset=SeverityLevel.objects.none(), widget=LevelSelect
    )
    level_reason = forms.CharField(
        label=_("Why this level?"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Needed when you choose another level than the suggested one."),
    )
    lead = forms.ModelChoiceField(
        label=_("Incident lead"),
        queryset=Person.objects.none(),
        help_text=_("One person who decides and keeps the timeline going."),
    )
    accounts = forms.ModelMultipleChoiceField(
        label=_("Affected accounts"),
        queryset=SocialAccount.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, org, **kwargs):
        super().__init__(*args, **kwargs)
        self.org = org
        self.levels = list(SeverityLevel.objects.for_org(org))
        self.fields["level"].queryset = SeverityLevel.objects.for_org(org)
        self.fields["lead"].queryset = _people(org)
        self.fields["accounts"].queryset = SocialAccount.objects.for_org(org).exclude(
            status=SocialAccount.Status.RETIRED
        )
        self.questions = []
        for question in assessment.QUESTIONS:
            name = f"q_{question.key}"
            self.fields[name] = forms.ChoiceField(
                label=question.label,
                choices=[(a.key, a.label) for a in question.answers],
                widget=RankedRadioSelect(ranks={a.key: a.rank for a in question.answers}),
                initial=question.answers[0].key,
            )
            self.questions.append(self[name])

    def answers(self) -> dict[str, str]:
        """The answers given (or offered, on an unbound form), valid ones only."""
        answers: dict[str, str] = {}
        for question in assessment.QUESTIONS:
            name = f"q_{question.key}"
            if self.is_bound:
                value = self.data.get(name)
            else:
                value = self.initial.get(name, self.fields[name].initial)
            answer = question.answer(value or "")
            if answer:
                answers[question.key] = answer.key
        return answers

    def suggestion(self):
        result = assessment.suggest(self.answers())
        return result, assessment.level_for(result.rank, self.levels)

    def clean(self):
        data = super().clean()
        _result, suggested = self.suggestion()
        level = data.get("level")
        if level and suggested and level != suggested and not data.get("level_reason", "").strip():
            self.add_error(
                "level_reason",
                _("You chose another level than the suggested one: please say why."),
            )
        return data


class EntryForm(TextGuard, forms.Form):
    text = forms.CharField(
        label=_("Add to the timeline"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("What you saw, did or decided. Entries are never edited: correct one instead."),
    )
    corrects = forms.IntegerField(required=False, widget=forms.HiddenInput)


class TaskForm(TextGuard, forms.Form):
    title = forms.CharField(label=_("Task"), max_length=300)
    owner = forms.ModelChoiceField(
        label=pgettext_lazy("of a task", "Owner"), queryset=Person.objects.none(), required=False
    )

    def __init__(self, *args, org, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = _people(org)


class StatementForm(TextGuard, forms.Form):
    text_ar = forms.CharField(
        label=_("Text (Arabic)"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={**AR, "rows": 4}),
    )
    text_en = forms.CharField(
        label=_("Text (English)"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={**EN, "rows": 4}),
    )
    # The version the writer started from: a change by someone else in between is refused.
    seen_version = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)

    def clean(self):
        data = super().clean()
        if not (data.get("text_ar", "").strip() or data.get("text_en", "").strip()):
            raise forms.ValidationError(_("Write the statement in at least one language."))
        return data


class DecisionForm(TextGuard, forms.Form):
    role = forms.ChoiceField(choices=CrisisRole.choices, widget=forms.HiddenInput)
    decision = forms.ChoiceField(choices=Approval.Decision.choices)
    comment = forms.CharField(label=_("Comment"), max_length=2000, required=False)
    seen_version = forms.IntegerField(min_value=1, widget=forms.HiddenInput)


class LevelChangeForm(TextGuard, forms.Form):
    level = forms.ModelChoiceField(label=_("New level"), queryset=SeverityLevel.objects.none())
    reason = forms.CharField(label=_("Why"), max_length=1000)

    def __init__(self, *args, org, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["level"].queryset = SeverityLevel.objects.for_org(org)


class LeadForm(forms.Form):
    lead = forms.ModelChoiceField(label=_("New incident lead"), queryset=Person.objects.none())

    def __init__(self, *args, org, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lead"].queryset = _people(org)


class CloseForm(TextGuard, forms.Form):
    review_happened = forms.CharField(
        label=_("What happened"), max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )
    review_worked = forms.CharField(
        label=_("What worked"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    review_changes = forms.CharField(
        label=_("What we will change"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("A change to the policy? Say it here; the policy draft is one click away."),
    )
