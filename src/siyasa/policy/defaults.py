"""Default texts of a new organisation's social media policy, in Arabic and English."""

# key -> (arabic, english). Keys are stable ids used by the policy catalogue.
DEFAULT_TEXTS: dict[str, tuple[str, str]] = {
    "preamble": (
        (
            "توضّح هذه السياسة كيف تستخدم الجمعية وسائل التواصل الاجتماعي، وما تنتظره من كل "
            "من يعمل فيها أو يتطوع معها. فالمتبرعون والمستفيدون والمتطوعون والشركاء يلتقون "
            "بنا على هذه المنصات كل يوم، وكل منشور أو رد أو تعليق يزيد ثقتهم بنا أو ينقص "
            "منها.\n\n"
            "وُضعت هذه السياسة لكي:\n\n"
            "- نظهر بهوية واحدة على جميع قنواتنا: الأسماء والمعرّفات الرسمية نفسها، والوسوم "
            "نفسها، والنبرة نفسها؛\n"
            "- نعرف الحساسيات النظامية لما ننشره، ولا سيما ما يتعلق بمن نخدمهم؛\n"
            "- نمنع الاختراقات الأمنية، ونحدّ من ضررها سريعًا إن وقعت؛\n"
            "- نتجاوز أزمات التواصل بهدوء وسرعة؛\n"
            "- يعرف كل فرد في الفريق مهمته بوضوح، فلا تضيع مسؤولية بين شخصين.\n\n"
            "هذه وثيقة حيّة، لا ملف منسيّ في درج. فهي منشورة في مكان يصل إليه جميع منسوبي "
            "الجمعية، ويراجعها مسؤول محدد بالاسم وفق جدول ثابت وكلما تغيّرت المنصات أو "
            "الأنظمة، ويُعلَن كل تعديل فيها. ويطّلع كل موظف ومتطوع يتعامل مع قنواتنا على "
            "النسخة السارية ويُقرّ بها. وإن وجدت فيها ما هو غامض أو قديم فأخبر مسؤول السياسة؛ "
            "فبهذا تبقى نافعة."
        ),
        (
            "This policy explains how the organisation uses social media and what it expects "
            "of everyone who works or volunteers with it. Donors, beneficiaries, volunteers "
            "and partners meet us online every day, and each post, reply and comment adds to "
            "or takes from the trust they place in us.\n\n"
            "The policy exists so that we:\n\n"
            "- speak with one identity on every channel: the same official names, handles, "
            "hashtags and tone of voice;\n"
            "- know the legal sensitivities of what we publish, especially about the people "
            "we serve;\n"
            "- prevent security breaches, and limit the damage quickly if one happens;\n"
            "- get through a communication crisis calmly and fast;\n"
            "- give every team member a clear task, so no responsibility falls between two "
            "people.\n\n"
            "This is a living document, not a file forgotten in a drawer. It is published "
            "where every staff member can reach it, a named owner reviews it on a fixed "
            "schedule and whenever the platforms or the law change, and every change is "
            "announced. Every staff member and volunteer who works with our channels reads "
            "and acknowledges the version in force. If something here is unclear or out of "
            "date, tell the policy owner: that is how the policy stays useful."
        ),
    ),
    "roles.intro": (
        (
            "الأدوار الواضحة تحفظ صوت الجمعية موحّدًا وحساباتها آمنة؛ فينبغي أن يعرف الجميع "
            "من يتولى كل مهمة، وألّا يضطر أحد إلى التخمين حين يبحث عمّن يسأله.\n\n"
            "- **لكل حساب رسمي مسؤول محدد بالاسم**، يُسأل عنه ويحرص على أن تبقى بياناته في "
            "هذه السياسة محدّثة.\n"
            "- يُحدَّد بالاسم لكل حساب من يحق لهم النشر ومن يحق لهم الرد، ولا ينشر أحد غيرهم "
            "من الحساب ولا يرد باسمه، مهما بدا الطلب عاجلًا.\n"
            "- تُسند مجالات المسؤولية التسعة، كلٌّ منها إلى شخص محدد بالاسم على الأقل: النشر "
            "اليومي، وخدمة المتبرعين والمستفيدين يومًا بيوم، والاستراتيجية والتخطيط، "
            "والإعلانات، والأمان وكلمات المرور، والرصد والتحليل، والموافقات (القانونية أو "
            "المالية أو غيرها)، والاستجابة للأزمات، وتدريب بقية الموظفين على وسائل التواصل "
            "الاجتماعي.\n\n"
            "الأسماء وعناوين البريد الإلكتروني في الجداول التالية متاحة لجميع الموظفين، حتى "
            "يعرف الزملاء في الفرق الأخرى بمن يتصلون حين يكون لديهم سؤال، أو قصة تستحق النشر، "
            "أو شكوى ينبغي إيصالها.\n\n"
            "ومن يغادر الجمعية أو ينتقل إلى دور آخر يسلّم كل ما بين يديه — الحسابات، وصلاحيات "
            "الوصول، ووسائل التحقق بخطوتين، والردود والموافقات المعلّقة — قبل آخر يوم عمل له، "
            "وتُحدَّث الجداول في اليوم نفسه."
        ),
        (
            "Clear roles keep the organisation's voice consistent and its accounts safe. "
            "Everyone should know who does what, and nobody should have to guess whom to ask.\n\n"
            "- **Every official account has a named owner**, who answers for it and keeps its "
            "details in this policy up to date.\n"
            "- For each account, the people who may publish and the people who may reply are "
            "named. Nobody else posts from it or replies on its behalf, however urgent the "
            "request seems.\n"
            "- Nine areas of responsibility are each assigned to at least one named person: "
            "daily publishing; day-to-day service of donors and beneficiaries; strategy and "
            "planning; advertising; security and passwords; monitoring and analytics; "
            "approvals (legal, financial or other); crisis response; and social media "
            "training for other staff.\n\n"
            "The names and e-mail addresses in the tables that follow are visible to all "
            "staff, so colleagues in other teams know whom to contact with a question, a "
            "story worth sharing or a complaint to pass on.\n\n"
            "Anyone who leaves the organisation or moves to another role hands over "
            "everything they hold — accounts, access, second factors, pending replies and "
            "approvals — before their last working day, and the tables are updated the same "
            "day."
        ),
    ),
    "security.intro": (
        (
            "حسابات الجمعية صوتها أمام الناس، وكلمة مرور واحدة مسروقة تكفي لأن يُنشر باسمها "
            "في دقائق ما لم تقله. تسري القواعد التالية على كل من يصل إلى حساب رسمي:\n\n"
            "- **مكان كلمات المرور الوحيد هو مدير كلمات المرور الخاص بالجمعية.** لا تُرسَل "
            "ولا تُحفظ في البريد الإلكتروني أو المحادثات أو المستندات المشتركة أو الملاحظات "
            "أو في هذه الأداة، ولو مؤقتًا.\n"
            "- لكل حساب أمين محدد بالاسم يحفظ بيانات دخوله، وأمين احتياطي، ويُسجَّل من يملك "
            "صلاحية الوصول إلى كل منها.\n"
            "- تُغيَّر كلمات المرور كل مدة ثابتة تحددها هذه السياسة، وفورًا عند مغادرة أي شخص "
            "له صلاحية وصول أو تغيّر دوره، أو عند الاشتباه في تسرّبها.\n"
            "- التحقق بخطوتين مفعّل في كل حساب، ويُحدَّد بالاسم من يحمل وسيلة التحقق الثانية.\n"
            "- لا يُدخَل إلى الحسابات إلا من أجهزة مسجّلة مملوكة للجمعية، لا من الهواتف "
            "الشخصية ولا من الأجهزة المشتركة.\n"
            "- يتولى شخص محدد بالاسم تحديث التطبيقات وأنظمة التشغيل على هذه الأجهزة أولًا "
            "بأول.\n\n"
            "ولا يحق تعديل هذه السياسة أو الأدوار أو قائمة الأجهزة أو كلمات المرور إلا "
            "لمسؤولي الحسابات ومديري السياسة. وإن لاحظت أمرًا غير مألوف — تنبيه دخول، أو "
            "منشورًا لا يعرفه أحد، أو جهازًا مفقودًا — فأبلغ مسؤول الأمان فورًا؛ فالإبلاغ "
            "المبكر لا يكون خطأً أبدًا."
        ),
        (
            "The organisation's accounts are its public voice, and one stolen password is "
            "enough to publish words in its name within minutes. These rules apply to "
            "everyone who reaches an official account:\n\n"
            "- **Passwords live only in the organisation's password manager.** Never send or "
            "store them in e-mail, chat, shared documents, notes or this tool — not even for "
            "a moment.\n"
            "- Each account has a named custodian of its credentials and a backup custodian, "
            "and who has access to each credential is recorded.\n"
            "- Passwords are changed at the fixed interval set in this policy, and "
            "immediately when someone with access leaves or changes role, or when a leak is "
            "suspected.\n"
            "- Two-factor authentication is on for every account, and the person who holds "
            "the second factor is named.\n"
            "- Accounts are reached only from registered devices owned by the organisation — "
            "never from personal phones or shared computers.\n"
            "- A named person keeps the apps and operating systems on those devices up to "
            "date.\n\n"
            "Only account owners and policy administrators may change this policy, the roles, "
            "the list of devices or the passwords. If you notice anything unusual — a login "
            "alert, a post nobody recognises, a lost device — tell the security lead at once. "
            "Reporting early is never a mistake."
        ),
    ),
    "crisis.intro": (
        (
            "قد تواجه قنواتنا نوعين من الأزمات: **أزمة تواصل**، وهي منشور أو تعليق أو قصة "
            "تنتشر فتمسّ الثقة بالجمعية، بحق أو بغير حق؛ و**أزمة تقنية**، وهي حساب مخترَق أو "
            "مقفَل أو ينشر ما لم نكتبه. وهذه الخطة تغطي النوعين.\n\n"
            "في الساعة الأولى، على من يكتشف المشكلة أن:\n\n"
            "- لا يحذف شيئًا؛ فالحذف يبدو إخفاءً ويضيّع الأدلة؛\n"
            "- يحفظ الأدلة بلقطات شاشة تبيّن التاريخ والوقت ورابط كل منشور أو تعليق أو رسالة "
            "ذات صلة؛\n"
            "- يوقف جميع المنشورات المجدولة في الحسابات المتأثرة؛\n"
            "- ينبّه مسؤول الأزمات فورًا بالاتصال الهاتفي، ثم كتابةً؛\n"
            "- لا يستعجل الرد، ولا يدخل في جدال، ولا يعتذر باسم الجمعية.\n\n"
            "بعد ذلك يقدّر مسؤول الأزمات حجم الأزمة وفق مستويات الخطورة المبيّنة أدناه. ويحدد "
            "كل مستوى من يُبلغ مَن، وعبر أي قناة، وكم مرة تُرسَل المستجدات، حتى يسمع الفريق "
            "والإدارة التنفيذية ومجلس الإدارة الحقائق نفسها. ولا يُنشر أي رد علني — منشورًا "
            "كان أو ردًّا أو بيانًا أو تصريحًا لوسائل الإعلام — قبل الحصول على الموافقات "
            "المطلوبة لذلك المستوى. وتلي هذا النصَّ قائمةُ جهات الاتصال في الطوارئ؛ راجعها "
            "الآن، لا في خضمّ الأزمة."
        ),
        (
            "Two kinds of crisis can hit our channels. A **communication crisis** is a post, "
            "comment or story that spreads and damages trust in the organisation, fairly or "
            "not. A **technical crisis** is an account that has been compromised, locked, or "
            "is publishing things we did not write. This plan covers both.\n\n"
            "In the first hour, whoever spots the problem:\n\n"
            "- does not delete anything — deleting looks like hiding and destroys evidence;\n"
            "- keeps evidence: screenshots showing the date, time and link of every relevant "
            "post, comment and message;\n"
            "- pauses all scheduled posts on the affected accounts;\n"
            "- alerts the crisis lead at once by phone, then in writing;\n"
            "- does not reply in haste, argue, or apologise on the organisation's behalf.\n\n"
            "The crisis lead then judges the scope using the severity levels below. Each "
            "level sets who tells whom, through which channel and how often updates go out, "
            "so the team, the management and the board hear the same facts. No public "
            "response — post, reply, statement or comment to the media — goes out until the "
            "approvals required for that level are given. The emergency contact list follows "
            "this text: check it now, not in the middle of a crisis."
        ),
    ),
    "crisis.first_steps": (
        (
            "- **لا تحذف شيئًا.** التقط صورًا للشاشة تظهر فيها الساعة والتاريخ والرابط، واحفظها.\n"
            "- **أوقف المنشورات المجدولة** في كل الحسابات حتى يقرر مسؤول الأزمة غير ذلك.\n"
            "- **اتصل بمسؤول الأزمة** هاتفيًا الآن، ثم اكتب له ما حدث في رسالة قصيرة.\n"
            "- **لا ترد علنًا** قبل أن يُعتمد الرد وفق مستوى الخطورة أدناه.\n"
            "- إن كان الحساب مخترقًا: غيّر كلمة المرور من جهاز الجمعية، وسجّل الخروج من كل "
            "الأجهزة، وبلّغ المنصة، وراجع من يملك صلاحية الوصول.\n"
            "- دوّن كل خطوة ووقتها؛ فهذا التدوين يحمي الجمعية ويفيد في المراجعة بعد الأزمة."
        ),
        (
            "- **Delete nothing.** Take screenshots that show the time, date and link, and keep "
            "them.\n"
            "- **Pause scheduled posts** on every account until the crisis lead says otherwise.\n"
            "- **Call the crisis lead** now, then write down what happened in a short message.\n"
            "- **Do not reply in public** until the response is approved for the severity level "
            "below.\n"
            "- If an account is compromised: change the password from an organisation device, sign "
            "out of all devices, report it to the platform, and review who has access.\n"
            "- Note every step and its time: the record protects the organisation and helps the "
            "review afterwards."
        ),
    ),
    "law.intro": (
        (
            "تختلف الأنظمة المتعلقة بوسائل التواصل الاجتماعي من بلد إلى آخر، وتتغير من وقت "
            "إلى آخر. ويضع هذا الجزء الحد الأدنى من قواعد الجمعية في حقوق المؤلف والخصوصية "
            "والسرية، ولا يغني عن الاستشارة القانونية. ويراجعه المستشار القانوني للجمعية، "
            "المذكور اسمه أدناه مع تاريخ آخر مراجعة، كلما تغيّرت الأنظمة أو تغيّر عملنا. ففي "
            "المملكة العربية السعودية مثلًا، يسري على ما ننشره نظام حماية البيانات الشخصية، "
            "ونظام مكافحة الجرائم المعلوماتية، ونظام حماية حقوق المؤلف.\n\n"
            "**إن ساورك شك فاسأل قبل أن تنشر.** فالتأخير القصير أهون بكثير من منشور نضطر إلى "
            "سحبه، أو اعتذار نقدّمه لأسرة، أو شكوى نظامية."
        ),
        (
            "Laws on social media differ from country to country, and they change over time. "
            "This part sets out the organisation's minimum rules on copyright, privacy and "
            "confidentiality; it does not replace legal advice. The organisation's legal "
            "adviser, named below with the date of the last review, checks it whenever the "
            "law or our work changes. In Saudi Arabia, for example, the Personal Data "
            "Protection Law, the Anti-Cyber Crime Law and the Copyright Law all apply to what "
            "we publish.\n\n"
            "**When in doubt, ask before you publish.** A short delay costs far less than a "
            "post we have to withdraw, an apology to a family or a legal complaint."
        ),
    ),
    "law.copyright": (
        (
            "استخدام عمل غيرنا دون إذن قد يُحرج الجمعية ويخالف النظام، حتى مع حسن النية.\n\n"
            "- الصور ومقاطع الفيديو والموسيقى والتصاميم والنصوص التي أنتجها غيرنا تحتاج إلى "
            "إذن صاحبها قبل استخدامها، مع نسبتها إليه بالطريقة التي يطلبها. والاقتباس القصير "
            "مع ذكر المصدر مقبول في الغالب، أما نقل العمل كاملًا فلا.\n"
            "- عبارة مثل «الحقوق محفوظة لأصحابها» لا تجعل الاستخدام مشروعًا.\n"
            "- لا تُنشر صور المستفيدين وقصصهم إلا بموافقتهم المستنيرة: أن يعرفوا أين ستظهر "
            "وكيف، وأن يوافقوا كتابةً، وأن لهم سحب موافقتهم متى شاؤوا، فنزيل المادة حينها من "
            "قنواتنا.\n"
            "- إذا كان صاحب الصورة طفلًا فالموافقة من والده أو وليّ أمره. ونضاعف الحذر مع كل "
            "من قد يصعب عليه الرفض، كمتلقّي المساعدات والمرضى ومن يمرّون بظروف قاسية، ونتجنب "
            "إظهار الوجوه والتفاصيل الكاشفة للهوية ما دامت القصة لا تحتاج إليها.\n"
            "- تصون كل صورة كرامة صاحبها: لا صور تُهين، أو تستدرّ الشفقة، أو تُظهر الناس في "
            "أضعف لحظاتهم.\n"
            "- تُحفظ سجلات الموافقة مع المادة نفسها، ليتحقق منها أي شخص قبل إعادة النشر.\n\n"
            "وفي المملكة العربية السعودية مثلًا، يحمي نظام حماية حقوق المؤلف الصور "
            "الفوتوغرافية، ويعدّ نظام حماية البيانات الشخصية صورة الشخص من بياناته الشخصية."
        ),
        (
            "Using someone else's work without permission can embarrass the organisation and "
            "break the law, even with the best intentions.\n\n"
            "- Photos, videos, music, designs and texts made by others need the owner's "
            "permission before we use them, and we credit the owner as they ask. A brief "
            "quotation with clear attribution is usually acceptable; copying a whole work is "
            "not.\n"
            "- A caption such as “all rights belong to their owners” does not make the use "
            "lawful.\n"
            "- Beneficiaries' photos and stories are shared only with their informed consent: "
            "they know where and how the material will appear, agree in writing, and may "
            "withdraw at any time — we then remove it from our channels.\n"
            "- For a child, consent comes from a parent or guardian. We take extra care with "
            "anyone who may find it hard to say no — aid recipients, patients, people in "
            "hardship — and leave out faces and identifying details the story does not need.\n"
            "- Every image protects the dignity of the person in it: no pictures that "
            "humiliate, play on pity, or show people at their weakest.\n"
            "- Consent records are kept with the material, so anyone can check them before "
            "reposting.\n\n"
            "In Saudi Arabia, for example, the Copyright Law protects photographs, and the "
            "Personal Data Protection Law treats a person's picture as personal data."
        ),
    ),
    "law.privacy": (
        (
            "يأتمننا الناس على معلوماتهم الشخصية حين يطلبون العون أو يتبرعون أو يتطوعون، "
            "وحمايتها جزء من عملنا لا عبء إضافي عليه.\n\n"
            "- لا تنشر اسم مستفيد أو متبرع أو متطوع، ولا رقم هويته أو جواله، ولا عنوانه أو "
            "موقعه، ولا حالته الصحية أو ظروف أسرته أو أي تفصيل حساس آخر، إلا بسند نظامي "
            "وبموافقته. وانتبه لخلفية الصور أيضًا؛ فالوثائق والشاشات وأرقام المنازل قد تكشف "
            "أصحابها.\n"
            "- هويات المتبرعين ومبالغ تبرعاتهم شأن خاص، ولا نشكر متبرعًا علنًا إلا بعد "
            "موافقته وبالصيغة التي وافق عليها.\n"
            "- كثيرًا ما تحمل الرسائل الخاصة بيانات شخصية، فتعامل معها داخل المنصة، ولا "
            "تتداول لقطات شاشة منها، وأحِل الطلب إلى الفريق المختص عبر قنوات الجمعية "
            "المعتادة. واطلب من الناس ألا يكتبوا بياناتهم في التعليقات العامة، وأخفِ هذه "
            "التعليقات حيث تسمح المنصة بذلك.\n"
            "- اجمع ما تحتاج إليه فقط، ولا تحتفظ بالبيانات الشخصية في هاتفك الشخصي أو "
            "محادثاتك الخاصة.\n\n"
            "وفي المملكة العربية السعودية مثلًا، يعدّ نظام حماية البيانات الشخصية الحالة "
            "الصحية والمعتقد الديني والأصل القبلي والموقع من البيانات الحساسة، ويشترط سندًا "
            "نظاميًا لاستخدام البيانات الشخصية في أغراض الجمعية."
        ),
        (
            "People trust us with their personal information when they ask for help, give a "
            "donation or volunteer. Protecting it is part of our work, not an extra.\n\n"
            "- Never publish a beneficiary's, donor's or volunteer's name, ID number, phone "
            "number, address or location, health condition, family circumstances or any other "
            "sensitive detail without a lawful basis and their consent. Check the background "
            "of photos too: documents, screens and house numbers can give people away.\n"
            "- Donors' identities and the amounts they give are private. We thank a donor "
            "publicly only with their agreement, and in the words they agreed to.\n"
            "- Direct messages often contain personal details. Handle them inside the "
            "platform, never pass around screenshots of them, and refer the request to the "
            "right team through the organisation's usual channels. Ask people not to post "
            "their details in public comments, and hide such comments where the platform "
            "allows.\n"
            "- Collect only what you need, and do not keep personal data on your own phone or "
            "in private chats.\n\n"
            "In Saudi Arabia, for example, the Personal Data Protection Law treats health, "
            "religious belief, tribal origin and location as sensitive data, and requires a "
            "lawful basis for using personal data for the organisation's purposes."
        ),
    ),
    "law.confidentiality": (
        (
            "ليس كل ما نطّلع عليه في العمل مما يحق لنا نشره. أبقِ ما يلي بعيدًا عن وسائل "
            "التواصل الاجتماعي، بما فيها حساباتك الشخصية:\n\n"
            "- النقاشات الداخلية ومحاضر الاجتماعات والقرارات التي لم تُعلَن بعد؛\n"
            "- البرامج والمشروعات والحملات قبل أن تطلقها الجمعية؛\n"
            "- معلومات الشركاء والجهات المانحة، ومنها الاتفاقيات التي ما زال التفاوض عليها "
            "جاريًا؛\n"
            "- الأرقام المالية التي لم تنشرها الجمعية؛\n"
            "- شؤون الموظفين: الرواتب والتقييمات والخلافات والحالات الصحية وحالات المغادرة؛\n"
            "- الترتيبات الأمنية: الأجهزة التي تصل إلى حساباتنا، ومن يملك صلاحيات الوصول، "
            "وطريقة حمايتها.\n\n"
            "والإفصاح هو أن تجعل شيئًا من ذلك في متناول أي شخص خارج الدائرة المعنية به: في "
            "منشور أو قصة أو تعليق أو رد، أو في صورة تظهر في خلفيتها وثيقة أو شاشة، أو في "
            "لقطة شاشة. والمجموعات الخاصة وقوائم «المقرّبين» داخلة في ذلك أيضًا؛ فكل ما "
            "تشاركه يمكن نسخه وتداوله في ثوانٍ.\n\n"
            "ويبقى واجب السرية قائمًا بعد مغادرتك الجمعية. وإن لم تكن متأكدًا من سرية أمر ما "
            "فعامله على أنه سري، واسأل مديرك أو مسؤول التواصل قبل مشاركته."
        ),
        (
            "Not everything we learn at work is ours to share. Keep the following off social "
            "media, including your personal accounts:\n\n"
            "- internal discussions, meeting notes and decisions not yet announced;\n"
            "- programmes, projects and campaigns before the organisation launches them;\n"
            "- partners' and funders' information, including agreements still under "
            "negotiation;\n"
            "- financial figures the organisation has not published;\n"
            "- staff matters: salaries, appraisals, disputes, health and departures;\n"
            "- security arrangements: which devices reach our accounts, who holds access, and "
            "how we protect them.\n\n"
            "Disclosure means making any of this visible to anyone outside the circle meant "
            "to know it — in a post, a story, a comment or a reply, in a photo with a "
            "document or screen in the background, or in a screenshot. Private groups and "
            "“close friends” lists count too: anything you share can be copied and passed on "
            "within seconds.\n\n"
            "The duty of confidentiality continues after you leave the organisation. If you "
            "are not sure whether something is confidential, treat it as confidential and ask "
            "your manager or the communications lead before sharing it."
        ),
    ),
    "personal.conduct": (
        (
            "حساباتك الشخصية تخصّك، والجمعية تحترم ذلك. غير أن بعض المحتوى غير مقبول أبدًا "
            "ممن يعمل معنا أو يتطوع لدينا، أيًّا كان مكان نشره:\n\n"
            "- خطاب الكراهية ضد أي فئة، سواء بسبب الدين أو المذهب أو القبيلة أو الأصل أو "
            "الجنسية أو الجنس أو الإعاقة؛\n"
            "- التهديد بالعنف أو التحريض عليه؛\n"
            "- مضايقة الآخرين أو التنمر عليهم أو السخرية منهم أو التشهير بهم، ومنهم الزملاء "
            "والمتبرعون والمستفيدون؛\n"
            "- المحتوى العنصري أو الطائفي، ولو جاء في صورة «مزحة» أو إعادة نشر.\n\n"
            "فمثل هذه المنشورات قد تخالف النظام — ففي المملكة العربية السعودية مثلًا يعدّ "
            "نظام مكافحة الجرائم المعلوماتية التشهير بالآخرين والمساس بحياتهم الخاصة عبر "
            "وسائل تقنية المعلومات جرائم يعاقب عليها — أو تخالف ميثاق أخلاقيات الجمعية، أو "
            "تخالفهما معًا. وقد يهدم منشور واحد ثقة بناها المستفيدون والمتبرعون في عملنا على "
            "مدى سنوات.\n\n"
            "وتُعالَج المخالفات وفق الإجراءات التأديبية المعتمدة في الجمعية، وقد تنتهي "
            "بإنذار، أو بإعفاء المخالف من أي دور في قنواتنا، أو بإنهاء عمله أو تطوعه. وإذا "
            "خولف النظام فقد تتجاوز العواقب حدود الجمعية."
        ),
        (
            "Your personal accounts are yours, and the organisation respects that. But some "
            "content is never acceptable from anyone who works or volunteers with us, "
            "wherever it is posted:\n\n"
            "- hate speech against any group, including on grounds of religion, sect, tribe, "
            "origin, nationality, sex or disability;\n"
            "- threats of violence, or encouraging violence;\n"
            "- harassing, bullying, mocking or defaming others, including colleagues, donors "
            "and beneficiaries;\n"
            "- racist or sectarian content, even as a “joke” or a reshare.\n\n"
            "Such posts may break the law — in Saudi Arabia, for example, the Anti-Cyber "
            "Crime Law makes defaming others and invading their private life through "
            "information technology punishable offences — or the organisation's code of "
            "ethics, or both. A single post can also undo years of trust that beneficiaries "
            "and donors have placed in our work.\n\n"
            "Breaches are handled under the organisation's disciplinary procedures and may "
            "lead to a warning, removal from any role on our channels, or the end of "
            "employment or volunteering. Where the law is broken, the consequences can reach "
            "beyond the organisation."
        ),
    ),
    "personal.accountability": (
        (
            "أنت مسؤول عن كل ما تنشره أو تشاركه أو تبدي إعجابك به، حتى لو لم يخالف أي نظام. "
            "فالمنشور لا يلزم أن يكون مخالفًا للنظام حتى يؤذي مستفيدًا، أو يُحرج متبرعًا، أو "
            "يهزّ الثقة التي بنتها الجمعية.\n\n"
            "وكل ما تنشره يمكن تصويره، ومشاركته خارج الجمهور الذي اخترته، وربطه بالجمعية، ولا "
            "سيما إذا كان ملفك الشخصي أو صورك أو منشوراتك السابقة تكشف جهة عملك. وإعدادات "
            "الخصوصية تساعد، لكنها لا تضمن شيئًا؛ فلقطات الشاشة وأصدقاء الأصدقاء والصفحات "
            "المؤرشفة تصل أبعد مما تتوقع.\n\n"
            "قبل أن تنشر، اسأل نفسك:\n\n"
            "- هل أرتاح لو قرأ هذا مستفيد أو متبرع أو مديري؟\n"
            "- هل يكشف شيئًا عن شخص نخدمه أو عن عمل داخلي؟\n"
            "- هل أكتب وأنا غاضب؟ إن كان كذلك فانتظر ساعة.\n"
            "- هل سأبقى مقتنعًا به بعد عام من الآن؟\n\n"
            "وإن نشرت شيئًا ندمت عليه وكان يمسّ الجمعية، فأبلغ مسؤول التواصل فورًا لتتفقا "
            "معًا على طريقة إصلاحه. فالاعتراف المبكر بالخطأ خير دائمًا من أن يكتشفه غيرك."
        ),
        (
            "You are responsible for everything you post, share or like, even when it breaks "
            "no law. A post does not have to be illegal to hurt a beneficiary, embarrass a "
            "donor or shake the trust the organisation has built.\n\n"
            "Anything you post can be screenshotted, shared beyond the audience you chose and "
            "linked to the organisation — especially if your profile, photos or past posts "
            "show where you work. Privacy settings help, but they are no guarantee: "
            "screenshots, friends of friends and archived pages travel further than you "
            "expect.\n\n"
            "Before you post, ask yourself:\n\n"
            "- Would I be comfortable if a beneficiary, a donor or my manager read this?\n"
            "- Does it reveal anything about a person we serve, or about internal work?\n"
            "- Am I writing in anger? If so, wait an hour.\n"
            "- Will I still stand by it a year from now?\n\n"
            "If you post something you regret and it touches the organisation, tell the "
            "communications lead straight away so you can agree together how to put it right. "
            "Owning a mistake early is always better than having someone else find it."
        ),
    ),
    "speaking.guidance": (
        (
            "يستطيع كل موظف ومتطوع أن يساعد في إيصال عمل الجمعية إلى مزيد من الناس، وبعض "
            "العادات البسيطة تجعل هذه المساعدة مثمرة:\n\n"
            "- **شارك المنشورات الرسمية بدل أن تعيد صياغة معلوماتها بأسلوبك.** فالأرقام "
            "والتواريخ والأسماء في المنشورات الرسمية مدقّقة، أما إعادة الصياغة فكثيرًا ما "
            "تبتعد عن الدقة.\n"
            "- استخدم اسم الجمعية الرسمي ومعرّفاتها ووسومها كما وردت في هذه السياسة تمامًا، "
            "حتى تقود كل إشارة إلى المكان نفسه.\n"
            "- احكِ قصصًا حقيقية من عملك — ما تعلّمته وما أثّر فيك — بشرط موافقة أصحابها، "
            "ودون تفاصيل تكشف هوية المستفيدين.\n"
            "- لا تُجب بنفسك عن الأسئلة الصعبة أو الانتقادات أو طلبات وسائل الإعلام، مهما كنت "
            "واثقًا من الإجابة. اشكر السائل وأحِل طلبه إلى المتحدثين الرسميين المذكورين في "
            "هذه السياسة.\n"
            "- لا تتحدث باسم الجمعية ولا تعلن شيئًا نيابة عنها؛ تحدث بصفتك الشخصية، مع إضافة "
            "إخلاء المسؤولية حيث يلزم.\n"
            "- إن أخطأت في شيء فصحّحه علنًا — بتعديل المنشور أو إضافة تصحيح واضح — بدل حذفه "
            "في صمت.\n\n"
            "ويوفر فريق التواصل منشورات وصورًا جاهزة وإجابات عن الأسئلة الشائعة، فاطلبها منه "
            "متى أردت المساعدة."
        ),
        (
            "Every staff member and volunteer can help more people discover the "
            "organisation's work. A few habits make that help count:\n\n"
            "- **Share official posts rather than retelling the facts in your own words.** "
            "Figures, dates and names in official posts have been checked; retold versions "
            "drift.\n"
            "- Use the organisation's official name, handles and hashtags exactly as listed "
            "in this policy, so every mention leads back to the same place.\n"
            "- Tell true stories from your work — what you learned, what moved you — but only "
            "with the consent of the people in them, and without details that identify "
            "beneficiaries.\n"
            "- Do not answer hard questions, criticism or media requests yourself, however "
            "sure you are of the answer. Thank the person and pass the request to the "
            "official spokespeople named in this policy.\n"
            "- Do not speak for the organisation or announce anything on its behalf; speak as "
            "yourself, with the disclaimer where it applies.\n"
            "- If you get something wrong, correct it openly — edit the post or add a clear "
            "correction — rather than quietly deleting it.\n\n"
            "The communications team provides ready-made posts, images and answers to common "
            "questions: ask them whenever you want to help."
        ),
    ),
    # Added with the second catalogue (R1.6, R2.9–R2.11, R5.3–R5.5, R6.5–R6.6): what real
    # published policies ask for beyond the source article.
    "roles.lifecycle": (
        (
            "لا تُفتح باسم الجمعية قناة جديدة إلا بموافقة مسبقة. فمن يرى حاجة إلى حساب جديد "
            "يقدّم طلبًا في «سياسة» يبيّن فيه المنصة والاسم المقترح والجمهور المقصود، ولماذا لا "
            "يغني عنه حساب قائم، ومن سيكون مسؤولًا عنه. ويوافق على الطلب أو يرفضه من تخوّله "
            "هذه السياسة ذلك، ولا يُسجَّل الحساب ولا يُفتح قبل موافقته.\n\n"
            "- **كل حساب رسمي مدرج في سجل الحسابات**، ولا يوجد حساب للجمعية خارجه.\n"
            "- يُسجَّل لكل حساب تاريخ آخر نشاط فيه. والحساب الذي يمضي عليه ستة أشهر بلا نشر "
            "ولا رد يُراجَع: فإما أن يُعاد تفعيله بخطة واضحة، وإما أن يُغلق بعد إبلاغ متابعيه "
            "وتوجيههم إلى حساباتنا الأخرى.\n"
            "- الحساب المغلق لا يُحذف من سجل الحسابات؛ يبقى فيه بحالة «مغلق» حتى لا يستولي أحد على "
            "اسمه وينتحل صفتنا.\n"
            "- من يصادف حسابًا ينتحل اسم الجمعية أو شعارها يبلّغ مسؤول الحسابات فورًا، فيوثّقه "
            "ويبلّغ المنصة عنه، وننبّه متابعينا إن لزم."
        ),
        (
            "No new channel is opened in the organisation's name without approval first. "
            "Whoever sees the need for a new account asks for it in Siyasa, giving the "
            "platform, the proposed name, the audience it is for, why an existing account "
            "cannot serve them, and who would own it. The role this policy names approves or "
            "refuses the request, and the account is neither registered nor opened before "
            "that approval.\n\n"
            "- **Every official account is in the account registry**; the organisation has no "
            "account outside it.\n"
            "- Each account's last activity is recorded. An account with no post or reply for "
            "six months is reviewed: either it is revived with a clear plan, or it is closed "
            "after telling its followers where to find us instead.\n"
            "- A closed account is not deleted from the registry: it stays there as “closed”, "
            "so nobody can take over its name and pass themselves off as us.\n"
            "- Anyone who comes across an account imitating the organisation's name or logo "
            "tells the account owner at once; the account is documented and reported to the "
            "platform, and our followers are warned if needed."
        ),
    ),
    "security.recovery": (
        (
            "البريد الإلكتروني ورقم الجوال المرتبطان بحساب ما هما مفتاح استعادته؛ فمن يملكهما "
            "يستطيع أن يأخذ الحساب كله. لذلك:\n\n"
            "- يكون بريد الاستعادة لكل حساب صندوقًا مؤسسيًا على نطاق الجمعية (مثل صندوق "
            "مشترك لفريق التواصل)، لا بريدًا شخصيًا لموظف أو متطوع.\n"
            "- يكون رقم الاستعادة خطًا تملكه الجمعية، في جهاز مسجّل لديها، لا رقم جوال شخصي.\n"
            "- يُسجَّل العنوانان لكل حساب في «سياسة» — العنوان فقط، ولا يُكتب هنا أي رمز استعادة "
            "أبدًا — ويُحدَّثان فور تغيّرهما، ويُراجعان عند مغادرة أي شخص كان يصل إليهما.\n"
            "- رموز الاستعادة الاحتياطية تُحفظ في مدير كلمات المرور وحده."
        ),
        (
            "The e-mail address and phone number attached to an account are the keys to "
            "recovering it: whoever holds them can take the whole account. So:\n\n"
            "- Each account's recovery e-mail is an organisational mailbox on the "
            "organisation's domain (a shared mailbox of the communications team, for "
            "example), never a staff member's or volunteer's private address.\n"
            "- Its recovery phone is a line the organisation owns, in a device it has "
            "registered, never a personal mobile number.\n"
            "- Both addresses are recorded for every account in Siyasa — the address only; no "
            "recovery code is ever written here — updated as soon as they change, and checked "
            "whenever someone who could reach them leaves.\n"
            "- Backup recovery codes are kept in the password manager and nowhere else."
        ),
    ),
    "security.connected_apps": (
        (
            "أدوات الجدولة والتحليل والتطبيقات الأخرى المرتبطة بحساباتنا تستطيع أن تنشر "
            "باسمنا وأن تقرأ رسائلنا، فهي باب إضافي إلى الحساب ينبغي أن نعرفه ونغلقه متى "
            "انتهت الحاجة إليه.\n\n"
            "- لا يُربط تطبيق بحساب رسمي إلا بموافقة شخص محدد، ويُسجَّل في «سياسة»: اسم "
            "التطبيق، والغرض منه، ومن وافق عليه، ومتى رُبط، وباسم من يعمل.\n"
            "- تُراجَع التطبيقات المرتبطة مرة في السنة على الأقل، ويُفصل كل تطبيق لم نعد "
            "نستخدمه.\n"
            "- إذا غادر صاحب الربط الجمعية نُقل الربط إلى شخص آخر أو فُصل قبل آخر يوم عمل له."
        ),
        (
            "Scheduling tools, analytics services and other apps connected to our accounts "
            "can post in our name and read our messages: each is one more door into the "
            "account, which we should know about and close when it is no longer needed.\n\n"
            "- No app is connected to an official account without the approval of a named "
            "person, and it is recorded in Siyasa: its name, what it is for, who approved it, "
            "when it was connected and whose login it runs under.\n"
            "- Connected apps are reviewed at least once a year, and any app we no longer use "
            "is disconnected.\n"
            "- When the owner of a connection leaves the organisation, the connection is "
            "handed to someone else or removed before their last day."
        ),
    ),
    "security.passwords": (
        (
            "- كل كلمة مرور لحساب رسمي طويلة وفريدة، يولّدها مدير كلمات المرور ولا يختارها "
            "أحد بنفسه، ولا تُستعمل لأي حساب آخر.\n"
            "- لا تُرسل كلمات المرور عبر البريد أو المحادثات، ولا تُكتب على ورق أو في "
            "ملاحظات الجوال؛ تُشارَك من خلال مدير كلمات المرور فقط.\n"
            "- يتعرّف الفريق على رسائل التصيّد الموجّهة إلى الحسابات: رسائل «توثيق الحساب» "
            "أو «مخالفة حقوق النشر» أو «تعليق الحساب خلال ٢٤ ساعة» التي تطلب الدخول عبر "
            "رابط. لا تدخل من رابط في رسالة؛ افتح المنصة بنفسك وتحقق من الإشعار هناك.\n"
            "- من شكّ في رسالة أو أدخل بياناته في صفحة مريبة يبلّغ مسؤول الأمان فورًا، دون "
            "حرج؛ فالبلاغ السريع يقلّل الضرر."
        ),
        (
            "- Every password of an official account is long and unique, generated by the "
            "password manager rather than chosen by a person, and used for no other account.\n"
            "- Passwords are never sent by e-mail or chat, nor written on paper or in phone "
            "notes; they are shared through the password manager only.\n"
            "- The team learns to recognise phishing aimed at the accounts: messages about "
            "“verifying your account”, a “copyright violation” or “suspension within 24 "
            "hours” that ask you to sign in through a link. Never sign in from a link in a "
            "message: open the platform yourself and check the notice there.\n"
            "- Anyone who doubts a message, or has typed their details into a suspicious "
            "page, tells the security lead at once, without embarrassment: a quick report "
            "limits the damage."
        ),
    ),
    "personal.safety": (
        (
            "قد يصبح من يعمل في الشأن العام هدفًا للمضايقة، والجمعية مسؤولة عن مساندة فريقها.\n\n"
            "- راجع إعدادات الخصوصية في حساباتك الشخصية، وفكّر فيما تكشفه عن مكان سكنك وأسرتك "
            "وتحركاتك اليومية.\n"
            "- إن استُهدفت بسبب عملك معنا — بنشر معلوماتك الخاصة، أو بالمضايقة، أو بالتهديد — "
            "فلا تردّ، واحفظ لقطات للشاشة مع الروابط والتواريخ، وبلّغ المنصة، وأخبر مديرك "
            "ومسؤول الأزمات في اليوم نفسه.\n"
            "- التهديد بالأذى يُبلَّغ إلى الجهات المختصة، وتساعدك الجمعية في ذلك.\n"
            "- أثناء أي هجوم على الجمعية يحق لمن يدير الحسابات أن يأخذ استراحة، وأن يتناوب "
            "عليها مع زملائه، وأن يطلب الدعم؛ فلا يُترك أحد وحده أمام سيل الإساءة."
        ),
        (
            "People who work in public life can become targets of harassment, and the "
            "organisation is responsible for standing by its team.\n\n"
            "- Review the privacy settings of your personal accounts, and think about what "
            "they reveal about where you live, your family and your daily movements.\n"
            "- If you are targeted because of your work with us — your private details "
            "published, harassment or threats — do not reply; keep screenshots with links and "
            "dates, report it to the platform, and tell your manager and the crisis lead the "
            "same day.\n"
            "- Threats of harm are reported to the competent authorities, and the "
            "organisation helps you do so.\n"
            "- During any attack on the organisation, whoever runs the accounts may take a "
            "break, share the work in turns with colleagues and ask for support: nobody is "
            "left alone in front of a flood of abuse."
        ),
    ),
    "personal.neutrality": (
        (
            "الجمعية تخدم الجميع، وثقة الناس بها قائمة على حيادها.\n\n"
            "- لا تنحاز حسابات الجمعية الرسمية إلى أي جهة سياسية أو طائفية، ولا تروّج لمنتج "
            "أو شركة تجاريًا. وشكر الشركاء والرعاة على دعمهم أمر مختلف، ويكون وفق ما اتُّفق "
            "عليه معهم.\n"
            "- لا تُستخدم قنوات الجمعية ولا شعارها ولا اسمها في جمع تبرعات لغير الجمعية، ولا "
            "في حملات لا تخصها.\n"
            "- إذا عُرفتَ بصلتك بالجمعية فتجنّب الخوض في القضايا الخلافية العامة بطريقة قد "
            "تُنسب إليها، وإن شاركت فبيّن أن الرأي رأيك وحدك."
        ),
        (
            "The organisation serves everyone, and people's trust in it rests on its "
            "neutrality.\n\n"
            "- The official accounts take no side with any political or sectarian group, and "
            "do not promote any product or company commercially. Thanking partners and "
            "sponsors for their support is different, and follows what was agreed with them.\n"
            "- The organisation's channels, logo and name are not used to raise funds for "
            "anyone else, nor for campaigns that are not its own.\n"
            "- Where you are known to be connected to the organisation, avoid public "
            "controversies in a way that could be attributed to it; if you do take part, make "
            "clear the view is yours alone."
        ),
    ),
    "personal.consequences": (
        (
            "تتدرّج معالجة مخالفة هذه السياسة بحسب جسامتها وتكرارها:\n\n"
            "1. حديث مباشر مع المدير أو مسؤول التواصل لفهم ما حدث وتصحيحه؛\n"
            "2. تنبيه مكتوب، مع تدريب إن لزم؛\n"
            "3. سحب صلاحية النشر أو الرد على الحسابات الرسمية مؤقتًا أو نهائيًا؛\n"
            "4. الإجراءات التأديبية المعتمدة في الجمعية، وقد تصل إلى إنهاء العمل أو التطوع.\n\n"
            "يقرر ذلك المدير المباشر مع مسؤول السياسة، وفي الحالات الجسيمة الإدارة التنفيذية. "
            "ويُسمع من المعني قبل القرار، ويُسجَّل القرار وسببه."
        ),
        (
            "A breach of this policy is handled step by step, according to how serious it is "
            "and whether it is repeated:\n\n"
            "1. a direct conversation with the manager or communications lead to understand "
            "what happened and put it right;\n"
            "2. a written warning, with training where needed;\n"
            "3. removal of the right to publish or reply on the official accounts, for a time "
            "or for good;\n"
            "4. the organisation's disciplinary procedures, which can end employment or "
            "volunteering.\n\n"
            "The line manager decides with the policy owner, and the executive management in "
            "serious cases. The person concerned is heard before the decision, and the "
            "decision and its reason are recorded."
        ),
    ),
    "speaking.moderation": (
        (
            "نرحّب بالنقد والأسئلة على صفحاتنا، ولا نحذف تعليقًا لأنه ينتقدنا. لكن من يدير "
            "الحسابات:\n\n"
            "- **يُخفي** التعليق الذي يكشف بيانات شخصية لأحد المستفيدين أو غيرهم، أو يحمل "
            "روابط مريبة أو إعلانات، ثم يتواصل مع صاحبه إن أمكن؛\n"
            "- **يحذف** الإساءة والشتائم وخطاب الكراهية والتحريض، و**يبلّغ** المنصة عنها، "
            "ويبلّغ عن التهديد والاحتيال وانتحال صفة الجمعية؛\n"
            "- **يحظر** المستخدم بعد تكرار المخالفة رغم التنبيه، أو فورًا عند التهديد أو "
            "الاحتيال.\n\n"
            "ويُسجَّل كل قرار جسيم — الحذف والحظر والبلاغ — في سجل الإشراف في «سياسة»: الحساب، "
            "والتاريخ، وما الذي حدث، ولماذا، ومن قرّر. والسجل للفريق وحده، ويساعدنا على أن "
            "نكون منصفين ومتسقين."
        ),
        (
            "We welcome criticism and questions on our pages, and we do not remove a comment "
            "because it criticises us. But whoever runs the accounts:\n\n"
            "- **hides** a comment that reveals personal data about a beneficiary or anyone "
            "else, or carries suspicious links or advertising, and contacts its author where "
            "possible;\n"
            "- **removes** abuse, insults, hate speech and incitement and **reports** them to "
            "the platform, and reports threats, fraud and impersonation of the organisation;\n"
            "- **blocks** a user who keeps breaking the rules after a warning, or at once for "
            "threats or fraud.\n\n"
            "Every serious decision — a removal, a block, a report — is recorded in the "
            "moderation log in Siyasa: the account, the date, what happened, why, and who "
            "decided. The log is for the team only, and helps us stay fair and consistent."
        ),
    ),
    "speaking.house_rules": (
        (
            "أهلًا بك في صفحات الجمعية. نسعد بأسئلتك وآرائك وقصصك، وحتى تبقى هذه المساحة "
            "آمنة ونافعة للجميع نرجو منك:\n\n"
            "- الاحترام في الحوار، ولو اختلفت معنا أو مع غيرك؛\n"
            "- عدم نشر بيانات شخصية لك أو لغيرك، ولا سيما أرقام الهواتف والهويات؛\n"
            "- عدم نشر الإعلانات أو الروابط التجارية أو طلبات التبرع لغير الجمعية.\n\n"
            "وقد نخفي أو نحذف ما يخالف ذلك، ونحظر من يكرر المخالفة. ولطلبات المساعدة "
            "والاستفسارات الخاصة تواصل معنا عبر القنوات الرسمية المذكورة في هذه الصفحة، ولا "
            "تكتب بياناتك في التعليقات."
        ),
        (
            "Welcome to the organisation's pages. We are glad to hear your questions, views "
            "and stories. To keep this space safe and useful for everyone, please:\n\n"
            "- be respectful, even when you disagree with us or with others;\n"
            "- do not post personal data, yours or anyone else's, especially phone and ID "
            "numbers;\n"
            "- do not post advertising, commercial links or appeals for donations to anyone "
            "else.\n\n"
            "We may hide or remove what breaks these rules, and block anyone who keeps doing "
            "so. For requests for help and private questions, contact us through the official "
            "channels listed on this page, and do not write your details in the comments."
        ),
    ),
    "speaking.accessibility": (
        (
            "منشوراتنا لكل الناس، ومنهم ذوو الإعاقة البصرية والسمعية وكبار السن.\n\n"
            "- أضف لكل صورة نصًا بديلًا يصف ما فيها وما يهم منها، لا «صورة» فقط.\n"
            "- أضف ترجمة نصية مكتوبة لكل فيديو فيه كلام، ولا تعتمد على الترجمة الآلية دون "
            "مراجعة.\n"
            "- اكتب بلغة واضحة وجمل قصيرة، واشرح المصطلحات والاختصارات.\n"
            "- اكتب الوسوم اللاتينية المركبة بحرف كبير في أول كل كلمة، فاكتب \u200e#SaudiCharityWeek\u200e "
            "لا \u200e#saudicharityweek\u200e، حتى تقرأها برامج قراءة الشاشة كلمات منفصلة، وضع الوسوم في "
            "آخر المنشور.\n"
            "- لا تنقل المعنى باللون وحده، ولا تكتب نصًا مهمًا داخل صورة دون أن تكرره في "
            "المنشور."
        ),
        (
            "Our posts are for everyone, including people with visual or hearing impairments "
            "and older people.\n\n"
            "- Give every image alt text that describes what it shows and what matters in "
            "it, not just “photo”.\n"
            "- Give every video with speech written captions, and do not rely on automatic "
            "captions without checking them.\n"
            "- Write in plain language with short sentences, and explain terms and "
            "abbreviations.\n"
            "- Write multi-word Latin hashtags with a capital at the start of each word "
            "(#SaudiCharityWeek, not #saudicharityweek) so screen readers read them as "
            "separate words, and put hashtags at the end of the post.\n"
            "- Do not carry meaning by colour alone, and do not put important text inside an "
            "image without repeating it in the post."
        ),
    ),
}

