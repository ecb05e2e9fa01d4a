#!/usr/bin/env bash
# Build the wasm module (wasm-pack, --target web) and the CommonJS bundles.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

# Paths in panic locations: no build-machine path in the .wasm, and short ones
# (the registry's index folder name alone is 50 bytes, a dozen times over).
remap="'--remap-path-prefix=$HOME/.cargo=cargo','--remap-path-prefix=$PWD=.'"
for index in "$HOME"/.cargo/registry/src/*/; do remap+=",'--remap-path-prefix=${index%/}=crates'"; done
wasm-pack build --target web --release --out-dir pkg --no-pack --no-typescript -- --config "build.rustflags=[$remap]"
rm -f pkg/.gitignore pkg/package.json pkg/README.md

esbuild=node_modules/.bin/esbuild
common=(--bundle --platform=node --target=node20 --minify --keep-names --log-override:empty-import-meta=silent --log-override:duplicate-object-key=silent --log-level=warning)
# Node/Bun ESM: one module instead of four (entry, glue, snippet, classes) loads faster.
"$esbuild" js/node.mjs "${common[@]}" --format=esm --outfile=dist/node.mjs
common+=(--format=cjs)
"$esbuild" build/node.cjs.mjs "${common[@]}" --outfile=dist/node.cjs
"$esbuild" js/mock.mjs "${common[@]}" --outfile=dist/mock.cjs
"$esbuild" js/rate-limit-redis.mjs "${common[@]}" --outfile=dist/rate-limit-redis.cjs
echo "built: $(wc -c < pkg/heymarket_wasm_bg.wasm) B wasm, $(wc -c < pkg/heymarket_wasm.js) B glue"
# CommonJS type declarations for the "require" conditions (same API): every
# js/*.d.ts as dist/*.d.cts, its relative imports pointed at the .d.cts copies.
for f in js/*.d.ts; do
  sed -E 's#(from "\./[a-z0-9-]+)\.js"#\1.cjs"#' "$f" > "dist/$(basename "$f" .d.ts).d.cts"
done
