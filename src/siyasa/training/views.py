"""The quiz pages: take it, hand it in, the certificate; the evidence; questions and settings."""

import csv

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from siyasa.core.permissions import Capability, can, can_see_training_results
from siyasa.core.spreadsheets import BOM, text_cell
from siyasa.core.views import form_page
from siyasa.orgs.access import org_view
from siyasa.orgs.row_views import RowDeleteView, RowFormView
from siyasa.policy import selectors as policy_selectors
from siyasa.policy.exports.document import ExportUnavailable
from siyasa.policy.exports.pdf import html_pdf
from siyasa.training import selectors, services
from siyasa.training.bank import DEFAULT_BANK
from siyasa.training.forms import CustomQuestionForm, TrainingSettingsForm, answers_from
from siyasa.training.models import Attempt, CustomQuestion


def _results_allowed(ctx) -> bool:
    person = selectors.person_of(ctx.org, ctx.membership.user)
    trains = selectors.is_training_responsible(ctx.org, person)
    return can_see_training_results(ctx.membership, trains_staff=trains)


@org_view()
@require_safe
def training_home(request, ctx):
    """A member's quiz: whether they passed the version that counts, and their attempts."""
    in_force = policy_selectors.version_in_force(ctx.org)
    required = policy_selectors.required_version(ctx.org, in_force=in_force)
    mine = Attempt.objects.for_org(ctx.org).filter(user=request.user)
    # A row of the table shows when, which version, the score: read with its version's number
    # (not one query per row), without the drawn questions, the policy text or a certificate.
    rows = mine.select_related("version").only(
        "finished_at", "score", "passed", "version", "version__number"
    )
    context = {
        "ctx": ctx,
        "required": required,
        "passed": selectors.passed_version(ctx.org, request.user, required),
        "attempts": rows.filter(finished_at__isnull=False)[:10],
        "open": mine.filter(finished_at__isnull=True, version=required).only("pk").first(),
        "bank": selectors.bank_of(ctx.org, in_force) if in_force else None,
        "show_results": _results_allowed(ctx),
    }
    return render(request, "training/home.html", context)


@org_view()
@require_POST
def start(request, ctx):
    try:
        attempt = services.start_attempt(membership=ctx.membership)
    except ValidationError as error:
        return render(
            request, "training/home.html", {"ctx": ctx, "error": error.messages[0]}, status=400
        )
    return redirect("training_attempt", slug=ctx.org.slug, pk=attempt.pk)


def _own_attempt(ctx, pk) -> Attempt:
    # Another member's attempt is not there for this member, like another organisation's.
    return get_object_or_404(Attempt.objects.for_org(ctx.org), pk=pk, user=ctx.membership.user)


@org_view()
@require_http_methods(["GET", "POST"])
def attempt(request, ctx, pk):
    """The draw's questions (a plain form: no JavaScript needed), or once handed in, the result
    with each question's explanation."""
    attempt = _own_attempt(ctx, pk)
    questions = selectors.shown(attempt, translation.get_language())
    context = {"ctx": ctx, "attempt": attempt, "questions": questions}
    if request.method == "POST":
        try:
            attempt = services.submit_attempt(
                membership=ctx.membership,
                attempt=attempt,
                answers=answers_from(request.POST, attempt),
            )
        except ValidationError as error:
            return render(
                request,
                "training/attempt.html",
                {**context, "error": error.messages[0]},
                status=400,
            )
        return redirect("training_attempt", slug=ctx.org.slug, pk=attempt.pk)
    return render(request, "training/attempt.html", context)


@org_view()
def certificate(request, ctx, pk):
    attempt = _own_attempt(ctx, pk)
    lang = translation.get_language()
    person = selectors.person_of(ctx.org, request.user)

    if person is None:
        name = request.user.get_username()
    else:
        name = person.name_en if lang == "en" and person.name_en else person.name

    def make() -> bytes:
        context = {"org": ctx.org, "attempt": attempt, "name": name, "lang": lang}
        return html_pdf(
            "training/certificate_pdf.html",
            context,
            lang=lang,
            base_url=request.build_absolute_uri("/"),
        )

    try:
        data = services.certificate_of(attempt=attempt, lang=lang, make=make)
    except PermissionDenied:
        return render(request, "training/home.html", {"ctx": ctx}, status=403)
    except ExportUnavailable:
        return render(request, "policy/export_unavailable.html", {"ctx": ctx}, status=503)
    response = HttpResponse(data, content_type="application/pdf")
    name = f"certificate-{ctx.org.slug}-v{attempt.version.number}.pdf"
    response["Content-Disposition"] = f'inline; filename="{name}"'
    return response


