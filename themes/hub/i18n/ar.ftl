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
