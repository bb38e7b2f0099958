//! Suggests the known key a mistyped one was probably meant to be.

/// The known key nearest to `unknown`, if one is near enough to be a likely typo.
pub fn nearest_key(unknown: &str, known: &[&'static str]) -> Option<&'static str> {
    let unknown = unknown.trim().to_lowercase();
    known
        .iter()
        .map(|&key| (strsim::damerau_levenshtein(&unknown, key), key))
        .filter(|&(distance, key)| distance <= (key.chars().count() / 3).max(2))
        .min_by_key(|&(distance, _)| distance)
        .map(|(_, key)| key)
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEYS: &[&str] = &["registered", "certified", "approved_trainees", "note"];

    #[test]
    fn a_typo_gets_the_nearest_key() {
        assert_eq!(nearest_key("registred", KEYS), Some("registered"));
        assert_eq!(nearest_key("Certified", KEYS), Some("certified"));
        assert_eq!(
            nearest_key("approved_trainee", KEYS),
            Some("approved_trainees")
        );
    }

    #[test]
    fn a_key_far_from_every_known_one_gets_no_suggestion() {
        assert_eq!(nearest_key("colour", KEYS), None);
    }
}
