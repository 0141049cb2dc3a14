"""The published policy as PDF and Word, for the board and the legal adviser: files made by the
job worker and served from storage, never made while a visitor waits."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.cache import get_conditional_response
from django.utils.translation import get_language

from siyasa.core.ratelimits import limit_per_address
from siyasa.orgs.access import OrgContext, org_view
from siyasa.policy import export_files, selectors
from siyasa.policy.models import ExportFile, PolicyVersion

CONTENT_TYPES: dict[str, str] = {
    ExportFile.Kind.PDF: "application/pdf",
    ExportFile.Kind.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def _version_asked(request, ctx: OrgContext) -> PolicyVersion:
    """The version in force, or (members only) the version asked for with ?version=N."""
    wanted = request.GET.get("version", "")
    if wanted and ctx.membership:
        if not wanted.isdigit():
            raise Http404
        return get_object_or_404(selectors.versions(ctx.org), number=int(wanted))
    version = selectors.version_in_force(ctx.org)
    if version is None:
        raise Http404
    return version


def _export(request, ctx: OrgContext, kind: str):
    version = _version_asked(request, ctx)
    audience = selectors.audience_for(ctx.membership, asked=request.GET.get("as", ""))
    row = export_files.request_file(
        ctx.org, version, kind=kind, language=get_language(), audience=audience
    )
    if row.status == ExportFile.Status.UNAVAILABLE:
        return render(request, "policy/export_unavailable.html", {"ctx": ctx}, status=503)
    if row.status != ExportFile.Status.READY:
        # 202: accepted, not done; the page reloads itself until the file is there.
        return render(
            request, "policy/export_preparing.html", {"ctx": ctx, "kind": kind}, status=202
        )
    etag = f'"{row.digest}"'
    response = get_conditional_response(request, etag=etag)  # a 304, or None
    if response is None:
        response = HttpResponse(export_files.data_of(row), content_type=CONTENT_TYPES[kind])
        name = f"{ctx.org.slug}-social-media-policy-v{version.number}-{get_language()}.{kind}"
        response["Content-Disposition"] = f'inline; filename="{name}"'
    response["ETag"] = etag
    # Kept, but checked with the ETag each time; the members' file in the reader's browser only.
    response["Cache-Control"] = (
        "no-cache" if audience == selectors.Audience.PUBLIC else "private, no-cache"
    )
    return response


@limit_per_address("policy-export", "SIYASA_EXPORT_RATE")
@org_view(public_read=True)
def policy_pdf(request, ctx):
    return _export(request, ctx, ExportFile.Kind.PDF)


@limit_per_address("policy-export", "SIYASA_EXPORT_RATE")
@org_view(public_read=True)
def policy_docx(request, ctx):
    return _export(request, ctx, ExportFile.Kind.DOCX)
