# كلمات سمة 'hub' بالعربية (right to left).
#
# For an Arabic speaker to check (written by the hubsite team, not yet reviewed): Modern
# Standard Arabic, addressed to one reader; 'Shift' is left in Latin letters as it is printed
# on keyboards. Messages not here are shown in English until
# translated; `hubsite check` lists them for a site in Arabic.

## The page around the content

# The language's own name for itself, as the language switcher shows it.
language-name = العربية
# The language switcher's label (a list of the site's languages).
language-switcher-label = اللغات
# The switcher's link to this language's home page, when the page the reader is on has not been
# translated into it ($language is language-name).
language-home-instead = الصفحة الرئيسية العربية (هذه الصفحة غير متوفرة بالعربية)

skip-to-content = انتقل إلى المحتوى الرئيسي
nav-label = الرئيسية
nav-programme = البرنامج
nav-self-help = المساعدة الذاتية
nav-directory = الدليل
nav-resources = الموارد
nav-search = البحث
search-label = ابحث في هذا الموقع
search-button = بحث

## 'Exit this page'

exit-this-page = غادر هذه الصفحة
exit-leave-quickly = غادر بسرعة
exit-or-press-shift = ، أو اضغط على Shift ثلاث مرات
hide-your-visit = كيف تخفي زيارتك
exit-activated = تم تفعيل مغادرة الصفحة
exit-expired = انتهت مهلة مغادرة الصفحة
exit-press-two-more = Shift، اضغط مرتين أخريين
exit-press-one-more = Shift، اضغط مرة أخرى
exit-loading = جارٍ التحميل

## 'Get help now'

help-now-title = احصل على المساعدة الآن
help-now-when = { $when }:
help-now-call = اتصل على { $phone_html }
help-now-website = موقع { $name }

## The footer

footer-support-links = روابط الدعم
footer-accessibility = بيان إمكانية الوصول
footer-privacy = الخصوصية
footer-hide-your-visit = كيف تخفي زيارتك
footer-about-the-week = عن الأسبوع
footer-run-by = يدير { $site } { $organisation_html }.
footer-contact = { $ways ->
    [both] اتصل بنا: الهاتف { $phone_html }، أو البريد الإلكتروني { $email_html }
    [phone] اتصل بنا: الهاتف { $phone_html }
   *[email] اتصل بنا: البريد الإلكتروني { $email_html }
  }
footer-no-tracking = لا يضع هذا الموقع ملفات تعريف الارتباط ولا يتتبعك.

## Breadcrumbs and the page not found

breadcrumb-label = مسار التنقل
breadcrumb-home = الصفحة الرئيسية
not-found-title = الصفحة غير موجودة
not-found-typed = إذا كتبت عنوان الصفحة، فتحقق من أنه صحيح.
not-found-pasted = إذا لصقت عنوان الصفحة، فتحقق من أنك نسخت العنوان كاملًا.
not-found-go-to = يمكنك الانتقال إلى:
not-found-home = الصفحة الرئيسية

## Topics

topics-title = المواضيع
topics-lead = كل ما في هذا الموقع، حسب الموضوع.

## Search

search-title = البحث
search-description = ابحث في كل ما في { $site }.
search-query-label = ابحث عن الجلسات والنصائح والدعم
search-hint = تظهر النتائج أثناء الكتابة. ما تكتبه يبقى على هذا الجهاز: لا يُحفظ ولا يُرسل إلى أي مكان.
search-show = عرض
search-kind-all = الكل
search-kind-page = صفحة
search-kind-self-help = المساعدة الذاتية
search-kind-session = جلسة
search-kind-service = خدمة
search-kind-resource = مورد
search-kind-topic = موضوع
search-nojs-title = البحث لا يعمل في هذا المتصفح
search-nojs-text = يحتاج البحث إلى JavaScript، وهو متوقف أو محظور هنا. لا يزال بإمكانك العثور على كل شيء في هذا الموقع بالتصفح:
search-browse-a-to-z = الدعم المحلي من الألف إلى الياء
search-browse-topics = المواضيع
search-browse-programme = برنامج الجلسات
search-browse-self-help = المساعدة الذاتية
search-browse-home = الصفحة الرئيسية
search-more = عرض المزيد من النتائج
# { $number } هو عدد النتائج كما يكتبه السكربت؛ { $count } يختار صيغة الجمع فقط.
search-result-count = { $count ->
    [zero] لا نتائج لـ «{ $query }»
    [one] نتيجة واحدة لـ «{ $query }»
    [two] نتيجتان لـ «{ $query }»
    [few] { $number } نتائج لـ «{ $query }»
    [many] { $number } نتيجة لـ «{ $query }»
   *[other] { $number } نتيجة لـ «{ $query }»
  }
