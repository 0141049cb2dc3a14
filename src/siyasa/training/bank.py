"""The questions Siyasa ships for every policy section, in Arabic and English (R1.3 i).

Each question tests a rule the default policy text states, so an organisation that keeps the
default texts can run a quiz on day one. Organisations add their own (`CustomQuestion`) and may
switch a default one off; questions built from the organisation's own data are in `live.py`.
"""

from dataclasses import dataclass

from siyasa.training.models import QuestionKind

SINGLE, MULTIPLE = QuestionKind.SINGLE, QuestionKind.MULTIPLE


@dataclass(frozen=True)
class Question:
    key: str
    section: str
    kind: str
    text: tuple[str, str]  # (Arabic, English)
    # (Arabic, English, right?)
    answers: tuple[tuple[str, str, bool], ...]
    explanation: tuple[str, str]


def q(key, section, kind, text, answers, explanation) -> Question:
    return Question(key, section, kind, text, tuple(answers), explanation)


DEFAULT_BANK: tuple[Question, ...] = (
    # --- Team roles (R1.1–R1.5)
    q(
        "roles.owner",
        "roles",
        SINGLE,
        (
            "كم شخصًا يجب أن يكون مسؤولًا بالاسم عن كل حساب رسمي؟",
            "How many named people must be responsible for each official account?",
        ),
        [
            ("شخص واحد على الأقل، محدد بالاسم", "At least one, named person", True),
            (
                "لا أحد؛ الحساب ملك للجمعية كلها",
                "Nobody; the account belongs to the whole organisation",
                False,
            ),
            ("كل من يعرف كلمة المرور", "Everyone who knows the password", False),
        ],
        (
            "لكل حساب مسؤول محدد بالاسم، يُسأل عنه ويبقي بياناته في السياسة محدّثة.",
            "Every account has a named owner who answers for it and keeps its entry in the policy up to date.",
        ),
    ),
    q(
        "roles.publish",
        "roles",
        SINGLE,
        (
            "زميل من فريق آخر يطلب منك نشر إعلان عاجل من الحساب الرسمي، وأنت لست ممن يحق لهم النشر. ماذا تفعل؟",
            "A colleague from another team asks you to post an urgent announcement from the official account, and you are not listed as a publisher. What do you do?",
        ),
        [
            (
                "أحيل الطلب إلى من يحق لهم النشر من ذلك الحساب",
                "Pass the request to the people allowed to publish from that account",
                True,
            ),
            ("أنشره بنفسي لأن الأمر عاجل", "Post it myself because it is urgent", False),
            ("أطلب كلمة المرور من مسؤول الحساب", "Ask the account owner for the password", False),
        ],
        (
            "لا ينشر من الحساب ولا يرد باسمه إلا من حُدّدوا لذلك بالاسم، مهما كان الطلب عاجلًا.",
            "Only the people named for an account publish or reply from it, however urgent the request.",
        ),
    ),
    q(
        "roles.areas",
        "roles",
        MULTIPLE,
        (
            "أيٌّ من هذه من مجالات المسؤولية التي تسندها السياسة إلى أشخاص بأسمائهم؟",
            "Which of these are responsibilities the policy gives to named people?",
        ),
        [
            ("الأمان وكلمات المرور", "Security and passwords", True),
            ("الاستجابة للأزمات", "Crisis response", True),
            ("تدريب بقية الموظفين", "Training the other staff", True),
            ("اختيار ألوان شعار الجمعية", "Choosing the colours of the logo", False),
        ],
        (
            "تسمّي السياسة تسعة مجالات، منها الأمان وكلمات المرور والاستجابة للأزمات والتدريب، ولكل منها شخص محدد.",
            "The policy names nine areas, among them security and passwords, crisis response and training, each with a named person.",
        ),
    ),
    q(
        "roles.leaving",
        "roles",
        SINGLE,
        (
            "ماذا يحدث حين يغادر الجمعيةَ شخصٌ لديه صلاحية على الحسابات؟",
            "What happens when someone with access to the accounts leaves the organisation?",
        ),
        [
            (
                "تُسحب صلاحياته وتُغيَّر كلمات المرور التي عرفها، وفق قائمة إنهاء الارتباط",
                "Their access is removed and the passwords they knew are changed, following the offboarding checklist",
                True,
            ),
            (
                "يحتفظ بصلاحياته حتى يطلب هو حذفها",
                "They keep their access until they ask for it to be removed",
                False,
            ),
            ("لا شيء، ما دام غادر على وفاق", "Nothing, as long as they left on good terms", False),
        ],
        (
            "عند المغادرة تُسحب كل صلاحية ويُسلَّم كل ما كان يتولاه إلى شخص آخر بالاسم.",
            "On leaving, every access is removed and everything they held is handed to another named person.",
        ),
    ),
    # --- Security (R2.1–R2.8)
    q(
        "security.manager",
        "security",
        SINGLE,
        (
            "أين تُحفظ كلمات مرور الحسابات الرسمية؟",
            "Where are the official accounts' passwords kept?",
        ),
        [
            (
                "في مدير كلمات المرور الذي تعتمده الجمعية فقط",
                "Only in the organisation's password manager",
                True,
            ),
            ("في ملف مشترك على الحاسوب", "In a shared file on the computer", False),
            ("في رسالة بريد إلكتروني إلى الفريق", "In an e-mail to the team", False),
            ("في مجموعة الدردشة الخاصة بالفريق", "In the team's chat group", False),
        ],
        (
            "لا تُكتب كلمة مرور في بريد أو دردشة أو مستند؛ مكانها الوحيد مدير كلمات المرور.",
            "A password is never written in e-mail, chat or a document; its only place is the password manager.",
        ),
    ),
    q(
        "security.two_factor",
        "security",
        SINGLE,
        (
            "ما الذي يُطلب على كل حساب رسمي بالإضافة إلى كلمة المرور؟",
            "What does every official account need besides its password?",
        ),
        [
            (
                "التحقق بخطوتين، مع شخص محدد يحمل وسيلته",
                "Two-step verification, with a named person holding its method",
                True,
            ),
            ("سؤال أمان سهل التذكر", "A security question that is easy to remember", False),
            ("لا شيء إن كانت كلمة المرور طويلة", "Nothing, if the password is long", False),
        ],
        (
            "التحقق بخطوتين مفعّل على كل حساب، ويُسجَّل من يحمل وسيلته ومن يحفظ رموز الاسترداد.",
            "Two-step verification is on for every account, and the policy records who holds its method and who keeps the recovery codes.",
        ),
    ),
    q(
        "security.personal_device",
        "security",
        SINGLE,
        (
            "هل يجوز الدخول إلى الحسابات الرسمية من هاتفك الشخصي؟",
            "May you sign in to the official accounts from your personal phone?",
        ),
        [
            (
                "لا، إلا من الأجهزة المسجّلة التي تملكها الجمعية",
                "No, only from the registered devices the organisation owns",
                True,
            ),
            ("نعم، إن كان عليه رمز قفل", "Yes, if it has a screen lock", False),
            ("نعم، في الإجازات فقط", "Yes, but only on holidays", False),
        ],
        (
            "الوصول إلى الحسابات من أجهزة تملكها الجمعية ومسجّلة في السياسة، ولكل جهاز من يحدّثه.",
            "The accounts are reached from devices the organisation owns and registers, each with someone who keeps it updated.",
        ),
    ),
    q(
        "security.phishing",
        "security",
        MULTIPLE,
        (
            "وصلتك رسالة تقول إن الحساب سيُغلق ما لم تسجّل الدخول عبر رابط. ما التصرف الصحيح؟",
            "A message says the account will be closed unless you sign in through a link. What is right?",
        ),
        [
            (
                "لا أفتح الرابط، وأدخل إلى المنصة من تطبيقها أو عنوانها المعروف",
                "Do not open the link; go to the platform through its app or known address",
                True,
            ),
            (
                "أبلّغ مسؤول الأمان وكلمات المرور",
                "Tell the person responsible for security and passwords",
                True,
            ),
            (
                "أسجّل الدخول بسرعة حتى لا يُغلق الحساب",
                "Sign in quickly so the account is not closed",
                False,
            ),
        ],
        (
            "رسائل الاستعجال والروابط من أشهر طرق سرقة الحسابات؛ تحقّق من المنصة مباشرة وأبلغ فورًا.",
            "Urgent messages with links are a common way accounts are stolen: check on the platform itself and report it at once.",
        ),
    ),
    # --- Crisis (R3.1–R3.5)
    q(
        "crisis.spot",
        "crisis",
        SINGLE,
        ("من يحق له أن يبلّغ عن أزمة محتملة؟", "Who may report a possible crisis?"),
        [
            ("أي فرد في الفريق", "Anyone in the team", True),
            ("المدير التنفيذي وحده", "The executive director only", False),
            ("مسؤول الحساب المعني وحده", "The owner of the account concerned only", False),
        ],
        (
            "كل من يلاحظ أزمة يبلّغ عنها فورًا؛ والتأخير أخطر من بلاغ لا داعي له.",
            "Whoever notices a crisis reports it at once; a delay costs more than a report that was not needed.",
        ),
    ),
    q(
        "crisis.reply",
        "crisis",
        SINGLE,
        (
            "في أثناء أزمة، يسألك متابع في تعليق عمّا حدث. ماذا تفعل؟",
            "During a crisis a follower asks in a comment what happened. What do you do?",
        ),
        [
            (
                "لا أرد باجتهادي، وأنتظر البيان المعتمد",
                "Do not reply on my own; wait for the approved statement",
                True,
            ),
            ("أشرح ما أعرفه حتى تهدأ الأمور", "Explain what I know so things calm down", False),
            ("أحذف التعليق", "Delete the comment", False),
        ],
        (
            "لا يُنشر شيء عن الأزمة قبل أن يعتمده من تسمّيهم خطة الأزمات لمستواها.",
            "Nothing about a crisis is published before the people the crisis plan names for its level approve it.",
        ),
    ),
    q(
        "crisis.hijack",
        "crisis",
        MULTIPLE,
        (
            "اكتشفت أن أحد الحسابات الرسمية اختُرق. ما أول ما تفعله؟",
            "You find that an official account has been hijacked. What comes first?",
        ),
        [
            ("أبلّغ جهة الاتصال في الأزمات فورًا", "Alert the crisis contact at once", True),
            ("أسجّل ما رأيته ووقته", "Write down what you saw and when", True),
            (
                "أنشر من حسابي الشخصي أن الحساب مخترق قبل إبلاغ أحد",
                "Announce the hijack from my personal account before telling anyone",
                False,
            ),
        ],
        (
            "الخطوات الأولى: الإبلاغ فورًا وتوثيق ما حدث؛ ثم يتولى الفريق استعادة الحساب والبيان.",
            "The first steps: report at once and record what happened; the team then recovers the account and prepares the statement.",
        ),
    ),
    q(
        "crisis.levels",
        "crisis",
        SINGLE,
        (
            "لماذا تقسّم خطة الأزمات الحوادث إلى مستويات؟",
            "Why does the crisis plan divide incidents into levels?",
        ),
        [
            (
                "لأن لكل مستوى من يُبلَّغ ومن يعتمد الرد",
                "Because each level says who is told and who approves the response",
                True,
            ),
            ("لتحديد من يُلام", "To decide who is to blame", False),
            ("لأن المنصات تطلب ذلك", "Because the platforms require it", False),
        ],
        (
            "يحدد المستوى من يُبلَّغ ومن يعتمد البيان؛ فالحادث الخطير يحتاج موافقات أكثر.",
            "The level decides who is told and who approves the statement: a serious incident needs more approvals.",
        ),
    ),
    # --- Law (R4.1–R4.4)
    q(
        "law.consent",
        "law",
        SINGLE,
        (
            "قبل نشر صورة مستفيد، ما الذي يجب التأكد منه؟",
            "Before posting a photo of a beneficiary, what must you be sure of?",
        ),
        [
            (
                "أن لدينا موافقته المكتوبة، أو موافقة وليّه إن كان قاصرًا",
                "That we have their written consent, or their guardian's for a minor",
                True,
            ),
            ("أن الصورة واضحة وجميلة", "That the photo is clear and looks good", False),
            ("أن زميلًا آخر وافق على نشرها", "That another colleague agreed to post it", False),
        ],
        (
            "لا تُنشر صورة أحد أو قصته دون موافقة موثّقة؛ وللقاصر موافقة وليّه.",
            "Nobody's picture or story is published without recorded consent; for a minor, their guardian's.",
        ),
    ),
    q(
        "law.personal_data",
        "law",
        MULTIPLE,
        ("أيٌّ من هذه لا يُنشر عن مستفيد؟", "Which of these is never published about a beneficiary?"),
        [
            ("رقم الهوية الوطنية أو الإقامة", "Their national ID or iqama number", True),
            ("حالته الصحية", "Their health condition", True),
            ("عنوان سكنه", "Their home address", True),
            (
                "شكر عام للمتبرعين على دعم البرنامج",
                "A general thank-you to donors for supporting the programme",
                False,
            ),
        ],
        (
            "البيانات الشخصية والحساسة محمية بنظام حماية البيانات الشخصية؛ ننشر الأثر لا هوية الأشخاص.",
            "Personal and sensitive data are protected by the Personal Data Protection Law: we show the impact, not who the people are.",
        ),
    ),
    q(
        "law.copyright",
        "law",
        SINGLE,
        (
            "وجدت صورة مناسبة على الإنترنت لمنشور. هل يجوز استخدامها؟",
            "You found a suitable picture online for a post. May you use it?",
        ),
        [
            (
                "فقط إن كانت لنا أو مرخّصة لهذا الاستخدام",
                "Only if it is ours or licensed for this use",
                True,
            ),
            ("نعم، ما دامت منشورة للعموم", "Yes, since it is public", False),
            (
                "نعم، إن ذكرنا الموقع الذي أخذناها منه",
                "Yes, if we name the site we took it from",
                False,
            ),
        ],
        (
            "ما نشره غيرنا له حقوقه؛ نستخدم ما نملكه أو ما لدينا ترخيص به.",
            "What others publish is theirs: we use what we own or have a licence for.",
        ),
    ),
    q(
        "law.confidential",
        "law",
        SINGLE,
        (
            "هل تُنشر أرقام داخلية لم تعلنها الجمعية بعد، مثل ميزانية برنامج؟",
            "May internal figures the organisation has not announced yet, such as a programme budget, be posted?",
        ),
        [
            ("لا، حتى تعلنها الجمعية رسميًا", "No, not until the organisation announces them", True),
            ("نعم، إن كانت تُظهر الجمعية بصورة جيدة", "Yes, if they make us look good", False),
            ("نعم، في القصص المؤقتة فقط", "Yes, but only in stories that disappear", False),
        ],
        (
            "ما لم يُعلن رسميًا يبقى سريًا، ولو بدا خبرًا سارًا.",
            "Whatever has not been announced stays confidential, even good news.",
        ),
    ),
    # --- Personal accounts (R5.1–R5.2)
    q(
        "personal.opinion",
        "personal",
        SINGLE,
        (
            "تكتب رأيًا شخصيًا في حسابك عن موضوع يخص عمل الجمعية. ما المطلوب؟",
            "You write a personal opinion on your own account about a subject of the organisation's work. What is expected?",
        ),
        [
            (
                "أوضح أنه رأيي الشخصي لا رأي الجمعية",
                "Make clear it is my own view, not the organisation's",
                True,
            ),
            (
                "أكتبه باسم الجمعية ليصل أكثر",
                "Write it in the organisation's name so it reaches more people",
                False,
            ),
            ("لا يحق لي الكتابة في أي موضوع", "I may not write about anything at all", False),
        ],
        (
            "لك حسابك ورأيك، لكن لا تتكلم باسم الجمعية، وبيّن أن الرأي رأيك.",
            "Your account and views are yours, but do not speak for the organisation, and say the view is yours.",
        ),
    ),
    q(
        "personal.conduct",
        "personal",
        MULTIPLE,
        (
            "أيٌّ من هذه يخالف السياسة في حسابك الشخصي إن عُرف أنك تعمل في الجمعية؟",
            "Which of these break the policy on your own account, when people know you work here?",
        ),
        [
            ("الإساءة إلى متبرع أو مستفيد", "Insulting a donor or a beneficiary", True),
            (
                "نشر معلومات داخلية عن الجمعية",
                "Sharing internal information about the organisation",
                True,
            ),
            ("مشاركة منشور رسمي للجمعية", "Sharing an official post of the organisation", False),
        ],
        (
            "ما تكتبه في حسابك يُقرأ منسوبًا إلى الجمعية؛ فالاحترام والسرية واجبان هناك أيضًا.",
            "What you write is read as coming from someone at the organisation: respect and confidentiality apply there too.",
        ),
    ),
    q(
        "personal.accountability",
        "personal",
        SINGLE,
        (
            "من المسؤول عمّا تنشره في حسابك الشخصي؟",
            "Who is responsible for what you post on your own account?",
        ),
        [
            ("أنا", "I am", True),
            ("الجمعية", "The organisation", False),
            ("المنصة", "The platform", False),
        ],
        (
            "كل شخص مسؤول عمّا ينشره في حسابه، وقد يُساءل عنه إن أضر بالجمعية.",
            "Each person answers for what they post, and may be held to account if it harms the organisation.",
        ),
    ),
    q(
        "personal.official",
        "personal",
        SINGLE,
        (
            "هل يجوز استخدام الحساب الرسمي للرد على خلاف شخصي؟",
            "May an official account be used to answer a personal argument?",
        ),
        [
            (
                "لا، الحساب الرسمي للجمعية لا لأصحاب الصلاحية",
                "No: the official account speaks for the organisation, not for whoever has access",
                True,
            ),
            (
                "نعم، إن كان الخلاف عن الجمعية",
                "Yes, if the argument is about the organisation",
                False,
            ),
            ("نعم، بعد ساعات الدوام", "Yes, outside working hours", False),
        ],
        (
            "الحساب الرسمي صوت الجمعية؛ لا يُستخدم لأمر شخصي أبدًا.",
            "The official account is the organisation's voice and is never used for personal matters.",
        ),
    ),
    # --- Speaking about the organisation (R6.1–R6.4)
    q(
        "speaking.spokespeople",
        "speaking",
        SINGLE,
        (
            "صحفي يتصل بك يسأل عن موقف الجمعية من قضية. ماذا تفعل؟",
            "A journalist calls you asking for the organisation's position on an issue. What do you do?",
        ),
        [
            (
                "أحيله إلى المتحدث الرسمي المسمّى في السياسة",
                "Refer them to the spokesperson the policy names",
                True,
            ),
            ("أجيب بما أظنه موقف الجمعية", "Answer with what I think the position is", False),
            (
                "أرفض الكلام وأغلق الخط دون إحالته",
                "Refuse and hang up without referring them",
                False,
            ),
        ],
        (
            "يتكلم باسم الجمعية متحدثون محددون بالاسم؛ وعلى غيرهم الإحالة إليهم بلطف.",
            "Named spokespeople speak for the organisation; everyone else refers questions to them politely.",
        ),
    ),
    q(
        "speaking.disclaimer",
        "speaking",
        SINGLE,
        (
            "ماذا يضيف من يذكر عمله في الجمعية في حسابه الشخصي؟",
            "What does someone add who mentions their work here on their own profile?",
        ),
        [
            (
                "عبارة توضح أن آراءه تمثله هو لا الجمعية",
                "A line saying their views are their own, not the organisation's",
                True,
            ),
            (
                "شعار الجمعية في صورة الحساب",
                "The organisation's logo as their profile picture",
                False,
            ),
            ("رابط التبرع في كل منشور", "The donation link in every post", False),
        ],
        (
            "عبارة إخلاء المسؤولية تمنع أن يُنسب رأيك الشخصي إلى الجمعية.",
            "The disclaimer stops your personal view being taken as the organisation's.",
        ),
    ),
    q(
        "speaking.promote",
        "speaking",
        MULTIPLE,
        ("كيف تروّج للجمعية بطريقة صحيحة؟", "How do you promote the organisation well?"),
        [
            ("أشارك المنشورات الرسمية كما هي", "Share the official posts as they are", True),
            ("أستخدم الوسوم الرسمية للجمعية", "Use the organisation's official hashtags", True),
            (
                "أنشر أرقامًا تقديرية عن الإنجازات لم تُعلن",
                "Post estimated achievement figures that were not announced",
                False,
            ),
        ],
        (
            "المشاركة والوسوم الرسمية تنشر رسالة واحدة؛ أما الأرقام فمصدرها ما أعلنته الجمعية.",
            "Sharing and the official hashtags spread one message; figures come only from what the organisation has announced.",
        ),
    ),
    q(
        "speaking.stance",
        "speaking",
        SINGLE,
        (
            "هل يجوز للموظفين ذكر أنهم يعملون في الجمعية على وسائل التواصل؟",
            "May staff say they work for the organisation on social media?",
        ),
        [
            (
                "تحدد السياسة موقف الجمعية من ذلك، وعلى الجميع اتباعه",
                "The policy states the organisation's stance on this, and everyone follows it",
                True,
            ),
            ("لا يهم، فكل شخص حر تمامًا", "It does not matter, everyone is entirely free", False),
            (
                "يُمنع ذلك دائمًا في كل الجمعيات",
                "It is always forbidden at every organisation",
                False,
            ),
        ],
        (
            "لكل جمعية موقفها من ذكر الموظفين لعملهم؛ وهو مكتوب في هذه السياسة.",
            "Each organisation takes its own stance on staff naming their work; ours is written in this policy.",
        ),
    ),
)

BY_KEY = {question.key: question for question in DEFAULT_BANK}
