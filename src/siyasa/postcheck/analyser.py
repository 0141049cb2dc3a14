"""The post check itself: pure functions from a draft and an organisation's `Context` to
findings and a verdict. No database, no network, no model; linear in the length of the draft
(every regular expression here has bounded or unambiguous repetition)."""

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import phonenumbers
from django.utils.translation import gettext as _

from siyasa.consent.models import USE_LABELS, Use
from siyasa.postcheck import english, lexicon
from siyasa.postcheck.arabic import WORD, forms, normalise, normalised
from siyasa.postcheck.kinds import INFO, Kind, Verdict

# A draft is a post, not a report: longer input is refused before it is read.
MAX_LENGTH = 5000

# A run of digits with single separators between groups ("050 123 4567", "1-000-000-008"),
# maybe after a "+". Each repetition takes one digit, with or without one separator before it,
# so there is one way to match and no backtracking.
_DIGIT_RUN = re.compile(r"\+?\d(?:[ \-\u00a0]?\d)*", re.ASCII)
_SEPARATORS = " -\u00a0"
_IBAN = re.compile(r"(?<![a-z0-9])[a-z]{2}\d{2}(?:[ ]?[a-z0-9]){10,32}", re.ASCII)
# IBAN lengths of the Gulf and neighbours; another country's is tried from 34 down to 15.
_IBAN_LENGTHS = {
    "SA": 24, "AE": 23, "KW": 30, "BH": 22, "QA": 29, "OM": 23, "JO": 30, "EG": 29, "LB": 28,
    "GB": 22, "DE": 22, "FR": 27, "TR": 26, "PK": 24,
}  # fmt: skip
_TAG = re.compile(r"[#@][^\W]+")
_LATIN_LETTERS = re.compile(r"([a-z]+)")
_EMAIL_LOCAL = frozenset("abcdefghijklmnopqrstuvwxyz0123456789._%+-")
_EMAIL_DOMAIN = frozenset("abcdefghijklmnopqrstuvwxyz0123456789.-")
_SENTENCE_END = frozenset(".!?؟\n؛")
# Phone number types that are services, not people: unified 9200, toll-free 800, shared cost.
_SERVICE_TYPES = frozenset(
    {
        phonenumbers.PhoneNumberType.TOLL_FREE,
        phonenumbers.PhoneNumberType.UAN,
        phonenumbers.PhoneNumberType.SHARED_COST,
        phonenumbers.PhoneNumberType.PREMIUM_RATE,
        phonenumbers.PhoneNumberType.VOICEMAIL,
    }
)
_PHOTO_WORDS = frozenset(map(normalised, ["صوره", "صور", "photo", "photos", "picture", "pic"]))
_VIDEO_WORDS = frozenset(map(normalised, ["فيديو", "مقطع", "video", "clip", "reel"]))
_VOICE_WORDS = frozenset(map(normalised, ["صوت", "صوتها", "صوته", "voice", "audio", "podcast"]))
_STORY_WORDS = frozenset(map(normalised, ["قصه", "قصتها", "قصته", "story", "journey"]))


@dataclass(frozen=True)
class ConsentEntry:
    """What the check knows of one consent: the name, whether it may be used, for what, where."""

    name: str
    # "valid", "not_yet", "expired" or "withdrawn" (consent.models.State)
    state: str
    uses: frozenset[str]
    all_accounts: bool
    account_ids: frozenset[int]


@dataclass
class Context:
    """One organisation's facts the check needs, read once (`context.load`) for many drafts."""

    own_phones: frozenset[str] = frozenset()  # E.164
    own_emails: frozenset[str] = frozenset()
    own_domains: frozenset[str] = frozenset()
    consents: tuple[ConsentEntry, ...] = ()
    confidential_terms: tuple[str, ...] = ()
    # Terms an organisation adds to the shipped lexicon, by kind.
    extra_terms: dict[Kind, tuple[str, ...]] = field(default_factory=dict)
    hashtags: frozenset[str] = frozenset()  # normalised, without "#"
    handles: frozenset[str] = frozenset()  # normalised, without "@"
    # R0.4: the hashtags every post on one of the organisation's accounts carries, as written.
    required_hashtags: tuple[str, ...] = ()
    region: str = "SA"
    # Whether the reader may see what the consent registry says (else only "on file: yes/no").
    sees_consents: bool = False


