//! Site settings from `site.yaml`, validated into `Config`.

use std::path::Path;

use serde::Deserialize;

use crate::diagnostics::{Diagnostic, Diagnostics, Span};
use crate::frontmatter::{self, Document, Locator};
use crate::source;
use crate::urls;

/// The settings file at the site root.
pub const CONFIG_FILE: &str = "site.yaml";

/// `site.yaml` as written.
#[derive(Debug, Default, Deserialize, schemars::JsonSchema)]
#[serde(default, deny_unknown_fields)]
#[schemars(title = "sitrep site.yaml", extend("required" = ["title", "base_url"]))]
struct RawConfig {
    /// The site's name, in every page's title and header.
    #[schemars(schema_with = "crate::schema::required_text")]
    title: Option<String>,
    /// The full address the site is published at; may carry a path (sub-path hosting).
    #[schemars(schema_with = "crate::schema::required_text")]
    base_url: Option<String>,
    /// One line about the site, for search engines and feeds.
    #[schemars(schema_with = "crate::schema::text")]
    description: Option<String>,
    /// The site's main language (default `en`).
    #[schemars(schema_with = "crate::schema::text")]
    language: Option<String>,
    /// The folder under `themes/` (default `default`, built in).
    #[schemars(schema_with = "crate::schema::text")]
    theme: Option<String>,
    /// `true` makes every warning an error, for a desk's CI.
    strict: Option<bool>,
    /// How Markdown bodies are rendered.
    markdown: Option<RawMarkdown>,
    /// Other languages, each published under `/<code>/`: code -> its title and description.
    languages: Option<std::collections::BTreeMap<String, RawLanguage>>,
}

/// One other language under `languages:`.
#[derive(Debug, Default, Deserialize, schemars::JsonSchema)]
#[serde(default, deny_unknown_fields)]
struct RawLanguage {
    /// The site's name in this language (default: `title`).
    #[schemars(schema_with = "crate::schema::text")]
    title: Option<String>,
    /// One line about the site in this language.
    #[schemars(schema_with = "crate::schema::text")]
    description: Option<String>,
}

/// `markdown:` settings.
#[derive(Debug, Default, Deserialize, schemars::JsonSchema)]
#[serde(default, deny_unknown_fields)]
struct RawMarkdown {
    /// Keep raw HTML in bodies, script and all (default `false`: it is dropped).
    unsafe_html: Option<bool>,
}

/// The JSON Schema of `site.yaml`.
pub fn schema() -> schemars::Schema {
    schemars::schema_for!(RawConfig)
}

/// Validated site settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// Site title.
    pub title: String,
    /// Absolute base URL, always ending with `/`: `https://example.org/sahel/`.
    pub base_url: String,
    /// One-line description.
    pub description: Option<String>,
    /// The main language's code, for `<html lang>`: its pages are at the root.
    pub language: String,
    /// Every language published, the main one first, then the others (each
    /// under `/<code>/`) in the order of their codes.
    pub languages: Vec<Language>,
    /// Theme folder name under `themes/`.
    pub theme: String,
    /// Keep raw HTML in Markdown bodies.
    pub unsafe_html: bool,
    /// Every warning is an error (`strict: true`, or `--strict`).
    pub strict: bool,
}

/// One language the site is published in.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Language {
    /// Its code: `en`, `fr`.
    pub code: String,
    /// The site's name in it.
    pub title: String,
    /// One line about the site in it.
    pub description: Option<String>,
}

impl Config {
    /// The position of language `code` in `languages`.
    pub fn language_index(&self, code: &str) -> Option<usize> {
        self.languages.iter().position(|l| l.code == code)
    }

    /// The path part of the base URL: `/sahel/`, or `/`.
    pub fn base_path(&self) -> String {
        urls::base_path(&self.base_url)
    }

    /// Replaces the base URL (for `--base-url` and for the preview server).
    pub fn with_base_url(mut self, base_url: &str) -> Config {
        self.base_url = normalize_base_url(base_url);
        self
    }
}

