use hashbrown::HashMap;
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

use crate::{
    fossick::{FossickedData, FossickedWord, MetaFossickedWord},
    index::index_metadata::MetaFilter,
    utils::full_hash,
    SearchOptions,
};
use anyhow::{bail, Result};
use index_filter::{FilterIndex, PackedValue};
use index_metadata::{MetaChunk, MetaIndex, MetaPage};
use index_words::{PackedPage, PackedVariant, PackedWord};

use self::index_metadata::MetaSort;
pub use builder::IndexBuilder;

mod builder;
mod index_filter;
mod index_metadata;
mod index_words;

pub struct PagefindIndexes {
    pub word_indexes: HashMap<String, Vec<u8>>,
    pub filter_indexes: HashMap<String, Vec<u8>>,
    pub meta_index: (String, Vec<u8>),
    pub fragments: Vec<(String, String)>,
    /// sitrep's change: fragments gzipped as they were read (as written:
    /// marker and all), by hash.
    pub gzipped_fragments: Vec<(String, Vec<u8>)>,
    pub sorts: Vec<String>,
    pub language: String,
    pub word_count: usize,
    pub page_count: usize,
}

#[derive(Clone)]
struct IntermediaryPageData {
    full_hash: String,
    encoded_data: String,
    /// sitrep's change: `encoded_data` gzipped as written (and then emptied).
    gzipped: Option<Vec<u8>>,
    word_count: usize,
    page_number: usize,
}

#[derive(Debug)]
enum SortType {
    String,
    Number,
}

/// Results from processing a single page in parallel.
/// Contains the word map, filter entries, and encoded page data for one page.
struct PageProcessingResult {
    word_map: HashMap<String, PackedWord>,
    filter_entries: Vec<(String, String, usize)>, // (filter, value, page_number)
    encoded_page: IntermediaryPageData,
}

/// The index of `pages`, all in `language` (sitrep's change: made through
/// [`IndexBuilder`], a batch of pages at a time).
pub async fn build_indexes(
    pages: Vec<FossickedData>,
    language: String,
    options: &SearchOptions,
) -> Result<PagefindIndexes> {
    let mut builder = IndexBuilder::new(language, false);
    let mut pages = pages.into_iter();
    loop {
        let batch: Vec<FossickedData> = pages.by_ref().take(PAGES_AT_ONCE).collect();
        if batch.is_empty() {
            break;
        }
        builder.add(batch);
    }
    write_index(builder, options)
}

/// How many pages are read into words at once.
pub const PAGES_AT_ONCE: usize = 256;

