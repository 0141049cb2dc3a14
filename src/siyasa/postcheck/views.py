"""Check a post (R4.1–R6): paste a draft, see each problem marked and explained. The draft is
read for the answer and never saved — unless the member asks for a review (issue 14), whose pages
are here too."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from siyasa.core.permissions import (
    Capability,
    can_decide_review,
    can_delete_review,
    can_see_review,
    can_withdraw_review,
)
from siyasa.core.ratelimits import limit_per_address
from siyasa.orgs.access import org_view
from siyasa.orgs.row_views import RowFormView
from siyasa.orgs.selectors import names_of
from siyasa.postcheck import context as check_context
from siyasa.postcheck import selectors, services
from siyasa.postcheck.analyser import Checker
from siyasa.postcheck.forms import AskReviewForm, CheckForm, DecideReviewForm, LexiconForm
from siyasa.postcheck.kinds import INFO, Verdict
from siyasa.postcheck.marks import pieces
from siyasa.postcheck.models import Lexicon, ReviewRequest


@never_cache
@limit_per_address("post-check", "SIYASA_CHECK_RATE", key="user_or_ip", method="POST")
@org_view()
def check_post(request, ctx):
    form = CheckForm(request.POST or None, org=ctx.org)
    result = None
    status = 200
    if request.method == "POST":
        if form.is_valid():
            account = form.cleaned_data["account"]
            checker = Checker(
                check_context.load(ctx.org, membership=ctx.membership, today=timezone.localdate())
            )
            result = checker.check(form.cleaned_data["text"], account.pk if account else None)
        else:
            status = 400
    context = {"ctx": ctx, "form": form, "result": result}
    if result is not None:
        context.update(_marked(form.cleaned_data["text"], result.findings))
        if result.verdict is Verdict.NEEDS_REVIEW:
            context["reviewers"] = check_context.reviewers(ctx.org, besides=ctx.membership.user_id)
    return render(request, "postcheck/check.html", context, status=status)


def _marked(text: str, findings) -> dict:
    return {"pieces": pieces(text, findings), "findings": [(f, INFO[f.kind]) for f in findings]}


@never_cache
@limit_per_address("post-check", "SIYASA_CHECK_RATE", key="user_or_ip", method="POST")
@org_view()
@require_POST
def ask_review(request, ctx):
    """The draft on the check page, kept this time with its findings and sent to its reviewers."""
    form = AskReviewForm(request.POST, org=ctx.org)
    if not form.is_valid():
        return render(request, "postcheck/check.html", {"ctx": ctx, "form": form}, status=400)
    review = services.ask_review(
        membership=ctx.membership,
        text=form.cleaned_data["text"],
        account=form.cleaned_data["account"],
    )
    messages.success(request, gettext("Sent for review. You will get an e-mail with the decision."))
    return redirect("post_review_detail", slug=ctx.org.slug, pk=review.pk)


@org_view()
def review_list(request, ctx):
    """The requests waiting for the member's decision, theirs, and the others they may read."""
    rows = list(selectors.visible(ctx.org, ctx.membership)[:200])
    me = ctx.membership.user_id
    names = names_of(ctx.org, [r.requested_by for r in rows] + [r.decided_by for r in rows])
    for row in rows:
        row.asker_name = names.get(row.requested_by_id, "")
        row.decider_name = names.get(row.decided_by_id, "")
    waiting = {r.pk for r in selectors.waiting_for(ctx.org, ctx.membership)}
    context = {
        "ctx": ctx,
        "to_decide": [r for r in rows if r.pk in waiting],
        "mine": [r for r in rows if r.requested_by_id == me],
        "others": [r for r in rows if r.pk not in waiting and r.requested_by_id != me],
    }
    return render(request, "postcheck/review_list.html", context)


def _review(ctx, pk: int) -> tuple[ReviewRequest, dict[str, bool]]:
    """The request, for those who may read it (`can_see_review`); for anyone else it does not
    exist."""
    review = get_object_or_404(
        ReviewRequest.objects.for_org(ctx.org).select_related("account", "requested_by"), pk=pk
    )
    roles = selectors.roles_in(review, ctx.membership)
    if not can_see_review(ctx.membership, **roles):
        raise Http404
    return review, roles


def _detail(request, ctx, review, roles, form=None, status=200):
    names = names_of(ctx.org, [review.requested_by, review.decided_by])
    context = {
        "ctx": ctx,
        "review": review,
        "asker_name": names.get(review.requested_by_id, ""),
        "decider_name": names.get(review.decided_by_id, ""),
        "reviewers": list(review.reviewers.all()),
        "can_decide": review.is_waiting and can_decide_review(ctx.membership, **roles),
        "can_withdraw": review.is_waiting
        and can_withdraw_review(ctx.membership, is_requester=roles["is_requester"]),
        "can_delete": not review.is_purged
        and can_delete_review(ctx.membership, is_requester=roles["is_requester"]),
        "form": form or DecideReviewForm(),
        "retention_days": settings.SIYASA_REVIEW_RETENTION_DAYS,
        **_marked(review.text, review.findings_then()),
    }
    return render(request, "postcheck/review_detail.html", context, status=status)


@never_cache
@org_view()
def review_detail(request, ctx, pk):
    review, roles = _review(ctx, pk)
    return _detail(request, ctx, review, roles)


@never_cache
@org_view()
@require_POST
def review_decide(request, ctx, pk):
    review, roles = _review(ctx, pk)
    form = DecideReviewForm(request.POST)
    if not form.is_valid():
        return _detail(request, ctx, review, roles, form=form, status=400)
    try:
        services.decide_review(
            membership=ctx.membership,
            review=review,
            decision=form.cleaned_data["decision"],
            note=form.cleaned_data["note"],
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return _detail(request, ctx, review, roles, form=form, status=400)
    messages.success(request, gettext("Decision recorded; whoever asked is told by e-mail."))
    return redirect("post_review_list", slug=ctx.org.slug)


@org_view()
@require_POST
def review_withdraw(request, ctx, pk):
    review, _roles = _review(ctx, pk)
    try:
        services.withdraw_review(membership=ctx.membership, review=review)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, gettext("Review request withdrawn."))
    return redirect("post_review_detail", slug=ctx.org.slug, pk=review.pk)


@org_view()
@require_POST
def review_delete(request, ctx, pk):
    review, _roles = _review(ctx, pk)
    services.delete_review(membership=ctx.membership, review=review)
    messages.success(request, gettext("The draft and its findings are deleted."))
    return redirect("post_review_list", slug=ctx.org.slug)


class LexiconFormView(RowFormView):
    """The organisation's one set of terms: created on first save, edited after."""

    capability = Capability.MANAGE_POLICY
    form_class = LexiconForm
    success_url_name = "check_post"
    title_new = _("Terms for the post check")
    title_edit = _("Terms for the post check")

    def get(self, request, *args, **kwargs):
        return super().get(request, pk=self._existing_pk())

    def post(self, request, *args, **kwargs):
        return super().post(request, pk=self._existing_pk())

    def _existing_pk(self):
        return Lexicon.objects.for_org(self.ctx.org).values_list("pk", flat=True).first()
