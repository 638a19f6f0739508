//! Error codes: a short, stable name for every kind of problem and warning (`E0102`,
//! `W0101`), each with a one-line title and a page that `hubsite explain CODE` prints: what it
//! means, a wrong example and a right one, in plain words. A leaf module: it knows no stage.

use std::fmt;

/// Declares [`Code`], its list [`Code::ALL`] and each code's string, title and page, from one
/// table, so that no code can be declared without its page.
macro_rules! codes {
    ($(
        $(#[$doc:meta])*
        $variant:ident = $code:literal, $title:literal,
        meaning: $meaning:literal,
        wrong: $wrong:literal,
        right: $right:literal;
    )*) => {
        /// The kind of a problem or warning, with a stable code.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Code {
            $( $(#[$doc])* $variant, )*
        }

        impl Code {
            /// Every code, in the order of their code strings.
            pub const ALL: &'static [Code] = &[$(Code::$variant),*];

            /// The code as printed: `E0102`.
            pub fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $code,)* }
            }

            /// One line that names the kind of problem.
            pub fn title(self) -> &'static str {
                match self { $(Code::$variant => $title,)* }
            }

            /// What the problem means, in plain words.
            pub fn meaning(self) -> &'static str {
                match self { $(Code::$variant => $meaning,)* }
            }

            /// A file fragment that has the problem.
            pub fn wrong(self) -> &'static str {
                match self { $(Code::$variant => $wrong,)* }
            }

            /// The same fragment, put right.
            pub fn right(self) -> &'static str {
                match self { $(Code::$variant => $right,)* }
            }
        }
    };
}

