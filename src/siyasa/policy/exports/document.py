"""What both exports show: the policy page turned into a small document model."""

from dataclasses import dataclass, field

from django.utils import formats
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from siyasa.core.i18n import pick
from siyasa.core.phones import international
from siyasa.policy.catalogue import PREAMBLE
from siyasa.policy.selectors import Audience, PolicyPage, RenderedBlock, render_block
from siyasa.registry.selectors import account_custody


class ExportUnavailable(Exception):
    """The PDF engine cannot run here: WeasyPrint needs Pango, a system library."""


ARABIC_FONT = "Noto Naskh Arabic"
LATIN_FONT = "Noto Sans"
FONT_FILES = (
    (ARABIC_FONT, 400, "NotoNaskhArabic-Regular.ttf"),
    (ARABIC_FONT, 700, "NotoNaskhArabic-Bold.ttf"),
    (LATIN_FONT, 400, "NotoSans-Regular.ttf"),
    (LATIN_FONT, 700, "NotoSans-Bold.ttf"),
)


def _dir(lang: str) -> str:
    return "rtl" if lang == "ar" else "ltr"


# --- what both exports show -----------------------------------------------------------------
# One description of the live tables feeds both files, so the PDF and the Word document cannot
# drift apart; the PDF template only lays it out.


@dataclass(frozen=True)
class Span:
    text: str
    # E-mails, phones and handles: kept left-to-right inside Arabic.
    ltr: bool = False
    bold: bool = False
    italic: bool = False
    muted: bool = False
    # Set when org-written text is shown in the other language (fallback).
    lang: str = ""

    def html(self) -> SafeString:
        inner = format_html("<em>{}</em>", self.text) if self.italic else self.text
        inner = format_html("<strong>{}</strong>", inner) if self.bold else inner
        if self.ltr:
            # An explicit dir="ltr" element: WeasyPrint does not keep a bare <bdi> left-to-right.
            return format_html('<span class="ltr" dir="ltr">{}</span>', inner)
        if self.lang:
            return format_html(
                '<span lang="{}" dir="{}">{}</span>', self.lang, _dir(self.lang), inner
            )
        if self.muted:
            return format_html('<span class="muted">{}</span>', inner)
        return conditional_escape(inner)


@dataclass(frozen=True)
class Line:
    spans: tuple[Span, ...]

    def html(self) -> SafeString:
        return mark_safe("".join(span.html() for span in self.spans))  # noqa: S308 - escaped spans

    @property
    def text(self) -> str:
        return "".join(span.text for span in self.spans)


def line(*parts: "str | Span | None") -> Line:
    # str() because labels may be lazy translations.
    return Line(tuple(p if isinstance(p, Span) else Span(str(p)) for p in parts if p))


@dataclass
class Cell:
    lines: list[Line]
    rowspan: int = 1
    header: bool = False


@dataclass
class Table:
    headers: list[str]
    rows: list[list[Cell]]
    empty: str = ""

    def groups(self) -> list[list[list[Cell]]]:
        """Rows bound by a rowspan, which the PDF keeps on one page."""
        groups, i = [], 0
        while i < len(self.rows):
            size = max(cell.rowspan for cell in self.rows[i])
            groups.append(self.rows[i : i + size])
            i += size
        return groups


@dataclass
class Part:
    """A titled piece a section shows besides its prose: a note, quotes, a table or a list."""

    title: str = ""
    note: Line | None = None
    lead: str = ""
    quotes: list[Span] = field(default_factory=list)
    table: Table | None = None
    items: list[Line] = field(default_factory=list)
    empty: str = ""


@dataclass
class ExportBlock:
    title: str
    rendered: RenderedBlock
    parts: list[Part] = field(default_factory=list)


@dataclass
class ExportSection:
    anchor: str
    number: int | None
    title: str
    blocks: list[ExportBlock]
    parts: list[Part] = field(default_factory=list)

    @property
    def heading(self) -> str:
        return f"{self.number}. {self.title}" if self.number else self.title


@dataclass
class ExportDocument:
    lang: str
    org_name: str
    title: str
    version_label: str
    date_label: str
    printed_note: str
    sections: list[ExportSection]

    @property
    def dir(self) -> str:
        return _dir(self.lang)

    @property
    def footer(self) -> str:
        return " · ".join([self.org_name, self.version_label, self.date_label])


def _day(value) -> str:
    # No-break spaces: a date never wraps inside a narrow table column.
    return formats.date_format(value, "DATE_FORMAT").replace(" ", "\u00a0")


