"""Builds the fictional demo organisation, Athar Charity Society, with a few planted problems."""

import datetime
from typing import Any

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from siyasa.crisis.models import (
    Alert,
    Approval,
    CrisisRole,
    EmergencyContact,
    Incident,
    SeverityLevel,
    Statement,
    Task,
    TimelineEntry,
)
from siyasa.doctor.models import HealthSnapshot
from siyasa.orgs.models import Membership, Organization, Person, Role
from siyasa.orgs.rows import touch
from siyasa.policy.models import Acknowledgement, PolicySettings, PolicyText, VersionKind
from siyasa.policy.services import publish_version, update_text
from siyasa.registry.models import (
    AccessGrant,
    AccountRequest,
    Area,
    ConnectedApp,
    Custody,
    Device,
    ModerationDecision,
    Platform,
    ResponsibilityAssignment,
    SocialAccount,
    TwoFactorMethod,
)
from siyasa.security.models import OnboardingStep, RotationReason, RotationRecord
from siyasa.security.services.onboarding import kinds_for
from siyasa.workspace.services import create_organization

SLUG = "demo"
PASSWORD = "demo"

# The three sign-ins the `demo` command prints.
DEMO_LOGINS = [
    ("admin", "owner", PASSWORD),
    ("manager", "policy admin", PASSWORD),
    ("staff", "staff member", PASSWORD),
    ("pr", "staff member, public relations (approves crisis statements)", PASSWORD),
]

# username, role, key of the person the user is
USERS = [
    ("admin", Role.OWNER, "director"),
    ("manager", Role.POLICY_ADMIN, "digital"),
    ("staff", Role.STAFF, "writer"),
    ("editor", Role.EDITOR, "designer"),
    ("pr", Role.STAFF, "pr"),
    # The legal adviser and the board delegate sign in to approve critical statements: one
    # person counts for one role (R3.4), so the director cannot approve as three.
    ("lawyer", Role.STAFF, "lawyer"),
    ("board", Role.STAFF, "board"),
]

ORGANIZATION: dict[str, Any] = {
    "name_ar": "جمعية أثر الخيرية",
    "name_en": "Athar Charity Society",
    "country": "SA",
    "policy_visibility": Organization.Visibility.PUBLIC,
    "hashtags": "#أثر_الخيرية #AtharCharity",
}

S, V, B, C = Person.Kind.STAFF, Person.Kind.VOLUNTEER, Person.Kind.BOARD, Person.Kind.CONTACT

# key, kind, name, name_en, job title, affiliation, e-mail, phone (fictional +96650000xxxx range)
PEOPLE = [
    ("director", S, "عبدالله سعد العتيبي", "Abdullah Saad Al-Otaibi", "المدير التنفيذي", "",
     "abdullah@example.org", "+966500000011"),
    ("digital", S, "نورة محمد القحطاني", "Noura Mohammed Al-Qahtani", "مديرة الإعلام الرقمي", "",
     "noura@example.org", "+966500000012"),
    ("writer", S, "ريم خالد الشهري", "Reem Khalid Al-Shehri", "كاتبة محتوى", "",
     "reem@example.org", "+966500000013"),
    ("designer", S, "فيصل عبدالرحمن الدوسري", "Faisal Abdulrahman Al-Dosari",
     "مصمم جرافيك ومونتاج", "", "faisal@example.org", "+966500000014"),
    ("service", S, "هيفاء سلطان المطيري", "Haifa Sultan Al-Mutairi", "أخصائية خدمة المتبرعين", "",
     "haifa@example.org", "+966500000015"),
    ("pr", S, "تركي فهد الغامدي", "Turki Fahad Al-Ghamdi", "مدير العلاقات العامة والاتصال", "",
     "turki@example.org", "+966500000016"),
    ("it", S, "ماجد ناصر الزهراني", "Majed Nasser Al-Zahrani", "أخصائي تقنية المعلومات", "",
     "majed@example.org", "+966500000017"),
    ("analyst", S, "سارة إبراهيم الحربي", "Sarah Ibrahim Al-Harbi", "محللة بيانات ومتابعة", "",
     "sarah@example.org", "+966500000018"),
    ("ads", S, "يوسف علي الشمري", "Yousef Ali Al-Shammari", "أخصائي الحملات الإعلانية", "",
     "yousef@example.org", "+966500000019"),
    ("volunteer", V, "لمى عبدالعزيز السبيعي", "Lama Abdulaziz Al-Subaie",
     "متطوعة في تصوير الفعاليات", "", "lama@example.org", "+966500000020"),
    ("lawyer", C, "خالد عمر الفيفي", "Khalid Omar Al-Faifi", "مستشار قانوني",
     "مكتب الميزان للمحاماة والاستشارات القانونية", "khalid@example.org", "+966500000021"),
    ("board", B, "منيرة حمد العنزي", "Munira Hamad Al-Anazi", "عضوة مجلس الإدارة المفوّضة بالتواصل",
     "مجلس إدارة جمعية أثر الخيرية", "munira@example.org", "+966500000022"),
    ("agency", C, "بدر سالم الحارثي", "Badr Salem Al-Harthi", "مدير حسابات العملاء",
     "وكالة مدى للعلاقات العامة", "badr@example.org", "+966500000023"),
]  # fmt: skip

