"""The organisation's moving file, for its owners (the same document as `siyasa export-org`)."""

import json

from django.http import HttpResponse
from django.utils import timezone

from siyasa.archive.selectors import export_org
from siyasa.core.permissions import Capability
from siyasa.core.ratelimits import limit_per_address
from siyasa.orgs.access import org_view


# Built while the owner waits: it reads every table of one organisation in a fixed number of
# queries per table (about 60), so its time grows with the organisation's rows and history
# only — bench/backup.py measures it — and the rate limit keeps anyone from asking for it in a loop.
@org_view(Capability.EXPORT_ORGANIZATION)
@limit_per_address("org-export", "SIYASA_ORG_EXPORT_RATE")
def org_export(request, ctx):
    body = json.dumps(export_org(ctx.org), ensure_ascii=False, indent=1)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    name = f"{ctx.org.slug}-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    # It holds the directory's e-mail addresses and phones: kept by no cache on the way.
    response["Cache-Control"] = "private, no-store"
    return response