@org_view()
def results(request, ctx):
    """R1.3 (i): who acknowledged and who passed, and which questions are missed most."""
    if not _results_allowed(ctx):
        raise PermissionDenied
    required, rows = selectors.evidence(ctx.org)
    passed = sum(1 for row in rows if row.passed)
    context = {
        "ctx": ctx,
        "required": required,
        "rows": rows,
        "passed": passed,
        "rate": 100 * passed // len(rows) if rows else 0,
        "missed": selectors.most_missed(ctx.org),
        "arabic": translation.get_language() == "ar",
    }
    return render(request, "training/results.html", context)


@org_view()
def results_csv(request, ctx):
    if not _results_allowed(ctx):
        raise PermissionDenied
    required, rows = selectors.evidence(ctx.org)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    name = f"training-{ctx.org.slug}-{timezone.localdate():%Y-%m-%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response.write(BOM)
    writer = csv.writer(response)
    writer.writerow(
        [_("Member"), _("Role"), _("Acknowledged"), _("Passed"), _("Attempts"), _("Last score")]
    )
    for row in rows:
        writer.writerow(
            [
                text_cell(row.name),
                row.membership.get_role_display(),
                _("yes") if row.acknowledged else _("no"),
                _("yes") if row.passed else _("no"),
                row.attempts,
                "" if row.last_score is None else f"{row.last_score}%",
            ]
        )
    return response


@org_view(Capability.EDIT_CONTENT)
@require_safe
def question_list(request, ctx):
    """The draft bank, and what publishing the next version would change in the quiz."""
    draft = selectors.draft_bank(ctx.org)
    changes = selectors.bank_changes(ctx.org, draft)
    marks = {}
    if changes is not None:
        marks = {q.key: "added" for q in changes.added}
        marks |= {q.key: "changed" for _before, q in changes.changed}
    custom = list(CustomQuestion.objects.for_org(ctx.org))
    for row in custom:
        row.change = marks.get(f"custom.{row.pk}", "")
    in_force = policy_selectors.version_in_force(ctx.org)
    context = {
        "ctx": ctx,
        "custom": custom,
        "defaults": DEFAULT_BANK,
        "hidden": draft.hidden,
        "changes": changes,
        "in_force": in_force,
        "arabic": translation.get_language() == "ar",
        "can_settings": can(ctx.membership, Capability.MANAGE_POLICY),
    }
    return render(request, "training/questions.html", context)


class QuestionFormView(RowFormView):
    form_class = CustomQuestionForm
    success_url_name = "training_questions"
    delete_url_name = "training_question_delete"
    title_new = gettext_lazy("New question")
    title_edit = gettext_lazy("Edit question")


class QuestionDeleteView(RowDeleteView):
    model = CustomQuestion
    success_url_name = "training_questions"


@org_view(Capability.MANAGE_POLICY)
@require_http_methods(["GET", "POST"])
def settings_edit(request, ctx):
    row = selectors.settings_for(ctx.org)
    data = request.POST if request.method == "POST" else None
    form = TrainingSettingsForm(data, initial=TrainingSettingsForm.initial_for(row))

    def save(form):
        services.save_settings(membership=ctx.membership, **form.cleaned_data)
        return reverse("training_questions", kwargs={"slug": ctx.org.slug})

    in_force = policy_selectors.version_in_force(ctx.org)
    return form_page(
        request,
        form,
        save=save,
        template="training/settings.html",
        context={
            "ctx": ctx,
            "in_force": in_force,
            "bank": selectors.bank_of(ctx.org, in_force) if in_force else None,
        },
        success_message=_(
            "The quiz settings are saved in the draft: the quiz takes them with the next "
            "published version."
        ),
    )
