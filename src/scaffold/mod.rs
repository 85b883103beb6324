//! Writing new things for a desk: `sitrep new briefing` (here) and
//! `sitrep init` (`init`). What they write passes `check` as it stands.

pub mod init;

use crate::schema;

use std::path::{Path, PathBuf};

use jiff::civil::Date;

use crate::diagnostics::Diagnostic;
use crate::model::IncidentDate;
use crate::model::country::resolve_country;
use crate::model::names::slugify;
use crate::validate::FIRST_YEAR;

/// What `sitrep new briefing` was asked for.
#[derive(Debug, Clone)]
pub struct NewBriefing {
    /// The headline.
    pub title: String,
    /// `--date`, as written (default: `today`).
    pub date: Option<String>,
    /// `--country`, as written (default: `ML`).
    pub countries: Vec<String>,
    /// `--group`, as written.
    pub groups: Vec<String>,
}

/// The briefing a new site's writers replace if they say nothing else.
const DEFAULT_COUNTRY: &str = "ML";

/// YAML's double-quoted form of `text`.
fn quoted(text: &str) -> String {
    serde_json::to_string(text.trim()).unwrap_or_else(|_| "\"\"".into())
}

/// The text of a new draft briefing; `schema` is the path of the briefing
/// schema relative to the file (for the editor modeline).
pub fn briefing_skeleton(new: &NewBriefing, date: &str, countries: &[String], schema: &str) -> String {
    let countries = countries.join(", ");
    let groups = if new.groups.is_empty() {
        "# groups:                  # who did it (perpetrator, attributed by default), and who was hit:\n\
         #   - JNIM\n\
         #   - {name: Malian Armed Forces, role: target}\n"
            .to_string()
    } else {
        let mut text =
            "groups:                     # perpetrators, attributed; add `claim: claimed` when they claimed it\n"
                .to_string();
        for g in &new.groups {
            text.push_str(&format!("  - {}\n", quoted(g)));
        }
        text
    };
    format!(
        "---
# yaml-language-server: $schema={schema}
title: {title}
date: {date}            # the day the incident began (YYYY-MM-DD, or YYYY-MM)
draft: true                 # remove when the briefing is ready to publish
countries: [{countries}]            # replace: ISO codes or English names of the countries hit
{groups}# summary: One-sentence lead.
# locations:
#   - name: Bamako
#     country: ML
#     lat: 12.64
#     lon: -8.00
# targets: [military base]
# tactics: [small arms]
# casualties:               # one entry per reported figure, with who reported it
#   - kind: killed
#     who: security forces
#     count: 10
#     according_to: army statement cited by ...
# sources:                  # a briefing without sources is a warning
#   - url: https://...
#     title: ...
#     publisher: ...
#     date: YYYY-MM-DD
---
Replace this paragraph: what happened, in a few short paragraphs, each fact
from the sources above.
",
        title = quoted(&new.title),
    )
}

/// A file name from a title: its slug, cut at a word to at most 80
/// characters, never a name Windows reserves for a device (`con`, `aux`,
/// `com1`...), which a desk's Windows checkout could not create.
fn short_slug(title: &str) -> String {
    let mut slug = slugify(title);
    if slug.len() > 80 {
        let cut = slug[..80].rfind('-').unwrap_or(80);
        slug.truncate(cut);
    }
    let device = matches!(slug.as_str(), "con" | "prn" | "aux" | "nul")
        || (slug.len() == 4
            && (slug.starts_with("com") || slug.starts_with("lpt"))
            && slug.as_bytes()[3].is_ascii_digit());
    if device {
        slug.push_str("-briefing");
    }
    slug
}

/// The problem with an option of `new briefing`.
fn bad(code: &'static str, what: &str, message: String, hint: &str) -> Diagnostic {
    Diagnostic::error(code, what, message).hint(hint)
}

