//! The JSON Schema editors use agrees with the parser: every front matter the
//! parser accepts (the example site, the fixtures, a new site) is valid
//! against it, and a field the parser rejects is rejected by it too.

use std::path::{Path, PathBuf};

use sitrep::diagnostics::Severity;
use sitrep::schema::{self, Of};
use sitrep::source::{SourceFile, SourceKind};

fn validator(of: Of) -> jsonschema::Validator {
    let schema: serde_json::Value = serde_json::from_str(&schema::json(of)).unwrap();
    jsonschema::validator_for(&schema).unwrap()
}

/// The front matter of `text` as JSON (what an editor's YAML server sees).
fn front_matter(text: &str) -> serde_json::Value {
    let yaml = text.strip_prefix("---\n").and_then(|t| t.split_once("\n---")).map(|(y, _)| y).unwrap_or("");
    let value: serde_yaml::Value = serde_yaml::from_str(if yaml.trim().is_empty() { "{}" } else { yaml }).unwrap();
    serde_json::to_value(value).unwrap()
}

fn kind_of(path: &Path) -> Option<(SourceKind, Of)> {
    let p = path.to_string_lossy();
    // A translation carries only words; the schemas describe originals.
    if sitrep::model::translation::translation_of(&path.file_name()?.to_string_lossy()).is_some() {
        return None;
    }
    if p.contains("/briefings/") {
        Some((SourceKind::Briefing, Of::Briefing))
    } else if p.contains("/groups/") {
        Some((SourceKind::Group, Of::Group))
    } else if p.contains("/countries/") {
        Some((SourceKind::Country, Of::Country))
    } else if p.contains("/pages/") {
        Some((SourceKind::Page, Of::Page))
    } else {
        None
    }
}

/// True when the parser finds no error in `text` as a file of `kind`.
fn parser_accepts(kind: SourceKind, name: &str, text: &str) -> bool {
    let file = SourceFile {
        path: PathBuf::from(format!("content/x/{name}")),
        content_path: format!("x/{name}"),
        kind,
        text: text.to_string(),
        modified: None,
    };
    let v = sitrep::validate::validate_file(&file, crate::support::today());
    !v.problems.iter().any(|d| d.severity == Severity::Error)
}

fn markdown_files(dir: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
        .map(|e| e.into_path())
        .collect()
}

#[test]
fn every_front_matter_the_parser_accepts_is_valid_against_the_schema() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tmp = tempfile::tempdir().unwrap();
    sitrep::scaffold::init::init(&tmp.path().join("new")).unwrap();
    let mut dirs = vec![root.join("content"), tmp.path().join("new/content")];
    dirs.extend(std::fs::read_dir(root.join("tests/fixtures")).unwrap().flatten().map(|e| e.path().join("content")));
    let mut checked = 0;
    for file in dirs.iter().flat_map(|d| markdown_files(d)) {
        let Some((kind, of)) = kind_of(&file) else { continue };
        let text = std::fs::read_to_string(&file).unwrap();
        let name = file.file_name().unwrap().to_string_lossy().to_string();
        if !parser_accepts(kind, &name, &text) {
            continue;
        }
        let instance = front_matter(&text);
        let errors: Vec<String> =
            validator(of).iter_errors(&instance).map(|e| format!("{e} at {}", e.instance_path())).collect();
        assert!(errors.is_empty(), "{}: {errors:?}", file.display());
        checked += 1;
    }
    assert!(checked > 30, "only {checked} files checked");
    // site.yaml too.
    for settings in [root.join("site.yaml"), tmp.path().join("new/site.yaml")] {
        let value: serde_yaml::Value = serde_yaml::from_str(&std::fs::read_to_string(&settings).unwrap()).unwrap();
        let instance = serde_json::to_value(value).unwrap();
        assert!(validator(Of::Site).is_valid(&instance), "{}", settings.display());
    }
}

#[test]
fn what_the_parser_rejects_the_schema_rejects() {
    let good = "title: Attack\ndate: 2024-09-17\ncountries: [ML]\nsources:\n  - title: A report\n";
    let v = validator(Of::Briefing);
    assert!(parser_accepts(SourceKind::Briefing, "good.md", &format!("---\n{good}---\nText.\n")));
    assert!(v.is_valid(&front_matter(&format!("---\n{good}---\n"))));
    for bad in [
        "countrys: [ML]\n",
        "event: ambush\n",
        "end_date: 17/09/2024\n",
        "published: 2024-09\n",
        "draft: maybe\n",
        "casualties:\n  - {kind: killed, count: -1, according_to: army}\n",
        "casualties:\n  - {kind: slain, count: 3, according_to: army}\n",
        "casualties:\n  - {kind: killed, count: 3, according_to: army, source: x}\n",
        "groups:\n  - {name: JNIM, role: leader}\n",
        "locations:\n  - {name: Gao, country: ML, lat: 100, lon: 0}\n",
        "corrections:\n  - {date: 2024-09-23}\n",
    ] {
        let text = format!("---\n{good}{bad}---\nText.\n");
        assert!(!parser_accepts(SourceKind::Briefing, "bad.md", &text), "the parser accepts {bad}");
        assert!(!v.is_valid(&front_matter(&text)), "the schema accepts {bad}");
    }
    for missing in ["title", "date", "countries"] {
        let text: String = good.lines().filter(|l| !l.starts_with(missing)).map(|l| format!("{l}\n")).collect();
        let text = format!("---\n{text}---\nText.\n");
        assert!(!parser_accepts(SourceKind::Briefing, "bad.md", &text), "the parser accepts no {missing}");
        assert!(!v.is_valid(&front_matter(&text)), "the schema accepts no {missing}");
    }
    // Choices are read in any case, by both.
    let text = format!("---\n{good}event: Attack\n---\nText.\n");
    assert!(parser_accepts(SourceKind::Briefing, "ok.md", &text));
    assert!(v.is_valid(&front_matter(&text)));
    // Descriptions come from the docs of the types the parser reads.
    let json = schema::json(Of::Briefing);
    assert!(json.contains("\"description\"") && json.contains("One entry per reported figure."), "{json}");
}

#[test]
fn the_example_sites_schemas_are_current() {
    // The example site keeps the schemas its writers' editors use; after a
    // change to the front matter, refresh them with `sitrep schema KIND > schemas/KIND.json`.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for of in Of::ALL {
        let committed = std::fs::read_to_string(root.join(of.file())).unwrap_or_default();
        assert!(committed == schema::json(of), "{} is out of date: run `sitrep schema` to refresh it", of.file());
    }
}
