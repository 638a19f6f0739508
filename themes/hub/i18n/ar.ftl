# كلمات سمة 'hub' بالعربية (right to left).
#
# For an Arabic speaker to check (written by the hubsite team, not yet reviewed): Modern
# Standard Arabic, addressed to one reader; 'Shift' is left in Latin letters as it is printed
# on keyboards. Messages not here (booking states, the programme) are shown in English until
# translated; `hubsite check` lists them for a site in Arabic.

## The page around the content

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
