/* sitrep incident explorer: filters data/incidents.json in the browser.
   Plain JavaScript, no dependencies, no requests but the site's own data file.
   The filters live in the query string (group, country, event, claim, tactic,
   target, from, to, q) so a view can be shared; the page's form (explorer.html)
   holds the controls and their options, and its `sr-words` block the words.
   Figures follow the site's rules: no invented zero ("up to" a maximum, "not
   reported" for nothing), totals with their range, developments never counted. */
(function () {
  "use strict";

  var root = document.getElementById("sr-explorer");
  if (!root || !window.fetch || !window.URLSearchParams || !window.history || !history.replaceState) return;

  // Query-string name -> control id, in the order the query string is written.
  var FIELDS = [
    ["group", "sr-group"],
    ["country", "sr-country"],
    ["event", "sr-event"],
    ["claim", "sr-claim"],
    ["tactic", "sr-tactic"],
    ["target", "sr-target"],
    ["from", "sr-from"],
    ["to", "sr-to"],
    ["q", "sr-q"]
  ];
  var PAGE = 100;
  var $ = function (id) { return document.getElementById(id); };
  var WORDS = {};
  try { WORDS = JSON.parse(($("sr-words") || {}).textContent || "{}"); } catch (e) { WORDS = {}; }
  var FIGURES = WORDS.figures || {};
  var MONTHS = WORDS.months || [];
  var CLAIMS = WORDS.claims || {};

  var form = $("sr-filters");
  var controls = {};
  FIELDS.forEach(function (f) { controls[f[0]] = $(f[1]); });
  var list = $("sr-list");
  var more = $("sr-more");
  var moreWrap = $("sr-more-wrap");
  var groupsUrl = root.getAttribute("data-groups-url") || "";
  var countriesUrl = root.getAttribute("data-countries-url") || "";

  var incidents = [];
  var matches = [];
  var shown = 0;
  var lastSummary = "";

  /** Lower case, without accents: "Ménaka" and "MENAKA" both give "menaka". */
  function fold(s) {
    s = String(s == null ? "" : s);
    if (s.normalize) s = s.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
    return s.toLowerCase().replace(/[\u2018\u2019]/g, "'");
  }

  /** "2024", "2024-1", "2024-01" or "2024-01-15" -> "2024-01" (a year alone: its first or last month). */
  function month(value, end) {
    var m = /^\s*(\d{4})(?:[-/.](\d{1,2}))?/.exec(value || "");
    if (!m) return "";
    var mm = m[2] ? parseInt(m[2], 10) : end ? 12 : 1;
    if (mm < 1 || mm > 12) return "";
    return m[1] + "-" + (mm < 10 ? "0" : "") + mm;
  }

  /** 12345 -> "12,345" (or "12 345"), as the rest of the site writes numbers. */
  function thousands(n) {
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, FIGURES.group == null ? "," : FIGURES.group);
  }

  function fill(pattern, values) {
    return String(pattern || "").replace(/\{(\w+)\}/g, function (_, k) { return thousands(values[k]); });
  }

  /** A figure as the site writes it, from its lower and upper bound (either
      may be null): "70", "70–77", "at least 70", "up to 200", "not reported". */
  function amount(lowValue, highValue) {
    var l = typeof lowValue === "number" ? lowValue : null;
    var h = typeof highValue === "number" ? highValue : null;
    if (l === null && h === null) return FIGURES["not-reported"] || "";
    if (l !== null && h !== null && l >= h) return fill(FIGURES.exact, { n: h });
    if (h !== null && (l === null || l === 0)) return fill(FIGURES["up-to"], { high: h });
    if (h !== null) return fill(FIGURES.between, { low: l, high: h });
    return fill(FIGURES["at-least"], { low: l });
  }

  /** A sum of incident figures, kept the way the site keeps totals. */
  function Sum() {
    this.low = 0;
    this.high = 0;
    this.reported = 0;
    this.maximumOnly = 0;
  }
  Sum.prototype.add = function (r) {
    if (!r || (r.low == null && r.high == null)) return;
    this.low += typeof r.low === "number" ? r.low : 0;
    this.high = this.reported === 0 ? r.high : this.high == null || r.high == null ? null : this.high + r.high;
    this.reported += 1;
    if (r.low == null || (r.low === 0 && r.high > 0)) this.maximumOnly += 1;
  };
  Sum.prototype.text = function () {
    if (this.reported === 0) return amount(null, null);
    return amount(this.reported > this.maximumOnly ? this.low : null, this.high);
  };

  /** "2024-09-17" -> "17 Sep 2024"; "2024-09" -> "Sep 2024"; "2024" stays. */
  function shortDate(iso) {
    var p = String(iso || "").split("-");
    var name = MONTHS[parseInt(p[1], 10) - 1];
    if (!name) return iso || "";
    return (p[2] ? parseInt(p[2], 10) + " " : "") + name + " " + p[0];
  }

  /** What filtering needs of a record, worked out once. */
  function prepare(rec, order) {
    var places = (rec.locations || []).map(function (l) { return l.name; });
    var admin = (rec.locations || []).map(function (l) { return l.admin1 || ""; });
    var countries = rec.countries || [];
    var actors = rec.actors || [];
    var casualties = rec.casualties || {};
    var start = month(rec.event_date);
    var year = rec.date_precision === "year";
    return {
      rec: rec,
      order: order,
      key: String(rec.event_date || "") + (year ? "-00-00" : rec.date_precision === "month" ? "-00" : ""),
      start: start,
      end: month(rec.end_date, true) || (year ? month(rec.event_date, true) : start),
      event: String(rec.event || "attack").replace(/ /g, "-"),
      development: rec.event === "development",
      places: places,
      text: fold([rec.title, rec.summary].concat(places, admin, countries.map(function (c) { return c.name; })).join(" \u0001 ")),
      countries: countries.map(function (c) { return String(c.code).toUpperCase(); }),
      actors: actors,
      perpetrators: actors.filter(function (a) { return a.role === "perpetrator"; }),
      tactics: (rec.tactics || []).map(fold),
      targets: (rec.targets || []).map(fold),
      killed: casualties.killed || null,
      injured: casualties.injured || null
    };
  }

  /** The filters as the controls hold them. */
  function read() {
    var s = {};
    FIELDS.forEach(function (f) { s[f[0]] = controls[f[0]].value.trim(); });
    s.from = month(s.from, false);
    s.to = month(s.to, true);
    ["from", "to"].forEach(function (k) {
      var raw = controls[k].value.trim();
      if (raw && !s[k]) controls[k].setAttribute("aria-invalid", "true");
      else controls[k].removeAttribute("aria-invalid");
    });
    return s;
  }

  function matcher(s) {
    var words = fold(s.q).split(/\s+/).filter(Boolean);
    var group = s.group.toLowerCase();
    var country = s.country.toUpperCase();
    var event = s.event.toLowerCase();
    var tactic = fold(s.tactic);
    var target = fold(s.target);
    return function (x) {
      if (country && x.countries.indexOf(country) < 0) return false;
      if (event && x.event !== event) return false;
      if (tactic && x.tactics.indexOf(tactic) < 0) return false;
      if (target && x.targets.indexOf(target) < 0) return false;
      if (s.from && (x.end || x.start) < s.from) return false;
      if (s.to && x.start > s.to) return false;
      var perps = x.perpetrators;
      if (group) {
        var own = x.actors.filter(function (a) { return String(a.slug).toLowerCase() === group; });
        if (!own.length) return false;
        if (s.claim && s.claim !== "none") perps = own.filter(function (a) { return a.role === "perpetrator"; });
      }
      if (s.claim === "none") {
        if (x.perpetrators.length) return false;
      } else if (s.claim) {
        if (!perps.some(function (a) { return a.claim === s.claim; })) return false;
      }
      for (var i = 0; i < words.length; i++) if (x.text.indexOf(words[i]) < 0) return false;
      return true;
    };
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }

  function link(href, text) {
    var a = el("a", null, text);
    a.href = href;
    return a;
  }

  function sep(parent) {
    var s = el("span", "sep", " \u00b7 ");
    s.setAttribute("aria-hidden", "true");
    parent.appendChild(s);
  }

  /** One incident, the same markup as the theme's `incident` component. */
  function item(x) {
    var r = x.rec;
    var li = el("li");
    var art = el("article", x.development ? "incident incident-development" : "incident");
    var meta = el("p", "incident-meta");
    var time = el("time", null, shortDate(r.event_date));
    time.setAttribute("datetime", r.event_date || "");
    meta.appendChild(time);
    (r.countries || []).forEach(function (c) {
      sep(meta);
      meta.appendChild(c.slug ? link(countriesUrl + c.slug + "/", c.name) : document.createTextNode(c.name));
    });
    if (x.places.length) {
      sep(meta);
      meta.appendChild(document.createTextNode(x.places.join(", ")));
    }
    if (x.development) {
      meta.appendChild(document.createTextNode(" "));
      meta.appendChild(el("span", "badge badge-development", WORDS.badge_development));
    }
    art.appendChild(meta);
    var h = el("h3", "incident-title");
    h.appendChild(link(r.url, r.title));
    art.appendChild(h);
    if (r.summary) {
      var summary = r.summary.length > 240 ? r.summary.slice(0, 240) + "\u2026" : r.summary;
      art.appendChild(el("p", "incident-summary", summary));
    }
    var facts = el("p", "incident-facts");
    x.perpetrators.forEach(function (a) {
      var span = el("span", "actor");
      span.appendChild(a.slug ? link(groupsUrl + a.slug + "/", a.name) : document.createTextNode(a.name));
      if (CLAIMS[a.claim]) {
        span.appendChild(document.createTextNode(" "));
        span.appendChild(el("span", "badge badge-" + a.claim, CLAIMS[a.claim]));
      }
      facts.appendChild(span);
    });
    if (!x.perpetrators.length && !x.development) facts.appendChild(el("span", "actor unattributed", WORDS.no_perpetrator));
    if (x.killed) {
      var fig = el("span", "figure-inline");
      fig.appendChild(el("span", "figure-label", WORDS.killed));
      fig.appendChild(document.createTextNode(" " + amount(x.killed.low, x.killed.high)));
      facts.appendChild(fig);
    }
    art.appendChild(facts);
    li.appendChild(art);
    return li;
  }

  /** Appends up to PAGE more matches to the list; returns the first new item. */
  function showMore() {
    var frag = document.createDocumentFragment();
    var first = null;
    var until = Math.min(matches.length, shown + PAGE);
    for (var i = shown; i < until; i++) {
      var li = item(matches[i]);
      if (!first) first = li;
      frag.appendChild(li);
    }
    list.appendChild(frag);
    shown = until;
    var left = matches.length - shown;
    moreWrap.hidden = left <= 0;
    more.textContent = fill(WORDS.show_more, { n: Math.min(left, PAGE), left: left });
    return first;
  }

  function setText(id, text) {
    var e = $(id);
    if (e.textContent !== text) e.textContent = text;
  }

  function active(s) {
    return FIELDS.some(function (f) { return s[f[0]] !== ""; });
  }

  /** Filters, lists, counts; `push` also writes the filters into the address. */
  function update(push) {
    var s = read();
    matches = incidents.filter(matcher(s));
    var killed = new Sum();
    var injured = new Sum();
    var violent = 0;
    matches.forEach(function (x) {
      if (x.development) return;
      violent += 1;
      killed.add(x.killed);
      injured.add(x.injured);
    });
    var developments = matches.length - violent;

    list.textContent = "";
    shown = 0;
    showMore();
    list.hidden = matches.length === 0;
    $("sr-empty").hidden = matches.length !== 0;

    var filtered = active(s);
    var summary = [violent, developments, filtered, killed.text(), injured.text()].join("|");
    if (summary !== lastSummary) {
      lastSummary = summary;
      var all = incidents.filter(function (x) { return !x.development; }).length;
      setText("sr-count", thousands(violent));
      setText("sr-of", filtered ? WORDS.of + thousands(all) : "");
      setText("sr-noun", (filtered ? all : violent) === 1 ? WORDS.incident : WORDS.incidents);
      setText("sr-dev", thousands(developments));
      setText("sr-dev-noun", developments === 1 ? WORDS.development : WORDS.developments);
      $("sr-dev-part").hidden = developments === 0;
      setText("sr-killed", killed.text());
      setText("sr-injured", injured.text());
      $("sr-killed-part").hidden = killed.reported === 0;
      $("sr-injured-part").hidden = injured.reported === 0;
    }
    root.setAttribute("data-matches", String(matches.length));
    drawMap();

    if (push) {
      var q = new URLSearchParams();
      FIELDS.forEach(function (f) { if (s[f[0]]) q.set(f[0], s[f[0]]); });
      var qs = q.toString();
      var url = location.pathname + (qs ? "?" + qs : "") + location.hash;
      if (url !== location.pathname + location.search + location.hash) history.replaceState(history.state, "", url);
    }
  }

  /** Redraws the map's circles for the incidents of violence among the
      matches: one per place (to a tenth of a degree), sized as the site
      sizes them (area follows the confirmed killed, or the maximums, hollow,
      where only maximums were reported), linking to the newest incident
      there. The map's projection and sizing come from its SVG (`data-view`,
      `data-radius`); the names of places drawn for every incident go. */
  var SVG = "http://www.w3.org/2000/svg";
  function drawMap() {
    var svg = document.querySelector("#sr-map svg.map[data-view]");
    if (!svg) return;
    var v = svg.getAttribute("data-view").split(" ").map(Number);
    var size = (svg.getAttribute("data-radius") || "2.4 6 48").split(" ").map(Number);
    var frame = svg.parentNode;
    Array.prototype.forEach.call(frame.querySelectorAll(".map-label-place, .map-counts"), function (n) { n.remove(); });
    var lists = $("sr-map-places");
    if (lists) lists.remove();
    var layer = svg.querySelector(".map-points");
    if (!layer) {
      layer = document.createElementNS(SVG, "g");
      layer.setAttribute("class", "map-points");
      svg.insertBefore(layer, svg.querySelector(".map-scale-bar"));
    }
    var places = {};
    var order = [];
    matches.forEach(function (x) {
      if (x.development) return;
      var seen = {};
      (x.rec.locations || []).forEach(function (l) {
        if (typeof l.latitude !== "number" || typeof l.longitude !== "number") return;
        var key = Math.round(l.latitude * 10) + "," + Math.round(l.longitude * 10);
        if (seen[key]) return;
        seen[key] = true;
        var p = places[key];
        if (!p) {
          // Matches come newest first: the first incident met is the newest.
          p = places[key] = { name: l.name, lat: l.latitude, lon: l.longitude, n: 0, killed: new Sum(), url: x.rec.url };
          order.push(p);
        }
        p.n += 1;
        p.killed.add(x.killed);
      });
    });
    order.forEach(function (p) {
      var k = p.killed;
      p.hollow = k.reported > 0 && k.maximumOnly === k.reported;
      p.size = p.hollow ? k.high || 0 : k.low;
    });
    order.sort(function (a, b) { return b.size - a.size; });
    layer.textContent = "";
    order.forEach(function (p) {
      var r = Math.min(Math.max(size[0] * Math.sqrt(p.size), size[1]), size[2]);
      var a = document.createElementNS(SVG, "a");
      a.setAttribute("href", p.url);
      var c = document.createElementNS(SVG, "circle");
      c.setAttribute("class", p.hollow ? "map-point map-point-unconfirmed" : "map-point");
      c.setAttribute("cx", ((p.lon - v[0]) * v[3] * v[2]).toFixed(1));
      c.setAttribute("cy", ((v[1] - p.lat) * v[2]).toFixed(1));
      c.setAttribute("r", r.toFixed(1));
      var title = document.createElementNS(SVG, "title");
      var pattern = p.n === 1 ? WORDS.map_place_one : WORDS.map_place_many;
      title.textContent = String(pattern || "").split("{place}").map(function (part) { return fill(part, { n: p.n }); }).join(p.name);
      c.appendChild(title);
      a.appendChild(c);
      layer.appendChild(a);
    });
    svg.setAttribute("data-places", String(order.length));
  }

  /** Sets a select to `value`, matched by value or label ignoring case and accents;
      a value the site does not know is added, so the view stays what the address says. */
  function choose(select, value) {
    var want = fold(value);
    for (var i = 0; i < select.options.length; i++) {
      var o = select.options[i];
      if (o.value && (fold(o.value) === want || fold(o.text) === want)) {
        select.value = o.value;
        return;
      }
    }
    var extra = new Option(value + " " + WORDS.not_on_site, value);
    select.appendChild(extra);
    select.value = value;
  }

  /** The filters named in the query string, into the controls. */
  function restore() {
    var q = new URLSearchParams(location.search);
    FIELDS.forEach(function (f) {
      var c = controls[f[0]];
      var v = (q.get(f[0]) || "").trim();
      if (f[0] === "from" || f[0] === "to") v = month(v, f[0] === "to") || v;
      if (c.tagName === "SELECT") {
        if (v) choose(c, v);
        else c.value = "";
      } else {
        c.value = v;
      }
    });
  }

  var timer = 0;
  function later() {
    clearTimeout(timer);
    timer = setTimeout(function () { update(true); }, 200);
  }

  function ready(data) {
    var recs = (data && data.incidents) || [];
    incidents = recs.map(prepare);
    // Newest first; equal dates keep the file's order.
    incidents.sort(function (a, b) {
      return a.key < b.key ? 1 : a.key > b.key ? -1 : a.order - b.order;
    });
    var months = incidents.map(function (x) { return x.start; }).filter(Boolean).sort();
    if (months.length) {
      ["from", "to"].forEach(function (k) {
        controls[k].min = months[0];
        controls[k].max = months[months.length - 1];
      });
    }
    restore();
    update(false);
    $("sr-fallback").hidden = true;
    root.removeAttribute("aria-busy");
    root.setAttribute("data-ready", "true");

    form.addEventListener("submit", function (e) {
      e.preventDefault();
      clearTimeout(timer);
      update(true);
    });
    form.addEventListener("change", function () {
      clearTimeout(timer);
      update(true);
    });
    controls.q.addEventListener("input", later);
    $("sr-clear").addEventListener("click", function () {
      FIELDS.forEach(function (f) { controls[f[0]].value = ""; });
      clearTimeout(timer);
      update(true);
    });
    more.addEventListener("click", function () {
      var first = showMore();
      var a = first && first.querySelector(".incident-title a");
      if (a) a.focus();
    });
  }

  function failed() {
    $("sr-fallback").hidden = true;
    $("sr-error").hidden = false;
    $("sr-summary").hidden = true;
    form.hidden = true;
    root.removeAttribute("aria-busy");
  }

  function start() {
    root.setAttribute("aria-busy", "true");
    $("sr-fallback").hidden = true;
    fetch(root.getAttribute("data-incidents"), { credentials: "same-origin" })
      .then(function (r) {
        if (!r.ok) throw new Error("HTTP " + r.status);
        return r.json();
      })
      .then(ready)
      .catch(failed);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
