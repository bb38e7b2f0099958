//! The pilots matched across the two sides: a certificate at a level on each side (batches
//! summed within a side), names matched by a rule that forgives how colleges spell them, the
//! user's links and unlinks where the rule is wrong, and the rows in the order asked for.

use std::collections::{BTreeSet, HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::domain::figures::{Ratio, Totals};
use crate::domain::model::{Level, Record};
use crate::domain::terms::RowOrder;

/// The endings a certificate's name may carry or not: "Web前端开发职业技能等级证书" and
/// "Web前端开发" are the same certificate. Longest first.
const NAME_ENDINGS: [&str; 3] = ["职业技能等级证书", "技能等级证书", "证书"];

/// A side has too few examinees for its rate to say much below this.
pub const FEW_EXAMINEES: u64 = 10;

/// A certificate's name as the rule matches it: white space removed, full-width brackets
/// folded to half-width, and a final 职业技能等级证书 / 技能等级证书 / 证书 dropped.
/// "建筑信息模型（BIM） 职业技能等级证书" → "建筑信息模型(BIM)".
pub fn normalize_certificate(name: &str) -> String {
    let folded: String = name
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            '［' => '[',
            '］' => ']',
            '｛' => '{',
            '｝' => '}',
            other => other,
        })
        .collect();
    for ending in NAME_ENDINGS {
        if let Some(stem) = folded.strip_suffix(ending)
            && !stem.is_empty()
        {
            return stem.to_string();
        }
    }
    folded
}

/// The key a certificate at a level is matched by across the two sides: the normalised name,
/// `|`, the level as the file writes it (`Web前端开发|中级`).
pub fn pilot_key(certificate: &str, level: Level) -> String {
    format!("{}|{}", normalize_certificate(certificate), level.as_str())
}

/// The user's corrections of the rule, kept with the comparison: pilots of the earlier side
/// linked to pilots of the later one under another key, and keys the rule matched that are
/// not the same pilot.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pairing {
    /// (earlier key, later key).
    #[serde(default)]
    pub linked: Vec<(String, String)>,
    /// Keys whose match by the rule the user took apart.
    #[serde(default)]
    pub unlinked: BTreeSet<String>,
}

impl Pairing {
    /// Makes the earlier side's `a` and the later side's `b` one row, taking each out of any
    /// other link.
    pub fn link(&mut self, a: &str, b: &str) {
        self.linked.retain(|(x, y)| x != a && y != b);
        if a == b {
            self.unlinked.remove(a);
        } else {
            self.linked.push((a.to_string(), b.to_string()));
        }
    }

    /// Takes the row of the earlier side's `a` apart: a link the user made is removed, a match
    /// of the rule is refused from now on.
    pub fn unlink(&mut self, a: &str) {
        let before = self.linked.len();
        self.linked.retain(|(x, _)| x != a);
        if self.linked.len() == before {
            self.unlinked.insert(a.to_string());
        }
    }

    pub fn is_empty(&self) -> bool {
        self.linked.is_empty() && self.unlinked.is_empty()
    }
}

/// One certificate at one level within one side, its batches summed.
#[derive(Clone, Debug, PartialEq)]
pub struct Pilot {
    pub key: String,
    /// The name as the side first spells it.
    pub name: String,
    pub level: Level,
    pub totals: Totals,
}

impl Pilot {
    /// The rate of published results.
    pub fn rate(&self) -> Option<Ratio> {
        self.totals.pass_rate_published()
    }
}

/// A side's pilots, in the order they first appear.
pub fn pilots<'a>(records: impl IntoIterator<Item = &'a Record>) -> Vec<Pilot> {
    let mut order: Vec<Pilot> = Vec::new();
    let mut at: HashMap<String, usize> = HashMap::new();
    for record in records {
        let key = pilot_key(&record.certificate, record.level);
        let place = *at.entry(key.clone()).or_insert_with(|| {
            order.push(Pilot {
                key,
                name: record.certificate.trim().to_string(),
                level: record.level,
                totals: Totals::default(),
            });
            order.len() - 1
        });
        order[place].totals.add(record);
    }
    for pilot in &mut order {
        pilot.totals.pilots = 1;
    }
    order
}

/// Whether a row is on both sides, only the later (a new pilot) or only the earlier (dropped).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowStatus {
    Both,
    New,
    Dropped,
}

/// A certificate at a level, on one side or both.
#[derive(Clone, Debug, PartialEq)]
pub struct CompareRow {
    /// The earlier side's key where it has the pilot, else the later side's.
    pub key: String,
    pub a: Option<Pilot>,
    pub b: Option<Pilot>,
    /// Matched by a link the user made, not by the rule.
    pub linked: bool,
}

impl CompareRow {
    pub fn status(&self) -> RowStatus {
        match (&self.a, &self.b) {
            (Some(_), Some(_)) => RowStatus::Both,
            (None, _) => RowStatus::New,
            (_, None) => RowStatus::Dropped,
        }
    }

    /// The name to show: the later side's spelling where it has one.
    pub fn name(&self) -> &str {
        self.b.as_ref().or(self.a.as_ref()).map_or("", |p| &p.name)
    }

    pub fn level(&self) -> Level {
        self.b
            .as_ref()
            .or(self.a.as_ref())
            .map_or(Level::Elementary, |p| p.level)
    }

    pub fn registered_a(&self) -> Option<u64> {
        self.a.as_ref().map(|p| p.totals.registered)
    }

    pub fn registered_b(&self) -> Option<u64> {
        self.b.as_ref().map(|p| p.totals.registered)
    }