/// Reads and validates `<root>/site.yaml`.
pub fn load(root: &Path, diags: &mut Diagnostics) -> Option<Config> {
    let path = Path::new(CONFIG_FILE);
    let full = root.join(path);
    let bytes = match crate::trust::Site::at(root).read(&full, false) {
        Ok(b) => b,
        Err(_) if full.symlink_metadata().is_err() => {
            diags.push(
                Diagnostic::error("missing-config", path, "the site has no site.yaml")
                    .hint("create site.yaml with at least `title:` and `base_url:`"),
            );
            return None;
        }
        Err(e) => {
            diags.push(Diagnostic::error("unreadable", path, format!("cannot read: {e}")));
            return None;
        }
    };
    let text = match source::decode(bytes) {
        Ok(t) => t,
        Err(span) => {
            diags.push(Diagnostic::error("not-utf8", path, "file is not valid UTF-8 text").at(span));
            return None;
        }
    };
    let controls = crate::validate::control_characters(&text, path);
    let any = !controls.is_empty();
    controls.into_iter().for_each(|d| diags.push(d));
    parse(&text, diags).filter(|_| !any)
}

/// Validates the text of `site.yaml`.
pub fn parse(text: &str, diags: &mut Diagnostics) -> Option<Config> {
    let path = Path::new(CONFIG_FILE);
    let doc = Document { yaml: text, yaml_line: 1, body: "", body_line: 1 };
    let (raw, locator): (RawConfig, Locator) = match frontmatter::parse(&doc, path) {
        Ok(parsed) if parsed.problems.is_empty() => {
            (parsed.value, parsed.locator.unwrap_or_else(|| Locator::new(text, 1)))
        }
        Ok(parsed) => {
            parsed.problems.into_iter().for_each(|d| diags.push(d));
            return None;
        }
        Err(problems) => {
            problems.into_iter().for_each(|d| diags.push(d));
            return None;
        }
    };
    let at = |field: &str| locator.value(field).or(Some(Span::new(1, 1)));
    let title = raw.title.map(|t| t.trim().to_string()).filter(|t| !t.is_empty());
    if title.is_none() {
        diags.push(
            Diagnostic::error("missing-field", path, "missing required field `title`")
                .at_opt(at("title"))
                .hint("add `title: Sahel Security Briefing`"),
        );
    }
    let base_url = raw.base_url.map(|b| b.trim().to_string()).filter(|b| !b.is_empty());
    let base_url = match base_url {
        None => {
            diags.push(
                Diagnostic::error("missing-field", path, "missing required field `base_url`")
                    .at_opt(at("base_url"))
                    .hint("add the address the site is published at: `base_url: https://example.org/`"),
            );
            None
        }
        Some(b) => match check_base_url(&b) {
            Ok(url) => Some(url),
            Err(why) => {
                diags.push(
                    Diagnostic::error("bad-url", path, format!("`base_url` {why}, found `{b}`"))
                        .at_opt(at("base_url"))
                        .hint("write the full address, e.g. `https://example.org/sahel/`"),
                );
                None
            }
        },
    };
    let theme = raw.theme.map(|t| t.trim().to_string()).filter(|t| !t.is_empty()).unwrap_or_else(|| "default".into());
    if theme.contains(['/', '\\']) || theme.starts_with('.') {
        diags.push(
            Diagnostic::error(
                "bad-theme",
                path,
                format!("`theme` must be a folder name under themes/, found `{theme}`"),
            )
            .at_opt(at("theme")),
        );
        return None;
    }
    let language = raw.language.map(|l| l.trim().to_string()).filter(|l| !l.is_empty()).unwrap_or_else(|| "en".into());
    let mut good = true;
    if !is_language_code(&language) {
        good = false;
        diags.push(
            Diagnostic::error("bad-language", path, format!("`language` must be a language code, found `{language}`"))
                .at_opt(at("language"))
                .hint("write a code such as `en` or `fr`"),
        );
    }
    let title = title?;
    let description = raw.description.map(|d| d.trim().to_string()).filter(|d| !d.is_empty());
    let mut languages =
        vec![Language { code: language.clone(), title: title.clone(), description: description.clone() }];
    for (code, other) in raw.languages.unwrap_or_default() {
        let at_code = locator.key(&format!("languages.{code}")).or(at("languages"));
        if !is_language_code(&code) {
            good = false;
            diags.push(
                Diagnostic::error("bad-language", path, format!("`{code}` under `languages` is not a language code"))
                    .at_opt(at_code)
                    .hint("write a lower-case code such as `fr`: its pages are published under `/fr/`"),
            );
            continue;
        }
        if code == language {
            good = false;
            diags.push(
                Diagnostic::error(
                    "bad-language",
                    path,
                    format!("`{code}` is the main language: it cannot also be listed under `languages`"),
                )
                .at_opt(at_code)
                .hint("list only the other languages; the main one is `language:`"),
            );
            continue;
        }
        let text = |t: Option<String>| t.map(|t| t.trim().to_string()).filter(|t| !t.is_empty());
        languages.push(Language {
            code,
            title: text(other.title).unwrap_or_else(|| title.clone()),
            description: text(other.description).or_else(|| description.clone()),
        });
    }
    if !good {
        return None;
    }
    Some(Config {
        title,
        base_url: base_url?,
        description,
        language,
        languages,
        theme,
        unsafe_html: raw.markdown.and_then(|m| m.unsafe_html).unwrap_or(false),
        strict: raw.strict.unwrap_or(false),
    })
}

