//! The scale bar: a round distance, drawn in the map, written over it.

use std::fmt::Write as _;

use super::*;

/// Where the scale bar starts, in map units from the left and the bottom.
pub(super) const SCALE_AT: (f64, f64) = (12.0, 12.0);
/// About how much of the map's width the scale bar takes.
pub(super) const SCALE_SHARE: f64 = 0.2;

/// The scale bar: a round distance (1, 2 or 5 times a power of ten
/// kilometres) about a fifth of the map wide, and its length in map units,
/// measured along the middle latitude.
pub(super) fn scale_bar(view: &View) -> (u64, f64) {
    let km_per_unit = 111.32 / view.scale;
    let wanted = WIDTH * SCALE_SHARE * km_per_unit;
    let mut km = 1u64;
    for magnitude in [1u64, 10, 100, 1000, 10_000] {
        for factor in [1, 2, 5] {
            if ((magnitude * factor) as f64) <= wanted {
                km = magnitude * factor;
            }
        }
    }
    (km, km as f64 / km_per_unit)
}

pub(super) fn draw_scale(svg: &mut String, view: &View) {
    let (_, length) = scale_bar(view);
    let (x, y) = (SCALE_AT.0, view.height - SCALE_AT.1);
    let _ =
        write!(svg, r#"<path class="map-scale-bar" d="M{} {}v4h{}v-4"/>"#, tenths(x), tenths(y - 4.0), tenths(length));
}

/// The scale bar's distance (`text`), written over the map above the bar.
pub(super) fn scale_label(view: &View, text: &str) -> String {
    let (_, length) = scale_bar(view);
    format!(
        r#"<span class="map-scale" style="left:{:.2}%;bottom:{:.2}%;width:{:.2}%">{}</span>"#,
        SCALE_AT.0 / WIDTH * 100.0,
        (SCALE_AT.1 + 4.0) / view.height * 100.0,
        length / WIDTH * 100.0,
        escape(text)
    )
}