search-result-count-kind = { $count ->
    [zero] لا نتائج لـ «{ $query }» في فئة { $kind }
    [one] نتيجة واحدة لـ «{ $query }» في فئة { $kind }
    [two] نتيجتان لـ «{ $query }» في فئة { $kind }
    [few] { $number } نتائج لـ «{ $query }» في فئة { $kind }
    [many] { $number } نتيجة لـ «{ $query }» في فئة { $kind }
   *[other] { $number } نتيجة لـ «{ $query }» في فئة { $kind }
  }
search-no-results = لا توجد نتائج لـ «{ $query }». تحقّق من الإملاء، أو جرّب كلمات أقل أو مختلفة، أو تصفّح الموقع بدلًا من ذلك.
search-no-results-kind = لا توجد نتائج لـ «{ $query }» في فئة { $kind }. تحقّق من الإملاء، أو جرّب كلمات أقل أو مختلفة، أو تصفّح الموقع بدلًا من ذلك.
search-failed = البحث لا يعمل الآن. حاول مرة أخرى، أو تصفّح الموقع بدلًا من ذلك.
search-kind-in-section = { $kind } في { $section }

## Pages, sections and topics

page-reading-time = قراءة في { $minutes } دقائق
page-contents = المحتويات
related-services = خدمات يمكنها المساعدة
related-resources = قراءة ومشاهدة إضافية
related-resources-more = المزيد في مكتبة الموارد
page-last-reviewed = آخر مراجعة في { $date_html }
page-published = نُشر في { $date_html }
section-children = في هذا القسم
section-by-topic = حسب الموضوع
topic-pages = الصفحات
topic-sessions = الجلسات
topic-resources = الموارد
topic-resources-more = موارد عن { $topic } في المكتبة
topic-empty = لا يوجد شيء عن هذا الموضوع بعد.

## The home page

home-find-support = ابحث عن دعم محلي
home-happening-now = يحدث الآن
home-coming-up = قريبًا
home-more-from = المزيد من { $site }

## The directory of local support (its pages, filters and cards)
# For an Arabic speaker to check (not yet reviewed): the names of the levels and kinds of help,
# and the plural forms of 'خدمة' and 'مورد' after numbers.

level-universal = شاملة
level-targeted = موجَّهة
level-specialist = متخصصة
level-phrase-universal = مساعدة متاحة لكل أسرة
level-phrase-targeted = مساعدة إضافية حين تصعب الأمور
level-phrase-specialist = دعم أكثر كثافة وتخصصًا
level-description-universal = متاحة لكل أسرة، دون حاجة إلى إحالة.
level-description-targeted = مساعدة إضافية لفترة، حين تصعب الأمور.
level-description-specialist = دعم مكثف للأسر التي تحتاج إليه، غالبًا بإحالة.
directory-pathway-span = من { $lightest } إلى { $heaviest }
directory-pathway-title = مسار الدعم
directory-support-goes = يمتد الدعم { $pathway }:
directory-description = خدمات للأسر.
directory-description-pathway = خدمات للأسر: { $pathway }.
directory-lead = دعم محلي للأسر.
directory-lead-pathway = دعم محلي للأسر، { $pathway }.
directory-family-hubs-first = مراكز الأسرة مدرجة أولًا.
directory-print = الدليل للطباعة أو الحفظ:
directory-print-copy = كتيّب { $paper } (PDF، { $size })
directory-print-or = أو
directory-service-count = { $count ->
    [zero] لا خدمات
    [one] خدمة واحدة
    [two] خدمتان
    [few] { $count } خدمات
    [many] { $count } خدمة
   *[other] { $count } خدمة
  }
directory-filter-title = تصفية الخدمات
directory-filter-search = ابحث في الدليل
directory-filter-any = الكل
directory-working-with-families = هل تعمل مع الأسر؟
directory-how-to-refer = كيف تحيل أسرة إلى هذه الخدمات
directory-all-services = كل الخدمات
directory-browse-by = تصفّح حسب
directory-all-a-to-z = كل الخدمات أبجديًا
directory-a-to-z-title = الخدمات أبجديًا
directory-a-to-z-summary = كل خدمة في الدليل، حسب الاسم.
directory-letters = الحروف
directory-filter-lead = { $count ->
    [zero] لا خدمات
    [one] خدمة واحدة
    [two] خدمتان
    [few] { $count } خدمات
    [many] { $count } خدمة
   *[other] { $count } خدمة
  } لـ{ $facet }: { $value }.