@dataclass(frozen=True)
class Finding:
    kind: Kind
    start: int
    end: int
    text: str
    # Why, in the reader's language (the kind's explanation, made precise).
    message: str
    blocks: bool

    @property
    def requirement(self) -> str:
        return INFO[self.kind].requirement

    def as_dict(self) -> dict:
        return {
            "kind": str(self.kind),
            "requirement": self.requirement,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "message": self.message,
        }


@dataclass(frozen=True)
class Result:
    findings: tuple[Finding, ...]

    @property
    def verdict(self) -> Verdict:
        if any(f.blocks for f in self.findings):
            return Verdict.DO_NOT_PUBLISH
        return Verdict.NEEDS_REVIEW if self.findings else Verdict.FINE

    def kinds(self) -> set[Kind]:
        return {f.kind for f in self.findings}


@dataclass(frozen=True)
class _Phrase:
    words: tuple[str, ...]
    kind: Kind
    # For a sensitive word its category; for a consent name the entry's index.
    tag: object = None
    blocks: bool | None = None


def _words(text: str) -> tuple[str, ...]:
    return tuple(WORD.findall(normalised(text)))


class Checker:
    """Checks drafts against one organisation's `Context`; build once, call `check` often."""

    def __init__(self, context: Context):
        self.context = context
        # Numbers already judged: a batch of drafts repeats the same few.
        self._phones: dict[str, bool] = {}
        self._index: dict[str, list[_Phrase]] = {}
        for category, entries in lexicon.SENSITIVE.items():
            self._add(entries, Kind.SENSITIVE_PERSONAL, category)
        self._add(lexicon.CONFIDENTIAL, Kind.CONFIDENTIAL)
        self._add(context.confidential_terms, Kind.CONFIDENTIAL, "own")
        self._add(lexicon.HATE_SPEECH, Kind.HATE_SPEECH)
        self._add(lexicon.DEHUMANISING, Kind.HATE_SPEECH, "needs_group")
        self._add(lexicon.THREATS, Kind.THREAT)
        self._add(lexicon.HARASSMENT, Kind.HARASSMENT)
        self._add(lexicon.COPYRIGHT, Kind.COPYRIGHT)
        self._add(lexicon.MEDIA_SHOWN, Kind.ACCESSIBILITY, "shown")
        self._add(lexicon.MEDIA_IN, Kind.ACCESSIBILITY, "in")
        for kind, terms in context.extra_terms.items():
            self._add(terms, kind, "own")
        for vocative in lexicon.VOCATIVES:
            self._add([f"{vocative} {word}" for word in lexicon.INSULT_WORDS], Kind.HARASSMENT)
        for number, entry in enumerate(context.consents):
            self._add([entry.name], Kind.CONSENT, number)
        self._relations = frozenset(map(normalised, lexicon.RELATIONS))
        self._titles = frozenset(map(normalised, lexicon.TITLES))
        self._first_names = frozenset(w for name in lexicon.FIRST_NAMES for w in _words(name))
        # A multi-word entry ("more than") counts by its first word: "than" alone is no count.
        self._aggregate = frozenset(_words(a)[0] for a in lexicon.AGGREGATE)
        self._group_pointers = frozenset(map(normalised, lexicon.GROUP_POINTERS))
        self._not_before = frozenset(map(normalised, lexicon.NOT_A_PERSON_BEFORE))
        self._not_after = frozenset(map(normalised, lexicon.NOT_A_PERSON_AFTER))
        self._age_words = frozenset(map(normalised, lexicon.AGE_WORDS))
        self._figurative_after = frozenset(map(normalised, lexicon.FIGURATIVE_PICTURE_AFTER))
        self._figurative_before = frozenset(map(normalised, lexicon.FIGURATIVE_PICTURE_BEFORE))
        self._media_emoji = tuple(lexicon.MEDIA_EMOJI)
        # Literal alternatives, each starting a word: one pass over the draft.
        self._described = re.compile(
            "|".join(
                (r"(?<!\w)" if entry[0].isalpha() else "") + re.escape(entry)
                for entry in map(normalised, lexicon.MEDIA_DESCRIBED)
            )
        )
        self._required = tuple(
            (normalised(tag).lstrip("#"), tag) for tag in context.required_hashtags
        )
        self._pictured: dict[str, list[tuple[str, ...]]] = {}
        for picture in lexicon.PICTURED:
            words = _words(picture)
            self._pictured.setdefault(words[0], []).append(words)

    def _add(self, entries: Iterable[str], kind: Kind, tag: object = None) -> None:
        for entry in entries:
            words = tuple(w.lstrip("#@") for w in _words(entry))
            if words:
                self._index.setdefault(words[0], []).append(_Phrase(words, kind, tag))

    # --- the check ------------------------------------------------------------------------

    def check(self, text: str, account_id: int | None = None) -> Result:
        """Every finding in `text` (at most `MAX_LENGTH` characters), in reading order."""
        if len(text) > MAX_LENGTH:
            raise ValueError("text too long")
        norm, origin = normalise(text)
        draft = _Draft(text, norm, origin)
        found: list[Finding] = []
        ibans = list(self._ibans(draft))
        found += ibans
        found += self._numbers(draft, [(f.start, f.end) for f in ibans])
        found += self._emails(draft)
        found += self._lexicon(draft, account_id)
        found += self._tags(draft)
        kept = _without_contained(found)
        if account_id is not None:
            kept += self._missing(draft)
        return Result(tuple(kept))

    def _ibans(self, d: "_Draft") -> Iterator[Finding]:
        for match in _IBAN.finditer(d.norm):
            chars = [(i, c) for i, c in enumerate(match.group(), match.start()) if c != " "]
            compact = "".join(c for _i, c in chars).upper()
            country = compact[:2]
            lengths = [_IBAN_LENGTHS[country]] if country in _IBAN_LENGTHS else range(34, 14, -1)
            for length in lengths:
                if length <= len(compact) and _iban_valid(compact[:length]):
                    yield d.finding(Kind.IBAN, match.start(), chars[length - 1][0] + 1)
                    break

    def _numbers(self, d: "_Draft", taken: list[tuple[int, int]]) -> Iterator[Finding]:
        for match in _DIGIT_RUN.finditer(d.norm):
            start = match.start()
            before = d.norm[start - 1] if start else ""
            if before.isascii() and before.isalpha():
                continue  # part of a word or code such as "SA03…" or "INV2026…"
            if any(a <= start < b for a, b in taken):
                continue
            yield from self._run(d, match.group(), start)

    def _run(self, d: "_Draft", run: str, offset: int) -> Iterator[Finding]:
        plus = run.startswith("+")
        groups: list[tuple[str, int, int]] = []  # digits, start, end (in the normalised text)
        position = offset + (1 if plus else 0)
        for part in re.split(r"([ \-\u00a0])", run[1:] if plus else run):
            if part and part not in _SEPARATORS:
                groups.append((part, position, position + len(part)))
            position += len(part)
        first = 0
        while first < len(groups):
            # The longest window of groups from `first` that is something, else move on.
            digits, windows = "", []
            for last in range(first, len(groups)):
                digits += groups[last][0]
                if len(digits) > 19:
                    break
                windows.append((last, digits))
            for last, digits in reversed(windows):
                kind = self._number_kind(digits, plus and first == 0)
                if kind is not None:
                    start = groups[first][1] - (1 if plus and first == 0 else 0)
                    yield d.finding(kind, start, groups[last][2])
                    first = last + 1
                    break
            else:
                first += 1

    def _number_kind(self, digits: str, plus: bool) -> Kind | None:
        if len(digits) == 10 and digits[0] in "12" and _luhn(digits):
            return Kind.NATIONAL_ID
        if 13 <= len(digits) <= 19 and _card_prefix(digits) and _luhn(digits):
            return Kind.CARD_NUMBER
        if 7 <= len(digits) <= 15 and self._person_phone(("+" if plus else "") + digits):
            return Kind.PHONE
        return None

    def _person_phone(self, candidate: str) -> bool:
        """A valid number that is neither a service's nor the organisation's own. Only what can
        be one is parsed (parsing is the slow part): international, or national with its 0."""
        if not candidate.startswith(("+", "00", "0", "966", "5")):
            return False
        found = self._phones.get(candidate)
        if found is None:
            found = self._phones[candidate] = self._parse_phone(candidate)
        return found

    def _parse_phone(self, candidate: str) -> bool:
        try:
            number = phonenumbers.parse(candidate, self.context.region)
        except phonenumbers.NumberParseException:
            return False
        if not phonenumbers.is_valid_number(number):
            return False
        if phonenumbers.number_type(number) in _SERVICE_TYPES:
            return False
        e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        return e164 not in self.context.own_phones

    def _emails(self, d: "_Draft") -> Iterator[Finding]:
        norm = d.norm
        at = norm.find("@")
        while at != -1:
            left = at
            while left > 0 and at - left < 64 and norm[left - 1] in _EMAIL_LOCAL:
                left -= 1
            right = at + 1
            while right < len(norm) and right - at < 255 and norm[right] in _EMAIL_DOMAIN:
                right += 1
            while right > at + 1 and norm[right - 1] in ".-":
                right -= 1
            address, domain = norm[left:right], norm[at + 1 : right]
            labels = domain.split(".")
            if (
                left < at
                and len(labels) >= 2
                and all(labels)
                and labels[-1].isalpha()
                and len(labels[-1]) >= 2
                and not self._own_address(address, domain)
            ):
                yield d.finding(Kind.EMAIL, left, right)
            at = norm.find("@", at + 1)

    def _own_address(self, address: str, domain: str) -> bool:
        if address in self.context.own_emails:
            return True
        return any(domain == own or domain.endswith("." + own) for own in self.context.own_domains)

    def _tags(self, d: "_Draft") -> Iterator[Finding]:
        """R0.4: a hashtag or handle one or two letters away from an official one; R6.6: a
        hashtag of several words in lower case."""
        for match in _TAG.finditer(d.norm):
            start = match.start()
            if start and d.norm[start - 1].isalnum():
                continue  # the "@" of an e-mail address
            sign, name = match.group()[0], match.group()[1:].rstrip("_")
            if not name:
                continue
            if sign == "#":
                yield from self._unsplit(d, start, name)
            official = self.context.hashtags if sign == "#" else self.context.handles
            if name in official:
                continue
            close = [o for o in official if _close(name, o)]
            if close:
                message = _("Did you mean %(official)s?") % {
                    "official": _isolated(sign + min(close))
                }
                yield d.finding(Kind.IDENTITY, start, start + 1 + len(name), message)

    def _unsplit(self, d: "_Draft", start: int, name: str) -> Iterator[Finding]:
        """R6.6: "#givingtuesdayriyadh" is one long word to a screen reader; "#GivingTuesdayRiyadh"
        is three. One word in lower case (#charity), capitals and Arabic are fine."""
        end = start + 1 + len(name)
        typed = d.text[d.origin[start + 1] : d.origin[end - 1] + 1]
        if not typed.isascii() or typed != typed.lower() or len(name) > 100:
            return
        parts = _LATIN_LETTERS.split(name)
        cut = [english.words(part) if part.isalpha() else (part,) for part in parts]
        if all(len(words) == 1 for words in cut):
            return
        suggestion = "#" + "".join(word.capitalize() for words in cut for word in words)
        message = _("Write it as %(suggestion)s, so that each word is read.") % {
            "suggestion": _isolated(suggestion)
        }
        yield d.finding(Kind.ACCESSIBILITY, start, end, message)

    def _missing(self, d: "_Draft") -> list[Finding]:
        """R0.4: the hashtags a post on one of the organisation's accounts carries, absent (a
        misspelt one is already marked where it stands). Found at the end of the draft."""
        written = [m[0][1:].rstrip("_") for m in _TAG.finditer(d.norm) if m[0][0] == "#"]
        end = len(d.text)
        explanation = str(INFO[Kind.IDENTITY].explanation)
        return [
            Finding(
                Kind.IDENTITY,
                end,
                end,
                "",
                explanation
                + " "
                + _("Posts on the organisation's accounts carry %(hashtag)s; this one does not.")
                % {"hashtag": _isolated(typed)},
                INFO[Kind.IDENTITY].blocks,
            )
            for tag, typed in self._required
            if not any(_close(word, tag) for word in written)
        ]

    def _lexicon(self, d: "_Draft", account_id: int | None) -> Iterator[Finding]:
        tokens = [(m.start(), m.end(), m.group()) for m in WORD.finditer(d.norm)]
        candidates = [
            forms(word) | {word} if word[0] in "#@" else forms(word) for *_s, word in tokens
        ]
        sentence = _sentences(d.norm, tokens)
        matches: list[tuple[int, int, _Phrase]] = []
        for i, options in enumerate(candidates):
            for option in options:
                for phrase in self._index.get(option, ()):
                    n = len(phrase.words)
                    if i + n <= len(tokens) and all(
                        phrase.words[k] in candidates[i + k] for k in range(1, n)
                    ):
                        matches.append((i, i + n - 1, phrase))
        identified = self._identified(tokens, candidates, sentence, matches)
        uses = _uses(candidates)
        shown: list[tuple[int, int, object]] = []
        for first, last, phrase in matches:
            start, end = tokens[first][0], tokens[last][1]
            if phrase.kind is Kind.SENSITIVE_PERSONAL:
                if self._aggregate_before(tokens, first) or not (
                    sentence[first] in identified["sentences"]
                    or any(abs(i - first) <= 5 for i in identified["names"])
                ):
                    continue
                yield d.finding(phrase.kind, start, end)
            elif phrase.tag == "needs_group":
                if any(
                    sentence[k] == sentence[first] and candidates[k] & self._group_pointers
                    for k in range(max(0, first - 8), min(len(tokens), last + 8))
                ):
                    yield d.finding(phrase.kind, start, end)
            elif phrase.kind is Kind.CONSENT:
                assert isinstance(phrase.tag, int)
                message = self._consent_problem(self.context.consents[phrase.tag], uses, account_id)
                if message:
                    yield d.finding(phrase.kind, start, end, message)
            elif phrase.kind is Kind.ACCESSIBILITY:
                shown.append((first, last, phrase.tag))
            elif phrase.kind is Kind.CONFIDENTIAL and phrase.tag == "own":
                yield d.finding(
                    phrase.kind,
                    start,
                    end,
                    _("On the organisation's own list of confidential terms."),
                    blocks=True,
                )
            else:
                yield d.finding(phrase.kind, start, end)
        yield from self._undescribed(d, tokens, candidates, shown)

    def _undescribed(self, d: "_Draft", tokens, candidates, shown) -> Iterator[Finding]:
        """R6.6: a post that points to an image or video ("شاهد الفيديو", "see the photo", 📷)
        where nothing describes it: no alt text, image description or caption after a colon."""
        spans = []
        for first, last, tag in shown:
            after = candidates[last + 1] if last + 1 < len(tokens) else frozenset()
            before = set().union(*candidates[max(0, first - 2) : first])
            if after & self._figurative_after or before & self._figurative_before:
                continue  # "الصورة النمطية", "keep you in the picture"
            end = tokens[last][1]
            if tag == "in" and d.norm[end : end + 2].lstrip().startswith(":"):
                return  # "في الصورة: متطوعات يعبئن السلال" is a caption that describes it
            spans.append((tokens[first][0], end))
        for emoji in self._media_emoji:
            at = d.norm.find(emoji)
            if at != -1:
                spans.append((at, at + len(emoji)))
        if spans and not self._described.search(d.norm):
            start, end = min(spans)
            message = _("The post points to an image or video, but nothing describes it.")
            yield d.finding(Kind.ACCESSIBILITY, start, end, message)

    def _identified(self, tokens, candidates, sentence, matches) -> dict:
        """Which sentences name or show one person, and where first names stand alone."""
        sentences: set[int] = set()
        names: list[int] = []
        words = [w for _s, _e, w in tokens]
        for i, options in enumerate(candidates):
            after = words[i + 1] if i + 1 < len(words) else ""
            after_forms = candidates[i + 1] if i + 1 < len(words) else set()
            if options & {"ام", "ابو"} and after and _kunya_name(after):
                sentences.add(sentence[i])  # a kunya: أم خالد، أبو فهد
            elif (
                options & self._relations
                and after_forms & self._first_names
                or words[i] in self._titles
                and after_forms & self._first_names
            ):
                sentences.add(sentence[i])
            elif options & self._first_names and not self._a_place(words, candidates, i):
                names.append(i)
                if self._age_near(words, i):
                    sentences.add(sentence[i])
        for first, _last, phrase in matches:
            if phrase.kind is Kind.CONSENT:
                sentences.add(sentence[first])
        for i, word in enumerate(words):
            for picture in self._pictured.get(word, ()):
                if tuple(words[i : i + len(picture)]) == picture:
                    sentences.add(sentence[i])
        return {"sentences": sentences, "names": names}

    def _a_place(self, words, candidates, i: int) -> bool:
        before = candidates[i - 1] if i else set()
        after = words[i + 1] if i + 1 < len(words) else ""
        return bool(before & self._not_before) or after in self._not_after

    def _age_near(self, words: list[str], i: int) -> bool:
        for k in range(i + 1, min(len(words), i + 5)):
            if words[k].isdigit() and len(words[k]) <= 2:
                return True
            if words[k] in self._age_words:
                return True
        return False

    def _aggregate_before(self, tokens, first: int) -> bool:
        """A count or a word of quantity just before: "320 يتيم", "hundreds of orphans", "more
        than 500 patients" (an age, "Ali, 15, an orphan", is not a count)."""
        words = [tokens[k][2] for k in range(max(0, first - 3), first)]
        if words and words[-1].isdigit():
            return True
        return any(word in self._aggregate for word in words)

    def _consent_problem(self, entry: ConsentEntry, uses: set[str], account_id) -> str:
        """Why the registry does not cover this post, or "" when it does."""
        covered = entry.all_accounts or (account_id is not None and account_id in entry.account_ids)
        missing = uses - entry.uses
        if entry.state == "valid" and covered and not missing:
            return ""
        if not self.context.sees_consents:
            on_file = _("expired") if entry.state == "expired" else _("no")
            return _(
                "Consent on file for this use: %(answer)s. Ask whoever keeps the consent "
                "registry before publishing."
            ) % {"answer": on_file}
        if entry.state == "withdrawn":
            return _("Their consent was withdrawn.")
        if entry.state == "expired":
            return _("Their consent has expired.")
        if entry.state == "not_yet":
            return _("Their consent is not in force yet.")
        if not covered:
            return _("Their consent does not cover this account.")
        labels = [str(USE_LABELS[Use(use)]) for use in sorted(missing)]
        return _("Their consent does not cover: %(uses)s.") % {"uses": _(", ").join(labels)}


