# The hub theme's words in British English: every other translation falls back to these.
#
# A site changes any message by writing it in its own i18n/en-GB.ftl (or i18n/<language>.ftl):
# only the messages it writes change. Variables are written { $name }; a variable whose name
# ends in _html is a link the theme makes (keep it whole). docs/languages.md explains more.

## The page around the content

# The language's own name for itself, as the language switcher shows it.
language-name = English
# The language switcher's label (a list of the site's languages).
language-switcher-label = Languages
# The switcher's link to this language's home page, when the page the reader is on has not been
# translated into it ($language is language-name).
language-home-instead = { $language } home page (this page is not in English)

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
# What the search script says about the results. The page carries every form; the script picks
# one and writes in it: { $number } the number of results (the script writes it in the
# reader's language), { $query } what the reader typed, { $kind } a kind of result in lower
# case ('self-help'), { $section } where a result sits ('Relationships Matter week 48').
# { $count } only chooses the plural form: write { $number } where the number goes.
search-result-count = { $count ->
    [one] { $number } result for ‘{ $query }’
   *[other] { $number } results for ‘{ $query }’
  }
# The same, when the reader shows one kind of result only.
search-result-count-kind = { $count ->
    [one] { $number } result for ‘{ $query }’ in { $kind }
   *[other] { $number } results for ‘{ $query }’ in { $kind }
  }
search-no-results = No results for ‘{ $query }’. Check the spelling, try fewer or different words, or browse instead.
search-no-results-kind = No results for ‘{ $query }’ in { $kind }. Check the spelling, try fewer or different words, or browse instead.
search-failed = Search is not working just now. Try again, or browse the site instead.
# Under a result's title: its kind, and the section it is in ('Session in Relationships Matter week 48').
search-kind-in-section = { $kind } in { $section }

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

## The directory of local support (its pages, filters and cards)

# The levels of the pathway of support, their names.
level-universal = Universal
level-targeted = Targeted
level-specialist = Specialist
# What each level means, as a phrase within a sentence ("Support goes from ... to ...").
level-phrase-universal = help open to every family
level-phrase-targeted = extra help when things are harder
level-phrase-specialist = more intensive, specialist support
# What each level means, as a sentence (when the site does not describe it).
level-description-universal = Open to every family, with no referral needed.
level-description-targeted = Extra help for a while, when things are harder.
level-description-specialist = Intensive support for families who need it, often by referral.
# $lightest and $heaviest are level-phrase-... messages.
directory-pathway-span = from { $lightest } to { $heaviest }
directory-pathway-title = The pathway of support
# $pathway is directory-pathway-span.
directory-support-goes = Support goes { $pathway }:
directory-description = Services for families.
directory-description-pathway = Services for families: { $pathway }.
directory-lead = Local support for families.
directory-lead-pathway = Local support for families, { $pathway }.
directory-family-hubs-first = Family hub centres are listed first.
# Before the links to the printed directory's PDFs.
directory-print = The directory to print or keep:
# $paper is the paper size (A4, A5), $size the file's size.
directory-print-copy = { $paper } booklet (PDF, { $size })
# Between two links: "A4 booklet or A5 booklet".
directory-print-or = or
# How many services a list has; the filter script shows the same as the reader filters.
directory-service-count = { $count ->
    [one] { $count } service
   *[other] { $count } services
  }
directory-filter-title = Filter services
directory-filter-search = Search the directory
# The first choice of each filter: no filter.
directory-filter-any = Any
directory-working-with-families = Working with families?
directory-how-to-refer = How to refer a family to these services
directory-all-services = All services
directory-browse-by = Browse by
directory-all-a-to-z = All services A to Z
directory-a-to-z-title = Services A to Z
directory-a-to-z-summary = Every service in the directory, by name.
# The name of the list of links to the letters of the A to Z.
directory-letters = Letters
# The lead of a filter's page: "3 services for category: Counselling." $facet is in lower case.
directory-filter-lead = { $count ->
    [one] { $count } service
   *[other] { $count } services
  } for { $facet }: { $value }.
directory-filter-summary = Services in the directory for { $facet }: { $value }.

# The filters' names.
facet-category = Category
facet-level = Level of support
facet-age = Age
facet-cost = Cost
facet-access = How to access
facet-language = Language
facet-open = Open on
age-under-5 = Under 5
age-5-to-11 = 5 to 11
age-12-to-17 = 12 to 17
age-18-to-25 = 18 to 25
age-adults = Adults

