// Generic handlers of the mock's route table, one per kind of endpoint
// (create / get / update / remove / list / count / action), parameterised by
// the collection and a field spec, plus the request validation they share.
//
// A field spec is a space-separated list of `name[!]:type` (`!` = required;
// a `null` counts as absent). Types: int, str, bool, phone (E.164 digits
// without `+`), time (RFC 3339), obj, arr, json (anything), intish (an
// integer or a string of digits), `T[]` (an array of T), `a|b|c` (one of).

import { ApiError, badData, notFound, paginate, countItems, parseTime } from "./mock-store.mjs";

export const present = (v) => v !== undefined && v !== null;
export const isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
export const isPhone = (v) => typeof v === "string" && /^[1-9]\d{6,14}$/.test(v);
const isUuid = (v) => typeof v === "string" && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);

const TYPES = {
  int: [Number.isInteger, "an integer"],
  intish: [(v) => Number.isInteger(v) || (typeof v === "string" && /^\d+$/.test(v)), "an integer"],
  str: [(v) => typeof v === "string", "a string"],
  bool: [(v) => typeof v === "boolean", "a boolean"],
  phone: [isPhone, "phone digits without + (E.164, e.g. 14155550123)"],
  time: [(v) => typeof v === "string" && !Number.isNaN(safeTime(v)), "an RFC 3339 timestamp"],
  obj: [isObject, "an object"],
  arr: [Array.isArray, "an array"],
  json: [() => true, "JSON"],
};
function safeTime(v) {
  try {
    return parseTime(v, "");
  } catch {
    return NaN;
  }
}

/** `[check, description]` of a type name. */
function typeOf(type) {
  if (type.endsWith("[]")) {
    const [each, what] = typeOf(type.slice(0, -2));
    return [(v) => Array.isArray(v) && v.every(each), `an array of ${what.replace(/^an? /, "")}s`];
  }
  if (type.includes("|")) {
    const values = type.split("|");
    return [(v) => values.includes(v), `one of ${values.join(", ")}`];
  }
  const known = TYPES[type];
  if (!known) throw new TypeError(`mock: unknown field type ${type}`);
  return known;
}

const specCache = new Map();
function parseSpec(spec = "") {
  if (!specCache.has(spec)) {
    const fields = spec.split(/\s+/).filter(Boolean).map((token) => {
      const [raw, type = "json"] = token.split(":");
      const required = raw.endsWith("!");
      return { name: required ? raw.slice(0, -1) : raw, required, type, check: typeOf(type) };
    });
    specCache.set(spec, fields);
  }
  return specCache.get(spec);
}

/** Check `value` (an object) against a spec; field names prefixed with `prefix` in messages. */
export function checkFields(value, spec, prefix = "") {
  for (const f of parseSpec(spec)) {
    const v = value[f.name];
    if (!present(v)) {
      if (f.required) throw badData(`${prefix}${f.name} is required`);
      continue;
    }
    if (!f.check[0](v)) throw badData(`${prefix}${f.name} must be ${f.check[1]}`);
  }
  return value;
}

/** At least one of the space-separated `names` present (exactly one with `exclusive`). */
function checkOneOf(value, names, exclusive) {
  const list = names.split(" ");
  const given = list.filter((n) => present(value[n]));
  if (!given.length) throw badData(`one of ${list.join(", ")} is required`);
  if (exclusive && given.length > 1) throw badData(`only one of ${list.join(", ")} may be given (got ${given.join(", ")})`);
}

/** Read query parameters: strings converted to the spec's types. */
function readQuery(search, spec) {
  const out = {};
  for (const f of parseSpec(spec)) {
    const many = f.type.endsWith("[]");
    const raw = many ? search.getAll(f.name) : search.get(f.name);
    if (raw === null || (many && !raw.length)) continue;
    const base = many ? f.type.slice(0, -2) : f.type;
    const convert = (s) => (base === "int" && /^-?\d+$/.test(s) ? Number(s) : base === "bool" && (s === "true" || s === "false") ? s === "true" : s);
    out[f.name] = many ? raw.map(convert) : convert(raw);
  }
  return checkFields(out, spec);
}

/**
 * Validate a request against `rules`: `body` (field spec of a JSON-object
 * body), `array` + `items` (the body is an array named `array`, each item
 * checked against `items`), `query` (field spec of the query string), `one`
 * (exactly one of these), `any` (at least one), `check(body, ctx)` (extra).
 * Returns the body; `ctx.q` gets the parsed query.
 */
