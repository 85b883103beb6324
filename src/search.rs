//! Full-text search: what a reader can find, indexed with Pagefind.
//!
//! The index is made from records sitrep already has (each page's title,
//! summary and body text, with its group, country, year and kind of event
//! as filters), not by reading back the HTML it wrote. Pagefind keeps one
//! index per language, stemmed in that language, and its script picks the
//! one of the page's `<html lang>`. The bundle (index, script, its own small
//! interface) goes to `pagefind/` at the site's root, shared by every
//! language; nothing it needs comes from another site.

use std::collections::BTreeMap;

use pagefind::api::{CustomRecord, PagefindIndex};
use pagefind::options::PagefindServiceConfig;

/// How many records are handed to Pagefind at once: few enough that the
/// preview's background indexer soon reaches a point where it can wait for a
/// rebuild (the bundle is the same whatever the number; at 64 a build takes
/// no more CPU than at 256, and less memory).
const RECORDS_AT_ONCE: usize = 64;

/// The folder of the output the bundle goes to.
pub const BUNDLE_DIR: &str = "pagefind/";

/// One page a reader can find, in one language. Its body is shared with the
/// page's rendering, not copied, and stands in its fingerprint for its words
/// (a live preview takes every record's fingerprint on every edit).
#[derive(Debug, Clone)]
pub struct SearchRecord {
    /// Its address under the site's root, without the base path: `fr/briefings/x/`.
    pub url: String,
    /// The language it is written in (`en`, `fr`): the index it goes to.
    pub language: String,
    /// Its title, shown as the result.
    pub title: String,
    /// The words a reader may search for besides the body: title, summary, places.
    pub text: String,
    /// The rendered body, whose plain text is searched too.
    pub body: Option<std::sync::Arc<crate::markdown::Rendered>>,
    /// Filters, by name as readers see it: `Group` -> [`JNIM`].
    pub filters: BTreeMap<String, Vec<String>>,
}

/// A record's words, filters and body fingerprint.
type RecordKey<'a> = ([&'a str; 4], &'a BTreeMap<String, Vec<String>>, Option<u64>);

impl SearchRecord {
    /// The words and the body's fingerprint: what the index is made of besides the body's text.
    fn key(&self) -> RecordKey<'_> {
        let body = self.body.as_ref().map(|b| b.fingerprint);
        ([&self.url, &self.language, &self.title, &self.text], &self.filters, body)
    }

    /// Everything searched: the words, then the body's text.
    fn searched(&self) -> String {
        join(&[&self.text, self.body.as_ref().map_or("", |b| b.text.as_str())])
    }
}

impl PartialEq for SearchRecord {
    fn eq(&self, other: &Self) -> bool {
        self.key() == other.key()
    }
}

impl Eq for SearchRecord {}

impl std::hash::Hash for SearchRecord {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        self.key().hash(h);
    }
}

/// Parts of a record's text, each ending a sentence.
pub fn join(parts: &[&str]) -> String {
    let mut text = String::new();
    for part in parts.iter().map(|p| p.trim()).filter(|p| !p.is_empty()) {
        if !text.is_empty() {
            text.push_str(if text.ends_with(['.', '!', '?', ':', ';']) { " " } else { ". " });
        }
        text.push_str(part);
    }
    text
}

/// Files of a bundle: each one's path in the output and its bytes.
pub type BundleFiles = Vec<(String, Vec<u8>)>;

/// Why the index could not be made.
#[derive(Debug)]
pub struct SearchError(pub String);

/// The Pagefind bundle for `records`: each file's path in the output
/// (`pagefind/...`) and its bytes. Each language's index is made on its own
/// thread (each reads its records in parallel on rayon's pool), then the languages'
/// bundles are put together: their files are named by language, but for the
/// script and interface (the same in each) and the entry file, which lists
/// every language.
pub fn bundle(records: &[SearchRecord]) -> Result<BundleFiles, SearchError> {
    let languages = languages(records);
    if languages.len() < 2 {
        return merge(vec![bundle_of(records.iter())?]);
    }
    let bundles: Vec<Result<BundleFiles, SearchError>> = std::thread::scope(|scope| {
        let handles: Vec<_> = languages
            .iter()
            .map(|&language| scope.spawn(move || bundle_of(records.iter().filter(|r| r.language == language))))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|_| Err(SearchError("the indexer stopped".into()))))
            .collect()
    });
    merge(bundles.into_iter().collect::<Result<_, _>>()?)
}