directory-filter-summary = خدمات الدليل لـ{ $facet }: { $value }.

facet-category = الفئة
facet-level = مستوى الدعم
facet-age = العمر
facet-cost = التكلفة
facet-access = طريقة الوصول
facet-language = اللغة
facet-open = مفتوح يوم
age-under-5 = دون 5
age-5-to-11 = من 5 إلى 11
age-12-to-17 = من 12 إلى 17
age-18-to-25 = من 18 إلى 25
age-adults = البالغون

category-counselling = الإرشاد النفسي
category-mediation = الوساطة
category-parenting-programme = برامج التربية الوالدية
category-relationship-support = دعم العلاقات
category-domestic-abuse = دعم ضحايا العنف الأسري
category-money-advice = المشورة المالية
category-family-hub = مراكز الأسرة
category-drop-in = جلسات دون موعد
category-health = الصحة
category-helpline = خطوط المساعدة
category-peer-support = دعم الأقران
category-online = الدعم عبر الإنترنت
access-self-referral = إحالة ذاتية
access-professional-referral = إحالة من مختص
access-drop-in = دون موعد
delivery-in-person = حضوريًا
delivery-online = عبر الإنترنت
delivery-phone = بالهاتف
service-audience-families = الأسر
service-audience-practitioners = المختصون
service-audience-both = الأسر والمختصون
consent-written = تلزم موافقة الأسرة كتابةً
consent-verbal = يجب أن توافق الأسرة على الإحالة (تكفي الموافقة الشفهية)
consent-informed = أخبر الأسرة بأنك تحيلها
day-monday = الاثنين
day-tuesday = الثلاثاء
day-wednesday = الأربعاء
day-thursday = الخميس
day-friday = الجمعة
day-saturday = السبت
day-sunday = الأحد
days-range = من { $first } إلى { $last }
days-and = { $list } و{ $last }
opening-hours = { $days }، { $opens } إلى { $closes }
opening-at = في { $place }
ages-range = الأعمار من { $youngest } إلى { $oldest }
ages-from = الأعمار من { $youngest } فما فوق
ages-up-to = حتى عمر { $oldest }
cost-free = مجانًا
cost-paid = بمقابل
cost-charge = هناك رسوم

report-change-subject = تغيير في { $what }
report-change-service = إدخال الدليل { $name } ({ $id })
report-change-library = مكتبة الموارد ({ $title })

home-self-help-guides = { $count ->
    [zero] لا أدلة للأسر.
    [one] دليل واحد للأسر.
    [two] دليلان للأسر.
    [few] { $count } أدلة للأسر.
    [many] { $count } دليلًا للأسر.
   *[other] { $count } دليل للأسر.
  }
home-directory-services = { $count ->
    [zero] لا خدمات قريبة منك
    [one] خدمة واحدة قريبة منك
    [two] خدمتان قريبتان منك
    [few] { $count } خدمات قريبة منك
    [many] { $count } خدمة قريبة منك
   *[other] { $count } خدمة قريبة منك
  }
home-directory-including = ، منها
list-and = و
list-or = أو

## A service's page and the guide for practitioners

