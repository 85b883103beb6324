//! sitrep's change: an index made a few pages at a time.
//!
//! Pagefind 1.6 kept every page's words (a map of each word to its
//! positions, about 80 KB a page) until all pages were read, then a map of
//! each word to its pages, then the chunks: at 10,000 pages that was about
//! 750 MB. Here pages are taken in batches: each batch is read into words
//! in parallel, then each word's pages are appended to that word's packed
//! postings (varints, a few bytes a page) and the batch is dropped. The
//! chunks are unpacked one at a time when the index is written. The files
//! written are the same, byte for byte, as Pagefind's own.

use hashbrown::HashMap;
use rayon::prelude::*;
use std::collections::BTreeMap;

use super::{
    index_words::{PackedPage, PackedVariant, PackedWord, WordIndex},
    page_result, IntermediaryPageData, PageProcessingResult,
};
use crate::{fossick::FossickedData, utils::full_hash};

/// A word's pages, packed: for each page, the distance from the previous
/// page's number, then its locations and its meta locations, each as a
/// count and zigzag varints.
#[derive(Default)]
struct Postings {
    bytes: Vec<u8>,
    last_page: usize,
}

impl Postings {
    fn push(&mut self, page: PackedPage) {
        debug_assert!(page.page_number >= self.last_page, "pages come in order");
        put(&mut self.bytes, (page.page_number - self.last_page) as u64);
        self.last_page = page.page_number;
        for locs in [&page.locs, &page.meta_locs] {
            put(&mut self.bytes, locs.len() as u64);
            for &loc in locs {
                put(&mut self.bytes, zigzag(loc));
            }
        }
    }

    /// The pages, numbered by distance from the previous one (as the index
    /// file has them), with meta field ids mapped through `fields`.
    fn unpack(&self, fields: &[u16]) -> Vec<PackedPage> {
        let mut pages = Vec::new();
        let mut at = 0;
        while at < self.bytes.len() {
            let page_number = take(&self.bytes, &mut at) as usize;
            let mut lists = [Vec::new(), Vec::new()];
            for list in &mut lists {
                let count = take(&self.bytes, &mut at) as usize;
                list.reserve_exact(count);
                for _ in 0..count {
                    list.push(unzigzag(take(&self.bytes, &mut at)));
                }
            }
            let [locs, meta_locs] = lists;
            pages.push(PackedPage {
                page_number,
                locs,
                meta_locs: renumber_fields(meta_locs, fields),
            });
        }
        pages
    }
}

/// One word of the index: its pages, and those of its forms with diacritics.
#[derive(Default)]
struct Word {
    pages: Postings,
    variants: Vec<(String, Postings)>,
    /// Pagefind's measure of its share of a chunk.
    size: usize,
}

/// An index being made, one language's.
pub struct IndexBuilder {
    language: String,
    /// Gzip each page's fragment as it is read (it is then not kept as text).
    gzip_fragments: bool,
    /// Meta field names in the order first met; sorted when finished.
    meta_fields: Vec<String>,
    words: HashMap<String, Word>,
    filters: HashMap<String, HashMap<String, Vec<usize>>>,
    sorts: BTreeMap<String, Vec<(String, usize)>>,
    fragment_hashes: HashMap<String, IntermediaryPageData>,
    fragments: Vec<(usize, (String, IntermediaryPageData))>,
    pages: usize,
}

impl IndexBuilder {
    /// An empty index of `language`; with `gzip_fragments`, each page's
    /// fragment is gzipped as it is read (no use when fragments are grouped).
    pub fn new(language: String, gzip_fragments: bool) -> Self {
        Self {
            language,
            gzip_fragments,
            meta_fields: Vec::new(),
            words: HashMap::new(),
            filters: HashMap::new(),
            sorts: BTreeMap::new(),
            fragment_hashes: HashMap::new(),
            fragments: Vec::new(),
            pages: 0,
        }
    }

