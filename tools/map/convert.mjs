#!/usr/bin/env node
// Converts world-atlas's TopoJSON country outlines (Natural Earth) into the
// plain JSON that sitrep's map renderer reads (src/render/map.rs).
//
//   node tools/map/convert.mjs path/to/countries-50m.json 0.03 > themes/default/data/world.json
//
// The second argument (optional, default 0) is a Douglas-Peucker tolerance in
// degrees, applied to each TopoJSON arc, so a border shared by two countries
// stays identical on both sides. No dependencies: TopoJSON (quantized,
// delta-encoded arcs) is decoded here. The output has one country per line:
//
//   {"source": "...", "licence": "...", "format": "...", "countries": [
//   {"iso": "ML", "name": "Mali", "bbox": [minLon, minLat, maxLon, maxLat],
//    "rings": [[x0, y0, dx1, dy1, dx2, dy2, ...], ...]},
//   ...]}
//
// - "iso": ISO 3166-1 alpha-2 code, from world-atlas's ISO 3166-1 numeric id.
//   Features without an id get one from NO_ID below (Kosovo: XK; Somaliland and
//   N. Cyprus: the internationally recognised state, SO and CY) or null (drawn,
//   never focused). A code may be on several features; each keeps its name.
// - "rings": every ring of every polygon, outer rings and holes alike (draw
//   them as one path with fill-rule evenodd). Integers in hundredths of a
//   degree: the first point (lon, lat), then each point minus the one before.
//   Rings are implicitly closed: the closing point is left out.
// - "bbox": of all the rings, in degrees.

import { readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";

const DECIMALS = 2;

// ISO 3166-1 numeric -> alpha-2 (the table of the `celes` crate sitrep uses).
const NUMERIC_TO_ALPHA2 = Object.fromEntries(
  `004 AF 248 AX 008 AL 012 DZ 016 AS 020 AD 024 AO 660 AI 010 AQ 028 AG 032 AR
051 AM 533 AW 654 SH 036 AU 040 AT 031 AZ 048 BH 050 BD 052 BB 112 BY 056 BE
084 BZ 204 BJ 060 BM 064 BT 862 VE 068 BO 535 BQ 070 BA 072 BW 074 BV 076 BR
086 IO 092 VG 096 BN 100 BG 854 BF 108 BI 132 CV 116 KH 120 CM 124 CA 148 TD
152 CL 156 CN 162 CX 170 CO 188 CR 384 CI 191 HR 192 CU 531 CW 196 CY 203 CZ
208 DK 262 DJ 212 DM 534 SX 218 EC 818 EG 222 SV 226 GQ 232 ER 233 EE 748 SZ
231 ET 583 FM 242 FJ 246 FI 250 FR 254 GF 663 MF 258 PF 266 GA 268 GE 276 DE
288 GH 292 GI 300 GR 304 GL 308 GD 312 GP 316 GU 320 GT 831 GG 324 GN 624 GW
328 GY 332 HT 334 HM 340 HN 344 HK 348 HU 352 IS 356 IN 360 ID 368 IQ 372 IE
364 IR 833 IM 376 IL 380 IT 388 JM 392 JP 832 JE 400 JO 398 KZ 404 KE 296 KI
383 XK 414 KW 417 KG 428 LV 422 LB 426 LS 430 LR 434 LY 438 LI 440 LT 442 LU
446 MO 450 MG 454 MW 458 MY 462 MV 466 ML 470 MT 474 MQ 478 MR 480 MU 175 YT
484 MX 492 MC 496 MN 499 ME 500 MS 504 MA 508 MZ 104 MM 516 NA 520 NR 524 NP
540 NC 554 NZ 558 NI 566 NG 570 NU 574 NF 578 NO 512 OM 586 PK 585 PW 591 PA
598 PG 600 PY 604 PE 612 PN 616 PL 620 PT 630 PR 634 QA 807 MK 638 RE 642 RO
646 RW 652 BL 659 KN 662 LC 666 PM 670 VC 882 WS 674 SM 678 ST 682 SA 686 SN
688 RS 690 SC 694 SL 702 SG 703 SK 705 SI 090 SB 706 SO 710 ZA 239 GS 728 SS
724 ES 144 LK 275 PS 740 SR 744 SJ 752 SE 756 CH 760 SY 158 TW 762 TJ 764 TH
044 BS 136 KY 140 CF 166 CC 174 KM 178 CG 184 CK 408 KP 180 CD 214 DO 238 FK
234 FO 260 TF 270 GM 336 VA 418 LA 584 MH 528 NL 562 NE 580 MP 608 PH 410 KR
498 MD 643 RU 729 SD 796 TC 784 AE 826 GB 581 UM 840 US 626 TL 768 TG 772 TK
776 TO 780 TT 788 TN 792 TR 795 TM 798 TV 850 VI 800 UG 804 UA 834 TZ 858 UY
860 UZ 548 VU 704 VN 876 WF 732 EH 887 YE 894 ZM 716 ZW`
    .trim()
    .split(/\s+/)
    .reduce((pairs, v, i, all) => (i % 2 ? pairs : [...pairs, [v, all[i + 1]]]), []),
);

// Natural Earth features that have no ISO 3166-1 numeric id in world-atlas.
const NO_ID = {
  Kosovo: "XK",
  Somaliland: "SO",
  "N. Cyprus": "CY",
  // 50m only: Australia's Christmas and Cocos Islands, and a disputed area.
  "Indian Ocean Ter.": null,
  "Siachen Glacier": null,
};

function main() {
  const [path, toleranceArg = "0"] = process.argv.slice(2);
  const tolerance = Number(toleranceArg);
  if (!path || !(tolerance >= 0)) {
    process.stderr.write("usage: node tools/map/convert.mjs countries-50m.json [tolerance] > world.json\n");
    process.exit(2);
  }
  const topology = JSON.parse(readFileSync(path, "utf8"));
  const arcs = decodeArcs(topology).map((arc) => simplify(arc, tolerance));
  const countries = topology.objects.countries.geometries
    .map((g) => country(g, arcs))
    .filter((c) => c.rings.length > 0)
    .sort((a, b) => compare(a.iso ?? "~", b.iso ?? "~") || compare(a.name, b.name));
  const head = {
    source: `${source(path)}, simplified to ${tolerance} degrees`,
    licence: "Natural Earth: public domain; world-atlas: ISC",
    format:
      "rings: outer rings and holes (fill-rule evenodd), implicitly closed; " +
      "integer hundredths of a degree: lon, lat of the first point, then deltas",
  };
  const lines = countries.map((c) => JSON.stringify(c));
  const json = JSON.stringify(head).slice(0, -1);
  process.stdout.write(`${json},"countries":[\n${lines.join(",\n")}\n]}\n`);
}

function compare(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// "Natural Earth 4.1.0 Admin 0 countries via world-atlas 2.0.2 countries-50m.json",
// the version from the package.json beside the input when there is one.
function source(path) {
  let version = "(version unknown)";
  try {
    const pkg = JSON.parse(readFileSync(join(dirname(path), "package.json"), "utf8"));
    if (pkg.name === "world-atlas") version = pkg.version;
  } catch {
    // Not inside the npm package: the version stays unknown.
  }
  // world-atlas 2.x redistributes Natural Earth 4.1.0 (its README says so).
  const ne = version.startsWith("2.") ? "Natural Earth 4.1.0" : "Natural Earth";
  return `${ne} Admin 0 countries via world-atlas ${version} ${basename(path)}`;
}

// Arcs in degrees: undo the delta encoding and the quantization transform.
function decodeArcs(topology) {
  const t = topology.transform;
  return topology.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([dx, dy]) => {
      if (!t) return [dx, dy];
      x += dx;
      y += dy;
      return [x * t.scale[0] + t.translate[0], y * t.scale[1] + t.translate[1]];
    });
  });
}