service-family-hub = مركز أسرة
service-key-facts = معلومات أساسية
service-run-by = تديرها { $organisation }
service-referred-by-practitioners = يحيل المختصون الأسر إلى هذه الخدمة: تحدّث إلى مركز الأسرة أو الزائر الصحي أو المدرسة أو الطبيب العام.
service-please-note = يُرجى الملاحظة:
service-details = التفاصيل
service-level = مستوى الدعم
service-category = الفئة
service-who-for = لمن هي
service-how-to-get-referred = كيف تحصل على إحالة
service-delivery = كيف تُقدَّم
service-cost = التكلفة
service-languages = اللغات
service-area = المنطقة
service-accreditations = الاعتمادات
service-opening-times = أوقات العمل
service-where = المكان
service-map = خريطة { $place } على OpenStreetMap
service-accessibility = إمكانية الوصول: { $notes }
service-contact = التواصل
service-ask-for = اطلب: { $person }
contact-phone = الهاتف: { $phone_html }
contact-email = البريد الإلكتروني: { $email_html }
service-no-contact = لا توجد بيانات تواصل.
service-route-title = للمختصين: كيف تُحيل
service-guide-link = الإحالة إلى خدمات أخرى: دليل المختصين
service-related-self-help = مساعدة ذاتية ذات صلة
service-related-resources = موارد ذات صلة
service-last-checked = آخر تحقق في { $date_html }.
service-report-change = أبلغ عن تغيير في هذا الإدخال
route-who = من يمكنه الإحالة
route-how = كيف تُحيل
route-form = استمارة الإحالة إلى { $service }
route-include = ما يجب تضمينه
route-response = متى يردّون
route-consent = الموافقة
guide-title = إحالة أسرة: دليل للمختصين
guide-summary = إلى أين تُحال الأسرة، وأي خدمة تناسب أي حاجة، وكيف تتم كل إحالة.
guide-intro = هذا الدليل لكل من يعمل مع الأسر: موقع كل خدمة على مسار الدعم، وأي خدمة تناسب أي حاجة، وكيف تُحال الأسرة إلى كل منها. ويمكن للأسر استخدام { $directory_html } بأنفسها.
guide-directory-link = دليل الدعم المحلي
guide-which-service = أي خدمة ومتى
guide-routes = كيف تُحيل إلى كل خدمة
guide-pathway-lead = من المساعدة المتاحة لكل أسرة إلى الدعم المتخصص: كل مستوى، وأنواع المساعدة فيه، والخدمات التي تقدمها.
guide-by-referral = بإحالة من المختصين
guide-how-to-refer = كيف تُحيل
guide-how-to-refer-to = إلى { $service }
guide-not-where-abuse = ليس حيث يوجد عنف أسري:
guide-joint-work-note = بعض هذه الخدمات تعمل مع الشريكين معًا، وهذا غير آمن حين يسيء أحد الشريكين إلى الآخر أو يتحكم فيه.
guide-refer-to = أحِل إلى
guide-instead = بدلًا من ذلك.
guide-services = الخدمات:
guide-service-meta = { $organisation }. دعم { $level }. لـ: { $audience }.
guide-joint-work = تعمل مع الشريكين معًا:
guide-joint-work-abuse = ليس حيث يوجد عنف أسري.
guide-how-families-get-there = كيف تصل إليها الأسر
guide-tell-us = أخبرنا
guide-give-feedback = أرسل ملاحظاتك
guide-report-change = أبلغ عن تغيير في هذا الدليل
category-description-domestic-abuse = دعم متخصص لكل من تعرّض للأذى من شريك أو أحد أفراد الأسرة: تخطيط للسلامة ومناصرة ودعم للأطفال. حيث يوجد عنف، أحِل إلى هنا أولًا، ولا تُحِل أبدًا إلى عمل مشترك مع الشريكين.
category-description-mediation = تساعد الوساطة الوالدين المنفصلين على الاتفاق على ترتيبات أطفالهما والمال، معًا أو كلٌّ على حدة مع وسيط محايد. وهي ليست علاجًا، وليست آمنة حين يسيء أحد الوالدين إلى الآخر أو يخافه.
category-description-counselling = يمنح الإرشاد النفسي شخصًا أو زوجين أو شابًا وقتًا مع مرشد مدرَّب للحديث عن المشاعر والعلاقات. وهو ينظر في ما يشعر به الناس ولماذا، لا في الاتفاق على ترتيبات.
category-description-parenting-programme = دورات جماعية أو فردية تبني مهارات التربية والثقة على مدى عدة أسابيع.
category-description-relationship-support = مساعدة للوالدين اللذين تمر علاقتهما بضغط، معًا أو منفصلين، ليقلّ خلافهما ويزيد تعاونهما من أجل أطفالهما.
category-description-money-advice = مشورة بشأن الديون والإعانات والميزانية: فهموم المال كثيرًا ما تكون وراء الخلاف في البيت.
category-description-family-hub = مراكز الأسرة هي أول مكان تقصده: فهي تقدم معظم المساعدة في هذا الدليل أو تجدها.
category-description-drop-in = جلسات يمكن للأسر حضورها دون حجز أو إحالة.
category-description-health = خدمات صحية للوالدين والأطفال، ومنها الصحة النفسية.
category-description-helpline = خطوط هاتفية يمكن للأسر الاتصال بها بأنفسها، وغالبًا في أي ساعة.
category-description-peer-support = دعم من آباء وأمهات آخرين مرّوا بتجربة مشابهة.
category-description-online = مساعدة عبر الإنترنت، للأسر التي لا تستطيع الحضور شخصيًا أو تفضّل ألا تحضر.

