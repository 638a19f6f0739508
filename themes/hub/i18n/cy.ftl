# Geiriau'r thema 'hub' yn Gymraeg.
#
# For a Welsh speaker to check (written by the hubsite team, not yet reviewed by a native
# speaker): the register (we use the polite/plural 'chi' forms, as GOV.UK Welsh does), the
# mutations after 'a', 'neu' and 'gan', and whether 'Hunangymorth' reads naturally for
# 'Self-help'. The exit control follows GOV.UK's and HMRC's Welsh ('Gadael y dudalen hon').

## The page around the content

skip-to-content = Neidio i'r prif gynnwys
nav-label = Prif
nav-programme = Rhaglen
nav-self-help = Hunangymorth
nav-directory = Cyfeiriadur
nav-resources = Adnoddau
nav-search = Chwilio
search-label = Chwilio'r wefan hon
search-button = Chwilio

## 'Exit this page'

exit-this-page = Gadael y dudalen hon
exit-leave-quickly = Gadewch yn gyflym
exit-or-press-shift = , neu pwyswch Shift dair gwaith
hide-your-visit = Sut i guddio eich ymweliad
exit-activated = Wedi gadael y dudalen
exit-expired = Wedi'i amseru
exit-press-two-more = Shift, pwyswch 2 waith eto
exit-press-one-more = Shift, pwyswch unwaith eto
exit-loading = Yn llwytho

## 'Get help now'

help-now-title = Cael help nawr
help-now-when = { $when }:
help-now-call = ffoniwch { $phone_html }
help-now-website = Gwefan { $name }

## The footer

footer-support-links = Dolenni cymorth
footer-accessibility = Datganiad hygyrchedd
footer-privacy = Preifatrwydd
footer-hide-your-visit = Sut i guddio eich ymweliad
footer-about-the-week = Am yr wythnos
footer-run-by = Mae { $site } yn cael ei rhedeg gan { $organisation_html }.
footer-contact = { $ways ->
    [both] Cysylltwch â ni: ffôn { $phone_html }, neu e-bost { $email_html }
    [phone] Cysylltwch â ni: ffôn { $phone_html }
   *[email] Cysylltwch â ni: e-bost { $email_html }
  }
footer-no-tracking = Nid yw'r wefan hon yn gosod cwcis nac yn eich tracio.

## Breadcrumbs and the page not found

breadcrumb-label = Briwsion bara
breadcrumb-home = Hafan
not-found-title = Heb ddod o hyd i'r dudalen
not-found-typed = Os gwnaethoch deipio'r cyfeiriad gwe, gwiriwch ei fod yn gywir.
not-found-pasted = Os gwnaethoch ludo'r cyfeiriad gwe, gwiriwch eich bod wedi copïo'r cyfeiriad cyfan.
not-found-go-to = Gallwch fynd i:
not-found-home = Yr hafan

## Topics

topics-title = Pynciau
topics-lead = Popeth ar y wefan hon, fesul pwnc.

## Search

search-title = Chwilio
search-description = Chwilio popeth ar { $site }.
search-query-label = Chwilio am sesiynau, cyngor a chymorth
search-hint = Mae canlyniadau'n ymddangos wrth i chi deipio. Mae'r hyn rydych chi'n ei deipio'n aros ar y ddyfais hon: nid yw'n cael ei gadw na'i anfon i unman.
search-show = Dangos
search-kind-all = Popeth
search-kind-page = Tudalen
search-kind-self-help = Hunangymorth
search-kind-session = Sesiwn
search-kind-service = Gwasanaeth
search-kind-resource = Adnodd
search-kind-topic = Pwnc
search-nojs-title = Nid yw chwilio'n gweithio yn y porwr hwn
search-nojs-text = Mae angen JavaScript i chwilio, ac mae wedi'i ddiffodd neu ei rwystro yma. Gallwch ddod o hyd i bopeth ar y wefan hon drwy bori o hyd:
search-browse-a-to-z = Cymorth lleol o A i Y
search-browse-topics = Pynciau
search-browse-programme = Rhaglen y sesiynau
search-browse-self-help = Hunangymorth
search-browse-home = Yr hafan
search-more = Dangos rhagor o ganlyniadau

## Pages, sections and topics

