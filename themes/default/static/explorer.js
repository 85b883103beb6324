/* sitrep incident explorer: filters every incident in the browser.
   Plain JavaScript, no dependencies, no requests but the site's own files.
   This file runs twice. On the page, it keeps the form, the address, the
   list, the totals and the map. As the page's worker (a thread of its own,
   so that the page never waits on it), it reads explorer/incidents-<n>.json
   (what the explorer needs of each incident, in parts), filters, counts and
   gathers the places of the matches, and sends the page only what it shows.
   The filters live in the query string (group, country, event, claim, tactic,
   target, from, to, q) so a view can be shared; the page's form (explorer.html)
   holds the controls and their options, its `sr-words` block the words and
   its `sr-names` block the names of groups and countries.
   Figures follow the site's rules: no invented zero ("up to" a maximum, "not
   reported" for nothing), totals with their range, developments never counted. */
(function () {
  "use strict";

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

  if (typeof document === "undefined") worker();
  else page();

  /* ---------------------------------------------------------------- worker */

  function worker() {
    var GROUPS = {};
    var COUNTRIES = {};
    var incidents = [];
    var matches = [];

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

    /** A figure of the data, [low, high], as {low, high} (null when not reported). */
    function range(figure) {
      return figure ? { low: figure[0], high: figure[1] } : null;
    }

    /** What filtering and listing need of a record of the data, worked out
        once. A record's places are [name, region, latitude, longitude], its
        actors [group slug, role, claim], its countries ISO codes. */
    function prepare(rec, order) {
      var locations = rec.locations || [];
      var places = locations.map(function (l) { return l[0]; });
      var admin = locations.map(function (l) { return l[1] || ""; });
      var countries = (rec.countries || []).map(function (c) { return String(c).toUpperCase(); });
      var names = countries.map(function (c) { return (COUNTRIES[c] || [c])[0]; });
      var actors = (rec.actors || []).map(function (a) {
        return { slug: a[0], name: GROUPS[a[0]] || a[0], role: a[1], claim: a[2] };
      });
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
        text: fold([rec.title, rec.summary].concat(places, admin, names).join(" \u0001 ")),
        countries: countries,
        actors: actors,
        perpetrators: actors.filter(function (a) { return a.role === "perpetrator"; }),
        tactics: (rec.tactics || []).map(fold),
        targets: (rec.targets || []).map(fold),
        killed: range(rec.killed),
        injured: range(rec.injured)
      };
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

    /** What the page lists of an incident. */
    function shown(x) {
      var r = x.rec;
      return {
        url: r.url,
        title: r.title,
        summary: r.summary && r.summary.length > 240 ? r.summary.slice(0, 240) + "\u2026" : r.summary || "",
        date: r.event_date || "",
        countries: x.countries,
        places: x.places,
        development: x.development,
        perpetrators: x.perpetrators,
        killed: x.killed
      };
    }

    /** The places of the incidents of violence among the matches: one per
        place (to a tenth of a degree), with its incidents, their killed
        added up, and the newest incident there (matches come newest first). */
    function places() {
      var at = {};
      var order = [];
      matches.forEach(function (x) {
        if (x.development) return;
        var seen = {};
        (x.rec.locations || []).forEach(function (l) {
          var lat = l[2];
          var lon = l[3];
          if (typeof lat !== "number" || typeof lon !== "number") return;
          var key = Math.round(lat * 10) + "," + Math.round(lon * 10);
          if (seen[key]) return;
          seen[key] = true;
          var p = at[key];
          if (!p) {
            p = at[key] = { name: l[0], lat: lat, lon: lon, n: 0, killed: new Sum(), url: x.rec.url };
            order.push(p);
          }
          p.n += 1;
          p.killed.add(x.killed);
        });
      });
      return order;
    }

    /** Filters; answers with the counts, totals, the first `count` matches
        and, when asked, their places. */
    function filter(m) {
      matches = incidents.filter(matcher(m.filters));
      var killed = new Sum();
      var injured = new Sum();
      var violent = 0;
      matches.forEach(function (x) {
        if (x.development) return;
        violent += 1;
        killed.add(x.killed);
        injured.add(x.injured);
      });
      self.postMessage({
        id: m.id,
        matches: matches.length,
        violent: violent,
        developments: matches.length - violent,
        killed: killed,
        injured: injured,
        items: matches.slice(0, m.count).map(shown),
        places: m.places ? places() : null
      });
    }

    /** Reads every part, all asked for at once and prepared in order. */
    function load(m) {
      GROUPS = m.names.groups || {};
      COUNTRIES = m.names.countries || {};
      var parts = m.urls.map(function (url) {
        var part = fetch(url, { credentials: "same-origin" }).then(function (r) {
          if (!r.ok) throw new Error("HTTP " + r.status);
          return r.json();
        });
        part.catch(function () {}); // reported once, where the parts are read in order
        return part;
      });
      var prepared = [];
      parts
        .reduce(function (done, part) {
          return done.then(function () { return part; }).then(function (data) {
            ((data && data.incidents) || []).forEach(function (rec) { prepared.push(prepare(rec, prepared.length)); });
          });
        }, Promise.resolve())
        .then(function () {
          // Newest first; equal dates keep the files' order.
          prepared.sort(function (a, b) {
            return a.key < b.key ? 1 : a.key > b.key ? -1 : a.order - b.order;
          });
          incidents = prepared;
          var months = incidents.map(function (x) { return x.start; }).filter(Boolean).sort();
          self.postMessage({
            ready: true,
            first: months[0] || "",
            last: months[months.length - 1] || "",
            all: incidents.filter(function (x) { return !x.development; }).length
          });
        })
        .catch(function (e) { self.postMessage({ failed: String(e) }); });
    }

    self.onmessage = function (e) {
      var m = e.data;
      if (m.load) load(m.load);
      else if (m.filters) filter(m);
      else if (m.more) self.postMessage({ id: m.id, items: matches.slice(m.from, m.from + m.count).map(shown) });
    };
  }

  /* ------------------------------------------------------------------ page */

  function page() {
    var root = document.getElementById("sr-explorer");
    var script = document.currentScript && document.currentScript.src;
    if (!root || !script || !window.Worker || !window.URLSearchParams || !window.history || !history.replaceState) return;

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
    var PAGE = 50; // incidents listed at once: enough to scan, light enough for a phone
    var $ = function (id) { return document.getElementById(id); };
    var WORDS = {};
    try { WORDS = JSON.parse(($("sr-words") || {}).textContent || "{}"); } catch (e) { WORDS = {}; }
    var FIGURES = WORDS.figures || {};
    var MONTHS = WORDS.months || [];
    var CLAIMS = WORDS.claims || {};
    // The data names groups by slug and countries by code; the page has their names.
    var NAMES = {};
    try { NAMES = JSON.parse(($("sr-names") || {}).textContent || "{}"); } catch (e) { NAMES = {}; }
    var COUNTRIES = NAMES.countries || {};

    var form = $("sr-filters");
    var controls = {};
    FIELDS.forEach(function (f) { controls[f[0]] = $(f[1]); });
    var list = $("sr-list");
    var more = $("sr-more");
    var moreWrap = $("sr-more-wrap");
    var groupsUrl = root.getAttribute("data-groups-url") || "";
    var countriesUrl = root.getAttribute("data-countries-url") || "";

    var data = null; // the worker, once it has read every incident
    var all = 0; // incidents of violence on the site
    var asked = 0; // the id of the latest question to the worker
    var total = 0; // matches of the latest answer
    var shownCount = 0;
    var lastSummary = "";

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

    /** A total the worker added up, as the site writes it. */
    function sumText(sum) {
      if (sum.reported === 0) return amount(null, null);
      return amount(sum.reported > sum.maximumOnly ? sum.low : null, sum.high);
    }

    /** "2024-09-17" -> "17 Sep 2024"; "2024-09" -> "Sep 2024"; "2024" stays. */
    function shortDate(iso) {
      var p = String(iso || "").split("-");
      var name = MONTHS[parseInt(p[1], 10) - 1];
      if (!name) return iso || "";
      return (p[2] ? parseInt(p[2], 10) + " " : "") + name + " " + p[0];
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

    /** One incident, the same markup as the theme's `incident` component. */
    function item(x) {
      var li = el("li");
      var art = el("article", x.development ? "incident incident-development" : "incident");
      var meta = el("p", "incident-meta");
      var time = el("time", null, shortDate(x.date));
      time.setAttribute("datetime", x.date);
      meta.appendChild(time);
      // The dots between date, countries and places are the stylesheet's.
      x.countries.forEach(function (code) {
        var c = COUNTRIES[code] || [code, ""];
        meta.appendChild(document.createTextNode(" "));
        meta.appendChild(c[1] ? link(countriesUrl + c[1] + "/", c[0]) : el("span", "place", c[0]));
      });
      if (x.places.length) {
        meta.appendChild(document.createTextNode(" "));
        meta.appendChild(el("span", "place", x.places.join(", ")));
      }
      if (x.development) {
        meta.appendChild(document.createTextNode(" "));
        meta.appendChild(el("span", "badge badge-development", WORDS.badge_development));
      }
      art.appendChild(meta);
      var h = el("h3", "incident-title");
      h.appendChild(link(x.url, x.title));
      art.appendChild(h);
      if (x.summary) art.appendChild(el("p", "incident-summary", x.summary));
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

    /** Appends `items` to the list; returns the first new item. */
    function append(items) {
      var frag = document.createDocumentFragment();
      var first = null;
      items.forEach(function (x) {
        var li = item(x);
        if (!first) first = li;
        frag.appendChild(li);
      });
      list.appendChild(frag);
      shownCount += items.length;
      var left = total - shownCount;
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

    /** The map as the page drew it (every incident, its clusters numbered and
        leading to their lists below it): shown whenever no filter is set. */
    var pageMap = null;
    var pageLists = null;
    var mapDrawn = false;

    /** Shows the page's own map again, as it came. */
    function restoreMap() {
      if (!mapDrawn || !pageMap) return;
      var lists = $("sr-map-places");
      if (lists) lists.remove();
      var map = pageMap.cloneNode(true);
      $("sr-map").replaceWith(map);
      if (pageLists) map.after(pageLists.cloneNode(true));
      mapDrawn = false;
    }

    /** Draws the map's circles for `places` (the worker's, newest incident
        first at each): one per place, sized as the site sizes them (area
        follows the confirmed killed, or the maximums, hollow, where only
        maximums were reported), linking to the newest incident there. The
        map's projection and sizing come from its SVG (`data-view`,
        `data-radius`); the names of places drawn for every incident go, and
        so do the page's numbered clusters and their lists. */
    var SVG = "http://www.w3.org/2000/svg";
    function drawMap(places) {
      var svg = document.querySelector("#sr-map svg.map[data-view]");
      if (!svg) return;
      if (!pageMap) {
        pageMap = $("sr-map").cloneNode(true);
        pageLists = $("sr-map-places") && $("sr-map-places").cloneNode(true);
      }
      mapDrawn = true;
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
      places.forEach(function (p) {
        var k = p.killed;
        p.hollow = k.reported > 0 && k.maximumOnly === k.reported;
        p.size = p.hollow ? k.high || 0 : k.low;
      });
      places.sort(function (a, b) { return b.size - a.size; });
      layer.textContent = "";
      places.forEach(function (p) {
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
      svg.setAttribute("data-places", String(places.length));
    }

    /** Shows the worker's answer to the filters `s`. */
    function show(s, answer) {
      total = answer.matches;
      list.textContent = "";
      shownCount = 0;
      append(answer.items);
      list.hidden = total === 0;
      $("sr-empty").hidden = total !== 0;

      var filtered = active(s);
      var killed = sumText(answer.killed);
      var injured = sumText(answer.injured);
      var violent = answer.violent;
      var developments = answer.developments;
      var summary = [violent, developments, filtered, killed, injured].join("|");
      if (summary !== lastSummary) {
        lastSummary = summary;
        setText("sr-count", thousands(violent));
        setText("sr-of", filtered ? WORDS.of + thousands(all) : "");
        setText("sr-noun", (filtered ? all : violent) === 1 ? WORDS.incident : WORDS.incidents);
        setText("sr-dev", thousands(developments));
        setText("sr-dev-noun", developments === 1 ? WORDS.development : WORDS.developments);
        $("sr-dev-part").hidden = developments === 0;
        setText("sr-killed", killed);
        setText("sr-injured", injured);
        $("sr-killed-part").hidden = answer.killed.reported === 0;
        $("sr-injured-part").hidden = answer.injured.reported === 0;
      }
      root.setAttribute("data-matches", String(total));
      if (answer.places) drawMap(answer.places);
      else restoreMap();
    }

    /** Asks the worker for the incidents the filters match; `push` also
        writes the filters into the address. */
    function update(push) {
      var s = read();
      var id = ++asked;
      var filtered = active(s);
      data.onmessage = function (e) {
        if (e.data.id === id) show(s, e.data);
      };
      data.postMessage({ id: id, filters: s, count: PAGE, places: filtered });

      if (push) {
        var q = new URLSearchParams();
        FIELDS.forEach(function (f) { if (s[f[0]]) q.set(f[0], s[f[0]]); });
        var qs = q.toString();
        var url = location.pathname + (qs ? "?" + qs : "") + location.hash;
        if (url !== location.pathname + location.search + location.hash) history.replaceState(history.state, "", url);
      }
    }

    /** Lists the next PAGE matches and moves the focus to the first of them. */
    function showMore() {
      var id = asked;
      data.onmessage = function (e) {
        if (e.data.id !== id) return;
        var first = append(e.data.items);
        var a = first && first.querySelector(".incident-title a");
        if (a) a.focus();
      };
      data.postMessage({ id: id, more: true, from: shownCount, count: PAGE });
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

    function ready(reader, answer) {
      data = reader;
      all = answer.all;
      if (answer.first) {
        controls.from.min = controls.to.min = answer.first;
        controls.from.max = controls.to.max = answer.last;
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
      more.addEventListener("click", showMore);
    }

    function failed() {
      $("sr-fallback").hidden = true;
      $("sr-error").hidden = false;
      $("sr-summary").hidden = true;
      form.hidden = true;
      root.removeAttribute("aria-busy");
    }

    /** Starts the worker, which reads every incident. */
    function start() {
      root.setAttribute("aria-busy", "true");
      $("sr-fallback").hidden = true;
      var reader;
      try {
        reader = new Worker(script);
      } catch (e) {
        failed();
        return;
      }
      reader.onmessage = function (e) {
        if (e.data.ready) ready(reader, e.data);
        else if (e.data.failed) failed();
      };
      reader.onerror = failed;
      var urls = (root.getAttribute("data-incidents") || "").split(/\s+/).filter(Boolean);
      reader.postMessage({
        load: {
          urls: urls.map(function (u) { return new URL(u, location.href).href; }),
          names: NAMES
        }
      });
    }

    // The data is asked for once the page has been drawn: the reader sees the
    // page, its totals and its map first, on a slow connection too.
    function afterPaint() {
      requestAnimationFrame(function () { setTimeout(start, 0); });
    }
    if (document.readyState === "complete") afterPaint();
    else window.addEventListener("load", afterPaint);
  }
})();
