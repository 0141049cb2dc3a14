"""The crisis plan a new organisation starts from, ready to edit: four severity levels (names,
criteria, who is alerted, who approves, internal communication, a holding statement) and the two
playbooks."""

from siyasa.crisis.models import CrisisRole, Playbook

# R3.2: the four default severity levels, lowest first:
# (name_ar, name_en, criteria_ar, criteria_en).
# Criteria are 1-3 sentences covering reach and speed of spread, media pick-up, legal exposure,
# risk to beneficiaries' safety or privacy, account compromise, as fits each level.
DEFAULT_SEVERITY_LEVELS: list[tuple[str, str, str, str]] = [
    (
        "متابعة",
        "Watch",
        (
            "تعليقات سلبية قليلة أو شكوى محدودة الانتشار لا تتسع، دون اهتمام إعلامي أو مسألة "
            "نظامية أو خطر على سلامة أحد أو خصوصيته. يتابعها مسؤول الرصد، ويُرد عليها ضمن "
            "خدمة الجمهور المعتادة."
        ),
        (
            "A few negative comments or a complaint with limited reach that is not spreading, "
            "with no media interest, no legal issue and no risk to anyone's safety or "
            "privacy. The monitoring lead keeps an eye on it, and it is answered through "
            "normal day-to-day service."
        ),
    ),
    (
        "محدودة",
        "Minor",
        (
            "انتقاد أو خطأ في أحد منشوراتنا ينتشر خارج جمهورنا المعتاد خلال ساعات، أو محاولة "
            "دخول مشبوهة إلى أحد الحسابات جرى صدّها. لا تتناوله وسائل الإعلام، ولا تترتب عليه "
            "تبعات نظامية، ولا يعرّض سلامة المستفيدين أو خصوصيتهم للخطر."
        ),
        (
            "Criticism of us, or an error in one of our posts, is spreading beyond our usual "
            "audience within hours, or a suspicious login attempt on an account was blocked. "
            "No media pick-up, no legal exposure and no risk to beneficiaries' safety or "
            "privacy."
        ),
    ),
    (
        "كبيرة",
        "Major",
        (
            "تنتشر المسألة بسرعة عبر المنصات، أو يتناولها صحفيون أو حسابات مؤثرة، أو قد تعرّض "
            "الجمعية لمساءلة نظامية. ويدخل في هذا المستوى نشر بيانات شخصية لمستفيد أو متبرع "
            "بالخطأ، أو فقدان الوصول إلى حساب رسمي واحد."
        ),
        (
            "The issue is spreading fast across platforms, has been picked up by journalists "
            "or influential accounts, or may expose the organisation to legal action. This "
            "level also covers a beneficiary's or donor's personal data published by mistake, "
            "or losing access to one official account."
        ),
    ),
    (
        "حرجة",
        "Critical",
        (
            "سمعة الجمعية أو وضعها النظامي مهدَّد تهديدًا جديًا: تغطية إعلامية واسعة، أو "
            "تحقيق من جهة رسمية، أو محتوى ينتشر أسرع مما نستطيع متابعته. أو أن شخصًا صار في "
            "خطر حقيقي بعد كشف هوية مستفيد أو مكانه، أو أن مخترقًا ينشر عبر حساباتنا."
        ),
        (
            "The organisation's reputation or legal position is under serious threat: wide "
            "media coverage, an official inquiry, or content spreading faster than we can "
            "follow. Or someone is in real danger because a beneficiary's identity or "
            "whereabouts was exposed, or an attacker is publishing from our accounts."
        ),
    ),
]

SOCIAL, PR, EXEC = CrisisRole.SOCIAL_TEAM, CrisisRole.PUBLIC_RELATIONS, CrisisRole.EXECUTIVE
LEGAL, BOARD = CrisisRole.LEGAL, CrisisRole.BOARD_DELEGATE