# How Arabic sentences that name them agree (Person.grammatical_gender).
F, M = Person.GrammaticalGender.FEMININE, Person.GrammaticalGender.MASCULINE
GENDERS = {
    "director": M, "digital": F, "writer": F, "designer": M, "service": F, "pr": M, "it": M,
    "analyst": F, "ads": M, "volunteer": F, "lawyer": M, "board": F, "agency": M,
}  # fmt: skip

A = SocialAccount.Audience
ACTIVE, DORMANT = SocialAccount.Status.ACTIVE, SocialAccount.Status.DORMANT

# platform, handle, url, purpose (ar), purpose (en), audience, status, owner key.
# Planted problem: the TikTok account is active but has no owner (R1.1).
ACCOUNTS = [
    (Platform.X, "@athar_sa", "https://x.com/athar_sa",
     "أخبار الجمعية وحملاتها والتفاعل مع المتبرعين",
     "News, campaigns and conversation with donors", A.ARABIC, ACTIVE, "digital"),
    (Platform.INSTAGRAM, "@athar_sa", "https://www.instagram.com/athar_sa/",
     "قصص الأثر وصور المشاريع بموافقة المستفيدين",
     "Impact stories and project photos, with beneficiaries' consent", A.ARABIC, ACTIVE,
     "digital"),
    (Platform.SNAPCHAT, "athar_sa", "https://www.snapchat.com/add/athar_sa",
     "تغطية مباشرة للفعاليات والمبادرات الميدانية",
     "Live coverage of events and field initiatives", A.ARABIC, ACTIVE, "designer"),
    (Platform.TIKTOK, "@athar_sa", "https://www.tiktok.com/@athar_sa",
     "مقاطع توعوية قصيرة للشباب", "Short awareness videos for young people", A.ARABIC, ACTIVE,
     None),
    (Platform.YOUTUBE, "@AtharCharity", "https://www.youtube.com/@AtharCharity",
     "أفلام وثائقية وتقارير سنوية عن المشاريع",
     "Documentaries and annual project reports", A.BOTH, ACTIVE, "designer"),
    (Platform.LINKEDIN, "athar-charity", "https://www.linkedin.com/company/athar-charity/",
     "الشراكات والتوظيف والتطوع", "Partnerships, jobs and volunteering", A.BOTH, ACTIVE, "pr"),
    (Platform.WHATSAPP_BUSINESS, "+966500000090", "https://wa.me/966500000090",
     "استفسارات المتبرعين وإيصالات التبرع", "Donor enquiries and donation receipts", A.ARABIC,
     ACTIVE, "service"),
    (Platform.FACEBOOK, "AtharCharitySA", "https://www.facebook.com/AtharCharitySA",
     "صفحة قديمة محفوظة لحماية اسم الجمعية", "Old page kept to protect the society's name",
     A.BOTH, DORMANT, "digital"),
]  # fmt: skip

# R1.6: platform -> (year opened — before the society started using Siyasa — and days since the
# last post or reply). The old Facebook page is kept to protect the name: one post a quarter.
ACCOUNT_LIFE = {
    Platform.X: (2014, 0),
    Platform.INSTAGRAM: (2016, 1),
    Platform.SNAPCHAT: (2018, 3),
    Platform.TIKTOK: (2021, 6),
    Platform.YOUTUBE: (2015, 12),
    Platform.LINKEDIN: (2019, 4),
    Platform.WHATSAPP_BUSINESS: (2020, 0),
    Platform.FACEBOOK: (2012, 80),
}

# R1.6: requests to open an account — (platform, handle, purpose ar, purpose en, reason,
# asked by (user name), decision, decided by, note, days ago).
ACCOUNT_REQUESTS = [
    (Platform.THREADS, "@athar_sa", "نسخة من أخبار الجمعية على Threads",
     "The society's news on Threads",
     "كثير من متابعينا على Instagram انتقلوا إلى Threads، وحجز الاسم الآن يمنع انتحاله.",
     "staff", AccountRequest.Status.PENDING, None, "", 2),
    (Platform.TELEGRAM, "athar_volunteers", "قناة لإعلانات التطوع",
     "A channel for volunteering announcements",
     "نريد قناة يصل فيها المتطوعون إلى مواعيد الفعاليات.",
     "editor", AccountRequest.Status.REFUSED, "admin",
     "مجموعة المتطوعين على WhatsApp Business تكفي الآن؛ نعيد النظر بعد موسم رمضان.", 25),
]  # fmt: skip

