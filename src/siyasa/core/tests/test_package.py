"""Siyasa built from a clean checkout and installed with pip speaks Arabic, pages and e-mails."""

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[4]
CATALOGUE = "siyasa/locale/ar/LC_MESSAGES/django"

# Runs inside the fresh virtualenv, from a temporary folder, so only the installed wheel can
# answer `import siyasa`.
CHECK = """
import json, sys
from pathlib import Path

import django

django.setup()
from django.core.management import call_command
from django.test import Client
from django.test.utils import setup_test_environment

import siyasa
from siyasa.mail.messages import make_message

setup_test_environment()
call_command("migrate", verbosity=0, interactive=False)
page = Client().get("/ar/accounts/login/")
message = make_message(
    "digest",
    to=["reem@example.org"],
    context={"org_name": "جمعية أثر", "person_name": "ريم", "items": [], "workspace_url": "http://x/"},
    language="ar",
)
text, html = message.body, message.alternatives[0][0]
package = Path(siyasa.__file__).parent
print(json.dumps({
    "package": str(package),
    "prefix": sys.prefix,
    "catalogue": (package / "locale/ar/LC_MESSAGES/django.mo").is_file(),
    "status": page.status_code,
    "page": page.content.decode(),
    "email_text": text,
    "email_html": html,
}))
"""


def run(*args, **kwargs) -> subprocess.CompletedProcess:
    result = subprocess.run(args, capture_output=True, text=True, check=False, **kwargs)
    assert result.returncode == 0, f"{args}\n{result.stdout}\n{result.stderr}"
    return result


def clean_checkout(target: Path) -> Path:
    """What a fresh clone holds, with this work tree's changes: git's files, none it ignores."""
    listed = run(
        "git", "-C", str(ROOT), "ls-files", "-z", "--cached", "--others", "--exclude-standard"
    )
    for name in filter(None, listed.stdout.split("\0")):
        source = ROOT / name
        if source.is_file():  # a tracked file deleted in the work tree is not there
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    return target


@pytest.mark.slow
def test_a_wheel_built_from_the_sdist_gives_an_arabic_interface(tmp_path):
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("builds from a git checkout of Siyasa")
    tree = clean_checkout(tmp_path / "checkout")
    assert not list(tree.rglob("*.mo")), "the copy should be as clean as a fresh clone"

    # A fresh virtualenv that borrows this one's installed packages (Django, …) through a path
    # line, so only Siyasa is installed from the wheel. A path line does not run the .pth files
    # it points at, so this virtualenv's editable install of the work tree stays out.
    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", str(venv))
    python = venv / "bin" / "python"
    purelib = run(str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])")
    Path(purelib.stdout.strip(), "borrowed.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    # `build` makes the sdist, then the wheel from that sdist, each in an isolated environment
    # with only `[build-system] requires`: the same path as `pip install siyasa-….tar.gz`.
    run(str(python), "-m", "pip", "install", "--quiet", "build>=1.2,<2")
    dist = tmp_path / "dist"
    run(str(python), "-m", "build", "--outdir", str(dist), str(tree))

    with tarfile.open(next(dist.glob("*.tar.gz"))) as sdist:
        names = sdist.getnames()
    assert any(name.endswith(f"src/{CATALOGUE}.po") for name in names)
    wheel = next(dist.glob("*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        assert f"{CATALOGUE}.mo" in archive.namelist()

    # --ignore-installed: this virtualenv's editable install is visible through the path line.
    run(
        str(python),
        "-m",
        "pip",
        "install",
        "--quiet",
        "--no-deps",
        "--ignore-installed",
        str(wheel),
    )
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"PYTHONPATH", "DATABASE_URL"}
        and not key.startswith(("DJANGO_", "SIYASA_", "SECURE_"))
    }
    env |= {
        "DJANGO_SETTINGS_MODULE": "siyasa.settings",
        "SECRET_KEY": "package-test",
        "SIYASA_DATA_DIR": str(tmp_path / "data"),
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_HSTS_SECONDS": "0",
    }
    cwd = tmp_path / "elsewhere"
    cwd.mkdir()
    found = json.loads(run(str(python), "-c", CHECK, env=env, cwd=cwd).stdout)

    assert Path(found["package"]).is_relative_to(found["prefix"]), found["package"]
    assert found["catalogue"]
    assert found["status"] == 200
    assert 'dir="rtl"' in found["page"]
    assert "تسجيل الدخول" in found["page"]  # "Sign in"
    assert "مرحبًا ريم" in found["email_text"]  # "Hello Reem,"
    assert "مرحبًا ريم" in found["email_html"] and 'dir="rtl"' in found["email_html"]