codes! {
    /// TOML that cannot be read at all.
    TomlSyntax = "E0101", "The file is not valid TOML",
        meaning: "hubsite could not read the file as TOML, the format of hubsite.toml, the files under sessions/ and content/directory/, and the part of a page between the +++ lines. Usually a quote, bracket or comma is missing, or text is not in quotes.",
        wrong: "title = \"Baby massage\nsummary = Gentle touch for babies",
        right: "title = \"Baby massage\"\nsummary = \"Gentle touch for babies\"";
    /// A field this kind of file does not have.
    UnknownField = "E0102", "A field hubsite does not know",
        meaning: "The file names a field that this kind of file does not have, often a spelling slip. hubsite stops rather than ignore it, so nothing you wrote is silently lost. `hubsite help content` lists every field of every kind of file.",
        wrong: "sumary = \"Songs and rhymes for under-fives\"",
        right: "summary = \"Songs and rhymes for under-fives\"";
    /// A field this kind of file needs.
    MissingField = "E0103", "A required field is missing",
        meaning: "This kind of file needs a field (or a [table]) that the file does not have. `hubsite help content` says which fields each kind of file needs.",
        wrong: "# sessions/spring-2027/week.toml\nname = \"Spring week\"\nstart_date = 2027-03-01",
        right: "name = \"Spring week\"\nstart_date = 2027-03-01\nend_date = 2027-03-05";
    /// A value of the wrong type: text where a number is wanted, and so on.
    WrongType = "E0104", "A value of the wrong type",
        meaning: "The value is the wrong kind of thing for its field: text needs quotes, lists need [ ], numbers have no quotes, dates are written 2027-03-05 and times with their date, 2027-03-05T10:00:00.",
        wrong: "capacity = \"twelve\"\nstart = \"10am\"",
        right: "capacity = 12\nstart = 2027-03-05T10:00:00";
    /// A value outside the list of values a field takes.
    UnknownValue = "E0105", "A value that is not one of the allowed ones",
        meaning: "The field takes one of a fixed list of values (a format, a status, a kind, an audience, a category...) and this value is not on it. The message or hint lists the values it takes.",
        wrong: "format = \"face to face\"",
        right: "format = \"in-person\"";
    /// A value of the right type that is still not acceptable.
    BadValue = "E0106", "A value hubsite cannot use",
        meaning: "The value has the right type but cannot be used as it is, for instance a number out of range or text in the wrong shape. The message says what is wrong with it.",
        wrong: "min_age = -1",
        right: "min_age = 0";
    /// A language tag that is not BCP 47.
    BadLanguage = "E0107", "Not a valid language tag",
        meaning: "hubsite.toml's language is put in every page so that browsers, screen readers and search engines read the site in the right language. It must be a BCP 47 tag: a language, then optionally a region.",
        wrong: "language = \"English\"",
        right: "language = \"en-GB\"";
    /// A time zone name that is not in the time zone database.
    UnknownTimeZone = "E0108", "An unknown time zone",
        meaning: "Time zones are written with their IANA name, so that hubsite knows when the clocks change.",
        wrong: "time_zone = \"GMT+1\"",
        right: "time_zone = \"Europe/London\"";
    /// A date that is not a date, or a date-time written wrongly.
    BadDate = "E0201", "A date or time that hubsite cannot read",
        meaning: "A date must exist and be written year-month-day; a date and time is written with a T between them and no time zone (the site's or week's time zone applies). Times alone (for opening hours) use the 24-hour clock.",
        wrong: "start_date = 2027-02-30\nstart = 2027-03-01 7pm\nopens = \"9am\"",
        right: "start_date = 2027-02-28\nstart = 2027-03-01T19:00:00\nopens = \"09:00\"";
    /// A local time the clocks skip when they go forward.
    ClocksSkip = "E0202", "A time that does not happen: the clocks go forward",
        meaning: "When the clocks go forward in spring, an hour is skipped (in the UK, 01:00 to 02:00 on the last Sunday of March). A session cannot start or end in that hour.",
        wrong: "start = 2027-03-28T01:30:00",
        right: "start = 2027-03-28T02:30:00";
    /// A local time that happens twice when the clocks go back.
    ClocksRepeat = "W0201", "A time that happens twice: the clocks go back",
        meaning: "A warning. When the clocks go back in autumn, an hour happens twice (in the UK, 01:00 to 02:00 on the last Sunday of October). hubsite takes the first; write a time outside that hour to remove any doubt.",
        wrong: "start = 2027-10-31T01:30:00",
        right: "start = 2027-10-31T10:00:00";
    /// Something that ends before it starts, or closes before it opens.
    WrongOrder = "E0203", "Something ends before it starts",
        meaning: "Two values are the wrong way round: a week that ends before it starts, a session that ends before it starts, booking that closes before it opens or opens after the session starts, opening hours that close before they open, a maximum age below the minimum.",
        wrong: "start = 2027-03-01T10:00:00\nend = 2027-03-01T09:00:00",
        right: "start = 2027-03-01T10:00:00\nend = 2027-03-01T11:00:00";
    /// A duration that cannot be read.
    BadDuration = "E0204", "A duration hubsite cannot read",
        meaning: "Durations are written in hours and minutes: 90m, 1h, 1h30m.",
        wrong: "duration = \"an hour and a half\"",
        right: "duration = \"1h30m\"";
    /// A session whose end is missing, or given twice.
    SessionEnd = "E0205", "A session's end is missing or given twice",
        meaning: "A session with a start needs an end: either `end` (a date and time) or `duration`, not both.",
        wrong: "start = 2027-03-01T10:00:00\nend = 2027-03-01T11:30:00\nduration = \"90m\"",
        right: "start = 2027-03-01T10:00:00\nduration = \"90m\"";
    /// A session on a day outside its week.
    OutsideWeek = "E0206", "A session outside its week",
        meaning: "A session's date must fall between its week's start_date and end_date (sessions/<week>/week.toml). Usually the day or the month is mistyped.",
        wrong: "# week: 2027-03-01 to 2027-03-05\nstart = 2027-04-02T10:00:00",
        right: "start = 2027-03-02T10:00:00";
    /// A week far longer than a week of sessions usually is.
    LongWeek = "W0202", "A very long week",
        meaning: "A warning. A week of sessions longer than a few weeks is usually a typo in the month or the year of start_date or end_date.",
        wrong: "start_date = 2027-03-01\nend_date = 2028-03-05",
        right: "start_date = 2027-03-01\nend_date = 2027-03-05";
    /// A postcode that is not a UK postcode.
    Postcode = "E0301", "Not a UK postcode",
        meaning: "Postcodes are checked so that maps and directions work. Write the full UK postcode, with or without its space.",
        wrong: "postcode = \"W5\"",
        right: "postcode = \"W5 2HL\"";
    /// A phone number that cannot be dialled.
    Phone = "E0302", "Not a phone number",
        meaning: "Phone numbers become links that a phone can dial. Write the number as people dial it, digits and spaces (a leading + is fine), with nothing else in the field.",
        wrong: "phone = \"call 0113 496 0000 after 2pm\"",
        right: "phone = \"0113 496 0000\"";
    /// An email address that is not one.
    Email = "E0303", "Not an email address",
        meaning: "Email addresses become links that open an email. Write the address alone.",
        wrong: "email = \"Sam at bookings@example.org\"",
        right: "email = \"bookings@example.org\"";
    /// A web address that is not a full, secure one.
    WebAddress = "E0304", "Not a usable web address",
        meaning: "Web addresses must be full and secure: they start with https://. This covers the site's base_url, joining links, booking forms and websites.",
        wrong: "url = \"www.example.org/book\"",
        right: "url = \"https://www.example.org/book\"";
    /// A session or week that takes bookings with no way to book.
    BookingRoute = "E0401", "No usable way to book",
        meaning: "A session that takes bookings needs a way to book: a secure web form (url), an email address or a phone number, under [booking] (or a url_template in the week's [booking]). A booking url must start with https:// or mailto:.",
        wrong: "[booking]\nstatus = \"open\"",
        right: "[booking]\nstatus = \"open\"\nurl = \"https://forms.example.org/baby-massage\"";
    /// Places that do not add up.
    Places = "E0402", "Places that do not add up",
        meaning: "places_left cannot be more than capacity, and a session whose status is \"full\" has no places left.",
        wrong: "capacity = 10\nplaces_left = 12",
        right: "capacity = 10\nplaces_left = 2";
    /// A session's cost that is neither free nor an amount in pounds.
    Cost = "E0403", "A cost hubsite cannot read",
        meaning: "A session's cost is \"free\" or an amount in pounds and pence, such as \"£5\" or \"£2.50\". It is shown on the session's page and card, in calendars and in the structured data search engines read (as the price, in pounds). Who pays less goes in concessions.",
        wrong: "cost = \"five pounds, less for some\"",
        right: "cost = \"£5\"\nconcessions = \"Free for families on Universal Credit\"";
    /// Children's ages that cannot be read.
    Ages = "E0404", "Ages hubsite cannot read",
        meaning: "A session's ages say how old the children who come are: a range such as \"0-5\" or \"11 to 16\", in years unless it ends with months (\"0-12 months\"), or a lower limit alone (\"11+\"). The first age cannot be more than the second.",
        wrong: "ages = \"toddlers\"",
        right: "ages = \"1-3\"";
    /// Family details that contradict the rest of the session.
    FamilyDetails = "E0405", "Family details that do not fit the session",
        meaning: "Some family details only make sense with others: concessions need a cost that is not free; ages need children there (an audience of families or young people, or childcare); transport and refreshments need a place to go to (an in-person or hybrid session); an interpreter's language is not also a language the session is held in, and British Sign Language is bsl = true, not an interpreter's language.",
        wrong: "format = \"online\"\n\n[transport]\nparking = \"Free car park\"",
        right: "format = \"in-person\"\n\n[transport]\nparking = \"Free car park\"";
    /// A topic name that content/topics.toml does not list.
    UnknownTopic = "E0501", "An unknown topic",
        meaning: "Pages, sessions and services name their topics by the slugs listed in content/topics.toml. Add the topic there, or correct the name.",
        wrong: "topics = [\"sleeping\"]",
        right: "topics = [\"sleep\"]";
    /// A related_* entry that names nothing in the site.
    UnknownRelated = "E0502", "A related entry that names nothing",
        meaning: "related_services, related_pages and related_resources name other parts of the site: a service by its id (its file name under content/directory/), a page or resource by its path. This entry names nothing that exists.",
        wrong: "related_services = [\"womens-aid\"]",
        right: "related_services = [\"leeds-womens-aid\"]";
    /// A location name a service does not have.
    UnknownLocation = "E0503", "An unknown location",
        meaning: "A service's opening hours name one of its [[locations]] by its name. This name matches none of them.",
        wrong: "[[locations]]\nname = \"Main centre\"\n[[hours]]\nlocation = \"Main\"",
        right: "[[locations]]\nname = \"Main centre\"\n[[hours]]\nlocation = \"Main centre\"";
    /// Two things that would be published at one address.
    AddressClash = "E0504", "Two things at one address",
        meaning: "Every page, session, week, host and service is published at its own address, made from its file name, title or name. Two of them would get the same address, so one would hide the other. Rename one of them.",
        wrong: "content/directory/search.toml  (the directory's own search page is /directory/search/)",
        right: "content/directory/search-and-rescue.toml";
    /// A name that cannot become a web address.
    BadName = "E0505", "A name that cannot become a web address",
        meaning: "Addresses are made from file and folder names (and hosts' names): use lower-case letters, digits and hyphens.",
        wrong: "sessions/Spring Week!/week.toml",
        right: "sessions/spring-week/week.toml";
    /// A template name that could reach outside templates/.
    BadTemplateName = "E0506", "Not a template name",
        meaning: "A page's `template` names a file under templates/, such as \"page.html\". It may not climb out of that folder.",
        wrong: "template = \"../secret.html\"",
        right: "template = \"wide-page.html\"";
    /// A link to a page that is not published.
    DeadLink = "E0601", "A link to a page that does not exist",
        meaning: "A page, or a template, links to an address where the site publishes nothing, or a Markdown link names a file that is not a page or service of the site. Readers would meet a missing page.",
        wrong: "See [our groups](groups.md)   (there is no groups.md)",
        right: "See [our groups](sessions.md)";
    /// A link that leaves the folder the site is published in.
    LinkOutsideFolder = "E0602", "A link outside the site's folder",
        meaning: "The site is published under a folder of its host (base_url, such as https://council.example.gov.uk/familyhub/). A link written as a full path from the host's root leaves that folder. Write site paths and let the build add the folder.",
        wrong: "<a href=\"/familyhub/self-help/\">",
        right: "<a href=\"{{ site.base_path }}/self-help/\">  or, in Markdown, [help](/self-help/)";
    /// A page that loads a script, font, style or image from another site.
    OtherOrigin = "E0603", "Something loaded from another site",
        meaning: "Pages may not load scripts, fonts, styles or images from other sites: every such load tells that site who visited a family hub page, which can put a family at risk. Copy the file into static/ and link to that.",
        wrong: "<img src=\"https://images.example.com/logo.png\">",
        right: "<img src=\"/images/logo.png\">   (the file is static/images/logo.png)";
    /// A follow-on material or resource that readers cannot follow.
    MaterialAddress = "E0701", "A material readers cannot follow",
        meaning: "Follow-on materials and resources are printed and put on the site for families to follow up. Their address must be a full https:// address that works outside the hub's own network.",
        wrong: "url = \"http://intranet/leaflet.pdf\"",
        right: "url = \"https://www.example.org/leaflet.pdf\"";
    /// A material listed twice.
    DuplicateMaterial = "E0702", "A material listed twice",
        meaning: "The same material (the same title or address) is listed twice for one session or resource. List each material once.",
        wrong: "[[follow_on]]\ntitle = \"Sleep leaflet\"\n...\n[[follow_on]]\ntitle = \"Sleep leaflet\"",
        right: "[[follow_on]]\ntitle = \"Sleep leaflet\"";
    /// A file that cannot be read.
    FileUnreadable = "E0801", "A file that cannot be read",
        meaning: "hubsite could not read the file or folder: it does not exist, it cannot be opened, or a symbolic link leads nowhere or back into its own folder.",
        wrong: "content/help.md -> ../help.md   (a link to a file that is not there)",
        right: "content/help.md   (the file itself)";
    /// A file whose text is not UTF-8.
    NotUtf8 = "E0802", "A file that is not UTF-8",
        meaning: "Every text file must be saved as UTF-8. Files saved from some word processors or old editors use another encoding; save them again as UTF-8.",
        wrong: "a file saved as Windows-1252 or UTF-16",
        right: "the same file saved as UTF-8";
    /// A page without front matter, or with front matter never closed.
    FrontMatter = "E0803", "A page's front matter is missing or not closed",
        meaning: "A page starts with front matter: a line `+++`, its fields in TOML, and another line `+++`. Then the page's Markdown follows.",
        wrong: "# Sleep\nTips for better nights.",
        right: "+++\ntitle = \"Sleep\"\n+++\nTips for better nights.";
    /// A file in the wrong place, or one that another file needs and is not there.
    FileInWrongPlace = "E0804", "A file in the wrong place, or missing",
        meaning: "Some files must be in a particular place: a session in its week's folder, sessions/<week>/<slug>.toml; its description beside it with the same name, <slug>.md; week.toml in every week's folder; the home page at content/_index.md; other files under static/.",
        wrong: "sessions/baby-massage.toml",
        right: "sessions/spring-2027/baby-massage.toml";
    /// A session described in two places.
    DescriptionTwice = "E0805", "A session described twice",
        meaning: "A session's description is written either in its .toml file (description = ...) or in a .md file beside it, not both.",
        wrong: "baby-massage.toml with description = \"...\", and baby-massage.md",
        right: "baby-massage.toml without description, and baby-massage.md";
    /// A list that needs at least one entry.
    EmptyList = "E0806", "An empty list",
        meaning: "This list needs at least one entry: a service's access and categories, opening hours' days.",
        wrong: "categories = []",
        right: "categories = [\"parenting\"]";
    /// A template that fails to read or render.
    Template = "E0901", "A template error",
        meaning: "A template (under templates/ or the theme's) has a syntax error, or fails while a page is made with it. The message names the template and the line.",
        wrong: "{% if page.date %}<time>{{ page.date }}</time>",
        right: "{% if page.date %}<time>{{ page.date }}</time>{% endif %}";
    /// A template or theme that is not there.
    TemplateNotFound = "E0902", "A template or theme that does not exist",
        meaning: "A page, a template (with extends) or hubsite.toml names a template or theme that is not there.",
        wrong: "theme = \"hubb\"",
        right: "theme = \"hub\"";
    /// Something hubsite itself could not do.
    Internal = "E0903", "Something hubsite could not make",
        meaning: "hubsite could not make part of the site (a booklet PDF, the search index) or read an input it was given. The message says what failed. If it is not something in your files, please report it.",
        wrong: "hubsite import oruk services.html   (not an Open Referral UK JSON file)",
        right: "hubsite import oruk services.json";
    /// A translation of the theme's words that Fluent cannot read.
    Translation = "E0904", "A translation file that cannot be read",
        meaning: "The theme's words come from Project Fluent files, one per language: the theme's i18n/<language>.ftl, and the site's own i18n/<language>.ftl, whose messages replace the theme's. Each message is `name = text` on its own line; a line that goes on starts with spaces; a variable is written { $name }. docs/languages.md explains the format.",
        wrong: "exit-this-page: Gadael y dudalen hon",
        right: "exit-this-page = Gadael y dudalen hon";
    /// A `[translations.<tag>]` table in a language the site does not publish in.
    UndeclaredLanguage = "E0905", "A language used in a file but not declared",
        meaning: "Sessions, weeks, hosts, services, topics and resources carry their text in other languages in [translations.<tag>] tables. Each tag must be one of the site's other languages, listed in hubsite.toml's `languages` (the default first), so that hubsite builds its pages; the default language's text is the item's own fields, and a one-language site has no translations.",
        wrong: "# hubsite.toml: language = \"en-GB\"\n[translations.cy]\ntitle = \"Bore coffi\"",
        right: "# hubsite.toml: languages = [\"en-GB\", \"cy\"]\n[translations.cy]\ntitle = \"Bore coffi\"";
    /// A field in a translation table that is not one of the text fields of its kind.
    UntranslatableField = "E0906", "A field a translation cannot hold",
        meaning: "A [translations.<tag>] table holds only the text a reader reads (a title or name, a summary, a description, a note...: the message names the fields of each kind, and docs/languages.md lists them). Ids, dates, times, places, numbers and web addresses are the same in every language, so they are written once, outside the table.",
        wrong: "[translations.cy]\ntitle = \"Bore coffi\"\nstart = 2027-03-01T10:00:00",
        right: "start = 2027-03-01T10:00:00\n\n[translations.cy]\ntitle = \"Bore coffi\"";
    /// A translated page (`about.cy.md`) that cannot stand beside its original.
    PageTranslation = "E0910", "A translated page hubsite cannot place",
        meaning: "A page in another language sits beside its original with the language's tag before .md: about.cy.md translates about.md. The language must be one of `languages` in hubsite.toml (not the default, whose pages have no tag), the original must exist, and the translation's front matter holds only what is translated (title, summary, draft, extra): topics, dates, weight, safety and the rest come from the original.",
        wrong: "content/about.pl.md   (languages = [\"en-GB\", \"cy\"])",
        right: "languages = [\"en-GB\", \"cy\", \"pl\"]";
    /// A spreadsheet that cannot be read at all.
    SheetUnreadable = "E1001", "A spreadsheet hubsite cannot read",
        meaning: "`hubsite import sessions` reads .xlsx, .xls and .ods workbooks (their sheet named Sessions, else the first) and .csv files (UTF-8, or Windows-1252 as Excel saves them). The file is of another kind, damaged, or a CSV line's quotes do not close.",
        wrong: "hubsite import sessions programme.pdf --week spring-2027",
        right: "hubsite import sessions programme.xlsx --week spring-2027";
    /// A column header hubsite does not know, one given twice, or a required one missing.
    SheetColumn = "E1002", "A spreadsheet column hubsite does not know, or one missing",
        meaning: "The first row of a sessions spreadsheet names its columns (case and spaces do not matter). Each must be one hubsite reads, once; title, date, start and format are needed; a value in a column with no header is not read. `hubsite import sessions --template FILE.xlsx` writes a sheet with every column, and a second sheet explaining each.",
        wrong: "title | date | start | sumary",
        right: "title | date | start | format | summary";
    /// A date or time that could be read two ways.
    AmbiguousDate = "E1003", "A date or time that could mean two things",
        meaning: "Spreadsheet dates are read day first, as in the UK (03/04/2027 is 3 April), in the week's time zone. A number alone (7: a day? 7am or 7pm?), a date without its year or with two digits of it, or one that only makes sense month first (06/17/2027) could mean two things, so hubsite asks rather than guess.",
        wrong: "date: 06/17/2027    start: 7",
        right: "date: 17/06/2027    start: 7pm";
    /// A session value a spreadsheet cell cannot carry.
    SheetValue = "E1004", "A value a spreadsheet cannot carry",
        meaning: "`hubsite export sessions` writes each session as one row and checks that reading the row back gives the same file. A value that would change on the way (a host's name with a `|`, which separates a host's name, role and organisation, or a list entry with a `;`) is an error, so the round trip never loses anything unnoticed.",
        wrong: "[[hosts]]\nname = \"Sam | Jo\"",
        right: "[[hosts]]\nname = \"Sam\"\n\n[[hosts]]\nname = \"Jo\"";
    /// An `[[import.oruk.rules]]` entry of hubsite.toml that cannot be read.
    ImportRule = "E1005", "An import rule in hubsite.toml hubsite cannot follow",
        meaning: "`[[import.oruk.rules]]` in hubsite.toml place imported Open Referral UK services on the pathway of support. Each rule matches a taxonomy `term` or a hubsite `category` (or, with neither, every service) and gives a `level` (universal, targeted or specialist), `access` (self-referral, professional-referral, drop-in) or both. `hubsite import oruk` checks them before it reads the feed.",
        wrong: "[[import.oruk.rules]]\nterm = \"Counselling\"\nlevel = \"specalist\"",
        right: "[[import.oruk.rules]]\nterm = \"Counselling\"\nlevel = \"specialist\"";
    /// An Open Referral UK feed that cannot be read.
    FeedUnreadable = "E1006", "An Open Referral UK feed hubsite cannot read",
        meaning: "`hubsite import oruk URL` pages through the feed's /services and fetches each service in full. The feed did not answer in time, answered with an error or with something other than JSON (a web page, a login page), sent more than the limit, or its pages lead round in a circle. Nothing is written until every page is read.",
        wrong: "hubsite import oruk https://example.org/directory",
        right: "hubsite import oruk https://example.org/api/v3";
    /// A directory entry not reviewed for too long.
    StaleEntry = "W0101", "A directory entry not reviewed for a long time",
        meaning: "A warning. A service's details go out of date: check the entry with the service, then update last_reviewed. The limit is [directory] stale_after_months in hubsite.toml.",
        wrong: "last_reviewed = 2024-01-10",
        right: "last_reviewed = 2027-02-14";
    /// A service with no way to make contact.
    NoContact = "W0102", "A service with no way to make contact",
        meaning: "A warning. Families reading a directory entry need a way to reach the service: a phone number, an email address or a website under [contact].",
        wrong: "[contact]",
        right: "[contact]\nphone = \"0113 496 0000\"";
    /// A service that no page links to.
    Unlinked = "W0103", "A service no page links to",
        meaning: "A warning. No page of the site links to this service apart from the directory's own lists, so families only find it by browsing the directory. Give it topics it shares with self-help pages, or link to it from a page.",
        wrong: "topics = []",
        right: "topics = [\"sleep\"]";
    /// A sensitive page without a specialist safety service.
    NoSafetyService = "W0104", "A sensitive page with no safety service",
        meaning: "A warning. A page or session about a sensitive topic (such as domestic abuse) should list at least one specialist safety service among its 'Services that can help'.",
        wrong: "related_services = [\"parenting-course\"]",
        right: "related_services = [\"parenting-course\", \"leeds-womens-aid\"]";
    /// A translation that lacks some of the theme's words, or a language with none.
    MissingMessage = "W0901", "Words of the theme not translated",
        meaning: "A warning. The site's language has no translation of some of the theme's words (navigation, booking states, the exit control), so they are shown in English. Add the missing messages to the site's i18n/<language>.ftl: copy each from the theme's en-GB.ftl and translate it.",
        wrong: "# i18n/pl.ftl\nexit-this-page = Opuść tę stronę",
        right: "# i18n/pl.ftl\nexit-this-page = Opuść tę stronę\nskip-to-content = Przejdź do treści";
}

