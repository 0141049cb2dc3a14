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
        ("R1.1", "R1.2", "R1.3", "R1.4", "R1.5"),
        (Block("roles.intro", _("How roles work")),),
        live_part="roles",
    ),
    Section(
        "security",
        _("Security protocols"),
        ("R2.1", "R2.2", "R2.3", "R2.4", "R2.5", "R2.6", "R2.7", "R2.8"),
        (Block("security.intro", _("Security rules")),),
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
        ("R5.1", "R5.2"),
        (
            Block("personal.conduct", _("Conduct"), ("R5.1",)),
            Block("personal.accountability", _("Accountability"), ("R5.2",)),
        ),
    ),
    Section(
        "speaking",
        _("Speaking about the organisation"),
        ("R6.1", "R6.2", "R6.3", "R6.4"),
        (
            Block("speaking.stance", _("Our stance"), ("R6.1",)),
            Block("speaking.guidance", _("Promoting the organisation well"), ("R6.4",)),
        ),
    ),
)

BLOCKS: dict[str, Block] = {
    block.key: block for block in (PREAMBLE, *(b for s in SECTIONS for b in s.blocks))
}
