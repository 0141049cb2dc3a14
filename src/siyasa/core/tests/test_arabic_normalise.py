"""Arabic is compared loosely, the same way on both sides of a search."""

import pytest

from siyasa.core.arabic import normalise


@pytest.mark.parametrize(
    ("written", "searched"),
    [
        ("أحمد", "احمد"),  # hamza above
        ("إبراهيم", "ابراهيم"),  # hamza below
        ("آمنة", "امنه"),  # madda, and taa marbuta
        ("ٱلرحمن", "الرحمن"),  # alef wasla
        ("فاطمة", "فاطمه"),  # taa marbuta
        ("مصطفى", "مصطفي"),  # alef maqsura
        ("مُحَمَّدٌ", "محمد"),  # tashkeel: damma, fatha, shadda, dammatan
        ("سِيَاسَة", "سياسه"),
        ("جـــمعية", "جمعيه"),  # tatweel
        ("ا\u0654حمد", "احمد"),  # a decomposed أ (alef + combining hamza)
        ("Noura AL-Harbi", "noura al-harbi"),
        ("٠٥٠١٢٣", "050123"),  # Arabic-Indic digits
    ],
)
def test_variants_of_a_word_compare_equal(written, searched):
    assert normalise(written) == normalise(searched)


def test_different_letters_stay_different():
    assert normalise("سعد") != normalise("سعيد")
    assert normalise("ه") != normalise("ح")


def test_each_character_folds_on_its_own():
    """The highlight maps matches back character by character; that needs this."""
    text = "أَحمد ـ مدرسة"
    assert normalise(text) == "".join(normalise(c) for c in text)
