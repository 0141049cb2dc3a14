"""The policy's PDF and Word exports: real content, right-to-left Arabic, embedded fonts."""

import builtins
import datetime
import io
import re

import docx
import pytest
from django.utils import translation
from docx.oxml.ns import qn
from pypdf import PdfReader

from siyasa.core.tests.factories import (
    AccessGrantFactory,
    CustodyFactory,
    EmergencyContactFactory,
    ResponsibilityFactory,
)
from siyasa.policy import defaults, exports
from siyasa.policy.catalogue import SECTIONS
from siyasa.policy.exports import docx as docx_export
from siyasa.policy.models import PolicyText
from siyasa.policy.rules import Rules, draft_rules
from siyasa.policy.selectors import policy_page
from siyasa.policy.services import publish_version

ARABIC = re.compile(r"[\u0600-\u06ff]")


@pytest.fixture
def filled(cast):
    grant = AccessGrantFactory(
        organization=cast.org,
        person__name="ريم الشهري",
        person__name_en="Reem Al-Shehri",
        person__email="reem@example.org",
        account__handle="@alpha_sa",
    )
    CustodyFactory(organization=cast.org, account=grant.account, vault_label="خزنة الفريق")
    ResponsibilityFactory(organization=cast.org, person=grant.person, area="security")
    EmergencyContactFactory(organization=cast.org, person=grant.person, role="social_team")
    return grant


def draft_page(org, built_in="ar"):
    # Built under one language on purpose: an export must not depend on the caller's language.
    with translation.override(built_in):
        return policy_page(org, draft_rules(org))


def titles(lang):
    with translation.override(lang):
        return [str(section.title) for section in SECTIONS]


def label(lang, text, **kwargs):
    with translation.override(lang):
        return translation.gettext(text) % kwargs


# --- PDF --------------------------------------------------------------------------------------


