//! Small-sample statistics for pass rates.

/// z for a two-sided 95% interval.
const Z95: f64 = 1.959_963_984_540_054;

/// The 95% Wilson score interval of `successes` out of `trials`, as fractions (0..=1);
/// `None` for no trials. It stays inside 0..1 and is honest for small n, unlike p ± z·se.
pub fn wilson_interval(successes: u64, trials: u64) -> Option<(f64, f64)> {
    if trials == 0 {
        return None;
    }
    let n = trials as f64;
    let p = successes.min(trials) as f64 / n;
    let z2 = Z95 * Z95;
    let denominator = 1.0 + z2 / n;
    let centre = (p + z2 / (2.0 * n)) / denominator;
    let half = Z95 * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt() / denominator;
    Some(((centre - half).max(0.0), (centre + half).min(1.0)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 5e-4
    }

    #[test]
    fn matches_published_wilson_intervals() {
        // 2 of 2 (the Web 前端 初级 row): [0.342, 1.000].
        let (low, high) = wilson_interval(2, 2).unwrap();
        assert!(close(low, 0.3424) && close(high, 1.0), "{low} {high}");
        // 5 of 10: [0.2366, 0.7634].
        let (low, high) = wilson_interval(5, 10).unwrap();
        assert!(close(low, 0.2366) && close(high, 0.7634), "{low} {high}");
        // 0 of 8: [0, 0.3244].
        let (low, high) = wilson_interval(0, 8).unwrap();
        assert!(close(low, 0.0) && close(high, 0.3244), "{low} {high}");
    }

    #[test]
    fn no_trials_has_no_interval() {
        assert_eq!(wilson_interval(0, 0), None);
    }
}
