"""The policy's prose renderer: the Markdown the texts use, safe HTML, and time linear in the
length of what an editor typed (issue 11, finding 2)."""

import time

import pytest

from siyasa.core.rendering import render_prose, to_html


def test_ordinary_prose_keeps_paragraphs_lists_and_emphasis():
    html = render_prose(
        "The policy exists so that we:\n\n- speak with **one** voice;\n- stay *safe*.\n\n"
        "1. Breathe.\n2. Call the lead.\n\n> Quoted advice"
    )
    assert "<p>The policy exists so that we:</p>" in html
    assert (
        "<ul>\n<li>speak with <strong>one</strong> voice;</li>\n<li>stay <em>safe</em>.</li>"
        in html
    )
    assert "<ol>\n<li>Breathe.</li>\n<li>Call the lead.</li>\n</ol>" in html
    assert "<blockquote>\n<p>Quoted advice</p>\n</blockquote>" in html


def test_headings_links_and_typed_html_become_plain_text():
    html = render_prose("# Title\n\nSee [the guide](https://example.org) <b onclick=x>now</b>")
    assert "<h1>" not in html and "Title" in html
    assert "<a" not in html and "the guide" in html
    assert "<b" not in html and "onclick" not in html.replace("&lt;b onclick=x&gt;", "")


def _fastest(text: str, runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        to_html(text)  # the renderer itself, not render_prose's memo of it
        best = min(best, time.perf_counter() - start)
    return best


# Inputs that made Python-Markdown backtrack (a run of "[" at the field's maximum took 154 s).
ADVERSARIAL = ["[", "![", "[a](", "*a ", "**a_", '<a a="', "[*_<`", "> ", "- ", "[x *y _z <w `v\n"]


@pytest.mark.parametrize("unit", ADVERSARIAL)
def test_adversarial_prose_renders_in_time_linear_in_its_length(unit):
    def text(n: int) -> str:
        return (unit * n)[:n]

    to_html(text(100))  # warm up
    single, double = _fastest(text(2000)), _fastest(text(4000))
    # Twice the text, at most about twice the time (a quadratic renderer takes four times);
    # 5 ms of slack so a timer's noise on tiny figures does not count.
    assert double < 3 * single + 0.005, (unit, single, double)


def test_prose_rendered_again_is_the_same_html_and_an_edit_is_rendered_anew(monkeypatch):
    text = "A policy *text* that many pages show."
    first = render_prose(text)
    monkeypatch.setattr("siyasa.core.rendering.to_html", lambda _text: "rendered anew")
    assert render_prose(text) == first == "<p>A policy <em>text</em> that many pages show.</p>\n"
    assert render_prose(text + " Edited.") == "rendered anew"
