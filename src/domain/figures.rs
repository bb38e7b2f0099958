//! Figures derived from records: pass rates, totals and the distinct values in a set.
//! They are never stored in a file; the app always computes them.

use std::collections::HashSet;

pub use super::lang::count_noun;
use super::lang::{Lang, format_count, group_digits};
use super::model::{Record, batch_key};
use super::terms::RateDefinition;

/// A ratio kept as whole numbers, so that a rate prints exactly as the report rounds it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ratio {
    pub part: u64,
    pub whole: u64,
}

impl Ratio {
    /// `None` where the rate is undefined: nobody in the whole.
    pub fn new(part: u64, whole: u64) -> Option<Ratio> {
        (whole > 0).then_some(Ratio { part, whole })
    }

    pub fn percent(self) -> f64 {
        self.part as f64 * 100.0 / self.whole as f64
    }

    /// The percentage in hundredths of a percent, rounded half up: 2297/3482 → 6597.
    pub fn hundredths_of_percent(self) -> u64 {
        let scaled = u128::from(self.part) * 10_000 * 2 + u128::from(self.whole);
        (scaled / (u128::from(self.whole) * 2)) as u64
    }

    /// Compares two rates by value, exactly (45/90 equals 1/2; the derived `==` compares the
    /// counts).
    pub fn cmp_value(self, other: Ratio) -> std::cmp::Ordering {
        (u128::from(self.part) * u128::from(other.whole))
            .cmp(&(u128::from(other.part) * u128::from(self.whole)))
    }

    /// As the report prints it: `65.97%`.
    pub fn format_percent(self) -> String {
        let hundredths = self.hundredths_of_percent();
        format!("{}.{:02}%", hundredths / 100, hundredths % 100)
    }
}

/// `65.97%`, or `--` where the rate is undefined, as the report writes it.
pub fn format_rate(rate: Option<Ratio>) -> String {
    rate.map_or_else(|| "--".to_string(), Ratio::format_percent)
}

/// A figure of the report's summary as each language writes it: whole numbers without a
/// fraction (`111`, as the report writes them), and in English with thousands separators
/// (`12,345.5`).
pub fn format_number(value: f64, lang: Lang) -> String {
    let text = if value.fract() == 0.0 {
        format!("{value:.0}")
    } else {
        value.to_string()
    };
    match lang {
        Lang::Zh => text,
        Lang::En => group_thousands(&text),
    }
}

/// `-1234567.25` → `-1,234,567.25`; anything but a plain decimal number is left as it is.
fn group_thousands(text: &str) -> String {
    let (sign, unsigned) = text
        .strip_prefix('-')
        .map_or(("", text), |rest| ("-", rest));
    let (whole, fraction) = unsigned
        .split_once('.')
        .map_or((unsigned, ""), |(whole, _)| {
            (whole, &unsigned[whole.len()..])
        });
    if whole.is_empty() || !whole.bytes().all(|b| b.is_ascii_digit()) {
        return text.to_string();
    }
    format!("{sign}{}{fraction}", group_digits(whole))
}

impl Record {
    /// certified / registered; undefined when nobody registered or results are not published.
    pub fn pass_rate(&self) -> Option<Ratio> {
        Ratio::new(self.certified?, self.registered)
    }

    /// Registered, but no results published yet.
    pub fn is_pending(&self) -> bool {
        self.certified.is_none()
    }
}

/// The totals of a set of records.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    pub records: usize,
    /// Distinct (batch, certificate): one pilot may run at several levels.
    pub pilots: usize,
    /// Distinct majors, by name (one major under an old and a new code is one).
    pub majors: usize,
    pub approved_trainees: u64,
    pub social_training_person_days: u64,
    pub registered: u64,
    pub certified: u64,
    /// Registered in records whose results are published.
    pub registered_published: u64,
    /// Records whose results are not yet published, and the examinees in them.
    pub pending_records: usize,
    pub pending_registered: u64,
}