# area, person key, accounts (empty: the whole organisation), note
RESPONSIBILITIES = [
    (Area.PUBLISHING, "writer", [Platform.X, Platform.INSTAGRAM, Platform.LINKEDIN], ""),
    (Area.PUBLISHING, "designer", [Platform.SNAPCHAT, Platform.TIKTOK, Platform.YOUTUBE], ""),
    (Area.SERVICE, "service", [Platform.WHATSAPP_BUSINESS, Platform.X, Platform.INSTAGRAM],
     "رسائل المتبرعين والمستفيدين"),
    (Area.STRATEGY, "digital", [], ""),
    (Area.STRATEGY, "director", [], "اعتماد الخطة السنوية"),
    (Area.ADVERTISING, "ads", [Platform.INSTAGRAM, Platform.SNAPCHAT, Platform.X], ""),
    (Area.SECURITY, "it", [], ""),
    (Area.SECURITY, "digital", [], "كلمات المرور والتحقق بخطوتين"),
    (Area.MONITORING, "analyst", [], "تقرير شهري"),
    (Area.APPROVALS, "director", [], "الموافقات المالية"),
    (Area.APPROVALS, "lawyer", [], "الموافقات القانونية"),
    (Area.CRISIS, "pr", [], ""),
    (Area.CRISIS, "digital", [], "الأزمات التقنية"),
    (Area.TRAINING, "digital", [], "تدريب الموظفين الجدد"),
]  # fmt: skip

# Capabilities in grants: p publish, r reply, a advertise, n analyse, x admin.
CAPABILITY_LETTERS = {
    "p": "can_publish",
    "r": "can_reply",
    "a": "can_advertise",
    "n": "can_analyse",
    "x": "is_admin",
}
GRANTS = [
    (Platform.X, "digital", "prnx"), (Platform.X, "writer", "p"), (Platform.X, "service", "r"),
    (Platform.X, "ads", "a"), (Platform.X, "analyst", "n"),
    (Platform.INSTAGRAM, "digital", "prnx"), (Platform.INSTAGRAM, "writer", "p"),
    (Platform.INSTAGRAM, "designer", "p"), (Platform.INSTAGRAM, "service", "r"),
    (Platform.INSTAGRAM, "ads", "a"), (Platform.INSTAGRAM, "analyst", "n"),
    (Platform.SNAPCHAT, "designer", "prx"), (Platform.SNAPCHAT, "volunteer", "p"),
    (Platform.SNAPCHAT, "ads", "a"),
    (Platform.TIKTOK, "designer", "pr"), (Platform.TIKTOK, "digital", "x"),
    (Platform.YOUTUBE, "designer", "px"), (Platform.YOUTUBE, "digital", "rnx"),
    (Platform.LINKEDIN, "pr", "prx"), (Platform.LINKEDIN, "writer", "p"),
    (Platform.LINKEDIN, "digital", "x"),
    (Platform.WHATSAPP_BUSINESS, "service", "prx"), (Platform.WHATSAPP_BUSINESS, "digital", "rx"),
    (Platform.FACEBOOK, "digital", "x"),
]  # fmt: skip

T = TwoFactorMethod
# platform, custodian, backup, vault entry, own interval, rotated days ago, 2FA, holder, recovery.
# Planted problem: Instagram and WhatsApp Business are past the 90-day rotation (R2.1).
CUSTODY = [
    (Platform.X, "digital", "it", "خزنة الفريق › التواصل › X", 60, 30, T.KEY, "digital",
     "digital"),
    (Platform.INSTAGRAM, "digital", "designer", "خزنة الفريق › التواصل › Instagram", None, 120,
     T.APP, "digital", "it"),
    (Platform.SNAPCHAT, "designer", "digital", "خزنة الفريق › التواصل › Snapchat", None, 45, T.APP,
     "designer", "it"),
    (Platform.TIKTOK, "designer", "digital", "خزنة الفريق › التواصل › TikTok", None, 60, T.APP,
     "designer", "it"),
    (Platform.YOUTUBE, "designer", "it", "خزنة الفريق › التواصل › YouTube", None, 20, T.KEY,
     "designer", "it"),
    (Platform.LINKEDIN, "pr", "digital", "خزنة الفريق › التواصل › LinkedIn", None, 75, T.APP, "pr",
     "pr"),
    (Platform.WHATSAPP_BUSINESS, "service", "digital", "خزنة الفريق › التواصل › WhatsApp Business",
     None, 97, T.SMS, "service", "it"),
    (Platform.FACEBOOK, "digital", "it", "خزنة الفريق › التواصل › Facebook", None, 85, T.PLATFORM,
     "digital", "it"),
]  # fmt: skip