# rank -> notify roles, approval roles (R3.4), internal communication plan (R3.3) in Arabic and
# English, holding statement in Arabic and English.
DEFAULT_LEVEL_PLANS: dict[int, dict] = {
    1: {
        "notify_roles": [SOCIAL],
        "approval_roles": [SOCIAL],
        "internal_comms_ar": (
            "من يلاحظ المسألة يخبر مسؤول وسائل التواصل في محادثة الفريق. ويتابعها مسؤول وسائل "
            "التواصل مرتين في اليوم ويدوّن أي تغيير في سجل الحادثة. ولا حاجة لإبلاغ غيره ما لم "
            "تتسع."
        ),
        "internal_comms_en": (
            "Whoever spots it tells the social media lead in the team chat. The social media lead "
            "checks twice a day and notes any change in the incident timeline. Nobody else needs "
            "to be told unless it grows."
        ),
        "holding_statement_ar": "شكرًا لتواصلكم معنا. نحن نتابع الأمر وسنرد عليكم هنا قريبًا.",
        "holding_statement_en": (
            "Thank you for raising this with us. We are looking into it and will reply here "
            "shortly."
        ),
    },
    2: {
        "notify_roles": [SOCIAL, PR],
        "approval_roles": [SOCIAL, PR],
        "internal_comms_ar": (
            "يتصل مسؤول وسائل التواصل بمسؤول العلاقات العامة خلال ساعة. ويكتب قائد الحادثة "
            "تحديثًا في التسلسل الزمني كل أربع ساعات، ويطلب من الفريق في محادثة الفريق ألا يرد "
            "أحد علنًا حتى يُعتمد الرد."
        ),
        "internal_comms_en": (
            "The social media lead phones public relations within one hour. The incident lead "
            "writes an update in the timeline every four hours and asks the team, in the team "
            "chat, not to reply in public until a response is approved."
        ),
        "holding_statement_ar": (
            "اطلعنا على الملاحظات المثارة حول [الموضوع]، ونحن ندرسها بعناية، وسننشر تحديثًا قبل "
            "[الوقت]."
        ),
        "holding_statement_en": (
            "We are aware of the concerns raised about [topic]. We are looking into them "
            "carefully and will share an update by [time]."
        ),
    },
    3: {
        "notify_roles": [SOCIAL, PR, EXEC],
        "approval_roles": [SOCIAL, PR, EXEC],
        "internal_comms_ar": (
            "يتصل قائد الحادثة بمسؤول العلاقات العامة والمدير التنفيذي خلال ثلاثين دقيقة. ويُعقد "
            "اتصال قصير (أو محادثة جماعية) كل ساعتين حتى تهدأ المسألة. ويتلقى كل موظف ومتطوع "
            "رسالة واحدة: لا تعلّق، وحوّل أي سؤال أو استفسار إعلامي إلى قائد الحادثة. والتسلسل "
            "الزمني هو المرجع لكل قرار."
        ),
        "internal_comms_en": (
            "The incident lead phones public relations and the executive director within 30 "
            "minutes. A short call (or a group chat) every two hours until it calms down. Every "
            "staff member and volunteer gets one message: do not comment, and send any question "
            "or media enquiry to the incident lead. The timeline is the record of every decision."
        ),
        "holding_statement_ar": (
            "نعلم بما حدث بشأن [ما حدث] ونتعامل معه بجدية. نحن نجمع الحقائق وسننشر تحديثًا قبل "
            "[الوقت]. وتبقى سلامة من نخدمهم وخصوصيتهم أولويتنا الأولى."
        ),
        "holding_statement_en": (
            "We are aware of [what happened] and we take it seriously. We are gathering the facts "
            "and will share an update by [time]. The wellbeing and privacy of the people we serve "
            "come first."
        ),
    },
    4: {
        "notify_roles": [SOCIAL, PR, EXEC, LEGAL, BOARD],
        "approval_roles": [SOCIAL, PR, EXEC, LEGAL, BOARD],
        "internal_comms_ar": (
            "يتصل قائد الحادثة فورًا بالمدير التنفيذي ومسؤول العلاقات العامة والمستشار القانوني "
            "ومفوض مجلس الإدارة. ويُعقد اجتماع أزمة خلال ساعة، ثم كل ساعة. ويُبلَّغ جميع الموظفين "
            "والمتطوعين بالبريد الإلكتروني وفي محادثة الفريق بألا يعلّقوا، وإلى من يحوّلون "
            "استفسارات الإعلام، ويتولى مفوض المجلس إبلاغ مجلس الإدارة. ولا يتحدث إلا المتحدث "
            "الرسمي المعتمد."
        ),
        "internal_comms_en": (
            "The incident lead phones the executive director, public relations, the legal adviser "
            "and the board delegate at once. A crisis call within the hour, then every hour. All "
            "staff and volunteers are told by e-mail and in the team chat not to comment and where "
            "to forward media enquiries; the board delegate informs the board. Only the approved "
            "spokesperson speaks."
        ),
        "holding_statement_ar": (
            "نعلم بما حدث بشأن [ما حدث] ونعمل على معالجته الآن. وأول ما يهمنا سلامة من نخدمهم "
            "وخصوصيتهم. نحن نعمل مع الجهات المختصة وسننشر تحديثًا هنا قبل [الوقت]. ونرجو عدم "
            "تداول أي بيانات شخصية لمن لهم علاقة بالأمر."
        ),
        "holding_statement_en": (
            "We know about [what happened] and are acting on it now. Our first concern is the "
            "safety and privacy of the people we serve. We are working with the relevant "
            "authorities and will update here by [time]. Please do not share personal details of "
            "anyone involved."
        ),
    },
}