impl Totals {
    /// The totals of some records. (With a [`super::index::DatasetIndex`] at hand,
    /// `DatasetIndex::totals` gives the same without hashing strings.)
    pub fn of<'a>(records: impl IntoIterator<Item = &'a Record>) -> Totals {
        let mut totals = Totals::default();
        let mut pilots = HashSet::new();
        let mut majors = HashSet::new();
        for record in records {
            totals.add(record);
            pilots.insert((batch_key(&record.batch), record.certificate.trim()));
            majors.extend(record.majors.iter().map(super::majors::identity));
        }
        totals.pilots = pilots.len();
        totals.majors = majors.len();
        totals
    }

    /// Adds one record's counts; distinct pilots and majors are the caller's to count.
    pub(crate) fn add(&mut self, record: &Record) {
        self.records += 1;
        self.approved_trainees = self
            .approved_trainees
            .saturating_add(record.approved_trainees.unwrap_or(0));
        self.social_training_person_days = self
            .social_training_person_days
            .saturating_add(record.social_training_person_days.unwrap_or(0));
        self.registered = self.registered.saturating_add(record.registered);
        match record.certified {
            Some(certified) => {
                self.certified = self.certified.saturating_add(certified);
                self.registered_published =
                    self.registered_published.saturating_add(record.registered);
            }
            None => {
                self.pending_records += 1;
                self.pending_registered = self.pending_registered.saturating_add(record.registered);
            }
        }
    }

    /// Σ certified / Σ registered over the records whose results are published.
    pub fn pass_rate_published(&self) -> Option<Ratio> {
        Ratio::new(self.certified, self.registered_published)
    }

    /// Σ certified / Σ registered over all records, pending ones counting as not certified:
    /// the report's own method. Undefined, like the other rate, while no record has published
    /// results: a set of pending records has no rate yet under either definition.
    pub fn pass_rate_all_registered(&self) -> Option<Ratio> {
        if self.registered_published == 0 {
            return None;
        }
        Ratio::new(self.certified, self.registered)
    }

    /// The rate under `definition`, or why there is none.
    pub fn pass_rate(&self, definition: RateDefinition) -> PassRate {
        let rate = match definition {
            RateDefinition::Published => self.pass_rate_published(),
            RateDefinition::AllRegistered => self.pass_rate_all_registered(),
        };
        PassRate::new(rate, self.registered, self.pending_registered > 0)
    }

    /// The base of the rate under `definition`: the registered whose results count.
    pub fn rate_base(&self, definition: RateDefinition) -> u64 {
        match definition {
            RateDefinition::Published => self.registered_published,
            RateDefinition::AllRegistered => self.registered,
        }
    }

    /// The certified count, or `None` while no record has published results (certified is
    /// then not 0 but unknown).
    pub fn certified_if_published(&self) -> Option<u64> {
        (self.registered_published > 0 || self.pending_records == 0).then_some(self.certified)
    }
}

/// The key figures as the dashboard's cards give them, a label and its value each: what the
/// deck's opening slide lists.
pub fn key_figures(totals: &Totals, lang: Lang) -> Vec<(String, String)> {
    let count = |n: u64| format_count(n, lang);
    let rate = |definition: RateDefinition| totals.pass_rate(definition).text(lang);
    let mut figures = vec![
        (
            lang.pick("证书等级（各批次）", "Certificate levels (by batch)")
                .to_string(),
            match lang {
                Lang::Zh => format!("{}（{} 个试点）", totals.records, totals.pilots),
                Lang::En => format!(
                    "{} ({})",
                    count(totals.records as u64),
                    count_noun(totals.pilots as u64, "pilot", "pilots")
                ),
            },
        ),
        (
            lang.pick("报考人数", "Registered").to_string(),
            count(totals.registered),
        ),
        (
            lang.pick("获证人数", "Certified").to_string(),
            count(totals.certified),
        ),
    ];
    if totals.pending_records > 0 {
        figures.push((
            lang.pick("待出成绩", "Results pending").to_string(),
            match lang {
                Lang::Zh => format!(
                    "{} 个证书等级，{} 人",
                    totals.pending_records, totals.pending_registered
                ),
                Lang::En => format!(
                    "{}, {} registered",
                    count_noun(
                        totals.pending_records as u64,
                        "certificate level",
                        "certificate levels"
                    ),
                    count(totals.pending_registered)
                ),
            },
        ));
    }
    for definition in [RateDefinition::Published, RateDefinition::AllRegistered] {
        figures.push((definition.label(lang).to_string(), rate(definition)));
    }
    figures
}

/// A pass rate as every view states it: the rate, or why there is none. The one rule: a rate
/// over records none of which has published results is pending under either definition; a
/// rate over nobody registered is undefined.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PassRate {
    Rate(Ratio),
    /// Registered, and no result published yet.
    Pending,
    /// Nobody registered.
    Nobody,
}

impl PassRate {
    /// From a rate (`None` where undefined), the registered count and whether results are
    /// pending among them.
    pub fn new(rate: Option<Ratio>, registered: u64, pending: bool) -> PassRate {
        match rate {
            Some(rate) => PassRate::Rate(rate),
            None if pending && registered > 0 => PassRate::Pending,
            None => PassRate::Nobody,
        }
    }