# The stance on staff speaking about the organisation (R6.1); the organisation picks one.
STANCE_TEXTS: dict[str, tuple[str, str]] = {
    "encourage": (
        (
            "ترحّب الجمعية بمشاركة موظفيها ومتطوعيها في الأحاديث المتعلقة بعملها عبر حساباتهم "
            "الشخصية؛ فشهادتك المباشرة تساعد الناس على فهم ما نقوم به. وكلما شاركت فعرّف "
            "بنفسك وبصلتك بالجمعية، وأضف إخلاء المسؤولية الذي يوضح أن آراءك تخصك وحدك. والتزم "
            "بإرشادات هذه السياسة، واحفظ خصوصية المستفيدين، وأحِل الأسئلة الصعبة وطلبات وسائل "
            "الإعلام إلى المتحدثين الرسميين."
        ),
        (
            "The organisation welcomes staff and volunteers joining conversations about its "
            "work on their personal accounts: your first-hand view helps people understand "
            "what we do. Whenever you take part, say who you are and how you are connected to "
            "the organisation, and add the disclaimer that your opinions are your own. Follow "
            "the guidance in this policy, protect beneficiaries' privacy, and pass hard "
            "questions and media requests to the official spokespeople."
        ),
    ),
    "abstain": (
        (
            "تطلب الجمعية من موظفيها ومتطوعيها ألا يتحدثوا عنها في حساباتهم الشخصية: فلا "
            "يعلّقون على عملها، ولا يجيبون عن الأسئلة المتعلقة بها، ولا يناقشون قراراتها. "
            "فالذي يتحدث باسمها قنواتها الرسمية ومتحدثوها المعتمدون، حتى يصل إلى الناس كلام "
            "دقيق ومتسق. ولا حرج في مشاركة منشوراتها الرسمية أو إعادة نشرها كما هي. وإن سألك "
            "أحد عن الجمعية عبر الإنترنت، فوجّهه بلطف إلى قنواتها الرسمية."
        ),
        (
            "The organisation asks staff and volunteers not to speak about it on their "
            "personal accounts: not to comment on its work, answer questions about it or "
            "discuss its decisions. Its official channels and named spokespeople speak for "
            "it, so that what the public hears is accurate and consistent. You are welcome to "
            "share or repost the organisation's official posts as they are. If someone asks "
            "you about the organisation online, point them politely to its official channels."
        ),
    ),
    "middle": (
        (
            "تتبنى الجمعية طريقًا وسطًا: يمكن لموظفيها ومتطوعيها مشاركة محتواها الرسمي، "
            "والحديث في حساباتهم الشخصية عن عملهم بعبارات عامة — ما يقومون به وما تعلّموه — "
            "مع إضافة إخلاء المسؤولية دائمًا. أما ما يتعلق باستراتيجية الجمعية أو أموالها أو "
            "المستفيدين أو أي مسألة خلافية فليس مكانه الحسابات الشخصية؛ أحِل الأسئلة عنه إلى "
            "المتحدثين الرسميين، ودعهم يجيبون."
        ),
        (
            "The organisation takes a middle way. Staff and volunteers may share its official "
            "content and talk about their own work in general terms — what they do, what they "
            "have learned — on their personal accounts, always with the disclaimer. Anything "
            "about the organisation's strategy, finances, beneficiaries or any controversy "
            "does not belong on personal accounts: refer questions on these to the official "
            "spokespeople and let them answer."
        ),
    ),
}

# R6.2: the ready disclaimer staff copy into their bio or posts, (arabic, english).
# One sentence each.
DEFAULT_DISCLAIMER: tuple[str, str] = (
    "أعمل مع الجمعية، وما أنشره هنا يعبّر عن آرائي الشخصية ولا يمثّل الجمعية.",
    "I work with the organisation, and the views I share here are my own, not the organisation's.",
)


def default_text(key: str, stance: str) -> tuple[str, str]:
    """Siyasa's (Arabic, English) text of block `key` for an organisation with `stance`: the
    stance block (R6.1) has one text per stance, every other block one text."""
    return STANCE_TEXTS[stance] if key == "speaking.stance" else DEFAULT_TEXTS[key]
