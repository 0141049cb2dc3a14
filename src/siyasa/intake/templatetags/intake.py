"""`{{ quote.text|evidence:quote.matched }}`: a passage of an uploaded policy, its matched words
marked; `{{ analysis.filename|filename }}`: the name of the file uploaded."""

import unicodedata

from django import template
from django.utils.html import format_html

from siyasa.core.arabic import normalise
from siyasa.core.highlight import marked, pieces

register = template.Library()


@register.filter
def evidence(text, matched):
    # The analyser gives the words as they appear or folded; both are found in the folded text.
    return marked(pieces(str(text or ""), [normalise(word) for word in matched or ()]))


@register.filter
def filename(name) -> str:
    # Isolated, in the direction of its first letter, as dir="auto" would choose: the extension
    # and brackets of "سياسة (نهائية) ٢٠٢٤.pdf" stay at its end on the left, those of
    # "Policy (final).docx" on the right, whatever the sentence around it. Written out, because
    # WeasyPrint (the report's PDF) knows only dir="ltr" and dir="rtl".
    return format_html('<bdi class="filename" dir="{}">{}</bdi>', _direction(str(name or "")), name)


def _direction(text: str) -> str:
    strong = (unicodedata.bidirectional(char) for char in text)
    return "rtl" if next((k for k in strong if k in ("L", "R", "AL")), "L") != "L" else "ltr"
