# The hub theme's words in British English: every other translation falls back to these.
#
# A site changes any message by writing it in its own i18n/en-GB.ftl (or i18n/<language>.ftl):
# only the messages it writes change. Variables are written { $name }; a variable whose name
# ends in _html is a link the theme makes (keep it whole). docs/languages.md explains more.

## The page around the content

skip-to-content = Skip to main content
# The main navigation's name, read by screen readers ("Main navigation").
nav-label = Main
nav-programme = Programme
nav-self-help = Self-help
nav-directory = Directory
nav-resources = Resources
nav-search = Search
search-label = Search this site
search-button = Search

## 'Exit this page' (as GOV.UK's component)

exit-this-page = Exit this page
# Shown on every screen; the next message follows it where there is a keyboard.
exit-leave-quickly = Leave quickly
# Continues exit-leave-quickly (with its comma) on screens with a keyboard.
exit-or-press-shift = , or press Shift three times
hide-your-visit = How to hide your visit
# Read by screen readers as the reader presses Shift.
exit-activated = Exit this page activated
exit-expired = Exit this page expired
exit-press-two-more = Shift, press 2 more times
exit-press-one-more = Shift, press 1 more time
# The tab's title while the neutral page loads.
exit-loading = Loading

## 'Get help now'

help-now-title = Get help now
# A helpline that answers at some times only: "{ $when }: Samaritans".
help-now-when = { $when }:
help-now-call = call { $phone_html }
help-now-website = { $name } website

## The footer

footer-support-links = Support links
footer-accessibility = Accessibility statement
footer-privacy = Privacy
footer-hide-your-visit = How to hide your visit
footer-about-the-week = About the week
# $site is the site's name; $organisation_html links to the council or charity.
footer-run-by = { $site } is run by { $organisation_html }.
footer-contact = { $ways ->
    [both] Contact us: phone { $phone_html }, or email { $email_html }
    [phone] Contact us: phone { $phone_html }
   *[email] Contact us: email { $email_html }
  }
footer-no-tracking = This site sets no cookies and does not track you.
