"""The analysis kept, the default texts added and the draft started from an existing policy."""

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from siyasa.intake import coverage, services
from siyasa.intake.document import REQUIREMENTS, ExtractionError
from siyasa.intake.models import Analysis
from siyasa.intake.tests.conftest import ARABIC_POLICY, ENGLISH_POLICY
from siyasa.policy import defaults
from siyasa.policy import services as policy_services
from siyasa.policy.models import PolicyText, PolicyVersion


def upload(membership, text: str, name: str = "policy.txt") -> Analysis:
    return services.analyse_upload(membership=membership, data=text.encode(), filename=name)


def text_of(org, key: str) -> PolicyText:
    return PolicyText.objects.for_org(org).get(key=key)


def test_an_analysis_keeps_the_passages_and_the_report_not_the_file(team):
    analysis = upload(team.editor, ENGLISH_POLICY, "‮policy.txt")
    assert analysis.organization == team.org and analysis.uploaded_by == team.editor.user
    assert analysis.filename == "‮policy.txt" and analysis.language == "en"
    assert "Passwords of every official account are changed every 90 days." in analysis.passages
    assert set(analysis.findings) == set(REQUIREMENTS)
    assert analysis.findings["R2.1"]["evidence"]
    assert {f.name for f in Analysis._meta.fields}.isdisjoint({"data", "file", "content"})


def test_the_score_counts_a_partial_requirement_half():
    findings = {"a": {"status": "covered"}, "b": {"status": "partial"}, "c": {"status": "missing"}}
    assert coverage.score(findings) == 50


def test_a_requirement_belongs_to_the_block_that_names_it_else_its_sections_first():
    assert coverage.block_for("R2.9").key == "security.recovery"
    assert coverage.block_for("R2.1").key == "security.intro"
    assert coverage.block_for("R0.1").key == "preamble"


def test_staff_cannot_analyse(team):
    with pytest.raises(PermissionDenied):
        upload(team.staff[0], ENGLISH_POLICY)
    assert not Analysis.objects.exists()


def test_a_file_that_cannot_be_read_is_refused_and_nothing_is_kept(team):
    with pytest.raises(ExtractionError):
        services.analyse_upload(membership=team.editor, data=b"\xff\xfe\x00", filename="x.txt")
    assert not Analysis.objects.exists()


def test_use_as_draft_puts_the_passages_in_their_language_and_marks_the_other(team):
    analysis = upload(team.editor, ENGLISH_POLICY)
    published = PolicyVersion.objects.for_org(team.org).count()
    written = services.use_as_draft(membership=team.editor, analysis=analysis)
    assert "security.intro" in written and any(key.startswith("crisis.") for key in written)
    security = text_of(team.org, "security.intro")
    assert "changed every 90 days" in security.body_en
    assert "two-factor authentication" in security.body_en
    # The Arabic keeps Siyasa's default and waits for a translation of the organisation's text.
    assert security.body_ar == defaults.DEFAULT_TEXTS["security.intro"][0]
    assert security.to_translate == "ar"
    assert security.history.count() == 2  # seeded, then replaced: the old text is kept
    # Where the document is silent the default stays.
    assert text_of(team.org, "law.privacy").body_en == defaults.DEFAULT_TEXTS["law.privacy"][1]
    assert PolicyVersion.objects.for_org(team.org).count() == published  # nothing published


def test_a_mixed_document_is_imported_passage_by_passage_by_script(team):
    analysis = upload(team.editor, f"{ENGLISH_POLICY}\n\n{ARABIC_POLICY}")
    assert analysis.language == "mixed"
    services.use_as_draft(membership=team.editor, analysis=analysis)
    security = text_of(team.org, "security.intro")
    assert "كل تسعين يومًا" in security.body_ar and "كل تسعين" not in security.body_en
    assert "every 90 days" in security.body_en and "every 90 days" not in security.body_ar
    assert security.to_translate == ""  # both languages hold the organisation's words


def test_add_default_text_adds_it_once_after_the_organisations_text(team):
    analysis = upload(team.editor, ARABIC_POLICY)
    services.use_as_draft(membership=team.editor, analysis=analysis)
    before = text_of(team.org, "security.intro")
    assert "كل تسعين يومًا" in before.body_ar
    recorded = before.history.count()
    # R2.2 (custodians) is carried by the security section, whose first block is security.intro.
    assert services.add_default_text(membership=team.editor, analysis=analysis, requirement="R2.2")
    after = text_of(team.org, "security.intro")
    assert after.body_ar.startswith(before.body_ar.rstrip())
    assert after.body_ar.endswith(defaults.DEFAULT_TEXTS["security.intro"][0])
    assert after.history.count() == recorded + 1
    assert after.updated_by == team.editor.user
    assert not services.add_default_text(
        membership=team.editor, analysis=analysis, requirement="R2.2"
    )


def test_an_untouched_draft_already_has_the_default_text(team):
    analysis = upload(team.editor, ENGLISH_POLICY)
    assert not services.add_default_text(
        membership=team.editor, analysis=analysis, requirement="R4.2"
    )


def test_saving_the_text_clears_the_translation_mark(team):
    services.use_as_draft(membership=team.editor, analysis=upload(team.editor, ENGLISH_POLICY))
    text = text_of(team.org, "security.intro")
    policy_services.update_text(
        membership=team.editor, key=text.key, body_ar="نص مترجم", body_en=text.body_en
    )
    assert text_of(team.org, "security.intro").to_translate == ""


def test_another_organisations_analysis_cannot_start_my_draft(team, cast):
    theirs = upload(cast.membership("owner"), ENGLISH_POLICY)
    with pytest.raises(PermissionDenied):
        services.use_as_draft(membership=team.editor, analysis=theirs)
    with pytest.raises(PermissionDenied):
        services.add_default_text(membership=team.editor, analysis=theirs, requirement="R2.1")


def test_the_uploader_and_admins_delete_an_analysis_other_editors_do_not(team):
    first, second = upload(team.editor, ENGLISH_POLICY), upload(team.editor, ENGLISH_POLICY)
    with pytest.raises(PermissionDenied):
        services.delete_analysis(membership=team.other_editor, analysis=first)
    services.delete_analysis(membership=team.editor, analysis=first)
    services.delete_analysis(membership=team.admin, analysis=second)
    assert not Analysis.objects.exists()


def test_siyasas_own_text_comes_back_with_its_passages_as_evidence(team):
    own = "\n\n".join(english for _ar, english in defaults.DEFAULT_TEXTS.values())
    analysis = upload(team.editor, own, "siyasa.md")
    covered = [f for f in analysis.findings.values() if f["status"] != "missing"]
    assert covered
    for finding in covered:
        for evidence in finding["evidence"]:
            # The cited passage is one of the document's, and holds the words it was cited for.
            passage = analysis.passages[evidence["passage"]]
            assert all(word in passage for word in evidence["matched"])
    assert timezone.now() >= analysis.created_at
