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