/// The files of an index, from everything added to `builder`.
pub fn write_index(builder: IndexBuilder, options: &SearchOptions) -> Result<PagefindIndexes> {
    let language = builder.language().to_string();
    let builder::FinishedParts {
        sorts: sort_values,
        meta_fields,
        field_map,
        filters: filter_map,
        fragments,
        words: word_map,
    } = builder.into_parts();
    let mut meta = MetaIndex {
        version: options.version.into(),
        pages: Vec::new(),
        index_chunks: Vec::new(),
        filters: Vec::new(),
        sorts: Vec::new(),
        meta_fields,
    };

    // Sort orders, each of the type that fits all its values (as Pagefind).
    let mut sorts: Vec<String> = Vec::new();
    for (sort_key, mut page_values) in sort_values {
        sorts.push(sort_key.clone());
        let numeric = page_values
            .iter()
            .all(|(v, _)| parse_int_sort(v).is_some() || parse_float_sort(v).is_some());
        let sort_type = if numeric {
            SortType::Number
        } else {
            SortType::String
        };
        options.logger.v_info(format!(
            "Prebuilding sort order for {sort_key}, processed as type: {sort_type:#?}"
        ));
        match sort_type {
            SortType::String => page_values.sort_by(|p1, p2| p1.0.cmp(&p2.0)),
            SortType::Number => page_values.sort_by(|p1, p2| {
                let p1 = parse_int_sort(&p1.0)
                    .map(|i| i as f32)
                    .unwrap_or_else(|| parse_float_sort(&p1.0).unwrap_or_default());
                let p2 = parse_int_sort(&p2.0)
                    .map(|i| i as f32)
                    .unwrap_or_else(|| parse_float_sort(&p2.0).unwrap_or_default());

                p1.total_cmp(&p2)
            }),
        }
        meta.sorts.push(MetaSort {
            sort: sort_key,
            pages: page_values.into_iter().map(|p| p.1).collect(),
        });
    }

    let page_count = fragments.len();
    let mut final_fragments = Vec::new();
    let mut gzipped_fragments = Vec::new();

    if let Some(max_fragments) = options
        .max_fragments
        .filter(|&m| m > 0 && (m as usize) < fragments.len())
    {
        let group_size = (fragments.len() as f32 / max_fragments as f32).ceil() as usize;
        options.logger.info(format!(
            "Bundling {} fragments into groups of {}, resulting in {} files",
            fragments.len(),
            group_size,
            fragments.chunks(group_size).len()
        ));
        let mut group_hashes: BTreeSet<String> = BTreeSet::new();
        for chunk in fragments.chunks(group_size) {
            let mut group_map = BTreeMap::new();
            for (_, (hash, frag)) in chunk {
                let val: serde_json::Value = serde_json::from_str(&frag.encoded_data).unwrap();
                group_map.insert(hash.clone(), val);
            }
            let group_json = serde_json::to_string(&group_map).unwrap();
            let prefix = format!("{language}_group_");
            let group_hash = format!("{prefix}{}", full_hash(group_json.as_bytes()));

            // If we hit a collision, extend one hash until we stop colliding
            let mut hash_length = 7;
            let mut short_group_hash = &group_hash[..prefix.len() + hash_length];
            while group_hashes.contains(short_group_hash) && hash_length < 40 {
                hash_length += 1;
                short_group_hash = &group_hash[..prefix.len() + hash_length];
            }
            group_hashes.insert(short_group_hash.to_string());

            final_fragments.push((short_group_hash.to_string(), group_json));

            for (word_count, (hash, _)) in chunk {
                meta.pages.push(MetaPage {
                    hash: hash.clone(),
                    word_count: *word_count as u32,
                    group_hash: short_group_hash.to_string(),
                });
            }
        }
    } else {
        for (word_count, (hash, frag)) in fragments {
            match frag.gzipped {
                Some(bytes) => gzipped_fragments.push((hash.clone(), bytes)),
                None => final_fragments.push((hash.clone(), frag.encoded_data)),
            }
            meta.pages.push(MetaPage {
                hash: hash.clone(),
                word_count: word_count as u32,
                group_hash: "".into(),
            });
        }
    }

    // Encode filter indexes in parallel
    // Accumulate into HashMap for O(1) inserts, then sort once before encoding
    // to produce a stable hash without paying BTreeMap's per-insert overhead.
    let mut filter_map_vec: Vec<_> = filter_map.into_iter().collect();
    filter_map_vec.sort_unstable_by(|(a, _), (b, _)| a.cmp(b));
    let encoded_filters: Vec<(String, Vec<u8>, String)> = filter_map_vec
        .into_par_iter()
        .map(|(filter, values)| {
            let mut sorted_values: Vec<_> = values.into_iter().collect();
            sorted_values.sort_unstable_by(|(a, _), (b, _)| a.cmp(b));
            let mut filter_index: Vec<u8> = Vec::new();
            let _ = minicbor::encode::<FilterIndex, &mut Vec<u8>>(
                FilterIndex {
                    filter: filter.clone(),
                    values: sorted_values
                        .into_iter()
                        .map(|(value, pages)| PackedValue { value, pages })
                        .collect(),
                },
                filter_index.as_mut(),
            );
            let hash = format!("{}_{}", language, full_hash(&filter_index));
            (filter, filter_index, hash)
        })
        .collect();

    // Handle hash collisions sequentially (required for correctness)
    let mut filter_indexes = HashMap::new();
    for (filter, filter_index, hash) in encoded_filters {
        let mut short_hash = &hash[0..=(language.len() + 7)];

        // If we hit a collision, extend one hash until we stop colliding
        // TODO: DRY
        while filter_indexes.contains_key(short_hash) {
            let new_length = short_hash.len() + 1;
            short_hash = &hash[0..=new_length];

            if short_hash.len() == hash.len() {
                break;
            }
        }
        filter_indexes.insert(short_hash.to_string(), filter_index);
        meta.filters.push(MetaFilter {
            filter,
            hash: short_hash.to_string(),
        })
    }

    if TryInto::<u32>::try_into(meta.pages.len()).is_err() {
        options.logger.error(format!(
            "Language {} has too many documents to index, must be < {}",
            language,
            u32::MAX
        ));
        bail!(
            "Language {language} has too many documents to index, must be < {}",
            u32::MAX
        );
    }

    let word_count = word_map.len();
    let chunks = word_map.chunks(options.index_chunk_size);
    meta.index_chunks = chunk_meta(chunks.iter().map(|c| word_map.ends(c)));

    // Each chunk unpacked, delta-encoded and CBOR-encoded in parallel.
    let encoded_chunks: Vec<(usize, Vec<u8>, String)> = chunks
        .into_par_iter()
        .enumerate()
        .map(|(i, chunk)| {
            let (word_index, hash) = word_map.encode(chunk, &field_map, &language);
            (i, word_index, hash)
        })
        .collect();

    // Handle hash collisions sequentially (required for correctness)
    let mut word_indexes: HashMap<String, Vec<u8>> = HashMap::new();
    for (i, word_index, hash) in encoded_chunks {
        let mut short_hash = &hash[0..=(language.len() + 7)];

        // If we hit a collision, extend one hash until we stop colliding
        while word_indexes.contains_key(short_hash) {
            let new_length = short_hash.len() + 1;
            short_hash = &hash[0..=new_length];

            if short_hash.len() == hash.len() {
                break;
            }
        }
        word_indexes.insert(short_hash.to_string(), word_index);
        meta.index_chunks[i].hash = short_hash.into();
    }

    let mut meta_index: Vec<u8> = Vec::new();
    let _ = minicbor::encode::<MetaIndex, &mut Vec<u8>>(meta, meta_index.as_mut());

    let meta_hash = format!(
        "{}_{}",
        language,
        &full_hash(&meta_index)[0..=(language.len() + 7)]
    );

    Ok(PagefindIndexes {
        word_indexes,
        filter_indexes,
        sorts,
        meta_index: (meta_hash, meta_index),
        fragments: final_fragments,
        gzipped_fragments,
        language,
        word_count,
        page_count,
    })
}

