"""Recognises text that looks like a credential, so that Siyasa refuses to store it (R2.8).

Siyasa records who holds a credential and where it is kept, never the credential itself; a
password typed into a note would be shown on the policy page and kept in the history for ever.
`looks_like_secret` names what it found; `refuse_secrets` is the validator every free-text field
runs (`core.forms.TextGuard`).

Every check is linear in the text: the text is cut once into words (`\\S+`), each word is looked
at on its own with patterns anchored at its start, and a label ("password:") is followed by a
look at the next few characters only. No pattern can backtrack over the whole text.
"""

import math
import re
from collections import Counter

from django.core.exceptions import ValidationError
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

# The reasons `looks_like_secret` gives.
LABELLED = "labelled"  # "password: hunter2", "كلمة المرور: 1234"
TOKEN = "token"  # a well-known token or key format
PRIVATE_KEY = "private_key"  # "-----BEGIN … PRIVATE KEY-----"
RECOVERY_CODES = "recovery_codes"  # several backup codes in a row
RANDOM = "random"  # a long string with the character mix and spread of a generated secret

WHAT = {
    LABELLED: _("This looks like a password or a code."),
    TOKEN: _("This looks like an access token or a key."),
    PRIVATE_KEY: _("This looks like a private key."),
    RECOVERY_CODES: _("This looks like recovery codes."),
    RANDOM: _("This looks like a generated password or key."),
}
ADVICE = _(
    "Siyasa never stores passwords, codes or tokens: keep it in the password manager and record "
    "only where it is kept."
)

# --- a labelled password or PIN -----------------------------------------------------------

# English labels stand alone ("spin:" is not "pin:"); Arabic ones may carry a prefix ("وكلمة").
# A label that is also an everyday word ("pass", "pin" a post, "token") counts only with a sign
# before its value ("pin: 1234", "pin is 1234"); the others also with a space ("PIN code 1234").
_LABEL = re.compile(
    r"(?<![a-z])(?:(?P<plain>password|passwd|passcode|passphrase|pin ?code|2fa code)"
    r"|pwd|pass|pin|api[ _-]?key|secret[ _-]?key|access[ _-]?token|token|otp"
    r"|(?:recovery|backup) codes?)(?![a-z])"
    r"|(?P<arabic>كلمة (?:ال)?مرور|كلمة (?:ال)?سر|(?:ال)?رقم (?:ال)?سري|(?:ال)?رمز (?:ال)?سري"
    r"|(?:رمز|رموز) (?:ال)?(?:تحقق|استرداد)|رمز (?:ال)?دخول)",
    re.IGNORECASE,
)
# What stands between a label and its value: "password: x", "pwd=x", "PIN is 1234", "كلمة السر هي".
# Nothing at all is not enough: "pass@example.org" is an address.
_SIGN = re.compile(r"\s{0,3}[:=：]\s{0,3}|\s{1,3}(?:is|هي|هو)\s{1,3}", re.IGNORECASE)
_SPACE = re.compile(r"\s{1,3}")
_VALUE_MAX = 64  # a label is followed by a look at this many characters, no more
# Around a value, not part of it.
_EDGE = "\"'«»“”‘’()[]{}<>.,;:!?؟،؛*_`"
# Arabic-Indic and Persian digits count as digits.
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


_EMAIL = re.compile(r"[^@\s]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")


def _address(word: str) -> bool:
    """Handles, hashtags, web and e-mail addresses: long or full of symbols, and not secrets
    ("the password of @athar was changed")."""
    return (
        word[0] in "#@"
        or "://" in word
        or word.lower().startswith("www.")
        or ("/" in word and "." in word.split("/", 1)[0])  # example.org/some/path
        or _EMAIL.fullmatch(word) is not None
    )


def _secret_value(value: str) -> bool:
    """Whether the word after a label is a value a person would keep secret, not a word of prose:
    at least four characters, with a digit or a symbol, not an address, not a mask ("****")."""
    value = value.translate(_DIGITS).strip(_EDGE)
    if len(value) < 4 or len(set(value)) == 1 or _address(value):
        return False
    return any(c.isdigit() for c in value) or any(not c.isalnum() and c not in "-'’" for c in value)


def _labelled(text: str) -> bool:
    for label in _LABEL.finditer(text):
        between = _SIGN.match(text, label.end())
        if between is None and (label.group("plain") or label.group("arabic")):
            between = _SPACE.match(text, label.end())
        if between is None:
            continue
        following = text[between.end() : between.end() + _VALUE_MAX].split(maxsplit=1)
        if following and _secret_value(following[0]):
            return True
    return False