# The kinds of help.
category-counselling = Counselling
category-mediation = Mediation
category-parenting-programme = Parenting programmes
category-relationship-support = Relationship support
category-domestic-abuse = Domestic abuse support
category-money-advice = Money advice
category-family-hub = Family hubs
category-drop-in = Drop-in sessions
category-health = Health
category-helpline = Helplines
category-peer-support = Peer support
category-online = Online support
# How families get to a service.
access-self-referral = Self-referral
access-professional-referral = Professional referral
access-drop-in = Drop-in
# How a service is given.
delivery-in-person = In person
delivery-online = Online
delivery-phone = By phone
# Who a service takes families from (the guide, in lower case: "For: families").
service-audience-families = Families
service-audience-practitioners = Practitioners
service-audience-both = Families and practitioners
# What a practitioner needs from the family before referring them.
consent-written = The family's written consent is needed
consent-verbal = The family must agree to the referral (spoken agreement is enough)
consent-informed = Tell the family you are referring them
# Days, in opening times and the 'Open on' filter.
day-monday = Monday
day-tuesday = Tuesday
day-wednesday = Wednesday
day-thursday = Thursday
day-friday = Friday
day-saturday = Saturday
day-sunday = Sunday
# A run of three or more days: "Monday to Friday".
days-range = { $first } to { $last }
# The last of several days or runs: "Monday, Wednesday and Friday" ($list is already joined with commas).
days-and = { $list } and { $last }
# An opening time: "Monday to Friday, 9am to 5pm".
opening-hours = { $days }, { $opens } to { $closes }
# Where an opening time applies, in brackets after it: "(at Acton Family Hub)".
opening-at = at { $place }
ages-range = Ages { $youngest } to { $oldest }
ages-from = Ages { $youngest } and over
ages-up-to = Up to age { $oldest }
cost-free = Free
cost-paid = Paid
cost-charge = There is a charge

# The subject of the email a 'Report a change' link starts: "Change to the directory entry ...".
report-change-subject = Change to { $what }
# $name is the service's name, $id its identifier.
report-change-service = the directory entry { $name } ({ $id })
report-change-library = the resource library ({ $title })

# The home page's card for the self-help pages, when the section has no summary.
home-self-help-guides = { $count ->
    [one] { $count } guide for families.
   *[other] { $count } guides for families.
  }
# The home page's card for the directory: "12 services near you, including counselling,
# helplines and mediation." (the categories follow home-directory-including, in lower case).
home-directory-services = { $count ->
    [one] { $count } service near you
   *[other] { $count } services near you
  }
# Follows home-directory-services, before the first category (its comma included).
home-directory-including = , including
# Before the last of several: "counselling, helplines and mediation".
list-and = and
# Before the last of several choices: "self-referral, drop-in or professional referral".
list-or = or

## A service's page and the guide for practitioners