/// One page's words, filters and fragment data, as Pagefind's own build
/// makes them (sitrep's change: a function of its own, used by
/// [`IndexBuilder`]). `field_id_map`: the index's id of each of the page's
/// meta fields, in the page's order.
/// With `gzip`, the fragment is gzipped here, as it will be written.
fn page_result(page: FossickedData, field_id_map: &[u16], language: &str, gzip: bool) -> PageProcessingResult {
    // sitrep's change: the map is sized for the page's words up front.
    let mut local_word_map: HashMap<String, PackedWord> =
        HashMap::with_capacity(page.word_data.len() + page.meta_word_data.len());

    for (word, positions) in page.word_data {
        // Group positions by original_word for this page
        let mut normalized_positions: Vec<FossickedWord> = Vec::new();
        let mut variant_positions: BTreeMap<String, Vec<FossickedWord>> = BTreeMap::new();

        // sitrep's change: a word with no diacritic variant (most words)
        // keeps its list of positions as it is.
        if positions.iter().all(|fossicked| fossicked.original_word.is_none()) {
            normalized_positions = positions;
        } else {
            for fossicked in positions {
                if fossicked.original_word.is_none() {
                    // No diacritics - original matches normalized form
                    normalized_positions.push(fossicked);
                } else {
                    // Original form differs (has diacritics) - stored instead in additional_variants
                    variant_positions
                        .entry(fossicked.original_word.clone().unwrap())
                        .or_default()
                        .push(fossicked);
                }
            }
        }

        // sitrep's change: the word is the map's key, moved in; the index
        // builder reads it from there (no copies).
        let packed_word = local_word_map.entry(word).or_insert_with(|| PackedWord {
            word: String::new(),
            pages: Vec::new(),
            additional_variants: Vec::new(),
        });

        if !normalized_positions.is_empty() {
            packed_word.pages.push(positions_to_packed_page(
                normalized_positions,
                page.fragment.page_number,
            ));
        }

        for (variant_form, variant_pos) in variant_positions {
            let variant_page = positions_to_packed_page(variant_pos, page.fragment.page_number);

            if let Some(existing_variant) = packed_word
                .additional_variants
                .iter_mut()
                .find(|v| v.form == variant_form)
            {
                existing_variant.pages.push(variant_page);
            } else {
                packed_word.additional_variants.push(PackedVariant {
                    form: variant_form,
                    pages: vec![variant_page],
                });
            }
        }
    }

    for (word, meta_positions) in page.meta_word_data {
        let mut normalized_meta_positions: Vec<MetaFossickedWord> = Vec::new();
        let mut variant_meta_positions: BTreeMap<String, Vec<MetaFossickedWord>> = BTreeMap::new();

        for mut meta_fossicked in meta_positions {
            meta_fossicked.field_id = field_id_map[meta_fossicked.field_id as usize];
            if let Some(original) = meta_fossicked.original_word.clone() {
                variant_meta_positions
                    .entry(original)
                    .or_default()
                    .push(meta_fossicked);
            } else {
                normalized_meta_positions.push(meta_fossicked);
            }
        }

        // sitrep's change: the word is the map's key, moved in; the index
        // builder reads it from there (no copies).
        let packed_word = local_word_map.entry(word).or_insert_with(|| PackedWord {
            word: String::new(),
            pages: Vec::new(),
            additional_variants: Vec::new(),
        });

        if !normalized_meta_positions.is_empty() {
            let meta_locs = meta_positions_to_packed(normalized_meta_positions);

            if let Some(existing_page) = packed_word
                .pages
                .iter_mut()
                .find(|p| p.page_number == page.fragment.page_number)
            {
                existing_page.meta_locs = meta_locs;
            } else {
                packed_word.pages.push(PackedPage {
                    page_number: page.fragment.page_number,
                    locs: vec![],
                    meta_locs,
                });
            }
        }

        // Handle diacritic variants in meta
        for (variant_form, variant_pos) in variant_meta_positions {
            let meta_locs = meta_positions_to_packed(variant_pos);

            if let Some(existing_variant) = packed_word
                .additional_variants
                .iter_mut()
                .find(|v| v.form == variant_form)
            {
                if let Some(existing_page) = existing_variant
                    .pages
                    .iter_mut()
                    .find(|p| p.page_number == page.fragment.page_number)
                {
                    existing_page.meta_locs = meta_locs;
                } else {
                    existing_variant.pages.push(PackedPage {
                        page_number: page.fragment.page_number,
                        locs: vec![],
                        meta_locs,
                    });
                }
            } else {
                packed_word.additional_variants.push(PackedVariant {
                    form: variant_form,
                    pages: vec![PackedPage {
                        page_number: page.fragment.page_number,
                        locs: vec![],
                        meta_locs,
                    }],
                });
            }
        }
    }

    // Collect filter entries for this page
    let filter_entries: Vec<(String, String, usize)> = page
        .fragment
        .data
        .filters
        .iter()
        .flat_map(|(filter, values)| {
            values
                .iter()
                .map(move |value| (filter.clone(), value.clone(), page.fragment.page_number))
        })
        .collect();

    // Compute encoded page data
    let mut encoded_data = serde_json::to_string(&page.fragment.data).unwrap();
    let full_hash = format!("{}_{}", language, full_hash(encoded_data.as_bytes()));
    let gzipped = gzip.then(|| crate::output::gzip(&[encoded_data.as_bytes()]));
    if gzipped.is_some() {
        encoded_data = String::new();
    }
    let encoded_page = IntermediaryPageData {
        full_hash,
        word_count: page.fragment.data.word_count,
        page_number: page.fragment.page_number,
        encoded_data,
        gzipped,
    };

    PageProcessingResult {
        word_map: local_word_map,
        filter_entries,
        encoded_page,
    }
}

