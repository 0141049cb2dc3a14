"""`/healthz`: is the database reachable, is a worker beating, is e-mail moving, did the daily
run happen — for a load balancer or a monitor; anonymous, and it says nothing of organisations."""

import datetime

from django.db import DatabaseError
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from siyasa.mail import health
from siyasa.ops import schedule

# A day between runs, and an hour's grace for a long run or a late start.
DAILY_RUN_LATE = datetime.timedelta(hours=25)


def _seconds(delta: datetime.timedelta | None) -> int | None:
    return None if delta is None else int(delta.total_seconds())


@never_cache
@require_safe
def healthz(request):
    now = timezone.now()
    try:
        delivery = health.delivery(now)
        last = schedule.last_run()
    except DatabaseError:
        body = {
            "database": False,
            "worker_heartbeat_age_s": None,
            "queue_depth": None,
            "oldest_waiting_s": None,
            "last_daily_run": None,
        }
        return JsonResponse(body, status=503)
    body = {
        "database": True,
        "worker_heartbeat_age_s": _seconds(delivery.heartbeat_age),
        "queue_depth": delivery.waiting,
        "oldest_waiting_s": _seconds(delivery.oldest_waiting),
        "last_daily_run": last.finished_at.isoformat() if last else None,
    }
    late = last is None or now - last.finished_at > DAILY_RUN_LATE
    return JsonResponse(body, status=503 if delivery.stalled or late else 200)