# R2.9: platform -> (recovery e-mail, recovery phone). The phones are the lines of the society's
# own phones (DEVICE_LINES). Planted problem: Snapchat's recovery e-mail is the designer's private
# address, from the day he opened it.
RECOVERY = {
    Platform.X: ("social@example.org", "+966500000091"),
    Platform.INSTAGRAM: ("social@example.org", "+966500000091"),
    Platform.SNAPCHAT: ("faisal.designs@gmail.com", "+966500000092"),
    Platform.TIKTOK: ("social@example.org", "+966500000092"),
    Platform.YOUTUBE: ("media@example.org", "+966500000092"),
    Platform.LINKEDIN: ("pr@example.org", "+966500000091"),
    Platform.WHATSAPP_BUSINESS: ("donors@example.org", "+966500000090"),
    Platform.FACEBOOK: ("social@example.org", "+966500000091"),
}

K = Device.Kind
# name, kind, owned by the organisation, assignee, updater, platforms it reaches.
# Planted problem: Reem's personal phone still reaches X (R2.5).
DEVICES = [
    ("آيفون فريق الإعلام 1", K.PHONE, True, "digital", "it",
     [Platform.X, Platform.INSTAGRAM, Platform.SNAPCHAT, Platform.TIKTOK]),
    ("آيفون فريق الإعلام 2", K.PHONE, True, "designer", "it",
     [Platform.INSTAGRAM, Platform.SNAPCHAT, Platform.TIKTOK, Platform.YOUTUBE]),
    ("جوال خدمة المتبرعين", K.PHONE, True, "service", "it", [Platform.WHATSAPP_BUSINESS]),
    ("حاسوب الإعلام الرقمي", K.LAPTOP, True, "digital", "it",
     [Platform.X, Platform.INSTAGRAM, Platform.YOUTUBE, Platform.LINKEDIN, Platform.FACEBOOK]),
    ("حاسوب التصميم والمونتاج", K.LAPTOP, True, "designer", "it",
     [Platform.YOUTUBE, Platform.INSTAGRAM, Platform.TIKTOK]),
    ("جوال ريم الشخصي", K.PHONE, False, "writer", "writer", [Platform.X]),
]  # fmt: skip

# R2.9: the SIM line of each phone that has one.
DEVICE_LINES = {
    "آيفون فريق الإعلام 1": "+966500000091",
    "آيفون فريق الإعلام 2": "+966500000092",
    "جوال خدمة المتبرعين": "+966500000090",
    "جوال ريم الشخصي": "+966500000013",
}

# R2.10: platform, app, purpose, approved by, owner, connected days ago, reviewed days ago.
# Planted problem: the LinkedIn scheduler has not been reviewed for more than a year.
CONNECTED_APPS = [
    (Platform.X, "Buffer", "جدولة منشورات الحملات", "digital", "digital", 300, 40),
    (Platform.INSTAGRAM, "Meta Business Suite", "الجدولة والرد على الرسائل", "digital",
     "digital", 700, 40),
    (Platform.FACEBOOK, "Meta Business Suite", "الجدولة والرد على الرسائل", "digital",
     "digital", 700, 40),
    (Platform.X, "Brandwatch", "رصد الإشارات إلى الجمعية", "director", "analyst", 200, None),
    (Platform.LINKEDIN, "Hootsuite", "جدولة إعلانات الوظائف والتطوع", "pr", "pr", 520, 430),
]  # fmt: skip

# R6.5: serious moderation decisions — platform, days ago, action, what, why, decided by.
A_ = ModerationDecision.Action
MODERATION = [
    (Platform.INSTAGRAM, 9, A_.HIDDEN, "تعليق فيه رقم جوال أحد المستفيدين واسمه",
     "قاعدة البيانات الشخصية: أُخفي التعليق وتواصلنا مع كاتبه برسالة خاصة.", "digital"),
    (Platform.X, 21, A_.REMOVED, "رد يسخر من أسرة مستفيدة ظهرت في فيديو الحملة",
     "إساءة لمستفيدين؛ حُذف الرد وأُبلغت المنصة.", "service"),
    (Platform.X, 21, A_.BLOCKED, "حساب ينشر رابط تبرع مزيفًا تحت منشوراتنا للمرة الثالثة",
     "احتيال وانتحال لاسم الجمعية بعد تنبيهين؛ حُظر الحساب وأُبلغ عنه.", "digital"),
]  # fmt: skip

