"""The published policy as PDF and Word, for the board and the legal adviser."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language

from siyasa.orgs.access import org_view
from siyasa.policy import exports, selectors
from siyasa.policy.rules import Rules


def _published_page(request, ctx):
    """The version in force, or (members only) the version asked for with ?version=N."""
    wanted = request.GET.get("version", "")
    if wanted and ctx.membership:
        if not wanted.isdigit():
            raise Http404
        version = get_object_or_404(selectors.versions(ctx.org), number=int(wanted))
    else:
        version = selectors.version_in_force(ctx.org)
        if version is None:
            raise Http404
    audience = selectors.audience_for(ctx.membership, asked=request.GET.get("as", ""))
    return selectors.policy_page(ctx.org, Rules.from_version(version), audience=audience), version


def _download(data: bytes, content_type: str, org, version, extension: str) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    name = f"{org.slug}-social-media-policy-v{version.number}-{get_language()}.{extension}"
    response["Content-Disposition"] = f'inline; filename="{name}"'
    return response


@org_view(public_read=True)
def policy_pdf(request, ctx):
    page, version = _published_page(request, ctx)
    try:
        data = exports.render_pdf(
            page, lang=get_language(), base_url=request.build_absolute_uri("/")
        )
    except exports.ExportUnavailable:
        return render(request, "policy/export_unavailable.html", {"ctx": ctx}, status=503)
    return _download(data, "application/pdf", ctx.org, version, "pdf")


@org_view(public_read=True)
def policy_docx(request, ctx):
    page, version = _published_page(request, ctx)
    data = exports.render_docx(page, lang=get_language())
    content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    return _download(data, content_type, ctx.org, version, "docx")