    pub fn ratio(self) -> Option<Ratio> {
        match self {
            PassRate::Rate(rate) => Some(rate),
            _ => None,
        }
    }

    /// `72.16%`, `未出成绩` / `Pending`, or `--` where nobody registered (as the report writes
    /// an undefined rate).
    pub fn text(self, lang: Lang) -> String {
        match self {
            PassRate::Rate(rate) => rate.format_percent(),
            PassRate::Pending => lang.pick("未出成绩", "Pending").to_string(),
            PassRate::Nobody => "--".to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_round_half_up_to_two_decimals() {
        assert_eq!(Ratio::new(2297, 3482).unwrap().format_percent(), "65.97%");
        assert_eq!(Ratio::new(2297, 3183).unwrap().format_percent(), "72.16%");
        assert_eq!(Ratio::new(1, 8).unwrap().format_percent(), "12.50%");
        // 1/160 = 0.625%: exactly half a hundredth, rounded up.
        assert_eq!(Ratio::new(1, 1600).unwrap().format_percent(), "0.06%");
        assert_eq!(Ratio::new(7, 7).unwrap().format_percent(), "100.00%");
        assert_eq!(Ratio::new(0, 5).unwrap().format_percent(), "0.00%");
    }

    #[test]
    fn a_rate_over_nobody_is_undefined() {
        assert_eq!(Ratio::new(0, 0), None);
        assert_eq!(format_rate(None), "--");
    }

    #[test]
    fn summary_figures_in_each_language() {
        assert_eq!(format_number(111.0, Lang::Zh), "111");
        assert_eq!(format_number(111.0, Lang::En), "111");
        assert_eq!(format_number(3482.0, Lang::Zh), "3482");
        assert_eq!(format_number(3482.0, Lang::En), "3,482");
        assert_eq!(format_number(1_234_567.25, Lang::Zh), "1234567.25");
        assert_eq!(format_number(1_234_567.25, Lang::En), "1,234,567.25");
        assert_eq!(format_number(-12_345.0, Lang::En), "-12,345");
        assert_eq!(format_number(0.5, Lang::En), "0.5");
        assert_eq!(format_number(f64::NAN, Lang::En), "NaN");
    }

    #[test]
    fn english_nouns_follow_the_count() {
        assert_eq!(count_noun(1, "pilot", "pilots"), "1 pilot");
        assert_eq!(count_noun(0, "pilot", "pilots"), "0 pilots");
        assert_eq!(count_noun(3482, "record", "records"), "3,482 records");
    }

    fn record(registered: u64, certified: Option<u64>) -> Record {
        Record {
            registered,
            certified,
            ..crate::domain::builtin::report_2021().records[0].clone()
        }
    }

    #[test]
    fn records_none_of_which_has_results_are_pending_under_either_definition() {
        let pending = Totals::of(&[record(200, None)]);
        for definition in [RateDefinition::Published, RateDefinition::AllRegistered] {
            assert_eq!(pending.pass_rate(definition), PassRate::Pending);
            assert_eq!(pending.pass_rate(definition).text(Lang::Zh), "未出成绩");
        }
        assert_eq!(pending.certified_if_published(), None);
        assert_eq!(pending.rate_base(RateDefinition::Published), 0);
        assert_eq!(pending.rate_base(RateDefinition::AllRegistered), 200);

        // With one published record the chosen definition applies.
        let mixed = Totals::of(&[record(200, None), record(50, Some(40))]);
        assert_eq!(
            mixed.pass_rate(RateDefinition::Published).text(Lang::Zh),
            "80.00%"
        );
        assert_eq!(
            mixed
                .pass_rate(RateDefinition::AllRegistered)
                .text(Lang::Zh),
            "16.00%"
        );
        assert_eq!(mixed.certified_if_published(), Some(40));

        // Nobody registered: no rate, and nothing pending.
        let nobody = Totals::of(&[record(0, Some(0))]);
        assert_eq!(
            nobody.pass_rate(RateDefinition::AllRegistered),
            PassRate::Nobody
        );
        assert_eq!(
            nobody.pass_rate(RateDefinition::Published).text(Lang::En),
            "--"
        );
        assert_eq!(nobody.certified_if_published(), Some(0));
        assert_eq!(Totals::default().certified_if_published(), Some(0));
    }

    #[test]
    fn huge_counts_do_not_overflow() {
        let ratio = Ratio::new(u64::MAX, u64::MAX).unwrap();
        assert_eq!(ratio.format_percent(), "100.00%");
    }
}