# crisis role, person, backup, verified days ago
EMERGENCY_CONTACTS = [
    (CrisisRole.SOCIAL_TEAM, "digital", "designer", 12),
    (CrisisRole.LEGAL, "lawyer", "director", 40),
    (CrisisRole.PUBLIC_RELATIONS, "pr", "agency", 20),
    (CrisisRole.EXECUTIVE, "director", "pr", 30),
    (CrisisRole.BOARD_DELEGATE, "board", "director", 55),
    (CrisisRole.TECHNICAL, "it", "digital", 12),
]

SPOKESPEOPLE = ["director", "pr"]
LEGAL_ADVISER = "lawyer"
LEGAL_REVIEWED_DAYS_AGO = 100
REVIEW_OWNER = "digital"
NEXT_REVIEW_IN_DAYS = 45

# Published history: (days ago in force, kind, summary, text added before publishing). Version 1
# is material, so everyone must acknowledge it; the editorial version 2 does not ask again.
VERSIONS = [
    (150, VersionKind.MATERIAL, "أول نسخة معتمدة من سياسة وسائل التواصل الاجتماعي.", None),
    (
        30,
        VersionKind.EDITORIAL,
        "توضيح في قسم الحسابات الشخصية.",
        (
            "personal.accountability",
            "وإن لم تكن متأكدًا فاسأل قبل أن تنشر.",
            "If you are not sure, ask before you post.",
        ),
    ),
]
# Who has acknowledged (and which version); `staff` has not, so signing in as staff shows it.
ACKNOWLEDGED = [("admin", 1), ("manager", 1), ("editor", 2)]


def not_the_demo() -> tuple[list[str], list[str]]:
    """User names and organisation slugs in this database that the demo did not make.

    Reads only tables that exist and columns every schema has, so it can run before `migrate`
    and leave a real instance's database exactly as it was.
    """
    tables = set(connection.introspection.table_names())
    User = get_user_model()
    users, orgs = [], []
    if User._meta.db_table in tables:
        # An instance's own superuser is often called "admin" too: only the demo's address and
        # no staff rights make a user the demo's.
        demo = Q()
        for username, _, _ in USERS:
            demo |= Q(username=username, email=_email(username), is_superuser=False, is_staff=False)
        users = list(
            User.objects.exclude(demo).order_by("username").values_list("username", flat=True)
        )
    if Organization._meta.db_table in tables:
        orgs = list(
            Organization.objects.exclude(slug=SLUG).order_by("slug").values_list("slug", flat=True)
        )
    return users, orgs


def build_demo(*, today: datetime.date | None = None) -> Organization:
    """(Re)build the demo organisation; dates are relative to `today`."""
    today = today or timezone.localdate()
    with transaction.atomic():
        users = {username: _user(username) for username, _, _ in USERS}
        # Rebuilding from scratch is the simplest way to be idempotent and to refresh the dates.
        Organization.objects.filter(slug=SLUG).delete()
        org = create_organization(owner=users["admin"], slug=SLUG, **ORGANIZATION)
        # create_organization made the owner's membership; the rest of the cast joins here.
        Membership.objects.bulk_create(
            Membership(user=users[username], organization=org, role=role)
            for username, role, _ in USERS
            if username != "admin"
        )
        people = _people(org, {key: users[username] for username, _, key in USERS})
        accounts = _accounts(org, people, today)
        _account_requests(org, users, people, accounts, today)
        _roles(org, people, accounts)
        _security(org, people, accounts, today)
        _moderation(org, people, accounts, today)
        _crisis(org, people, today)
        _past_incident(org, people, users, today)
        _policy_settings(org, people, users["admin"], today)
        _history(org, users, today)
        _health_history(org, today)
        _onboarding(org, people)
        for part in ("roles", "security", "crisis"):
            touch(org, part)
    return org


def _email(username: str) -> str:
    return f"{username}@example.org"


def _user(username: str):
    User = get_user_model()
    user = User.objects.filter(username=username).first()
    if user is None:
        user = User.objects.create_user(
            username=username, email=_email(username), password=PASSWORD
        )
    else:
        # Someone may have changed the password while trying the demo; the printed one must work.
        user.set_password(PASSWORD)
        user.is_active = True
        user.save(update_fields=["password", "is_active"])
    # Sign-in asks for a verified address; the demo's are made up, so none could be verified.
    EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"primary": True, "verified": True}
    )
    return user


def _people(org: Organization, users_by_person: dict) -> dict[str, Person]:
    people = {}
    for key, kind, name, name_en, job_title, affiliation, email, phone in PEOPLE:
        fields = {
            "kind": kind,
            "name": name,
            "name_en": name_en,
            "job_title": job_title,
            "affiliation": affiliation,
            "email": email,
            "phone": phone,
            "grammatical_gender": GENDERS[key],
        }
        user = users_by_person.get(key)
        if user is None:
            people[key] = Person.objects.create(organization=org, **fields)
        else:
            # create_organization made the owner's entry: complete it rather than repeat it.
            people[key], _created = Person.objects.update_or_create(
                organization=org, user=user, defaults=fields
            )
    return people


