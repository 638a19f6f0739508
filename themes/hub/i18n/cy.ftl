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
