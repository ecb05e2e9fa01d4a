#!/usr/bin/env bash
# Bounded coverage-guided fuzzing (cargo fuzz on nightly): every target in
# fuzz/ for FUZZ_SECONDS (default 30) from the seed corpus in fuzz/corpus/.
# New inputs go to a temporary directory (the repo's corpus is only read);
# a crash fails the run and leaves its input in fuzz/artifacts/<target>/.
# Prints one line per target: executions, seconds, corpus size.
# FUZZ_MERGE=1 merges what was found back into fuzz/corpus/ (then commit it).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
seconds=${FUZZ_SECONDS:-30}
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
  echo "fuzz: cargo-fuzz on a nightly toolchain is needed (scripts/setup.sh installs it in CI)" >&2
  exit 1
fi
summary=()
for target in $(cargo +nightly fuzz list --fuzz-dir fuzz); do
  seeds="fuzz/corpus/$target"
  mkdir -p "$seeds"
  work=$(mktemp -d)
  log=$(mktemp)
  # -s none: the code is safe Rust (unsafe_code = "forbid"); debug assertions catch overflow.
  if ! cargo +nightly fuzz run --fuzz-dir fuzz -s none -a "$target" "$work" "$seeds" -- \
      -max_total_time="$seconds" -rss_limit_mb=2048 -max_len=4096 -print_final_stats=1 >"$log" 2>&1; then
    tail -n 60 "$log" >&2
    echo "fuzz: $target FAILED (input saved under fuzz/artifacts/$target/)" >&2
    exit 1
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  corpus=$(find "$work" "$seeds" -type f | wc -l)
  summary+=("fuzz: $target: ${runs:-?} executions in ${seconds} s, no crash, corpus $corpus inputs")
  if [ -n "${FUZZ_MERGE:-}" ]; then
    cp -n "$work"/* "$seeds"/ 2>/dev/null || true
    cargo +nightly fuzz cmin --fuzz-dir fuzz -s none "$target" "$seeds" >/dev/null 2>&1
  fi
  rm -rf "$work" "$log"
done
printf '%s\n' "${summary[@]}"