page-reading-time = { $minutes } munud o ddarllen
page-contents = Cynnwys
related-services = Gwasanaethau a all helpu
related-resources = Darllen a gwylio pellach
related-resources-more = Rhagor yn y llyfrgell adnoddau
page-last-reviewed = Adolygwyd ddiwethaf ar { $date_html }
page-published = Cyhoeddwyd ar { $date_html }
section-children = Yn yr adran hon
section-by-topic = Fesul pwnc
topic-pages = Tudalennau
topic-sessions = Sesiynau
topic-resources = Adnoddau
topic-resources-more = Adnoddau am { $topic } yn y llyfrgell
topic-empty = Does dim byd ar y pwnc hwn eto.

## The home page

home-find-support = Dod o hyd i gymorth lleol
home-happening-now = Yn digwydd nawr
home-coming-up = Ar y gweill
home-more-from = Rhagor gan { $site }

## Audiences

audience-for-practitioners = I ymarferwyr
audience-for-practitioners-note = Wedi'i ysgrifennu ar gyfer pobl sy'n gweithio gyda theuluoedd.
audience-filter-title = Ar gyfer pwy mae e

## Booking states
# For a Welsh speaker to check: nouns after numbers stay singular; 'dau le' (soft mutation
# after 2); the other numbers written as digits are left unmutated.

booking-opens = Mae archebu'n agor { $date }
booking-open = Archebu ar agor
booking-closed = Archebu wedi cau
happening-now = Yn digwydd nawr
finished = Wedi gorffen
cancelled = Wedi'i ganslo
waiting-list = Rhestr aros
fully-booked = Llawn
no-need-to-book = Dim angen archebu
places-left = { $count ->
    [one] 1 lle ar ôl
    [two] 2 le ar ôl
   *[other] { $count } lle ar ôl
  }
booking-open-places-left = Archebu ar agor: { $count ->
    [one] 1 lle ar ôl
    [two] 2 le ar ôl
   *[other] { $count } lle ar ôl
  }

## The programme: weeks, their sessions, filters, session pages, hosts, posters, 'My sessions'
# For a Welsh speaker to check: 'sesiwn' stays singular after numbers ('3 sesiwn'), with the
# soft mutation after 2 ('2 sesiwn' has none: feminine nouns mutate after 'dwy', which digits
# do not show); 'archebu' for 'book' (GOV.UK Welsh uses 'archebu lle'); 'ar-lein' for online;
# 'yn y cnawd' for in person (some prefer 'wyneb yn wyneb'); the audiences' names in lower
# case after 'Ar gyfer'; 'crèche' as used by Welsh councils ('meithrinfa' is a nursery).

weeks-past = Wythnosau a fu
weeks-summary = { $count ->
    [one] Un wythnos
    [two] Dwy wythnos
   *[other] { $count } wythnos
  } o sesiynau{ $when ->
    [both] , rhai a fu a rhai i ddod
    [past] , sydd wedi dod i ben
   *[coming] {""}
  }.
week-theme = Thema: { $theme }
week-show-all = Dangos holl sesiynau { $week }
week-about-link = Am yr wythnos hon, ei chalendr a'i phoster
week-about = Am yr wythnos hon
week-audience = Ar gyfer pwy mae hi:
week-subscribe = Tanysgrifio i'r wythnos gyfan yn eich calendr
week-download-ics = Lawrlwytho calendr yr wythnos (.ics)
week-poster = Poster i'w argraffu gyda chodau QR
week-booklet = Y llyfryn: recordiadau a deunyddiau pob sesiwn
week-feedback = Rhoi adborth ar { $week }
week-organised-by = Wedi'i threfnu gan
week-questions = { $ways ->
    [both] Cwestiynau am yr wythnos: e-bostiwch { $email_html } neu ffoniwch { $phone }.
    [phone] Cwestiynau am yr wythnos: ffoniwch { $phone }.
   *[email] Cwestiynau am yr wythnos: e-bostiwch { $email_html }.
  }
filter-sessions = Hidlo sesiynau
filter-hint = Dewiswch werthoedd o hidlwyr gwahanol i'w cyfuno; dewiswch werth eto i'w glirio.
sessions-count = { $count ->
    [one] { $count } sesiwn
   *[other] { $count } sesiwn
  }
