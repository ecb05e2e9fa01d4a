// Lists: v2, and the deprecated v1 family (`lists.v1`). Re-exported by
// index.d.ts.
//
// Phone fields take any common format ("+1 (415) 555-0123", "14155550123";
// ten digits need the client's `defaultCountryCode`) and are sent as E.164
// digits without "+"; see `normalizePhone`.
import type { APIPromise, CreateResult, DateCursorParams, Paginator, RequestOptions } from "./types-common.js";
import type { List, ListMemberName } from "./types-objects.js";

/** `lists.create` params. */
export interface ListCreateParams {
  title: string;
  /** Stable client key against duplicates. Generated (UUID v4) when absent. */
  local_id?: string;
  /** `"contacts"`: an omnichannel contact list; leave out for a phone-number list. */
  type?: string;
  /** Contact ids. */
  contacts?: readonly number[];
  /** Any common format; sent as E.164 digits. Unknown numbers become contacts. */
  phones?: readonly string[];
  emails?: readonly string[];
}

/** `lists.update` params. */
export interface ListUpdateParams {
  title?: string;
  /** Contact ids; replaces all members. */
  contacts?: readonly number[];
  add_contacts?: readonly number[];
  remove_contacts?: readonly number[];
  /** Any common format; sent as E.164 digits. */
  add_phones?: readonly string[];
  /** Any common format; sent as E.164 digits. */
  remove_phones?: readonly string[];
  add_emails?: readonly string[];
  remove_emails?: readonly string[];
}

/** `lists.delete` params. */
export interface ListDeleteParams {
  contact_ids?: readonly number[];
}

/** What `lists.delete` answers. */
export interface ListDeleteResult {
  deleted?: boolean;
  id?: number;
  [key: string]: unknown;
}

/** `lists.v1.create` params. */
export interface ListV1CreateParams {
  title: string;
  /** Phone → `{f, l}`. */
  targets?: Record<string, ListMemberName>;
  /** Phone → `{f, l}`. */
  members?: Record<string, ListMemberName>;
  local_id?: string;
}

/** `lists.v1.update` params (field set from third-party material). */
export interface ListV1UpdateParams {
  title?: string;
  /** Any common format; sent as E.164 digits. */
  add_phone?: readonly string[];
  /** Any common format; sent as E.164 digits. */
  remove_phone?: readonly string[];
  /** Phone → `{f, l}`. */
  members?: Record<string, ListMemberName>;
}

/** `lists.v1.list` params. */
export type ListV1ListParams = DateCursorParams;

/**
 * `hm.lists.v1`: the v1 list family. Heymarket says to use `/v2/lists`, and
 * may remove it; it is the only way to read lists.
 *
 * @deprecated The v1 list family: Heymarket says to use `/v2/lists`, and may remove it.
 */
export interface ListsV1Api {
  /**
   * Create a list (v1). The answer's shape is undocumented.
   *
   * `POST /v1/list`. Retry: only on 429 or a connection refused before sending.
   *
   * @deprecated Use `lists.create`.
   * @example
   * ```ts
   * await hm.lists.v1.create({ title: "Newsletter", members: { "14155551234": { f: "Ada", l: "Lovelace" } } });
   * ```
   */
  create(params: ListV1CreateParams, options?: RequestOptions): APIPromise<Partial<CreateResult>>;
  /**
   * A list with its members (`targets`).
   *
   * `GET /v1/list/{id}`. Retry: idempotent.
   * Experimental: this endpoint is seen in a single source only.
   *
   * @experimental
   * @deprecated The v1 list family may be removed; no v2 read exists yet.
   * @example
   * ```ts
   * const list = await hm.lists.v1.get(77);
   * console.log(list.name, Object.keys(list.targets ?? {}).length, "members");
   * ```
   */
  get(id: number, options?: RequestOptions): APIPromise<List>;
  /**
   * Rename a list (v1) or change its members. The answer's shape is undocumented.
   *
   * `PUT /v1/list/{id}`. Retry: idempotent.
   *
   * @deprecated Use `lists.update`.
   * @example
   * ```ts
   * await hm.lists.v1.update(77, { add_phone: ["+1 415 555 1234"], remove_phone: ["+1 415 555 6789"] });
   * ```
   */
  update(id: number, params?: ListV1UpdateParams, options?: RequestOptions): APIPromise<unknown>;
  /**
   * Delete a list (v1). The answer's shape is undocumented.
   *
   * `DELETE /v1/list/{id}`. Retry: idempotent.
   * Experimental: this endpoint is seen in a single source only.
   *
   * @experimental
   * @deprecated Use `lists.delete`.
   * @example
   * ```ts
   * await hm.lists.v1.delete(77);
   * ```
   */
  delete(id: number, options?: RequestOptions): APIPromise<unknown>;
  /**
   * The team's lists, newest update first.
   *
   * `POST /v1/lists`. Retry: idempotent. Paging: each next page sends
   * `date` = the last list's `updated`; stops at an empty page.
   * Experimental: this endpoint is seen in a single source only.
   *
   * @experimental
   * @deprecated The v1 list family may be removed; no v2 list exists yet.
   * @example
   * ```ts
   * for await (const list of hm.lists.v1.list()) console.log(list.id, list.name);
   * ```
   */
  list(params?: ListV1ListParams, options?: RequestOptions): Paginator<List>;
}

/** `hm.lists`: lists (v2). Broadcast to one with `messages.send({ list_id, … })`. */
export interface ListsApi {
  /** @deprecated The v1 list family, the only way to read lists. */
  readonly v1: ListsV1Api;
  /**
   * Create a list. Answers `{id, rev, uuid}` with `local_id`.
   *
   * `POST /v2/lists`. Retry: a `local_id` (UUID v4) is generated when absent
   * (and set on the result if the answer lacks it); then retried like a GET.
   *
   * @example
   * ```ts
   * const list = await hm.lists.create({ title: "VIP", phones: ["+1 415 555 1234", "+1 415 555 6789"] });
   * await hm.messages.send({ inbox_id: 101, creator_id: 55, list_id: list.id, text: "Doors open at 9." });
   * ```
   */
  create(params: ListCreateParams, options?: RequestOptions): APIPromise<CreateResult & { local_id: string }>;
  /**
   * Rename a list or change its members. Answers `{id, rev}`.
   *
   * `PUT /v2/lists/{id}`. Retry: idempotent.
   *
   * @example
   * ```ts
   * await hm.lists.update(77, { add_phones: ["+1 415 555 1234"], remove_contacts: [4242] });
   * ```
   */
  update(id: number, params?: ListUpdateParams, options?: RequestOptions): APIPromise<CreateResult>;
  /**
   * Delete a list (its contacts stay).
   *
   * `DELETE /v2/lists/{id}`. Retry: idempotent.
   *
   * @example
   * ```ts
   * const { deleted } = await hm.lists.delete(77);
   * ```
   */
  delete(id: number, params?: ListDeleteParams, options?: RequestOptions): APIPromise<ListDeleteResult>;
}