/// Checks `--date` and `--country` as `check` would; returns the date and the countries' codes.
fn checked(new: &NewBriefing, today: Date) -> Result<(String, Vec<String>), Diagnostic> {
    let date = match &new.date {
        None => today.to_string(),
        Some(text) => {
            let date = IncidentDate::parse(text.trim()).map_err(|_| {
                bad(
                    "bad-date",
                    "--date",
                    format!("`{text}` is not a date"),
                    "write YYYY-MM-DD, or YYYY-MM when only the month is known",
                )
            })?;
            if date.first_day() > today || date.year() < FIRST_YEAR {
                return Err(bad(
                    "date-out-of-range",
                    "--date",
                    format!("`{text}` is not between {FIRST_YEAR} and today ({today})"),
                    "give the day the incident began",
                ));
            }
            date.to_string()
        }
    };
    let given: Vec<&str> = if new.countries.is_empty() {
        vec![DEFAULT_COUNTRY]
    } else {
        new.countries.iter().map(String::as_str).collect()
    };
    let mut countries = Vec::new();
    for c in given {
        let code = resolve_country(c).ok_or_else(|| {
            bad(
                "unknown-country",
                "--country",
                format!("unknown country `{c}`"),
                "use an ISO 3166-1 alpha-2 code such as ML, or the English name",
            )
        })?;
        if !countries.contains(&code.to_string()) {
            countries.push(code.to_string());
        }
    }
    for g in &new.groups {
        if slugify(g).is_empty() {
            return Err(bad(
                "bad-group-name",
                "--group",
                format!("group name `{g}` has no letters or digits"),
                "write the group's name",
            ));
        }
    }
    Ok((date, countries))
}

/// The folder new briefings go in: `content/briefings/<year>/` when the site
/// already files its briefings by year, else `content/briefings/`.
fn folder_for(root: &Path, year: &str) -> PathBuf {
    let briefings = PathBuf::from("content").join("briefings");
    let by_year = std::fs::read_dir(root.join(&briefings)).into_iter().flatten().flatten().any(|e| {
        let name = e.file_name();
        let name = name.to_string_lossy();
        e.file_type().is_ok_and(|t| t.is_dir()) && name.len() == 4 && name.chars().all(|c| c.is_ascii_digit())
    });
    if by_year { briefings.join(year) } else { briefings }
}

