//! Watching the site: which file events matter, and what they change.
//!
//! `classify` is pure: paths in, `Changes` out. Editors save in many ways
//! (write a temporary file then rename it over the original, keep swap and
//! backup files, test-write a file called `4913`); only the final paths of
//! content, templates, static files and `site.yaml` count. Everything else
//! (the output folder, `target/`, `.git/`, editor leftovers) is ignored.

use std::path::{Component, Path, PathBuf};
use std::time::Duration;

use notify::event::ModifyKind;
use notify::{EventKind, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer};

use crate::session::Changes;
use crate::source::is_ignored_name;

/// How long the watcher waits for a burst of saves to end before rebuilding.
pub const DEBOUNCE: Duration = Duration::from_millis(10);

/// What the watched paths mean for the site at `root` using theme `theme`.
pub fn classify<'a>(root: &Path, theme: &str, paths: impl IntoIterator<Item = &'a Path>) -> Changes {
    let mut changes = Changes::default();
    for path in paths {
        let Ok(rel) = path.strip_prefix(root) else {
            continue;
        };
        let parts: Vec<String> = rel
            .components()
            .filter_map(|c| match c {
                Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
                _ => None,
            })
            .collect();
        if parts.iter().any(|p| is_ignored_name(p) || is_editor_temp(p)) {
            continue;
        }
        match parts.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
            ["site.yaml"] => changes.config = true,
            ["content", rest @ ..] if !rest.is_empty() => {
                changes.content.insert(rest.join("/"));
            }
            ["content"] => {
                changes.content.insert(String::new());
            }
            // Templates, the theme's data (map outlines) and its translation tables are compiled into the renderer.
            ["themes", name, "templates" | "data" | "i18n", ..] if *name == theme => changes.templates = true,
            ["themes", name, "static", ..] if *name == theme => changes.statics = true,
            ["themes", name] | ["themes", name, _] if *name == theme => {
                changes.templates = true;
                changes.statics = true;
            }
            _ => {}
        }
    }
    changes
}

/// Temporary files of editors not covered by `is_ignored_name` (JetBrains).
fn is_editor_temp(name: &str) -> bool {
    name.ends_with("___jb_tmp___") || name.ends_with("___jb_old___")
}

/// A file watcher on the parts of the site that matter, handing each debounced
/// burst of paths (or the watcher's errors) to `tell`. Dropping it stops watching.
pub struct Watcher {
    debouncer: Debouncer<notify::RecommendedWatcher, RecommendedCache>,
    root: PathBuf,
    /// The folders being watched recursively (watching one again walks all its files).
    watched: Vec<PathBuf>,
}

impl Watcher {
    /// Watches `content/` and `themes/` (recursively) and the root itself (for `site.yaml`).
    pub fn start(root: &Path, tell: impl Fn(Result<Vec<PathBuf>, String>) + Send + 'static) -> notify::Result<Watcher> {
        let debouncer = new_debouncer(DEBOUNCE, None, move |result: DebounceEventResult| match result {
            Ok(events) => {
                // Reading a file is not changing it: access events (sitrep's own reads
                // among them) and metadata-only changes are not worth a rebuild.
                let paths: Vec<PathBuf> = events
                    .into_iter()
                    .filter(|e| {
                        !matches!(e.event.kind, EventKind::Access(_) | EventKind::Modify(ModifyKind::Metadata(_)))
                    })
                    .flat_map(|e| e.event.paths)
                    .collect();
                if !paths.is_empty() {
                    tell(Ok(paths));
                }
            }
            Err(errors) => {
                let text: Vec<String> = errors.iter().map(ToString::to_string).collect();
                tell(Err(text.join("; ")));
            }
        })?;
        let mut watcher = Watcher { debouncer, root: root.to_path_buf(), watched: Vec::new() };
        watcher.debouncer.watch(root, RecursiveMode::NonRecursive)?;
        watcher.watch_folders(&[]);
        Ok(watcher)
    }

    /// Starts watching `content/` and `themes/` when they exist and are not
    /// watched yet: they may appear later, or be replaced (`changed` names
    /// them then). A folder already watched is left alone, since watching it
    /// again would visit every file in it after each edit.
    pub fn watch_folders(&mut self, changed: &[PathBuf]) {
        for folder in ["content", "themes"] {
            let dir = self.root.join(folder);
            if changed.contains(&dir) && self.watched.contains(&dir) {
                // The folder was replaced (moved away and back, a branch
                // switch): forget the old watches before watching it again,
                // or they keep pointing at folders that are gone.
                let _ = self.debouncer.unwatch(&dir);
                self.watched.retain(|d| *d != dir);
            }
            if !self.watched.contains(&dir)
                && dir.is_dir()
                && self.debouncer.watch(&dir, RecursiveMode::Recursive).is_ok()
            {
                self.watched.push(dir);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(paths: &[&str]) -> Changes {
        let root = Path::new("/site");
        let paths: Vec<PathBuf> = paths.iter().map(|p| root.join(p)).collect();
        classify(root, "default", paths.iter().map(PathBuf::as_path))
    }

    #[test]
    fn a_saved_briefing_is_a_content_change() {
        let c = run(&["content/briefings/2024/bamako.md"]);
        assert_eq!(c.content.into_iter().collect::<Vec<_>>(), ["briefings/2024/bamako.md"]);
        assert!(!c.config && !c.templates && !c.statics);
    }

    #[test]
    fn write_then_rename_saves_count_once_and_leftovers_not_at_all() {
        // vim: a test file, a swap file, a backup, then the file itself.
        let c = run(&[
            "content/briefings/4913",
            "content/briefings/.bamako.md.swp",
            "content/briefings/bamako.md~",
            "content/briefings/bamako.md",
            "content/briefings/bamako.md",
        ]);
        assert_eq!(c.content.into_iter().collect::<Vec<_>>(), ["briefings/bamako.md"]);
        // VS Code and JetBrains temporary files.
        let c = run(&[
            "content/briefings/.bamako.md.tmp",
            "content/briefings/bamako.md___jb_tmp___",
            "content/briefings/bamako.md___jb_old___",
        ]);
        assert!(c.is_empty());
    }

    #[test]
    fn created_deleted_and_renamed_files_and_folders() {
        let c = run(&["content/briefings/old-name.md", "content/briefings/new-name.md", "content/briefings/2025"]);
        assert_eq!(c.content.len(), 3);
    }

    #[test]
    fn templates_static_files_and_settings() {
        assert!(run(&["themes/default/templates/briefing.html"]).templates);
        assert!(run(&["themes/default/data/world.json"]).templates);
        let c = run(&["themes/default/static/style.css"]);
        assert!(c.statics && !c.templates);
        assert!(run(&["site.yaml"]).config);
        // Another theme, the output folder and build artefacts do not matter.
        assert!(
            run(&[
                "themes/other/templates/base.html",
                "output/index.html",
                "target/debug/sitrep",
                ".git/index",
                "README.md"
            ])
            .is_empty()
        );
    }
}