export function validate(ctx, rules) {
  ctx.q = readQuery(ctx.query, rules.query);
  let body = ctx.body;
  if (rules.array) {
    if (!Array.isArray(body)) throw badData(`the body must be a JSON array of ${rules.array}`);
    body.forEach((item, i) => {
      if (!rules.items) return;
      if (!isObject(item)) throw badData(`${rules.array}[${i}] must be an object`);
      checkFields(item, rules.items, `${rules.array}[${i}].`);
    });
  } else {
    body ??= {};
    if (!isObject(body)) throw badData("the body must be a JSON object");
    checkFields(body, rules.body);
    if (rules.one) checkOneOf(body, rules.one, true);
    if (rules.any) checkOneOf(body, rules.any, false);
  }
  rules.check?.(body, ctx);
  return body;
}

/** The record a path addresses: `{id}` (integer) or `{contactID}` (UUID); 404 otherwise. */
export function addressed(ctx, kind, key = "id") {
  const { params, store } = ctx;
  if (key === "uuid") {
    const uuid = params.contactID ?? "";
    return store.get(kind, isUuid(uuid) ? uuid.toLowerCase() : null, "uuid");
  }
  return store.get(kind, /^\d+$/.test(params.id ?? "") ? Number(params.id) : NaN);
}

const same = (x) => x;
export const idRevUuid = (rec) => ({ id: rec.id, rev: rec.rev, uuid: rec.uuid });
export const idRev = (rec) => ({ id: rec.id, rev: rec.rev });
const keyOf = (o, body) => (typeof o.key === "function" ? o.key(body) : o.key ?? "updated");
const filtered = (ctx, kind, o, body) => (o.filter ? ctx.store[kind].filter((r) => o.filter(r, body, ctx)) : ctx.store[kind]);

/**
 * A record built by `o.build(body, ctx, { id, uuid, at })` is stored and
 * answered by `o.answer` (default `{id, rev, uuid}`). With `o.dedup`, a
 * repeated `local_id` stores nothing and answers the first answer again.
 */
export const create = (kind, o) => (ctx) => {
  const body = validate(ctx, o);
  const { store } = ctx;
  const dedupKey = o.dedup && typeof body.local_id === "string" && body.local_id ? `${ctx.name}\n${body.local_id}` : null;
  if (dedupKey && store.dedup.has(dedupKey)) return structuredClone(store.dedup.get(dedupKey));
  const rec = store.insert(kind, o.build(body, ctx, { id: store.nextId(kind), uuid: store.uuid(), at: store.stamp() }));
  const answer = structuredClone((o.answer ?? idRevUuid)(rec, ctx));
  if (dedupKey) store.dedup.set(dedupKey, answer);
  return answer;
};

export const get = (kind, o = {}) => (ctx) => {
  validate(ctx, o);
  return (o.view ?? same)(addressed(ctx, kind, o.key));
};

/** `o.apply(rec, body, ctx)` then rev/updated/op bumped; answered by `o.answer` (default `{id, rev}`). */
export const update = (kind, o) => (ctx) => {
  const body = validate(ctx, o);
  const rec = addressed(ctx, kind, o.key);
  o.apply(rec, body, ctx);
  ctx.store.touch(rec);
  return (o.answer ?? idRev)(rec, ctx);
};

export const remove = (kind, o = {}) => (ctx) => {
  validate(ctx, o);
  const rec = ctx.store.remove(kind, addressed(ctx, kind, o.key));
  return typeof o.answer === "function" ? o.answer(rec) : o.answer ?? "ok";
};

/** One page under `o.cursor` (see `paginate`), items sorted by `o.key` (default `updated`). */
export const list = (kind, o) => (ctx) => {
  const body = validate(ctx, o);
  return paginate(filtered(ctx, kind, o, body), { cursor: o.cursor, key: keyOf(o, body), body }).map(o.view ?? same);
};

export const count = (kind, o) => (ctx) => {
  const body = validate(ctx, o);
  const n = countItems(filtered(ctx, kind, o, body), { key: keyOf(o, body), field: o.field ?? "date", body });
  return (o.answer ?? same)(n);
};

/** Anything else: `o.run(body, ctx)` after validation. */
export const action = (o) => (ctx) => o.run(validate(ctx, o), ctx);

/** Wrap route rows into `route()` handlers: JSON in, `{status, json}` out. */
export function toHandlers(rows, store) {
  return rows.map((row) => ({
    method: row.method,
    pattern: row.path,
    handler: async (params, request, raw) => {
      try {
        let body;
        if (raw !== null && raw.trim() !== "") {
          try {
            body = JSON.parse(raw);
          } catch {
            throw badData("the body is not valid JSON");
          }
        }
        const ctx = { name: row.name, params, query: new URL(request.url).searchParams, body, store, request };
        return { json: await row.run(ctx) };
      } catch (e) {
        if (e instanceof ApiError) return { status: e.status, json: { error: e.code, message: e.message } };
        return { status: 500, json: { error: "server_error", message: `mock ${row.name} failed: ${e?.message ?? e}` } };
      }
    },
  }));
}

export { badData, notFound };