/// Writes a new draft briefing into the site at `root` (and the briefing
/// schema its modeline names, when the site has none); refuses to overwrite.
/// Returns the new file's path relative to `root`.
pub fn new_briefing(root: &Path, new: &NewBriefing, today: Date) -> Result<PathBuf, Diagnostic> {
    if !root.join(crate::config::CONFIG_FILE).is_file() {
        return Err(bad(
            "missing-config",
            crate::config::CONFIG_FILE,
            format!("{} holds no site (no site.yaml)", root.display()),
            "run it in your site's folder, pass --root, or start a site with `sitrep init DIR`",
        ));
    }
    if let Some(c) = new.title.chars().find(|c| c.is_control()) {
        return Err(bad(
            "control-character",
            "content/briefings",
            format!("the title holds the control character U+{:04X}", u32::from(c)),
            "write the title as plain text, on one line",
        ));
    }
    let slug = short_slug(&new.title);
    if slug.is_empty() {
        return Err(bad(
            "bad-title",
            "content/briefings",
            "the title has no letters or digits to make a file name from".into(),
            "give a title such as \"JNIM attack on Boulkessi base\"",
        ));
    }
    let (date, countries) = checked(new, today)?;
    let rel = folder_for(root, &date[..4]).join(format!("{slug}.md"));
    let path = root.join(&rel);
    if path.symlink_metadata().is_ok() {
        return Err(bad(
            "exists",
            &rel.to_string_lossy(),
            "a briefing with this file name already exists".into(),
            "choose another title, or edit the existing file",
        ));
    }
    let depth = rel.components().count() - 1;
    let schema = format!("{}{}", "../".repeat(depth), schema::BRIEFING_FILE);
    // Through no linked folder, onto no existing file or link (see `crate::trust`).
    crate::trust::create_new(root, &rel, briefing_skeleton(new, &date, &countries, &schema).as_bytes())
        .map_err(|why| Diagnostic::error("write-failed", &rel, format!("not written: {why}")))?;
    let schema_path = root.join(schema::BRIEFING_FILE);
    if schema_path.symlink_metadata().is_err() {
        crate::trust::create_new(root, Path::new(schema::BRIEFING_FILE), schema::json(schema::Of::Briefing).as_bytes())
            .map_err(|why| Diagnostic::error("write-failed", schema::BRIEFING_FILE, format!("not written: {why}")))?;
    }
    Ok(rel)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn new(title: &str) -> NewBriefing {
        NewBriefing { title: title.into(), date: None, countries: vec![], groups: vec![] }
    }

    /// A folder holding a site (just its settings).
    fn site() -> tempfile::TempDir {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::write(tmp.path().join("site.yaml"), "title: T\nbase_url: https://example.org/\n").unwrap();
        tmp
    }

    #[test]
    fn refuses_a_folder_with_no_site() {
        let tmp = tempfile::tempdir().unwrap();
        let today = Date::new(2026, 11, 21).unwrap();
        assert_eq!(new_briefing(tmp.path(), &new("Mahou attack"), today).unwrap_err().code, "missing-config");
        assert!(!tmp.path().join("content").exists());
    }

    #[test]
    fn never_overwrites() {
        let tmp = site();
        let today = Date::new(2026, 11, 21).unwrap();
        let rel = new_briefing(tmp.path(), &new("Mahou attack"), today).unwrap();
        assert_eq!(rel, Path::new("content/briefings/mahou-attack.md"));
        assert_eq!(new_briefing(tmp.path(), &new("Mahou attack"), today).unwrap_err().code, "exists");
    }

    #[test]
    fn a_bad_date_or_country_is_refused_before_anything_is_written() {
        let tmp = site();
        let today = Date::new(2026, 11, 21).unwrap();
        let mut n = new("Mahou attack");
        n.date = Some("2027-01-01".into());
        assert_eq!(new_briefing(tmp.path(), &n, today).unwrap_err().code, "date-out-of-range");
        n.date = Some("17/09/2024".into());
        assert_eq!(new_briefing(tmp.path(), &n, today).unwrap_err().code, "bad-date");
        n.date = None;
        n.countries = vec!["Atlantis".into()];
        assert_eq!(new_briefing(tmp.path(), &n, today).unwrap_err().code, "unknown-country");
        assert!(!tmp.path().join("content").exists());
    }

    #[test]
    fn a_site_filed_by_year_gets_the_briefing_in_its_year() {
        let tmp = site();
        std::fs::create_dir_all(tmp.path().join("content/briefings/2024")).unwrap();
        let today = Date::new(2026, 11, 21).unwrap();
        let mut n = new("Gao attack");
        n.date = Some("2025-03".into());
        let rel = new_briefing(tmp.path(), &n, today).unwrap();
        assert_eq!(rel, Path::new("content/briefings/2025/gao-attack.md"));
        let text = std::fs::read_to_string(tmp.path().join(&rel)).unwrap();
        assert!(text.contains("$schema=../../../schemas/briefing.json"), "{text}");
        assert!(tmp.path().join("schemas/briefing.json").is_file());
    }

    #[test]
    fn a_device_name_or_a_control_character_never_reaches_a_file_name() {
        let tmp = site();
        let today = Date::new(2026, 11, 21).unwrap();
        for (title, file) in [("CON", "con-briefing.md"), ("aux", "aux-briefing.md"), ("COM1", "com1-briefing.md")] {
            let rel = new_briefing(tmp.path(), &new(title), today).unwrap();
            assert_eq!(rel, Path::new("content/briefings").join(file));
        }
        assert_eq!(new_briefing(tmp.path(), &new("x\u{7f}"), today).unwrap_err().code, "control-character");
    }

    #[cfg(unix)]
    #[test]
    fn a_dangling_link_is_never_written_through() {
        let tmp = site();
        let elsewhere = tempfile::tempdir().unwrap();
        let today = Date::new(2026, 11, 21).unwrap();
        std::fs::create_dir_all(tmp.path().join("content/briefings")).unwrap();
        std::os::unix::fs::symlink(elsewhere.path().join("victim.md"), tmp.path().join("content/briefings/gao.md"))
            .unwrap();
        std::os::unix::fs::symlink(elsewhere.path().join("victim.json"), tmp.path().join("schemas")).unwrap();
        assert_eq!(new_briefing(tmp.path(), &new("Gao"), today).unwrap_err().code, "exists");
        assert!(new_briefing(tmp.path(), &new("Kati"), today).is_err(), "the schema's folder is a link");
        assert!(std::fs::read_dir(elsewhere.path()).unwrap().next().is_none());
    }
}