function country(geometry, arcs) {
  const name = geometry.properties?.name ?? "";
  const iso = isoCode(geometry.id, name);
  const polygons =
    geometry.type === "Polygon"
      ? [geometry.arcs]
      : geometry.type === "MultiPolygon"
        ? geometry.arcs
        : [];
  const rings = polygons
    .flat()
    .map((ring) => roundRing(stitch(ring, arcs)))
    .filter((ring) => ring.length >= 3);
  return { iso, name, bbox: bbox(rings), rings: rings.map(deltaEncode) };
}

function isoCode(id, name) {
  if (id !== undefined && id !== null) {
    const code = NUMERIC_TO_ALPHA2[String(id).padStart(3, "0")];
    if (!code) throw new Error(`no ISO alpha-2 code for numeric id ${id} (${name})`);
    return code;
  }
  if (name in NO_ID) return NO_ID[name];
  throw new Error(`feature without id: ${name}; add it to NO_ID`);
}

// Douglas-Peucker on one arc, in degrees. Arcs are shared by neighbours, so
// simplifying arcs (not rings) keeps common borders identical on both sides.
// A closed arc (an island) is split at its farthest point so it stays a ring.
function simplify(arc, tolerance) {
  if (!(tolerance > 0) || arc.length < 3) return arc;
  const [first, last] = [arc[0], arc[arc.length - 1]];
  if (first[0] === last[0] && first[1] === last[1]) {
    let far = 1;
    arc.forEach((p, i) => {
      if (distance2(p, first) > distance2(arc[far], first)) far = i;
    });
    const a = douglasPeucker(arc.slice(0, far + 1), tolerance);
    const b = douglasPeucker(arc.slice(far), tolerance);
    return [...a, ...b.slice(1)];
  }
  return douglasPeucker(arc, tolerance);
}

function douglasPeucker(points, tolerance) {
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack = [[0, points.length - 1]];
  while (stack.length) {
    const [from, to] = stack.pop();
    let worst = 0;
    let at = -1;
    for (let i = from + 1; i < to; i++) {
      const d = segmentDistance2(points[i], points[from], points[to]);
      if (d > worst) [worst, at] = [d, i];
    }
    if (at >= 0 && worst > tolerance * tolerance) {
      keep[at] = 1;
      stack.push([from, at], [at, to]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

function distance2(p, q) {
  return (p[0] - q[0]) ** 2 + (p[1] - q[1]) ** 2;
}

function segmentDistance2(p, a, b) {
  const len2 = distance2(a, b);
  if (len2 === 0) return distance2(p, a);
  const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * (b[0] - a[0]) + (p[1] - a[1]) * (b[1] - a[1])) / len2));
  return distance2(p, [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])]);
}

// A ring from arc indexes (~i: arc i reversed); arcs share their end points.
function stitch(indexes, arcs) {
  const points = [];
  for (const i of indexes) {
    const arc = i >= 0 ? arcs[i] : arcs[~i].slice().reverse();
    points.push(...(points.length ? arc.slice(1) : arc));
  }
  return points;
}

const FACTOR = 10 ** DECIMALS;

// Rounds to integer hundredths of a degree, drops repeated points and the
// closing point (rings are implicitly closed).
function roundRing(points) {
  const out = [];
  for (const [x, y] of points) {
    const p = [Math.round(x * FACTOR), Math.round(y * FACTOR)];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  const [first, last] = [out[0], out[out.length - 1]];
  if (out.length > 1 && first[0] === last[0] && first[1] === last[1]) out.pop();
  return out;
}

// [x0, y0, dx1, dy1, ...]: the first point, then each point minus the previous.
function deltaEncode(ring) {
  const out = [];
  let [px, py] = [0, 0];
  for (const [x, y] of ring) {
    out.push(x - px, y - py);
    [px, py] = [x, y];
  }
  return out;
}

function bbox(rings) {
  const b = [Infinity, Infinity, -Infinity, -Infinity];
  for (const ring of rings) {
    for (const [x, y] of ring) {
      b[0] = Math.min(b[0], x);
      b[1] = Math.min(b[1], y);
      b[2] = Math.max(b[2], x);
      b[3] = Math.max(b[3], y);
    }
  }
  return b.map((v) => v / FACTOR);
}

main();
