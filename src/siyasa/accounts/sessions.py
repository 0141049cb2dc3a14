"""Django's database sessions, with the session read in one compiled query (`core.prepared`):
every signed-in request reads its session before anything else."""

from django.contrib.sessions.backends import db
from django.contrib.sessions.models import Session
from django.utils import timezone

from siyasa.core.prepared import Prepared

_SESSION = Prepared(
    lambda session_key: Session.objects.filter(session_key=session_key).values_list(
        "session_key", "session_data", "expire_date"
    ),
    session_key=str,
)


class SessionStore(db.SessionStore):
    def _get_session_from_db(self):
        found = _SESSION.rows(session_key=self.session_key)
        if found and found[0][2] > timezone.now():  # Django's own test, in Python
            key, data, expire_date = found[0]
            return self.model(session_key=key, session_data=data, expire_date=expire_date)
        self._session_key = None
        return None