# A tag on a service's card.
service-family-hub = Family hub
# The name of the list of tags on a service's card.
service-key-facts = Key facts
service-run-by = Run by { $organisation }
service-referred-by-practitioners = Families are referred to this service by practitioners: talk to your family hub, health visitor, school or GP.
service-please-note = Please note:
service-details = Details
service-level = Level of support
service-category = Category
service-who-for = Who it is for
service-how-to-get-referred = How to get referred
service-delivery = How it is given
service-cost = Cost
service-languages = Languages
service-area = Area
service-accreditations = Accreditations
service-opening-times = Opening times
service-where = Where
service-map = Map of { $place } on OpenStreetMap
service-accessibility = Accessibility: { $notes }
service-contact = Contact
service-ask-for = Ask for: { $person }
contact-phone = Phone: { $phone_html }
contact-email = Email: { $email_html }
service-no-contact = No contact details are listed.
service-route-title = For practitioners: how to refer
service-guide-link = Referring to other services: the guide for practitioners
service-related-self-help = Related self-help
service-related-resources = Related resources
# $date_html is the date, marked up for machines.
service-last-checked = Last checked on { $date_html }.
service-report-change = Report a change to this entry
route-who = Who can refer
route-how = How to refer
route-form = Referral form for { $service }
route-include = What to include
route-response = When they reply
route-consent = Consent
guide-title = Referring a family: a guide for practitioners
guide-summary = Where to refer a family, which service suits which need, and how to make each referral.
# $directory_html is a link whose words are guide-directory-link.
guide-intro = This guide is for anyone who works with families: where each service sits on the pathway of support, which service suits which need, and how to refer a family to each. Families can use the { $directory_html } themselves.
guide-directory-link = directory of local support
guide-which-service = Which service when
guide-routes = How to refer to each service
guide-pathway-lead = From help open to every family to specialist support: each level, the kinds of help at it and the services that give them.
guide-by-referral = By referral from practitioners
guide-how-to-refer = how to refer
# Read by screen readers after guide-how-to-refer: "how to refer to Northmoor Counselling".
guide-how-to-refer-to = to { $service }
guide-not-where-abuse = Not where there is domestic abuse:
guide-joint-work-note = some of these services work with both partners together, which is not safe where one partner abuses or controls the other.
# "Refer to" and "instead." go around the names of the safety services, linked.
guide-refer-to = Refer to
guide-instead = instead.
guide-services = Services:
# $level is level-..., $audience is service-audience-... in lower case.
guide-service-meta = { $organisation }. { $level } support. For: { $audience }.
guide-joint-work = Works with both partners together:
guide-joint-work-abuse = not where there is domestic abuse.
guide-how-families-get-there = How families get there
guide-tell-us = Tell us
guide-give-feedback = Give feedback
guide-report-change = Report a change to this guide
# What each kind of help is (when the site does not describe it).
category-description-domestic-abuse = Specialist support for anyone harmed by a partner or family member: safety planning, advocacy and support for children. Where there is abuse, refer here first, and never to joint work with both partners.
category-description-mediation = Mediation helps separating parents agree arrangements for their children and money, meeting together or apart with a neutral mediator. It is not therapy, and it is not safe where one parent abuses or fears the other.
category-description-counselling = Counselling gives one person, a couple or a young person time with a trained counsellor to talk through feelings and relationships. It looks at how people feel and why, rather than agreeing arrangements.
category-description-parenting-programme = Group or one-to-one courses that build parenting skills and confidence over several weeks.
category-description-relationship-support = Help for parents whose relationship is under strain, together or separated, to argue less and co-operate more for their children.
category-description-money-advice = Advice on debt, benefits and budgeting: money worries are often behind conflict at home.
category-description-family-hub = Family hubs are the first place to go: they offer or find most of the help in this guide.
category-description-drop-in = Sessions families can come to without booking or a referral.
category-description-health = Health services for parents and children, including mental health.
category-description-helpline = Telephone lines families can call themselves, often at any hour.
category-description-peer-support = Support from other parents who have been through something similar.
category-description-online = Help given online, for families who cannot or would rather not come in person.

## The resource library and follow-on materials

resources-summary = Talks, articles, videos and toolkits on relationships, chosen for families and the people who work with them.
resources-count = { $count ->
    [one] { $count } resource
   *[other] { $count } resources
  }. Links go to other websites.
resources-browse = Browse the library
resources-all = All resources
resources-by-kind = By kind
resources-by-topic = By topic
resources-report-change = Report a broken link or a change to a resource
# $kinds is one of material-kinds-..., in lower case.
resources-kind-title = Resources: { $kinds }
# $topic is the topic's name, in lower case.
resources-topic-title = Resources on { $topic }
# Each kind of material, as a tag.
material-kind-video = Video
material-kind-talk = Talk
material-kind-article = Article
material-kind-slides = Slides
material-kind-handout = Handout
material-kind-toolkit = Toolkit
material-kind-website = Website
material-kind-podcast = Podcast
# The same as a heading over several.
material-kinds-video = Videos
material-kinds-talk = Talks
material-kinds-article = Articles
material-kinds-slides = Slides
material-kinds-handout = Handouts
material-kinds-toolkit = Toolkits
material-kinds-website = Websites
material-kinds-podcast = Podcasts
# Who made a material.
material-from = From { $source }
# How long a video or talk lasts.
duration-minutes = { $minutes ->
    [one] { $minutes } minute
   *[other] { $minutes } minutes
  }
duration-hours = { $hours ->
    [one] { $hours } hour
   *[other] { $hours } hours
  }
duration-hours-minutes = { $hours ->
    [one] { $hours } hour
   *[other] { $hours } hours
  } { $minutes ->
    [one] { $minutes } minute
   *[other] { $minutes } minutes
  }

## The week's booklet (its page)

