#!/usr/bin/env bash
# Runs one libFuzzer target of answer-eval for a given time.
#
#   Scripts/fuzz.sh TARGET SECONDS [libFuzzer option…]
#   Scripts/fuzz.sh answer 600            # bytes → analysis → report (JSON, XML, text, Markdown)
#   Scripts/fuzz.sh rubric 600            # bytes → YAML → rubric or cue pack
#   Scripts/fuzz.sh answer 0 -runs=0 crash-…   # replay one input (a crash, or a file of Fuzz/corpus)
#
# The targets live in the separate package Fuzz/ (so `swift build` and `swift test` never build them) and are
# built in release mode with libFuzzer and AddressSanitizer into the scratch path .build-fuzz. Seeds are the
# committed Fuzz/corpus/TARGET/ and the inputs of past findings in Fixtures/fuzz/TARGET/ (each with a regression
# test); what the fuzzer finds grows .build-fuzz/corpus/TARGET/, and crashes, leaks, timeouts and slow inputs
# land in .build-fuzz/artifacts/TARGET/. Each input may take at most 10 s.
# Run it niced on a shared machine: nice -n 10 Scripts/fuzz.sh answer 600
set -euo pipefail
cd "$(dirname "$0")/.."

usage() {
  echo "usage: Scripts/fuzz.sh answer|rubric SECONDS [libFuzzer option…]" >&2
  exit 64
}
[ $# -ge 2 ] || usage
target=$1
seconds=$2
shift 2
case "$target" in
  answer) product=FuzzAnswer max_len=8192 ;;
  rubric) product=FuzzRubric max_len=65536 ;;  # the largest bundled pack, a seed, is 36 KB
  *) usage ;;
esac
[[ "$seconds" =~ ^[0-9]+$ ]] || usage

scratch=.build-fuzz
# `--sanitize fuzzer` makes SwiftPM leave the entry point to libFuzzer's main; swiftc takes only its last
# -sanitize= option, so both sanitizers are named once more, together, after it. C targets get both as well.
swift build --package-path Fuzz --scratch-path "$scratch" -c release --product "$product" --sanitize fuzzer \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xcc -fsanitize=address >&2

work="$scratch/corpus/$target"
artifacts="$scratch/artifacts/$target"
mkdir -p "$work" "$artifacts"
options=(-timeout=10 -max_len="$max_len" -artifact_prefix="$artifacts/" -dict="Fuzz/dictionaries/$target.dict" -print_final_stats=1)
if [ "$seconds" -gt 0 ]; then options+=(-max_total_time="$seconds"); fi
# Options after the seconds come last, so they win; file arguments (to replay) replace the corpus folders.
if [ $# -gt 0 ] && [ -e "${!#}" ]; then
  exec "$scratch/release/$product" "${options[@]}" "$@"
fi
# The grown corpus first (libFuzzer adds to it), then the committed seeds and past findings (Fixtures/fuzz).
corpora=("$work" "Fuzz/corpus/$target")
if [ -d "Fixtures/fuzz/$target" ]; then corpora+=("Fixtures/fuzz/$target"); fi
exec "$scratch/release/$product" "${options[@]}" "$@" "${corpora[@]}"