# kind -> title (ar, en), steps (ar, en) — R3.5.
DEFAULT_PLAYBOOKS: dict[str, tuple[str, str, str, str]] = {
    Playbook.Kind.COMMUNICATION: (
        "أزمة تواصل",
        "Communication crisis",
        "1. **احتفظ بالأدلة ولا تحذف شيئًا.** التقط صورًا للشاشة للمنشورات والتعليقات والرسائل "
        "يظهر فيها الوقت والتاريخ والرابط، واحفظ الروابط. فالحذف يبدو إخفاءً ويضيّع الأدلة.\n"
        "2. **أوقف المنشورات المجدولة والإعلانات** في كل الحسابات، حتى لا يُنشر شيء لا يناسب "
        "الموقف.\n"
        "3. **أعلن الحادثة في سياسة** بعد الإجابة عن أسئلة تقدير النطاق، وسمِّ قائدًا واحدًا "
        "للحادثة.\n"
        "4. **لا تقل شيئًا علنًا بعد.** لا ردود ولا إعجابات ولا حذف للتعليقات. وإن كان الصمت "
        "يضر، فانشر البيان المبدئي لهذا المستوى بعد اعتماده.\n"
        "5. **أبلغ الفريق** وفق خطة التواصل الداخلي للمستوى: لا يرد أحد غير المكلّف، ولا يعلّق "
        "أحد من حسابه الشخصي.\n"
        "6. **حماية الناس أولًا.** إن كشف منشور لنا صورة مستفيد أو اسمه أو مكانه، فأخفه فورًا "
        "بعد حفظ الدليل، وأبلغ قائد الحادثة؛ وهذا هو الاستثناء الوحيد من قاعدة «لا تحذف "
        "شيئًا».\n"
        "7. **اكتب الرد داخل الحادثة** واحصل على الموافقات التي يطلبها المستوى، ثم انشر النص "
        "المعتمد كما هو دون تعديل.\n"
        "8. **حدّث التسلسل الزمني**: ما رأيناه وما قررناه وما نشرناه، مع الأوقات.\n"
        "9. **أغلق الحادثة بمراجعة**: ماذا حدث، وما الذي نجح، وما الذي سنغيّره في السياسة.",
        "1. **Keep evidence, delete nothing.** Screenshot the posts, comments and messages with "
        "the time, date and link showing, and save the links. Deleting looks like hiding and "
        "loses the record.\n"
        "2. **Pause scheduled posts and ads** on every account, so nothing out of tune goes out "
        "in the middle of it.\n"
        "3. **Declare the incident in Siyasa** with the scope questions, and name one incident "
        "lead.\n"
        "4. **Say nothing in public yet.** No replies, no likes, no deleting comments. If silence "
        "hurts, post the level's holding statement once it is approved.\n"
        "5. **Tell the team** as the level's internal communication plan says: only the person "
        "in charge replies, and nobody comments from a personal account.\n"
        "6. **People first.** If one of our posts exposes a beneficiary's photo, name or "
        "whereabouts, hide it at once after keeping the evidence, and tell the incident lead — "
        "the one exception to “delete nothing”.\n"
        "7. **Draft the response in the incident** and get the approvals the level asks for; "
        "publish the approved text exactly as approved.\n"
        "8. **Keep the timeline**: what we saw, decided and published, with the times.\n"
        "9. **Close with a review**: what happened, what worked, what we change in the policy.",
    ),
    Playbook.Kind.COMPROMISED_ACCOUNT: (
        "حساب مخترق",
        "Compromised account",
        "1. **أغلق الباب.** من جهاز تملكه الجمعية غيّر كلمة المرور، وسجّل الخروج من كل "
        "الجلسات، واحذف التطبيقات المرتبطة التي لا تعرفها. وإن لم تستطع الدخول فانتقل مباشرة "
        "إلى الخطوة الرابعة.\n"
        "2. **غيّر كلمات المرور.** غيّر كلمة مرور البريد المرتبط بالحساب وكل حساب يشاركه كلمة "
        "المرور نفسها، وتحقق من بريد الاسترداد ورقم الجوال، وسجّل التغيير في سياسة.\n"
        "3. **التحقق بخطوتين.** أعد تفعيله بجهاز أو تطبيق جديد يحتفظ به الشخص الذي تسميه "
        "السياسة.\n"
        "4. **تواصل مع المنصة** عبر نموذجها الرسمي للحسابات المخترقة، واكتب رقم البلاغ في سجل "
        "الحادثة.\n"
        "5. **احفظ الأدلة ثم نظّف.** التقط صورًا لما نشره المخترق أو أرسله، ثم احذفه، وأوقف "
        "المنشورات المجدولة.\n"
        "6. **أبلغ المتابعين** عبر قنواتنا الأخرى بعد اعتماد التنبيه: الحساب تعرّض للاختراق، فلا "
        "تضغطوا على روابطه ولا ترسلوا أي مبالغ، وسنعلن حين يعود آمنًا.\n"
        "7. **نبّه المتبرعين والشركاء** مباشرة إن أرسل المخترق رسائل أو طلبات تبرع باسمنا.\n"
        "8. **راجع الصلاحيات.** تحقق ممن لديهم صلاحية الوصول ومن الأجهزة التي تصل إلى الحساب، "
        "وأزل كل من لا تعرفه أو من غادر الجمعية.\n"
        "9. **أغلق الحادثة بمراجعة**: كيف دخلوا، وما الذي سنغيّره (التحقق بخطوتين، والأجهزة، ومن "
        "يحتفظ بكلمة المرور).",
        "1. **Lock it.** From an organisation device, change the password, sign out of every "
        "session and remove connected apps you do not recognise. If you cannot sign in, go "
        "straight to step 4.\n"
        "2. **Rotate.** Change the password of the e-mail behind the account and of any account "
        "that shared the password; check the recovery e-mail and phone. Record the rotation in "
        "Siyasa.\n"
        "3. **Second factor.** Turn two-factor authentication back on with a new device or app, "
        "held by the person the policy names.\n"
        "4. **Contact the platform** through its official form for hacked accounts, and write "
        "the case number in the timeline.\n"
        "5. **Keep evidence, then clean up.** Screenshot what the intruder posted or sent, then "
        "remove it; pause scheduled posts.\n"
        "6. **Tell followers** on our other channels once the notice is approved: the account was "
        "taken over, do not click its links or send money, and we will say when it is safe.\n"
        "7. **Warn donors and partners** directly if the intruder sent messages or donation "
        "requests in our name.\n"
        "8. **Review access.** Check who has access grants and which devices reach the account; "
        "remove anyone unknown or who has left.\n"
        "9. **Close with a review**: how they got in, and what we change (two-factor, devices, "
        "who holds the password).",
    ),
}
