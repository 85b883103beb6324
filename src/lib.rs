//! sitrep: a static site generator for conflict-incident briefings.
//!
//! The data flow is the architecture; each stage is a module you can read alone:
//!
//! ```text
//! site.yaml ─ config ─┐
//! content/ ─ source ─ frontmatter ─ validate ─ index ─ render ─ output ─> output/
//!                      (raw structs)  (model)            (theme: Tera templates)
//! ```
//!
//! - [`source`] walks `content/` and reads the files;
//! - [`frontmatter`] splits each file and parses its YAML into [`raw`] structs;
//! - [`validate`] turns raw front matter into the typed [`model`];
//! - [`index`] cross-references briefings, groups, countries and the chronology;
//! - [`render`] renders Markdown ([`markdown`]) and the theme's templates into memory;
//! - [`output`] swaps the rendered site into the output folder in one step.
//!
//! [`pipeline`] runs the stages; every stage reports problems into
//! [`diagnostics::Diagnostics`] and keeps going. The library never prints.

#![warn(missing_docs, clippy::print_stdout, clippy::print_stderr)]

pub mod config;
pub mod diagnostics;
pub mod escape;
pub mod frontmatter;
pub mod history;
pub mod index;
pub mod markdown;
pub mod model;
pub mod output;
pub mod pictures;
pub mod pipeline;
pub mod raw;
pub mod render;
pub mod scaffold;
pub mod schema;
pub mod search;
pub mod serve;
pub mod session;
pub mod source;
pub mod theme;
pub mod timings;
pub mod trust;
pub mod urls;
pub mod validate;
