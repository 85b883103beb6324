#!/usr/bin/env python3
"""The committed benchmark: full builds at 1k, 10k and 50k briefings, Hugo on
the same corpus when it can be made, and the edit-to-reload latency of
`sitrep serve` at 10k. Writes BENCHMARKS.md (the table, the commands, the
machine, the date). Run it through bench/run.sh, which builds sitrep first.

usage: run.py SITREP_BINARY [--sizes 1000,10000,50000] [--runs N] [--out BENCHMARKS.md]

Corpora: when GENCORPUS names the peer benchmark's generator (gencorpus.py,
the peer benchmark kit), it writes the sitrep and the Hugo versions
of one logical site; otherwise `cargo run --release --example synth` writes
the sitrep site (same shape) and Hugo is skipped. Hugo runs when `hugo` is on
PATH and a Hugo corpus exists.

Every build is whole-process, measured with /usr/bin/time -v (wall, user and
system CPU, peak resident memory), one warm-up run not counted, sitrep and Hugo
runs interleaved so both see the same machine; figures are medians.

Each run writes into a fresh output folder that nothing was ever written to,
after `sync`, and the outputs of earlier runs are deleted once, at the start,
followed by a pause of SETTLE seconds (default 310: ext4 treats an inode
deleted less than 60 s ago, or 300 s while its block is dirty, as
"recently deleted" and searches past it; 45 s proved too short). The peer figures time
`rm -rf OUT && build` instead; on ext4 that makes every build right after a
mass deletion pay for the file system's search for inodes that were not
recently deleted (`recently_deleted` in the kernel profile): a plain Python
loop making 10,000 folders with one file each takes 19 s there and 1.9 s
45 s later, on this machine. That cost says nothing about either tool.
"""
import argparse
import contextlib
import datetime
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def sh(cmd, **kw):
    return subprocess.run(cmd, shell=True, check=True, **kw)


def timed(cmd):
    """Runs `cmd` under /usr/bin/time -v after `sync`; returns (wall s, user s, system s, peak MiB)."""
    subprocess.run(["sync"], check=False)
    r = subprocess.run(["/usr/bin/time", "-v", "sh", "-c", cmd], capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"failed ({r.returncode}): {cmd}\n{r.stderr[-2000:]}")
    err = r.stderr

    def field(name):
        return re.search(rf"{re.escape(name)}: (.*)", err).group(1).strip()

    wall = field("Elapsed (wall clock) time (h:mm:ss or m:ss)")
    parts = [float(p) for p in wall.split(":")]
    seconds = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
    user, system = float(field("User time (seconds)")), float(field("System time (seconds)"))
    peak = int(field("Maximum resident set size (kbytes)")) / 1024
    return seconds, user, system, peak


def corpus(n, work):
    """Writes the sitrep (and, with GENCORPUS, Hugo) corpus of n briefings; returns (sitrep dir, hugo dir or None, how)."""
    gen = os.environ.get("GENCORPUS")
    sitrep_dir = os.path.join(work, f"sitrep-{n}")
    hugo_dir = os.path.join(work, f"hugo-{n}")
    if gen and os.path.exists(gen):
        # Hugo runs at 1k and 10k only (at 50k it takes minutes and gigabytes).
        wanted = [("sitrep", sitrep_dir)] + ([("hugo", hugo_dir)] if n <= 10000 else [])
        for fmt, d in wanted:
            if not os.path.exists(d):
                sh(f"python3 {gen} {fmt} {n} {d}", stdout=subprocess.DEVNULL)
        return sitrep_dir, hugo_dir if n <= 10000 else None, f"gencorpus.py {n}"
    if not os.path.exists(sitrep_dir):
        sh(f"cargo run --quiet --release --example synth -- {n} {sitrep_dir}", cwd=ROOT, stdout=subprocess.DEVNULL)
    return sitrep_dir, None, f"cargo run --release --example synth -- {n}"