/// [`bundle`], made in the background: one language after another, on one
/// thread of the lowest priority, so that the work a writer waits for (the
/// preview's rebuilds) always comes first and two languages' indexers never
/// sit in memory at once. `yield_to_writer` is called between batches of
/// records: it returns once no rebuild is waiting to run.
pub fn bundle_in_background(
    records: &[SearchRecord],
    yield_to_writer: &(dyn Fn() + Sync),
) -> Result<BundleFiles, SearchError> {
    static POOL: std::sync::OnceLock<Option<rayon::ThreadPool>> = std::sync::OnceLock::new();
    let pool = POOL.get_or_init(|| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .thread_name(|_| "search-index".into())
            .start_handler(|_| lowest_priority())
            .build()
            .ok()
    });
    let pool = pool.as_ref().ok_or_else(|| SearchError("cannot start the indexer".into()))?;
    pool.install(|| {
        let languages = languages(records);
        if languages.len() < 2 {
            return merge(vec![bundle_yielding(records.iter(), yield_to_writer)?]);
        }
        let bundles =
            languages.into_iter().map(|l| bundle_yielding(records.iter().filter(|r| r.language == l), yield_to_writer));
        merge(bundles.collect::<Result<_, _>>()?)
    })
}

/// The languages of `records`, each once.
fn languages(records: &[SearchRecord]) -> Vec<&str> {
    let mut languages: Vec<&str> = records.iter().map(|r| r.language.as_str()).collect();
    languages.sort_unstable();
    languages.dedup();
    languages
}

/// Gives the calling thread the lowest scheduling priority (nice 19).
fn lowest_priority() {
    // On Linux a thread has a priority of its own (setpriority on its id).
    #[cfg(target_os = "linux")]
    let _ = rustix::process::setpriority_process(Some(rustix::thread::gettid()), 19);
}

/// One bundle from the bundles of single languages (from one, the same
/// files written the same way: a build and a preview serve the same bytes).
pub fn merge(bundles: Vec<BundleFiles>) -> Result<BundleFiles, SearchError> {
    let entry_name = format!("{BUNDLE_DIR}pagefind-entry.json");
    let mut entry: Option<serde_json::Value> = None;
    let mut files: std::collections::BTreeMap<String, Vec<u8>> = Default::default();
    for bundle in bundles {
        for (name, bytes) in bundle {
            if name != entry_name {
                files.insert(name, bytes);
                continue;
            }
            let this: serde_json::Value = serde_json::from_slice(&bytes).map_err(failed)?;
            match entry.as_mut().and_then(|e| e["languages"].as_object_mut()) {
                Some(all) => {
                    all.extend(this["languages"].as_object().into_iter().flatten().map(|(k, v)| (k.clone(), v.clone())))
                }
                None => entry = Some(this),
            }
        }
    }
    let entry = entry.ok_or_else(|| SearchError("no entry file".into()))?;
    files.insert(entry_name, serde_json::to_vec(&entry).map_err(failed)?);
    Ok(files.into_iter().collect())
}

/// The bundle of `records` made by one indexer (one language's, for [`merge`]).
pub fn bundle_of<'a>(records: impl Iterator<Item = &'a SearchRecord>) -> Result<BundleFiles, SearchError> {
    bundle_yielding(records, &|| ())
}

/// [`bundle_of`], calling `between_batches` before each batch of records.
fn bundle_yielding<'a>(
    records: impl Iterator<Item = &'a SearchRecord>,
    between_batches: &dyn Fn(),
) -> Result<BundleFiles, SearchError> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|e| SearchError(format!("cannot start the indexer: {e}")))?;
    runtime.block_on(index(records, between_batches))
}

