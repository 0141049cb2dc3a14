"""`{{ quote.text|evidence:quote.matched }}`: a passage of an uploaded policy, its matched words marked."""

from django import template

from siyasa.core.arabic import normalise
from siyasa.core.highlight import marked, pieces

register = template.Library()


@register.filter
def evidence(text, matched):
    # The analyser gives the words as they appear or folded; both are found in the folded text.
    return marked(pieces(str(text or ""), [normalise(word) for word in matched or ()]))