filter-day = Diwrnod
filter-time-of-day = Adeg o'r dydd
filter-part-of-week = Yn ystod yr wythnos neu ar y penwythnos
filter-audience = Ar gyfer pwy mae e
filter-format = Fformat
filter-cost = Pris
filter-childcare = Plant
filter-topic = Pwnc
time-of-day-morning = Bore
time-of-day-afternoon = Prynhawn
time-of-day-evening = Noswaith
part-of-week-weekday = Yn ystod yr wythnos
part-of-week-weekend = Penwythnos
format-online = Ar-lein
format-in-person = Yn y cnawd
format-hybrid = Yn y cnawd ac ar-lein
audience-parents = Rhieni a gofalwyr
audience-families = Teuluoedd
audience-practitioners = Ymarferwyr
audience-young-people = Pobl ifanc
audience-community = Y gymuned
family-cost = Pris
family-children = Plant
family-ages = Oedrannau
family-refreshments = Lluniaeth
family-help-getting-there = Help i gyrraedd
family-parking = Parcio
family-step-free-route = Llwybr heb risiau
cost-free = Am ddim
childcare-creche = Crèche
childcare-children-welcome = Croeso i blant
childcare-none = Dim gofal plant
family-ages-card = Oed { $ages }
card-when = Pryd:{" "}
card-where = Ble:{" "}
card-for-families = I deuluoedd:{" "}
card-audience = Ar gyfer { $audience }.
card-with = Gyda { $hosts }
list-and = a
place-online = Ar-lein
place-online-on = Ar-lein: { $platform }
place-or-online = { $venue }, neu ar-lein
place-or-online-on = { $venue }, neu ar-lein: { $platform }
session-when = Pryd
session-format = Fformat
session-where = Ble
session-audience = Ar gyfer pwy mae e
session-booking = Archebu
session-uk-time = amser y DU
session-map = map o { $venue }
session-or-online = neu ar-lein
session-online = Ar-lein
session-other-dates = Dyddiadau eraill gyda lleoedd
session-ask-organisers = Gofynnwch i'r trefnwyr am ffyrdd eraill o gymryd rhan, neu i glywed os daw lle ar gael:
session-will-be-recorded = Bydd y sesiwn hon yn cael ei recordio: { $recording_html }.
session-follow-on = Deunyddiau dilynol
session-about = Am y sesiwn hon
session-led-by = Yn cael ei harwain gan
session-led-by-host = sesiynau dan arweiniad { $name }
session-access = Cyrraedd a mynediad
session-accessibility = Hygyrchedd
session-captions = Capsiynau byw
session-bsl = Dehongli Iaith Arwyddion Prydain (BSL)
session-languages = Ieithoedd: { $languages }
session-interpreters = Cyfieithwyr: { $languages }
session-add-to-calendar = Ychwanegu at eich calendr
session-download-ics = Lawrlwytho ffeil calendr (.ics) ar gyfer { $title }
session-google = Ychwanegu { $title } at Google Calendar
session-outlook = Ychwanegu { $title } at Outlook
session-topics = Pynciau
session-related-self-help = Hunangymorth perthnasol
session-related-resources = Adnoddau perthnasol
session-booklet = Darllen llyfryn { $week }: deunyddiau pob sesiwn mewn un lle
back-to-programme = Yn ôl i raglen { $week }
step-not-open = Nid yw archebu ar agor eto
step-opens-at = Mae archebu'n agor am { $moment }.
step-closes-at = Mae archebu'n cau am { $moment }.
moment = { $time } ar { $day }
step-closed = Archebu wedi cau
step-closed-line = Mae archebu ar gyfer y sesiwn hon wedi cau.
step-now = Yn digwydd nawr
step-join = Ymuno â'r sesiwn
step-use-link = Defnyddiwch y ddolen ymuno a anfonwyd atoch pan wnaethoch archebu.
step-started = Mae'r sesiwn wedi dechrau.
step-finished = Mae'r sesiwn hon wedi gorffen
step-watch = Gwylio recordiad { $title }
step-feedback = Dywedwch wrthym beth oeddech chi'n ei feddwl o { $title }
step-no-materials = Nid oes deunyddiau dilynol ar gyfer y sesiwn hon eto.
step-cancelled = Wedi'i chanslo
step-cancelled-line = Mae'r sesiwn hon wedi'i chanslo.
step-cancelled-because = Mae'r sesiwn hon wedi'i chanslo. { $reason }
step-waiting = Ymuno â'r rhestr aros
step-waiting-line = Mae'r sesiwn hon yn llawn. Ymunwch â'r rhestr aros a byddwn yn cysylltu â chi os daw lle ar gael.
step-full = Llawn
step-no-places = Nid oes lleoedd ar ôl.
step-no-need = Dim angen archebu
step-just-come = Dewch draw.
step-book = Archebu lle
step-places-left = { $count ->
    [one] 1 lle ar ôl.
    [two] 2 le ar ôl.
   *[other] { $count } lle ar ôl.
  }