/// Convert fossicked word positions to a packed page representation.
/// Sorts by weight (with common weight 25 first) then by position for delta encoding.
fn positions_to_packed_page(mut positions: Vec<FossickedWord>, page_number: usize) -> PackedPage {
    // A page weight of 1 is encoded as 25. Since most words should be this weight,
    // we want to sort them to be first in the locations array to reduce filesize
    // when we inline weight changes.
    // We then sort by position within each weight group,
    // which helps us delta encode the index.
    // sitrep's change: a stable sort on the key itself (the cached-key sort
    // allocated a list of keys for every word of every page); same order.
    positions.sort_by_key(|p| (if p.weight == 25 { 0 } else { p.weight }, p.position));

    let mut current_weight = 25;
    // sitrep's change: room for the weight markers too (the list grew, and
    // was copied, whenever a page's word changed weight).
    let weight_changes = positions.windows(2).filter(|w| w[0].weight != w[1].weight).count() + 1;
    let mut weighted_positions = Vec::with_capacity(positions.len() + 2 * weight_changes);
    let mut last_position = 0;

    // Calculate our output list of positions with weights.
    // This is a vec of page positions, with a change in weight for subsequent positions
    // denoted by a negative integer.
    for FossickedWord {
        position, weight, ..
    } in positions
    {
        if weight != current_weight {
            // Weight change: emit marker + absolute position, new delta base
            weighted_positions.push(-(weight as i32) - 1);
            weighted_positions.push(position as i32);
            last_position = position;
            current_weight = weight;
        } else {
            // emit delta from previous position
            weighted_positions.push((position - last_position) as i32);
            last_position = position;
        }
    }

    PackedPage {
        page_number,
        locs: weighted_positions,
        meta_locs: vec![],
    }
}

