"""Text out of uploaded policies (issue 17): every format read by content with its headings,
paragraphs and items in order, Arabic kept readable, and bad files refused with a clear message."""

import codecs
import contextlib
import io
import re
import time
import zipfile
from pathlib import Path

import docx
import pytest
from django.contrib.staticfiles import finders
from django.utils import translation
from django.utils.html import strip_tags
from docx.enum.text import WD_PARAGRAPH_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from pypdf import PdfReader, PdfWriter
from pypdf.generic import ContentStream

from siyasa.core.arabic import normalise
from siyasa.core.tests.factories import UserFactory
from siyasa.intake.document import Block, BlockKind, ExtractionError
from siyasa.intake.extract import MAX_UPLOAD_BYTES, extract, pdf
from siyasa.policy import exports
from siyasa.policy.catalogue import PREAMBLE, SECTIONS
from siyasa.policy.defaults import DEFAULT_TEXTS
from siyasa.policy.exports.document import ARABIC_FONT, FONT_FILES, LATIN_FONT
from siyasa.policy.rules import draft_rules
from siyasa.policy.selectors import policy_page
from siyasa.workspace.services import create_organization

H, P, LI = BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.ITEM


def shape(document):
    return [(b.kind, b.text, b.level) for b in document.blocks]


def refusal(data: bytes, filename: str = "", lang: str = "en") -> str:
    with translation.override(lang):
        with pytest.raises(ExtractionError) as caught:
            extract(data, filename=filename)
        return str(caught.value.message)  # lazy: in the language of the page that shows it


# --- Files built here ----------------------------------------------------------------------


def text_pdf(pages: list[list[tuple[int, str]]]) -> bytes:
    """A PDF whose pages hold lines of Latin text in Helvetica, each as (font size, text), drawn
    from the top down with a gap of twice the size before a line of a different size."""
    objects: list[bytes] = [b"", b""]  # 1: catalog, 2: page tree, filled in at the end
    font = len(objects) + 1
    objects.append(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    )
    kids = []
    for lines in pages:
        y, previous, ops = 780, None, []
        for size, line in lines:
            y -= size * (2.4 if previous not in (None, size) or not line else 1.3)
            previous = size
            if line:
                escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
                ops.append(f"BT /F1 {size} Tf 72 {y:.1f} Td ({escaped}) Tj ET")
        stream = "\n".join(ops).encode("latin-1")
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
            b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (len(objects), font)
        )
        kids.append(len(objects))
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids),
        len(kids),
    )
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.write(b"".join(b"%010d 00000 n \n" % o for o in offsets))
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