# After the week's dates: ". Theme: Conflict at home".
booklet-theme = Theme: { $theme }
booklet-published-by = Published by { $publisher }.
booklet-programme-online = The programme online:
booklet-download = Download the booklet (PDF, { $size })
booklet-introduction = Introduction
booklet-further = Further resources
booklet-cancelled = This session was cancelled.
# $hosts are the names, joined with semicolons.
booklet-led-by = Led by { $hosts }.
booklet-recording = Recording
booklet-materials = Follow-on materials
booklet-no-materials = No materials were shared after this session.
# $library_html is a link whose words are booklet-resource-library.
booklet-further-lead = More from the { $library_html } on the topics of this week.
booklet-resource-library = resource library
booklet-feedback-title = Tell us what you thought
booklet-give-feedback = Give feedback on { $title }
booklet-back = Back to the programme
# The booklet's title (its page and its PDF): "Spring week 2024: the booklet".
booklet-title = { $week }: the booklet
# A session's recording, as a link's title.
booklet-recording-of = Recording of { $title }
# The name a screen reader gives the QR code that leads to the feedback form.
booklet-feedback-qr = QR code for feedback on { $week }

## The printed documents (the booklet's PDF and the printed directory's PDFs)

# Each page's footer, after the document's title.
pdf-page-of = Page { $page } of { $pages }
# What a screen reader says for a link to another part of the document.
pdf-go-to = Go to { $title }
# The printed directory's title: "Northmoor Families: directory of local support".
printed-directory-title = { $site }: directory of local support
# $date is the day the PDF was made.
printed-directory-made-on = Made on { $date }
# The PDF's description in its document properties; $paper is A4 or A5.
printed-directory-description = { $title }, { $paper } edition.
printed-directory-how-to-use = Services are grouped by level of support, then by the kind of help they give. Each entry says who the service is for, how to get there, what it costs and how to get in touch, with a QR code to its page on the website, where it is kept up to date: check it before you refer a family.
# Before the directory's web address.
printed-directory-online = The directory online:
# The headings of the levels of the pathway of support.
printed-level-universal = Universal support
printed-level-targeted = Targeted support
printed-level-specialist = Specialist support
printed-directory-resources = Online resources
printed-directory-resources-lead = Help families can use at home, at any time: websites, videos and guides.
printed-directory-index = Index
printed-directory-index-lead = Topics and kinds of help, A to Z, with the page of each service.
printed-directory-help-now-lead = Numbers to call when someone needs help now, and services that help people who are not safe at home.
printed-directory-safety = Safety services
# The labels of a service's facts, each followed by a colon and the fact.
printed-service-access = How to get there
printed-service-website = Website
# Before an opening time: "Open: Monday to Friday, 9am to 5pm".
printed-service-open = Open
# After when the entry was last checked: "Online: example.org/directory/relate".
printed-service-online = Online: { $address }

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

## The programme: weeks, their sessions, filters, session pages, hosts, posters, 'My sessions'

weeks-past = Past weeks
# The list of weeks' summary: $count weeks; $when is both (past and to come), past or coming.
weeks-summary = { $count ->
    [one] One week
   *[other] { $count } weeks
  } of sessions{ $when ->
    [both] , past and to come
    [past] , now over
   *[coming] {""}
  }.
# After the week's dates: "4 to 8 March 2024. Theme: Talking together".
week-theme = Theme: { $theme }
week-show-all = Show all sessions of { $week }
week-about-link = About this week, its calendar and poster
week-about = About this week
# In bold before the week's audiences, in lower case: "Who it is for: parents and carers."
week-audience = Who it is for:
week-subscribe = Subscribe to the whole week in your calendar
week-download-ics = Download the week's calendar (.ics)
week-poster = Printable poster with QR codes
week-booklet = The booklet: every session's recordings and materials
week-feedback = Give feedback on { $week }
week-organised-by = Organised by
week-questions = { $ways ->
    [both] Questions about the week: email { $email_html } or call { $phone }.
    [phone] Questions about the week: call { $phone }.
   *[email] Questions about the week: email { $email_html }.
  }
filter-sessions = Filter sessions
# Added by the programme's script above the filters.
filter-hint = Choose values of different filters to combine them; choose a value again to clear it.
sessions-count = { $count ->
    [one] { $count } session
   *[other] { $count } sessions
  }
