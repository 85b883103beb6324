#!/usr/bin/env bash
# The benchmark: builds sitrep (release), then bench/run.py times full builds
# at 1k, 10k and 50k briefings (and Hugo on the same corpus when `hugo` and
# the peer corpus generator are there), measures `serve` latency at 10k, and
# writes BENCHMARKS.md. About 20 minutes with --sizes 1000,10000 on 2 cores;
# the 50,000-briefing site adds to that.
#
#   bench/run.sh [--sizes 1000,10000,50000] [--runs 3] [--edits 20]
#
# GENCORPUS=path/to/gencorpus.py selects the peer benchmark's generator (it
# writes the Hugo version of the same site); it defaults to
# ../shared/tools/bench/gencorpus.py when that exists. Without it the sites
# come from `cargo run --release --example synth` and Hugo is not run.
set -euo pipefail
source "$(dirname "$0")/env.sh"
# sitrep's build makes a search index; Hugo's is compared with the Pagefind
# CLI run after it: the version of sitrep's pagefind crate, from npm.
cli=target/bench/pagefind-cli/node_modules/.bin/pagefind
if [ ! -x "$cli" ] && command -v npm >/dev/null; then
  npm install --silent --no-audit --no-fund --prefix target/bench/pagefind-cli pagefind@1.6.0 || true
fi
if [ -x "$cli" ]; then export PAGEFIND="$PWD/$cli"; fi
exec python3 bench/run.py target/release/sitrep "$@"