#[cfg(test)]
fn chunk_index(word_map: HashMap<String, PackedWord>, chunk_size: usize) -> Vec<Vec<PackedWord>> {
    // Accumulate into HashMap for O(1) inserts, then sort once before encoding
    // to produce a stable hash without paying BTreeMap's per-insert overhead.
    let mut words = word_map
        .into_iter()
        .map(|(_, w)| w)
        .collect::<Vec<PackedWord>>();
    words.sort_by_key(|w| w.word.clone());

    let mut index_chunks = Vec::new();

    let mut index_chunk = Vec::new();
    let mut index_chunk_size = 0;
    for word in words.into_iter() {
        index_chunk_size += word
            .pages
            .iter()
            .chain(word.additional_variants.iter().flat_map(|v| &v.pages))
            .map(|p| p.locs.len() + p.meta_locs.len() + 1)
            .sum::<usize>()
            + word.additional_variants.len();
        index_chunk.push(word);
        if index_chunk_size >= chunk_size {
            index_chunks.push(index_chunk.clone());
            index_chunk.clear();
            index_chunk_size = 0;
        }
    }
    if !index_chunk.is_empty() {
        index_chunks.push(index_chunk);
    }

    index_chunks
}

/// The words' ranges of the chunks, from each chunk's first and last word
/// (sitrep's change: takes the ends rather than the chunks).
fn chunk_meta<'a>(ends: impl Iterator<Item = (&'a str, &'a str)>) -> Vec<MetaChunk> {
    let mut named_chunks: Vec<MetaChunk> = ends
        .map(|(from, to)| MetaChunk {
            from: from.to_string(),
            to: to.to_string(),
            hash: "".into(),
        })
        .collect();
    if named_chunks.len() > 1 {
        for i in 0..named_chunks.len() - 1 {
            let chunks = &mut named_chunks[i..=i + 1];
            let prefixes = get_prefixes((&chunks[0].to, &chunks[1].from));
            // Only trim 'to' if it won't create an invalid range (to < from)
            if prefixes.0 >= chunks[0].from {
                chunks[0].to = prefixes.0;
            }
            // Always trim the next chunk's 'from'
            chunks[1].from = prefixes.1;
        }
    }

    named_chunks
}

fn get_prefixes((a, b): (&str, &str)) -> (String, String) {
    let common_prefix_length: usize = b
        .chars()
        .zip(a.chars())
        .take_while(|&(a, b)| a == b)
        .count();

    let a_prefix = a.chars().take(common_prefix_length + 1).collect::<String>();
    let b_prefix = b.chars().take(common_prefix_length + 1).collect::<String>();

    (a_prefix, b_prefix)
}

fn parse_int_sort(value: &str) -> Option<i32> {
    lexical_core::parse::<i32>(value.as_bytes()).ok()
}

fn parse_float_sort(value: &str) -> Option<f32> {
    lexical_core::parse::<f32>(value.as_bytes()).ok()
}

