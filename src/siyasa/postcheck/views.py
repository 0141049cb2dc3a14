"""Check a post (R4.1–R6): paste a draft, see each problem marked and explained. The draft is
read for the answer and never saved."""

from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from siyasa.core.permissions import Capability
from siyasa.core.ratelimits import limit_per_address
from siyasa.orgs.access import org_view
from siyasa.orgs.row_views import RowFormView
from siyasa.postcheck import context as check_context
from siyasa.postcheck.analyser import Checker
from siyasa.postcheck.forms import CheckForm, LexiconForm
from siyasa.postcheck.kinds import INFO, Verdict
from siyasa.postcheck.marks import pieces
from siyasa.postcheck.models import Lexicon


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
        context["pieces"] = pieces(form.cleaned_data["text"], result.findings)
        context["findings"] = [(f, INFO[f.kind]) for f in result.findings]
        if result.verdict is Verdict.NEEDS_REVIEW:
            context["reviewers"] = check_context.reviewers(ctx.org)
    return render(request, "postcheck/check.html", context, status=status)


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