# The filters' titles.
filter-day = Day
filter-time-of-day = Time of day
filter-part-of-week = Weekdays or weekend
filter-audience = Who it is for
filter-format = Format
filter-cost = Cost
filter-childcare = Children
filter-topic = Topic
time-of-day-morning = Morning
time-of-day-afternoon = Afternoon
time-of-day-evening = Evening
part-of-week-weekday = Weekdays
part-of-week-weekend = Weekend
# Formats and audiences of sessions.
format-online = Online
format-in-person = In person
format-hybrid = In person and online
audience-parents = Parents and carers
audience-families = Families
audience-practitioners = Practitioners
audience-young-people = Young people
audience-community = Community
# Family details of a session: labels on its page, and words on its card.
family-cost = Cost
family-children = Children
family-ages = Ages
family-refreshments = Refreshments
family-help-getting-there = Help getting there
family-parking = Parking
family-step-free-route = Step-free route
childcare-creche = Creche
childcare-children-welcome = Children welcome
childcare-none = No childcare
# On a card: "Ages 0 to 5".
family-ages-card = Ages { $ages }
# A session's card: facts read by screen readers before each line.
card-when = When:{" "}
card-where = Where:{" "}
card-for-families = For families:{" "}
# "For parents and carers, families." (the audiences in lower case)
card-audience = For { $audience }.
# The hosts of a session: "With Jo Bloggs, Ealing Council; Sam Smith and Ali Khan".
card-with = With { $hosts }
# Where a session is: "Online: Microsoft Teams", "Acton Family Hub, or online: Microsoft Teams".
place-online = Online
place-online-on = Online: { $platform }
place-or-online = { $venue }, or online
place-or-online-on = { $venue }, or online: { $platform }
# A session's page.
session-when = When
session-format = Format
session-where = Where
session-audience = Who it is for
session-booking = Booking
# After the day and time, the time zone: "Tuesday 5 March 2024, 10am to 11:30am (UK time)".
session-uk-time = UK time
session-map = map of { $venue }
session-or-online = or online
session-online = Online
session-other-dates = Other dates with places
session-ask-organisers = Ask the organisers about other ways to take part, or to hear if a place comes up:
# $recording_html is a link to where the recording will be.
session-will-be-recorded = This session will be recorded: { $recording_html }.
session-follow-on = Follow-on materials
session-about = About this session
session-led-by = Led by
session-led-by-host = sessions led by { $name }
session-access = Getting there and access
session-accessibility = Accessibility
session-captions = Live captions
session-bsl = British Sign Language (BSL) interpretation
session-languages = Languages: { $languages }
session-interpreters = Interpreters: { $languages }
session-add-to-calendar = Add to your calendar
session-download-ics = Download a calendar file (.ics) for { $title }
session-google = Add { $title } to Google Calendar
session-outlook = Add { $title } to Outlook
session-topics = Topics
session-related-self-help = Related self-help
session-related-resources = Related resources
session-booklet = Read the booklet of { $week }: every session's materials in one place
back-to-programme = Back to the programme of { $week }
# A session's next step, one for each phase it can reach.
step-not-open = Booking is not open yet
# $moment is "9am on Monday 4 March 2024".
step-opens-at = Booking opens at { $moment }.
step-closes-at = Booking closes at { $moment }.
# "9am on Monday 4 March 2024"
moment = { $time } on { $day }
step-closed = Booking closed
step-closed-line = Booking for this session has closed.
step-now = Happening now
step-join = Join the session
step-use-link = Use the joining link you were sent when you booked.
step-started = The session has started.
step-finished = This session has finished
step-watch = Watch the recording of { $title }
step-feedback = Tell us what you thought of { $title }
step-no-materials = There are no follow-on materials for this session yet.
step-cancelled = Cancelled
step-cancelled-line = This session has been cancelled.
# $reason is the organiser's words.
step-cancelled-because = This session has been cancelled. { $reason }
step-waiting = Join the waiting list
step-waiting-line = This session is full. Join the waiting list and we will contact you if a place comes up.
step-full = Fully booked
step-no-places = There are no places left.
step-no-need = No need to book
step-just-come = Just come along.
step-book = Book a place
step-places-left = { $count ->
    [one] 1 place left.
   *[other] { $count } places left.
  }