/// A base URL, normalised (one trailing `/`), or why it cannot be one: it
/// must be an http or https address with a host, and no query, fragment or
/// user name, since every page address is built by appending to it.
pub fn check_base_url(s: &str) -> Result<String, &'static str> {
    let text = s.trim();
    let url = url::Url::parse(text).map_err(|_| "must be an http or https address")?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none_or(str::is_empty) || text.contains(":///") {
        return Err("must be an http or https address");
    }
    if url.query().is_some() || text.contains('?') {
        return Err("must not have a query (`?...`)");
    }
    if url.fragment().is_some() || text.contains('#') {
        return Err("must not have a fragment (`#...`)");
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err("must not carry a user name or password");
    }
    if text.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err("must not contain spaces");
    }
    // A plain address: written as a browser would write it (no character it
    // would percent-encode, such as `"`, `<`, `>` or `` ` ``), and no `'`
    // or `\`: every page puts it into attributes, scripts' data and feeds.
    let written = normalize_base_url(text);
    if written.contains(['\'', '\\']) || url.as_str().trim_end_matches('/') != written.trim_end_matches('/') {
        return Err(
            "must be a plain address, written as a browser shows it (no quotes, `<`, `>`, backslashes or spaces)",
        );
    }
    Ok(written)
}

/// True for a language code a site may use: `fr`, `pt-br` (two or three
/// lower-case letters, then optional `-` parts of letters and digits). Such a
/// code names a folder of the site (`/fr/`) and the suffix of a translation
/// file (`bamako.fr.md`).
pub fn is_language_code(code: &str) -> bool {
    let mut parts = code.split('-');
    let first = parts.next().unwrap_or("");
    (2..=3).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_lowercase())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Ensures the base URL ends with exactly one `/`.
pub fn normalize_base_url(s: &str) -> String {
    format!("{}/", s.trim().trim_end_matches('/'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_sub_path_site() {
        let mut d = Diagnostics::new();
        let c = parse("title: Sahel\nbase_url: https://example.org/sahel\n", &mut d).unwrap();
        assert_eq!(c.base_url, "https://example.org/sahel/");
        assert_eq!(c.base_path(), "/sahel/");
        assert_eq!(c.language, "en");
        assert_eq!(c.theme, "default");
        assert!(d.is_empty());
    }

    #[test]
    fn reports_missing_and_wrong_settings_together() {
        let mut d = Diagnostics::new();
        assert!(parse("base_url: ftp://x\n", &mut d).is_none());
        let codes: Vec<&str> = d.iter().map(|x| x.code).collect();
        assert_eq!(codes, ["missing-field", "bad-url"]);
    }

    #[test]
    fn base_urls_are_http_addresses_without_query_or_fragment() {
        assert_eq!(check_base_url("https://example.org/sahel").unwrap(), "https://example.org/sahel/");
        for bad in [
            "javascript:alert(1)//",
            "ftp://x.org/",
            "https://x.org/?a=1",
            "https://x.org/#top",
            "https://u:p@x.org/",
            "https:///a",
            "https://x.org/a\"onmouseover=\"alert(1)",
            "https://x.org/a'b/",
            "https://x.org/<b>/",
            "https://x.org/a`b/",
            "https://x.org/a\\b/",
            "HTTPS://X.ORG/",
        ] {
            assert!(check_base_url(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn unknown_settings_are_errors() {
        let mut d = Diagnostics::new();
        assert!(parse("title: a\nbase_url: https://x.org/\ntheem: dark\n", &mut d).is_none());
        assert_eq!(d.iter().next().unwrap().hint.as_deref(), Some("did you mean `theme`?"));
    }
}