    /// Adds `pages`, numbered after those already added, in order.
    pub fn add(&mut self, mut pages: Vec<FossickedData>) {
        for page in pages.iter_mut() {
            page.fragment.page_number = self.pages;
            self.pages += 1;
            for (key, value) in &page.sort {
                self.sorts
                    .entry(key.clone())
                    .or_default()
                    .push((value.clone(), page.fragment.page_number));
            }
        }
        let field_ids: Vec<Vec<u16>> = pages
            .iter()
            .map(|page| {
                page.fragment
                    .data
                    .meta
                    .keys()
                    .map(|name| self.field_id(name))
                    .collect()
            })
            .collect();
        let (language, gzip) = (&self.language, self.gzip_fragments);
        let results: Vec<PageProcessingResult> = pages
            .into_par_iter()
            .zip(field_ids.par_iter())
            .map(|(page, ids)| page_result(page, ids, language, gzip))
            .collect();
        for result in results {
            self.merge(result);
        }
    }

    /// The id of a meta field, given in the order first met.
    fn field_id(&mut self, name: &str) -> u16 {
        match self.meta_fields.iter().position(|f| f == name) {
            Some(id) => id as u16,
            None => {
                self.meta_fields.push(name.to_string());
                (self.meta_fields.len() - 1) as u16
            }
        }
    }

    /// One page's words, filters and fragment, folded in.
    fn merge(&mut self, result: PageProcessingResult) {
        for (word, packed) in result.word_map {
            let entry = self.words.entry(word).or_default();
            for page in packed.pages {
                entry.size += page.locs.len() + page.meta_locs.len() + 1;
                entry.pages.push(page);
            }
            for variant in packed.additional_variants {
                let at = match entry
                    .variants
                    .iter()
                    .position(|(form, _)| *form == variant.form)
                {
                    Some(at) => at,
                    None => {
                        entry.variants.push((variant.form, Postings::default()));
                        entry.size += 1;
                        entry.variants.len() - 1
                    }
                };
                for page in variant.pages {
                    entry.size += page.locs.len() + page.meta_locs.len() + 1;
                    entry.variants[at].1.push(page);
                }
            }
        }
        for (filter, value, page_number) in result.filter_entries {
            self.filters
                .entry(filter)
                .or_default()
                .entry(value)
                .or_default()
                .push(page_number);
        }
        // As Pagefind: a short hash, made longer until it collides with no other page's.
        let encoded_page = result.encoded_page;
        let language = &self.language;
        let mut short_hash = &encoded_page.full_hash[0..=(language.len() + 7)];
        while let Some(collision) = self.fragment_hashes.get(short_hash) {
            if collision.full_hash == encoded_page.full_hash {
                self.fragments.push((
                    collision.word_count,
                    (collision.full_hash.clone(), collision.clone()),
                ));
            } else {
                let new_length = short_hash.len();
                short_hash = &encoded_page.full_hash[0..=new_length];
            }
        }
        self.fragment_hashes
            .insert(short_hash.to_string(), encoded_page);
    }

    /// The language of the index.
    pub fn language(&self) -> &str {
        &self.language
    }

    /// The parts of the index besides its words, as Pagefind's own build
    /// leaves them: sort orders, meta fields (sorted), filters, fragments.
    pub(super) fn into_parts(self) -> FinishedParts {
        let mut sorted_fields = self.meta_fields.clone();
        sorted_fields.sort();
        // A field's id as first met -> its place among the sorted fields.
        let field_map: Vec<u16> = self
            .meta_fields
            .iter()
            .map(|f| sorted_fields.iter().position(|s| s == f).unwrap_or(0) as u16)
            .collect();
        let mut fragments = self.fragments;
        fragments.extend(
            self.fragment_hashes
                .into_iter()
                .map(|(hash, frag)| (frag.word_count, (hash, frag))),
        );
        fragments.sort_by_cached_key(|(_, (_, fragment))| fragment.page_number);
        let mut words: Vec<(String, Word)> = self.words.into_iter().collect();
        words.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        FinishedParts {
            sorts: self.sorts,
            meta_fields: sorted_fields,
            field_map,
            filters: self.filters,
            fragments,
            words: PackedWords { words },
        }
    }
}

/// What [`IndexBuilder::into_parts`] gives to the writing of the index.
pub(super) struct FinishedParts {
    pub sorts: BTreeMap<String, Vec<(String, usize)>>,
    pub meta_fields: Vec<String>,
    /// Meta field ids as first met -> as sorted.
    pub field_map: Vec<u16>,
    pub filters: HashMap<String, HashMap<String, Vec<usize>>>,
    pub fragments: Vec<(usize, (String, IntermediaryPageData))>,
    pub words: PackedWords,
}

/// Every word, sorted, with its packed pages.
pub(super) struct PackedWords {
    words: Vec<(String, Word)>,
}

