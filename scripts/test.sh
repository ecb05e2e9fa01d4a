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
step "cargo test (native: JWT, URLs, retry policy, decoding, errors)"
cargo test --workspace --quiet

step "build (wasm-pack --target web + CommonJS bundles)"
bash scripts/build.sh

step "demo (the README's first command, against the mock)"
demo=$(node scripts/demo.mjs --mock)
tail -n 2 <<<"$demo"
grep -q "JWT verified by the mock" <<<"$demo"

step "JS suites on the packed tarball (Node $(node --version))"
node tests/run-js.mjs

step "runtime matrix: Node 20/22/24, Bun, Deno, workerd; examples; tsc, publint, attw"
node tests/matrix/run.mjs

step "API reference (typedoc, warnings as errors)"
npx --no-install typedoc
node tests/docs.mjs

step "browser guard in headless Chromium"
node tests/browser/run.mjs

step "benchmarks, smoke mode (correctness of every candidate; no thresholds)"
node bench/run.mjs --smoke
