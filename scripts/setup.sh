#!/usr/bin/env bash
# Install what building and testing need, idempotently: the wasm32 target, a
# wasm-bindgen CLI matching the crate exactly, wasm-pack, and the npm devDependencies
# (which bring esbuild and binaryen's wasm-opt). Needs only rustup/cargo and node/npm.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

need() { command -v "$1" >/dev/null 2>&1 || { echo "setup: '$1' is required ($2)" >&2; exit 1; }; }
need cargo "install Rust with rustup"
need node "install Node.js 20 or newer"
need npm "install Node.js 20 or newer"

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  echo "setup: adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

wbg=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)"$/\1/p' Cargo.toml)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$wbg" ]; then
  echo "setup: installing wasm-bindgen-cli $wbg (a few minutes, once)"
  cargo install wasm-bindgen-cli --version "$wbg" --locked --force \
    || cargo install wasm-bindgen-cli --version "$wbg" --force
fi

if ! command -v wasm-pack >/dev/null 2>&1; then
  echo "setup: installing wasm-pack (a few minutes, once)"
  cargo install wasm-pack --version 0.15.1 --locked || cargo install wasm-pack --locked
fi

# Bounded fuzzing (scripts/fuzz.sh) needs a nightly toolchain and cargo-fuzz.
# In CI they are installed where missing; elsewhere the fuzz step says it is
# skipped.
if [ -n "${CI:-}" ]; then
  if ! cargo +nightly --version >/dev/null 2>&1; then
    echo "setup: installing a nightly toolchain for cargo fuzz"
    rustup toolchain install nightly --profile minimal
  fi
  if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
    echo "setup: installing cargo-fuzz (a minute, once)"
    cargo install cargo-fuzz --version 0.13.2 --locked || cargo install cargo-fuzz --locked
  fi
fi

# The browser-guard test needs a real browser, and the shared rate-limit test
# a real Redis. In CI (root, Debian), install Debian's Chromium and
# redis-server where missing; elsewhere those tests say they are skipped.
if [ -n "${CI:-}" ] && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  missing=()
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing ${missing[*]} (Debian packages) for the browser and Redis tests"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
fi

stamp=node_modules/.package-lock.json
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
  echo "setup: installing npm devDependencies"
  npm ci --no-audit --no-fund --loglevel=error
fi
