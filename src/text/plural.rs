//! CLDR's plural categories of a language's whole numbers, for pages whose scripts count: the
//! build writes a count message once per category (`data-plural-few="{count} sesiwn"`) and
//! the script picks one with the browser's `Intl.PluralRules`. The rules are the ones
//! fluent-bundle chooses plural forms with (`intl_pluralrules`), so the script's words for a
//! number are the build's.

use fluent_langneg::{NegotiationStrategy, negotiate_languages};
use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
use unic_langid::LanguageIdentifier;

/// One of CLDR's plural categories.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Plural {
    /// `zero` (Welsh and Arabic 0).
    Zero,
    /// `one`.
    One,
    /// `two` (Welsh and Arabic 2).
    Two,
    /// `few` (Welsh 3, Arabic 3 to 10).
    Few,
    /// `many` (Welsh 6, Arabic 11 to 99).
    Many,
    /// `other`: every language has it, and a script falls back to it.
    Other,
}

impl Plural {
    /// Its name in CLDR, in `Intl.PluralRules` and in Fluent's variant keys.
    pub fn name(self) -> &'static str {
        match self {
            Plural::Zero => "zero",
            Plural::One => "one",
            Plural::Two => "two",
            Plural::Few => "few",
            Plural::Many => "many",
            Plural::Other => "other",
        }
    }

    fn of(category: PluralCategory) -> Plural {
        match category {
            PluralCategory::ZERO => Plural::Zero,
            PluralCategory::ONE => Plural::One,
            PluralCategory::TWO => Plural::Two,
            PluralCategory::FEW => Plural::Few,
            PluralCategory::MANY => Plural::Many,
            PluralCategory::OTHER => Plural::Other,
        }
    }
}

/// Whole numbers tried for a category: enough to meet every category CLDR gives whole numbers
/// (Arabic's `many` from 11, `other` at 100; a million for rules that single it out). The rules
/// are CLDR 37's, fluent-bundle's: a browser with a newer CLDR may name a category these lack
/// (French's `many` for a million), and the script then falls back to `other`, the form
/// Fluent itself would choose.
const TRIED: [u32; 2] = [1000, 1_000_000];

/// Each category the whole numbers of `language` fall in, in CLDR's order, with the smallest
/// whole number in it: Welsh gives zero 0, one 1, two 2, few 3, many 6, other 4. A language
/// CLDR has no rules for takes English's, as fluent-bundle does.
pub fn whole_number_samples(language: &str) -> Vec<(Plural, u32)> {
    let rules = rules_for(language);
    let mut samples: Vec<(Plural, u32)> = Vec::new();
    for n in (0..=TRIED[0]).chain([TRIED[1]]) {
        let Ok(category) = rules.select(n) else {
            continue;
        };
        let plural = Plural::of(category);
        if !samples.iter().any(|(p, _)| *p == plural) {
            samples.push((plural, n));
        }
    }
    samples.sort();
    samples
}

/// The rules fluent-bundle would use for `language`: the closest CLDR has, else English's.
fn rules_for(language: &str) -> PluralRules {
    let english: LanguageIdentifier = "en".parse().unwrap_or_default();
    let requested: Vec<LanguageIdentifier> = language.parse().into_iter().collect();
    let available = PluralRules::get_locales(PluralRuleType::CARDINAL);
    let chosen = negotiate_languages(
        &requested,
        &available,
        Some(&english),
        NegotiationStrategy::Lookup,
    )
    .first()
    .map_or_else(|| english.clone(), |id| (*id).clone());
    PluralRules::create(chosen, PluralRuleType::CARDINAL)
        .or_else(|_| PluralRules::create(english, PluralRuleType::CARDINAL))
        .unwrap_or_else(|_| unreachable!("CLDR has English plural rules"))
}

/// `text` with `number` written as a whole word of digits replaced by `{count}`, for a script
/// to fill in: '3 sesiwn' becomes '{count} sesiwn'; '13' and '2030' are left as they are.
pub fn with_count_placeholder(text: &str, number: u32) -> String {
    let digits = number.to_string();
    let mut out = String::with_capacity(text.len() + 8);
    let mut rest = text;
    while let Some(at) = rest.find(&digits) {
        let before = rest[..at].chars().next_back();
        let after = rest[at + digits.len()..].chars().next();
        let alone = !before.is_some_and(|c| c.is_ascii_digit())
            && !after.is_some_and(|c| c.is_ascii_digit());
        out.push_str(&rest[..at]);
        out.push_str(if alone { "{count}" } else { &digits });
        rest = &rest[at + digits.len()..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(language: &str) -> Vec<(&'static str, u32)> {
        whole_number_samples(language)
            .into_iter()
            .map(|(p, n)| (p.name(), n))
            .collect()
    }

    #[test]
    fn welsh_and_arabic_have_six_categories_and_english_two() {
        assert_eq!(
            names("cy"),
            [
                ("zero", 0),
                ("one", 1),
                ("two", 2),
                ("few", 3),
                ("many", 6),
                ("other", 4)
            ]
        );
        assert_eq!(
            names("ar"),
            [
                ("zero", 0),
                ("one", 1),
                ("two", 2),
                ("few", 3),
                ("many", 11),
                ("other", 100)
            ]
        );
        assert_eq!(names("en-GB"), [("one", 1), ("other", 0)]);
        // Regions take their language's rules; a language CLDR lacks takes English's.
        assert_eq!(names("cy-GB"), names("cy"));
        assert_eq!(names("zxx"), names("en"));
        // Polish: 'many' from 0 (5 to 21 too), 'few' from 2.
        assert_eq!(names("pl"), [("one", 1), ("few", 2), ("many", 0)]);
    }

    #[test]
    fn only_the_number_itself_becomes_the_placeholder() {
        assert_eq!(with_count_placeholder("3 sesiwn", 3), "{count} sesiwn");
        assert_eq!(
            with_count_placeholder("13 or 3 or 31", 3),
            "13 or {count} or 31"
        );
        assert_eq!(with_count_placeholder("خدمة واحدة", 1), "خدمة واحدة");
    }
}
