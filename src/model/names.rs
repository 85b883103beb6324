//! Names: how two spellings of a group are recognised as one, and how names
//! become URL slugs.

/// The key two names are compared by: case, diacritics, punctuation and
/// spacing are ignored, so `Jama'at Nusrat al-Islam` and `JAMAAT NUSRAT
/// AL ISLAM` match.
pub fn match_key(name: &str) -> String {
    deunicode::deunicode(name).chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_lowercase()).collect()
}

/// A URL slug: `Katiba Macina` -> `katiba-macina`, `Côte d'Ivoire` -> `cote-d-ivoire`.
pub fn slugify(name: &str) -> String {
    slug::slugify(name)
}

/// The longest slug: a slug is a folder name in the output, and file systems
/// refuse names over 255 bytes (some paths add a little).
pub const MAX_SLUG: usize = 200;

/// True when `s` is a valid slug: `[a-z0-9-]+`.
pub fn is_valid_slug(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_ignoring_case_punctuation_diacritics_and_spacing() {
        assert_eq!(match_key("Jama'at Nusrat al-Islam wal-Muslimin"), match_key("JAMAAT NUSRAT AL ISLAM WAL MUSLIMIN"));
        assert_eq!(match_key("Ansar Eddine"), match_key("ansar  eddine"));
        assert_eq!(match_key("Katibat Macina"), "katibatmacina");
        assert_eq!(match_key("FAMa"), match_key("F.A.M.A."));
        assert_eq!(match_key("Mouvement Populaire pour l'Azawad"), match_key("Mouvement populaire pour l’Azawad"));
        assert_eq!(match_key("Dozos"), match_key("Dozos"));
        assert_ne!(match_key("JNIM"), match_key("ISGS"));
        assert_eq!(match_key("Jamāʿat"), match_key("Jamaat"));
    }

    #[test]
    fn slugs_are_lowercase_ascii_with_hyphens() {
        assert_eq!(slugify("Katiba Macina"), "katiba-macina");
        assert_eq!(slugify("Côte d'Ivoire"), "cote-d-ivoire");
        assert!(is_valid_slug("bamako-2024-09-17"));
        assert!(!is_valid_slug("Bamako 2024"));
        assert!(!is_valid_slug(""));
    }
}
