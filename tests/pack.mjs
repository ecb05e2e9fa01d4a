// Pack the package and install the tarball into a fresh temporary project,
// the way a user would. Prints nothing; returns paths.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync, readdirSync, cpSync, existsSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** `npm pack` the repo into `dir`; returns the tarball's path and file list. */
export function pack(dir = mkdtempSync(join(tmpdir(), "hm-pack-"))) {
  const out = execFileSync("npm", ["pack", "--json", "--pack-destination", dir], { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  const [info] = JSON.parse(out);
  return { tarball: join(dir, info.filename), files: info.files.map((f) => f.path), size: info.size, unpackedSize: info.unpackedSize };
}

/** A temp project with the tarball installed and `testDirs` copied into it. */
export function installProject({ tarball, copy = [] }) {
  const dir = mkdtempSync(join(tmpdir(), "hm-consumer-"));
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", "--offline", tarball], { cwd: dir, stdio: ["ignore", "ignore", "inherit"] });
  for (const [from, to] of copy) {
    const dest = join(dir, to);
    if (!existsSync(dest)) mkdirSync(dest, { recursive: true });
    for (const f of readdirSync(from)) cpSync(join(from, f), join(dest, f), { recursive: true });
  }
  return dir;
}
