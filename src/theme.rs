//! Themes: Tera templates and static files, from `themes/<name>/` in the site,
//! or, when a site names the `default` theme without shipping it, from the copy
//! of the default theme built into the binary.

use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};
use walkdir::WalkDir;

use crate::diagnostics::{Diagnostic, Diagnostics};

static BUILTIN: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

/// The templates every theme must provide.
pub const REQUIRED_TEMPLATES: &[&str] = &[
    "base.html",
    "index.html",
    "briefing.html",
    "groups.html",
    "group.html",
    "countries.html",
    "country.html",
    "chronology.html",
    "year.html",
    "page.html",
    "corrections.html",
    "data.html",
    "explorer.html",
    "search.html",
    "terms.html",
    "term.html",
    "404.html",
];

/// A loaded theme.
#[derive(Debug, Clone)]
pub struct Theme {
    /// Where it came from, for diagnostics: `themes/default` or `(built-in default theme)`.
    pub origin: PathBuf,
    /// Templates as (name under `templates/`, text).
    pub templates: Vec<(String, String)>,
    /// Static files as (path under `static/`, bytes), copied to the output root.
    pub static_files: Vec<(String, Vec<u8>)>,
    /// Data the theme uses to draw (path under `data/`, bytes), e.g. `world.json`.
    pub data_files: Vec<(String, Vec<u8>)>,
    /// Translation tables (path under `i18n/`, text): `en.ftl`, `fr.ftl`.
    pub translations: Vec<(String, String)>,
}

impl Theme {
    /// The bytes of data file `name`, if the theme has it.
    pub fn data(&self, name: &str) -> Option<&[u8]> {
        self.data_files.iter().find(|(n, _)| n == name).map(|(_, b)| b.as_slice())
    }

    /// The translation table of `language` (`i18n/<language>.ftl`): the
    /// theme's own, else the built-in default theme's; with where it came from.
    pub fn translation(&self, language: &str) -> Option<(PathBuf, &str)> {
        let file = format!("{language}.ftl");
        if let Some((_, text)) = self.translations.iter().find(|(n, _)| *n == file) {
            return Some((self.origin.join("i18n").join(&file), text.as_str()));
        }
        let builtin = BUILTIN.get_file(format!("i18n/{file}"))?;
        let text = std::str::from_utf8(builtin.contents()).ok()?;
        Some((PathBuf::from("(built-in default theme)/i18n").join(file), text))
    }
}

impl Theme {
    /// The path diagnostics give for template `name`.
    pub fn template_path(&self, name: &str) -> PathBuf {
        self.origin.join("templates").join(name)
    }
}

/// Loads theme `name` from `<root>/themes/<name>/`, or the built-in default.
pub fn load(root: &Path, name: &str, diags: &mut Diagnostics) -> Option<Theme> {
    let rel = Path::new("themes").join(name);
    let dir = root.join(&rel);
    let theme = if dir.is_dir() {
        from_disk(&crate::trust::Site::at(root), &dir, &rel, diags)
    } else if name == "default" {
        builtin()
    } else {
        diags.push(
            Diagnostic::error(
                "missing-theme",
                "site.yaml",
                format!("theme `{name}` not found: there is no folder themes/{name}/"),
            )
            .hint("create the theme folder, or use `theme: default`"),
        );
        return None;
    };
    let mut missing = false;
    for required in REQUIRED_TEMPLATES {
        if !theme.templates.iter().any(|(n, _)| n == required) {
            diags.push(
                Diagnostic::error(
                    "missing-template",
                    theme.template_path(required),
                    format!("theme `{name}` has no template {required}"),
                )
                .hint("every theme needs: ".to_string() + &REQUIRED_TEMPLATES.join(", ")),
            );
            missing = true;
        }
    }
    (!missing).then_some(theme)
}

/// The default theme as built into the binary.
pub fn builtin() -> Theme {
    let mut theme = Theme {
        origin: PathBuf::from("(built-in default theme)"),
        templates: Vec::new(),
        static_files: Vec::new(),
        data_files: Vec::new(),
        translations: Vec::new(),
    };
    collect_builtin(&BUILTIN, &mut theme);
    theme.templates.sort();
    theme.static_files.sort();
    theme.data_files.sort();
    theme.translations.sort();
    theme
}

