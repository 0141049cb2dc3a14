"""`{{ quote.text|evidence:quote.matched }}`: a passage of an uploaded policy, its matched words
marked; `{{ analysis.filename|filename }}`: the name of the file uploaded."""

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
    # Isolated, and left to right: "سياسة 2023.docx" keeps its extension at the end.
    return format_html('<bdi class="filename" dir="ltr">{}</bdi>', name)
