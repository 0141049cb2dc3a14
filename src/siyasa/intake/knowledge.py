"""What an existing policy must say to meet each requirement: its essential elements, and the
Arabic and English words that state each one.

A requirement is *covered* when the document states every one of its elements, *partial* when it
states some, *missing* when it states none (`analyser.analyse` decides; this module only knows).

How a cue is written (`analyser` compiles it once):

- words separated by spaces; all of them must occur within a few words of each other in one
  passage, in any order ("change password" also finds "passwords are changed");
- every word is compared after `core.arabic.normalise` and light stemming (English plural and
  -ed/-ing; Arabic joined clitics و ف ب ل ك ال and the common suffixes ات ون ين ها هم ه ي …), so
  cues are written in their plain form: Arabic without و/ب/ل/ال, English in the singular;
- `word*` matches every word that starts with `word` (as written in the text, clitics removed);
- `<name>` matches any word of the class `CLASSES[name]` (numbers, periods, …); `<handle>`
  matches an @handle.

An element may have a `topic`: cues of which one must also occur in the same passage or in one of
the headings above it (an interval is a *password* interval only near the word password). A
requirement's `negative` cues void a passage for it, when they occur in it or in its headings
(the public's house rules are not the organisation's own copyright rule).
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from siyasa.intake.document import REQUIREMENTS


@dataclass(frozen=True)
class Element:
    key: str
    label: Promise  # shown on the report when the element is lacking
    cues: tuple[str, ...]
    topic: tuple[str, ...] = ()


@dataclass(frozen=True)
class Knowledge:
    requirement: str
    elements: tuple[Element, ...]
    negative: tuple[str, ...] = ()


# The cues are packed several to a line, grouped by language, so a requirement reads at a glance.
# fmt: off

# Word classes usable in a cue as <name>.
CLASSES: dict[str, tuple[str, ...]] = {
    "n": (
        # digits are matched by the analyser; these are numbers written out
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve", "fifteen", "twenty", "thirty", "sixty", "ninety", "hundred",
        "واحد", "اثنين", "اثنان", "ثلاث", "ثلاثه", "اربع", "اربعه", "خمس", "خمسه", "سته", "ست",
        "سبع", "سبعه", "ثماني", "ثمانيه", "تسع", "تسعه", "عشر", "عشره", "ثلاثين", "ستين",
        "تسعين", "مئه",
    ),
    "period": (
        "day", "week", "month", "year", "quarter",
        "يوم", "ايام", "اسبوع", "اسابيع", "شهر", "اشهر", "شهور", "سنه", "سنوات", "عام", "اعوام",
    ),
    "every": ("every", "each", "once", "كل", "مره"),
    "rot": (
        "chang*", "rotat*", "updat*", "renew*", "replac*",
        "تغيير", "تغير", "يغير", "تتغير", "تحديث", "تحدث", "يحدث", "تدوير", "تجديد",
    ),
    "org": (
        "organisation*", "organization*", "company", "agency", "council", "university",
        "charity", "foundation", "government", "official",
        "جمعيه", "مؤسسه", "منظمه", "مركز", "جهه", "رسمي*",
    ),
    "disclose": (
        "disclos*", "publish*", "post*", "shar*", "releas*", "reveal*", "leak*",
        "نشر", "تنشر", "ينشر", "افصاح", "يفصح", "افشاء", "تسريب", "تعليق",
    ),
    "crisis": (
        "crisis", "crises", "emergenc*", "incident*", "vandalism", "compromis*", "hack*",
        "ازمه", "ازمات", "طوارئ", "طارئ*", "اختراق", "مخترق*", "مشكله",
    ),
    "platform": (
        "twitter", "x", "facebook", "instagram", "linkedin", "mastodon", "bluesky", "youtube",
        "tiktok", "snapchat", "threads", "reddit",
        "تويتر", "اكس", "فيسبوك", "انستغرام", "انستقرام", "لينكدان", "يوتيوب", "تيك", "سناب",
    ),
    "assign": (
        "responsib*", "assign*", "lead", "leads", "owner*", "charge", "task*", "role*",
        "مسؤول*", "يتولى", "تتولى", "تسند", "اسناد", "مهام", "مجالات", "دور",
    ),
}

PASSWORD = (
    "password*", "passcode*", "passphrase*", "credential*", "login*", "log in",
    "كلمه مرور", "كلمه سر", "بيانات دخول", "رمز دخول",
)
CRISIS = ("<crisis>",)
STAFF = ("staff", "employee*", "volunteer*", "team member*", "موظف*", "متطوع*", "منسوبي")
ASSIGN = ("<assign>",)
# The public's rules and a platform's notices are not the organisation's own rules.
PUBLIC_RULES = ("site rules public", "those commenting", "rules for public", "copyright violation")


def _area(key: str, label: Promise, *cues: str) -> Element:
    return Element(key, label, cues, topic=ASSIGN)


KNOWLEDGE: tuple[Knowledge, ...] = (
    # --- R0: a living document -------------------------------------------------------------
    Knowledge(
        "R0.1",
        (
            Element(
                "published_to_staff",
                _("The policy is published where every staff member can reach it"),
                (
                    "published where every staff", "policy published", "policy online",
                    "policy available all staff", "accessible all staff", "intranet",
                    "staff portal", "policy accessible distributed employee",
                    "منشوره مكان يصل جميع", "تنشر بوابه داخليه", "بوابه داخليه", "يطلع عليها جميع",
                    "متاحه جميع موظف", "تنشر موقع داخلي",
                ),
            ),
        ),
    ),
    Knowledge(
        "R0.3",
        (
            Element(
                "review_schedule",
                _("A schedule for reviewing the policy"),
                (
                    "review fixed schedule", "review schedule", "review date", "next review",
                    "to be reviewed", "review* annual*", "review* <every> year",
                    "review* <every> <n> <period>", "review* yearly",
                    "جدول ثابت", "وفق جدول", "مراجعه سنوي*", "يراجع* <every> سنه", "يراجع* <every> عام",
                    "مراجعتها <every> سنه", "مره <every> سنه", "موعد مراجعه",
                ),
            ),
            Element(
                "policy_owner",
                _("A named owner who keeps the policy up to date"),
                (
                    "named owner review", "policy owner", "document owner", "responsible party",
                    "maintain* this document", "owner of this policy", "maintain* this policy",
                    "مسؤول السياسه", "يراجعها مسؤول", "يراجعها مدير", "مالك السياسه",
                ),
            ),
            Element(
                "changes_announced",
                _("Changes are announced and staff acknowledge the version in force"),
                (
                    "change* announced", "announce* change*", "acknowledg* version",
                    "acknowledg* policy", "sign* policy read",
                    "يعلن كل تعديل", "يبلغ جميع تعديل", "يقر بها", "اقرار سياسه", "اقرار نسخه",
                ),
            ),
        ),
    ),
    Knowledge(
        "R0.4",
        (
            Element(
                "official_channels",
                _("The official accounts and handles are listed"),
                (
                    "<handle>", "official name* handle*", "list of socials", "our handle",
                    "authorised site*", "authorized site*",
                    "account* <platform> <platform>", "حساب* <platform> <platform>", "following channel*", "account* listed",
                    "list social media account*",
                    "معرف* رسمي*", "اسماء رسمي* معرف*", "حسابات مركز", "منصاته",
                ),
            ),
            Element(
                "one_identity",
                _("One identity on every channel: names, voice and hashtags"),
                (
                    "one identity", "same official name*", "brand guideline*", "branding standard*",
                    "brand voice", "tone of voice", "visual identity", "brand identity",
                    "هويه واحده", "توحيد ظهور", "هويه بصريه", "نبره نفسها", "وسوم نفسها",
                ),
            ),
        ),
    ),
    # --- R1: team roles -------------------------------------------------------------------
    Knowledge(
        "R1.1",
        (
            Element(
                "account_owner",
                _("Someone answers for each official account"),
                (
                    "official account owner", "account owner", "lead for account",
                    "responsible for account", "manage* account*", "administer* account*",
                    "manag* page* site*", "manag* social media site*", "moderation account reside*", "assigned each platform",
                    "ownership account", "responsible what posted account you manage",
                    "لكل حساب مسؤول", "مسؤول حساب", "تدار حسابات", "تتولى نشر حسابات",
                ),
            ),
            Element(
                "owner_named",
                _("Each account's owner is named"),
                (
                    "named owner", "one team member lead for account", "owner each account",
                    "لكل حساب مسؤول محدد", "مسؤول محدد بالاسم",
                ),
            ),
        ),
        negative=("do not have dedicated", "nobody actively", "nobody activately"),
    ),
    Knowledge(
        "R1.2",
        (
            Element(
                "who_publishes",
                _("Who may publish from each account"),
                (
                    "may publish", "who may post", "may post on behalf", "can propose tweet*",
                    "can approve tweet*", "posts must be pre approved", "posts pre approved",
                    "tasked posting content", "accessed edited authorised", "permission post",
                    "authorised post", "authorized post", "nobody else posts",
                    "create posts approval",
                    "يحق له* نشر", "لا ينشر غير*", "لا ينشر احد غيرهم", "تتولى نشر",
                ),
            ),
            Element(
                "who_replies",
                _("Who may reply on each account's behalf"),
                (
                    "may reply", "who may reply", "replies on its behalf", "read comment* reply",
                    "replies fall under", "respond* comment*", "reply direct message*",
                    "يحق له* رد", "يرد باسمه", "رد على تعليقات", "رد على رسائل",
                ),
            ),
        ),
    ),
    Knowledge(
        "R1.3",
        (
            _area(
                "area_publishing",
                _("An owner for daily publishing"),
                "daily publishing", "posting content", "create posts", "publish* daily",
                "post* tweet*", "نشر يومي",
            ),
            _area(
                "area_service",
                _("An owner for day-to-day service of donors and beneficiaries"),
                "day day service", "service donor*", "read comment*", "direct message*",
                "خدمه متبرعين", "خدمه مستفيدين",
            ),
            _area(
                "area_strategy",
                _("An owner for strategy and planning"),
                "strategy planning", "social media strategy", "communication* plan",
                "استراتيجيه تخطيط",
            ),
            _area(
                "area_advertising",
                _("An owner for advertising"),
                "advertising", "paid promotion", "paid distribution", "اعلانات",
            ),
            _area(
                "area_security",
                _("An owner for security and passwords"),
                "security password*", "security lead", "امان كلمات مرور", "مسؤول امان",
            ),
            _area(
                "area_monitoring",
                _("An owner for monitoring and analytics"),
                "monitoring analytics", "monitor* handle", "monitor* account*", "analytics",
                "رصد تحليل",
            ),
            _area(
                "area_approvals",
                _("An owner for approvals (legal, financial or other)"),
                "approvals legal financial", "approve tweet*", "approv* post*",
                "approved executive advisor", "approver privilege*", "موافقات قانونيه",
            ),
            _area(
                "area_crisis",
                _("An owner for crisis response"),
                "crisis response", "crisis lead", "استجابه ازمات", "مسؤول ازمات",
            ),
            _area(
                "area_training",
                _("An owner for social media training of other staff"),
                "social media training", "training staff", "training new lead*",
                "تدريب موظفين وسائل تواصل", "تدريب بقيه موظفين",
            ),
        ),
        negative=("do not have dedicated",),
    ),
    Knowledge(
        "R1.4",
        (
            Element(
                "contacts_visible",
                _("Role holders' names and e-mails are visible to all staff"),
                (
                    "name* mail* visible", "mail* visible", "name* mail* all staff", "contact detail* staff",
                    "contact information accessible", "اسماء بريد متاح*", "اسماء بريد منشور*",
                    "اسماء عناوين بريد متاح*",
                ),
            ),
        ),
    ),
    Knowledge(
        "R1.5",
        (
            Element(
                "leavers_handover",
                _("People who leave hand over and lose their access"),
                (
                    "leav* hand* over", "hand* over everything they hold", "no longer with remov* access", "remov* access user*",
                    "former employee* access", "adding removing team member*",
                    "transfer* access", "account transferred", "access removed employment",
                    "يغادر يسلم", "يغادر تحدث جداول", "سحب صلاحيات غادر",
                ),
            ),
        ),
    ),
    Knowledge(
        "R1.6",
        (
            Element(
                "opening_approval",
                _("Opening a new account needs approval"),
                (
                    "new account approv*", "new channel approv*", "creat* only agreed",
                    "open close account* vote", "before account created", "account* creat* approv*",
                    "فتح حساب جديد موافقه", "لا يفتح حساب موافقه", "حساب جديد بموافقه",
                ),
            ),
            Element(
                "account_registry",
                _("Every official account is in a registry"),
                (
                    "account registry", "digital registry", "register of all", "in registry",
                    "list of social media account* updated", "document all agency account*",
                    "notify provide administrative access",
                    "سجل حسابات", "يقيد سجل",
                ),
            ),
            Element(
                "dormant_review",
                _("Inactive accounts are reviewed, then revived or closed"),
                (
                    "no post reply six month*", "inactive account*", "dormant", "account* closed",
                    "eliminate rogue account*", "review* account* regularly",
                    "حساب* خامل*", "غير نشط", "لا نشاط", "يغلق حساب",
                ),
            ),
            Element(
                "impersonation",
                _("Accounts impersonating the organisation are reported"),
                (
                    "imitat* name logo", "impersonat* organisation", "impersonat* us",
                    "fake account*", "rogue account*", "pass themselves off",
                    "انتحال صفه", "ينتحل", "يقلد اسم",
                ),
            ),
        ),
        negative=PUBLIC_RULES,
    ),
    # --- R2: security protocols -------------------------------------------------------------
    Knowledge(
        "R2.1",
        (
            Element(
                "rotation_rule",
                _("Passwords are changed on a rule"),
                ("<rot>",),  # a change of what the topic names: passwords
                topic=PASSWORD,
            ),
            Element(
                "rotation_interval",
                _("A set interval for changing passwords"),
                (
                    "<rot> <every> <n> <period>", "<rot> <every> <period>", "<rot> fixed interval",
                    "<rot> set interval", "rotation interval", "<rot> annual*", "<rot> monthly",
                    "<rot> quarterly", "<rot> <every> مده ثابته", "<rot> سنوي*", "<rot> شهري*",
                    "<rot> <every> <n> يوم*", "<rot> مده محدده",
                ),
                topic=PASSWORD,
            ),
        ),
    ),
    Knowledge(
        "R2.2",
        (
            Element(
                "custodian",
                _("A named custodian of each account's credentials"),
                (
                    "custodian*", "keeper credential*", "stor* owner* password*",
                    "امين بيانات دخول", "امين يحفظ",
                ),
                topic=PASSWORD,
            ),
            Element(
                "backup_custodian",
                _("A backup custodian"),
                ("backup custodian", "designate alternative", "alternative administrator",
                 "امين بديل", "امين احتياطي"),
            ),
        ),
    ),
    Knowledge(
        "R2.3",
        (
            Element(
                "access_record",
                _("Who has access to each credential is recorded"),
                (
                    "who has access recorded", "record* who access", "access list",
                    "register site* user*", "list password holder*", "review account holder*",
                    "يسجل صلاحيه وصول", "سجل صلاحيات", "يسجل من يملك صلاحيه",
                ),
            ),
        ),
    ),
    Knowledge(
        "R2.4",
        (
            Element(
                "device_updates",
                _("Someone keeps apps and operating systems up to date on the devices"),
                (
                    "operat* system* up date", "operat* system* updat*", "software updat*",
                    "security updat* device*", "patch* device*",
                    "تحديث تطبيقات انظمه تشغيل", "تحديث انظمه تشغيل", "انظمه تشغيل اولا باول",
                ),
            ),
        ),
    ),
    Knowledge(
        "R2.5",
        (
            Element(
                "org_devices",
                _("Only organisation-owned, registered devices reach the accounts"),
                (
                    "registered device* owned", "device* owned <org>", "<org> device*",
                    "work device*", "never personal phone*", "protected official government device",
                    "اجهزه مسجله مملوكه", "اجهزه <org>", "جهاز <org>", "لا اجهزه شخصيه",
                    "ليس هواتف شخصيه",
                ),
            ),
        ),
    ),
    Knowledge(
        "R2.6",
        (
            Element(
                "change_rights",
                _("Who may change the policy, the roles, the devices and the passwords"),
                (
                    "only may change this policy", "only may chang* role*", "who may change policy",
                    "only may amend policy", "authority amend policy",
                    "لا يحق تعديل هذه سياسه", "لا يحق تعديل سياسه", "صلاحيه تعديل سياسه",
                ),
            ),
        ),
    ),
    Knowledge(
        "R2.7",
        (
            Element(
                "two_factor",
                _("Two-factor authentication on every account"),
                (
                    "two factor", "2fa", "multi factor", "mfa", "two step verification",
                    "تحقق خطوتين", "تحقق ثنائي", "مصادقه ثنائيه", "متعدده عوامل",
                ),
            ),
            Element(
                "second_factor_holder",
                _("The holder of the second factor is named"),
                (
                    "hold* second factor", "second factor holder", "holder second factor",
                    "يحمل وسيله تحقق", "يحمل رمز تحقق", "حامل رمز تحقق",
                ),
            ),
        ),
        negative=("not yet set up",),
    ),
    Knowledge(
        "R2.8",
        (
            Element(
                "password_manager",
                _("Credentials are kept in a password manager"),
                (
                    "password manager", "password vault", "1password", "bitwarden", "lastpass",
                    "keepass", "secure method stor* password*", "مدير كلمات مرور",
                ),
            ),
            Element(
                "no_insecure_sharing",
                _("Passwords are never sent or stored in e-mail, chat or documents"),
                (
                    "never send store mail", "never send mail chat", "never sent mail chat",
                    "not by mail chat", "لا ترسل بريد", "لا ترسل محادثات", "لا ترسل واتساب",
                    "لا تحفظ بريد محادثات",
                ),
                topic=PASSWORD,
            ),
        ),
        negative=("shared username password",),
    ),
    Knowledge(
        "R2.9",
        (
            Element(
                "recovery_email",
                _("The recovery e-mail is an organisational mailbox"),
                (
                    "recovery mail*", "organisational mailbox", "account* official gov domain*",
                    "بريد استرداد", "بريد استعاده", "بريد مؤسسي",
                ),
            ),
            Element(
                "recovery_phone",
                _("The recovery phone is a line the organisation owns"),
                (
                    "recovery phone", "recovery number", "رقم استرداد", "رقم استعاده",
                    "هاتف استرداد", "جوال استرداد",
                ),
            ),
        ),
    ),
    Knowledge(
        "R2.10",
        (
            Element(
                "apps_recorded",
                _("Connected apps are recorded, with who approved each"),
                (
                    "app* connected approv*", "connected app* record*", "third party app* record*",
                    "app* recorded who approved", "تطبيقات مرتبطه تسجل", "تسجل تطبيقات",
                    "ادوات جدوله مرتبطه",
                ),
            ),
            Element(
                "apps_reviewed",
                _("Connected apps are reviewed and removed when no longer needed"),
                (
                    "connected app* reviewed", "review* third party app*", "app* no longer use* disconnect*",
                    "تراجع مره سنه", "يلغى ربط",
                ),
            ),
        ),
    ),
    Knowledge(
        "R2.11",
        (
            Element(
                "strong_passwords",
                _("Passwords are long, unique and generated"),
                (
                    "long unique", "strong password*", "unique password*", "secure password*",
                    "complex password*", "generated password manager",
                    "كلمات مرور قويه", "طويله فريده", "قويه معقده", "يولدها مدير",
                ),
            ),
            Element(
                "phishing",
                _("Staff learn to recognise phishing aimed at the accounts"),
                (
                    "phishing", "suspicious link*", "verifying your account",
                    "social engineering", "تصيد", "توثيق حساب", "روابط مشبوهه", "رسائل مريبه",
                ),
            ),
        ),
    ),
    # --- R3: crisis plan ------------------------------------------------------------------
    Knowledge(
        "R3.1",
        (
            Element(
                "contact_list",
                _("An emergency contact list"),
                (
                    "emergency contact list", "emergency contact*", "list internal external contact*",
                    "contact list", "rapid outreach plan",
                    "قائمه طوارئ", "جهات اتصال طوارئ", "قائمه جهات اتصال",
                ),
            ),
            Element(
                "contact_roles",
                _("Legal, public relations and board contacts for a crisis"),
                (
                    "general counsel", "legal expert*", "legal advis*", "public affairs",
                    "public relations", "board", "senior leader",
                    "مستشار قانوني", "علاقات عامه", "مجلس اداره",
                ),
                topic=CRISIS,
            ),
            Element(
                "contact_means",
                _("Each contact reachable by phone and e-mail"),
                ("phone*", "telephone", "email*", "mail", "هاتف*", "جوال", "اتصال هاتفي", "بريد"),
                topic=CRISIS,
            ),
        ),
    ),
    Knowledge(
        "R3.2",
        (
            Element(
                "severity_levels",
                _("Severity levels for a crisis"),
                (
                    "severity level*", "level* severity", "<n> level*", "crisis level*",
                    "first level", "level 1", "مستويات خطوره", "مستوى خطوره", "<n> مستويات",
                    "مستوى اول",
                ),
            ),
            Element(
                "scope_criteria",
                _("Criteria for judging a crisis's scope"),
                (
                    "judg* scope", "assess* scope", "determin* scope", "level* criteria",
                    "يقدر حجم", "تقدير حجم", "تصنف ازمات", "معايير مستوى",
                ),
            ),
        ),
    ),
    Knowledge(
        "R3.3",
        (
            Element(
                "who_tells_whom",
                _("Who tells whom in a crisis"),
                (
                    "who tells whom", "alert* lead", "alert* stakeholder team", "inform* management",
                    "notify* lead", "من يبلغ من", "ينبه مسؤول", "يبلغ مدير", "يتواصل مع مدير",
                ),
                topic=CRISIS,
            ),
            Element(
                "channel_frequency",
                _("Through which channel, and how often, updates go out"),
                (
                    "which channel how often", "how often update*", "update* <every> <n> hour*",
                    "عبر اي قناه", "كم مره", "تحديث* <every> <n> ساعات", "تحديثا مكتوبا",
                ),
                topic=CRISIS,
            ),
        ),
    ),
    Knowledge(
        "R3.4",
        (
            Element(
                "response_approval",
                _("A public response goes out only once approved"),
                (
                    "response approv*", "approv* response", "pre approved message*",
                    "statement* approv*", "approvals required", "public statement* approved",
                    "يعتمد رد", "اعتماد رد", "موافقات مطلوبه", "يعتمد الرد",
                ),
                topic=CRISIS,
            ),
            Element(
                "approval_per_level",
                _("Who approves at each severity level"),
                (
                    "approv* each level", "approv* that level", "approv* severity level",
                    "مستوى يعتمد", "لذلك مستوى", "مستوى ثاني مدير",
                ),
            ),
        ),
    ),
    Knowledge(
        "R3.5",
        (
            Element(
                "communication_crisis",
                _("A plan for a communication crisis"),
                (
                    "communication crisis", "pr crisis", "reputation* crisis", "story spreads",
                    "ازمه تواصل", "تعليق سلبي", "منشور مسيء", "تغطيه اعلاميه",
                ),
            ),
            Element(
                "technical_crisis",
                _("A plan for a hijacked or compromised account"),
                (
                    "account compromised", "compromised account*", "account* been compromised",
                    "hacked account*", "regain control", "hijack*", "locked out",
                    "اذا اخترق", "حساب مخترق", "حسابا مخترقا", "اختراق حساب",
                ),
            ),
        ),
    ),
    # --- R4: staying within the law ---------------------------------------------------------
    Knowledge(
        "R4.1",
        (
            Element(
                "others_content",
                _("Permission and credit for other people's content"),
                (
                    "copyright*", "owner permission", "credit owner", "attribut*", "fair use",
                    "permission use picture*", "حقوق مؤلف", "حقوق نشر", "اذن صاحبها", "نسبتها",
                ),
            ),
            Element(
                "photo_consent",
                _("Consent for beneficiaries' photos and stories"),
                (
                    "consent photo*", "photo* consent", "photo* permission", "release form",
                    "موافقه صور", "صور موافقه", "صور بموافقه", "صور مستفيدين", "صور اطفال",
                ),
            ),
        ),
        negative=PUBLIC_RULES,
    ),
    Knowledge(
        "R4.2",
        (
            Element(
                "personal_data",
                _("How personal information about beneficiaries and donors is handled"),
                (
                    "personal data", "personal information", "privacy information",
                    "privacy law*", "data protection", "donor* identit*", "beneficiar* name*",
                    "بيانات شخصيه", "بيانات مستفيدين", "بيانات متبرعين", "بياناتهم", "اسماءهم كامله",
                    "حمايه بيانات", "خصوصيه مستفيدين",
                ),
            ),
        ),
        negative=(*PUBLIC_RULES, "privacy setting*"),
    ),
    Knowledge(
        "R4.3",
        (
            Element(
                "confidential_info",
                _("Internal information that must not be disclosed, and what disclosure means"),
                (
                    "confidential* <disclose>", "confidential* information", "not public <disclose>",
                    "internal discussion*", "non public information",
                    "نقاشات داخليه", "واجب سريه", "معلومات داخليه", "شؤون داخليه", "سريه معلومات", "لا يفصح",
                ),
            ),
        ),
    ),
    Knowledge(
        "R4.4",
        (
            Element(
                "legal_review",
                _("A legal adviser reviews the policy"),
                (
                    "legal advis* review*", "legal advis* check*", "legal review*",
                    "approval legal counsel", "reviewed lawyer",
                    "مستشار قانوني يراجع", "يراجعه مستشار قانوني", "مراجعه قانونيه",
                ),
            ),
            Element(
                "legal_review_date",
                _("The date of the legal review"),
                ("date last review", "date legal review", "تاريخ اخر مراجعه", "تاريخ مراجعه"),
            ),
        ),
    ),
    # --- R5: staff's personal accounts --------------------------------------------------------
    Knowledge(
        "R5.1",
        (
            Element(
                "prohibited_content",
                _("Hate speech, threats, harassment and racism are not acceptable"),
                (
                    "hate speech", "harass*", "threat* violence", "racis*", "discriminat*",
                    "defam*", "كراهيه", "تهديد", "عنصريه", "اساءه", "مضايقه",
                ),
            ),
            Element(
                "law_or_ethics",
                _("Such posts may break the law, the code of ethics or both"),
                (
                    "break law", "code of ethics", "ethical conduct", "unlawful",
                    "laws policies governing", "ميثاق اخلاقيات", "يخالف نظام", "مخالفه انظمه",
                    "ادب عام",
                ),
            ),
        ),
        negative=PUBLIC_RULES,
    ),
    Knowledge(
        "R5.2",
        (
            Element(
                "accountability",
                _("Staff are accountable for what they post"),
                (
                    "responsib* everything post", "responsib* what post*", "responsib* what writ*",
                    "accountab* post*", "مسؤول عن كل ما ينشر", "مسؤول ما ينشر", "مسؤول ما تنشر", "مسؤوليه ما ينشر",
                    "يتحمل مسؤوليه",
                ),
            ),
        ),
    ),
    Knowledge(
        "R5.3",
        (
            Element(
                "privacy_settings",
                _("Privacy settings on personal accounts"),
                ("privacy setting*", "اعدادات خصوصيه"),
            ),
            Element(
                "targeted_support",
                _("What to do when targeted, and support during an attack"),
                (
                    "you are targeted", "doxx*", "wellbeing", "well being", "ask for support",
                    "نشر معلوماتك خاصه", "استهدفت", "يطلب دعم", "مساندة فريقها",
                ),
            ),
        ),
    ),
    Knowledge(
        "R5.4",
        (
            Element(
                "official_neutrality",
                _("Official accounts take no partisan, sectarian or commercial side"),
                (
                    "politically neutral", "party political", "political candidate*",
                    "endorse private business*", "take no side", "sectarian", "favouritism",
                    "favoritism", "promote product commercially",
                    "حياد", "لا تنحاز", "سياسيه طائفيه", "تروج تجاريا",
                ),
            ),
            Element(
                "staff_controversy",
                _("What staff may say about public controversies"),
                ("public controvers*", "controversial", "قضايا خلافيه", "مساله خلافيه"),
            ),
        ),
    ),
    Knowledge(
        "R5.5",
        (
            Element(
                "consequences",
                _("What happens when the policy is broken"),
                (
                    "breach* policy", "disciplinary", "written warning", "remov* right publish",
                    "infraction", "required remove posting*",
                    "تاديبيه", "تنبيه كتابي", "تنبه كتابيا", "سحب صلاحيه نشر", "لائحه جزاءات",
                    "مخالفه سياسه", "مخالفه دليل",
                ),
            ),
            Element(
                "decider",
                _("Who decides"),
                ("manager decides", "who decides", "line manager decid*", "يقرر ذلك", "يقرر مدير"),
            ),
        ),
    ),
    # --- R6: speaking about the organisation ------------------------------------------------
    Knowledge(
        "R6.1",
        (
            Element(
                "stance",
                _("A stance on staff speaking about the organisation"),
                (
                    "welcome* staff join* conversation*", "encourag* staff join", "ambassador*",
                    "ask* staff not speak", "middle way", "what you can say about",
                    "what volunteers can say about",
                    "ترحب مشاركه موظفيها", "تطلب موظفيها الا يتحدثوا", "طريقا وسطا", "سفراء",
                    "تجنبوا تعليق على شؤون",
                ),
            ),
        ),
    ),
    Knowledge(
        "R6.2",
        (
            Element(
                "relationship",
                _("Staff say how they are connected to the organisation"),
                (
                    "say who you are connected", "disclose your employment", "identify yourself",
                    "i work with", "i work for", "you work for", "you work with", "say who you are", "state relationship", "connected organisation",
                    "اعمل مع", "صلتك", "بصلتك", "يذكر عمله", "عرف بنفسك",
                ),
            ),
            Element(
                "disclaimer",
                _("A ready disclaimer that their opinions are their own"),
                (
                    "disclaimer*", "view* my own", "opinion* my own", "opinion* their own",
                    "not those employer", "اخلاء مسؤوليه", "اراء* شخصيه", "اراءه تخصه",
                    "لا يمثل", "لا تمثل",
                ),
            ),
        ),
    ),
    Knowledge(
        "R6.3",
        (
            Element(
                "spokespeople",
                _("Official spokespeople are named"),
                ("spokes*", "متحدث رسمي", "متحدثين رسميين", "متحدثوها"),
            ),
            Element(
                "media_referral",
                _("Hard questions and media requests go to them"),
                (
                    "hard question* media request*", "media request* spokes*",
                    "press media attention refer*", "press inquir*", "media inquir*",
                    "media enquir*", "journalist*", "reporter*", "وسائل اعلام يحال", "اسئله صحفيين",
                    "استفسار وسائل اعلام", "طلبات وسائل اعلام",
                ),
            ),
        ),
    ),
    Knowledge(
        "R6.4",
        (
            Element(
                "promotion_guidance",
                _("Guidance for staff who want to promote the organisation"),
                (
                    "share official post*", "help discover organisation", "ready made post*",
                    "story worth sharing", "brand ambassador*", "مشاركه منشوراتها رسميه",
                    "منشورات جاهزه", "منشورات صور جاهزه", "شارك منشورات رسميه", "يساعد ايصال عمل",
                ),
                topic=STAFF,
            ),
        ),
    ),
    Knowledge(
        "R6.5",
        (
            Element(
                "house_rules",
                _("A public note of house rules for the pages"),
                (
                    "house rules", "site rules", "all those commenting", "comment policy",
                    "community guidelines", "welcome organisation page*", "اهلا بك صفحات",
                    "قواعد صفحات", "نرجو منك",
                ),
            ),
            Element(
                "hide_remove",
                _("Which comments are hidden or removed"),
                (
                    "hide* comment*", "remov* post*", "delet* comment*", "remov* comment*",
                    "moderat*", "enforc* code conduct", "يخفي تعليق", "يحذف", "نخفي نحذف",
                ),
            ),
            Element(
                "block_report",
                _("When a user is blocked or reported"),
                ("block*", "report* platform", "report* account", "يحظر", "نحظر", "يبلغ منصه"),
            ),
            Element(
                "moderation_record",
                _("Serious moderation decisions are recorded"),
                ("moderation log", "record* decision*", "institutional memory", "سجل اشراف",
                 "يسجل كل قرار"),
            ),
        ),
    ),
    Knowledge(
        "R6.6",
        (
            Element(
                "alt_text",
                _("Alt text on images"),
                ("alt text", "image description*", "نص بديل", "وصف صور"),
            ),
            Element(
                "captions",
                _("Captions on videos"),
                ("caption* video*", "video* caption*", "subtitle*", "ترجمه نصيه", "ترجمه مكتوبه"),
            ),
            Element(
                "plain_language",
                _("Plain language"),
                ("plain language", "abbreviation*", "لغه واضحه", "جمل قصيره"),
            ),
            Element(
                "readable_hashtags",
                _("Hashtags written so screen readers can read them"),
                (
                    "hashtag* screen reader*", "capital each word", "emoji screen reader*",
                    "font* screen reader*", "وسوم برامج قراءه شاشه",
                ),
            ),
        ),
    ),
)

# fmt: on

BY_REQUIREMENT: dict[str, Knowledge] = {k.requirement: k for k in KNOWLEDGE}

# The label of every element key, for the report ("what is lacking").
LABELS: dict[str, Promise] = {e.key: e.label for k in KNOWLEDGE for e in k.elements}

assert tuple(BY_REQUIREMENT) == REQUIREMENTS, "one knowledge entry per requirement, in order"
assert len(LABELS) == sum(len(k.elements) for k in KNOWLEDGE), "element keys are unique"
