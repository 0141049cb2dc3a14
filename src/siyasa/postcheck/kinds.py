"""The fixed vocabulary of the post check: each kind of problem, the requirement and policy
section it comes from, what it means and what to do — shared by the page, the CLI and tests."""

from dataclasses import dataclass
from enum import StrEnum

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class Kind(StrEnum):
    NATIONAL_ID = "national_id"
    IBAN = "iban"
    CARD_NUMBER = "card_number"
    PHONE = "phone"
    EMAIL = "email"
    SENSITIVE_PERSONAL = "sensitive_personal"
    CONSENT = "consent"
    CONFIDENTIAL = "confidential"
    HATE_SPEECH = "hate_speech"
    THREAT = "threat"
    HARASSMENT = "harassment"
    COPYRIGHT = "copyright"
    IDENTITY = "identity"
    ACCESSIBILITY = "accessibility"


# The kinds that are a beneficiary's, a donor's or a client's personal data (R4.2).
PERSONAL_DATA = frozenset(
    {
        Kind.NATIONAL_ID,
        Kind.IBAN,
        Kind.CARD_NUMBER,
        Kind.PHONE,
        Kind.EMAIL,
        Kind.SENSITIVE_PERSONAL,
        Kind.CONSENT,
    }
)


class Verdict(StrEnum):
    FINE = "fine"
    NEEDS_REVIEW = "needs_review"
    DO_NOT_PUBLISH = "do_not_publish"

    @property
    def label(self) -> str:
        labels = {
            "fine": _("Fine to publish"),
            "needs_review": _("Needs review before publishing"),
            "do_not_publish": _("Do not publish"),
        }
        return str(labels[self.value])


@dataclass(frozen=True)
class KindInfo:
    requirement: str
    # The section of the policy page (its anchor) the rule is written in.
    section: str
    label: Promise
    explanation: Promise
    advice: Promise
    # Whether a finding of this kind stops a post ("do not publish") or asks for a review.
    blocks: bool


INFO: dict[Kind, KindInfo] = {
    Kind.NATIONAL_ID: KindInfo(
        "R4.2",
        "law",
        _("National ID or Iqama number"),
        _("A Saudi national ID or Iqama number (its check digit is right)."),
        _("Remove it. An ID number is never published, not even in part."),
        True,
    ),
    Kind.IBAN: KindInfo(
        "R4.2",
        "law",
        _("Bank account (IBAN)"),
        _("An IBAN whose checksum is right: someone's bank account."),
        _(
            "Remove it, unless it is the organisation's own donation account and finance "
            "approved it."
        ),
        True,
    ),
    Kind.CARD_NUMBER: KindInfo(
        "R4.2",
        "law",
        _("Payment card number"),
        _("A payment card number (it passes the Luhn check)."),
        _("Remove it at once; if a donor sent it, tell them to contact their bank."),
        True,
    ),
    Kind.PHONE: KindInfo(
        "R4.2",
        "law",
        _("Phone number"),
        _("A phone number that is not one of the organisation's own registered numbers."),
        _("Publish only the organisation's own numbers; a person's number needs their consent."),
        False,
    ),
    Kind.EMAIL: KindInfo(
        "R4.2",
        "law",
        _("E-mail address"),
        _("An e-mail address outside the organisation's own."),
        _("Publish only the organisation's own addresses; a person's needs their consent."),
        False,
    ),
    Kind.SENSITIVE_PERSONAL: KindInfo(
        "R4.2",
        "law",
        _("Sensitive fact about a person"),
        _(
            "Health, disability, orphanhood, family or welfare status, residency, a criminal "
            "record, belief or a home address, about a person readers can identify."
        ),
        _(
            "Speak in aggregates (“320 orphans this year”) or remove what identifies the person: "
            "name, kunya, age, photo."
        ),
        True,
    ),
    Kind.CONSENT: KindInfo(
        "R4.2",
        "law",
        _("No valid consent"),
        _("A person in the consent registry, without a valid consent for this use or account."),
        _("Do not use their name, photo or story until whoever keeps the registry confirms."),
        True,
    ),
    Kind.CONFIDENTIAL: KindInfo(
        "R4.3",
        "law",
        _("Internal information"),
        _("A term the organisation treats as confidential, or a marker of internal material."),
        _("Check with the approvals holder that this may be made public."),
        False,
    ),
    Kind.HATE_SPEECH: KindInfo(
        "R5.1",
        "personal",
        _("Hate speech"),
        _("Words that dehumanise or insult a group of people."),
        _("Do not publish. Describe acts, never people as vermin or a disease."),
        True,
    ),
    Kind.THREAT: KindInfo(
        "R5.1",
        "personal",
        _("Threat"),
        _("A threat of violence or harm."),
        _("Do not publish. A threat may be an offence under the Anti-Cyber Crime Law."),
        True,
    ),
    Kind.HARASSMENT: KindInfo(
        "R5.1",
        "personal",
        _("Insult aimed at a person"),
        _("An insult or abuse aimed at someone."),
        _("Reply to the point, or not at all; hard cases go to the spokesperson."),
        False,
    ),
    Kind.COPYRIGHT: KindInfo(
        "R4.1",
        "law",
        _("Content taken from others"),
        _("Content marked as copied without a named source or permission."),
        _(
            "Use your own material, or get the owner's permission and credit them by name. "
            "“Rights belong to their owners” does not make use lawful."
        ),
        False,
    ),
    Kind.IDENTITY: KindInfo(
        "R0.4",
        "preamble",
        _("Official hashtag or handle"),
        _(
            "The organisation's official hashtags and handles are written exactly, and the "
            "hashtags its posts must carry are there."
        ),
        _("Write the official form, and add the hashtags every post on the account carries."),
        False,
    ),
    Kind.ACCESSIBILITY: KindInfo(
        "R6.6",
        "speaking",
        _("Hard to read with a screen reader"),
        _(
            "Not everyone sees the post: a screen reader cannot split a multi-word hashtag "
            "written in lower case, and cannot describe an image or video."
        ),
        _(
            "Write multi-word Latin hashtags with a capital for each word (#GivingTuesday), and "
            "describe each image or video in alt text or an “Image description:” line."
        ),
        False,
    ),
}
