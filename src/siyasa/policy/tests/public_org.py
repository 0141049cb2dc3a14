"""A public organisation made through the product with every registry filled, and the values of
its private fields, so a test can scan what the public is given for every one of them."""

import datetime
import html
import io
import re
from dataclasses import dataclass, field

import docx
from django.utils import timezone, translation
from pypdf import PdfReader

from siyasa.core.tests.factories import UserFactory
from siyasa.crisis.models import EmergencyContact
from siyasa.orgs.models import Membership, Organization, Person, Role
from siyasa.policy.models import PolicySettings
from siyasa.policy.services import publish_version
from siyasa.registry.models import (
    AccessGrant,
    AccountRequest,
    ConnectedApp,
    Custody,
    Device,
    ModerationDecision,
    ResponsibilityAssignment,
)
from siyasa.registry.models import SocialAccount as Account
from siyasa.workspace.services import create_organization


@dataclass
class PublicOrg:
    org: Organization
    owner: object
    # What the public must never be given, and what it must be given.
    private: list[str] = field(default_factory=list)
    public: list[str] = field(default_factory=list)


def _person(org, name, name_en, *, email, phone, title="", user=None):
    return Person.objects.create(
        organization=org,
        name=name,
        name_en=name_en,
        email=email,
        phone=phone,
        job_title=title,
        user=user,
    )


def build_public_org() -> PublicOrg:
    owner = UserFactory(username="founder-login-7", first_name="", last_name="")
    org = create_organization(
        owner=owner,
        name_ar="جمعية الندى",
        name_en="Nada Society",
        slug="nada",
        policy_visibility=Organization.Visibility.PUBLIC,
    )
    admin_user = UserFactory(username="admin-login-8")
    Membership.objects.create(user=admin_user, organization=org, role=Role.POLICY_ADMIN)
    admin = _person(
        org,
        "سلمى القحطاني",
        "Salma Qahtani",
        email="salma.private@mail.example",
        phone="+966 55 731 9042",
        title="Digital manager",
        user=admin_user,
    )
    custodian = _person(
        org, "خالد الحارس", "Khalid Keeper", email="khalid.k@mail.example", phone="+966 55 100 2233"
    )
    backup = _person(
        org, "نورة الاحتياط", "Noura Backup", email="noura.b@mail.example", phone="+966 55 100 4455"
    )
    holder = _person(
        org,
        "فهد المفتاح",
        "Fahd Tokenholder",
        email="fahd.t@mail.example",
        phone="+966 55 100 6677",
    )
    publisher = _person(
        org, "ليلى الناشرة", "Layla Poster", email="layla.p@mail.example", phone="+966 55 100 8899"
    )
    lawyer = _person(
        org,
        "محمد المحامي",
        "Mohammed Lawyer",
        email="lawyer@firm.example",
        phone="+966 11 400 1234",
    )
    speaker = _person(
        org,
        "هالة المتحدثة",
        "Hala Speaker",
        email="hala.personal@mail.example",
        phone="+966 55 200 3344",
        title="Head of Communications",
    )
    account = Account.objects.create(
        organization=org,
        platform="x",
        handle="@nada_official",
        url="https://x.com/nada_official",
        purpose_en="News of our programmes",
        purpose_ar="أخبار برامجنا",
        owner=admin,
    )
    AccessGrant.objects.create(
        organization=org, account=account, person=publisher, can_publish=True, can_reply=True
    )
    Custody.objects.create(
        organization=org,
        account=account,
        custodian=custodian,
        backup_custodian=backup,
        vault_label="Team vault › Social › Nada X",
        last_rotated_on=timezone.localdate() - datetime.timedelta(days=400),
        two_factor_method="sms",
        two_factor_holder=holder,
        recovery_owner=custodian,
        recovery_email="nada.recovery@mail.example",
        recovery_phone="+966551234987",
    )
    Device.objects.create(
        organization=org,
        name="Salma's own iPhone",
        org_owned=False,
        assignee=admin,
        updater=custodian,
        phone_number="+966557654321",
    ).accounts.add(account)
    ConnectedApp.objects.create(
        organization=org,
        account=account,
        name="Quietscheduler",
        purpose="Night-time scheduling",
        approved_by=admin,
        owner=custodian,
    )
    ModerationDecision.objects.create(
        organization=org,
        account=account,
        decided_on=timezone.localdate(),
        action=ModerationDecision.Action.BLOCKED,
        what="A troll called Zabadoo",
        reason="Third warning ignored",
        decided_by=publisher,
    )
    AccountRequest.objects.create(
        organization=org, platform="tiktok", handle="@nada_secret_plan", reason="Not yet public"
    )
    ResponsibilityAssignment.objects.create(
        organization=org, area="security", person=custodian, note="weekends only"
    )
    EmergencyContact.objects.create(
        organization=org,
        role="legal",
        person=lawyer,
        backup=backup,
        verified_on=timezone.localdate(),
    )
    settings_row = PolicySettings.objects.get(organization=org)
    settings_row.legal_adviser = lawyer
    settings_row.review_owner = admin
    settings_row.save()
    settings_row.spokespeople.set([speaker])
    publish_version(
        membership=Membership.objects.get(user=owner, organization=org),
        summary="First",
        kind="material",
        effective_on=timezone.localdate(),
    )
    private = [
        "founder-login-7",
        "admin-login-8",
        "Team vault",
        "Nada X",
        "Khalid Keeper",
        "خالد الحارس",
        "Noura Backup",
        "نورة الاحتياط",
        "Fahd Tokenholder",
        "فهد المفتاح",
        "Layla Poster",
        "ليلى الناشرة",
        "Salma's own iPhone",
        "weekends only",
        "nada.recovery@mail.example",
        "966551234987",
        "966557654321",
        "Quietscheduler",
        "Night-time scheduling",
        "Zabadoo",
        "Third warning ignored",
        "@nada_secret_plan",
        *in_both("Text message (SMS)"),
        *in_both("Overdue since %(day)s", cut="%"),
        *in_both("Not owned by the organisation"),
        *(p.email for p in Person.objects.filter(organization=org) if p.email),
        # Phones, however they are spaced: compared without any white space (see `squeeze`).
        *(re.sub(r"\D", "", p.phone) for p in Person.objects.filter(organization=org) if p.phone),
    ]
    public = ["@nada_official", "News of our programmes", "Hala Speaker", "Head of Communications"]
    return PublicOrg(org, owner, private, public)


def in_both(msgid: str, *, cut: str = "") -> list[str]:
    """A label of the interface in Arabic and in English (up to `cut`, before a placeholder)."""
    labels = []
    for lang in ("ar", "en"):
        with translation.override(lang):
            text = translation.gettext(msgid)
        labels.append(text.split(cut)[0].strip() if cut else text)
    return labels


def squeeze(text: str) -> str:
    """The text without white space, direction marks or "+", so "+966 55 731 9042" and
    "966557319042" read the same."""
    return re.sub(r"[\s\u200e\u200f\u00a0+]", "", text)


def leaks(text: str, private: list[str]) -> list[str]:
    """The values of `private` found in `text` (a page's HTML is read as its reader sees it)."""
    flat = squeeze(html.unescape(text))
    return [value for value in private if squeeze(value) in flat]


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def docx_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    footer = [p.text for s in document.sections for p in s.footer.paragraphs]
    return "\n".join([p.text for p in document.paragraphs] + cells + footer)