def _phone(value: str) -> str:
    """International notation with no-break spaces: a phone number never wraps in a table."""
    return international(value).replace(" ", "\u00a0")


def _ltr(value: str) -> Span | None:
    return Span(value, ltr=True) if value else None


def _bi(obj, name: str) -> Span:
    """Org-written bilingual field in the reader's language, or the other one marked as such."""
    text = pick(getattr(obj, f"{name}_ar", "") or "", getattr(obj, f"{name}_en", "") or "")
    return Span(text.text, lang=text.lang if text.is_fallback else "")


def _account(account) -> Line:
    # One left-to-right span: split in two, WeasyPrint puts the handle before the platform.
    return line(_ltr(str(account)))


def _names(people) -> Cell:
    return Cell([line(p.display_name) for p in people] or [line("—")])


def _dash(value: str) -> Cell:
    return Cell([line(value or "—")])


def export_document(page: PolicyPage, lang: str) -> ExportDocument:
    """Everything both exports show, in `lang` (call under `translation.override(lang)`)."""
    rules, today = page.rules, page.data["today"]
    if rules.version is None:
        version_label = _("Draft")
        date_label = _("Printed on %(day)s") % {"day": _day(today)}
    else:
        version_label = _("Version %(number)s") % {"number": rules.version.number}
        date_label = _("In force from %(day)s") % {"day": _day(rules.version.effective_on)}
    printed = (
        _("The tables show the accounts registered on %(day)s.")
        if page.public
        else _("The tables show the people, accounts and devices registered on %(day)s.")
    )
    # Texts are picked again in `lang`: the page may have been built in another language.
    preamble = ExportSection(
        "preamble", None, str(PREAMBLE.title), [ExportBlock("", render_block(rules, PREAMBLE))]
    )
    return ExportDocument(
        lang=lang,
        org_name=page.org.name,
        title=_("Social media policy"),
        version_label=version_label,
        date_label=date_label,
        printed_note=printed % {"day": _day(today)},
        sections=[preamble, *(_section(page, s) for s in page.sections)],
    )


def _section(page: PolicyPage, rendered) -> ExportSection:
    blocks = [
        ExportBlock(
            str(b.block.title),
            render_block(page.rules, b.block),
            [part(page) for part in _BLOCK_PARTS[page.audience].get(b.block.key, ())],
        )
        for b in rendered.blocks
    ]
    parts = [part(page) for part in _SECTION_PARTS[page.audience].get(rendered.section.key, ())]
    return ExportSection(
        rendered.section.key, rendered.number, str(rendered.section.title), blocks, parts
    )


# --- the live parts, section by section ------------------------------------------------------


def _responsibilities(page: PolicyPage) -> Part:
    rows = []
    for area, holders in page.data["responsibilities"]:
        if not holders:
            rows.append(
                [
                    Cell([line(area.label)], header=True),
                    Cell([line(Span(_("Not assigned yet"), bold=True))]),
                    _dash(""),
                ]
            )
            continue
        for i, row in enumerate(holders):
            cells = [Cell([line(area.label)], rowspan=len(holders), header=True)] if i == 0 else []
            rows.append([*cells, _holder(row), Cell([line(_ltr(row.person.email) or "—")])])
    headers = [_("Responsibility"), _("Held by"), _("E-mail")]
    return Part(_("Who holds each responsibility"), table=Table(headers, rows))


def _holder(row) -> Cell:
    person = row.person
    lines = [
        line(
            person.display_name,
            Span(f" · {person.job_title}", muted=True) if person.job_title else None,
            Span(f" — {row.note}", muted=True) if row.note else None,
        )
    ]
    lines += [_account(account) for account in row.accounts.all()]
    return Cell(lines)


def _accounts(page: PolicyPage) -> Part:
    rows = []
    for account, _rotation in page.data["accounts"]:
        grants = list(account.grants.all())
        owner = account.owner.display_name if account.owner else None
        rows.append(
            [
                Cell([_account(account)]),
                Cell([line(_bi(account, "purpose"))]),
                Cell([line(owner or Span(_("No owner"), bold=True))]),
                _names(g.person for g in grants if g.can_publish),
                _names(g.person for g in grants if g.can_reply),
            ]
        )
    headers = [
        _("Account"),
        _("Purpose"),
        pgettext("of an account", "Owner"),
        _("May publish"),
        _("May reply"),
    ]
    table = Table(headers, rows, _("No accounts registered yet."))
    return Part(_("Official accounts and who may publish or reply"), table=table)


