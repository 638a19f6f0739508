//! The columns of a sessions spreadsheet: one table that the import, the template and the
//! export all read, so that the three cannot disagree about a header, where its value goes in
//! a session file, or what a cell may hold.

/// What a column's cells hold, and so how they are read and written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Text, kept as written (trimmed); line breaks are kept.
    Text,
    /// The session's file name; made from the title when empty.
    Slug,
    /// The session's day: a date cell, `22/03/2027` (day first), `2027-03-22` or
    /// `Monday 22 March 2027`.
    Date,
    /// A time of the day: a time cell, `10:00`, `10am`, `9.30am`, `7pm`.
    Time,
    /// A time of the day, or a date and a time for an end on another day.
    EndTime,
    /// A date and a time, as for `date` and `start` in one cell.
    DateTime,
    /// A whole number.
    Number,
    /// yes or no.
    YesNo,
    /// A list: one entry per line, or separated by `;`.
    List,
    /// A list of identifiers (audiences, topics): also separated by commas.
    SlugList,
    /// One host per line (or `;`): `name | role | organisation`, role and organisation optional.
    Hosts,
    /// One material per line: `title | url | kind | source | duration | description`.
    FollowOn,
    /// TOML text for `[extra]`, kept as written.
    Extra,
}

/// Where a column's value goes in a session file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// Nowhere in the file: the file name, or a part of `start` and `end`.
    FileName,
    /// A key of the session (`title`).
    Top(&'static str),
    /// A key of one of the session's tables (`[venue] postcode`).
    In(&'static str, &'static str),
}

/// One column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    /// Its header, as the template writes it (case, spaces and hyphens do not matter).
    pub header: &'static str,
    /// What its cells hold.
    pub kind: Kind,
    /// Where it goes.
    pub place: Place,
    /// Whether every row needs it.
    pub required: bool,
    /// What it means and the values it takes, for the template's second sheet.
    pub help: &'static str,
    /// The template's example row.
    pub example: &'static str,
}

const fn column(
    header: &'static str,
    kind: Kind,
    place: Place,
    help: &'static str,
    example: &'static str,
) -> Column {
    Column {
        header,
        kind,
        place,
        required: false,
        help,
        example,
    }
}

const fn required(column: Column) -> Column {
    Column {
        required: true,
        ..column
    }
}

use Kind::*;
use Place::*;