## The resource library and follow-on materials

resources-summary = محاضرات ومقالات ومقاطع فيديو وأدلة عملية عن العلاقات، اختيرت للأسر ولمن يعملون معها.
resources-count = { $count ->
    [zero] لا موارد
    [one] مورد واحد
    [two] موردان
    [few] { $count } موارد
    [many] { $count } موردًا
   *[other] { $count } مورد
  }. الروابط تؤدي إلى مواقع أخرى.
resources-browse = تصفّح المكتبة
resources-all = كل الموارد
resources-by-kind = حسب النوع
resources-by-topic = حسب الموضوع
resources-report-change = أبلغ عن رابط معطّل أو تغيير في مورد
resources-kind-title = الموارد: { $kinds }
resources-topic-title = موارد عن { $topic }
material-kind-video = فيديو
material-kind-talk = محاضرة
material-kind-article = مقال
material-kind-slides = شرائح
material-kind-handout = نشرة
material-kind-toolkit = دليل عملي
material-kind-website = موقع إلكتروني
material-kind-podcast = بودكاست
material-kinds-video = مقاطع فيديو
material-kinds-talk = محاضرات
material-kinds-article = مقالات
material-kinds-slides = شرائح
material-kinds-handout = نشرات
material-kinds-toolkit = أدلة عملية
material-kinds-website = مواقع إلكترونية
material-kinds-podcast = بودكاست
material-from = من { $source }
duration-minutes = { $minutes ->
    [zero] 0 دقيقة
    [one] دقيقة واحدة
    [two] دقيقتان
    [few] { $minutes } دقائق
   *[other] { $minutes } دقيقة
  }
duration-hours = { $hours ->
    [one] ساعة واحدة
    [two] ساعتان
    [few] { $hours } ساعات
   *[other] { $hours } ساعة
  }
duration-hours-minutes = { $hours ->
    [one] ساعة واحدة
    [two] ساعتان
    [few] { $hours } ساعات
   *[other] { $hours } ساعة
  } و{ $minutes ->
    [one] دقيقة واحدة
    [two] دقيقتان
    [few] { $minutes } دقائق
   *[other] { $minutes } دقيقة
  }

## The week's booklet (its page)

booklet-theme = الموضوع: { $theme }
booklet-published-by = نشرته { $publisher }.
booklet-programme-online = البرنامج على الإنترنت:
booklet-download = نزّل الكتيّب (PDF، { $size })
booklet-introduction = مقدمة
booklet-further = موارد إضافية
booklet-cancelled = أُلغيت هذه الجلسة.
booklet-led-by = يقدّمها { $hosts }.
booklet-recording = التسجيل
booklet-materials = مواد المتابعة
booklet-no-materials = لم تُشارَك أي مواد بعد هذه الجلسة.
booklet-further-lead = المزيد من { $library_html } عن مواضيع هذا الأسبوع.
booklet-resource-library = مكتبة الموارد
booklet-feedback-title = أخبرنا برأيك
booklet-give-feedback = أرسل ملاحظاتك عن { $title }
booklet-back = العودة إلى البرنامج
booklet-title = { $week }: الكتيّب
booklet-recording-of = تسجيل { $title }
booklet-feedback-qr = رمز QR لإبداء الرأي في { $week }

## المستندات المطبوعة (ملف PDF للكتيّب وملفات PDF للدليل المطبوع)

pdf-page-of = الصفحة { $page } من { $pages }
pdf-go-to = انتقل إلى { $title }
printed-directory-title = { $site }: دليل الدعم المحلي
printed-directory-made-on = أُعدّ في { $date }
printed-directory-description = { $title }، طبعة { $paper }.
printed-directory-how-to-use = الخدمات مجمّعة حسب مستوى الدعم، ثم حسب نوع المساعدة التي تقدّمها. يذكر كل إدخال لمن الخدمة، وكيف تصل إليها، وكم تكلّف، وكيف تتواصل معها، مع رمز QR يقود إلى صفحتها على الموقع حيث تُحدَّث باستمرار: راجعها قبل أن تحيل أسرة إليها.
printed-directory-online = الدليل على الإنترنت:
printed-level-universal = الدعم الشامل
printed-level-targeted = الدعم الموجَّه
printed-level-specialist = الدعم المتخصص
printed-directory-resources = موارد على الإنترنت
printed-directory-resources-lead = مساعدة يمكن للأسر استخدامها في المنزل في أي وقت: مواقع إلكترونية ومقاطع فيديو وأدلة.
printed-directory-index = الفهرس
printed-directory-index-lead = المواضيع وأنواع المساعدة مرتّبة أبجديًا، مع صفحة كل خدمة.
printed-directory-help-now-lead = أرقام للاتصال بها عندما يحتاج أحد إلى المساعدة الآن، وخدمات تساعد من لا يشعرون بالأمان في المنزل.
printed-directory-safety = خدمات الأمان
printed-service-access = كيف تصل إليها
printed-service-website = الموقع الإلكتروني
printed-service-open = مفتوح
printed-service-online = على الإنترنت: { $address }

