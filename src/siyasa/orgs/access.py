"""The one door to an organisation's data: every view under /o/<slug>/ resolves it here."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.views import View

from siyasa.core.permissions import Capability, Perms, require
from siyasa.core.prepared import Prepared, build, columns
from siyasa.orgs.models import Membership, Organization


class OrgContext:
    """What a view knows about the organisation in its URL and the visitor's place in it."""

    def __init__(self, org: Organization, membership: Membership | None):
        self.org = org
        self.membership = membership
        self.perms = Perms(membership)


def resolve_org(request, slug: str, capability: Capability | None, *, public_read: bool = False):
    """The one door to an organisation's data.

    Returns an `OrgContext`, or raises: a non-member gets 404 (the organisation's pages do not
    exist for them), a member without the capability gets 403. `public_read` lets anonymous
    visitors through when the organisation publishes its policy.
    """
    membership = None
    if request.user.is_authenticated:
        membership = _membership(request.user.pk, slug)
    if membership is None:
        org = _organization(slug)
        if public_read and org.is_public:
            return OrgContext(org, None)
        if not request.user.is_authenticated:
            raise _LoginRequired
        raise Http404
    org = membership.organization
    if capability is not None:
        require(membership, capability)
    return OrgContext(org, membership)


# Every request to an organisation's page asks one of these (compiled once: `core.prepared`).
_MEMBERSHIP = Prepared(
    lambda user_id, slug: Membership.objects.filter(
        user_id=user_id, organization__slug=slug
    ).values_list(*columns(Membership), *columns(Organization, "organization__"))[:1],
    user_id=int,
    slug=str,
)
_ORGANIZATION = Prepared(
    lambda slug: Organization.objects.filter(slug=slug).values_list(*columns(Organization))[:1],
    slug=str,
)


def _membership(user_id: int, slug: str) -> Membership | None:
    """The user's membership of the organisation at `slug`, which comes with it: one query."""
    found = _MEMBERSHIP.rows(user_id=user_id, slug=slug)
    if not found:
        return None
    split = len(Membership._meta.concrete_fields)
    membership = build(Membership, found[0][:split])
    membership.organization = build(Organization, found[0][split:])
    return membership


def _organization(slug: str) -> Organization:
    found = _ORGANIZATION.rows(slug=slug)
    if not found:
        raise Http404
    return build(Organization, found[0])


class _LoginRequired(Exception):
    pass


def org_view(capability: Capability | None = Capability.VIEW, *, public_read: bool = False):
    """Decorator for function views under /o/<slug>/: passes an `OrgContext` as `ctx`."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, slug, *args, **kwargs):
            try:
                ctx = resolve_org(request, slug, capability, public_read=public_read)
            except _LoginRequired:
                return redirect_to_login(request.get_full_path())
            request.org_ctx = ctx
            return view(request, ctx, *args, **kwargs)

        return wrapper

    return decorator


class OrgView(View):
    """Class-based counterpart of `org_view`."""

    capability: Capability | None = Capability.VIEW

    def dispatch(self, request, slug, *args, **kwargs):
        try:
            self.ctx = resolve_org(request, slug, self.capability)
        except _LoginRequired:
            return redirect_to_login(request.get_full_path())
        request.org_ctx = self.ctx
        return super().dispatch(request, *args, **kwargs)