/// Every column, in the template's order.
pub const COLUMNS: &[Column] = &[
    required(column(
        "title",
        Text,
        Top("title"),
        "The session's title.",
        "Understanding your teenagers",
    )),
    column(
        "slug",
        Slug,
        FileName,
        "Optional: the session's file name and address (lower-case letters, digits and hyphens). Left empty, it is made from the title. Keep it once the programme is published, so links keep working.",
        "understanding-your-teenagers",
    ),
    required(column(
        "date",
        Date,
        FileName,
        "The day, in the week's time zone: a date cell, or typed day first as 23/03/2027, or 2027-03-23, or Tuesday 23 March 2027. A number alone (7) or a month first (03/23/2027) is an error.",
        "23/03/2027",
    )),
    required(column(
        "start",
        Time,
        Top("start"),
        "When it starts: a time cell, or 17:30, 5.30pm, 5:30pm, 10am, noon. A number alone (7) is an error: write 7am, 7pm or 19:00.",
        "17:30",
    )),
    column(
        "end",
        EndTime,
        Top("end"),
        "When it ends, as for start; a time before the start is the next day (a session past midnight), or write the date and time (24/03/2027 01:00). Give end or duration.",
        "19:00",
    ),
    column(
        "duration",
        Text,
        Top("duration"),
        "Instead of end: how long it lasts, 90m, 1h or 1h30m.",
        "",
    ),
    required(column(
        "format",
        Text,
        Top("format"),
        "online, in-person or hybrid.",
        "in-person",
    )),
    column(
        "venue",
        Text,
        In("venue", "name"),
        "For in-person and hybrid sessions: the building.",
        "Northolt Family Hub",
    ),
    column(
        "address",
        Text,
        In("venue", "address"),
        "The venue's street address.",
        "3 Example Avenue, Northolt",
    ),
    column(
        "postcode",
        Text,
        In("venue", "postcode"),
        "The venue's UK postcode.",
        "UB5 5AB",
    ),
    column(
        "venue_access",
        List,
        In("venue", "access"),
        "The venue's access, one a line or separated by ;",
        "Step-free access; Hearing loop",
    ),
    column(
        "online_platform",
        Text,
        In("online", "platform"),
        "For online and hybrid sessions: Microsoft Teams, Zoom...",
        "",
    ),
    column(
        "join_url",
        Text,
        In("online", "join_url"),
        "The joining link, if it is public (https://...); usually sent after booking.",
        "",
    ),
    column(
        "audience",
        SlugList,
        Top("audience"),
        "Who it is for, separated by commas: parents, families, practitioners, young-people, community.",
        "parents, families",
    ),
    column(
        "topics",
        SlugList,
        Top("topics"),
        "Topics from content/topics.toml, separated by commas.",
        "teenagers, parental-conflict",
    ),
    column(
        "hosts",
        Hosts,
        Top("hosts"),
        "Who leads it, one a line or separated by ;, each as: name | role | organisation (role and organisation may be left out).",
        "A family practitioner | Parenting practitioner | Ealing Council",
    ),
    column(
        "status",
        Text,
        In("booking", "status"),
        "open, waitlist, full, closed, cancelled or not-required (no need to book). Empty: open.",
        "open",
    ),
    column(
        "booking_url",
        Text,
        In("booking", "url"),
        "The booking form (https://...). Empty: the week's way to book, unless booking_email or booking_phone is given.",
        "",
    ),
    column(
        "booking_email",
        Text,
        In("booking", "email"),
        "An email address to book by.",
        "",
    ),
    column(
        "booking_phone",
        Text,
        In("booking", "phone"),
        "A phone number to book on, as people dial it.",
        "",
    ),
    column(
        "capacity",
        Number,
        In("booking", "capacity"),
        "Places in all.",
        "20",
    ),
    column(
        "places_left",
        Number,
        In("booking", "places_left"),
        "Places not yet taken (0 or empty when full).",
        "3",
    ),
    column(
        "booking_opens",
        DateTime,
        In("booking", "opens"),
        "When booking opens, if not the week's: a date and a time (11/01/2027 09:00).",
        "",
    ),
    column(
        "booking_closes",
        DateTime,
        In("booking", "closes"),
        "When booking closes, if not the week's close or the start.",
        "",
    ),
    column(
        "summary",
        Text,
        Top("summary"),
        "One sentence, shown in lists.",
        "An evening for parents and carers of teenagers.",
    ),
    column(
        "description",
        Text,
        Top("description"),
        "The longer description, in Markdown; line breaks are kept.",
        "We talk about what is happening for teenagers as they grow up.",
    ),
    column(
        "note",
        Text,
        Top("note"),
        "A note shown to readers, such as 'Times are to be confirmed'.",
        "",
    ),
    column(
        "captions",
        YesNo,
        In("accessibility", "captions"),
        "yes or no: live captions.",
        "no",
    ),
    column(
        "bsl",
        YesNo,
        In("accessibility", "bsl"),
        "yes or no: British Sign Language interpretation.",
        "no",
    ),
    column(
        "languages",
        List,
        In("accessibility", "languages"),
        "Languages spoken, one a line or separated by ;",
        "English",
    ),
    column(
        "interpreters",
        List,
        In("accessibility", "interpreters"),
        "Languages an interpreter puts the session into, one a line or separated by ; (not the languages it is held in; BSL is the bsl column).",
        "",
    ),
    column(
        "accessibility_notes",
        Text,
        In("accessibility", "notes"),
        "Anything else about access.",
        "Tell us when you book if you need an interpreter.",
    ),
    column(
        "cost",
        Text,
        Top("cost"),
        "free, or an amount in pounds: £5, £2.50. Empty: not said.",
        "free",
    ),
    column(
        "concessions",
        Text,
        Top("concessions"),
        "For a session that costs something: who pays less, and how much.",
        "",
    ),
    column(
        "childcare",
        Text,
        Top("childcare"),
        "creche, children-welcome (children come along) or none (no childcare).",
        "children-welcome",
    ),
    column(
        "ages",
        Text,
        Top("ages"),
        "The children's ages: 0 to 5, 11 to 16, 0 to 12 months or 11+ (type 'to' rather than a hyphen, so the spreadsheet does not make it a date).",
        "",
    ),
    column(
        "refreshments",
        Text,
        Top("refreshments"),
        "What there is to eat and drink, in person.",
        "",
    ),
    column(
        "transport_help",
        Text,
        In("transport", "help"),
        "Help to get there: fares paid back, a lift...",
        "",
    ),
    column(
        "parking",
        Text,
        In("transport", "parking"),
        "Parking at or near the venue.",
        "",
    ),
    column(
        "step_free_route",
        Text,
        In("transport", "step_free_route"),
        "A step-free route from the nearest stop or station.",
        "",
    ),
    column(
        "cancellation_reason",
        Text,
        In("cancellation", "reason"),
        "For a cancelled session: why, in a sentence.",
        "",
    ),
    column(
        "recording",
        Text,
        Top("recording"),
        "A recording, once there is one (https://...).",
        "",
    ),
    column(
        "feedback_url",
        Text,
        Top("feedback_url"),
        "Where to give feedback on this session (https://...); else the week's.",
        "",
    ),
    column(
        "follow_on",
        FollowOn,
        Top("follow_on"),
        "Materials shared after it, one a line: title | url | kind | source | duration | description (kind: video, talk, article, slides, handout, toolkit, website, podcast; the last three may be left out).",
        "",
    ),
    column(
        "related_services",
        List,
        Top("related_services"),
        "Services to list instead of the automatic choice: ids, separated by ;",
        "",
    ),
    column(
        "related_pages",
        List,
        Top("related_pages"),
        "Self-help pages to list instead of the automatic choice: paths from content/, separated by ;",
        "",
    ),
    column(
        "related_resources",
        List,
        Top("related_resources"),
        "Resources to list instead of the automatic choice: their addresses, separated by ;",
        "",
    ),
    column(
        "revision",
        Number,
        Top("revision"),
        "Raise it by one when the date, time or place changes, so calendar apps update.",
        "",
    ),
    column(
        "extra",
        Extra,
        Top("extra"),
        "Free-form data for the site's templates, as TOML lines (key = \"value\").",
        "",
    ),
];