def _accounts(
    org: Organization, people: dict[str, Person], today: datetime.date
) -> dict[str, SocialAccount]:
    return {
        platform: SocialAccount.objects.create(
            organization=org,
            platform=platform,
            handle=handle,
            url=url,
            purpose_ar=purpose_ar,
            purpose_en=purpose_en,
            audience_language=audience,
            status=status,
            owner=people[owner] if owner else None,
            opened_on=datetime.date(ACCOUNT_LIFE[platform][0], 3, 1),
            last_activity_on=today - datetime.timedelta(days=ACCOUNT_LIFE[platform][1]),
        )
        for platform, handle, url, purpose_ar, purpose_en, audience, status, owner in ACCOUNTS
    }


def _account_requests(
    org: Organization, users: dict, people: dict, accounts: dict, today: datetime.date
) -> None:
    for (platform, handle, purpose_ar, purpose_en, reason, asked_by, status, decider, note,
         ago) in ACCOUNT_REQUESTS:  # fmt: skip
        row = AccountRequest.objects.create(
            organization=org,
            platform=platform,
            handle=handle,
            purpose_ar=purpose_ar,
            purpose_en=purpose_en,
            reason=reason,
            requested_by=users[asked_by],
            status=status,
            decided_by=users[decider] if decider else None,
            decided_at=timezone.now() - datetime.timedelta(days=ago - 1) if decider else None,
            decision_note=note,
        )
        AccountRequest.objects.filter(pk=row.pk).update(
            created_at=timezone.now() - datetime.timedelta(days=ago)
        )


def _roles(org: Organization, people: dict, accounts: dict) -> None:
    for area, person, platforms, note in RESPONSIBILITIES:
        assignment = ResponsibilityAssignment.objects.create(
            organization=org, area=area, person=people[person], note=note
        )
        assignment.accounts.set([accounts[p] for p in platforms])
    AccessGrant.objects.bulk_create(
        AccessGrant(
            organization=org,
            account=accounts[platform],
            person=people[person],
            **{CAPABILITY_LETTERS[letter]: True for letter in letters},
        )
        for platform, person, letters in GRANTS
    )


def _security(org: Organization, people: dict, accounts: dict, today: datetime.date) -> None:
    Custody.objects.bulk_create(
        Custody(
            organization=org,
            account=accounts[platform],
            custodian=people[custodian],
            backup_custodian=people[backup],
            vault_label=vault,
            rotation_days=interval,
            last_rotated_on=today - datetime.timedelta(days=ago),
            two_factor_method=method,
            two_factor_holder=people[holder],
            recovery_owner=people[recovery],
            recovery_email=RECOVERY[platform][0],
            recovery_phone=RECOVERY[platform][1],
        )
        for platform, custodian, backup, vault, interval, ago, method, holder, recovery in CUSTODY
    )
    for name, kind, org_owned, assignee, updater, platforms in DEVICES:
        device = Device.objects.create(
            organization=org,
            name=name,
            kind=kind,
            org_owned=org_owned,
            assignee=people[assignee],
            updater=people[updater],
            phone_number=DEVICE_LINES.get(name, ""),
        )
        device.accounts.set([accounts[p] for p in platforms])
    days = lambda n: today - datetime.timedelta(days=n) if n is not None else None  # noqa: E731
    ConnectedApp.objects.bulk_create(
        ConnectedApp(
            organization=org,
            account=accounts[platform],
            name=name,
            purpose=purpose,
            approved_by=people[approver],
            owner=people[owner],
            connected_on=days(connected),
            reviewed_on=days(reviewed),
        )
        for platform, name, purpose, approver, owner, connected, reviewed in CONNECTED_APPS
    )
    # The rotation log behind the last-rotated dates: each custodian recorded their change.
    RotationRecord.objects.bulk_create(
        RotationRecord(
            organization=org,
            account=accounts[platform],
            rotated_on=today - datetime.timedelta(days=ago),
            rotated_by=people[custodian],
            reason=RotationReason.SCHEDULED,
        )
        for platform, custodian, _backup, _vault, _interval, ago, *_rest in CUSTODY
    )


def _moderation(org: Organization, people: dict, accounts: dict, today: datetime.date) -> None:
    ModerationDecision.objects.bulk_create(
        ModerationDecision(
            organization=org,
            account=accounts[platform],
            decided_on=today - datetime.timedelta(days=ago),
            action=action,
            what=what,
            reason=reason,
            decided_by=people[who],
        )
        for platform, ago, action, what, reason, who in MODERATION
    )