step-link-sent = Anfonir y ddolen ymuno pan fyddwch yn archebu.
book-form = Archebu lle: { $title }
book-form-waiting = Ymuno â'r rhestr aros: { $title }
book-email = Archebu drwy e-bost: { $address }
book-email-waiting = Ymuno â'r rhestr aros drwy e-bost: { $address }
book-phone = Archebu dros y ffôn: { $number }
book-phone-waiting = Ymuno â'r rhestr aros dros y ffôn: { $number }
book-email-subject = Archebu: { $title } ({ $day }, { $week })
instead-subject = Sesiwn lawn: { $title }
instead-email = E-bostio'r trefnwyr: { $address }
instead-phone = Ffonio'r trefnwyr: { $number }
instead-recording = Recordiad { $title }, unwaith y bydd wedi'i rannu
host-summary = { $count ->
    [0] Sesiynau dan arweiniad { $name }.
   *[other] Sesiynau dan arweiniad { $name } yn { $weeks }.
  }
host-people = Pwy sy'n eu harwain
host-sessions = Sesiynau
poster-scan = Sganiwch god gyda chamera eich ffôn i archebu, neu teipiwch y cyfeiriad oddi tano.
ages-range = { $from } i { $to }
ages-range-months = { $from } i { $to } mis
ages-over = { $from } a hŷn
ages-over-months = { $from } mis a hŷn
date-range = { $from } i { $to }
filter-page-for = ar gyfer { $value }
filter-page-at-the = { $value }
filter-page-on = am { $value }

## 'My sessions'
# For a Welsh speaker to check: 'Fy sesiynau' for 'My sessions' (the reader's own list);
# "{title}" and "{count}" in the page are filled in by the script.

my-sessions-add = Ychwanegu at fy sesiynau
my-sessions-remove = Tynnu o fy sesiynau
my-sessions-add-name = Ychwanegu at fy sesiynau: { $title }
my-sessions-remove-name = Tynnu o fy sesiynau: { $title }
my-sessions-count-none = Dim sesiynau yn fy sesiynau eto.
my-sessions-count = { $count ->
    [one] 1 sesiwn yn fy sesiynau.
   *[other] { $count } sesiwn yn fy sesiynau.
  }
my-sessions-open = Agor fy sesiynau: un rhestr ac un ffeil calendr
mine-title = Fy sesiynau: { $week }
mine-description = Y sesiynau a ddewiswch o { $week }, mewn un rhestr ac un ffeil calendr.
mine-nojs = Mae'r dudalen hon yn casglu'r sesiynau a ddewiswch o raglen { $week }, gydag un ffeil calendr ar gyfer pob un ohonynt. Mae angen JavaScript arni, sydd wedi'i ddiffodd neu na redodd yn y porwr hwn.
mine-nojs-one-at-a-time = Gallwch ychwanegu sesiynau at eich calendr un ar y tro o hyd: agorwch bob sesiwn o { $programme_html } a dewis 'Lawrlwytho ffeil calendr (.ics)' ar ei thudalen.
mine-the-programme = raglen { $week }
mine-nojs-whole-week = Neu { $calendar_html }.
mine-whole-week-link = lawrlwythwch galendr yr wythnos gyfan (.ics)
mine-count-none = Nid ydych wedi dewis unrhyw sesiynau eto.
mine-count = { $count ->
    [one] 1 sesiwn wedi'i dewis.
   *[other] { $count } sesiwn wedi'u dewis.
  }
mine-nothing-saved = Nid oes dim yn cael ei gadw ar y ddyfais hon: dim ond yng nghyfeiriad y dudalen hon y cedwir eich dewis. I'w gadw, rhowch nod tudalen ar y dudalen hon neu anfonwch y ddolen ar y diwedd atoch chi'ch hun.
mine-empty = Dewiswch 'Ychwanegu at fy sesiynau' ar y sesiynau rydych eu heisiau yn { $programme_html }.
mine-your-sessions = Eich sesiynau
mine-add-to-calendar = Eu hychwanegu at eich calendr
mine-download = Lawrlwytho fy sesiynau i'ch calendr (.ics)
mine-failed = Nid oedd modd paratoi'r ffeil calendr. Lawrlwythwch ffeil pob sesiwn o'i thudalen yn lle hynny.
mine-download-again = Mae ei lawrlwytho eto ar ôl i sesiwn newid yn diweddaru'r sesiwn honno yn eich calendr yn hytrach na'i hychwanegu ddwywaith.
mine-other-device = Eu hagor ar ddyfais arall
mine-other-device-text = Agorwch y ddolen hon ar ffôn neu gyfrifiadur arall, neu anfonwch hi atoch chi'ch hun:
poster-title = { $week }: poster
poster-qr = Cod QR ar gyfer { $title }
