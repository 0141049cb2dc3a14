"""Bring your existing policy: upload it, read its report (page and PDF), add Siyasa's default
texts where it is silent, and start the draft from it."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST

from siyasa.core.permissions import Capability
from siyasa.core.ratelimits import limit_per_address
from siyasa.intake import coverage, pdf, selectors, services
from siyasa.intake.document import ExtractionError, Status
from siyasa.intake.extract import MAX_UPLOAD_BYTES, too_big_message
from siyasa.intake.forms import UploadForm
from siyasa.orgs.access import OrgContext, org_view
from siyasa.orgs.selectors import name_of
from siyasa.policy.catalogue import BLOCKS
from siyasa.policy.exports import ExportUnavailable

# What a multipart request adds to the file: the boundaries, the headers and the CSRF token.
BODY_OVERHEAD = 64 * 1024


def _too_big(request) -> bool:
    """The request announces a body larger than a file of MAX_UPLOAD_BYTES can make (Django reads no
    more than the announced length, so a lying client cannot send more either)."""
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return False
    return length > MAX_UPLOAD_BYTES + BODY_OVERHEAD


def _upload_page(request, ctx, form: UploadForm, *, status: int = 200, refused: str = ""):
    context = {
        "ctx": ctx,
        "form": form,
        "refused": refused,
        "analyses": selectors.analyses(ctx.org, ctx.membership),
    }
    return render(request, "intake/upload.html", context, status=status)


# The CSRF check reads the whole body (the token is a form field): the size is checked first, and
# the token just after (`_receive`).
@csrf_exempt
@limit_per_address("policy-intake", "SIYASA_INTAKE_RATE", key="user_or_ip", method="POST")
@org_view(Capability.EDIT_CONTENT)
def upload(request, ctx):
    if request.method == "POST" and _too_big(request):
        return _upload_page(request, ctx, UploadForm(), status=400, refused=too_big_message())
    return _receive(request, ctx)


@csrf_protect
def _receive(request, ctx):
    if request.method != "POST":
        return _upload_page(request, ctx, UploadForm())
    form = UploadForm(request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            analysis = services.analyse_upload(
                membership=ctx.membership, data=upload.read(), filename=upload.name
            )
        except ExtractionError as error:
            form.add_error("file", str(error.message))
        else:
            return redirect("policy_intake_report", slug=ctx.org.slug, pk=analysis.pk)
    return _upload_page(request, ctx, form, status=400)


def _report_context(ctx: OrgContext, analysis) -> dict:
    sections = coverage.sections(analysis.passages, analysis.findings)
    rows = [row for section in sections for row in section.rows]
    open_rows = [row.block for row in rows if row.status != Status.COVERED]
    return {
        "holding_default": selectors.blocks_holding_default(ctx.org, open_rows),
        "ctx": ctx,
        "analysis": analysis,
        "sections": sections,
        "uploaded_by": name_of(ctx.org, analysis.uploaded_by),
        "covered": sum(row.status == Status.COVERED for row in rows),
        "partial": sum(row.status == Status.PARTIAL for row in rows),
        "missing": sum(row.status == Status.MISSING for row in rows),
        "total": len(rows),
    }


@org_view(Capability.EDIT_CONTENT)
def report(request, ctx, pk):
    analysis = selectors.analysis(ctx.org, pk)
    return render(request, "intake/report.html", _report_context(ctx, analysis))


@org_view(Capability.EDIT_CONTENT)
def report_pdf(request, ctx, pk):
    analysis = selectors.analysis(ctx.org, pk)
    lang = get_language()

    def make() -> bytes:
        return pdf.render(
            _report_context(ctx, analysis), lang=lang, base_url=f"{settings.SIYASA_BASE_URL}/"
        )

    try:
        data = services.pdf_of(analysis=analysis, language=lang, make=make)
    except ExportUnavailable:
        return render(request, "policy/export_unavailable.html", {"ctx": ctx}, status=503)
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="policy-analysis-{analysis.pk}-{lang}.pdf"'
    return response


@org_view(Capability.EDIT_CONTENT)
@require_POST
def add_default(request, ctx, pk):
    analysis = selectors.analysis(ctx.org, pk)
    requirement = request.POST.get("requirement", "")
    try:
        added = services.add_default_text(
            membership=ctx.membership, analysis=analysis, requirement=requirement
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        response = render(request, "intake/report.html", _report_context(ctx, analysis))
        response.status_code = 400
        return response
    title = coverage.block_for(requirement).title
    if added:
        messages.success(
            request,
            _("Siyasa's default text is added to “%(block)s” in the draft.") % {"block": title},
        )
    else:
        messages.info(
            request, _("“%(block)s” in the draft already has Siyasa's text.") % {"block": title}
        )
    url = reverse("policy_intake_report", kwargs={"slug": ctx.org.slug, "pk": analysis.pk})
    return redirect(f"{url}#req-{requirement.replace('.', '-')}")


@org_view(Capability.EDIT_CONTENT)
def use_as_draft(request, ctx, pk):
    """GET: what the draft will become; POST: do it."""
    analysis = selectors.analysis(ctx.org, pk)
    if request.method == "POST":
        services.use_as_draft(membership=ctx.membership, analysis=analysis)
        return redirect("policy_intake_started", slug=ctx.org.slug, pk=analysis.pk)
    return render(
        request,
        "intake/use.html",
        {"ctx": ctx, "analysis": analysis, "blocks": _imported_blocks(analysis)},
    )


def _imported_blocks(analysis) -> list:
    return [BLOCKS[key] for key in coverage.passages_by_block(analysis.findings)]


@org_view(Capability.EDIT_CONTENT)
def started(request, ctx, pk):
    analysis = selectors.analysis(ctx.org, pk)
    return render(
        request,
        "intake/started.html",
        {"ctx": ctx, "analysis": analysis, "blocks": _imported_blocks(analysis)},
    )


@org_view(Capability.EDIT_CONTENT)
@require_POST
def delete(request, ctx, pk):
    analysis = selectors.analysis(ctx.org, pk)
    services.delete_analysis(membership=ctx.membership, analysis=analysis)
    messages.success(request, _("The analysis and the passages kept from the file are deleted."))
    return redirect("policy_intake", slug=ctx.org.slug)
