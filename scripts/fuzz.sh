#!/usr/bin/env bash
# Coverage-guided fuzzing (libFuzzer through cargo-fuzz) of everything that
# reads data: JSON reader, decoder, view, CSV. Runs for SECONDS (default 60)
# from a seed corpus of the embedded default and the malformed-file corpus.
# Not part of the test command; findings land in fuzz/artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz
mkdir -p fuzz/corpus/parse
for f in data/dezhou.json tests/corpus/*.json; do { printf "\x40"; cat "$f"; } > "fuzz/corpus/parse/seed-$(basename "$f")"; done  # first byte: slice size
# cargo-fuzz passes nightly-only flags; RUSTC_BOOTSTRAP lets this machine's
# stable toolchain accept them. No sanitizer: we look for panics and hangs.
RUSTC_BOOTSTRAP=1 cargo fuzz run --sanitizer none parse fuzz/corpus/parse -- \
  -max_total_time="$seconds" -max_len=65536 -timeout=10