def _crisis(org: Organization, people: dict, today: datetime.date) -> None:
    EmergencyContact.objects.bulk_create(
        EmergencyContact(
            organization=org,
            role=role,
            person=people[person],
            backup=people[backup],
            verified_on=today - datetime.timedelta(days=days_ago),
        )
        for role, person, backup, days_ago in EMERGENCY_CONTACTS
    )


# A closed incident from last Ramadan's campaign, so the crisis room shows how one runs:
# (days ago, hour, minute, user, kind, text, data). Statement texts are below.
PAST_INCIDENT: dict[str, Any] = {
    "days_ago": 40,
    "summary": (
        "متبرعون يشتكون على منصة X من تأخر إيصالات التبرع خلال حملة رمضان، والشكوى تنتشر "
        "خارج متابعينا."
    ),
    "answers": {"reach": "spreading", "media": "none", "legal": "none", "people": "none",
                "account": "none"},
    "task": ("مراجعة الإيصالات المتأخرة مع خدمة المتبرعين", "service"),
    "statement": (
        "نعتذر عن تأخر إيصالات بعض التبرعات خلال اليومين الماضيين بسبب خلل لدى مزود الرسائل، "
        "وقد أُرسلت جميعها اليوم. ومن لم يصله إيصاله فيسعدنا خدمته عبر الرسائل الخاصة.",
        "We apologise that some donation receipts were delayed over the last two days because "
        "of a fault at our text-message provider; all of them have now been sent. If yours has "
        "not arrived, please message us and we will help.",
    ),
    "review": (
        "خلل لدى مزود الرسائل أخّر إيصالات نحو مئتي تبرع يومين، فاشتكى متبرعون على X وانتشرت "
        "الشكوى خارج متابعينا.",
        "حفظ الأدلة وإيقاف المنشورات المجدولة خلال دقائق، واعتماد الرد في أقل من ساعة.",
        "إضافة خطوة إلى السياسة: يراجع فريق خدمة المتبرعين تنبيهات مزود الرسائل يوميًا خلال "
        "الحملات.",
    ),
}  # fmt: skip


def _past_incident(org: Organization, people: dict, users: dict, today: datetime.date) -> None:
    """Written directly, with the times it happened (the services stamp "now" and alert people)."""
    data = PAST_INCIDENT
    day = today - datetime.timedelta(days=data["days_ago"])

    def at(hour: int, minute: int, days_later: int = 0) -> datetime.datetime:
        moment = datetime.datetime.combine(day, datetime.time(hour, minute))
        return timezone.make_aware(moment + datetime.timedelta(days=days_later))

    level = SeverityLevel.objects.get(organization=org, rank=2)
    lead, manager, pr = people["digital"], users["manager"], users["pr"]
    # The writer drafts the statement; the two approvers are other people (R3.4).
    writer = users["staff"]
    incident = Incident.objects.create(
        organization=org,
        number=1,
        kind=Incident.Kind.COMMUNICATION,
        level=level,
        summary=data["summary"],
        lead=lead,
        assessment={"answers": data["answers"], "rank": 2},
        declared_by=manager,
        declared_at=at(10, 5),
        status=Incident.Status.CLOSED,
        closed_by=manager,
        closed_at=at(9, 0, days_later=1),
        review_happened=data["review"][0],
        review_worked=data["review"][1],
        review_changes=data["review"][2],
    )
    incident.accounts.set(SocialAccount.objects.for_org(org).filter(platform=Platform.X))
    title, owner = data["task"]
    Task.objects.create(
        organization=org,
        incident=incident,
        title=title,
        owner=people[owner],
        done_at=at(11, 30),
        done_by=manager,
    )
    text_ar, text_en = data["statement"]
    statement = Statement.objects.create(
        organization=org, incident=incident, number=1, text_ar=text_ar, text_en=text_en,
        created_by=writer, version_author=writer,
    )  # fmt: skip
    Approval.objects.bulk_create(
        Approval(
            organization=org,
            statement=statement,
            version=1,
            approver=user,
            role=role,
            decision=Approval.Decision.APPROVE,
            at=when,
        )
        for user, role, when in (
            (manager, CrisisRole.SOCIAL_TEAM, at(11, 5)),
            (pr, CrisisRole.PUBLIC_RELATIONS, at(11, 20)),
        )
    )
    K = TimelineEntry.Kind
    names = {"ar": lead.name, "en": lead.name_en}
    entries = [
        (at(10, 5), manager, K.DECLARED, "", {"level": level.names(), "lead": names}),
        (at(10, 12), manager, K.NOTE,
         "أوقفنا المنشورات المجدولة لحملة رمضان مؤقتًا، وحفظنا صور التغريدات وروابطها.", {}),
        (at(10, 20), manager, K.TASK_ADDED, "", {"task": title}),
        (at(10, 40), writer, K.STATEMENT_SUBMITTED, "",
         {"statement": 1, "version": 1, "text": {"ar": text_ar, "en": text_en}}),
        (at(11, 5), manager, K.APPROVED, "", {"statement": 1, "version": 1, "role": "social_team"}),
        (at(11, 20), pr, K.APPROVED, "", {"statement": 1, "version": 1,
                                          "role": "public_relations"}),
        (at(11, 20), None, K.PUBLISHABLE, "", {"statement": 1, "version": 1}),
        (at(11, 30), manager, K.TASK_DONE, "", {"task": title}),
        (at(11, 35), manager, K.NOTE,
         "نُشر الرد على X وإنستغرام، وتواصلت خدمة المتبرعين مع أربعة عشر متبرعًا.", {}),
        (at(9, 0, 1), manager, K.CLOSED, "", {}),
        (at(9, 0, 1), manager, K.POLICY_CHANGE, data["review"][2], {}),
    ]  # fmt: skip
    created = TimelineEntry.objects.bulk_create(
        TimelineEntry(
            organization=org, incident=incident, at=when, author=user, kind=kind, text=text,
            data=facts,
        )
        for when, user, kind, text, facts in entries
    )  # fmt: skip
    # Who was alerted when it was declared: the minor level's people (social team and PR).
    recipients = [people[key] for key in ("digital", "designer", "pr", "agency")]
    Alert.objects.bulk_create(
        Alert(
            organization=org, incident=incident, entry=created[0], person=person,
            event=Alert.Event.LEVEL, level=level, email=person.email, language="ar",
            status=Alert.Status.SENT, attempts=1, sent_at=at(10, 6),
        )
        for person in recipients
    )  # fmt: skip


