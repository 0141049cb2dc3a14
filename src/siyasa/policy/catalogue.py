"""The shape of every policy: its six sections, their editable blocks and the requirements they meet."""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Block:
    key: str
    title: Promise
    requirements: tuple[str, ...] = ()


@dataclass(frozen=True)
class Section:
    key: str
    title: Promise
    requirements: tuple[str, ...]
    blocks: tuple[Block, ...]
    # The live registry part whose "last changed" date this section also shows.
    live_part: str = ""


PREAMBLE = Block("preamble", _("Why this policy exists"), ("R0.1", "R0.3", "R0.4"))

SECTIONS: tuple[Section, ...] = (
    Section(
        "roles",
        _("Team roles"),
        ("R1.1", "R1.2", "R1.3", "R1.4", "R1.5", "R1.6"),
        (
            Block("roles.intro", _("How roles work")),
            Block("roles.lifecycle", _("Opening, reviewing and closing accounts"), ("R1.6",)),
        ),
        live_part="roles",
    ),
    Section(
        "security",
        _("Security protocols"),
        ("R2.1", "R2.2", "R2.3", "R2.4", "R2.5", "R2.6", "R2.7", "R2.8", "R2.9", "R2.10", "R2.11"),
        (
            Block("security.intro", _("Security rules")),
            Block("security.recovery", _("Recovery e-mail and phone"), ("R2.9",)),
            Block("security.connected_apps", _("Connected apps and tools"), ("R2.10",)),
            Block("security.passwords", _("Strong passwords and phishing"), ("R2.11",)),
        ),
        live_part="security",
    ),
    Section(
        "crisis",
        _("Crisis plan"),
        ("R3.1", "R3.2", "R3.3", "R3.4", "R3.5"),
        (
            Block("crisis.intro", _("When a crisis starts")),
            Block("crisis.first_steps", _("First steps"), ("R3.5",)),
        ),
        live_part="crisis",
    ),
    Section(
        "law",
        _("Staying within the law"),
        ("R4.1", "R4.2", "R4.3", "R4.4"),
        (
            Block("law.intro", _("Which law applies")),
            Block("law.copyright", _("Copyright and consent"), ("R4.1",)),
            Block("law.privacy", _("Privacy"), ("R4.2",)),
            Block("law.confidentiality", _("Confidentiality"), ("R4.3",)),
        ),
    ),
    Section(
        "personal",
        _("Staff's personal accounts"),
        ("R5.1", "R5.2", "R5.3", "R5.4", "R5.5"),
        (
            Block("personal.conduct", _("Conduct"), ("R5.1",)),
            Block("personal.accountability", _("Accountability"), ("R5.2",)),
            Block("personal.safety", _("Staying safe online"), ("R5.3",)),
            Block("personal.neutrality", _("Neutrality"), ("R5.4",)),
            Block("personal.consequences", _("When the policy is broken"), ("R5.5",)),
        ),
    ),
    Section(
        "speaking",
        _("Speaking about the organisation"),
        ("R6.1", "R6.2", "R6.3", "R6.4", "R6.5", "R6.6"),
        (
            Block("speaking.stance", _("Our stance"), ("R6.1",)),
            Block("speaking.guidance", _("Promoting the organisation well"), ("R6.4",)),
            Block("speaking.moderation", _("Moderating comments"), ("R6.5",)),
            Block("speaking.house_rules", _("House rules for our pages"), ("R6.5",)),
            Block("speaking.accessibility", _("Accessible posts"), ("R6.6",)),
        ),
    ),
)

BLOCKS: dict[str, Block] = {
    block.key: block for block in (PREAMBLE, *(b for s in SECTIONS for b in s.blocks))
}