# --- well-known formats -------------------------------------------------------------------

# Each is matched at the start of a run of token characters, so none can backtrack over the text.
_TOKENS = re.compile(
    r"(?:gh[pousr]_[A-Za-z0-9]{30,}"  # GitHub tokens
    r"|github_pat_[A-Za-z0-9_]{40,}"
    r"|glpat-[A-Za-z0-9_-]{20,}"  # GitLab
    r"|xox[abposr]-[A-Za-z0-9-]{10,}"  # Slack
    r"|(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])"  # AWS access key id
    r"|AIza[A-Za-z0-9_-]{35}"  # Google API key
    r"|sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}"  # OpenAI, Anthropic (sk-ant-…)
    r"|(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}"  # Stripe
    r"|eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}"  # a JSON web token
    r")"
)
# Characters tokens are made of; a run of them starts where a token can start.
_RUN = re.compile(r"[A-Za-z0-9_\-.+/]+")
_PRIVATE_KEY = re.compile(r"-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY")


def _token(text: str) -> bool:
    return any(_TOKENS.match(run.group()) for run in _RUN.finditer(text))


# --- recovery codes -----------------------------------------------------------------------

# GitHub's "a1b2c-3d4e5", X's "abcd1234efgh"; Google's "1234 5678" is joined into one word with
# a word joiner first, so that a year range ("2024-2025") or a phone number is not a code.
_CODE = re.compile(r"[A-Za-z0-9]{3,6}-?[A-Za-z0-9]{3,6}|\d{4}\u2060\d{4}")
_DIGIT_PAIR = re.compile(r"(?<![\d+])(\d{4}) (\d{4})(?!\d)")
_JOINED = "\\1\u2060\\2"
_CODES_IN_A_ROW = 4
_NUMBERING = re.compile(r"\d{1,2}[.)]")  # a numbered list of codes: "1. a1b2-c3d4"


def _is_code(word: str) -> bool:
    word = word.strip(",;")
    if not 8 <= len(word) <= 13 or not _CODE.fullmatch(word):
        return False
    # Typed codes mix letters and digits (a list of phone numbers is not a list of codes).
    return "\u2060" in word or (any(c.isdigit() for c in word) and any(c.isalpha() for c in word))


def _recovery_codes(words: list[str]) -> bool:
    in_a_row = 0
    for word in words:
        if _NUMBERING.fullmatch(word):
            continue
        in_a_row = in_a_row + 1 if _is_code(word) else 0
        if in_a_row >= _CODES_IN_A_ROW:
            return True
    return False


# --- a long random string -----------------------------------------------------------------

_RANDOM_MIN = 24
_RANDOM_ENTROPY = 3.5  # bits per character; a generated secret of 24+ characters scores 4 and more
# Names and phrases glued together ("SocialMediaPolicy2024", "task-force-on-media") are made of
# word-long pieces; generated strings of pieces of one or two characters ("Xk9mP2qL").
_PIECE = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|[0-9]+")
_PIECE_MAX = 3.0  # the mean length of a piece in a generated string stays below this


def _entropy(word: str) -> float:
    counts = Counter(word)
    return -sum(n / len(word) * math.log2(n / len(word)) for n in counts.values())


def _mean_piece(word: str) -> float:
    pieces = _PIECE.findall(word)
    return sum(map(len, pieces)) / len(pieces) if pieces else 0.0


def _random(word: str) -> bool:
    word = word.strip(_EDGE)
    if len(word) < _RANDOM_MIN or not word.isascii() or _address(word):
        return False
    if not (any(c.isalpha() for c in word) and any(c.isdigit() for c in word)):
        return False
    return _entropy(word) > _RANDOM_ENTROPY and _mean_piece(word) < _PIECE_MAX


# --- the guard ----------------------------------------------------------------------------


def looks_like_secret(text: str) -> str | None:
    """What kind of secret `text` seems to hold (a reason above), or None."""
    if not text:
        return None
    if _PRIVATE_KEY.search(text):
        return PRIVATE_KEY
    if _token(text):
        return TOKEN
    if _labelled(text):
        return LABELLED
    words = _DIGIT_PAIR.sub(_JOINED, text).split()
    if _recovery_codes(words):
        return RECOVERY_CODES
    if any(_random(word) for word in words):
        return RANDOM
    return None


def refuse_secrets(value: str) -> None:
    """Django validator: refuse a value that looks like a password, a code or a token (R2.8)."""
    reason = looks_like_secret(value or "")
    if reason:
        raise ValidationError(format_lazy("{} {}", WHAT[reason], ADVICE), code="secret")
