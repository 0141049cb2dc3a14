"""Training (R1.3 i): the organisation's own questions, its quiz settings, and every attempt."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from siyasa.core.tenancy import OrgOwned, OrgQuerySet
from siyasa.policy.catalogue import SECTIONS

SECTION_CHOICES = [(section.key, section.title) for section in SECTIONS]
DEFAULT_PASS_MARK = 80
DEFAULT_QUESTION_COUNT = 10


class QuestionKind(models.TextChoices):
    SINGLE = "single", _("One right answer")
    MULTIPLE = "multiple", _("Several right answers")


class TrainingSettings(OrgOwned):
    """How the organisation's quiz is set: one row per organisation, made when first changed."""

    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"),
        default=DEFAULT_PASS_MARK,
        help_text=_("The share of questions a member must answer right to pass."),
    )
    question_count = models.PositiveSmallIntegerField(
        _("questions per quiz"), default=DEFAULT_QUESTION_COUNT
    )
    # Default questions this organisation has switched off (their keys in `bank.DEFAULT_BANK`).
    hidden_defaults = models.JSONField(default=list, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("training settings")
        verbose_name_plural = _("training settings")
        constraints = [
            models.UniqueConstraint(fields=["organization"], name="one_training_settings_per_org"),
            models.CheckConstraint(
                condition=models.Q(pass_mark__gte=1, pass_mark__lte=100),
                name="pass_mark_is_a_percentage",
            ),
            models.CheckConstraint(
                condition=models.Q(question_count__gte=3, question_count__lte=30),
                name="question_count_in_range",
            ),
        ]


class CustomQuestion(OrgOwned):
    """A question an editor wrote for this organisation, beside the shipped ones."""

    section = models.CharField(_("policy section"), max_length=20, choices=SECTION_CHOICES)
    kind = models.CharField(
        _("kind"), max_length=10, choices=QuestionKind.choices, default=QuestionKind.SINGLE
    )
    text_ar = models.CharField(_("question (Arabic)"), max_length=300)
    text_en = models.CharField(_("question (English)"), max_length=300, blank=True)
    # One answer per line; a line starting with "*" is a right answer.
    answers_ar = models.TextField(_("answers (Arabic)"), max_length=2000)
    answers_en = models.TextField(_("answers (English)"), max_length=2000, blank=True)
    explanation_ar = models.TextField(_("explanation (Arabic)"), max_length=1000, blank=True)
    explanation_en = models.TextField(_("explanation (English)"), max_length=1000, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["section", "pk"]

    def __str__(self) -> str:
        return self.text_ar


class AttemptQuerySet(OrgQuerySet):
    def counting_for(self, number: int):
        """Passed attempts at the version that counts (`number`) or a later one."""
        return self.filter(passed=True, version__number__gte=number)


class Attempt(OrgOwned):
    """One draw of the quiz for one member. `questions` is the draw as it was shown — texts,
    answer ids made for this draw and the right ones — so an attempt is judged against its own
    draw, and answers copied from another attempt name ids that do not exist here."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    version = models.ForeignKey("policy.PolicyVersion", on_delete=models.CASCADE, related_name="+")
    questions = models.JSONField()
    answers = models.JSONField(default=dict, blank=True)
    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    score = models.PositiveSmallIntegerField(null=True, blank=True)  # percent right
    passed = models.BooleanField(default=False)
    pass_mark = models.PositiveSmallIntegerField(default=DEFAULT_PASS_MARK)
    # The certificate of a passed attempt, made once when first asked for.
    certificate = models.BinaryField(default=b"", blank=True)
    certificate_lang = models.CharField(max_length=2, blank=True)

    objects = AttemptQuerySet.as_manager()  # type: ignore[misc]  # a narrower queryset of OrgOwned's

    class Meta:
        ordering = ["-started_at", "-pk"]

    @property
    def seconds_taken(self) -> int | None:
        if self.finished_at is None:
            return None
        return int((self.finished_at - self.started_at).total_seconds())

    @property
    def missed(self) -> list[str]:
        """Keys of the questions answered wrong (or left out)."""
        return [q["key"] for q in self.questions if q["key"] not in self.right_keys]

    @property
    def right_keys(self) -> set[str]:
        return {
            q["key"]
            for q in self.questions
            if sorted(self.answers.get(q["key"], [])) == sorted(q["right"])
        }
