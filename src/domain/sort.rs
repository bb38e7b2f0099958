//! Ordering the records table by a column. Records without a value (pending results, no rate)
//! go last in both directions; ties keep the data's order.

use std::cmp::Ordering;

use super::fields::Field;
use super::model::Record;

/// A column the table can be ordered by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortKey {
    Field(Field),
    /// The computed pass rate.
    PassRate,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sort {
    pub key: SortKey,
    pub descending: bool,
}

/// Orders `positions` (indices into `records`) by `sort`.
pub fn sort_positions(records: &[Record], positions: &mut [u32], sort: Sort) {
    positions.sort_by(|&a, &b| {
        let (a, b) = (&records[a as usize], &records[b as usize]);
        compare(a, b, sort)
    });
}

fn compare(a: &Record, b: &Record, sort: Sort) -> Ordering {
    let directed = |ordering: Ordering| {
        if sort.descending {
            ordering.reverse()
        } else {
            ordering
        }
    };
    // Values first, missing ones last, whatever the direction.
    let optional = |a: Option<f64>, b: Option<f64>| match (a, b) {
        (Some(a), Some(b)) => directed(a.total_cmp(&b)),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    };
    let count = |v: Option<u64>| v.map(|v| v as f64);
    match sort.key {
        SortKey::PassRate => optional(
            a.pass_rate().map(|r| r.percent()),
            b.pass_rate().map(|r| r.percent()),
        ),
        SortKey::Field(field) => match field {
            Field::Registered => directed(a.registered.cmp(&b.registered)),
            Field::Certified => optional(count(a.certified), count(b.certified)),
            Field::ApprovedTrainees => {
                optional(count(a.approved_trainees), count(b.approved_trainees))
            }
            Field::SocialTrainingPersonDays => optional(
                count(a.social_training_person_days),
                count(b.social_training_person_days),
            ),
            Field::ReportedPassRate => {
                optional(a.reported_pass_rate_percent, b.reported_pass_rate_percent)
            }
            Field::Level => directed(a.level.cmp(&b.level)),
            text => directed(text.text(a).cmp(&text.text(b))),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::builtin::report_2021;

    fn order(sort: Sort) -> Vec<u32> {
        let records = report_2021().records;
        let mut positions: Vec<u32> = (0..records.len() as u32).collect();
        sort_positions(&records, &mut positions, sort);
        positions
    }

    #[test]
    fn by_registered_both_ways() {
        let records = report_2021().records;
        let up = order(Sort {
            key: SortKey::Field(Field::Registered),
            descending: false,
        });
        let down = order(Sort {
            key: SortKey::Field(Field::Registered),
            descending: true,
        });
        assert!(
            up.windows(2).all(|w| {
                records[w[0] as usize].registered <= records[w[1] as usize].registered
            })
        );
        assert_eq!(records[down[0] as usize].registered, 325);
        assert!(
            down.windows(2).all(|w| {
                records[w[0] as usize].registered >= records[w[1] as usize].registered
            })
        );
    }

    #[test]
    fn missing_values_go_last_either_way() {
        let records = report_2021().records;
        for descending in [false, true] {
            let by_rate = order(Sort {
                key: SortKey::PassRate,
                descending,
            });
            let first_missing = by_rate
                .iter()
                .position(|&p| records[p as usize].pass_rate().is_none())
                .unwrap();
            assert!(
                by_rate[first_missing..]
                    .iter()
                    .all(|&p| records[p as usize].pass_rate().is_none()),
                "descending: {descending}"
            );
        }
    }

    #[test]
    fn ties_keep_the_data_order() {
        let by_level = order(Sort {
            key: SortKey::Field(Field::Level),
            descending: false,
        });
        let records = report_2021().records;
        for pair in by_level.windows(2) {
            let (a, b) = (&records[pair[0] as usize], &records[pair[1] as usize]);
            if a.level == b.level {
                assert!(pair[0] < pair[1]);
            }
        }
    }
}