def encrypted(data: bytes, *, user_password: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=user_password, owner_password="owner-secret", algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def saved(document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def right_to_left(paragraph):
    """Mark a paragraph and its runs right-to-left, as Word does for an Arabic document."""
    properties = paragraph._p.get_or_add_pPr()
    properties.append(OxmlElement("w:bidi"))
    paragraph.alignment = WD_PARAGRAPH_ALIGNMENT.RIGHT
    for run in paragraph.runs:
        run.font.rtl = True
    return paragraph


def zip_of(entries: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return out.getvalue()


# --- Formats told from the content ---------------------------------------------------------


def test_each_format_is_told_from_its_content_whatever_the_file_is_called():
    word = docx.Document()
    word.add_heading("From Word", 1)
    page = text_pdf([[(18, "From a PDF"), (11, "Its first paragraph.")]])
    html = b"<!DOCTYPE html><html><body><h1>From a page</h1><p>Text.</p></body></html>"

    assert extract(saved(word), filename="policy.pdf").blocks[0] == Block(H, "From Word", 1)
    assert extract(page, filename="policy.docx").blocks[0] == Block(H, "From a PDF", 1)
    assert extract(b"\r\n" + page).blocks[0] == Block(H, "From a PDF", 1)  # junk before %PDF-
    assert extract(html, filename="policy.txt").blocks[0] == Block(H, "From a page", 1)
    assert extract(b"# From Markdown\n\nText.", filename="").blocks[0] == Block(
        H, "From Markdown", 1
    )
    # In a .txt, "#" is only a character.
    assert extract(b"# Notes\n\nText.", filename="notes.txt").blocks[0].text == "# Notes"
    assert extract(b"Some words.\n- listed\n", filename="rules.md").blocks[1] == Block(LI, "listed")


@pytest.mark.parametrize(
    "data, name",
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01", "policy.docx"),
        (b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" * 8, "policy.docx"),
        (zip_of({"xl/workbook.xml": b"<workbook/>", "[Content_Types].xml": b"<Types/>"}), "a.docx"),
        (b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>', "policy.html"),
        ("Ce texte est en Latin-1: été, déjà.".encode("latin-1"), "policy.txt"),
        (b"\x00\x01\x02binary", "policy.md"),
    ],
    ids=["png", "exe", "spreadsheet", "svg", "latin-1", "binary"],
)
def test_a_file_of_another_type_is_refused_whatever_it_is_called(data, name):
    assert refusal(data, name) == (
        "This file type is not supported: upload Word (.docx), PDF, Markdown, text or HTML."
    )
    assert refusal(data, name, "ar") == (
        "هذا النوع من الملفات غير مدعوم: ارفع ملف Word ‏(.docx) أو PDF أو Markdown أو ملفًا نصيًا أو HTML."
    )


OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504


def test_an_old_word_file_is_refused_with_what_to_do_instead():
    doc = OLE + "WordDocument".encode("utf-16-le")
    assert refusal(doc, "policy.doc") == (
        "This looks like an older Word file (.doc): save it as .docx in Word and upload that."
    )
    assert refusal(OLE + "Workbook".encode("utf-16-le"), "policy.docx").startswith(
        "This file type is not supported"
    )


def test_a_word_file_with_a_password_says_it_is_protected():
    # Word wraps a protected .docx in an OLE file whose streams include "EncryptedPackage".
    protected = OLE + "EncryptionInfo".encode("utf-16-le") + "EncryptedPackage".encode("utf-16-le")
    assert refusal(protected, "policy.docx").startswith("This Word file is protected by a password")


def test_an_empty_file_and_a_file_of_blank_lines_have_no_text():
    assert refusal(b"") == "This file has no text in it."
    assert refusal(b" \r\n\t\n", "policy.txt") == "This file has no text in it."
    assert refusal(b"<html><body><script>x()</script></body></html>") == (
        "This file has no text in it."
    )
    assert refusal(b"") == "This file has no text in it."
    assert refusal(b"", lang="ar") == "لا يحتوي هذا الملف على أي نص."


def test_a_file_over_the_upload_limit_is_refused_before_it_is_read():
    message = refusal(b"a" * (MAX_UPLOAD_BYTES + 1), "policy.txt")
    assert message == "This file is larger than 10 MB. Upload a smaller file."


# --- Plain text and its encodings ----------------------------------------------------------


def test_plain_text_keeps_paragraphs_items_and_short_numbered_headings():
    text = (
        "Social media policy\n\n"
        "1. Team roles\n\n"
        "Every account has an owner\nwho answers for it.\n\n"
        "- Passwords live in the manager;\n- two-factor is on.\n\n"
        "1.2 Devices\n\n"
        "Only registered devices are used."
    )
    assert shape(extract(text.encode(), filename="policy.txt")) == [
        (H, "Social media policy", 1),
        (H, "1. Team roles", 1),
        (P, "Every account has an owner who answers for it.", 0),
        (LI, "Passwords live in the manager;", 0),
        (LI, "two-factor is on.", 0),
        (H, "1.2 Devices", 2),
        (P, "Only registered devices are used.", 0),
    ]


ARABIC_TEXT = "سياسة التواصل\n\nيحفظ مسؤول الحساب كلمة المرور في مدير كلمات المرور."


@pytest.mark.parametrize(
    "encoded",
    [
        ARABIC_TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + ARABIC_TEXT.encode("utf-8"),
        codecs.BOM_UTF16_LE + ARABIC_TEXT.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + ARABIC_TEXT.encode("utf-16-be"),
        # What Notepad on an Arabic Windows saves as "ANSI": decoded, since it reads as Arabic.
        ARABIC_TEXT.encode("cp1256"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le-bom", "utf-16-be-bom", "windows-1256"],
)
def test_arabic_text_reads_the_same_in_every_encoding_people_save_it_in(encoded):
    assert shape(extract(encoded, filename="policy.txt")) == [
        (H, "سياسة التواصل", 1),
        (P, "يحفظ مسؤول الحساب كلمة المرور في مدير كلمات المرور.", 0),
    ]


def test_utf_16_without_its_byte_order_mark_is_refused():
    assert "not supported" in refusal(ARABIC_TEXT.encode("utf-16-le"), "policy.txt")


# --- Markdown --------------------------------------------------------------------------------


def test_markdown_keeps_headings_items_paragraphs_and_cells_without_markup():
    text = """# Social media policy

Why this policy exists
----------------------

We speak with **one** voice; see [the guide](https://example.org/guide) ![logo](logo.png).

- Passwords live in the *password manager*
  and nowhere else.
- Two-factor is `on`.

   Indented under the item.

1. Call the lead.

> A quoted rule.

## Table ##

| Area | Person |
|------|:------:|
| Security | Reem |

<div onclick="x()">Raw HTML words</div>

```
code stays words
```
"""
    assert shape(extract(text.encode(), filename="policy.md")) == [
        (H, "Social media policy", 1),
        (H, "Why this policy exists", 2),
        (P, "We speak with one voice; see the guide .", 0),
        (LI, "Passwords live in the password manager and nowhere else.", 0),
        (LI, "Two-factor is on.", 0),
        (LI, "Indented under the item.", 0),
        (LI, "Call the lead.", 0),
        (P, "A quoted rule.", 0),
        (H, "Table", 2),
        (P, "Area", 0),
        (P, "Person", 0),
        (P, "Security", 0),
        (P, "Reem", 0),
        (P, "Raw HTML words", 0),
        (P, "code stays words", 0),
    ]


# --- HTML ------------------------------------------------------------------------------------


def test_html_keeps_the_text_and_drops_scripts_styles_navigation_and_footers():
    page = """<!DOCTYPE html><html dir="rtl" lang="ar"><head><title>Tab title</title>
<style>p { color: red }</style><script>alert("x")</script></head>
<body><nav><a href="/">Home</a></nav><header>Site banner</header>
<main><h1>سياسة التواصل</h1><p>نص <b>الفقرة</b> الأولى<br>ثم سطر</p>
<ul><li>بند أول<ul><li>بند فرعي</li></ul> بقية البند</li><li>بند ثانٍ</li></ul>
<h3>Table</h3><table><tr><th>Area</th><td>Reem &amp; Ali</td></tr></table>
<div>Loose words<div>Inner block</div></div>
<img src="https://example.org/tracker.png" alt="never fetched"></main>
<footer>© The site</footer></body></html>"""
    assert shape(extract(page.encode(), filename="policy.html")) == [
        (H, "سياسة التواصل", 1),
        (P, "نص الفقرة الأولى ثم سطر", 0),
        (LI, "بند أول", 0),
        (LI, "بند فرعي", 0),
        (LI, "بقية البند", 0),
        (LI, "بند ثانٍ", 0),
        (H, "Table", 3),
        (P, "Area", 0),
        (P, "Reem & Ali", 0),
        (P, "Loose words", 0),
        (P, "Inner block", 0),
    ]


def test_an_entity_in_html_reads_no_file(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    page = (
        f'<!DOCTYPE html [<!ENTITY leak SYSTEM "{secret.as_uri()}">]>'
        "<html><body><p>Before &leak; after</p></body></html>"
    )
    text = extract(page.encode(), filename="policy.html").text
    assert "TOP-SECRET" not in text and "Before" in text


# --- Word ------------------------------------------------------------------------------------


def test_word_keeps_headings_items_and_table_cells_in_order():
    word = docx.Document()
    word.add_paragraph("Social media policy", style="Title")
    word.add_heading("Team roles", 1)
    word.add_paragraph("Every account has a named owner.")
    word.add_paragraph("Passwords live in the manager.", style="List Bullet")
    word.add_paragraph("Two-factor is on.", style="List Number")
    word.add_heading("Who holds what", 2)
    table = word.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Area", "Person"
    table.cell(1, 0).merge(table.cell(1, 1)).text = "Security: Reem"
    word.add_paragraph("")
    word.add_paragraph("Last words.")

    assert shape(extract(saved(word), filename="policy.docx")) == [
        (H, "Social media policy", 1),
        (H, "Team roles", 1),
        (P, "Every account has a named owner.", 0),
        (LI, "Passwords live in the manager.", 0),
        (LI, "Two-factor is on.", 0),
        (H, "Who holds what", 2),
        (P, "Area", 0),
        (P, "Person", 0),
        (P, "Security: Reem", 0),
        (P, "Last words.", 0),
    ]


def test_a_right_to_left_arabic_word_file_keeps_its_arabic_headings_and_text_in_order():
    word = docx.Document()
    styles = word.styles
    # Styles named in Arabic, as an Arabic template names them: one based on Heading 1, one
    # with only an outline level, and a list style.
    section = styles.add_style("عنوان القسم", 1)
    section.base_style = styles["Heading 1"]
    section.font.size = Pt(18)
    sub = styles.add_style("عنوان فرعي", 1)
    outline = OxmlElement("w:outlineLvl")
    outline.set(qn("w:val"), "1")
    sub.element.get_or_add_pPr().append(outline)
    styles.add_style("قائمة نقطية", 1)

    right_to_left(word.add_paragraph("سياسة وسائل التواصل الاجتماعي", style="Title"))
    right_to_left(word.add_paragraph("أدوار الفريق", style="عنوان القسم"))
    right_to_left(word.add_paragraph("لكل حساب رسمي مسؤول محدد بالاسم."))
    right_to_left(word.add_paragraph("كلمات المرور", style="عنوان فرعي"))
    right_to_left(word.add_paragraph("تُحفظ في مدير كلمات المرور.", style="قائمة نقطية"))
    right_to_left(word.add_paragraph("تُغيَّر كل ستة أشهر.", style="List Bullet"))
    right_to_left(word.add_paragraph("وتُراجع سنويًا مع مسؤول الأمان (IT) في 2025."))

    assert shape(extract(saved(word), filename="سياسة.docx")) == [
        (H, "سياسة وسائل التواصل الاجتماعي", 1),
        (H, "أدوار الفريق", 1),
        (P, "لكل حساب رسمي مسؤول محدد بالاسم.", 0),
        (H, "كلمات المرور", 2),
        (LI, "تُحفظ في مدير كلمات المرور.", 0),
        (LI, "تُغيَّر كل ستة أشهر.", 0),
        (P, "وتُراجع سنويًا مع مسؤول الأمان (IT) في 2025.", 0),
    ]


def test_siyasas_own_word_export_comes_back_with_its_sections(db):
    org = create_organization(owner=UserFactory(), name_ar="جمعية نور", slug="nour")
    with translation.override("ar"):
        page = policy_page(org, draft_rules(org))
        data = exports.render_docx(page, lang="ar")
    document = extract(data, filename="export.docx")
    headings = [normalise(b.text) for b in document.blocks if b.kind == H]
    for section in SECTIONS:
        with translation.override("ar"):
            title = normalise(str(section.title))
        assert any(title in heading for heading in headings), title
    # The preamble's bulleted aims come back as list items, in Arabic as written.
    items = [b.text for b in document.blocks if b.kind == LI]
    assert items[0].startswith("نظهر بهوية واحدة على جميع قنواتنا")


def _word_with_document_xml(body: bytes) -> bytes:
    template = zipfile.ZipFile(io.BytesIO(saved(docx.Document())))
    entries = {i.filename: template.read(i.filename) for i in template.infolist()}
    entries["word/document.xml"] = body
    return zip_of(entries)


def test_an_entity_in_a_word_file_is_neither_expanded_nor_read_from_disk(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    body = (
        '<?xml version="1.0"?><!DOCTYPE w:document ['
        f'<!ENTITY leak SYSTEM "{secret.as_uri()}"><!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>Kept &leak;&b;</w:t></w:r></w:p></w:body></w:document>"
    ).encode()
    text = extract(_word_with_document_xml(body), filename="policy.docx").text
    assert text == "Kept"


def test_a_zip_bomb_named_docx_is_refused_without_unpacking_it():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as entry:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(200):  # 200 MB of zeros, a few hundred KB once compressed
                entry.write(chunk)
    bomb = out.getvalue()
    assert len(bomb) < 1024 * 1024

    start = time.perf_counter()
    message = refusal(bomb, "policy.docx")
    assert time.perf_counter() - start < 1
    assert message.startswith("This Word file unpacks to far more than a document needs")


def test_a_small_entry_that_unpacks_hundreds_of_times_its_size_is_refused_too():
    bomb = _word_with_document_xml(b"<w:document>" + b" " * (5 * 1024 * 1024) + b"</w:document>")
    assert refusal(bomb, "policy.docx").startswith("This Word file unpacks to far more")


def test_a_damaged_word_file_says_so():
    broken = zip_of({"[Content_Types].xml": b"<Types", "word/document.xml": b"<w:document"})
    assert refusal(broken, "policy.docx") == (
        "This Word file cannot be read; it may be damaged. Save it again in Word, or upload a PDF."
    )


# --- PDF -------------------------------------------------------------------------------------


def test_a_pdf_keeps_its_pages_headings_paragraphs_and_bullets():
    data = text_pdf(
        [
            [
                (20, "Social media policy"),
                (11, "This policy explains how we use"),
                (11, "social media."),
                (11, ""),
                (11, "A second paragraph."),
                (15, "Security"),
                (11, "\x95 Passwords live in the manager."),
            ],
            [(11, "Page two text.")],
        ]
    )
    document = extract(data, filename="policy.pdf")
    assert document.pages == 2
    assert shape(document) == [
        (H, "Social media policy", 1),
        (P, "This policy explains how we use social media.", 0),
        (P, "A second paragraph.", 0),
        (H, "Security", 2),
        (LI, "Passwords live in the manager.", 0),
        (P, "Page two text.", 0),
    ]


def test_a_pdf_leaves_out_the_footer_every_page_repeats():
    texts = ["Roles come first.", "Then security.", "Then the crisis plan.", "Then the law."]
    data = text_pdf(
        [[(11, text), (8, f"Alpha Society - Page {n} of 4")] for n, text in enumerate(texts, 1)]
    )
    assert [b.text for b in extract(data).blocks] == texts


def exported_pdf(lang: str) -> bytes:
    """Siyasa's own PDF of the draft of an organisation created through the product."""
    org = create_organization(owner=UserFactory(), name_ar="جمعية نور", name_en="Nour", slug="nour")
    with translation.override(lang):
        page = policy_page(org, draft_rules(org))
    return exports.render_pdf(page, lang=lang, base_url="http://testserver/")


WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    return WORD.findall(normalise(text))


@pytest.mark.parametrize("lang, index", [("ar", 0), ("en", 1)])
def test_siyasas_own_pdf_comes_back_with_its_section_headings_and_texts(db, lang, index):
    data = exported_pdf(lang)
    document = extract(data, filename="policy.pdf")

    assert document.pages == len(PdfReader(io.BytesIO(data)).pages)
    headings = [normalise(b.text) for b in document.blocks if b.kind == H]
    with translation.override(lang):
        titles = [normalise(str(s.title)) for s in (PREAMBLE, *SECTIONS)]
    found = [next(i for i, h in enumerate(headings) if title in h) for title in titles]
    assert found == sorted(found)  # every section's heading, in the order of the policy
    extracted = set(words(document.text))
    for key, texts in DEFAULT_TEXTS.items():
        source = words(texts[index])
        missing = [w for w in source if w not in extracted]
        # A word glued to a number or a bracket by the PDF's layout may come out joined.
        assert len(missing) <= len(source) // 50, (key, missing)


def weasyprint_pdf(body: str) -> bytes:
    """A PDF laid out by WeasyPrint, as Siyasa's own exports are, with the shipped fonts."""
    import weasyprint  # noqa: PLC0415 - heavy: only the tests that lay out a PDF load it

    faces = "".join(
        f'@font-face {{ font-family: "{family}"; font-weight: {weight}; '
        f'src: url("{Path(finders.find(f"siyasa/fonts/{name}")).as_uri()}"); }}'
        for family, weight, name in FONT_FILES
    )
    style = (
        f'{faces} html {{ font-family: "{ARABIC_FONT}", "{LATIN_FONT}"; font-size: 11pt; }}'
        " p { text-align: justify; } td { padding: 1.5mm 2mm; }"
    )
    page = f"<html><head><style>{style}</style></head><body>{body}</body></html>"
    return weasyprint.HTML(string=page).write_pdf()


ARABIC_PARAGRAPH = (
    "تلتزم الجمعية بحماية حساباتها الرسمية على وسائل التواصل الاجتماعي، ويتولى مدير الإعلام "
    "مراجعة كل منشور قبل نشره، وتُغيَّر كلمات المرور كل تسعين يومًا ويُفعَّل التحقق بخطوتين "
    "على كل حساب، ويحفظ <strong>مسؤول الأمن الرقمي</strong> هاتف التحقق في مكتب الجمعية."
)
ENGLISH_PARAGRAPH = (
    "The association protects its official social media accounts, and the communications lead "
    "reviews every post before it is published; passwords are changed every ninety days and "
    "two-factor authentication is on for every account, the phone kept by "
    "<strong>the security lead</strong> in the office."
)


def test_the_cells_of_a_pdf_table_are_read_apart_in_reading_order_and_paragraphs_whole():
    rows = {
        "ar": [("المسؤول", "مدير الإعلام"), ("كلمة المرور", "تُغيَّر كل تسعين يومًا")],
        "en": [("Owner", "Communications lead"), ("Passwords", "Changed every ninety days")],
    }

    def table(lang):
        cells = "".join(f"<tr><td>{a}</td><td>{b}</td></tr>" for a, b in rows[lang])
        return f"<table>{cells}</table>"

    data = weasyprint_pdf(
        f'<section dir="rtl" lang="ar"><h1>الأدوار</h1><p>{ARABIC_PARAGRAPH}</p>{table("ar")}'
        f'</section><section lang="en"><h1>Roles</h1><p>{ENGLISH_PARAGRAPH}</p>{table("en")}'
        "</section>"
    )
    # Each cell is a passage of its own, the row's first (the right one in Arabic) first: a
    # cue can no longer be read across two cells ("المسؤول مدير…").
    cells = [(P, cell, 0) for lang in ("ar", "en") for row in rows[lang] for cell in row]
    assert shape(extract(data, filename="policy.pdf")) == [
        (H, "الأدوار", 1),
        (P, strip_tags(ARABIC_PARAGRAPH), 0),
        *cells[:4],
        (H, "Roles", 1),
        (P, strip_tags(ENGLISH_PARAGRAPH), 0),
        *cells[4:],
    ]


def test_arabic_drawn_in_presentation_forms_is_read_as_letters_in_reading_order():
    # "كلمة المرور 2026" in the shaped forms a PDF may store: once as written, once as drawn
    # from left to right (each word's letters reversed, the number the right way round).
    kalima = "\ufedb\ufee0\ufee4\ufe94"  # ك ل م ة: initial, medial, medial, final
    almurur = "\ufe8d\ufedf\ufee4\ufeae\ufeed\ufead"  # ا ل م ر و ر
    written = f"{kalima} {almurur} 2026"
    drawn = f"2026 {almurur[::-1]} {kalima[::-1]}"
    assert pdf._readable(written) == "كلمة المرور 2026"
    assert pdf._readable(drawn) == "كلمة المرور 2026"
    # Latin words inside an Arabic line stay in their own order.
    assert pdf._readable(f"Microsoft Teams 2026 {kalima[::-1]}") == "كلمة Microsoft Teams 2026"


def test_a_row_of_cells_in_presentation_forms_is_read_from_the_right():
    # Two cells of an Arabic row, stored shaped, drawn left cell first: the right one is read
    # first, as in a row of plain letters.
    kalima = "\ufedb\ufee0\ufee4\ufe94"  # كلمة
    almurur = "\ufe8d\ufedf\ufee4\ufeae\ufeed\ufead"  # المرور
    line = pdf._Line(page=0, y=700, size=10)
    line.runs = [pdf._Run((40, 700), 40, 1, almurur), pdf._Run((300, 700), 300, 1, kalima)]
    advances = {(40, 700): 30.0, (300, 700): 25.0}
    assert [pdf._readable(cell) for cell in pdf._cells(line, advances)] == ["كلمة", "المرور"]


def test_a_pdf_with_a_password_says_it_is_protected():
    data = encrypted(text_pdf([[(11, "Secret policy.")]]), user_password="letmein")
    assert refusal(data, "policy.pdf").startswith("This PDF is protected by a password")
    assert refusal(data, "policy.pdf", "ar").startswith("ملف PDF هذا محمي بكلمة مرور")


def test_a_pdf_locked_only_against_editing_is_read():
    data = encrypted(text_pdf([[(11, "Readable policy.")]]), user_password="")
    assert extract(data).text == "Readable policy."


def test_a_scanned_pdf_without_text_asks_for_the_word_file():
    writer = PdfWriter()
    page = writer.add_blank_page(595, 842)
    image = b"q 500 0 0 700 40 60 cm BI /W 2 /H 2 /CS /G /BPC 8 ID \x10\x80\x80\x10 EI Q"
    content = ContentStream(None, None)
    content.set_data(image)
    page.replace_contents(content)
    out = io.BytesIO()
    writer.write(out)
    message = refusal(out.getvalue(), "scan.pdf")
    assert message.startswith("This PDF has no text Siyasa can read: it looks like a scan")


def test_a_pdf_longer_than_any_policy_is_refused():
    writer = PdfWriter()
    for _ in range(pdf.MAX_PAGES + 1):
        writer.add_blank_page(595, 842)
    out = io.BytesIO()
    writer.write(out)
    assert refusal(out.getvalue()) == (
        "This PDF has more than 300 pages; a policy is much shorter. Upload the policy alone."
    )


def test_a_pdf_with_far_more_text_than_a_policy_stops_being_read(monkeypatch):
    monkeypatch.setattr(pdf, "MAX_CHARACTERS", 40)
    data = text_pdf([[(11, "Twenty-six characters of .")] for _ in range(2)])
    assert refusal(data, "book.pdf") == (
        "This PDF holds far more text than a policy. Upload the policy alone."
    )


def test_a_damaged_pdf_says_so():
    assert refusal(b"%PDF-1.7\n1 0 obj <<< garbage", "policy.pdf") == (
        "This PDF cannot be read; it may be damaged. Export it again, or upload the Word file."
    )


# --- Time linear in the size of the file ---------------------------------------------------


def _seconds(data: bytes, filename: str) -> float:
    start = time.perf_counter()
    # A file of nothing but marks may have no text; the time is what is measured.
    with contextlib.suppress(ExtractionError):
        extract(data, filename=filename)
    return time.perf_counter() - start


@pytest.mark.parametrize(
    "unit, filename",
    [
        ("[", "policy.md"),
        ("![a](", "policy.md"),
        ("<a ", "policy.md"),
        ("*a_", "policy.md"),
        ("> ", "policy.md"),
        ("- x\n  ", "policy.md"),
        ("| a ", "policy.md"),
        ("1. x\n", "policy.txt"),
        ("<", "policy.html"),
        ("<ul><li>", "policy.html"),
    ],
)
def test_two_megabytes_of_adversarial_input_take_time_in_proportion(unit, filename):
    def data(size: int) -> bytes:
        prefix = "<p>x</p>" if filename.endswith(".html") else ""
        return (prefix + unit * (size // len(unit) + 1))[:size].encode()

    _seconds(data(1000), filename)  # warm up
    small = min(_seconds(data(200_000), filename) for _ in range(2))
    large = _seconds(data(2_000_000), filename)
    # Ten times the input: a linear reader takes about ten times as long, a quadratic one a
    # hundred times. The slack covers the garbage collector and a busy machine.
    assert large < 30 * small + 1, (unit, small, large)