async fn index<'a>(
    records: impl Iterator<Item = &'a SearchRecord>,
    between_batches: &dyn Fn(),
) -> Result<BundleFiles, SearchError> {
    let config = PagefindServiceConfig::builder().keep_index_url(true).build();
    let mut index = PagefindIndex::new(Some(config)).map_err(failed)?;
    // A batch at a time: Pagefind folds each batch into its index and drops
    // it, so neither the records' text nor their words are ever held whole.
    let mut records = records.peekable();
    while records.peek().is_some() {
        between_batches();
        let batch = records.by_ref().take(RECORDS_AT_ONCE).map(|r| CustomRecord {
            url: r.url.clone(),
            content: r.searched(),
            language: r.language.clone(),
            // Pagefind shows every other entry of `meta` as `name: value`, in no reader's words.
            // Its interface sets the title as text; its filter names and values as HTML.
            meta: BTreeMap::from([("title".to_string(), r.title.clone())]),
            filters: html_filters(&r.filters),
            sort: BTreeMap::new(),
        });
        index.add_custom_records(batch.collect()).await.map_err(failed)?;
    }
    let files = index.get_files().await.map_err(failed)?;
    Ok(files
        .into_iter()
        .map(|f| {
            let name = f.filename.to_string_lossy().replace('\\', "/");
            (format!("{BUNDLE_DIR}{}", name.trim_start_matches('/')), f.contents)
        })
        .collect())
}

/// Filters as Pagefind's interface needs them: it shows their names and
/// values as HTML, so each is escaped here, at the boundary (a group named
/// `<img onerror=...>` is a label, never markup).
fn html_filters(filters: &BTreeMap<String, Vec<String>>) -> BTreeMap<String, Vec<String>> {
    let text = |s: &String| crate::escape::html(s).into_owned();
    filters.iter().map(|(name, values)| (text(name), values.iter().map(text).collect())).collect()
}

/// A failure of the indexer, as a `SearchError`.
fn failed(e: impl std::fmt::Display) -> SearchError {
    SearchError(e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(url: &str, language: &str, text: &str) -> SearchRecord {
        SearchRecord {
            url: url.into(),
            language: language.into(),
            title: format!("Title of {url}"),
            text: text.into(),
            body: None,
            filters: BTreeMap::from([("Group".to_string(), vec!["JNIM".to_string()])]),
        }
    }

    #[test]
    fn the_bundle_has_the_script_and_one_index_per_language() {
        let files = bundle(&[
            record("briefings/a/", "en", "Gunmen attacked the market at dawn."),
            record("fr/briefings/a/", "fr", "Des hommes armés ont attaqué le marché à l'aube."),
        ])
        .expect("indexed");
        let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
        assert!(names.contains(&"pagefind/pagefind.js"), "{names:?}");
        assert!(names.contains(&"pagefind/pagefind-ui.js"), "{names:?}");
        let entry = files.iter().find(|(n, _)| n == "pagefind/pagefind-entry.json").expect("entry");
        let entry: serde_json::Value = serde_json::from_slice(&entry.1).expect("json");
        let languages = entry["languages"].as_object().expect("languages");
        assert!(languages.contains_key("en") && languages.contains_key("fr"), "{entry}");
        assert!(names.iter().all(|n| n.starts_with(BUNDLE_DIR)), "{names:?}");
    }

    #[test]
    fn the_background_indexer_gives_way_before_every_batch_and_makes_the_same_bundle() {
        let records: Vec<SearchRecord> = (0..RECORDS_AT_ONCE + 1)
            .map(|i| record(&format!("briefings/{i}/"), "en", &format!("Attack number {i} near Gao.")))
            .chain([record("fr/briefings/0/", "fr", "Attaque près de Gao.")])
            .collect();
        let calls = std::sync::atomic::AtomicUsize::new(0);
        let made = bundle_in_background(&records, &|| {
            calls.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        })
        .expect("indexed");
        // Two batches of English records, one of French.
        assert_eq!(calls.into_inner(), 3);
        assert!(made == bundle(&records).expect("indexed"), "a preview serves what a build writes");
    }
}
