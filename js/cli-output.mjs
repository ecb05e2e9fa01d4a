// The `heymarket` CLI's output: human-readable answers (`key: value`
// lines, aligned tables), NDJSON, the progress line, and the one-line error
// with its exit code. Runtime-neutral: writes go through the streams passed in.

/** Exit codes by error code: 2 usage, 3 the API said no, 4 could not complete. */
const EXIT = {
  invalid_argument: 2,
  browser_not_allowed: 2,
  unauthorized: 3,
  forbidden: 3,
  not_found: 3,
  api_error: 3,
  invalid_response: 3,
  webhook_unauthorized: 3,
  webhook_invalid: 3,
  network: 4,
  timeout: 4,
  rate_limited: 4,
  server_error: 4,
  aborted: 4,
};

/** The exit code of an error: by its `code`, else 1 (a bug). */
export const exitCode = (err) => EXIT[err?.code] ?? 1;

const JWT = /\beyJ[\w-]*\.[\w-]+\.[\w-]*/g;

/**
 * `heymarket: <code>: <message> (request id …)` on one line, with any JWT
 * and any of `secrets` (strings of 4+ characters) blanked out.
 */
export function errorLine(err, secrets = []) {
  const known = typeof err?.code === "string" && Object.hasOwn(EXIT, err.code);
  const code = known ? err.code : "internal";
  let message = String(err?.message ?? err).replace(/\s*[\r\n]+\s*/g, " ").replace(JWT, "[jwt]");
  for (const s of secrets) if (typeof s === "string" && s.length >= 4) message = message.split(s).join("[redacted]");
  const id = known && typeof err.requestId === "string" && err.requestId ? ` (request id ${err.requestId})` : "";
  return `heymarket: ${code}: ${message}${id}\n`;
}

/** Control characters (newlines, escape sequences from API data) written as JSON escapes. */
const visible = (s) => s.replace(/[\u0000-\u001f\u007f]/g, (c) => JSON.stringify(c).slice(1, -1));
/** A value inside a line: strings as is (control characters escaped), everything else as JSON. */
const inline = (v) => (typeof v === "string" ? visible(v) : v === undefined ? "" : JSON.stringify(v));

/** An answer for people: objects as `key: value` lines, arrays as a table, strings as is. */
export function human(value) {
  if (Array.isArray(value)) {
    if (value.length && value.every((v) => v !== null && typeof v === "object" && !Array.isArray(v))) {
      const table = new Table();
      return table.rows(value) + table.end();
    }
    return value.map((v) => `${inline(v)}\n`).join("") || "(no items)\n";
  }
  if (value !== null && typeof value === "object") {
    const keys = Object.keys(value);
    if (!keys.length) return "{}\n";
    return keys.map((k) => `${k}: ${inline(value[k])}\n`).join("");
  }
  return `${inline(value)}\n`;
}

/** Candidate columns, in order; each picks the first key the items have. */
const COLUMNS = [
  ["id", "uuid"],
  ["name", "display_name", "title", "tag", "text", "question", "channel_id"],
  ["target", "phone", "email", "status", "color", "type", "channel_type"],
  ["updated", "date", "created", "execute_at"],
];
const MAX_WIDTH = 40;

const cell = (v) => (v === null || v === undefined ? "" : inline(v).replace(/[\u0000-\u001f\u007f]+/g, " "));
const cut = (s, w) => (s.length > w ? `${s.slice(0, w - 1)}…` : s);

/**
 * An aligned table written page by page: the columns and their widths come
 * from the first page (a later, longer value is cut with …).
 */
export class Table {
  #columns;
  #widths;
  #count = 0;

  /** The lines of a page of items (with the header before the first). */
  rows(items) {
    let out = "";
    if (!this.#columns && items.length) {
      const has = (k) => items.some((it) => it && Object.hasOwn(it, k));
      this.#columns = COLUMNS.map((group) => group.find(has)).filter(Boolean);
      if (!this.#columns.length) this.#columns = Object.keys(items[0] ?? {}).slice(0, 4);
      this.#widths = this.#columns.map((k) => Math.min(MAX_WIDTH, Math.max(k.length, ...items.map((it) => cell(it?.[k]).length))));
      out += this.#line(this.#columns);
    }
    for (const it of items) out += this.#line(this.#columns.map((k) => cell(it?.[k])));
    this.#count += items.length;
    return out;
  }

  /** What closes the table: a note when there were no items. */
  end() {
    return this.#count ? "" : "(no items)\n";
  }

  #line(cells) {
    const last = cells.length - 1;
    return `${cells.map((c, i) => (i === last ? cut(c, this.#widths[i]) : cut(c, this.#widths[i]).padEnd(this.#widths[i]))).join("  ").trimEnd()}\n`;
  }
}

/** Write and wait until the stream took it (so that an exit loses nothing). */
export function write(stream, text) {
  return new Promise((resolve) => {
    if (!text) return resolve();
    stream.write(text, () => resolve());
  });
}

/** The progress line on a terminal's stderr (nothing elsewhere). */
export class Progress {
  #stream;
  #shown = false;

  constructor(stream) {
    this.#stream = stream?.isTTY ? stream : null;
  }

  show(text) {
    if (!this.#stream) return;
    this.#stream.write(`\r\x1b[K${text}`);
    this.#shown = true;
  }

  clear() {
    if (!this.#stream || !this.#shown) return;
    this.#stream.write("\r\x1b[K");
    this.#shown = false;
  }
}

/**
 * Stream a Paginator to `out`: NDJSON (`json`) or a table, at most `limit`
 * items, a progress line on `err` while pages load.
 */
export async function streamList(paginator, { out, err, json, limit }) {
  const progress = new Progress(err);
  const table = new Table();
  let count = 0;
  let pages = 0;
  progress.show("loading page 1…");
  try {
    for await (const page of paginator.pages()) {
      pages++;
      const items = limit === undefined ? page : page.slice(0, limit - count);
      count += items.length;
      progress.clear();
      await write(out, json ? items.map((it) => `${JSON.stringify(it)}\n`).join("") : table.rows(items));
      if (limit !== undefined && count >= limit) break;
      progress.show(`${count} items, loading page ${pages + 1}…`);
    }
  } finally {
    progress.clear();
  }
  if (!json) await write(out, table.end());
  return count;
}