def pdf_pages(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def pdf_fonts(pdf: bytes):
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            # Composite (Type0) fonts keep their descriptor in the descendant font.
            described = (
                font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            )
            yield str(font["/BaseFont"]), described["/FontDescriptor"].get_object()


def test_arabic_pdf_keeps_arabic_in_logical_order_with_embedded_fonts(cast, filled):
    pdf = exports.render_pdf(draft_page(cast.org), lang="ar", base_url="http://testserver/")

    assert pdf.startswith(b"%PDF-")
    pages = pdf_pages(pdf)
    text = "\n".join(pages)
    assert "أدوار الفريق" in text  # a section title, as typed
    assert "ريم الشهري" in text  # a person from the registry
    assert "خزنة الفريق" in text and "reem@example.org" in text and "@alpha_sa" in text
    assert draft_rules(cast.org).disclaimer[1].split(",")[0] in text  # the English one too
    draft = label("ar", "Draft")
    assert all(draft in page for page in pages)  # the footer, on every page
    fonts = list(pdf_fonts(pdf))
    assert fonts
    assert all(
        {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor) for _, descriptor in fonts
    )
    assert any("NotoNaskhArabic" in name.replace("-", "") for name, _ in fonts)


def test_english_pdf_has_a_working_table_of_contents_and_a_version_footer(cast, filled):
    cast.org.name_en = 'Alpha "Society" </style> & Co'  # must not break the footer's CSS
    cast.org.save()
    version = publish_version(
        membership=cast.membership("owner"),
        summary="First",
        kind="material",
        effective_on=datetime.date(2025, 3, 1),
    )
    with translation.override("ar"):
        page = policy_page(cast.org, Rules.from_version(version))

    pages = pdf_pages(exports.render_pdf(page, lang="en", base_url="http://testserver/"))

    text = "\n".join(pages)
    for title in titles("en"):
        assert title in text
    assert defaults.DEFAULT_TEXTS["preamble"][1].split(".")[0] in text.replace("\n", " ")
    assert "Reem Al-Shehri" in text
    for number, page_text in enumerate(pages, start=1):
        assert 'Alpha "Society" </style> & Co' in page_text
        assert "Version 1" in page_text and "In force from" in page_text
        assert f"Page {number} of {len(pages)}" in page_text
    # Each contents entry points at the page where its section starts.
    for number, title in enumerate(titles("en"), start=1):
        heading = f"{number}. {title}"
        target = int(re.search(rf"{re.escape(heading)}[ .…]+(\d+)", pages[0]).group(1))
        assert pages[target - 1].lstrip().startswith(heading)


def test_pdf_export_is_unavailable_when_weasyprint_cannot_load(cast, monkeypatch):
    real_import = builtins.__import__

    def no_pango(name, *args, **kwargs):
        if name == "weasyprint":
            raise OSError("cannot load library 'libpango-1.0-0'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pango)
    with pytest.raises(exports.ExportUnavailable):
        exports.render_pdf(draft_page(cast.org), lang="ar", base_url="http://testserver/")


# --- Word -------------------------------------------------------------------------------------


def open_docx(data: bytes):
    return docx.Document(io.BytesIO(data))


def has(element, tag: str) -> bool:
    return element is not None and element.find(qn(tag)) is not None


def is_bidi(paragraph) -> bool:
    return has(paragraph._p.pPr, "w:bidi")


def table_texts(document) -> list[str]:
    return [cell.text for table in document.tables for row in table.rows for cell in row.cells]


def test_docx_uses_heading_styles_for_the_sections_and_blocks(cast, filled):
    document = open_docx(exports.render_docx(draft_page(cast.org), lang="en"))

    styled = lambda style: [p.text for p in document.paragraphs if p.style.name == style]  # noqa: E731
    assert styled("Title") == ["Alpha Society"]
    assert styled("Heading 1") == [
        "Why this policy exists",
        *(f"{n}. {title}" for n, title in enumerate(titles("en"), start=1)),
    ]
    assert {"Security rules", "Who holds each responsibility", "Emergency contacts"} <= set(
        styled("Heading 2")
    )
    assert "Draft" in [p.text for p in document.paragraphs[:5]]
    assert document.core_properties.language == "en"
    assert "Social media policy" in document.core_properties.title


def test_arabic_docx_is_right_to_left_throughout(cast, filled):
    document = open_docx(exports.render_docx(draft_page(cast.org), lang="ar"))

    not_bidi = [p.text for p in document.paragraphs if not is_bidi(p)]
    # Only the English disclaimer reads left-to-right.
    assert not_bidi == [draft_rules(cast.org).disclaimer[1]]
    assert all(is_bidi(p) for t in document.tables for c in t._cells for p in c.paragraphs)
    assert all(has(table._tbl.tblPr, "w:bidiVisual") for table in document.tables)
    assert all(has(table.rows[0]._tr.trPr, "w:tblHeader") for table in document.tables)
    assert has(document.sections[0]._sectPr, "w:bidi")
    heading = next(p for p in document.paragraphs if p.style.name == "Heading 1")
    run = heading.runs[0]._r
    assert has(run.rPr, "w:rtl") and run.rPr.rFonts.get(qn("w:cs")) == "Noto Naskh Arabic"
    assert document.styles["Normal"].element.xpath("//w:szCs")  # complex-script sizes are set
    assert "أدوار الفريق" in [p.text.split(". ", 1)[-1] for p in document.paragraphs]


def test_english_docx_is_left_to_right_except_arabic_text(cast, filled):
    document = open_docx(exports.render_docx(draft_page(cast.org), lang="en"))

    bidi = [p.text for p in document.paragraphs if is_bidi(p)]
    assert bidi == [draft_rules(cast.org).disclaimer[0]]  # the Arabic disclaimer reads rtl
    assert not any(has(table._tbl.tblPr, "w:bidiVisual") for table in document.tables)
    assert not has(document.sections[0]._sectPr, "w:bidi")


def test_docx_tables_show_the_live_registries(cast, filled):
    document = open_docx(exports.render_docx(draft_page(cast.org), lang="en"))

    cells = table_texts(document)
    assert any("@alpha_sa" in cell for cell in cells)  # accounts, custody
    assert "reem@example.org" in cells  # responsibilities, emergency contacts
    assert "خزنة الفريق" in cells  # where the credential is kept
    assert cells.count("Not assigned yet") == 8  # nine areas, one assigned
    header_rows = [[c.text for c in table.rows[0].cells] for table in document.tables]
    assert ["Responsibility", "Held by", "E-mail"] in header_rows


def test_arabic_docx_keeps_phone_numbers_and_handles_left_to_right(cast, filled):
    document = open_docx(exports.render_docx(draft_page(cast.org), lang="ar"))

    cells = table_texts(document)
    assert "\u200e+966\u00a050\u00a0000\u00a00001\u200e" in cells  # marks hold its order in Arabic
    assert "reem@example.org" in cells  # e-mails stay clean for copying


def test_docx_prose_follows_the_markdown_and_falls_back_to_the_other_language(cast, filled):
    PolicyText.objects.filter(organization=cast.org, key="roles.intro").update(
        body_en="Owners **must** answer.\nSame paragraph.\n\n- first\n- second"
    )
    PolicyText.objects.filter(organization=cast.org, key="law.privacy").update(body_en="")

    document = open_docx(exports.render_docx(draft_page(cast.org), lang="en"))

    paragraphs = document.paragraphs
    intro = next(p for p in paragraphs if p.text.startswith("Owners"))
    assert intro.text == "Owners must answer. Same paragraph."
    assert [r.text for r in intro.runs if r.bold] == ["must"]
    after = paragraphs[paragraphs.index(intro) + 1 : paragraphs.index(intro) + 3]
    assert [(p.style.name, p.text) for p in after] == [
        ("List Bullet", "first"),
        ("List Bullet", "second"),
    ]
    arabic = defaults.DEFAULT_TEXTS["law.privacy"][0].split("\n")[0]
    fallback = next(p for p in paragraphs if p.text and arabic.startswith(p.text[:30]))
    assert is_bidi(fallback)
    assert (
        "has not been written in your language" in paragraphs[paragraphs.index(fallback) - 1].text
    )


def test_prose_paragraphs_reads_the_markdown_subset():
    text = "One\nline.\n\n- a **b**\n  wrapped\n1. n\n\n> quoted\n\nEnd"
    assert docx_export.prose_paragraphs(text) == [
        ("Normal", "One line."),
        ("List Bullet", "a **b** wrapped"),
        ("List Number", "n"),
        ("Quote", "quoted"),
        ("Normal", "End"),
    ]
