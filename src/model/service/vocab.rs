//! The fixed vocabularies of a service: level, category, access route, delivery and day.
//! Each value has the slug written in files and URLs and a label readers see.

use serde::{Deserialize, Serialize};

/// Declares a vocabulary: an enum read from its kebab-case slug, with every value listed.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident ($prefix:literal) { $($(#[$vmeta:meta])* $variant:ident = ($slug:literal, $label:literal)),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $slug)] $variant),+
        }

        impl $name {
            /// Every value, in display order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The identifier written in files and URLs.
            pub fn slug(self) -> &'static str {
                match self { $($name::$variant => $slug),+ }
            }

            /// The name in English, as machine outputs (the ORUK export, CSV) and the printed
            /// directory write it. Pages show [`key`](Self::key)'s message instead.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }

            /// The theme's message naming this value in the reader's language
            /// (`category-counselling`); its English is [`label`](Self::label).
            pub fn key(self) -> &'static str {
                match self { $($name::$variant => concat!($prefix, "-", $slug)),+ }
            }

            /// The value with this slug.
            pub fn from_slug(slug: &str) -> Option<$name> {
                Self::ALL.iter().copied().find(|v| v.slug() == slug)
            }
        }
    };
}

vocabulary! {
    /// Where a service sits on the pathway of support.
    Level ("level") {
        /// Open to every family.
        Universal = ("universal", "Universal"),
        /// For families who need extra help.
        Targeted = ("targeted", "Targeted"),
        /// Intensive or specialist help, usually by referral.
        Specialist = ("specialist", "Specialist"),
    }
}

vocabulary! {
    /// What kind of help a service gives.
    Category ("category") {
        /// Counselling.
        Counselling = ("counselling", "Counselling"),
        /// Mediation.
        Mediation = ("mediation", "Mediation"),
        /// A parenting programme.
        ParentingProgramme = ("parenting-programme", "Parenting programmes"),
        /// Relationship support.
        RelationshipSupport = ("relationship-support", "Relationship support"),
        /// Domestic abuse support.
        DomesticAbuse = ("domestic-abuse", "Domestic abuse support"),
        /// Money and debt advice.
        MoneyAdvice = ("money-advice", "Money advice"),
        /// A family hub centre.
        FamilyHub = ("family-hub", "Family hubs"),
        /// Drop-in sessions.
        DropIn = ("drop-in", "Drop-in sessions"),
        /// Health services.
        Health = ("health", "Health"),
        /// A telephone helpline.
        Helpline = ("helpline", "Helplines"),
        /// Support from other parents.
        PeerSupport = ("peer-support", "Peer support"),
        /// Help given online.
        Online = ("online", "Online support"),
    }
}

vocabulary! {
    /// How a family gets to use a service.
    Access ("access") {
        /// Families can contact it themselves.
        SelfReferral = ("self-referral", "Self-referral"),
        /// A practitioner refers the family.
        ProfessionalReferral = ("professional-referral", "Professional referral"),
        /// Turn up without booking.
        DropIn = ("drop-in", "Drop-in"),
    }
}

vocabulary! {
    /// How a service is delivered (ORUK's attending type).
    Delivery ("delivery") {
        /// At one of its locations.
        InPerson = ("in-person", "In person"),
        /// Online.
        Online = ("online", "Online"),
        /// By phone.
        Phone = ("phone", "By phone"),
    }
}

vocabulary! {
    /// Who a service takes families from, and so which directory lists it.
    ServiceAudience ("service-audience") {
        /// Families come to it themselves: the family directory lists it.
        Families = ("families", "Families"),
        /// Only practitioners refer to it: the practitioners' guide lists it, the family
        /// directory only when the site asks (`[directory] practitioner_services`).
        Practitioners = ("practitioners", "Practitioners"),
        /// Both (the default).
        Both = ("both", "Families and practitioners"),
    }
}

vocabulary! {
    /// What a practitioner needs from the family before referring them.
    Consent ("consent") {
        /// The family's written consent goes with the referral.
        Written = ("written", "The family's written consent is needed"),
        /// The family must agree; saying so is enough.
        Verbal = ("verbal", "The family must agree to the referral (spoken agreement is enough)"),
        /// Tell the family about the referral; their consent is not needed to make it.
        Informed = ("informed", "Tell the family you are referring them"),
    }
}

vocabulary! {
    /// A day of the week.
    Day ("day") {
        /// Monday.
        Monday = ("monday", "Monday"),
        /// Tuesday.
        Tuesday = ("tuesday", "Tuesday"),
        /// Wednesday.
        Wednesday = ("wednesday", "Wednesday"),
        /// Thursday.
        Thursday = ("thursday", "Thursday"),
        /// Friday.
        Friday = ("friday", "Friday"),
        /// Saturday.
        Saturday = ("saturday", "Saturday"),
        /// Sunday.
        Sunday = ("sunday", "Sunday"),
    }
}

impl Day {
    /// The iCalendar / ORUK `byday` code (`MO`).
    pub fn ical(self) -> &'static str {
        match self {
            Day::Monday => "MO",
            Day::Tuesday => "TU",
            Day::Wednesday => "WE",
            Day::Thursday => "TH",
            Day::Friday => "FR",
            Day::Saturday => "SA",
            Day::Sunday => "SU",
        }
    }

    /// The day with this iCalendar code.
    pub fn from_ical(code: &str) -> Option<Day> {
        Day::ALL
            .iter()
            .copied()
            .find(|d| d.ical().eq_ignore_ascii_case(code.trim()))
    }
}

/// Age bands for the directory's filter, as (slug, label, youngest, oldest); pages show the
/// message `age-<slug>`.
pub const AGE_BANDS: &[(&str, &str, u8, u8)] = &[
    ("under-5", "Under 5", 0, 4),
    ("5-to-11", "5 to 11", 5, 11),
    ("12-to-17", "12 to 17", 12, 17),
    ("18-to-25", "18 to 25", 18, 25),
    ("adults", "Adults", 18, 120),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_round_trip() {
        for c in Category::ALL {
            assert_eq!(Category::from_slug(c.slug()), Some(*c));
        }
        assert_eq!(Day::from_ical("we"), Some(Day::Wednesday));
        assert_eq!(Level::from_slug("nope"), None);
    }
}
