#!/usr/bin/env python3
"""Page weight and Lighthouse scores of every page type of a built site.

usage: pages.py SITREP_BINARY [--size 10000] [--out BENCHMARKS.md] [--work DIR]

Builds the benchmark's site of SIZE briefings (the same corpus bench/run.py
times, made when missing) with sitrep into WORK/pages-out, then:
- page weight: the size of every HTML page (the largest, how many are over
  300 KB) and of one page of each type;
- Lighthouse (npm `lighthouse`, installed into WORK/lighthouse when missing;
  Chromium from Debian's `chromium` package), mobile with its default
  simulated throttling, performance and accessibility, on one page of each
  type served over HTTP by Python's http.server, text gzip-compressed as
  static hosts serve it (GitHub Pages, Netlify, Cloudflare Pages, nginx with
  `gzip on`): the largest page of its type, where pages of a type differ in
  size.

Writes the results between the `pages` markers of BENCHMARKS.md (bench/run.py
keeps that section when it rewrites the file). Run it through
bench/pages.sh, which builds sitrep first.
"""
import argparse
import datetime
import gzip
import io
import http.server
import json
import os
import shutil
import socketserver
import subprocess
import sys
import threading

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
START, END = "<!-- pages:start -->", "<!-- pages:end -->"
LIMIT = 300 * 1024


def chromium():
    for path in (os.environ.get("CHROMIUM_PATH"), "/usr/bin/chromium", "/usr/bin/chromium-browser"):
        if path and os.path.exists(path):
            return path
    sys.exit("no Chromium: install the Debian package `chromium` (or set CHROMIUM_PATH)")


def lighthouse(work):
    binary = os.path.join(work, "lighthouse", "node_modules", ".bin", "lighthouse")
    if not os.path.exists(binary):
        os.makedirs(os.path.join(work, "lighthouse"), exist_ok=True)
        subprocess.run(["npm", "install", "--silent", "--prefix", os.path.join(work, "lighthouse"), "lighthouse@12"], check=True)
    return binary


def pages_of(out):
    """Every HTML page: its path under `out` (`briefings/x/index.html`) and size."""
    found = {}
    for folder, _, files in os.walk(out):
        for f in files:
            if f.endswith(".html"):
                path = os.path.join(folder, f)
                found[os.path.relpath(path, out)] = os.path.getsize(path)
    return found


def kind_of(page):
    parts = page.split("/")
    if page == "index.html":
        return "home"
    head = parts[0]
    if head in ("briefings", "groups", "countries", "chronology", "tags", "tactics", "targets"):
        if len(parts) == 2:
            return {"chronology": "chronology index"}.get(head, f"{head} index")
        if head == "countries" and len(parts) >= 4 and parts[2] != "page":
            return "region"
        if head == "chronology":
            return "year"
        return {"briefings": "briefing", "groups": "group", "countries": "country"}.get(head, "term")
    if head in ("search", "explorer", "data", "corrections"):
        return head
    return None


class Quiet(http.server.SimpleHTTPRequestHandler):
    """Serves the site's files, text gzip-compressed when the browser asks."""

    TEXT = (".html", ".css", ".js", ".json", ".svg", ".xml", ".csv", ".geojson", ".txt", ".pf_meta")

    def log_message(self, *args):
        pass

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        gzipped = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (gzipped and path.endswith(self.TEXT) and os.path.isfile(path)):
            return super().send_head()
        if not self.path.split("?")[0].endswith("/") and os.path.isdir(self.translate_path(self.path)):
            return super().send_head()  # the redirect to the folder's address
        with open(path, "rb") as f:
            body = gzip.compress(f.read(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def serve(out):
    handler = lambda *a, **k: Quiet(*a, directory=out, **k)  # noqa: E731
    httpd = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("sitrep")
    ap.add_argument("--size", type=int, default=10000)
    ap.add_argument("--out", default=os.path.join(ROOT, "BENCHMARKS.md"))
    ap.add_argument("--work", default=os.path.join(ROOT, "target", "bench"))
    args = ap.parse_args()
    os.makedirs(args.work, exist_ok=True)
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from run import corpus  # the benchmark's corpus, made the same way

    args.site = corpus(args.size, args.work)[0]
    out = os.path.join(args.work, "pages-out")
    shutil.rmtree(out, ignore_errors=True)
    # Served from the root: the site's own base path is replaced.
    subprocess.run([args.sitrep, "build", "--root", args.site, "--output", out, "--base-url", "http://127.0.0.1/"],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    sizes = pages_of(out)
    briefings = sum(1 for p in sizes if p.startswith("briefings/") and p.count("/") == 2)
    largest = max(sizes.items(), key=lambda kv: kv[1])
    over = sum(1 for s in sizes.values() if s > LIMIT)
    by_kind = {}
    for page, size in sizes.items():
        kind = kind_of(page)
        if kind and (kind not in by_kind or size > by_kind[kind][1]):
            by_kind[kind] = (page, size)

    binary, chrome = lighthouse(args.work), chromium()
    httpd = serve(out)
    port = httpd.server_address[1]
    rows = []
    for kind in sorted(by_kind):
        page, size = by_kind[kind]
        url = f"http://127.0.0.1:{port}/{page[:-len('index.html')] if page.endswith('index.html') else page}"
        report = os.path.join(args.work, "lighthouse-report.json")
        subprocess.run([binary, url, f"--chrome-path={chrome}", "--chrome-flags=--headless=new --no-sandbox",
                        "--only-categories=performance,accessibility", "--output=json",
                        f"--output-path={report}", "--quiet"], check=True)
        with open(report, encoding="utf-8") as f:
            r = json.load(f)
        score = lambda c: round(100 * (r["categories"][c]["score"] or 0))  # noqa: E731
        audit = r["audits"]
        rows.append((kind, page, size, score("performance"), score("accessibility"),
                     audit["largest-contentful-paint"]["displayValue"], int(audit["dom-size"]["numericValue"]),
                     int(audit["total-byte-weight"]["numericValue"])))
        print(f"{kind}: {rows[-1][3:]}", flush=True)
    httpd.shutdown()

    version = subprocess.run([binary, "--version"], capture_output=True, text=True).stdout.strip()
    today = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        START,
        "## Page weight and Lighthouse",
        "",
        f"Written by `bench/pages.sh` on {today}: the site at `{os.path.relpath(args.site, ROOT)}` "
        f"({briefings:,} briefings, {len(sizes):,} HTML pages), Lighthouse {version}, mobile, simulated throttling, text served gzip-compressed as static hosts serve it; "
        "for each page type, its largest page.",
        "",
        f"- Largest HTML page: `{largest[0]}`, {largest[1] / 1024:,.0f} KB; pages over 300 KB: **{over}**",
        f"- Performance ≥ 95 on every type: **{'met' if all(r[3] >= 95 for r in rows) else 'missed'}**; "
        f"accessibility 100 on every type: **{'met' if all(r[4] == 100 for r in rows) else 'missed'}**",
        "",
        "| page type | page | HTML | performance | accessibility | largest paint | DOM elements | bytes loaded |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for kind, page, size, perf, a11y, lcp, dom, total in rows:
        lines.append(f"| {kind} | `{page}` | {size / 1024:,.0f} KB | {perf} | {a11y} | {lcp} | {dom:,} | {total / 1024:,.0f} KB |")
    lines.append(END)
    section = "\n".join(lines)
    text = open(args.out, encoding="utf-8").read() if os.path.exists(args.out) else ""
    if START in text and END in text:
        text = text[: text.index(START)] + section + text[text.index(END) + len(END):]
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(text)
    shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    main()