fn collect_builtin(dir: &Dir<'static>, theme: &mut Theme) {
    let text = |bytes: &[u8]| String::from_utf8_lossy(bytes).into_owned();
    for file in dir.files() {
        let path = file.path().to_string_lossy().replace('\\', "/");
        if let Some(name) = path.strip_prefix("templates/") {
            theme.templates.push((name.to_string(), text(file.contents())));
        } else if let Some(name) = path.strip_prefix("static/") {
            theme.static_files.push((name.to_string(), file.contents().to_vec()));
        } else if let Some(name) = path.strip_prefix("data/") {
            theme.data_files.push((name.to_string(), file.contents().to_vec()));
        } else if let Some(name) = path.strip_prefix("i18n/") {
            theme.translations.push((name.to_string(), text(file.contents())));
        }
    }
    for sub in dir.dirs() {
        collect_builtin(sub, theme);
    }
}

/// Reads a theme's files under the site's trust policy (`crate::trust`):
/// a linked theme folder, sub-folder or file is followed only to a place
/// inside the site and outside `content/`; anything else is an error naming it.
fn from_disk(site: &crate::trust::Site, dir: &Path, rel: &Path, diags: &mut Diagnostics) -> Theme {
    let mut templates = Vec::new();
    let mut static_files = Vec::new();
    let mut data_files = Vec::new();
    let mut translations = Vec::new();
    let refused = |shown: PathBuf, why: crate::trust::Refused| {
        Diagnostic::error("theme-link", shown, format!("not read: {why}"))
            .hint("copy the files into the theme instead of linking to them")
    };
    if let Err(why) = site.resolve(dir, true) {
        diags.push(refused(rel.to_path_buf(), why));
        return Theme { origin: rel.to_path_buf(), templates, static_files, data_files, translations };
    }
    for sub in ["templates", "static", "data", "i18n"] {
        let base = dir.join(sub);
        if !base.is_dir() {
            continue;
        }
        if let Err(why) = site.resolve(&base, true) {
            diags.push(refused(rel.join(sub), why));
            continue;
        }
        for entry in WalkDir::new(&base).follow_links(false).sort_by_file_name() {
            let Ok(entry) = entry else { continue };
            let file_type = entry.file_type();
            if !(file_type.is_file() || file_type.is_symlink())
                || crate::source::is_ignored_name(&entry.file_name().to_string_lossy())
            {
                continue;
            }
            let name = entry
                .path()
                .strip_prefix(&base)
                .unwrap_or(entry.path())
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/");
            let shown = rel.join(sub).join(&name);
            if file_type.is_symlink() && entry.path().is_dir() {
                diags.push(refused(shown, crate::trust::Refused::NotRegular));
                continue;
            }
            match site.read(entry.path(), true) {
                Ok(bytes) if sub == "templates" || sub == "i18n" => match String::from_utf8(bytes) {
                    Ok(text) if sub == "templates" => templates.push((name, text)),
                    Ok(text) => translations.push((name, text)),
                    Err(_) => diags.push(Diagnostic::error("not-utf8", shown, "the file is not valid UTF-8 text")),
                },
                Ok(bytes) if sub == "static" => static_files.push((name, bytes)),
                Ok(bytes) => data_files.push((name, bytes)),
                Err(why @ (crate::trust::Refused::Io(_) | crate::trust::Refused::NotRegular)) => {
                    diags.push(Diagnostic::error("unreadable", shown, format!("cannot read: {why}")))
                }
                Err(why) => diags.push(refused(shown, why)),
            }
        }
    }
    Theme { origin: rel.to_path_buf(), templates, static_files, data_files, translations }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_theme_has_every_required_template() {
        let t = builtin();
        for name in REQUIRED_TEMPLATES {
            assert!(t.templates.iter().any(|(n, _)| n == name), "{name}");
        }
        assert!(t.static_files.iter().any(|(n, _)| n.ends_with(".css")));
    }
}