def _rotation_note(page: PolicyPage) -> Part:
    # The interval the registries use today, so the note agrees with the dates in the table.
    days = page.org.rotation_interval(page.data["today"])
    text = ngettext(
        "Passwords are changed at least every %(days)s day, and at once when someone with "
        "access leaves.",
        "Passwords are changed at least every %(days)s days, and at once when someone with "
        "access leaves.",
        days,
    )
    return Part(note=line(text % {"days": days}))


def _rotation(rotation) -> Line:
    if rotation is None:
        return line(Span(_("No custody record"), bold=True))
    if rotation.next_on is None:
        return line(Span(_("Never recorded"), bold=True))
    if rotation.overdue:
        return line(Span(_("Overdue since %(day)s") % {"day": _day(rotation.next_on)}, bold=True))
    if rotation.due_soon:
        return line(_("Due %(day)s") % {"day": _day(rotation.next_on)})
    return line(_day(rotation.next_on))


def _two_factor(custody) -> Line:
    if custody.two_factor_method == "none":
        return line(Span(_("Off"), bold=True))
    holder = custody.two_factor_holder
    return line(
        custody.get_two_factor_method_display(), f" · {holder.display_name}" if holder else None
    )


def _name(person) -> str:
    return person.display_name if person else ""


def _custody(page: PolicyPage) -> Part:
    rows = []
    for account, rotation in page.data["accounts"]:
        custody = account_custody(account)
        rows.append(
            [
                Cell([_account(account)]),
                _dash(_name(custody.custodian) if custody else ""),
                _dash(_name(custody.backup_custodian) if custody else ""),
                _dash(custody.vault_label if custody else ""),
                Cell([_rotation(rotation)]),
                Cell([_two_factor(custody) if custody else line("—")]),
            ]
        )
    headers = [
        _("Account"),
        _("Custodian"),
        _("Backup"),
        _("Kept in"),
        _("Next rotation"),
        _("Two-factor"),
    ]
    return Part(
        _("Custody and rotation"), table=Table(headers, rows, _("No accounts registered yet."))
    )


def _devices(page: PolicyPage) -> Part:
    rows = []
    for device in page.data["devices"]:
        kind = line(
            Span(device.get_kind_display(), muted=True),
            None
            if device.org_owned
            else Span(f" · {_('Not owned by the organisation')}", bold=True),
        )
        updater = device.updater.display_name if device.updater else None
        rows.append(
            [
                Cell([line(device.name), kind]),
                _dash(device.assignee.display_name if device.assignee else ""),
                Cell([line(updater or Span(_("Nobody"), bold=True))]),
                Cell([_account(a) for a in device.accounts.all()] or [line("—")]),
            ]
        )
    headers = [_("Device"), _("Assigned to"), _("Keeps it updated"), _("Accounts it may reach")]
    return Part(_("Approved devices"), table=Table(headers, rows, _("No devices registered yet.")))


def _policy_admins(page: PolicyPage) -> Part:
    items = []
    for membership, person, name in page.data["policy_admins"]:
        email = _ltr(person.email) if person and person.email else None
        items.append(
            line(name, " " if email else None, email, f" ({membership.get_role_display()})")
        )
    title = _("Who may change the policy, roles, devices and passwords")
    return Part(title, items=items, empty=_("Nobody yet"))


def _contacts(page: PolicyPage) -> Part:
    rows = []
    for contact in page.data["contacts"]:
        person, backup = contact.person, contact.backup
        detail = person.job_title or person.affiliation
        backup_lines = (
            [line(backup.display_name), line(_ltr(_phone(backup.phone)))] if backup else []
        )
        rows.append(
            [
                Cell([line(contact.get_role_display())]),
                Cell(
                    [
                        line(person.display_name),
                        *([line(Span(detail, muted=True))] if detail else []),
                    ]
                ),
                Cell([line(_ltr(_phone(person.phone)) or "—")]),
                Cell([line(_ltr(person.email) or "—")]),
                Cell([ln for ln in backup_lines if ln.spans] or [line("—")]),
                _dash(_day(contact.verified_on) if contact.verified_on else ""),
            ]
        )
    headers = [_("Role"), _("Name"), _("Phone"), _("E-mail"), _("Backup"), _("Verified on")]
    return Part(
        _("Emergency contacts"), table=Table(headers, rows, _("No emergency contacts yet."))
    )