@dataclass(frozen=True)
class _Draft:
    text: str
    norm: str
    origin: list[int] | range

    def finding(
        self, kind: Kind, start: int, end: int, message: str = "", blocks: bool | None = None
    ) -> Finding:
        a, b = self.origin[start], self.origin[end - 1] + 1
        info = INFO[kind]
        text = str(info.explanation) + (" " + message if message else "")
        return Finding(kind, a, b, self.text[a:b], text, info.blocks if blocks is None else blocks)


def _uses(candidates: list[frozenset[str]]) -> set[str]:
    """What a post uses of a person it names: their name always, and photo, video, voice or
    story when it speaks of one."""
    uses = {"name"}
    for options in candidates:
        if options & _PHOTO_WORDS:
            uses.add("photo")
        if options & _VIDEO_WORDS:
            uses.add("video")
        if options & _VOICE_WORDS:
            uses.add("voice")
        if options & _STORY_WORDS:
            uses.add("story")
    return uses


def _kunya_name(word: str) -> bool:
    return len(word) >= 3 and word.isalpha() and not word.startswith("ال")


def _sentences(norm: str, tokens) -> list[int]:
    """The sentence number of each token."""
    numbers, current, position = [], 0, 0
    for start, end, _word in tokens:
        current += sum(1 for c in norm[position:start] if c in _SENTENCE_END)
        numbers.append(current)
        position = end
    return numbers