## Audiences

audience-for-practitioners = للممارسين
audience-for-practitioners-note = مكتوب للعاملين مع الأسر.
audience-filter-title = لمن هو

## Booking states
# Arabic has six plural forms; each is written out.

booking-opens = يبدأ الحجز في { $date }
booking-open = الحجز مفتوح
booking-closed = الحجز مغلق
happening-now = يجري الآن
finished = انتهت
cancelled = أُلغيت
waiting-list = قائمة الانتظار
fully-booked = مكتملة الحجز
no-need-to-book = لا حاجة إلى الحجز
places-left = { $count ->
    [zero] لا أماكن متبقية
    [one] مكان واحد متبقٍ
    [two] مكانان متبقيان
    [few] { $count } أماكن متبقية
    [many] { $count } مكانًا متبقيًا
   *[other] { $count } مكان متبقٍ
  }
booking-open-places-left = الحجز مفتوح: { $count ->
    [zero] لا أماكن متبقية
    [one] مكان واحد متبقٍ
    [two] مكانان متبقيان
    [few] { $count } أماكن متبقية
    [many] { $count } مكانًا متبقيًا
   *[other] { $count } مكان متبقٍ
  }

## The programme: weeks, their sessions, filters, session pages, hosts, posters, 'My sessions'
# For an Arabic speaker to check: the plural forms of 'جلسة' and 'أسبوع'; the audiences' names
# after 'لـ'; the page's script fills in "{count}" with its own digits and always takes the
# 'other' form for more than one (a known limit of the script).

weeks-past = أسابيع سابقة
weeks-summary = { $count ->
    [one] أسبوع واحد
    [two] أسبوعان
    [few] { $count } أسابيع
   *[other] { $count } أسبوعًا
  } من الجلسات{ $when ->
    [both] ، سابقة وقادمة
    [past] ، انتهت
   *[coming] {""}
  }.
week-theme = الموضوع: { $theme }
week-show-all = عرض كل جلسات { $week }
week-about-link = عن هذا الأسبوع وتقويمه وملصقه
week-about = عن هذا الأسبوع
week-audience = لمن هو:
week-subscribe = اشترك في الأسبوع كله في تقويمك
week-download-ics = نزّل تقويم الأسبوع (.ics)
week-poster = ملصق للطباعة برموز QR
week-booklet = الكتيّب: تسجيلات كل جلسة وموادها
week-feedback = شاركنا رأيك في { $week }
week-organised-by = من تنظيم
week-questions = { $ways ->
    [both] أسئلة عن الأسبوع: راسلنا على { $email_html } أو اتصل على { $phone }.
    [phone] أسئلة عن الأسبوع: اتصل على { $phone }.
   *[email] أسئلة عن الأسبوع: راسلنا على { $email_html }.
  }
filter-sessions = تصفية الجلسات
filter-hint = اختر قيمًا من عوامل تصفية مختلفة للجمع بينها؛ واختر القيمة مرة أخرى لإلغائها.
sessions-count = { $count ->
    [zero] لا جلسات
    [one] جلسة واحدة
    [two] جلستان
    [few] { $count } جلسات
    [many] { $count } جلسة
   *[other] { $count } جلسة
  }
