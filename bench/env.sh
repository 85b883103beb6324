# Sourced by bench/run.sh and bench/pages.sh: the corpus generator and a
# release build of sitrep (with its examples).
#
# GENCORPUS=path/to/gencorpus.py selects the peer benchmark's generator (it
# writes the Hugo version of the same site); it defaults to
# ../shared/tools/bench/gencorpus.py when that exists.
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [ -z "${GENCORPUS:-}" ] && [ -f ../shared/tools/bench/gencorpus.py ]; then
  GENCORPUS="$(cd ../shared/tools/bench && pwd)/gencorpus.py"
fi
export GENCORPUS="${GENCORPUS:-}"
cargo build --release --quiet --examples --bin sitrep
