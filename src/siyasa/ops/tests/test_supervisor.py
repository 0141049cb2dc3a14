"""The supervisor restarts a child that stops, with a growing pause; `serve` refuses what would
make a child fail at every restart."""

import socket
import sys

import pytest
from django.core.management import CommandError, call_command

from siyasa.ops.supervisor import Child, Supervisor

QUITS = [sys.executable, "-c", "import sys; sys.exit(3)"]


def test_a_child_that_keeps_stopping_is_restarted_after_a_growing_pause(tmp_path):
    said = []
    child = Child("worker", QUITS)
    supervisor = Supervisor([child], tmp_path / "serve.pids", log=said.append)
    env = {}

    assert supervisor._look_after(child, 100.0, env)  # started
    child.process.wait()
    assert not supervisor._look_after(child, 101.0, env)
    assert said == ["worker stopped (exit 3); restarting in 1 s"]
    assert not supervisor._look_after(child, 101.5, env)
    assert supervisor._look_after(child, 102.0, env)  # restarted after 1 s
    child.process.wait()
    supervisor._look_after(child, 103.0, env)
    assert said[-1] == "worker stopped (exit 3); restarting in 2 s"
    assert supervisor._look_after(child, 105.0, env)
    child.process.wait()

    # One that ran a while before stopping is restarted at once.
    supervisor._look_after(child, 200.0, env)
    assert said[-1] == "worker stopped (exit 3); restarting in 0 s"


def test_stopping_ends_every_child_and_removes_the_pid_file(tmp_path):
    sleeper = Child("web", [sys.executable, "-c", "import time; time.sleep(60)"])
    supervisor = Supervisor([sleeper], tmp_path / "serve.pids", log=lambda line: None)
    supervisor._look_after(sleeper, 0.0, {})
    supervisor._write_pids()
    assert (tmp_path / "serve.pids").exists()

    supervisor._stop_all()

    assert sleeper.process.poll() is not None
    assert not (tmp_path / "serve.pids").exists()


@pytest.mark.django_db
def test_serve_refuses_an_address_in_use():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(CommandError, match=f"Cannot serve on 127.0.0.1:{port}"):
            call_command("serve", addr=f"127.0.0.1:{port}")


@pytest.mark.django_db
def test_serve_refuses_to_start_without_a_secret_key(settings):
    settings.SECRET_KEY = ""
    with pytest.raises(CommandError, match="SECRET_KEY is not set"):
        call_command("serve", addr="127.0.0.1:0")