/// A header as written, made comparable: lower case, spaces and hyphens as underscores.
pub fn normalise_header(text: &str) -> String {
    text.trim()
        .to_lowercase()
        .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("_")
}

/// The column a header names.
pub fn by_header(text: &str) -> Option<&'static Column> {
    let wanted = normalise_header(text);
    COLUMNS.iter().find(|c| c.header == wanted)
}

/// The column that writes `key` of `table` (`None`: a key of the session itself).
pub fn by_place(table: Option<&str>, key: &str) -> Option<&'static Column> {
    COLUMNS.iter().find(|c| match (c.place, table) {
        (Place::Top(k), None) => k == key,
        (Place::In(t, k), Some(table)) => t == table && k == key,
        _ => false,
    })
}

/// A column by its header, for the import's own use (the header is one of [`COLUMNS`]).
pub fn named(header: &str) -> &'static Column {
    COLUMNS
        .iter()
        .find(|c| c.header == header)
        .unwrap_or(&COLUMNS[0])
}

/// The spreadsheet letters of a 0-based column: 0 is A, 26 is AA.
pub fn letters(mut index: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (index % 26) as u8);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_found_whatever_their_case_and_spacing() {
        assert_eq!(
            by_header(" Online Platform ").unwrap().header,
            "online_platform"
        );
        assert_eq!(by_header("BOOKING-URL").unwrap().header, "booking_url");
        assert_eq!(by_header("places  left").unwrap().header, "places_left");
        assert!(by_header("sumary").is_none());
    }

    #[test]
    fn headers_are_unique_and_already_normalised() {
        for (n, column) in COLUMNS.iter().enumerate() {
            assert_eq!(normalise_header(column.header), column.header);
            assert!(COLUMNS[..n].iter().all(|c| c.header != column.header));
        }
    }

    #[test]
    fn column_letters_run_past_z() {
        assert_eq!(letters(0), "A");
        assert_eq!(letters(2), "C");
        assert_eq!(letters(25), "Z");
        assert_eq!(letters(26), "AA");
        assert_eq!(letters(27), "AB");
        assert_eq!(letters(701), "ZZ");
        assert_eq!(letters(702), "AAA");
    }
}
