"""Siyasa's own policy, exported as PDF or Word and read back, is reported fully covered."""

import pytest
from django.utils import translation

from siyasa.core.tests.factories import UserFactory
from siyasa.intake.analyser import analyse
from siyasa.intake.document import Status
from siyasa.intake.extract import extract
from siyasa.intake.tests.test_extract import exported_pdf
from siyasa.policy import exports
from siyasa.policy.rules import draft_rules
from siyasa.policy.selectors import policy_page
from siyasa.workspace.services import create_organization


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_siyasas_own_pdf_comes_back_fully_covered(db, lang):
    report = analyse(extract(exported_pdf(lang), filename="policy.pdf"))
    assert report.language == lang
    not_covered = {
        requirement: (finding.status.value, finding.lacking)
        for requirement, finding in report.findings.items()
        if finding.status != Status.COVERED
    }
    assert not_covered == {}


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_siyasas_own_word_file_comes_back_fully_covered(db, lang):
    org = create_organization(owner=UserFactory(), name_ar="جمعية نور", name_en="Nour", slug="nour")
    with translation.override(lang):
        data = exports.render_docx(policy_page(org, draft_rules(org)), lang=lang)
    report = analyse(extract(data, filename="policy.docx"))
    assert [r for r, f in report.findings.items() if f.status != Status.COVERED] == []
