"""The forms of the quiz: an editor's question, the quiz settings, and one draw's answers."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from siyasa.core.forms import OrgModelForm
from siyasa.training.bank import DEFAULT_BANK
from siyasa.training.models import CustomQuestion, TrainingSettings
from siyasa.training.selectors import custom_as_question


class CustomQuestionForm(OrgModelForm):
    class Meta:
        model = CustomQuestion
        fields = [
            "section",
            "kind",
            "text_ar",
            "text_en",
            "answers_ar",
            "answers_en",
            "explanation_ar",
            "explanation_en",
        ]
        help_texts = {
            "answers_ar": _("One answer per line. Start each right answer with “*”."),
            "answers_en": _("The same answers in the same order, or leave it empty."),
        }
        widgets = {
            "answers_ar": forms.Textarea(attrs={"rows": 4}),
            "answers_en": forms.Textarea(attrs={"rows": 4, "dir": "ltr"}),
            "explanation_ar": forms.Textarea(attrs={"rows": 3}),
            "explanation_en": forms.Textarea(attrs={"rows": 3, "dir": "ltr"}),
            "text_en": forms.TextInput(attrs={"dir": "ltr"}),
        }

    def clean(self):
        data = super().clean()
        if not self.errors and custom_as_question(self.instance_from(data)) is None:
            raise ValidationError(
                _("Mark at least one answer right with “*” and leave at least one wrong.")
            )
        if data.get("answers_en") and len(
            [line for line in data["answers_en"].splitlines() if line.strip()]
        ) != len([line for line in data.get("answers_ar", "").splitlines() if line.strip()]):
            self.add_error("answers_en", _("Give as many English answers as Arabic ones."))
        return data

    def instance_from(self, data) -> CustomQuestion:
        return CustomQuestion(**{name: data.get(name, "") for name in self.Meta.fields})


class TrainingSettingsForm(forms.Form):
    pass_mark = forms.IntegerField(label=_("Pass mark (%)"), min_value=1, max_value=100)
    question_count = forms.IntegerField(label=_("Questions per quiz"), min_value=3, max_value=30)
    hidden_defaults = forms.MultipleChoiceField(
        label=_("Shipped questions to leave out"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        arabic = get_language() == "ar"
        self.fields["hidden_defaults"].choices = [
            (q.key, q.text[0] if arabic else q.text[1]) for q in DEFAULT_BANK
        ]

    @classmethod
    def initial_for(cls, row: TrainingSettings) -> dict:
        return {
            "pass_mark": row.pass_mark,
            "question_count": row.question_count,
            "hidden_defaults": row.hidden_defaults,
        }


def answers_from(post, attempt) -> dict[str, list[str]]:
    """Question key -> the answer ids ticked, from the quiz form (`q-<n>` per question)."""
    return {
        question["key"]: post.getlist(f"q-{n}")[:20] for n, question in enumerate(attempt.questions)
    }
