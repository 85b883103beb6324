#!/usr/bin/env bash
# Page weight and Lighthouse (mobile) scores of every page type of the
# 10,000-briefing benchmark site: builds sitrep (release), then bench/pages.py
# builds the site, measures its pages and runs Lighthouse (npm; installed into
# target/bench/lighthouse when missing) in Debian's Chromium, and writes the
# "Page weight and Lighthouse" section of BENCHMARKS.md. A few minutes.
#
#   bench/pages.sh [--size 10000]
#
# GENCORPUS: as for bench/run.sh.
set -euo pipefail
source "$(dirname "$0")/env.sh"
exec python3 bench/pages.py target/release/sitrep "$@"
