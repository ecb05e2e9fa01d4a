#!/usr/bin/env bash
# Every test: Rust lint + native unit tests, the wasm build, then the JS
# suites against the packed tarball. `npm test` runs this after setup.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

step() { printf '\n== %s\n' "$*"; }

step "cargo fmt --check"
cargo fmt --all --check
step "cargo clippy -D warnings"
cargo clippy --workspace --all-targets --quiet -- -D warnings
cargo clippy --target wasm32-unknown-unknown --lib --quiet -- -D warnings
step "cargo test (native: JWT, URLs, retry policy, decoding, errors; property tests)"
cargo test --workspace --quiet

step "fuzzing, bounded (cargo fuzz on nightly: every target for ${FUZZ_SECONDS:-30} s from fuzz/corpus)"
if [ -n "${CI:-}" ] || cargo +nightly fuzz --version >/dev/null 2>&1; then
  bash scripts/fuzz.sh
else
  echo "skipped: no cargo-fuzz on a nightly toolchain here (CI installs it)"
fi

step "build (wasm-pack --target web + CommonJS bundles)"
bash scripts/build.sh

step "demo (the README's first command, against the mock)"
demo=$(node scripts/demo.mjs --mock)
tail -n 2 <<<"$demo"
grep -q "JWT verified by the mock" <<<"$demo"

step "JS suites on the packed tarball (Node $(node --version))"
node tests/run-js.mjs

step "soak: 100,000 mixed calls over HTTP (memory plateaus, no timer or socket left)"
node --expose-gc tests/soak.mjs

step "runtime matrix: Node 20/22/24, Bun, Deno, workerd; examples; tsc, publint, attw"
node tests/matrix/run.mjs

step "API reference (typedoc, warnings as errors)"
npx --no-install typedoc
node tests/docs.mjs

step "browser guard in headless Chromium"
node tests/browser/run.mjs

step "benchmarks, smoke mode (correctness of every candidate; no thresholds)"
node bench/run.mjs --smoke
