//! Where each page lives, relative to the site's base URL.
//!
//! Paths here have no leading slash and end with `/` (a folder with an
//! `index.html`): `briefings/bamako/`. The home page is the empty path. The
//! render stage puts the base path (`/sahel/`) in front; the write stage turns
//! a path into `briefings/bamako/index.html`.

/// The home page.
pub fn home() -> String {
    String::new()
}

/// A briefing: `briefings/<slug>/`.
pub fn briefing(slug: &str) -> String {
    format!("briefings/{slug}/")
}

/// The groups index.
pub fn groups() -> String {
    "groups/".to_string()
}

/// A group: `groups/<slug>/`.
pub fn group(slug: &str) -> String {
    format!("groups/{slug}/")
}

/// The countries index.
pub fn countries() -> String {
    "countries/".to_string()
}

/// A country: `countries/<slug>/` (slug from the English name).
pub fn country(slug: &str) -> String {
    format!("countries/{slug}/")
}

/// The chronology of every incident.
pub fn chronology() -> String {
    "chronology/".to_string()
}

/// One year of the chronology.
pub fn year(year: i16) -> String {
    format!("chronology/{year}/")
}

/// Page `number` (1 for the first) of the list at `path`: the first page is
/// `path` itself, the others `path` + `page/<number>/`.
pub fn paged(path: &str, number: usize) -> String {
    if number <= 1 { path.to_string() } else { format!("{path}page/{number}/") }
}

/// Every correction.
pub fn corrections() -> String {
    "corrections/".to_string()
}

/// The shared map outlines: `maps/world.svg`.
pub fn map_outlines() -> String {
    "maps/world.svg".into()
}

/// The data downloads and their documentation.
pub fn data() -> String {
    "data/".to_string()
}

/// The incident explorer.
pub fn explorer() -> String {
    "explorer/".to_string()
}

/// The index of the tags, tactics or targets: `tags/`, `tactics/`, `targets/`
/// (`kind`: `tag`, `tactic`, `target`).
pub fn terms(kind: &str) -> String {
    format!("{kind}s/")
}

/// A tag, tactic or target: `tags/<slug>/`.
pub fn term(kind: &str, slug: &str) -> String {
    format!("{kind}s/{slug}/")
}

/// A region of a country: `countries/<country>/<region>/`.
pub fn region(country_slug: &str, slug: &str) -> String {
    format!("countries/{country_slug}/{slug}/")
}

/// The search page.
pub fn search() -> String {
    "search/".to_string()
}

/// A free page: `<slug>/`.
pub fn page(slug: &str) -> String {
    format!("{slug}/")
}

/// The output file for a page path: `briefings/x/` -> `briefings/x/index.html`.
pub fn file_for(path: &str) -> String {
    format!("{path}index.html")
}

/// The part of a base URL after the host, always starting and ending with `/`:
/// `https://example.org/sahel/` -> `/sahel/`.
pub fn base_path(base_url: &str) -> String {
    let after_scheme = base_url.split_once("://").map_or(base_url, |(_, rest)| rest);
    let path = after_scheme.find('/').map_or("/", |i| &after_scheme[i..]);
    let path = path.split(['?', '#']).next().unwrap_or("/");
    let trimmed = path.trim_end_matches('/');
    format!("{trimmed}/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_path_of_root_and_sub_path_sites() {
        assert_eq!(base_path("https://example.org"), "/");
        assert_eq!(base_path("https://example.org/"), "/");
        assert_eq!(base_path("https://example.org/sahel"), "/sahel/");
        assert_eq!(base_path("https://example.org/sahel/"), "/sahel/");
        assert_eq!(base_path("http://127.0.0.1:1111/a/b/"), "/a/b/");
    }

    #[test]
    fn pages_are_folders() {
        assert_eq!(file_for(&briefing("bamako")), "briefings/bamako/index.html");
        assert_eq!(file_for(&home()), "index.html");
        assert_eq!(file_for(&year(2024)), "chronology/2024/index.html");
    }
}
