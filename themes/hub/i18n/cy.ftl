# Geiriau'r thema 'hub' yn Gymraeg.
#
# For a Welsh speaker to check (written by the hubsite team, not yet reviewed by a native
# speaker): the register (we use the polite/plural 'chi' forms, as GOV.UK Welsh does), the
# mutations after 'a', 'neu' and 'gan', and whether 'Hunangymorth' reads naturally for
# 'Self-help'. The exit control follows GOV.UK's and HMRC's Welsh ('Gadael y dudalen hon').

## The page around the content

# The language's own name for itself, as the language switcher shows it.
language-name = Cymraeg
# The language switcher's label (a list of the site's languages).
language-switcher-label = Ieithoedd
# The switcher's link to this language's home page, when the page the reader is on has not been
# translated into it ($language is language-name).
language-home-instead = Hafan Gymraeg (nid yw'r dudalen hon ar gael yn Gymraeg)

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
# For a Welsh speaker to check: 'canlyniad' stays singular after numbers, with the soft
# mutation after 2 ('2 ganlyniad') and the aspirate after 3 and 6 ('3 chanlyniad',
# '6 chanlyniad'), as if the digits were read 'dau', 'tri', 'chwe'; the kind of result after
# 'o'r math' (of the kind) to avoid mutating the kind's name after 'yn'.
search-result-count = { $count ->
    [zero] { $number } canlyniad ar gyfer ‘{ $query }’
    [one] { $number } canlyniad ar gyfer ‘{ $query }’
    [two] { $number } ganlyniad ar gyfer ‘{ $query }’
    [few] { $number } chanlyniad ar gyfer ‘{ $query }’
    [many] { $number } chanlyniad ar gyfer ‘{ $query }’
   *[other] { $number } canlyniad ar gyfer ‘{ $query }’
  }
search-result-count-kind = { $count ->
    [zero] { $number } canlyniad ar gyfer ‘{ $query }’ o’r math { $kind }
    [one] { $number } canlyniad ar gyfer ‘{ $query }’ o’r math { $kind }
    [two] { $number } ganlyniad ar gyfer ‘{ $query }’ o’r math { $kind }
    [few] { $number } chanlyniad ar gyfer ‘{ $query }’ o’r math { $kind }
    [many] { $number } chanlyniad ar gyfer ‘{ $query }’ o’r math { $kind }
   *[other] { $number } canlyniad ar gyfer ‘{ $query }’ o’r math { $kind }
  }
search-no-results = Dim canlyniadau ar gyfer ‘{ $query }’. Gwiriwch y sillafu, rhowch gynnig ar lai o eiriau neu eiriau gwahanol, neu porwch yn lle hynny.
search-no-results-kind = Dim canlyniadau ar gyfer ‘{ $query }’ o’r math { $kind }. Gwiriwch y sillafu, rhowch gynnig ar lai o eiriau neu eiriau gwahanol, neu porwch yn lle hynny.
search-failed = Nid yw chwilio’n gweithio ar hyn o bryd. Rhowch gynnig arall arni, neu porwch y wefan yn lle hynny.
search-kind-in-section = { $kind }, { $section }

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

## The directory of local support (its pages, filters and cards)
# For a Welsh speaker to check: the level phrases are written soft-mutated ('gymorth'), as they
# always follow 'o' or 'i'; mutations the theme cannot make for the words it joins (after
# 'i' in "o help ... i gymorth ..." and "Dydd Llun i ddydd Gwener", after 'a' in lists of
# days, and 'Cymorth { $level }' in the guide); nouns after numbers stay singular with soft
# mutation after 2 ('2 wasanaeth', '2 funud'); 'Wedi'i dargedu' for 'Targeted' and
# 'Hunangyfeirio' for 'Self-referral'; 'Pris' and 'Faint mae'n ei gostio' for 'Cost' (the
# English word is not used, so that no English heading is left on a Welsh page).

level-universal = Cyffredinol
level-targeted = Wedi'i dargedu
level-specialist = Arbenigol
level-phrase-universal = help sy'n agored i bob teulu
level-phrase-targeted = help ychwanegol pan fydd pethau'n anoddach
level-phrase-specialist = gymorth dwysach, arbenigol
level-description-universal = Ar agor i bob teulu, heb fod angen atgyfeiriad.
level-description-targeted = Help ychwanegol am gyfnod, pan fydd pethau'n anoddach.
level-description-specialist = Cymorth dwys i deuluoedd sydd ei angen, yn aml drwy atgyfeiriad.
directory-pathway-span = o { $lightest } i { $heaviest }
directory-pathway-title = Llwybr y cymorth
directory-support-goes = Mae'r cymorth yn mynd { $pathway }:
directory-description = Gwasanaethau i deuluoedd.
directory-description-pathway = Gwasanaethau i deuluoedd: { $pathway }.
directory-lead = Cymorth lleol i deuluoedd.
directory-lead-pathway = Cymorth lleol i deuluoedd, { $pathway }.
directory-family-hubs-first = Mae canolfannau hybiau teulu wedi'u rhestru gyntaf.
directory-print = Y cyfeiriadur i'w argraffu neu i'w gadw:
directory-print-copy = Llyfryn { $paper } (PDF, { $size })
directory-print-or = neu
directory-service-count = { $count ->
    [one] 1 gwasanaeth
    [two] 2 wasanaeth
   *[other] { $count } gwasanaeth
  }
directory-filter-title = Hidlo gwasanaethau
directory-filter-search = Chwilio'r cyfeiriadur
directory-filter-any = Unrhyw un
directory-working-with-families = Ydych chi'n gweithio gyda theuluoedd?
directory-how-to-refer = Sut i atgyfeirio teulu i'r gwasanaethau hyn
directory-all-services = Pob gwasanaeth
directory-browse-by = Pori yn ôl
directory-all-a-to-z = Pob gwasanaeth o A i Y
directory-a-to-z-title = Gwasanaethau o A i Y
directory-a-to-z-summary = Pob gwasanaeth yn y cyfeiriadur, yn ôl enw.
directory-letters = Llythrennau
directory-filter-lead = { $count ->
    [one] 1 gwasanaeth
    [two] 2 wasanaeth
   *[other] { $count } gwasanaeth
  } ar gyfer { $facet }: { $value }.
directory-filter-summary = Gwasanaethau yn y cyfeiriadur ar gyfer { $facet }: { $value }.

facet-category = Categori
facet-level = Lefel y cymorth
facet-age = Oedran
facet-cost = Pris
facet-access = Sut i gael mynediad
facet-language = Iaith
facet-open = Ar agor ar
age-under-5 = O dan 5
age-5-to-11 = 5 i 11
age-12-to-17 = 12 i 17
age-18-to-25 = 18 i 25
age-adults = Oedolion

category-counselling = Cwnsela
category-mediation = Cyfryngu
category-parenting-programme = Rhaglenni rhianta
category-relationship-support = Cymorth gyda pherthnasoedd
category-domestic-abuse = Cymorth cam-drin domestig
category-money-advice = Cyngor ariannol
category-family-hub = Hybiau teulu
category-drop-in = Sesiynau galw heibio
category-health = Iechyd
category-helpline = Llinellau cymorth
category-peer-support = Cymorth gan gymheiriaid
category-online = Cymorth ar-lein
access-self-referral = Hunangyfeirio
access-professional-referral = Atgyfeiriad gan weithiwr proffesiynol
access-drop-in = Galw heibio
delivery-in-person = Wyneb yn wyneb
delivery-online = Ar-lein
delivery-phone = Dros y ffôn
service-audience-families = Teuluoedd
service-audience-practitioners = Ymarferwyr
service-audience-both = Teuluoedd ac ymarferwyr
consent-written = Mae angen caniatâd ysgrifenedig y teulu
consent-verbal = Rhaid i'r teulu gytuno i'r atgyfeiriad (mae cytuno ar lafar yn ddigon)
consent-informed = Dywedwch wrth y teulu eich bod yn eu hatgyfeirio
day-monday = Dydd Llun
day-tuesday = Dydd Mawrth
day-wednesday = Dydd Mercher
day-thursday = Dydd Iau
day-friday = Dydd Gwener
day-saturday = Dydd Sadwrn
day-sunday = Dydd Sul
days-range = { $first } i { $last }
days-and = { $list } a { $last }
opening-hours = { $days }, { $opens } i { $closes }
opening-at = yn { $place }
ages-range = Oed { $youngest } i { $oldest }
ages-from = Oed { $youngest } a hŷn
ages-up-to = Hyd at { $oldest } oed
cost-free = Am ddim
cost-paid = Codir tâl
cost-charge = Codir tâl

report-change-subject = Newid i { $what }
report-change-service = cofnod y cyfeiriadur { $name } ({ $id })
report-change-library = y llyfrgell adnoddau ({ $title })

home-self-help-guides = { $count ->
    [one] 1 canllaw i deuluoedd.
    [two] 2 ganllaw i deuluoedd.
   *[other] { $count } canllaw i deuluoedd.
  }
home-directory-services = { $count ->
    [one] 1 gwasanaeth yn agos atoch chi
    [two] 2 wasanaeth yn agos atoch chi
   *[other] { $count } gwasanaeth yn agos atoch chi
  }
home-directory-including = , gan gynnwys
# For a Welsh speaker to check: 'a' before a consonant; the theme does not write 'ac' before a vowel.
list-and = a
list-or = neu

## A service's page and the guide for practitioners

service-family-hub = Hyb teulu
service-key-facts = Ffeithiau allweddol
service-run-by = Yn cael ei redeg gan { $organisation }
service-referred-by-practitioners = Mae ymarferwyr yn atgyfeirio teuluoedd i'r gwasanaeth hwn: siaradwch â'ch hyb teulu, eich ymwelydd iechyd, eich ysgol neu eich meddyg teulu.
service-please-note = Sylwch:
service-details = Manylion
service-level = Lefel y cymorth
service-category = Categori
service-who-for = Ar gyfer pwy mae e
service-how-to-get-referred = Sut i gael eich atgyfeirio
service-delivery = Sut mae'n cael ei roi
service-cost = Faint mae'n ei gostio
service-languages = Ieithoedd
service-area = Ardal
service-accreditations = Achrediadau
service-opening-times = Amseroedd agor
service-where = Ble
service-map = Map o { $place } ar OpenStreetMap
service-accessibility = Hygyrchedd: { $notes }
service-contact = Cysylltu
service-ask-for = Gofynnwch am: { $person }
contact-phone = Ffôn: { $phone_html }
contact-email = E-bost: { $email_html }
service-no-contact = Does dim manylion cyswllt wedi'u rhestru.
service-route-title = I ymarferwyr: sut i atgyfeirio
service-guide-link = Atgyfeirio i wasanaethau eraill: y canllaw i ymarferwyr
service-related-self-help = Hunangymorth cysylltiedig
service-related-resources = Adnoddau cysylltiedig
service-last-checked = Gwiriwyd ddiwethaf ar { $date_html }.
service-report-change = Rhoi gwybod am newid i'r cofnod hwn
route-who = Pwy all atgyfeirio
route-how = Sut i atgyfeirio
route-form = Ffurflen atgyfeirio ar gyfer { $service }
route-include = Beth i'w gynnwys
route-response = Pryd y byddan nhw'n ateb
route-consent = Caniatâd
guide-title = Atgyfeirio teulu: canllaw i ymarferwyr
guide-summary = Ble i atgyfeirio teulu, pa wasanaeth sy'n addas i ba angen, a sut i wneud pob atgyfeiriad.
guide-intro = Mae'r canllaw hwn ar gyfer unrhyw un sy'n gweithio gyda theuluoedd: ble mae pob gwasanaeth ar lwybr y cymorth, pa wasanaeth sy'n addas i ba angen, a sut i atgyfeirio teulu i bob un. Gall teuluoedd ddefnyddio'r { $directory_html } eu hunain.
guide-directory-link = cyfeiriadur cymorth lleol
guide-which-service = Pa wasanaeth a phryd
guide-routes = Sut i atgyfeirio i bob gwasanaeth
guide-pathway-lead = O help sy'n agored i bob teulu i gymorth arbenigol: pob lefel, y mathau o help ar bob un a'r gwasanaethau sy'n ei roi.
guide-by-referral = Drwy atgyfeiriad gan ymarferwyr
guide-how-to-refer = sut i atgyfeirio
guide-how-to-refer-to = at { $service }
guide-not-where-abuse = Nid lle mae cam-drin domestig:
guide-joint-work-note = mae rhai o'r gwasanaethau hyn yn gweithio gyda'r ddau bartner gyda'i gilydd, sydd ddim yn ddiogel lle mae un partner yn cam-drin neu'n rheoli'r llall.
guide-refer-to = Atgyfeiriwch at
guide-instead = yn lle hynny.
guide-services = Gwasanaethau:
guide-service-meta = { $organisation }. Cymorth { $level }. Ar gyfer: { $audience }.
guide-joint-work = Yn gweithio gyda'r ddau bartner gyda'i gilydd:
guide-joint-work-abuse = nid lle mae cam-drin domestig.
guide-how-families-get-there = Sut mae teuluoedd yn cyrraedd
guide-tell-us = Dywedwch wrthym
guide-give-feedback = Rhoi adborth
guide-report-change = Rhoi gwybod am newid i'r canllaw hwn
category-description-domestic-abuse = Cymorth arbenigol i unrhyw un sydd wedi cael niwed gan bartner neu aelod o'r teulu: cynllunio diogelwch, eiriolaeth a chymorth i blant. Lle mae cam-drin, atgyfeiriwch yma yn gyntaf, a byth i waith ar y cyd gyda'r ddau bartner.
category-description-mediation = Mae cyfryngu'n helpu rhieni sy'n gwahanu i gytuno ar drefniadau ar gyfer eu plant ac arian, gan gyfarfod gyda'i gilydd neu ar wahân gyda chyfryngwr niwtral. Nid therapi yw e, a dydy e ddim yn ddiogel lle mae un rhiant yn cam-drin y llall neu'n ei ofni.
category-description-counselling = Mae cwnsela'n rhoi amser i un person, cwpl neu berson ifanc gyda chwnselydd hyfforddedig i siarad am deimladau a pherthnasoedd. Mae'n edrych ar sut mae pobl yn teimlo a pham, yn hytrach na chytuno ar drefniadau.
category-description-parenting-programme = Cyrsiau mewn grŵp neu un i un sy'n magu sgiliau a hyder rhianta dros sawl wythnos.
category-description-relationship-support = Help i rieni y mae eu perthynas dan straen, gyda'i gilydd neu ar wahân, i ddadlau llai a chydweithio mwy er mwyn eu plant.
category-description-money-advice = Cyngor ar ddyled, budd-daliadau a chyllidebu: mae pryderon am arian yn aml y tu ôl i wrthdaro yn y cartref.
category-description-family-hub = Hybiau teulu yw'r lle cyntaf i fynd: maen nhw'n cynnig neu'n dod o hyd i'r rhan fwyaf o'r help yn y canllaw hwn.
category-description-drop-in = Sesiynau y gall teuluoedd ddod iddyn nhw heb archebu na chael eu hatgyfeirio.
category-description-health = Gwasanaethau iechyd i rieni a phlant, gan gynnwys iechyd meddwl.
category-description-helpline = Llinellau ffôn y gall teuluoedd eu ffonio eu hunain, yn aml ar unrhyw awr.
category-description-peer-support = Cymorth gan rieni eraill sydd wedi bod drwy rywbeth tebyg.
category-description-online = Help ar-lein, i deuluoedd na allan nhw ddod wyneb yn wyneb neu y byddai'n well ganddyn nhw beidio.

## The resource library and follow-on materials

resources-summary = Sgyrsiau, erthyglau, fideos a phecynnau cymorth ar berthnasoedd, wedi'u dewis ar gyfer teuluoedd a'r bobl sy'n gweithio gyda nhw.
resources-count = { $count ->
    [one] 1 adnodd
   *[other] { $count } adnodd
  }. Mae'r dolenni'n mynd i wefannau eraill.
resources-browse = Pori'r llyfrgell
resources-all = Pob adnodd
resources-by-kind = Yn ôl math
resources-by-topic = Yn ôl pwnc
resources-report-change = Rhoi gwybod am ddolen sydd wedi torri neu am newid i adnodd
resources-kind-title = Adnoddau: { $kinds }
resources-topic-title = Adnoddau ar { $topic }
material-kind-video = Fideo
material-kind-talk = Sgwrs
material-kind-article = Erthygl
material-kind-slides = Sleidiau
material-kind-handout = Taflen
material-kind-toolkit = Pecyn cymorth
material-kind-website = Gwefan
material-kind-podcast = Podlediad
material-kinds-video = Fideos
material-kinds-talk = Sgyrsiau
material-kinds-article = Erthyglau
material-kinds-slides = Sleidiau
material-kinds-handout = Taflenni
material-kinds-toolkit = Pecynnau cymorth
material-kinds-website = Gwefannau
material-kinds-podcast = Podlediadau
material-from = Gan { $source }
duration-minutes = { $minutes ->
    [one] 1 munud
    [two] 2 funud
   *[other] { $minutes } munud
  }
duration-hours = { $hours ->
    [one] 1 awr
   *[other] { $hours } awr
  }
duration-hours-minutes = { $hours ->
    [one] 1 awr
   *[other] { $hours } awr
  } { $minutes ->
    [one] 1 munud
    [two] 2 funud
   *[other] { $minutes } munud
  }

## The week's booklet (its page)

booklet-theme = Thema: { $theme }
booklet-published-by = Cyhoeddwyd gan { $publisher }.
booklet-programme-online = Y rhaglen ar-lein:
booklet-download = Lawrlwytho'r llyfryn (PDF, { $size })
booklet-introduction = Cyflwyniad
booklet-further = Adnoddau pellach
booklet-cancelled = Cafodd y sesiwn hon ei chanslo.
booklet-led-by = Dan arweiniad { $hosts }.
booklet-recording = Recordiad
booklet-materials = Deunyddiau dilynol
booklet-no-materials = Ni rannwyd unrhyw ddeunyddiau ar ôl y sesiwn hon.
booklet-further-lead = Rhagor o'r { $library_html } ar bynciau'r wythnos hon.
booklet-resource-library = llyfrgell adnoddau
booklet-feedback-title = Dywedwch wrthym beth oeddech chi'n ei feddwl
booklet-give-feedback = Rhoi adborth ar { $title }
booklet-back = Yn ôl i'r rhaglen
booklet-title = { $week }: y llyfryn
booklet-recording-of = Recordiad o { $title }
booklet-feedback-qr = Cod QR ar gyfer adborth ar { $week }

## Y dogfennau i'w hargraffu (PDF y llyfryn a PDFs y cyfeiriadur)

pdf-page-of = Tudalen { $page } o { $pages }
pdf-go-to = Mynd i { $title }
printed-directory-title = { $site }: cyfeiriadur cymorth lleol
printed-directory-made-on = Lluniwyd ar { $date }
printed-directory-description = { $title }, argraffiad { $paper }.
printed-directory-how-to-use = Mae'r gwasanaethau wedi'u grwpio yn ôl lefel y cymorth, yna yn ôl y math o help maen nhw'n ei roi. Mae pob cofnod yn dweud ar gyfer pwy mae'r gwasanaeth, sut i'w gyrraedd, faint mae'n ei gostio a sut i gysylltu, gyda chod QR i'w dudalen ar y wefan, lle mae'n cael ei gadw'n gyfredol: gwiriwch hi cyn i chi atgyfeirio teulu.
printed-directory-online = Y cyfeiriadur ar-lein:
printed-level-universal = Cymorth cyffredinol
printed-level-targeted = Cymorth wedi'i dargedu
printed-level-specialist = Cymorth arbenigol
printed-directory-resources = Adnoddau ar-lein
printed-directory-resources-lead = Help y gall teuluoedd ei ddefnyddio gartref, ar unrhyw adeg: gwefannau, fideos a chanllawiau.
printed-directory-index = Mynegai
# The Welsh alphabet runs from A to Y.
printed-directory-index-lead = Pynciau a mathau o help, o A i Y, gyda thudalen pob gwasanaeth.
printed-directory-help-now-lead = Rhifau i'w ffonio pan fydd angen help ar rywun nawr, a gwasanaethau sy'n helpu pobl nad ydyn nhw'n ddiogel gartref.
printed-directory-safety = Gwasanaethau diogelwch
printed-service-access = Sut i'w gyrraedd
printed-service-website = Gwefan
printed-service-open = Ar agor
printed-service-online = Ar-lein: { $address }

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
childcare-creche = Crèche
childcare-children-welcome = Croeso i blant
childcare-none = Dim gofal plant
family-ages-card = Oed { $ages }
card-when = Pryd:{" "}
card-where = Ble:{" "}
card-for-families = I deuluoedd:{" "}
card-audience = Ar gyfer { $audience }.
card-with = Gyda { $hosts }
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
calendar-fact = { $label }: { $text }
calendar-book-form = Archebu: { $url }
calendar-details = Manylion: { $url }
calendar-online-on = Ar-lein ({ $platform })
instead-subject = Sesiwn lawn: { $title }
instead-email = E-bostio'r trefnwyr: { $address }
instead-phone = Ffonio'r trefnwyr: { $number }
instead-recording = Recordiad { $title }, unwaith y bydd wedi'i rannu
# Native speaker: 'am' before the time ('am 10yb'); check the order reads naturally.
instead-other-date = { $title }, { $day } am { $time }
host-summary = { $count ->
    [0] Sesiynau dan arweiniad { $name }.
   *[other] Sesiynau dan arweiniad { $name } yn { $weeks }.
  }
host-people = Pwy sy'n eu harwain
host-sessions = Sesiynau
poster-scan = Sganiwch god gyda chamera eich ffôn i archebu, neu teipiwch y cyfeiriad oddi tano.
child-ages-range = { $from } i { $to }
child-ages-range-months = { $from } i { $to } mis
child-ages-over = { $from } a hŷn
child-ages-over-months = { $from } mis a hŷn
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
