use super::*;

const DATA: &[u8] = include_bytes!("../../../themes/default/data/world.json");

fn world() -> WorldMap {
    WorldMap::parse(DATA).expect("the theme's world.json parses")
}

fn point(lon: f64, lat: f64, killed: u64, label: &str) -> MapPoint {
    MapPoint {
        lat,
        lon,
        killed,
        unconfirmed: false,
        url: format!("/briefings/{label}/"),
        label: label.to_string(),
        place: String::new(),
        incidents: 1,
    }
}

/// A country's name and the other words, as a test writes them.
fn words_with<'a>(country: &'a dyn Fn(&str) -> Option<String>, distance: &'a dyn Fn(u64) -> String) -> MapWords<'a> {
    MapWords { country, distance, number: &|n| n.to_string(), several: &|places, n| format!("{places}: {n} incidents") }
}

/// The SVG alone of a labelled map (empty when there is nothing to frame).
fn render_map(world: &WorldMap, points: &[MapPoint], options: &MapOptions) -> String {
    let name = |iso: &str| Some(iso.to_string());
    let html = render_labelled(world, points, options, &words_with(&name, &|km| format!("{km} km"))).html;
    match (html.find("<svg "), html.find("</svg>")) {
        (Some(start), Some(end)) => html[start..end + "</svg>".len()].to_string(),
        _ => String::new(),
    }
}

fn options(focus: &[&str]) -> MapOptions {
    MapOptions {
        id: "map".into(),
        title: "Incidents".into(),
        description: "Where the incidents happened".into(),
        focus: focus.iter().map(|s| s.to_string()).collect(),
        outlines: "/maps/world.svg".into(),
        frame: Frame::Countries,
        live: false,
    }
}