def _policy_settings(org: Organization, people: dict, admin, today: datetime.date) -> None:
    # create_organization already made the settings row with the default stance and disclaimer.
    settings_row = PolicySettings.objects.get(organization=org)
    settings_row.legal_adviser = people[LEGAL_ADVISER]
    settings_row.legal_reviewed_on = today - datetime.timedelta(days=LEGAL_REVIEWED_DAYS_AGO)
    settings_row.review_owner = people[REVIEW_OWNER]
    settings_row.next_review_on = today + datetime.timedelta(days=NEXT_REVIEW_IN_DAYS)
    settings_row.updated_by = admin
    settings_row.save()
    settings_row.spokespeople.set([people[key] for key in SPOKESPEOPLE])


def _history(org: Organization, users: dict, today: datetime.date) -> None:
    owner = Membership.objects.get(organization=org, user=users["admin"])
    versions = {}
    for number, (days_ago, kind, summary, addition) in enumerate(VERSIONS, start=1):
        if addition:
            key, more_ar, more_en = addition
            text = PolicyText.objects.get(organization=org, key=key)
            update_text(
                membership=owner,
                key=key,
                body_ar=f"{text.body_ar}\n\n{more_ar}",
                body_en=f"{text.body_en}\n\n{more_en}",
            )
        effective_on = today - datetime.timedelta(days=days_ago)
        versions[number] = publish_version(
            membership=owner, summary=summary, kind=kind, effective_on=effective_on
        )
    for username, number in ACKNOWLEDGED:
        ack = Acknowledgement.objects.create(
            organization=org, user=users[username], version=versions[number]
        )
        # Acknowledged a few days after the version came into force, not at build time.
        read_on = versions[number].effective_on + datetime.timedelta(days=3)
        Acknowledgement.objects.filter(pk=ack.pk).update(
            created_at=timezone.make_aware(datetime.datetime.combine(read_on, datetime.time(10)))
        )


# The score of the last weeks, oldest first, so the health page has a trend to draw: the team
# has been fixing things since the doctor started looking.
HEALTH_HISTORY = [58, 58, 61, 61, 64, 64, 64, 68, 70, 70, 72, 72, 75, 75, 75, 79, 79, 82, 82, 84]


def _health_history(org: Organization, today: datetime.date) -> None:
    start = today - datetime.timedelta(days=len(HEALTH_HISTORY))
    HealthSnapshot.objects.bulk_create(
        HealthSnapshot(
            organization=org,
            day=start + datetime.timedelta(days=offset),
            score=score,
            errors=max(1, (100 - score) // 6),
            warnings=3,
        )
        for offset, score in enumerate(HEALTH_HISTORY)
    )


# The newest team member (the `staff` sign-in) is still onboarding: one step done.
NEWCOMER = "writer"


def _onboarding(org: Organization, people: dict) -> None:
    steps = OnboardingStep.objects.bulk_create(
        OnboardingStep(organization=org, person=people[NEWCOMER], kind=kind)
        for kind in kinds_for(people[NEWCOMER])
    )
    OnboardingStep.objects.filter(pk=steps[0].pk).update(done_at=timezone.now())