def _levels(page: PolicyPage) -> Part:
    rows = [
        [Cell([line(_bi(level, "name"))], header=True), Cell([line(_bi(level, "criteria"))])]
        for level in page.data["levels"]
    ]
    table = Table([_("Level"), _("When it applies")], rows, _("No severity levels yet."))
    return Part(_("Severity levels"), table=table)


def _law_review(page: PolicyPage) -> Part:
    adviser, day = page.data["legal_adviser"], page.rules.legal_reviewed_on
    if adviser is None:
        text = _("No legal adviser has reviewed this section yet.")
    elif day is None:
        text = _("Legal adviser: %(name)s (review date not recorded).") % {
            "name": adviser.display_name
        }
    else:
        text = _("This section was reviewed by %(name)s on %(day)s.") % {
            "name": adviser.display_name,
            "day": _day(day),
        }
    return Part(note=line(text))


def _disclaimer(page: PolicyPage) -> Part:
    quotes = [
        Span(page.data[f"disclaimer_{lang}"], lang=lang)
        for lang in ("ar", "en")
        if page.data[f"disclaimer_{lang}"]
    ]
    return Part(_("The disclaimer to use"), quotes=quotes)


def _spokespeople(page: PolicyPage) -> Part:
    items = [
        line(
            person.display_name,
            Span(f" · {person.job_title}", muted=True) if person.job_title else None,
            " " if person.email else None,
            _ltr(person.email),
            " " if person.phone else None,
            _ltr(_phone(person.phone)) if person.phone else None,
        )
        for person in page.data["spokespeople"]
    ]
    return Part(
        _("Official spokespeople"),
        lead=_("Hard questions and media requests go to them:"),
        items=items,
        empty=_("No spokesperson named yet"),
    )


# --- what the public reads instead of the directory ------------------------------------------


def _areas(page: PolicyPage) -> Part:
    return Part(
        _("Responsibilities"),
        lead=_("The organisation names someone for each of these responsibilities:"),
        items=[line(area.label) for area in page.data["areas"]],
    )


def _official_accounts(page: PolicyPage) -> Part:
    rows = [
        [Cell([_account(account)]), Cell([line(_bi(account, "purpose"))])]
        for account in page.data["official_accounts"]
    ]
    table = Table([_("Account"), _("Purpose")], rows, _("No accounts registered yet."))
    return Part(_("Official accounts"), table=table)


def _change_rule(page: PolicyPage) -> Part:
    return Part(
        lead=_(
            "Only owners and policy admins may change the policy, the roles, the devices and who "
            "holds each password."
        )
    )


def _security_kept_for_members(page: PolicyPage) -> Part:
    return Part(
        lead=_(
            "Who keeps each password, who holds each second factor and which devices may reach "
            "the accounts are listed in the members' version of this policy."
        )
    )


def _contact_roles(page: PolicyPage) -> Part:
    return Part(
        _("Emergency contacts"),
        lead=_("In a crisis, the team reaches these roles first:"),
        items=[line(role.label) for role in page.data["contact_roles"]],
        empty=_("No emergency contacts yet."),
    )


def _contacts_kept_for_members(page: PolicyPage) -> Part:
    return Part(lead=_("Their names and phone numbers are in the members' version of this policy."))


def _public_spokespeople(page: PolicyPage) -> Part:
    items = [
        line(
            person.display_name,
            Span(f" · {person.job_title}", muted=True) if person.job_title else None,
        )
        for person in page.data["spokespeople"]
    ]
    return Part(
        _("Official spokespeople"),
        lead=_("Hard questions and media requests go to them:"),
        items=items,
        empty=_("No spokesperson named yet"),
    )


# Each audience's live parts, by section and by block: the public's read only what
# `policy_page` gives the public.
_SECTION_PARTS = {
    Audience.MEMBERS: {
        "roles": (_responsibilities, _accounts),
        "security": (_rotation_note, _custody, _devices, _policy_admins),
        "crisis": (_contacts, _levels),
        "law": (_law_review,),
    },
    Audience.PUBLIC: {
        "roles": (_areas, _official_accounts),
        "security": (_rotation_note, _change_rule, _security_kept_for_members),
        "crisis": (_contact_roles, _contacts_kept_for_members, _levels),
        "law": (_law_review,),
    },
}
_BLOCK_PARTS = {
    Audience.MEMBERS: {"speaking.stance": (_disclaimer, _spokespeople)},
    Audience.PUBLIC: {"speaking.stance": (_disclaimer, _public_spokespeople)},
}
