#!/usr/bin/env node
// Reduces three Natural Earth 1:10m layers (GeoJSON, as mirrored by
// github.com/martynafford/natural-earth-geojson) to what maps of the Sahel and
// its neighbours name: towns and capitals, the main rivers, and the label
// points of regions (admin-1). See themes/default/data/README.md.
//
//   node tools/map/layers.mjs ne_10m_populated_places_simple.json \
//     ne_10m_rivers_lake_centerlines.json ne_10m_admin_1_label_points.json \
//     > themes/default/data/layers.json
//
// No dependencies. The output has one feature per line:
//
//   {"source": "...", "licence": "...", "format": "...",
//    "towns": [{"name": "Bamako", "iso": "ML", "kind": "capital", "rank": 3, "at": [-800, 1265]}, ...],
//    "rivers": [{"name": "Niger", "rank": 3, "lines": [[x0, y0, dx1, dy1, ...], ...]}, ...],
//    "regions": [{"name": "Tombouctou", "iso": "ML", "at": [-300, 1950]}, ...]}
//
// Coordinates are integers in hundredths of a degree (longitude, latitude);
// a river's lines give their first point, then each point minus the one before.

import { readFileSync } from "node:fs";

// What the maps cover: West Africa, the Sahel and the Sahara, with room around.
const AREA = { west: -26, south: -2, east: 32, north: 38 };
// Towns kept: every national and regional capital, and other towns up to this
// Natural Earth scale rank (smaller is more important).
const TOWN_RANK = 7;
// Rivers kept up to this scale rank, simplified at this tolerance (degrees).
const RIVER_RANK = 7;
const TOLERANCE = 0.02;

const inArea = ([lon, lat]) => lon >= AREA.west && lon <= AREA.east && lat >= AREA.south && lat <= AREA.north;
const hundredths = (v) => Math.round(v * 100);

function readFeatures(path) {
  return JSON.parse(readFileSync(path, "utf8")).features;
}

function towns(path) {
  const kinds = {
    "Admin-0 capital": "capital",
    "Admin-0 capital alt": "capital",
    "Admin-1 capital": "regional-capital",
    "Admin-1 region capital": "regional-capital",
    "Populated place": "town",
  };
  const out = [];
  for (const f of readFeatures(path)) {
    const p = f.properties;
    const kind = kinds[p.featurecla];
    const at = f.geometry.coordinates;
    if (!kind || !inArea(at) || (kind === "town" && p.scalerank > TOWN_RANK)) continue;
    out.push({ name: p.name, iso: p.iso_a2 === "-99" ? null : p.iso_a2, kind, rank: p.scalerank, at: at.map(hundredths) });
  }
  out.sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name));
  return out;
}

// Douglas-Peucker on [lon, lat] points.
function simplify(points, tolerance) {
  if (points.length < 3) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack = [[0, points.length - 1]];
  while (stack.length) {
    const [a, b] = stack.pop();
    const [x1, y1] = points[a];
    const [x2, y2] = points[b];
    const dx = x2 - x1;
    const dy = y2 - y1;
    const length = Math.hypot(dx, dy);
    let far = -1;
    let farthest = tolerance;
    for (let i = a + 1; i < b; i++) {
      const [x, y] = points[i];
      const d = length === 0 ? Math.hypot(x - x1, y - y1) : Math.abs(dy * x - dx * y + x2 * y1 - y2 * x1) / length;
      if (d > farthest) {
        farthest = d;
        far = i;
      }
    }
    if (far >= 0) {
      keep[far] = 1;
      stack.push([a, far], [far, b]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

function deltas(points) {
  const out = [];
  let [px, py] = [0, 0];
  points.forEach(([lon, lat], i) => {
    const [x, y] = [hundredths(lon), hundredths(lat)];
    if (i === 0) out.push(x, y);
    else if (x !== px || y !== py) out.push(x - px, y - py);
    else return;
    [px, py] = [x, y];
  });
  return out;
}

function rivers(path) {
  const byName = new Map();
  for (const f of readFeatures(path)) {
    const p = f.properties;
    const g = f.geometry;
    if (!g || p.scalerank > RIVER_RANK || p.featurecla !== "River") continue;
    const lines = g.type === "MultiLineString" ? g.coordinates : [g.coordinates];
    const name = p.name_en || p.name || "";
    for (const line of lines) {
      if (!line.some(inArea)) continue;
      const simplified = deltas(simplify(line, TOLERANCE));
      if (simplified.length < 4) continue;
      const river = byName.get(name) ?? { name, rank: p.scalerank, lines: [] };
      river.rank = Math.min(river.rank, p.scalerank);
      river.lines.push(simplified);
      byName.set(name, river);
    }
  }
  return [...byName.values()].sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name));
}

function regions(path) {
  // Several label points per region (one per scale); the first is kept.
  const seen = new Set();
  const out = [];
  for (const f of readFeatures(path)) {
    const p = f.properties;
    const at = f.geometry.coordinates;
    if (seen.has(p.adm1_code) || !inArea(at) || !p.iso_a2 || p.iso_a2 === "-99") continue;
    seen.add(p.adm1_code);
    out.push({ name: p.name, iso: p.iso_a2, at: at.map(hundredths) });
  }
  out.sort((a, b) => a.iso.localeCompare(b.iso) || a.name.localeCompare(b.name));
  return out;
}

const [placesPath, riversPath, regionsPath] = process.argv.slice(2);
if (!regionsPath) {
  console.error("usage: layers.mjs populated_places_simple.json rivers_lake_centerlines.json admin_1_label_points.json");
  process.exit(2);
}
const lines = (items) => items.map((item) => JSON.stringify(item)).join(",\n");
process.stdout.write(
  `{"source": "Natural Earth 1:10m (populated places simple, rivers and lake centerlines, admin-1 label points), version 4.1.0, GeoJSON from github.com/martynafford/natural-earth-geojson; reduced by tools/map/layers.mjs",\n` +
    `"licence": "Public domain (Natural Earth)",\n` +
    `"format": "coordinates in hundredths of a degree, [lon, lat]; river lines delta-encoded after the first point",\n` +
    `"towns": [\n${lines(towns(placesPath))}\n],\n` +
    `"rivers": [\n${lines(rivers(riversPath))}\n],\n` +
    `"regions": [\n${lines(regions(regionsPath))}\n]}\n`,
);
