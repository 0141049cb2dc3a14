"""gunicorn's settings under `siyasa serve` (`--bind` and `--workers` come from the command line).

Threaded workers (gthread): a slow client or a long-polling page holds a thread, not a whole
process, which matters when no buffering proxy stands in front.
"""

from siyasa.ops.supervisor import watch_parent

worker_class = "gthread"
threads = 4
accesslog = "-"
# Django's own page for an error is what people see; gunicorn only logs.
errorlog = "-"
graceful_timeout = 20
# gunicorn 25+ opens a control socket in the home folder; nothing here uses it.
control_socket_disable = True


def when_ready(server) -> None:
    watch_parent()