filter-day = اليوم
filter-time-of-day = وقت اليوم
filter-part-of-week = أيام الأسبوع أو عطلة نهاية الأسبوع
filter-audience = لمن هي
filter-format = الشكل
filter-cost = التكلفة
filter-childcare = الأطفال
filter-topic = الموضوع
time-of-day-morning = الصباح
time-of-day-afternoon = بعد الظهر
time-of-day-evening = المساء
part-of-week-weekday = أيام الأسبوع
part-of-week-weekend = عطلة نهاية الأسبوع
format-online = عبر الإنترنت
format-in-person = حضوريًا
format-hybrid = حضوريًا وعبر الإنترنت
audience-parents = الآباء والأمهات ومقدمو الرعاية
audience-families = العائلات
audience-practitioners = المختصون
audience-young-people = الشباب
audience-community = المجتمع
family-cost = التكلفة
family-children = الأطفال
family-ages = الأعمار
family-refreshments = المرطبات
family-help-getting-there = المساعدة في الوصول
family-parking = مواقف السيارات
family-step-free-route = طريق بلا درجات
childcare-creche = حضانة
childcare-children-welcome = الأطفال مرحّب بهم
childcare-none = لا رعاية للأطفال
family-ages-card = الأعمار { $ages }
card-when = متى:{" "}
card-where = أين:{" "}
card-for-families = للعائلات:{" "}
card-audience = لـ{ $audience }.
card-with = مع { $hosts }
place-online = عبر الإنترنت
place-online-on = عبر الإنترنت: { $platform }
place-or-online = { $venue }، أو عبر الإنترنت
place-or-online-on = { $venue }، أو عبر الإنترنت: { $platform }
session-when = متى
session-format = الشكل
session-where = أين
session-audience = لمن هي
session-booking = الحجز
session-uk-time = بتوقيت المملكة المتحدة
session-map = خريطة { $venue }
session-or-online = أو عبر الإنترنت
session-online = عبر الإنترنت
session-other-dates = مواعيد أخرى فيها أماكن
session-ask-organisers = اسأل المنظمين عن طرق أخرى للمشاركة، أو ليخبروك إذا توفر مكان:
session-will-be-recorded = ستُسجَّل هذه الجلسة: { $recording_html }.
session-follow-on = مواد للمتابعة
session-about = عن هذه الجلسة
session-led-by = يقدّمها
session-led-by-host = جلسات يقدّمها { $name }
session-access = الوصول وسهولة الدخول
session-accessibility = إمكانية الوصول
session-captions = ترجمة نصية مباشرة
session-bsl = ترجمة إلى لغة الإشارة البريطانية (BSL)
session-languages = اللغات: { $languages }
session-interpreters = المترجمون: { $languages }
session-add-to-calendar = أضفها إلى تقويمك
session-download-ics = نزّل ملف تقويم (.ics) لـ{ $title }
session-google = أضف { $title } إلى تقويم Google
session-outlook = أضف { $title } إلى Outlook
session-topics = المواضيع
session-related-self-help = مساعدة ذاتية ذات صلة
session-related-resources = موارد ذات صلة
session-booklet = اقرأ كتيّب { $week }: مواد كل جلسة في مكان واحد
back-to-programme = العودة إلى برنامج { $week }
step-not-open = الحجز لم يُفتح بعد
step-opens-at = يُفتح الحجز في { $moment }.
step-closes-at = يُغلق الحجز في { $moment }.
moment = { $time } يوم { $day }
step-closed = الحجز مغلق
step-closed-line = أُغلق الحجز لهذه الجلسة.
step-now = تجري الآن
step-join = انضم إلى الجلسة
step-use-link = استخدم رابط الانضمام الذي أُرسل إليك عند الحجز.
step-started = بدأت الجلسة.
step-finished = انتهت هذه الجلسة
step-watch = شاهد تسجيل { $title }
step-feedback = أخبرنا برأيك في { $title }
step-no-materials = لا توجد مواد متابعة لهذه الجلسة بعد.
step-cancelled = أُلغيت
step-cancelled-line = أُلغيت هذه الجلسة.
step-cancelled-because = أُلغيت هذه الجلسة. { $reason }
step-waiting = انضم إلى قائمة الانتظار
step-waiting-line = هذه الجلسة مكتملة. انضم إلى قائمة الانتظار وسنتواصل معك إذا توفر مكان.
step-full = مكتملة الحجز
step-no-places = لا توجد أماكن متبقية.
step-no-need = لا حاجة إلى الحجز
step-just-come = احضر فقط.
step-book = احجز مكانًا
step-places-left = { $count ->
    [zero] لا أماكن متبقية.
    [one] مكان واحد متبقٍ.
    [two] مكانان متبقيان.
    [few] { $count } أماكن متبقية.
    [many] { $count } مكانًا متبقيًا.
   *[other] { $count } مكان متبقٍ.
  }