/// Encode meta positions with field ID markers.
/// Negative numbers switch field IDs, positive numbers are delta-encoded positions.
/// e.g., [-1, 0, 5, -4, 2] means: field 0 positions [0, 5], field 3 positions [2]
fn meta_positions_to_packed(mut positions: Vec<MetaFossickedWord>) -> Vec<i32> {
    if positions.is_empty() {
        return vec![];
    }

    positions.sort_by_key(|p| (p.field_id, p.position));

    let mut current_field: Option<u16> = None;
    let mut last_position: u32 = 0;
    let mut result = Vec::with_capacity(positions.len() + 8);

    for MetaFossickedWord {
        field_id, position, ..
    } in positions
    {
        if Some(field_id) != current_field {
            result.push(-((field_id as i32) + 1));
            current_field = Some(field_id);
            last_position = 0;
        }
        result.push((position - last_position) as i32);
        last_position = position;
    }

    result
}

#[cfg(test)]
mod tests {
    use super::*;

    trait Mock {
        fn word(&mut self, word: &str, page_number: usize, locs: Vec<i32>);
    }
    impl Mock for HashMap<String, PackedWord> {
        fn word(&mut self, word: &str, page_number: usize, locs: Vec<i32>) {
            let page = PackedPage {
                page_number,
                locs,
                meta_locs: vec![],
            };
            match self.get_mut(word) {
                Some(w) => w.pages.push(page),
                None => {
                    let _ = self.insert(
                        word.into(),
                        PackedWord {
                            word: word.into(),
                            pages: vec![page],
                            additional_variants: vec![],
                        },
                    );
                }
            }
        }
    }

    fn test_words() -> HashMap<String, PackedWord> {
        let mut words = HashMap::new();
        words.word("apple", 1, vec![20, 40, 60]);
        words.word("apple", 5, vec![3, 6, 9]);
        words.word("apricot", 5, vec![45, 3432, 6003]);
        words.word("banana", 5, vec![100, 500, 900, 566]);
        words.word("peach", 5, vec![383, 2, 678]);

        words
    }

    /// The same postings, but held as diacritic variants rather than on the word itself
    fn test_variant_words() -> HashMap<String, PackedWord> {
        let mut words = test_words();
        for word in words.values_mut() {
            word.additional_variants.push(PackedVariant {
                form: format!("{}\u{0301}", word.word),
                pages: std::mem::take(&mut word.pages),
            });
        }
        words
    }

    #[test]
    fn build_index_chunks() {
        let chunks = chunk_index(test_words(), 8);

        assert_eq!(chunks.len(), 3);
        assert_eq!(chunks[0][0].word, "apple");
        assert_eq!(chunks[1][0].word, "apricot");
        assert_eq!(chunks[1][1].word, "banana");
        assert_eq!(chunks[2][0].word, "peach");
    }

    #[test]
    fn build_index_chunks_from_variant_words() {
        let chunks = chunk_index(test_variant_words(), 8);

        assert_eq!(chunks.len(), 3);
        assert_eq!(chunks[0][0].word, "apple");
        assert_eq!(chunks[1][0].word, "apricot");
        assert_eq!(chunks[1][1].word, "banana");
        assert_eq!(chunks[2][0].word, "peach");
    }

    #[test]
    fn build_chunk_meta() {
        let chunks = chunk_index(test_words(), 8);
        let meta = chunk_meta(chunks.iter().map(|c| {
            (
                c.first().unwrap().word.as_str(),
                c.last().unwrap().word.as_str(),
            )
        }));
        assert_eq!(meta.len(), 3);
        assert_eq!(
            meta[0],
            MetaChunk {
                from: "apple".into(),
                to: "apple".into(), // Not trimmed to "app" since that would make to < from
                hash: "".into(),
            }
        );
        assert_eq!(
            meta[1],
            MetaChunk {
                from: "apr".into(),
                to: "b".into(),
                hash: "".into()
            }
        );
        assert_eq!(
            meta[2],
            MetaChunk {
                from: "p".into(),
                to: "peach".into(),
                hash: "".into()
            }
        );
    }

    #[test]
    fn common_prefix() {
        assert_eq!(
            get_prefixes(("apple", "apricot")),
            ("app".into(), "apr".into())
        );
        assert_eq!(
            get_prefixes(("cataraman", "yacht")),
            ("c".into(), "y".into())
        );
        assert_eq!(
            get_prefixes(("cath", "cathartic")),
            ("cath".into(), "catha".into())
        );
        // This should be an invalid state, but just in case:
        assert_eq!(
            get_prefixes(("catha", "cath")),
            ("catha".into(), "cath".into())
        );
    }
}