    pub fn rate_a(&self) -> Option<Ratio> {
        self.a.as_ref().and_then(Pilot::rate)
    }

    pub fn rate_b(&self) -> Option<Ratio> {
        self.b.as_ref().and_then(Pilot::rate)
    }

    /// The change of the published-results rate in hundredths of a percentage point, from the
    /// rates as printed (so that the table's figures subtract to it), or `None` where either
    /// rate is undefined.
    pub fn rate_change(&self) -> Option<i64> {
        points_between(self.rate_a(), self.rate_b())
    }

    /// Where a change is shown and either side's rate rests on fewer than
    /// [`FEW_EXAMINEES`] examinees: both bases, earlier first.
    pub fn caution(&self) -> Option<(u64, u64)> {
        self.rate_change()?;
        let a = self.a.as_ref()?.totals.registered_published;
        let b = self.b.as_ref()?.totals.registered_published;
        (a < FEW_EXAMINEES || b < FEW_EXAMINEES).then_some((a, b))
    }
}

/// The change between two rates in hundredths of a percentage point, from the rates as printed.
pub fn points_between(a: Option<Ratio>, b: Option<Ratio>) -> Option<i64> {
    Some(b?.hundredths_of_percent() as i64 - a?.hundredths_of_percent() as i64)
}

/// A side's figures.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SideFigures {
    pub totals: Totals,
    /// Certificate + level pilots (batches summed).
    pub pilots: usize,
}

/// The two sides compared.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Comparison {
    pub a: SideFigures,
    pub b: SideFigures,
    /// Rows on both sides and dropped ones in the earlier side's order, then the new ones in
    /// the later side's order.
    pub rows: Vec<CompareRow>,
}

/// Compares the records of the earlier side with those of the later one, under the user's
/// corrections.
pub fn compare<'a, 'b>(
    a: impl IntoIterator<Item = &'a Record>,
    b: impl IntoIterator<Item = &'b Record>,
    pairing: &Pairing,
) -> Comparison {
    let (a, b): (Vec<&Record>, Vec<&Record>) = (a.into_iter().collect(), b.into_iter().collect());
    let (pilots_a, pilots_b) = (pilots(a.iter().copied()), pilots(b.iter().copied()));
    let keys_a: HashSet<&str> = pilots_a.iter().map(|p| p.key.as_str()).collect();
    let at_b: HashMap<&str, usize> = pilots_b
        .iter()
        .enumerate()
        .map(|(n, p)| (p.key.as_str(), n))
        .collect();
    // Links whose two ends are both here, each end at most once (the latest link wins).
    let mut manual: HashMap<&str, &str> = HashMap::new();
    let mut linked_b: HashSet<&str> = HashSet::new();
    for (x, y) in pairing.linked.iter().rev() {
        if keys_a.contains(x.as_str())
            && at_b.contains_key(y.as_str())
            && !manual.contains_key(x.as_str())
            && linked_b.insert(y.as_str())
        {
            manual.insert(x, y);
        }
    }
    let mut taken = vec![false; pilots_b.len()];
    let mut rows = Vec::with_capacity(pilots_a.len() + pilots_b.len());
    for pilot in &pilots_a {
        let key = pilot.key.as_str();
        let (partner, linked) = match manual.get(key) {
            Some(other) => (at_b.get(other).copied(), true),
            None if pairing.unlinked.contains(key) || linked_b.contains(key) => (None, false),
            None => (at_b.get(key).copied(), false),
        };
        if let Some(n) = partner {
            taken[n] = true;
        }
        rows.push(CompareRow {
            key: pilot.key.clone(),
            a: Some(pilot.clone()),
            b: partner.map(|n| pilots_b[n].clone()),
            linked,
        });
    }
    for (n, pilot) in pilots_b.iter().enumerate() {
        if !taken[n] {
            rows.push(CompareRow {
                key: pilot.key.clone(),
                a: None,
                b: Some(pilot.clone()),
                linked: false,
            });
        }
    }
    Comparison {
        a: SideFigures {
            totals: Totals::of(a.iter().copied()),
            pilots: pilots_a.len(),
        },
        b: SideFigures {
            totals: Totals::of(b.iter().copied()),
            pilots: pilots_b.len(),
        },
        rows,
    }
}

impl Comparison {
    pub fn count(&self, status: RowStatus) -> usize {
        self.rows.iter().filter(|r| r.status() == status).count()
    }

    /// The majors of either side, by key, with their names: what the comparison's major filter
    /// offers.
    /// A major under an old and a new code is one (`domain::majors::distinct`), offered by its
    /// key: its name where it has several codes, which the filter matches on either side.
    pub fn majors<'a>(records: impl IntoIterator<Item = &'a Record>) -> Vec<(String, String)> {
        let mut majors: Vec<(String, String)> =
            crate::domain::majors::distinct(records.into_iter().flat_map(|r| r.majors.iter()))
                .into_iter()
                .map(|major| (major.key().to_string(), major.name))
                .collect();
        majors.sort_by(|x, y| x.1.cmp(&y.1));
        majors
    }
}

impl RowOrder {
    /// The rows' places in this order (ties keep the data order).
    pub fn arrange(self, rows: &[CompareRow]) -> Vec<usize> {
        let mut places: Vec<usize> = (0..rows.len()).collect();
        let sign = match self {
            RowOrder::Data => return places,
            RowOrder::Rise => -1,
            RowOrder::Fall => 1,
        };
        places.sort_by_key(|&n| match rows[n].rate_change() {
            Some(change) => (0, change * sign),
            None => (1, 0),
        });
        places
    }
}