impl Code {
    /// The code named by `text` (`E0102`, `e0102`), if there is one.
    pub fn parse(text: &str) -> Option<Code> {
        let text = text.trim();
        Code::ALL
            .iter()
            .copied()
            .find(|code| code.as_str().eq_ignore_ascii_case(text))
    }

    /// Codes close to `text`, for an unknown code: one character away, else the same group
    /// (`E01..`), else every code.
    pub fn near(text: &str) -> Vec<Code> {
        let text = text.trim().to_ascii_uppercase();
        let close: Vec<Code> = Code::ALL
            .iter()
            .copied()
            .filter(|code| strsim::levenshtein(code.as_str(), &text) <= 1)
            .collect();
        if !close.is_empty() {
            return close;
        }
        let group: Vec<Code> = Code::ALL
            .iter()
            .copied()
            .filter(|code| text.get(1..3).is_some_and(|g| code.as_str()[1..3] == *g))
            .collect();
        if group.is_empty() {
            Code::ALL.to_vec()
        } else {
            group
        }
    }

    /// True for warnings (`W`), which never fail a build.
    pub fn is_warning(self) -> bool {
        self.as_str().starts_with('W')
    }

    /// The page `hubsite explain CODE` prints.
    pub fn page(self) -> String {
        let indent = |text: &str| {
            text.lines()
                .map(|line| format!("    {line}\n"))
                .collect::<String>()
        };
        format!(
            "{}: {}\n\n{}\n\nWrong:\n{}\nRight:\n{}",
            self.as_str(),
            self.title(),
            self.meaning(),
            indent(self.wrong()),
            indent(self.right())
        )
    }