step-link-sent = The joining link is sent when you book.
# Ways to book: "Book a place: { $title }" links to a form.
book-form = Book a place: { $title }
book-form-waiting = Join the waiting list: { $title }
book-email = Book by email: { $address }
book-email-waiting = Join the waiting list by email: { $address }
book-phone = Book by phone: { $number }
book-phone-waiting = Join the waiting list by phone: { $number }
# The subject of a booking email to the organisers: "Booking: { title } ({ day }, { week })".
book-email-subject = Booking: { $title } ({ $day }, { $week })
# A session's calendar file (.ics): lines its description adds after the session's own text.
# A family detail on its own line: "Cost: £5" ($label is a family-... message, $text its value).
calendar-fact = { $label }: { $text }
# The session's booking form: $url is its web address.
calendar-book-form = Book: { $url }
# The last line: $url is the session's page.
calendar-details = Details: { $url }
# Where an online session is, in the calendar's location: "Online (Microsoft Teams)".
calendar-online-on = Online ({ $platform })
# Other ways to take part when a session is full.
instead-subject = Full session: { $title }
instead-email = Email the organisers: { $address }
instead-phone = Phone the organisers: { $number }
instead-recording = The recording of { $title }, once it has been shared
# Another date of a full session, as a link: "Family morning, Sunday 28 March 2027 at 10am".
instead-other-date = { $title }, { $day } at { $time }
# A host's page.
host-summary = { $count ->
    [0] Sessions led by { $name }.
   *[other] Sessions led by { $name } in { $weeks }.
  }
host-people = Who leads them
host-sessions = Sessions
# The printable poster of a week.
poster-scan = Scan a code with your phone's camera to book, or type the address under it.
# Children's ages: "0 to 5", "0 to 12 months", "11 and over".
child-ages-range = { $from } to { $to }
child-ages-range-months = { $from } to { $to } months
child-ages-over = { $from } and over
child-ages-over-months = { $from } months and over
# A week's dates: "Monday 4 March 2024 to Friday 8 March 2024".
date-range = { $from } to { $to }
# A filter page's title after the week's name, with the value in lower case:
# "for parents and carers", "at the weekend", "on domestic abuse".
filter-page-for = for { $value }
filter-page-at-the = at the { $value }
filter-page-on = on { $value }

## 'My sessions' (its script reads these words from the page; { $title } and { $count } given
## as "{title}" and "{count}" are filled in by the script: keep them as they are)

my-sessions-add = Add to my sessions
my-sessions-remove = Remove from my sessions
my-sessions-add-name = Add to my sessions: { $title }
my-sessions-remove-name = Remove from my sessions: { $title }
my-sessions-count-none = No sessions in my sessions yet.
my-sessions-count = { $count ->
    [one] 1 session in my sessions.
   *[other] { $count } sessions in my sessions.
  }
my-sessions-open = Open my sessions: one list and one calendar file
mine-title = My sessions: { $week }
mine-description = The sessions you choose from { $week }, in one list and one calendar file.
mine-nojs = This page gathers the sessions you choose from the programme of { $week }, with one calendar file for all of them. It needs JavaScript, which is off or did not run in this browser.
# $programme_html is a link whose words are mine-the-programme.
mine-nojs-one-at-a-time = You can still add sessions to your calendar one at a time: open each session from { $programme_html } and choose 'Download a calendar file (.ics)' on its page.
mine-the-programme = the programme of { $week }
# $calendar_html is a link whose words are mine-whole-week-link.
mine-nojs-whole-week = Or { $calendar_html }.
mine-whole-week-link = download the calendar of the whole week (.ics)
mine-count-none = You have not chosen any sessions yet.
mine-count = { $count ->
    [one] 1 session chosen.
   *[other] { $count } sessions chosen.
  }
mine-nothing-saved = Nothing is saved on this device: your choice is kept only in this page's address. To keep it, bookmark this page or send yourself the link at the end.
mine-empty = Choose 'Add to my sessions' on the sessions you want in { $programme_html }.
mine-your-sessions = Your sessions
mine-add-to-calendar = Add them to your calendar
mine-download = Download my sessions to your calendar (.ics)
mine-failed = The calendar file could not be prepared. Download each session's own file from its page instead.
mine-download-again = Downloading it again after a session changes updates that session in your calendar rather than adding it twice.
mine-other-device = Open them on another device
mine-other-device-text = Open this link on another phone or computer, or send it to yourself:
# The poster's page title, and each QR code's name for screen readers.
poster-title = { $week }: poster
poster-qr = QR code for { $title }
