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

## Breadcrumbs and the page not found

breadcrumb-label = Breadcrumb
breadcrumb-home = Home
not-found-title = Page not found
not-found-typed = If you typed the web address, check it is correct.
not-found-pasted = If you pasted the web address, check you copied the entire address.
not-found-go-to = You can go to:
not-found-home = The home page

## Topics

topics-title = Topics
topics-lead = Everything on this site, by topic.

## Search

search-title = Search
search-description = Search everything on { $site }.
search-query-label = Search for sessions, advice and support
search-hint = Results appear as you type. What you type stays on this device: it is not saved or sent anywhere.
# The legend of the choice of kinds of result.
search-show = Show
search-kind-all = Everything
search-kind-page = Page
search-kind-self-help = Self-help
search-kind-session = Session
search-kind-service = Service
search-kind-resource = Resource
search-kind-topic = Topic
search-nojs-title = Search is not working in this browser
search-nojs-text = Search needs JavaScript, which is turned off or blocked here. You can still find everything on this site by browsing:
search-browse-a-to-z = The A to Z of local support
search-browse-topics = Topics
search-browse-programme = The programme of sessions
search-browse-self-help = Self-help
search-browse-home = The home page
search-more = Show more results

## Pages, sections and topics

page-reading-time = { $minutes } minute read
page-contents = Contents
related-services = Services that can help
related-resources = Further reading and watching
related-resources-more = More in the resource library
# $date_html is the date, marked up for machines.
page-last-reviewed = Last reviewed on { $date_html }
page-published = Published on { $date_html }
section-children = In this section
section-by-topic = By topic
topic-pages = Pages
topic-sessions = Sessions
topic-resources = Resources
# $topic is the topic's name, in lower case.
topic-resources-more = Resources on { $topic } in the library
topic-empty = There is nothing on this topic yet.

## The home page

home-find-support = Find local support
home-happening-now = Happening now
home-coming-up = Coming up
home-more-from = More from { $site }

## Audiences

audience-for-practitioners = For practitioners
audience-for-practitioners-note = Written for people who work with families.
# The heading over the jump links to a section's pages for families and for practitioners.
audience-filter-title = Who it is for

## Booking states (tags on cards, session pages and search results)

# $date is the day booking opens.
booking-opens = Booking opens { $date }
booking-open = Booking open
booking-closed = Booking closed
happening-now = Happening now
finished = Finished
cancelled = Cancelled
waiting-list = Waiting list
fully-booked = Fully booked
no-need-to-book = No need to book
# A few places left: $count is small (5 or fewer).
places-left = { $count ->
    [one] 1 place left
   *[other] { $count } places left
  }
booking-open-places-left = Booking open: { $count ->
    [one] 1 place left
   *[other] { $count } places left
  }
