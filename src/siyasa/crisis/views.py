"""The crisis room: the plan (contacts, levels, playbooks), declaring an incident, the incident
page and its actions. Thin: each view parses a form, calls one service, renders."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import RestrictedError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from siyasa.crisis import selectors
from siyasa.crisis.forms import (
    CloseForm,
    DecisionForm,
    DeclareForm,
    EmergencyContactForm,
    EntryForm,
    LeadForm,
    LevelChangeForm,
    PlaybookForm,
    SeverityLevelForm,
    StatementForm,
    TaskForm,
)
from siyasa.crisis.models import (
    EmergencyContact,
    Incident,
    SeverityLevel,
    Statement,
    Task,
    TimelineEntry,
)
from siyasa.crisis.services import incidents, statements
from siyasa.mail import health
from siyasa.orgs import selectors as org_selectors
from siyasa.orgs.access import org_view
from siyasa.orgs.row_views import RowDeleteView, RowFormView


@org_view()
def room(request, ctx):
    """The crisis room: open incidents first, a way to declare one, then the plan."""
    return render(
        request,
        "crisis/room.html",
        {
            "ctx": ctx,
            "open_incidents": list(selectors.open_incidents(ctx.org)),
            "past_incidents": list(selectors.past_incidents(ctx.org)),
            "contacts": selectors.emergency_contacts(ctx.org),
            "levels": selectors.severity_levels(ctx.org),
            "playbooks": selectors.playbooks(ctx.org),
        },
    )


@org_view()
def declare(request, ctx):
    me = org_selectors.person_for(ctx.org, request.user)
    status = 200
    if request.method == "POST" and request.POST.get("action") != "assess":
        form = DeclareForm(request.POST, org=ctx.org)
        if form.is_valid():
            data = form.cleaned_data
            try:
                incident = incidents.declare(
                    membership=ctx.membership,
                    kind=data["kind"],
                    level=data["level"],
                    summary=data["summary"],
                    lead=data["lead"],
                    accounts=list(data["accounts"]),
                    answers=form.answers(),
                    level_reason=data["level_reason"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request, _("Incident %(number)s is declared.") % {"number": incident.number}
                )
                return redirect("incident_detail", slug=ctx.org.slug, number=incident.number)
        status = 400
    elif request.method == "POST":
        # "Suggest a level": show the suggestion and choose it, without declaring yet.
        asked = DeclareForm(request.POST, org=ctx.org)
        _result, suggested = asked.suggestion()
        initial = {
            name: request.POST.getlist(name) if name == "accounts" else request.POST.get(name)
            for name in asked.fields
        }
        initial["level"] = suggested.pk if suggested else None
        form = DeclareForm(initial=initial, org=ctx.org)
    else:
        form = DeclareForm(org=ctx.org, initial={"lead": me.pk if me else None})
        _result, suggested = form.suggestion()
        form.initial["level"] = suggested.pk if suggested else None
    result, suggested = form.suggestion()
    return render(
        request,
        "crisis/declare.html",
        {"ctx": ctx, "form": form, "suggestion": result, "suggested": suggested},
        status=status,
    )


def _incident(ctx, number) -> Incident:
    try:
        return selectors.incident(ctx.org, number)
    except Incident.DoesNotExist:
        raise Http404 from None


def _incident_page(request, ctx, incident, *, status=200, errors=(), **bound):
    """The incident page; a failed action re-renders it with its form bound and the errors."""
    may_steer = incidents.may_steer(ctx.membership, incident)
    data = selectors.incident_page(ctx.org, incident, ctx.membership)
    correct = request.GET.get("correct", "")
    corrects = next(
        (e for e in data["timeline"] if correct.isdigit() and e.pk == int(correct)), None
    )
    forms = {
        "entry_form": EntryForm(initial={"corrects": corrects.pk if corrects else None}),
        "task_form": TaskForm(org=ctx.org),
        "statement_form": StatementForm(
            initial={
                "text_ar": incident.level.holding_statement_ar,
                "text_en": incident.level.holding_statement_en,
            }
        ),
        "level_form": LevelChangeForm(org=ctx.org, initial={"level": incident.level_id}),
        "lead_form": LeadForm(org=ctx.org, initial={"lead": incident.lead_id}),
        "close_form": CloseForm(
            initial={
                "review_happened": incident.review_happened,
                "review_worked": incident.review_worked,
                "review_changes": incident.review_changes,
            }
        ),
        **bound,
    }
    context = {
        "ctx": ctx,
        "incident": incident,
        "may_steer": may_steer,
        "corrects": corrects,
        "errors": errors,
        # Newest first on screen: the add form is at the top of the timeline.
        "timeline_newest_first": list(reversed(data["timeline"])),
        # While e-mail is not leaving, an open incident's page says its alerts are only queued.
        "delivery": health.delivery() if incident.is_open else None,
        **data,
        **forms,
    }
    return render(request, "crisis/incident.html", context, status=status)


@org_view()
def incident_detail(request, ctx, number):
    return _incident_page(request, ctx, _incident(ctx, number))


def _back(ctx, incident, anchor=""):
    url = reverse("incident_detail", kwargs={"slug": ctx.org.slug, "number": incident.number})
    return redirect(f"{url}{anchor}")


def _run(request, ctx, incident, form, form_name, action, *, success, anchor=""):
    """Validate `form`, run `action(cleaned_data)`; on failure re-render the page (400, or 409
    when a statement changed under the person's eyes)."""
    if form.is_valid():
        try:
            action(form.cleaned_data)
        except statements.Conflict as error:
            return _incident_page(
                request, ctx, incident, status=409, errors=error.messages, **{form_name: form}
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, success)
            return _back(ctx, incident, anchor)
    return _incident_page(
        request,
        ctx,
        incident,
        status=400,
        errors=form.non_field_errors() or [_("This was not saved: see the form below.")],
        **{form_name: form},
    )


@org_view()
@require_POST
def incident_entry(request, ctx, number):
    incident = _incident(ctx, number)
    form = EntryForm(request.POST)

    def add(data):
        corrects = None
        if data.get("corrects"):
            corrects = get_object_or_404(
                TimelineEntry.objects.for_org(ctx.org).filter(incident=incident),
                pk=data["corrects"],
            )
        incidents.add_entry(
            membership=ctx.membership, incident=incident, text=data["text"], corrects=corrects
        )

    return _run(
        request, ctx, incident, form, "entry_form", add, success=_("Added."), anchor="#timeline"
    )


@org_view()
@require_POST
def incident_level(request, ctx, number):
    incident = _incident(ctx, number)
    form = LevelChangeForm(request.POST, org=ctx.org)
    return _run(
        request,
        ctx,
        incident,
        form,
        "level_form",
        lambda data: incidents.change_level(
            membership=ctx.membership, incident=incident, level=data["level"], reason=data["reason"]
        ),
        success=_("The level is changed; its people are alerted."),
    )


@org_view()
@require_POST
def incident_lead(request, ctx, number):
    incident = _incident(ctx, number)
    form = LeadForm(request.POST, org=ctx.org)
    return _run(
        request,
        ctx,
        incident,
        form,
        "lead_form",
        lambda data: incidents.change_lead(
            membership=ctx.membership, incident=incident, lead=data["lead"]
        ),
        success=_("The incident has a new lead."),
    )


@org_view()
@require_POST
def incident_close(request, ctx, number):
    incident = _incident(ctx, number)
    form = CloseForm(request.POST)
    return _run(
        request,
        ctx,
        incident,
        form,
        "close_form",
        lambda data: incidents.close(
            membership=ctx.membership,
            incident=incident,
            happened=data["review_happened"],
            worked=data["review_worked"],
            changes=data["review_changes"],
        ),
        success=_("The review is saved."),
        anchor="#review",
    )


@org_view()
@require_POST
def task_add(request, ctx, number):
    incident = _incident(ctx, number)
    form = TaskForm(request.POST, org=ctx.org)
    return _run(
        request,
        ctx,
        incident,
        form,
        "task_form",
        lambda data: incidents.add_task(
            membership=ctx.membership, incident=incident, title=data["title"], owner=data["owner"]
        ),
        success=_("Task added."),
        anchor="#tasks",
    )


@org_view()
@require_POST
def task_done(request, ctx, number, pk):
    incident = _incident(ctx, number)
    task = get_object_or_404(Task.objects.for_org(ctx.org).filter(incident=incident), pk=pk)
    try:
        incidents.complete_task(membership=ctx.membership, task=task)
    except ValidationError as error:
        return _incident_page(request, ctx, incident, status=400, errors=error.messages)
    messages.success(request, _("Marked done: %(item)s.") % {"item": task.title})
    return _back(ctx, incident, "#tasks")


@org_view()
@require_POST
def statement_add(request, ctx, number):
    incident = _incident(ctx, number)
    form = StatementForm(request.POST)
    return _run(
        request,
        ctx,
        incident,
        form,
        "statement_form",
        lambda data: statements.submit(
            membership=ctx.membership,
            incident=incident,
            text_ar=data["text_ar"],
            text_en=data["text_en"],
        ),
        success=_("The statement is submitted; its approvers are asked by e-mail."),
        anchor="#statements",
    )


def _statement(ctx, incident, pk) -> Statement:
    return get_object_or_404(Statement.objects.for_org(ctx.org).filter(incident=incident), pk=pk)


@org_view()
def statement_edit(request, ctx, number, pk):
    incident = _incident(ctx, number)
    statement = _statement(ctx, incident, pk)
    page = {"ctx": ctx, "incident": incident, "statement": statement}
    if request.method != "POST":
        form = StatementForm(
            initial={
                "text_ar": statement.text_ar,
                "text_en": statement.text_en,
                "seen_version": statement.version,
            }
        )
        return render(request, "crisis/statement_edit.html", {**page, "form": form})
    form = StatementForm(request.POST)
    status = 400
    if form.is_valid():
        data = form.cleaned_data
        try:
            statements.edit(
                membership=ctx.membership,
                statement=statement,
                text_ar=data["text_ar"],
                text_en=data["text_en"],
                seen_version=data["seen_version"] or statement.version,
            )
        except statements.Conflict as error:
            # Keep what they wrote, show what is there now; saving again builds on it.
            statement.refresh_from_db()
            retry = request.POST.copy()
            retry["seen_version"] = statement.version
            form = StatementForm(retry)
            form.is_valid()
            form.add_error(None, error)
            page["conflict"] = True
            status = 409
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Saved. Approvals of the earlier text no longer count."))
            return _back(ctx, incident, f"#statement-{statement.number}")
    return render(request, "crisis/statement_edit.html", {**page, "form": form}, status=status)


@org_view()
@require_POST
def statement_decide(request, ctx, number, pk):
    incident = _incident(ctx, number)
    statement = _statement(ctx, incident, pk)
    form = DecisionForm(request.POST)
    return _run(
        request,
        ctx,
        incident,
        form,
        "decision_form",
        lambda data: statements.decide(
            membership=ctx.membership,
            statement=statement,
            role=data["role"],
            decision=data["decision"],
            comment=data["comment"],
            seen_version=data["seen_version"],
        ),
        success=_("Your decision is recorded."),
        anchor=f"#statement-{statement.number}",
    )


class ContactFormView(RowFormView):
    form_class = EmergencyContactForm
    delete_url_name = "contact_delete"
    success_url_name = "crisis_plan"
    title_new = gettext_lazy("New emergency contact")
    title_edit = gettext_lazy("Edit emergency contact")


class ContactDeleteView(RowDeleteView):
    model = EmergencyContact
    success_url_name = "crisis_plan"


class LevelFormView(RowFormView):
    form_class = SeverityLevelForm
    delete_url_name = "level_delete"
    success_url_name = "crisis_plan"
    title_new = gettext_lazy("New severity level")
    title_edit = gettext_lazy("Edit severity level")


class LevelDeleteView(RowDeleteView):
    model = SeverityLevel
    success_url_name = "crisis_plan"

    def post(self, request, pk, **kwargs):
        try:
            return super().post(request, pk, **kwargs)
        except RestrictedError:
            messages.error(
                request,
                _("Incidents were declared at this level, so it stays; rename or edit it instead."),
            )
            return redirect("level_edit", slug=self.ctx.org.slug, pk=pk)


class PlaybookFormView(RowFormView):
    form_class = PlaybookForm
    success_url_name = "crisis_plan"
    title_new = gettext_lazy("New playbook")
    title_edit = gettext_lazy("Edit playbook")

    def get_history_url(self, row):
        # The change history page does not list playbooks yet; their history is still recorded.
        return None