/// The numbers of `attr="..."` everywhere in `svg`.
fn attrs(svg: &str, attr: &str) -> Vec<f64> {
    let key = format!(r#" {attr}=""#);
    svg.match_indices(&key)
        .filter_map(|(at, _)| svg[at + key.len()..].split('"').next())
        .filter_map(|v| v.parse().ok())
        .collect()
}

fn view_box(svg: &str) -> (f64, f64) {
    let rest = svg.split(r#"viewBox="0 0 "#).nth(1).expect("a viewBox");
    let mut it = rest.split('"').next().unwrap_or("").split(' ').map(|v| v.parse::<f64>().unwrap_or(f64::NAN));
    (it.next().unwrap_or(f64::NAN), it.next().unwrap_or(f64::NAN))
}

fn near(b: [f64; 4], expected: [f64; 4]) -> bool {
    b.iter().zip(expected).all(|(a, e)| (a - e).abs() < 0.3)
}

const LAYERS: &[u8] = include_bytes!("../../../themes/default/data/layers.json");

fn world_with_layers() -> WorldMap {
    world().with_layers(Layers::parse(LAYERS).expect("the theme's layers.json parses"))
}

#[test]
fn a_map_names_capitals_towns_rivers_and_regions_and_draws_the_rivers() {
    let w = world_with_layers();
    let name = |iso: &str| Some(iso.to_string());
    let html = render_labelled(&w, &[], &options(&["ML"]), &words_with(&name, &|km| format!("{km} km"))).html;
    for label in [
        r#"map-label-town map-label-capital map-label-right" style="left:29.92%;top:77.59%">Bamako</span>"#,
        ">Niamey</span>",
        ">Bani</span>",
        ">Timbuktu</span>",
        ">Sikasso</span>",
    ] {
        assert!(html.contains(label), "{label}: {html}");
    }
    // Mali's regions are named; Burkina Faso's are not, on a map of Mali.
    assert!(html.contains(r#"map-label map-label-region"#) && !html.contains(">Sahel</span>"), "{html}");
    assert!(html.contains(r##"<use class="map-rivers" href="/maps/world.svg#rivers"/>"##));
    let base = w.base_layer();
    assert!(base.contains(r#"<g id="rivers"><path fill="none" vector-effect="non-scaling-stroke" d="m"#));
    assert!(base.ends_with("</g></svg>\n"));
    // A town under an incident's circle is left to the circle's name.
    let mut bamako = point(-8.0, 12.65, 70, "bamako");
    bamako.place = "Bamako (Faladié)".into();
    let html = render_labelled(&w, &[bamako], &options(&["ML"]), &words_with(&name, &|km| format!("{km} km"))).html;
    assert!(html.contains(">Bamako (Faladié)</span>") && !html.contains(">Bamako</span>"), "{html}");
}

#[test]
fn bad_layers_are_errors_that_say_what() {
    let e = Layers::parse(br#"{"towns": [{"name": "X", "iso": "ML", "kind": "capital", "rank": 1, "at": [90000, 0]}], "rivers": [], "regions": []}"#).unwrap_err();
    assert!(e.contains("town X") && e.contains("off the globe"), "{e}");
    let e =
        Layers::parse(br#"{"towns": [], "rivers": [{"name": "R", "rank": 1, "lines": [[1, 2, 3]]}], "regions": []}"#)
            .unwrap_err();
    assert!(e.contains("river R"), "{e}");
    assert!(Layers::parse(b"{}").is_err());
}

#[test]
fn the_real_data_parses_with_every_country() {
    let w = world();
    assert!(w.countries.len() > 200, "{} features", w.countries.len());
    for code in ["FR", "NG", "TD", "SN", "GM", "CV", "DZ", "LY", "SD", "SO", "XK", "CY"] {
        assert!(w.bbox(code).is_some(), "{code} missing");
    }
    assert_eq!(w.bbox("QQ"), None);
}

#[test]
fn sahel_countries_have_plausible_boxes() {
    let w = world();
    let ml = w.bbox("ML").unwrap();
    assert!(near(ml, [-12.3, 10.1, 4.3, 25.0]), "Mali {ml:?}");
    assert!(near(w.bbox("bf").unwrap(), [-5.5, 9.4, 2.4, 15.1]), "Burkina Faso");
    assert!(near(w.bbox("NE").unwrap(), [0.2, 11.7, 16.0, 23.5]), "Niger");
}

#[test]
fn the_stored_boxes_match_the_rings() {
    let file: serde_json::Value = serde_json::from_slice(DATA).unwrap();
    let w = world();
    let stored = file["countries"].as_array().unwrap();
    assert_eq!(stored.len(), w.countries.len());
    for (s, c) in stored.iter().zip(&w.countries) {
        let b: Vec<f64> = s["bbox"].as_array().unwrap().iter().filter_map(|v| v.as_f64()).collect();
        assert_eq!(b, [c.bbox.west, c.bbox.south, c.bbox.east, c.bbox.north], "{}", s["name"]);
    }
}

#[test]
fn somaliland_counts_as_somalia_and_kosovo_is_xk() {
    let w = world();
    assert_eq!(w.with_code("SO").count(), 2);
    let so = w.bbox("SO").unwrap();
    assert!(so[3] > 11.0 && so[2] > 51.0, "{so:?}");
    let xk = w.bbox("XK").unwrap();
    assert!(near(xk, [20.0, 41.9, 21.8, 43.3]), "{xk:?}");
}

#[test]
fn overseas_rings_do_not_frame_a_country() {
    let w = world();
    assert!(w.bbox("FR").unwrap()[0] < -50.0, "French Guiana is part of France's outline");
    // Metropolitan France frames the map, not the Atlantic.
    let framed = framed_box(&w, &[], &["FR".to_string()]).unwrap();
    assert!(framed.west > -6.0 && framed.east < 10.0, "{framed:?}");
    let svg = render_map(&w, &[], &options(&["FR"]));
    assert_eq!(svg.matches("map-focus").count(), 1);
    assert!(svg.matches("<path ").count() < 20);
}

#[test]
fn a_map_framed_on_its_places_shows_their_region_with_its_country_still_highlighted() {
    let w = world();
    // Two places of one incident (one page): never gathered.
    let points =
        [point(-8.0, 12.64, 70, "bamako"), MapPoint { lat: 12.74, lon: -8.05, ..point(0.0, 0.0, 0, "bamako") }];
    let country = render_map(&w, &points, &options(&["ML"]));
    let region = render_map(&w, &points, &MapOptions { frame: Frame::Places, ..options(&["ML"]) });
    assert!(region.contains(r#"href="/maps/world.svg#c-ML""#), "Mali still highlighted");
    // The same 800 units across 4 degrees instead of Mali's 20-odd: the points far apart.
    let spread = |svg: &str| {
        (attrs(svg, "cx")[0] - attrs(svg, "cx")[1]).abs() + (attrs(svg, "cy")[0] - attrs(svg, "cy")[1]).abs()
    };
    assert!(spread(&region) > 4.0 * spread(&country), "{} vs {}", spread(&region), spread(&country));
    // Without a place, the country is framed.
    let empty = render_map(&w, &[], &MapOptions { frame: Frame::Places, ..options(&["ML"]) });
    assert_eq!(empty, render_map(&w, &[], &options(&["ML"])));
}

#[test]
fn nothing_to_frame_gives_an_empty_string() {
    let w = world();
    assert_eq!(render_map(&w, &[], &MapOptions::default()), "");
    assert_eq!(render_map(&w, &[], &options(&["QQ", ""])), "");
    let off = [point(f64::NAN, 12.0, 3, "a"), point(200.0, 12.0, 3, "b"), point(0.0, f64::INFINITY, 3, "c")];
    assert_eq!(render_map(&w, &off, &options(&[])), "");
}

#[test]
fn a_map_of_the_central_sahel_is_well_formed() {
    let w = world();
    let points = [point(-8.0, 12.64, 70, "bamako"), point(2.11, 13.51, 0, "niamey")];
    let svg = render_map(&w, &points, &options(&["ML", "BF", "NE"]));
    assert!(svg.starts_with(r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 "#), "{svg:.200}");
    assert!(svg.contains(r#"class="map" role="group" aria-labelledby="map-title" aria-describedby="map-desc">"#));
    assert!(
        svg.contains(
            r#"<title id="map-title">Incidents</title><desc id="map-desc">Where the incidents happened</desc>"#
        )
    );
    assert!(svg.contains("</g><path class=\"map-scale-bar\" d=\"M12 "), "{svg}");
    assert!(svg.ends_with("\"/></svg>"));
    // The shared outlines once, the three focus countries again over them; no outline inline.
    assert_eq!(svg.matches(r#"<use class="map-country" href="/maps/world.svg#world"/>"#).count(), 1);
    for iso in ["ML", "BF", "NE"] {
        assert!(svg.contains(&format!(r#"<use class="map-country map-focus" href="/maps/world.svg#c-{iso}"/>"#)));
    }
    assert_eq!(svg.matches("<path ").count(), 1, "the scale bar only");
    assert!(svg.len() < 3_000, "{} bytes", svg.len());
    assert!(!svg.contains("style="));
}

#[test]
fn the_shared_outlines_have_every_country_once_and_the_transform_puts_them_under_the_points() {
    let w = world();
    let layer = w.base_layer();
    assert!(layer.starts_with(r#"<svg xmlns="http://www.w3.org/2000/svg"><g id="world">"#));
    assert_eq!(layer.matches(r#"id="c-ML""#).count(), 1);
    assert_eq!(layer.matches(r#"id="c-SO""#).count(), 1, "Somalia and Somaliland are one path");
    assert!(layer.len() < 400_000, "{} bytes", layer.len());
    // Every path: relative moves in whole hundredths of a degree, rings closed.
    for d in layer.split(r#" d=""#).skip(1).filter_map(|s| s.split('"').next()) {
        assert!(d.starts_with('m') && d.ends_with('z'), "{d:.40}");
        assert!(d.split(['m', 'l', 'z', ' ', '-']).filter(|n| !n.is_empty()).all(|n| n.parse::<u32>().is_ok()));
    }
    // Bamako's circle and Bamako in the layer, through the map's transform, fall together.
    let svg = render_map(&w, &[point(-8.0, 12.64, 70, "bamako")], &options(&["ML"]));
    let t = svg.split(r#"transform="matrix("#).nth(1).unwrap().split(')').next().unwrap();
    let m: Vec<f64> = t.split(' ').map(|v| v.parse().unwrap()).collect();
    let (x, y) = (m[0] * -800.0 + m[4], m[3] * -1264.0 + m[5]);
    let (cx, cy) = (attrs(&svg, "cx")[0], attrs(&svg, "cy")[0]);
    assert!((x - cx).abs() < 0.2 && (y - cy).abs() < 0.2, "({x}, {y}) vs ({cx}, {cy})");
}

#[test]
fn points_land_inside_the_view_box_where_they_belong() {
    let w = world();
    let points = [point(-8.0, 12.64, 70, "bamako"), point(2.11, 13.51, 1, "niamey"), point(-3.0, 16.77, 4, "timbuktu")];
    let svg = render_map(&w, &points, &options(&["ML", "BF", "NE"]));
    let (width, height) = view_box(&svg);
    let (cx, cy) = (attrs(&svg, "cx"), attrs(&svg, "cy"));
    assert_eq!(cx.len(), 3);
    for (x, y) in cx.iter().zip(&cy) {
        assert!((0.0..=width).contains(x) && (0.0..=height).contains(y), "({x}, {y}) outside 0 0 {width} {height}");
    }
    // Largest first: Bamako, then Timbuktu, then Niamey.
    let (bamako, timbuktu, niamey) = ((cx[0], cy[0]), (cx[1], cy[1]), (cx[2], cy[2]));
    assert!(bamako.0 < timbuktu.0 && timbuktu.0 < niamey.0, "west to east");
    assert!(timbuktu.1 < niamey.1 && niamey.1 < bamako.1, "north is up");
}

#[test]
fn a_single_point_is_centred_with_context() {
    let w = world();
    let svg = render_map(&w, &[point(-1.5, 12.4, 5, "ouagadougou")], &options(&[]));
    let (width, height) = view_box(&svg);
    assert_eq!(width, 800.0);
    assert!((360.0..=800.0).contains(&height));
    let (x, y) = (attrs(&svg, "cx")[0], attrs(&svg, "cy")[0]);
    assert!((x - 400.0).abs() < 0.1 && (y - height / 2.0).abs() < 0.1, "({x}, {y})");
    // At least MIN_EXTENT degrees of latitude: Ouagadougou's circle is small.
    let view = View::new(Bbox { west: -1.5, south: 12.4, east: -1.5, north: 12.4 }, MIN_EXTENT);
    assert!(view.bbox.north - view.bbox.south >= MIN_EXTENT - 1e-9);
    assert!(view.bbox.east - view.bbox.west >= MIN_EXTENT - 1e-9);
}

#[test]
fn a_point_near_a_pole_stays_in_view() {
    let w = world();
    for lat in [89.6, -90.0, 90.0] {
        let svg = render_map(&w, &[point(0.0, lat, 0, "pole")], &options(&[]));
        let (_, height) = view_box(&svg);
        let y = attrs(&svg, "cy")[0];
        assert!((0.0..=height).contains(&y), "{lat}: {y} outside 0..{height}");
    }
}

#[test]
fn the_aspect_is_clamped() {
    let wide = View::new(Bbox { west: -20.0, south: 10.0, east: 40.0, north: 12.0 }, MIN_EXTENT);
    assert!((wide.height - WIDTH * ASPECT.0).abs() < 1e-6, "{}", wide.height);
    let tall = View::new(Bbox { west: 0.0, south: -30.0, east: 1.0, north: 30.0 }, MIN_EXTENT);
    assert!((tall.height - WIDTH * ASPECT.1).abs() < 1e-6, "{}", tall.height);
    let world = View::new(Bbox { west: -180.0, south: -90.0, east: 180.0, north: 90.0 }, MIN_EXTENT);
    assert!(world.height.is_finite() && world.height >= WIDTH * ASPECT.0 - 1e-6);
}

#[test]
fn x_is_scaled_by_the_cosine_of_the_middle_latitude() {
    let v = View::new(Bbox { west: 0.0, south: 58.0, east: 10.0, north: 62.0 }, MIN_EXTENT);
    let (x0, y0) = v.project((0.0, 60.0));
    let (x1, _) = v.project((1.0, 60.0));
    let (_, y1) = v.project((0.0, 59.0));
    assert!(((x1 - x0) / (y1 - y0) - 0.5).abs() < 0.01);
}

#[test]
fn text_and_urls_are_escaped() {
    let w = world();
    let evil = r#"<script>alert("x" & 'y')</script>"#;
    let p = MapPoint {
        lat: 12.6,
        lon: -8.0,
        killed: 1,
        unconfirmed: false,
        url: r#"/a?b=1&c="2"'"#.into(),
        label: evil.into(),
        place: evil.into(),
        incidents: 1,
    };
    let o = MapOptions {
        id: r#"m"1"#.into(),
        title: evil.into(),
        description: evil.into(),
        focus: vec![],
        outlines: r#"/m"a.svg"#.into(),
        frame: Frame::Countries,
        live: false,
    };
    let evil_name = |_: &str| Some(evil.to_string());
    let html = render_labelled(
        &w,
        std::slice::from_ref(&p),
        &o,
        &MapWords {
            country: &evil_name,
            distance: &|_| evil.into(),
            number: &|_| evil.into(),
            several: &|_, _| evil.into(),
        },
    )
    .html;
    assert!(!html.contains("<script>") && html.contains(r#"<span class="map-scale""#), "{html}");
    let svg = render_map(&w, &[p], &o);
    assert!(!svg.contains("<script>") && !svg.contains(r#"("x""#) && !svg.contains("'y'"));
    assert!(svg.contains(r#"<a href="/a?b=1&amp;c=&quot;2&quot;&#39;">"#));
    assert!(svg.contains(r#"id="m&quot;1-title""#));
    let escaped = "&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;";
    assert_eq!(svg.matches(escaped).count(), 3);
}

#[test]
fn a_point_without_a_page_is_not_a_link() {
    let w = world();
    let mut p = point(-8.0, 12.6, 1, "x");
    p.url.clear();
    let svg = render_map(&w, &[p], &MapOptions { description: String::new(), ..options(&[]) });
    assert!(!svg.contains("<a ") && svg.contains("<circle "));
    assert!(!svg.contains("<desc") && !svg.contains("aria-describedby"));
}

/// The clusters of a labelled map of `points` framed on Mali.
fn clustered(points: &[MapPoint]) -> Labelled {
    let name = |iso: &str| Some(iso.to_string());
    render_labelled(&world(), points, &options(&["ML"]), &words_with(&name, &|km| format!("{km} km")))
}

#[test]
fn overlapping_places_of_different_incidents_become_one_numbered_circle_leading_to_a_list() {
    // Kati and Bamako, 15 km apart: their circles meet on a map of Mali.
    let mut kati = point(-8.07, 12.74, 8, "kati");
    kati.place = "Kati".into();
    let mut bamako = point(-8.0, 12.64, 70, "bamako");
    bamako.place = "Bamako".into();
    let gao = point(-0.05, 16.27, 5, "gao");
    let map = clustered(&[kati, bamako, gao]);
    // One cluster: Bamako (the heaviest) first, then Kati, by position in the points given.
    assert_eq!(map.clusters, [("map-places-1".to_string(), vec![1, 0])]);
    let html = &map.html;
    assert_eq!(html.matches("<circle ").count(), 2, "the cluster and Gao: {html}");
    assert!(html.contains(
        r##"<a href="#map-places-1" tabindex="-1" aria-hidden="true"><circle class="map-point map-cluster""##
    ));
    assert!(html.contains(r##"<a class="map-count" href="#map-places-1""##) && html.contains(">2</a>"), "{html}");
    assert!(html.contains(r#"aria-label="Bamako, Kati: 2 incidents""#), "{html}");
    // Its circle's area is the two confirmed figures together; it is named after Bamako alone.
    assert!(html.contains(&format!(r#" r="{}""#, tenths(radius(78)))), "{html}");
    assert!(html.contains(">Bamako</span>") && !html.contains(">Kati</span>"), "{html}");
    assert!(html.contains(r#"<a href="/briefings/gao/">"#), "a lone incident still leads to its page");
}

#[test]
fn one_place_with_several_incidents_is_numbered_and_one_incidents_places_are_not() {
    let mut timbuktu = point(-3.0, 16.77, 14, "timbuktu");
    timbuktu.incidents = 3;
    let map = clustered(&[timbuktu]);
    assert_eq!(map.clusters.len(), 1);
    assert!(map.html.contains(">3</a>"), "{}", map.html);
    // Two places of one incident (one page), side by side: each its own circle, no count.
    let (a, b) = (point(-3.0, 16.77, 4, "same"), point(-2.98, 16.78, 4, "same"));
    let map = clustered(&[a, b]);
    assert!(map.clusters.is_empty());
    assert_eq!(map.html.matches(r#"<a href="/briefings/same/">"#).count(), 2);
    // A place a cluster's count would cover joins it: Ber, 55 km from Timbuktu's two incidents.
    let mut ber = point(-2.5, 16.8, 0, "ber");
    ber.place = "Ber".into();
    let mut timbuktu = point(-3.0, 16.77, 14, "timbuktu");
    timbuktu.incidents = 2;
    timbuktu.place = "Timbuktu".into();
    let map = clustered(&[ber.clone(), timbuktu]);
    assert_eq!(map.clusters, [("map-places-1".to_string(), vec![1, 0])]);
    assert!(map.html.contains(r#"aria-label="Timbuktu, Ber: 3 incidents""#), "{}", map.html);
    // Two lone incidents as far apart stay two circles.
    let map = clustered(&[ber, point(-3.0, 16.77, 14, "other")]);
    assert!(map.clusters.is_empty());
    assert!(!map.html.contains(r#"class="map-count""#), "{}", map.html);
}

#[test]
fn counts_that_would_cover_each_other_on_a_phone_become_one() {
    // Two places with two incidents each, 0.8° apart: their circles do not
    // meet, but their counts (24 px on a 340-px map of Mali) would overlap.
    let mut segou = point(-6.27, 13.43, 9, "segou");
    segou.incidents = 2;
    segou.place = "Segou".into();
    let mut markala = point(-5.47, 13.43, 3, "markala");
    markala.incidents = 2;
    markala.place = "Markala".into();
    let map = clustered(&[markala.clone(), segou.clone()]);
    assert_eq!(map.clusters, [("map-places-1".to_string(), vec![1, 0])], "{}", map.html);
    assert_eq!(map.html.matches(r#"class="map-count""#).count(), 1, "{}", map.html);
    assert!(map.html.contains(r#"aria-label="Segou, Markala: 4 incidents""#), "{}", map.html);
    // Far apart (Gao, 9° east), they stay two counts.
    let mut gao = markala;
    gao.lon = 0.0;
    gao.lat = 16.27;
    let map = clustered(&[gao, segou]);
    assert_eq!(map.clusters.len(), 2, "{}", map.html);
    assert_eq!(map.html.matches(r#"class="map-count""#).count(), 2);
}

#[test]
fn a_cluster_never_adds_a_maximum_to_a_confirmed_figure() {
    let confirmed = point(-3.0, 16.77, 10, "confirmed");
    let mut maximum = point(-3.0, 16.77, 200, "maximum");
    maximum.unconfirmed = true;
    let map = clustered(&[confirmed.clone(), maximum.clone()]);
    assert!(map.html.contains(r#"class="map-point map-cluster" cx="#), "{}", map.html);
    assert!(map.html.contains(&format!(r#" r="{}""#, tenths(radius(10)))), "sized by the confirmed 10 alone");
    // Only maximums: their sum, drawn hollow.
    let mut other = maximum.clone();
    other.url = "/briefings/other/".into();
    let map = clustered(&[maximum, other]);
    assert!(map.html.contains("map-cluster map-point-unconfirmed"), "{}", map.html);
    assert!(map.html.contains(&format!(r#" r="{}""#, tenths(radius(400)))));
}

#[test]
fn sizes_grow_with_the_killed_and_zero_stays_visible() {
    assert_eq!(radius(0), MIN_RADIUS);
    assert!(radius(0) > 0.0);
    let figures = [0u64, 1, 2, 3, 4, 5, 10, 50, 100, 400, 625, 1000, u64::MAX];
    for pair in figures.windows(2) {
        assert!(radius(pair[0]) <= radius(pair[1]), "{pair:?}");
    }
    assert!(radius(10) < radius(100) && radius(100) < radius(400));
    // Area ∝ killed between the minimum and the cap: 4 times the dead, twice the radius.
    assert!((radius(400) / radius(100) - 2.0).abs() < 1e-9);
    assert_eq!(radius(u64::MAX), MAX_RADIUS);
}

#[test]
fn circles_are_drawn_largest_first() {
    let w = world();
    let points = [point(-8.0, 12.6, 3, "small"), point(-4.0, 14.0, 300, "large"), point(-6.0, 13.0, 30, "mid")];
    let svg = render_map(&w, &points, &options(&[]));
    let (large, mid, small) = (svg.find(">large<"), svg.find(">mid<"), svg.find(">small<"));
    assert!(large < mid && mid < small && small.is_some());
    let r = attrs(&svg, "r");
    assert!(r[0] > r[1] && r[1] > r[2]);
}

#[test]
fn the_scale_bar_is_a_round_distance_about_a_fifth_of_the_map() {
    let w = world();
    for (focus, km) in [("ML", 200), ("BF", 200), ("DZ", 500)] {
        let points = [point(-1.5, 12.4, 1, "x")];
        let framed = framed_box(&w, &points.iter().collect::<Vec<_>>(), &[focus.to_string()]).unwrap();
        let (shown, length) = scale_bar(&View::new(framed, MIN_EXTENT));
        assert_eq!(shown, km, "{focus}");
        assert!((WIDTH * 0.08..=WIDTH * SCALE_SHARE).contains(&length), "{focus}: {length}");
    }
    let name = |iso: &str| Some(format!("<{iso}>"));
    let words = words_with(&name, &|km| format!("{km} km"));
    let html = render_labelled(&w, &[point(-8.0, 12.64, 70, "Bamako")], &options(&["ML"]), &words).html;
    assert!(html.contains(">200 km</span></div>"), "{html:.300}");
    assert!(html.contains(r#"map-label-focus" style="#) && html.contains(">&lt;ML&gt;</span>"), "escaped names");
}

#[test]
fn numbers_are_written_short() {
    assert_eq!(tenths(12.0), "12");
    assert_eq!(tenths(12.46), "12.5");
    assert_eq!(tenths(-0.5), "-.5");
    assert_eq!(tenths(0.04), "0");
    assert_eq!(tenths(-0.04), "0");
    assert_eq!(tenths(0.3), ".3");
}

#[test]
fn bad_data_is_an_error_not_a_panic() {
    let bad: &[&[u8]] = &[
        b"",
        b"not json",
        br#"{"countries": 3}"#,
        br#"{"countries": [{"iso": "ML", "name": "Mali", "rings": [[1, 2, 3]]}]}"#,
        br#"{"countries": [{"iso": "ML", "name": "Mali", "rings": [[1, 2, 3, 4]]}]}"#,
        br#"{"countries": [{"iso": "ML", "name": "Mali", "rings": []}]}"#,
        br#"{"countries": [{"iso": "mali", "name": "Mali", "rings": [[0, 0, 1, 0, 0, 1]]}]}"#,
        br#"{"countries": [{"iso": "ML", "name": "Mali", "rings": [[18001, 0, 1, 0, 0, 1]]}]}"#,
        br#"{"countries": [{"iso": "ML", "name": "Mali", "rings": [[9223372036854775807, 0, 1, 0, 0, 1]]}]}"#,
        br#"{"countries": [{"iso": "ML", "name": "Mali", "rings": [[1.5, 0, 1, 0, 0, 1]]}]}"#,
    ];
    for bytes in bad {
        assert!(WorldMap::parse(bytes).is_err(), "{}", String::from_utf8_lossy(bytes));
    }
    let tiny = br#"{"countries": [{"iso": "ML", "name": "Mali", "rings": [[0, 0, 100, 0, 0, 100]]}]}"#;
    let w = WorldMap::parse(tiny).unwrap();
    assert_eq!(w.bbox("ml"), Some([0.0, 0.0, 1.0, 1.0]));
    assert!(render_map(&w, &[], &options(&["ML"])).contains("map-focus"));
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    fn any_point() -> impl Strategy<Value = MapPoint> {
        (prop::num::f64::ANY, prop::num::f64::ANY, any::<u64>(), ".{0,12}", ".{0,12}").prop_map(
            |(lat, lon, killed, url, label)| MapPoint {
                lat,
                lon,
                killed,
                unconfirmed: false,
                url,
                place: label.clone(),
                label,
                incidents: 1,
            },
        )
    }

    fn on_globe_point() -> impl Strategy<Value = MapPoint> {
        (-90.0..=90.0f64, -180.0..=180.0f64, any::<u64>()).prop_map(|(lat, lon, killed)| MapPoint {
            lat,
            lon,
            unconfirmed: false,
            killed,
            url: "/x/".into(),
            label: "x".into(),
            place: "x".into(),
            incidents: 1,
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn any_input_renders_without_panicking(
            points in prop::collection::vec(any_point(), 0..5),
            focus in prop::collection::vec("[A-Z]{2}|.{0,3}", 0..4),
        ) {
            let options = MapOptions { focus, ..options(&[]) };
            let svg = render_map(world_once(), &points, &options);
            prop_assert!(svg.is_empty() || (svg.starts_with("<svg ") && svg.ends_with("</svg>")));
            let name = |iso: &str| Some(iso.to_string());
            let html = render_labelled(world_once(), &points, &options, &words_with(&name, &|km| km.to_string())).html;
            prop_assert!(html.is_empty() == svg.is_empty());
            prop_assert!(html.is_empty() || (html.starts_with(r#"<div class="map-frame"><svg "#) && html.ends_with("</span></div>")));
        }

        #[test]
        fn points_on_the_globe_are_always_in_the_view_box(points in prop::collection::vec(on_globe_point(), 1..5)) {
            let svg = render_map(world_once(), &points, &options(&[]));
            let (width, height) = view_box(&svg);
            prop_assert!((WIDTH * ASPECT.0 - 0.1..=WIDTH * ASPECT.1 + 0.1).contains(&height));
            for (x, y) in attrs(&svg, "cx").into_iter().zip(attrs(&svg, "cy")) {
                prop_assert!((0.0..=width).contains(&x) && (0.0..=height).contains(&y), "({}, {})", x, y);
            }
        }
    }

    fn world_once() -> &'static WorldMap {
        static WORLD: std::sync::OnceLock<WorldMap> = std::sync::OnceLock::new();
        WORLD.get_or_init(world)
    }
}
