"""`siyasa analyse-policy FILE [--format text|json]`: for scripts, nothing stored."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from siyasa.intake.document import REQUIREMENTS
from siyasa.intake.models import Analysis
from siyasa.intake.tests.conftest import ARABIC_POLICY, ENGLISH_POLICY


def run(*args) -> str:
    out = StringIO()
    call_command("analyse-policy", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def policy_file(tmp_path):
    path = tmp_path / "policy.md"
    path.write_text(ENGLISH_POLICY)
    return path


@pytest.mark.django_db
def test_json_names_the_language_and_every_requirement_with_its_evidence(policy_file):
    result = json.loads(run(str(policy_file), "--format", "json"))
    assert result["language"] == "en"
    assert list(result["requirements"]) == list(REQUIREMENTS)
    for finding in result["requirements"].values():
        assert finding["status"] in {"covered", "partial", "missing"}
        for evidence in finding["evidence"]:
            assert evidence["text"] in ENGLISH_POLICY and isinstance(evidence["matched"], list)
    r21 = result["requirements"]["R2.1"]
    assert r21["evidence"][0]["text"].startswith("Passwords of every official account")
    assert not Analysis.objects.exists()


def test_text_is_a_table_by_section(tmp_path):
    path = tmp_path / "سياسة.txt"
    path.write_text(ARABIC_POLICY)
    out = run(str(path), "--language", "ar")
    assert out.startswith("ar — ") and "/100" in out
    assert "بروتوكولات الأمان" in out  # the section titles in the language asked for
    assert [line.split()[0] for line in out.splitlines() if line.startswith("  ")] == list(
        REQUIREMENTS
    )


def test_an_unreadable_file_exits_2_with_the_reason(tmp_path):
    missing = tmp_path / "nowhere.docx"
    with pytest.raises(CommandError) as error:
        run(str(missing))
    assert error.value.returncode == 2 and "nowhere.docx" in str(error.value)
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\xff\xd8\xff\xe0\x00")
    with pytest.raises(CommandError) as error:
        run(str(binary))
    assert error.value.returncode == 2 and "image.txt: " in str(error.value)


def test_bad_usage_exits_2(policy_file):
    with pytest.raises(CommandError):  # argparse's usage error, exit 2 from the command line
        run(str(policy_file), "--format", "xml")