step-link-sent = يُرسل رابط الانضمام عند الحجز.
book-form = احجز مكانًا: { $title }
book-form-waiting = انضم إلى قائمة الانتظار: { $title }
book-email = احجز بالبريد الإلكتروني: { $address }
book-email-waiting = انضم إلى قائمة الانتظار بالبريد الإلكتروني: { $address }
book-phone = احجز بالهاتف: { $number }
book-phone-waiting = انضم إلى قائمة الانتظار بالهاتف: { $number }
book-email-subject = حجز: { $title } ({ $day }، { $week })
calendar-fact = { $label }: { $text }
calendar-book-form = احجز: { $url }
calendar-details = التفاصيل: { $url }
calendar-online-on = عبر الإنترنت ({ $platform })
instead-subject = جلسة مكتملة: { $title }
instead-email = راسل المنظمين: { $address }
instead-phone = اتصل بالمنظمين: { $number }
instead-recording = تسجيل { $title }، بعد نشره
instead-other-date = { $title }، { $day } الساعة { $time }
host-summary = { $count ->
    [0] جلسات يقدّمها { $name }.
   *[other] جلسات يقدّمها { $name } في { $weeks }.
  }
host-people = من يقدّمها
host-sessions = الجلسات
poster-scan = امسح رمزًا بكاميرا هاتفك للحجز، أو اكتب العنوان المكتوب تحته.
child-ages-range = من { $from } إلى { $to }
child-ages-range-months = من { $from } إلى { $to } شهرًا
child-ages-over = { $from } فما فوق
child-ages-over-months = { $from } شهرًا فما فوق
date-range = من { $from } إلى { $to }
filter-page-for = لـ{ $value }
filter-page-at-the = في { $value }
filter-page-on = عن { $value }

## 'My sessions'

my-sessions-add = أضف إلى جلساتي
my-sessions-remove = أزل من جلساتي
my-sessions-add-name = أضف إلى جلساتي: { $title }
my-sessions-remove-name = أزل من جلساتي: { $title }
my-sessions-count-none = لا جلسات في جلساتي بعد.
my-sessions-count = { $count ->
    [one] جلسة واحدة في جلساتي.
    [two] جلستان في جلساتي.
    [few] { $count } جلسات في جلساتي.
   *[other] { $count } جلسة في جلساتي.
  }
my-sessions-open = افتح جلساتي: قائمة واحدة وملف تقويم واحد
mine-title = جلساتي: { $week }
mine-description = الجلسات التي تختارها من { $week }، في قائمة واحدة وملف تقويم واحد.
mine-nojs = تجمع هذه الصفحة الجلسات التي تختارها من برنامج { $week }، مع ملف تقويم واحد لها كلها. وهي تحتاج إلى JavaScript، وهو معطّل أو لم يعمل في هذا المتصفح.
mine-nojs-one-at-a-time = ما زال بإمكانك إضافة الجلسات إلى تقويمك واحدة تلو الأخرى: افتح كل جلسة من { $programme_html } واختر 'نزّل ملف تقويم (.ics)' في صفحتها.
mine-the-programme = برنامج { $week }
mine-nojs-whole-week = أو { $calendar_html }.
mine-whole-week-link = نزّل تقويم الأسبوع كله (.ics)
mine-count-none = لم تختر أي جلسات بعد.
mine-count = { $count ->
    [one] اخترت جلسة واحدة.
    [two] اخترت جلستين.
    [few] اخترت { $count } جلسات.
   *[other] اخترت { $count } جلسة.
  }
mine-nothing-saved = لا يُحفظ شيء على هذا الجهاز: اختيارك محفوظ في عنوان هذه الصفحة فقط. للاحتفاظ به، أضف هذه الصفحة إلى المفضلة أو أرسل الرابط الموجود في آخرها إلى نفسك.
mine-empty = اختر 'أضف إلى جلساتي' في الجلسات التي تريدها في { $programme_html }.
mine-your-sessions = جلساتك
mine-add-to-calendar = أضفها إلى تقويمك
mine-download = نزّل جلساتي إلى تقويمك (.ics)
mine-failed = تعذّر إعداد ملف التقويم. نزّل ملف كل جلسة من صفحتها بدلًا من ذلك.
mine-download-again = تنزيله مرة أخرى بعد تغيّر جلسة يحدّث تلك الجلسة في تقويمك بدلًا من إضافتها مرتين.
mine-other-device = افتحها على جهاز آخر
mine-other-device-text = افتح هذا الرابط على هاتف أو حاسوب آخر، أو أرسله إلى نفسك:
poster-title = { $week }: ملصق
poster-qr = رمز QR لـ{ $title }