def _without_contained(found: list[Finding]) -> list[Finding]:
    """Reading order; a finding inside a longer one of the same kind is dropped."""
    found.sort(key=lambda f: (f.start, -f.end))
    kept: list[Finding] = []
    reach: dict[Kind, int] = {}
    for finding in found:
        if reach.get(finding.kind, -1) >= finding.end:
            continue
        reach[finding.kind] = max(reach.get(finding.kind, -1), finding.end)
        kept.append(finding)
    return kept


def _luhn(digits: str) -> bool:
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


def _card_prefix(digits: str) -> bool:
    """Visa, Mastercard, mada, American Express, Discover, UnionPay, JCB."""
    two, four = int(digits[:2]), int(digits[:4])
    return (
        digits[0] == "4"
        or 51 <= two <= 55
        or 2221 <= four <= 2720
        or two in (34, 37, 62, 65)
        or four in (6011, 3528, 3589)
    )


def _iban_valid(iban: str) -> bool:
    """ISO 13616: move the first four characters to the end, letters to numbers, mod 97 is 1."""
    if not (iban[:2].isalpha() and iban[2:4].isdigit() and iban.isalnum()):
        return False
    moved = iban[4:] + iban[:4]
    return int("".join(str(int(c, 36)) for c in moved)) % 97 == 1


def _isolated(tag: str) -> str:
    """A hashtag or handle in a message, isolated from the direction of the sentence around it
    (an Arabic one in English, a Latin one in Arabic: "#SaveTheChildren" stays in that order)."""
    return "\u2068" + tag + "\u2069"


def _close(name: str, official: str) -> bool:
    """The same hashtag or handle, or one or two letters away from it (a misspelling)."""
    if name == official:
        return True
    return 4 <= len(name) <= 40 and _distance(name, official, 2) <= (1 if len(official) < 8 else 2)


def _distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance of two short strings, or `limit + 1` once it is over `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]