impl PackedWords {
    /// How many words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// The chunks as Pagefind cuts them (a chunk ends once its words' size
    /// reaches `chunk_size`): each one's range of words.
    pub fn chunks(&self, chunk_size: usize) -> Vec<std::ops::Range<usize>> {
        let mut chunks = Vec::new();
        let mut start = 0;
        let mut size = 0;
        for (i, (_, word)) in self.words.iter().enumerate() {
            size += word.size;
            if size >= chunk_size {
                chunks.push(start..i + 1);
                start = i + 1;
                size = 0;
            }
        }
        if start < self.words.len() {
            chunks.push(start..self.words.len());
        }
        chunks
    }

    /// The first and last word of a chunk.
    pub fn ends(&self, chunk: &std::ops::Range<usize>) -> (&str, &str) {
        (&self.words[chunk.start].0, &self.words[chunk.end - 1].0)
    }

    /// A chunk's index file, CBOR-encoded, and its hash.
    pub fn encode(
        &self,
        chunk: std::ops::Range<usize>,
        fields: &[u16],
        language: &str,
    ) -> (Vec<u8>, String) {
        let words = self.words[chunk]
            .iter()
            .map(|(word, packed)| PackedWord {
                word: word.clone(),
                pages: packed.pages.unpack(fields),
                additional_variants: packed
                    .variants
                    .iter()
                    .map(|(form, pages)| PackedVariant {
                        form: form.clone(),
                        pages: pages.unpack(fields),
                    })
                    .collect(),
            })
            .collect();
        let mut word_index: Vec<u8> = Vec::new();
        let _ =
            minicbor::encode::<WordIndex, &mut Vec<u8>>(WordIndex { words }, word_index.as_mut());
        let hash = format!("{}_{}", language, full_hash(&word_index));
        (word_index, hash)
    }
}

/// Meta locations with each field's marker renumbered, the fields' runs put
/// back in the order of their new numbers (as Pagefind sorts them).
fn renumber_fields(meta_locs: Vec<i32>, fields: &[u16]) -> Vec<i32> {
    if meta_locs.is_empty() {
        return meta_locs;
    }
    let mut runs: Vec<(i32, &[i32])> = Vec::new();
    let mut start = 0;
    for i in 1..=meta_locs.len() {
        if i == meta_locs.len() || meta_locs[i] < 0 {
            let marker = meta_locs[start];
            let old = (-marker - 1) as usize;
            let new = fields.get(old).copied().unwrap_or(old as u16) as i32;
            runs.push((new, &meta_locs[start + 1..i]));
            start = i;
        }
    }
    runs.sort_by_key(|(field, _)| *field);
    let mut out = Vec::with_capacity(meta_locs.len());
    for (field, locs) in runs {
        out.push(-field - 1);
        out.extend_from_slice(locs);
    }
    out
}

fn zigzag(n: i32) -> u64 {
    ((n << 1) ^ (n >> 31)) as u32 as u64
}

fn unzigzag(n: u64) -> i32 {
    let n = n as u32;
    ((n >> 1) as i32) ^ -((n & 1) as i32)
}

fn put(bytes: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        bytes.push((n as u8) | 0x80);
        n >>= 7;
    }
    bytes.push(n as u8);
}

fn take(bytes: &[u8], at: &mut usize) -> u64 {
    let mut n = 0u64;
    let mut shift = 0;
    loop {
        let byte = bytes[*at];
        *at += 1;
        n |= ((byte & 0x7f) as u64) << shift;
        if byte < 0x80 {
            return n;
        }
        shift += 7;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postings_unpack_as_packed_with_page_distances() {
        let mut postings = Postings::default();
        postings.push(PackedPage {
            page_number: 3,
            locs: vec![5, -26, 700, 2],
            meta_locs: vec![],
        });
        postings.push(PackedPage {
            page_number: 10,
            locs: vec![],
            meta_locs: vec![-2, 0, 4, -1, 1],
        });
        let pages = postings.unpack(&[0, 1]);
        assert_eq!(pages[0].page_number, 3);
        assert_eq!(pages[0].locs, vec![5, -26, 700, 2]);
        assert_eq!(pages[1].page_number, 7);
        assert_eq!(pages[1].meta_locs, vec![-1, 1, -2, 0, 4]);
    }
}
