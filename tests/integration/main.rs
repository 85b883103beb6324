//! End-to-end tests: fixture sites under `tests/fixtures/` are copied to a
//! temporary folder, built with the real pipeline, and the pages a reader would
//! open are checked. One test binary (see Cargo.toml).

mod support;

mod bilingual;
mod bounds;
mod broken_site;
mod browser;
mod build;
mod chronology;
mod cli;
mod dates;
mod desk;
mod diagnostics;
mod differential;
mod drafts;
mod errors;
mod escaping;
mod example;
mod explorer;
mod figures;
mod french;
mod groups;
mod hardening;
mod host;
mod incremental;
mod injection;
mod legibility;
mod outputs;
mod pagination;
mod pictures;
mod preview;
mod publishing;
mod robustness;
mod safety;
mod schema;
mod search;
mod serve;
mod subpath;
mod synth;
mod templates;
mod terms;
mod trust;