def git_copy(site):
    """A copy of `site` in a git repository, as a desk's would be: the whole
    site in one commit, then 200 commits of one edited briefing each (so
    publication and update dates come from the history); returns its path."""
    repo = site + "-git"
    if os.path.exists(os.path.join(repo, ".git")):
        return repo
    shutil.rmtree(repo, ignore_errors=True)
    shutil.copytree(site, repo)
    env = dict(os.environ, GIT_AUTHOR_NAME="Desk", GIT_AUTHOR_EMAIL="desk@example.org",
               GIT_COMMITTER_NAME="Desk", GIT_COMMITTER_EMAIL="desk@example.org")
    git = lambda *a: subprocess.run(["git", "-C", repo, *a], check=True, env=env, stdout=subprocess.DEVNULL)  # noqa: E731
    git("init", "-q")
    git("add", "-A")
    git("commit", "-q", "-m", "the site")
    briefings = sorted(
        os.path.join(d, f) for d, _, fs in os.walk(os.path.join(repo, "content", "briefings")) for f in fs if f.endswith(".md")
    )
    for i, path in enumerate(briefings[:: max(1, len(briefings) // 200)][:200]):
        with open(path, "a", encoding="utf-8") as f:
            f.write(f"\nEdited in commit {i}.\n")
        git("commit", "-q", "-am", f"edit {i}")
    return repo


def median_row(samples):
    """(median wall, min wall, max wall, median cpu, median peak, median user, median system)."""
    walls, users, systems, peaks = zip(*samples)
    cpus = [u + s for u, s in zip(users, systems)]
    med = statistics.median
    return med(walls), min(walls), max(walls), med(cpus), med(peaks), med(users), med(systems)


def machine():
    cpu = "?"
    for line in open("/proc/cpuinfo", encoding="utf-8"):
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    mem = 0
    for line in open("/proc/meminfo", encoding="utf-8"):
        if line.startswith("MemTotal"):
            mem = int(line.split()[1]) / 1024 / 1024
    fs = subprocess.run(["df", "-T", ROOT], capture_output=True, text=True).stdout.splitlines()[-1].split()[1]
    return f"{os.cpu_count()} × {cpu}, {mem:.0f} GiB RAM, Linux {platform.release()}, {fs} file system"


def version(cmd):
    try:
        return subprocess.run(cmd, shell=True, capture_output=True, text=True).stdout.strip().splitlines()[0]
    except (IndexError, OSError):
        return "?"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("sitrep")
    ap.add_argument("--sizes", default="1000,10000,50000")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--edits", type=int, default=20)
    ap.add_argument("--work", default=os.path.join(ROOT, "target", "bench"))
    ap.add_argument("--out", default=os.path.join(ROOT, "BENCHMARKS.md"))
    ap.add_argument("--settle", type=int, default=int(os.environ.get("SETTLE", "310")))
    args = ap.parse_args()
    sitrep = os.path.abspath(args.sitrep)
    sizes = [int(s) for s in args.sizes.split(",")]
    os.makedirs(args.work, exist_ok=True)
    hugo = shutil.which("hugo")
    # The Pagefind CLI (bench/run.sh installs it from npm, the version sitrep's crate is).
    pagefind = os.environ.get("PAGEFIND") or None

    # Delete earlier outputs once, then let the file system settle (see above).
    removed = remove_outputs(args.work)
    sites = {n: corpus(n, args.work) for n in sizes}
    subprocess.run(["sync"], check=False)
    wait = args.settle - (time.time() - removed) if removed else 0
    if wait > 0:
        print(f"waiting {wait:.0f} s for the file system to settle", flush=True)
        time.sleep(wait)

    rows = {}  # (tool, n) -> median row
    how = {}
    for n in sizes:
        site, hugo_site, how[n] = sites[n]
        out = lambda tool, run: os.path.join(args.work, f"out-{tool}-{n}-{run}")  # noqa: E731
        commands = {"sitrep": lambda run: f"exec {sitrep} build --root {site} --output {out('sitrep', run)}"}
        if n == 10000 and shutil.which("git"):
            # The same site with its history in git: publication dates read from it.
            repo = git_copy(site)
            # Every run writes a fresh output folder, so each would start with no
            # record of the history (`build` keeps it beside the output): the
            # warm runs get a copy of the one the warm-up wrote, as a desk's
            # `output/` has from its previous build; the cold ones start bare,
            # as the first build after a clone does.
            record = lambda o: os.path.join(os.path.dirname(o), f".{os.path.basename(o)}.sitrep-history.json")  # noqa: E731
            warm_record = record(out("sitrep-git", "warmup"))
            commands["sitrep+git"] = lambda run: (
                f"{{ [ ! -f {warm_record} ] || cp {warm_record} {record(out('sitrep-git', run))}; }} && "
                f"exec {sitrep} build --root {repo} --output {out('sitrep-git', run)}"
            )
            commands["sitrep+git cold"] = lambda run: f"exec {sitrep} build --root {repo} --output {out('sitrep-git-cold', run)}"
        if hugo and hugo_site:
            commands["hugo"] = lambda run: f"exec hugo --quiet -s {hugo_site} -d {out('hugo', run)}"
            # sitrep's build includes its search index; Hugo's needs the Pagefind CLI after it.
            if n == 10000 and pagefind:
                commands["hugo + pagefind"] = lambda run: (
                    f"hugo --quiet -s {hugo_site} -d {out('hugo-pagefind', run)} && "
                    f"exec {pagefind} --silent --site {out('hugo-pagefind', run)}"
                )
        for name, cmd in commands.items():
            print(f"warm-up {name} {n}", flush=True)
            timed(cmd("warmup"))
        samples = {name: [] for name in commands}
        for run in range(args.runs):
            for name, cmd in commands.items():
                samples[name].append(timed(cmd(run)))
                print(f"{name} {n} run {run + 1}: {samples[name][-1]}", flush=True)
        for name in commands:
            rows[(name, n)] = median_row(samples[name])
        pages = sum(1 for _, _, fs in os.walk(out("sitrep", 0)) for f in fs if f == "index.html")
        rows[("pages", n)] = pages
        if n == 10000:
            # `check` renders every page but keeps none: it must need no more than a build.
            checks = [timed(f"exec {sitrep} check --root {site} 2>/dev/null") for _ in range(args.runs)]
            rows[("check", n)] = median_row(checks)
            # One more build that reports where its time goes.
            r = subprocess.run(
                [sitrep, "build", "--root", site, "--output", out("sitrep-timings", 0), "--timings"],
                capture_output=True,
                text=True,
            )
            rows[("timings", n)] = [l.strip() for l in r.stdout.splitlines() if re.match(r"^\s*[a-z ,()]+:\s+\d+ ms$", l)]

    if 10000 in sizes:
        bilingual(args, sitrep, hugo, pagefind, sites[10000], rows)
        pictures(args, sitrep, hugo, pagefind, sites[10000], rows)

    latency = None
    if 10000 in sizes:
        latency = serve_latency(sitrep, os.path.join(args.work, "sitrep-10000"), args.edits)
        bi = os.path.join(args.work, "sitrep-10000-bilingual")
        if os.path.exists(bi):
            rows[("latency", "bilingual")] = serve_latency(sitrep, bi, args.edits)
        pics = os.path.join(args.work, "sitrep-10000-pictures")
        if os.path.exists(pics):
            rows[("latency", "pictures")] = serve_latency(sitrep, pics, args.edits)

    write_report(args, sizes, rows, how, latency, sitrep, hugo)
    # Outputs run to tens of GiB: give the disk back now, not at the next run.
    remove_outputs(args.work)


def remove_outputs(work):
    """Delete the build outputs under WORK; return when outputs were last
    deleted (now, or as recorded by an earlier run), None when never."""
    marker = os.path.join(work, ".outputs-removed-at")
    stale = [os.path.join(work, d) for d in os.listdir(work) if d.startswith(("out-", ".out-"))]
    if stale:
        print(f"removing {len(stale)} build outputs", flush=True)
        for d in stale:
            if os.path.isdir(d):
                shutil.rmtree(d, ignore_errors=True)
            else:
                # Gone already (removed with its build): nothing to do.
                with contextlib.suppress(FileNotFoundError):
                    os.remove(d)
        with open(marker, "w") as f:
            f.write(str(time.time()))
    try:
        with open(marker) as f:
            return float(f.read())
    except (OSError, ValueError):
        return None


def serve_latency(sitrep, site, edits):
    """(median, min, max ms, peak MiB) of `sitrep serve`'s edit-to-reload on `site`, or None."""
    r = subprocess.run(
        [sys.executable, os.path.join(HERE, "serve_latency.py"), sitrep, site, str(edits)],
        capture_output=True,
        text=True,
        timeout=900,
    )
    print(r.stdout)
    m = re.search(r"median ([\d.]+) ms, min ([\d.]+), max ([\d.]+)", r.stdout)
    mem = re.search(r"serve peak memory: (\d+) MiB", r.stdout)
    if r.returncode == 0 and m and mem:
        return float(m.group(1)), float(m.group(2)), float(m.group(3)), int(mem.group(1))
    print(r.stderr, file=sys.stderr)
    return None


def bilingual(args, sitrep, hugo, pagefind, site, rows):
    """The 10k site in English and French, one briefing in five translated
    (bench/bilingual.py), built by sitrep and by Hugo (and, like for like
    with sitrep's search index, Hugo followed by the Pagefind CLI), interleaved."""
    sitrep_site, hugo_site, _ = site
    sys.path.insert(0, HERE)
    import bilingual as make  # noqa: E402

    bi = make.make_sitrep(sitrep_site)
    commands = {"sitrep": lambda o: f"exec {sitrep} build --root {bi} --output {o}"}
    if hugo and hugo_site:
        every, some = make.make_hugo(hugo_site, every=True), make.make_hugo(hugo_site)
        commands["hugo, every page in both languages"] = lambda o: f"exec hugo --quiet -s {every} -d {o}"
        commands["hugo, the translated pages only"] = lambda o: f"exec hugo --quiet -s {some} -d {o}"
        if pagefind:
            commands["hugo + pagefind, every page in both languages"] = (
                lambda o: f"hugo --quiet -s {every} -d {o} && exec {pagefind} --silent --site {o}"
            )
    out = lambda name, run: os.path.join(args.work, f"out-bilingual-{re.sub(r'[^a-z]+', '-', name)}-{run}")  # noqa: E731
    for name, cmd in commands.items():
        print(f"warm-up bilingual {name}", flush=True)
        timed(cmd(out(name, "warmup")))
    samples = {name: [] for name in commands}
    for run in range(args.runs):
        for name, cmd in commands.items():
            samples[name].append(timed(cmd(out(name, run))))
            print(f"bilingual {name} run {run + 1}: {samples[name][-1]}", flush=True)
    for name in commands:
        rows[(name, "bilingual")] = median_row(samples[name])
        rows[("pages " + name, "bilingual")] = sum(
            1 for _, _, fs in os.walk(out(name, 0)) for f in fs if f == "index.html"
        )


def pictures(args, sitrep, hugo, pagefind, site, rows):
    """The 10k site with a 2,000-pixel JPEG in one briefing in ten
    (`examples/pictures.rs`): one build with an empty picture cache (every
    picture encoded), then builds with the cache filled, interleaved with
    Hugo + the Pagefind CLI on the 10k site, so that the two are compared
    side by side (these runs come after the long cold build, minutes after
    the 10k runs, and the machine's speed drifts)."""
    sitrep_site, hugo_site = site[0], site[1]
    pics = os.path.join(args.work, "sitrep-10000-pictures")
    if not os.path.exists(pics):
        shutil.copytree(sitrep_site, pics)
        sh(f"{os.path.join(ROOT, 'target', 'release', 'examples', 'pictures')} {pics}")
    cache = os.path.join(pics, ".sitrep-cache")
    out = lambda name, run: os.path.join(args.work, f"out-pictures-{name}-{run}")  # noqa: E731
    # The cold build needs an empty cache. The filled one is set aside, not
    # deleted: the warm builds start about a minute later, and on ext4 a mass
    # deletion slows every file made in the next minutes (see the top). It
    # goes with the outputs, at the end.
    if os.path.exists(cache):
        os.rename(cache, out("old-cache", int(time.time())))
    print("pictures: cold build", flush=True)
    rows[("sitrep, empty picture cache", "pictures")] = median_row([timed(f"exec {sitrep} build --root {pics} --output {out('cold', 0)}")])
    timed(f"exec {sitrep} build --root {pics} --output {out('warm', 'warmup')}")
    beside = hugo and hugo_site and pagefind
    samples, peers = [], []
    for run in range(args.runs):
        samples.append(timed(f"exec {sitrep} build --root {pics} --output {out('warm', run)}"))
        print(f"pictures warm run {run + 1}: {samples[-1]}", flush=True)
        if beside:
            peer = out("hugo-pagefind", run)
            peers.append(timed(f"hugo --quiet -s {hugo_site} -d {peer} && exec {pagefind} --silent --site {peer}"))
            print(f"pictures: hugo + pagefind (10k) run {run + 1}: {peers[-1]}", flush=True)
    rows[("sitrep, picture cache filled", "pictures")] = median_row(samples)
    if peers:
        rows[("hugo + pagefind (10k), beside the warm builds", "pictures")] = median_row(peers)


def verdict(ok):
    return "met" if ok else "**missed**"


def write_report(args, sizes, rows, how, latency, sitrep, hugo):
    today = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        "# Benchmarks",
        "",
        "Written by `bench/run.sh` (do not edit by hand; rerun it). Every figure is a",
        "whole process measured from outside with `/usr/bin/time -v`, warm page cache,",
        f"one warm-up run not counted, then the **median** of {args.runs} runs [min–max wall];",
        "each run writes into a fresh output folder after `sync`; earlier outputs are",
        f"deleted once at the start, then a {args.settle} s pause (why: see `bench/run.py`).",
        "sitrep and Hugo runs are interleaved.",
        "",
        f"- Date: {today}",
        f"- Machine: {machine()}",
        f"- sitrep: {version(sitrep + ' --version')} (release build)",
        f"- Hugo: {version('hugo version') if hugo else 'not installed (Debian package `hugo`)'}",
        "",
        "## Full builds",
        "",
        "| site | tool | wall s | cpu s (user + system) | peak MiB | pages (`index.html`) | corpus |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for n in sizes:
        for tool in ("sitrep", "sitrep+git", "sitrep+git cold", "hugo", "hugo + pagefind"):
            if (tool, n) not in rows:
                continue
            wall, lo, hi, cpu, peak, user, system = rows[(tool, n)]
            pages = f"{rows[('pages', n)]:,}" if tool == "sitrep" else ""
            lines.append(
                f"| {n:,} | {tool} | **{wall:.2f}** [{lo:.2f}–{hi:.2f}] | {cpu:.2f} ({user:.2f} + {system:.2f}) "
                f"| {peak:,.0f} | {pages} | `{how[n]}` |"
            )
    bilingual_tools = [t for (t, n) in rows if n == "bilingual" and not t.startswith(("pages ", "latency"))]
    for tool in bilingual_tools:
        wall, lo, hi, cpu, peak, user, system = rows[(tool, "bilingual")]
        pages = rows.get(("pages " + tool, "bilingual"), 0)
        lines.append(
            f"| 10,000, English and French (1 in 5 translated) | {tool} | **{wall:.2f}** [{lo:.2f}–{hi:.2f}] "
            f"| {cpu:.2f} ({user:.2f} + {system:.2f}) | {peak:,.0f} | {pages:,} | `bench/bilingual.py` |"
        )
    for tool in [t for (t, n) in rows if n == "pictures" and not t.startswith("latency")]:
        wall, lo, hi, cpu, peak, user, system = rows[(tool, "pictures")]
        lines.append(
            f"| 10,000, 1 in 10 with a 2,000-px JPEG | {tool} | **{wall:.2f}** [{lo:.2f}–{hi:.2f}] "
            f"| {cpu:.2f} ({user:.2f} + {system:.2f}) | {peak:,.0f} |  "
            f"| {'`gencorpus.py 10000`' if tool.startswith('hugo') else '`examples/pictures.rs`'} |"
        )
    lines += ["", "## Targets", "", "| target | figure | |", "| --- | --- | --- |"]
    for n, what in ((10000, "10k"), (1000, "1k")):
        if ("sitrep", n) in rows and ("hugo", n) in rows:
            s, h = rows[("sitrep", n)], rows[("hugo", n)]
            lines.append(f"| {what}: wall ≤ 1/4 of Hugo's | {s[0] / h[0]:.2f} of Hugo's ({s[0]:.2f} s vs {h[0]:.2f} s) | {verdict(s[0] <= h[0] / 4)} |")
            if n == 10000:
                lines.append(f"| 10k: CPU ≤ 1/4 of Hugo's | {s[3] / h[3]:.2f} ({s[3]:.2f} s vs {h[3]:.2f} s) | {verdict(s[3] <= h[3] / 4)} |")
                lines.append(f"| 10k: peak memory ≤ 1/4 of Hugo's | {s[4] / h[4]:.2f} ({s[4]:,.0f} MiB vs {h[4]:,.0f} MiB) | {verdict(s[4] <= h[4] / 4)} |")
    if ("sitrep", 10000) in rows and ("hugo + pagefind", 10000) in rows:
        # Like for like: sitrep's build makes its search index; Hugo's site gets one from the Pagefind CLI.
        s, h = rows[("sitrep", 10000)], rows[("hugo + pagefind", 10000)]
        lines.append(f"| 10k with search: wall ≤ 1/4 of Hugo + Pagefind CLI | {s[0] / h[0]:.2f} ({s[0]:.2f} s vs {h[0]:.2f} s) | {verdict(s[0] <= h[0] / 4)} |")
        lines.append(f"| 10k with search: CPU ≤ 1/4 of Hugo + Pagefind CLI | {s[3] / h[3]:.2f} ({s[3]:.2f} s vs {h[3]:.2f} s) | {verdict(s[3] <= h[3] / 4)} |")
        lines.append(f"| 10k with search: peak memory ≤ 1/4 of Hugo + Pagefind CLI | {s[4] / h[4]:.2f} ({s[4]:,.0f} MiB vs {h[4]:,.0f} MiB) | {verdict(s[4] <= h[4] / 4)} |")
    if ("sitrep+git", 10000) in rows:
        s, g = rows[("sitrep", 10000)], rows[("sitrep+git", 10000)]
        extra = g[0] / s[0] - 1
        lines.append(
            f"| 10k: reading the git history adds < 10% to a build (with the record the previous build kept beside the output) "
            f"| {extra * 100:+.1f}% wall ({g[0]:.2f} s vs {s[0]:.2f} s; CPU {(g[3] / s[3] - 1) * 100:+.1f}%) | {verdict(extra < 0.10)} |"
        )
    if ("sitrep+git cold", 10000) in rows:
        s, g = rows[("sitrep", 10000)], rows[("sitrep+git cold", 10000)]
        lines.append(
            f"| 10k: the same, first build after a clone (no record: every commit diffed) "
            f"| {(g[0] / s[0] - 1) * 100:+.1f}% wall ({g[0]:.2f} s vs {s[0]:.2f} s; CPU {(g[3] / s[3] - 1) * 100:+.1f}%) | figure only |"
        )
    if ("check", 10000) in rows:
        c, b = rows[("check", 10000)], rows[("sitrep", 10000)]
        # The same pipeline with a sink that keeps nothing: peaks differ only by
        # how the two threads interleave, a few MiB from run to run (3% allowed).
        lines.append(
            f"| 10k: `check` peak memory no more than `build`'s (within 3%, the run-to-run spread) "
            f"| {c[4]:,.0f} MiB vs {b[4]:,.0f} MiB ({c[0]:.2f} s wall) | {verdict(c[4] <= b[4] * 1.03)} |"
        )
    if latency:
        med, lo, hi, mem = latency
        lines.append(f"| serve at 10k: edit → reload ≤ 100 ms (median of {args.edits}) | {med:.0f} ms [{lo:.0f}–{hi:.0f}] | {verdict(med <= 100)} |")
        lines.append(f"| serve at 10k: memory < 1 GiB | {mem:,} MiB peak | {verdict(mem < 1024)} |")
    if ("sitrep", "bilingual") in rows:
        s = rows[("sitrep", "bilingual")]
        h = rows.get(("hugo, every page in both languages", "bilingual"))
        if h:
            lines.append(f"| bilingual 10k: wall ≤ 1/4 of Hugo's (every page in both languages) | {s[0] / h[0]:.2f} ({s[0]:.2f} s vs {h[0]:.2f} s) | {verdict(s[0] <= h[0] / 4)} |")
            lines.append(f"| bilingual 10k: CPU ≤ 1/4 of Hugo's | {s[3] / h[3]:.2f} ({s[3]:.2f} s vs {h[3]:.2f} s) | {verdict(s[3] <= h[3] / 4)} |")
            lines.append(f"| bilingual 10k: peak memory ≤ 1/4 of Hugo's | {s[4] / h[4]:.2f} ({s[4]:,.0f} MiB vs {h[4]:,.0f} MiB) | {verdict(s[4] <= h[4] / 4)} |")
        h = rows.get(("hugo + pagefind, every page in both languages", "bilingual"))
        if h:
            # Like for like, as at 10k: sitrep's build makes a search index per language.
            lines.append(f"| bilingual 10k with search: wall ≤ 1/4 of Hugo (every page) + Pagefind CLI | {s[0] / h[0]:.2f} ({s[0]:.2f} s vs {h[0]:.2f} s) | {verdict(s[0] <= h[0] / 4)} |")
            lines.append(f"| bilingual 10k with search: CPU ≤ 1/4 of Hugo (every page) + Pagefind CLI | {s[3] / h[3]:.2f} ({s[3]:.2f} s vs {h[3]:.2f} s) | {verdict(s[3] <= h[3] / 4)} |")
            lines.append(f"| bilingual 10k with search: peak memory ≤ 1/4 of Hugo (every page) + Pagefind CLI | {s[4] / h[4]:.2f} ({s[4]:,.0f} MiB vs {h[4]:,.0f} MiB) | {verdict(s[4] <= h[4] / 4)} |")
        h = rows.get(("hugo, the translated pages only", "bilingual"))
        if h:
            lines.append(
                f"| bilingual 10k, against Hugo building only the translated French pages (fewer pages) "
                f"| wall {s[0] / h[0]:.2f}, CPU {s[3] / h[3]:.2f}, memory {s[4] / h[4]:.2f} of Hugo's | figure only |"
            )
    if rows.get(("latency", "bilingual")):
        med, lo, hi, mem = rows[("latency", "bilingual")]
        lines.append(f"| serve at bilingual 10k: edit → reload ≤ 100 ms (median of {args.edits}) | {med:.0f} ms [{lo:.0f}–{hi:.0f}] | {verdict(med <= 100)} |")
        lines.append(f"| serve at bilingual 10k: memory < 1 GiB | {mem:,} MiB peak | {verdict(mem < 1024)} |")
    if ("sitrep, picture cache filled", "pictures") in rows and ("hugo", 10000) in rows:
        warm, cold, h = rows[("sitrep, picture cache filled", "pictures")], rows[("sitrep, empty picture cache", "pictures")], rows[("hugo", 10000)]
        lines.append(f"| pictures 10k, cache filled: wall ≤ 1/4 of Hugo's 10k | {warm[0] / h[0]:.2f} ({warm[0]:.2f} s vs {h[0]:.2f} s) | {verdict(warm[0] <= h[0] / 4)} |")
        lines.append(f"| pictures 10k, cache filled: CPU ≤ 1/4 of Hugo's 10k | {warm[3] / h[3]:.2f} ({warm[3]:.2f} s vs {h[3]:.2f} s) | {verdict(warm[3] <= h[3] / 4)} |")
        lines.append(f"| pictures 10k, cache filled: peak memory ≤ 1/4 of Hugo's 10k | {warm[4] / h[4]:.2f} ({warm[4]:,.0f} MiB vs {h[4]:,.0f} MiB) | {verdict(warm[4] <= h[4] / 4)} |")
        # Hugo + Pagefind run beside the warm builds, when they were.
        hp = rows.get(("hugo + pagefind (10k), beside the warm builds", "pictures")) or rows.get(("hugo + pagefind", 10000))
        if hp:
            lines.append(f"| pictures 10k, cache filled, with search: wall ≤ 1/4 of Hugo + Pagefind CLI (10k) | {warm[0] / hp[0]:.2f} ({warm[0]:.2f} s vs {hp[0]:.2f} s) | {verdict(warm[0] <= hp[0] / 4)} |")
            lines.append(f"| pictures 10k, cache filled, with search: CPU ≤ 1/4 of Hugo + Pagefind CLI (10k) | {warm[3] / hp[3]:.2f} ({warm[3]:.2f} s vs {hp[3]:.2f} s) | {verdict(warm[3] <= hp[3] / 4)} |")
            lines.append(f"| pictures 10k, cache filled, with search: peak memory ≤ 1/4 of Hugo + Pagefind CLI (10k) | {warm[4] / hp[4]:.2f} ({warm[4]:,.0f} MiB vs {hp[4]:,.0f} MiB) | {verdict(warm[4] <= hp[4] / 4)} |")
        lines.append(f"| pictures 10k, empty cache: every picture encoded (reported apart) | {cold[0]:.2f} s wall, {cold[3]:.2f} s CPU, {cold[4]:,.0f} MiB | figure only |")
    if rows.get(("latency", "pictures")):
        med, lo, hi, mem = rows[("latency", "pictures")]
        lines.append(f"| serve at pictures 10k: edit not touching a picture → reload ≤ 100 ms (median of {args.edits}) | {med:.0f} ms [{lo:.0f}–{hi:.0f}] | {verdict(med <= 100)} |")
        lines.append(f"| serve at pictures 10k: memory < 1 GiB | {mem:,} MiB peak | {verdict(mem < 1024)} |")
    scale = [n for n in sizes if ("sitrep", n) in rows]
    if len(scale) >= 2:
        per = [f"{n:,}: {rows[('sitrep', n)][3] / n * 1000:.3f} ms" for n in scale]
        base = rows[("sitrep", scale[0])][3] / scale[0]
        worst = max(rows[("sitrep", n)][3] / n / base for n in scale)
        lines.append(
            f"| cost grows linearly (CPU per briefing) | {'; '.join(per)} "
            f"| {verdict(worst <= 1.5)} (largest {worst:.2f}× the smallest site's) |"
        )
    if rows.get(("timings", 10000)):
        lines += ["", "## Where a 10k build's time goes", "", "One more build with `--timings` (its phases, as it prints them):", "", "```"]
        lines += rows[("timings", 10000)]
        lines += ["```"]
    lines += [
        "",
        "Serve latency: `bench/serve_latency.py` copies the 10k site, starts `sitrep serve`,",
        "listens to the page's reload events over a real socket, rewrites the oldest",
        "briefing's title, and times from the write to the `reload` event; it then",
        "fetches the briefing's page and fails if it is stale. Memory is the server's",
        "peak resident set (`VmHWM`) after the edits.",
        "",
        "## Commands",
        "",
        "```sh",
        "bench/run.sh                      # all of the above; GENCORPUS=path/to/gencorpus.py for the Hugo corpus",
        f"{' '.join(['bench/run.sh', '--sizes', ','.join(map(str, sizes)), '--runs', str(args.runs)])}",
        "```",
        "",
        "Timed commands, with `W=target/bench`:",
        "",
        "```sh",
        "sitrep build --root $W/sitrep-N --output $W/out-sitrep-N-RUN",
        "sitrep build --root $W/sitrep-10000-git --output $W/out-sitrep-git-10000-RUN   # the site in git: 1 + 200 commits; the warm-up's history record copied beside the output",
        "sitrep build --root $W/sitrep-10000-git --output $W/out-sitrep-git-cold-10000-RUN   # no record of the history: every commit diffed",
        "sitrep check --root $W/sitrep-10000",
        "sitrep build --root $W/sitrep-10000 --output $W/out-sitrep-timings-10000-0 --timings",
        "hugo --quiet -s $W/hugo-N -d $W/out-hugo-N-RUN",
        "hugo --quiet -s $W/hugo-10000 -d $W/out-hugo-pagefind-10000-RUN && pagefind --silent --site $W/out-hugo-pagefind-10000-RUN   # Pagefind CLI 1.6.0 from npm",
        "python3 bench/bilingual.py $W/sitrep-10000 $W/hugo-10000   # the bilingual corpus",
        "sitrep build --root $W/sitrep-10000-bilingual --output $W/out-bilingual-sitrep-RUN",
        "hugo --quiet -s $W/hugo-10000-bilingual-every -d $W/out-bilingual-hugo-every-...-RUN",
        "hugo --quiet -s $W/hugo-10000-bilingual-every -d $W/out-bilingual-hugo-pagefind-every-...-RUN && pagefind --silent --site $W/out-bilingual-hugo-pagefind-every-...-RUN",
        "hugo --quiet -s $W/hugo-10000-bilingual -d $W/out-bilingual-hugo-the-translated-...-RUN",
        "target/release/examples/pictures $W/sitrep-10000-pictures   # a copy of the 10k site: 1 briefing in 10 gets a 2,000-px JPEG",
        "sitrep build --root $W/sitrep-10000-pictures --output $W/out-pictures-cold-0   # after rm -rf its .sitrep-cache",
        "sitrep build --root $W/sitrep-10000-pictures --output $W/out-pictures-warm-RUN",
        "hugo -s $W/hugo-10000 -d $W/out-pictures-hugo-pagefind-RUN && pagefind --site $W/out-pictures-hugo-pagefind-RUN   # after each warm run",
        f"python3 bench/serve_latency.py target/release/sitrep $W/sitrep-10000 {args.edits}",
        f"python3 bench/serve_latency.py target/release/sitrep $W/sitrep-10000-bilingual {args.edits}",
        f"python3 bench/serve_latency.py target/release/sitrep $W/sitrep-10000-pictures {args.edits}",
        "```",
        "",
    ]
    # The page weight and Lighthouse section is bench/pages.py's: kept as it is.
    start, end = "<!-- pages:start -->", "<!-- pages:end -->"
    old = open(args.out, encoding="utf-8").read() if os.path.exists(args.out) else ""
    if start in old and end in old:
        lines += ["", old[old.index(start) : old.index(end) + len(end)], ""]
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