    /// Every code with its title, one a line, for `hubsite explain`.
    pub fn list() -> String {
        Code::ALL
            .iter()
            .map(|code| format!("{}  {}\n", code.as_str(), code.title()))
            .collect()
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_well_formed_and_each_has_a_page_with_examples() {
        let mut seen = std::collections::BTreeSet::new();
        for code in Code::ALL {
            let text = code.as_str();
            assert!(seen.insert(text), "{text} is used twice");
            assert_eq!(text.len(), 5, "{text}");
            assert!(text.starts_with('E') || text.starts_with('W'), "{text}");
            assert!(text[1..].chars().all(|c| c.is_ascii_digit()), "{text}");
            assert!(!code.title().is_empty() && !code.meaning().is_empty());
            assert!(!code.wrong().is_empty() && !code.right().is_empty());
            assert_ne!(code.wrong(), code.right(), "{text}");
            assert_eq!(Code::parse(&text.to_lowercase()), Some(*code));
            let page = code.page();
            assert!(page.contains("Wrong:\n    ") && page.contains("Right:\n    "));
        }
    }

    #[test]
    fn an_unknown_code_has_near_codes() {
        assert_eq!(Code::parse("E9999"), None);
        assert!(Code::near("E0112").contains(&Code::UnknownField));
        assert!(Code::near("W0199").contains(&Code::StaleEntry));
        assert_eq!(Code::near("nonsense").len(), Code::ALL.len());
    }
}
