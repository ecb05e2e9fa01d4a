// Contacts v1 (integer ids) and custom fields; v2 (UUIDs and channels) is in
// ./types-contacts-v2.d.ts. Re-exported by index.d.ts.
//
// Phone fields take any common format ("+1 (415) 555-0123", "14155550123";
// ten digits need the client's `defaultCountryCode`) and are sent as E.164
// digits without "+"; see `normalizePhone`. Positional arrays (batch
// creates) are the request body as given: their phones are not normalised.
import type { APIPromise, CreateResult, ExactlyOne, Paginator, RequestOptions } from "./types-common.js";
import type { Contact, ContactFieldResult, ContactStatus } from "./types-objects.js";

/** A tag on a contact (at most 5). */
export interface ContactTagRef {
  tag_id: number;
}

/** The contact fields of `contacts.create` and `contacts.update`. */
export interface ContactCreateParams {
  /** Required for create and update (any common format; sent as E.164 digits). */
  phone: string;
  first?: string;
  last?: string;
  /** Defaults to first + last. */
  display_name?: string;
  email?: string;
  /** Custom field values keyed by the field's numeric id as a string (`{"123": "Premium"}`); titles are silently dropped. */
  custom?: Record<string, unknown>;
  /** Image URL. */
  avatar?: string;
  /** Owner; `-1` unassigns. */
  assignee_id?: number;
  /** At most 5. */
  tags?: readonly ContactTagRef[];
  is_opted_out?: boolean;
  /** E-mail suppression ids (generated schema only). */
  email_suppressions?: readonly number[];
}

/**
 * `contacts.update` params. An update overwrites the fields you leave out
 * (names always): read the contact first to change one field.
 */
export interface ContactUpdateParams extends ContactCreateParams {
  /** Query string. `true` replaces all custom fields; `false` (default) merges them. */
  overwrite?: boolean;
}

/** The contact key of `contacts.lookup`, `contacts.status` and `contacts.setStatus`: give exactly one. */
export interface ContactKey {
  /** Any common format; sent as E.164 digits. */
  phone: string;
  /** The contact's integer id. */
  id: number;
}

/** `contacts.lookup` params. */
export type ContactLookupParams = ExactlyOne<ContactKey>;
/** `contacts.status` params. */
export type ContactStatusParams = ExactlyOne<ContactKey>;

/** The statuses `contacts.setStatus` sets. */
export type ContactStatusValue = "active" | "blocked" | "unblocked" | "subscribed" | "unsubscribed";

/** `contacts.setStatus` params. */
export type ContactSetStatusParams = { status: ContactStatusValue } & ExactlyOne<ContactKey>;

/** `contacts.count` params. */
export interface ContactCountParams {
  /** RFC 3339: contacts updated before it. */
  date?: string;
  archived?: boolean;
  assigned?: number;
  filter?: string;
  parent_id?: number;
}

/** `contacts.list` params. */
export interface ContactListParams extends ContactCountParams {
  /** Page size; default 30. */
  limit?: number;
  order?: string;
  ascending?: boolean;
}

/** `contacts.batchCreate` params. */
export interface ContactBatchCreateParams {
  /** Query string. Update contacts whose phone exists (default: skip them). */
  overwrite?: boolean;
}

/** A custom field to create. */
export interface ContactFieldInput {
  title: string;
}

/** `hm.contacts.fields`: custom contact fields. */
export interface ContactFieldsApi {
  /**
   * The custom field definitions. The answer's shape is undocumented.
   *
   * `POST /v1/contact-fields`. Retry: idempotent.
   *
   * @example
   * ```ts
   * const fields = await hm.contacts.fields.list();
   * ```
   */
  list(options?: RequestOptions): APIPromise<unknown>;
  /**
   * Create custom fields; the array is the request body.
   *
   * `POST /v1/contacts/fields`. Retry: only on 429 or a connection refused before sending.
   *
   * @example
   * ```ts
   * const [plan] = await hm.contacts.fields.create([{ title: "Plan" }]);
   * await hm.contacts.update(4242, { phone: "+1 415 555 1234", custom: { [String(plan.id)]: "Premium" } });
   * ```
   */
  create(fields: readonly ContactFieldInput[], options?: RequestOptions): APIPromise<ContactFieldResult[]>;
}

/** `hm.contacts`: contacts by integer id, and custom fields (`contacts.fields`). */
export interface ContactsApi {
  /** Custom contact fields. */
  readonly fields: ContactFieldsApi;
  /**
   * Create a contact. Answers `{id, rev, uuid}`.
   *
   * `POST /v1/contact`. Retry: only on 429 or a connection refused before sending.
   *
   * @example
   * ```ts
   * const { id, uuid } = await hm.contacts.create({ phone: "+1 415 555 1234", first: "Ada", last: "Lovelace", email: "ada@example.com" });
   * ```
   */
  create(params: ContactCreateParams, options?: RequestOptions): APIPromise<CreateResult>;
  /**
   * A contact by its integer id.
   *
   * `GET /v1/contact/{id}`. Retry: idempotent.
   *
   * @example
   * ```ts
   * const contact = await hm.contacts.get(4242);
   * console.log(contact.display_name, contact.phone);
   * ```
   */
  get(id: number, options?: RequestOptions): APIPromise<Contact>;
  /**
   * Replace a contact's fields; see {@link ContactUpdateParams}. Answers `{id, rev, uuid}`.
   *
   * `PUT /v1/contact/{id}` (`?overwrite=` from `overwrite`). Retry: idempotent.
   *
   * @example
   * ```ts
   * await hm.contacts.update(4242, { phone: "+1 415 555 1234", first: "Ada", last: "King", overwrite: false });
   * ```
   */
  update(id: number, params: ContactUpdateParams, options?: RequestOptions): APIPromise<CreateResult>;
  /**
   * Delete a contact for good (its history too). Answers a string (`"ok"`).
   *
   * `DELETE /v1/contact/{id}`. Retry: idempotent.
   *
   * @example
   * ```ts
   * await hm.contacts.delete(4242);
   * ```
   */
  delete(id: number, options?: RequestOptions): APIPromise<string>;
  /**
   * A contact by phone or by id.
   *
   * `POST /v1/contact/get`. Retry: idempotent.
   *
   * @example
   * ```ts
   * const contact = await hm.contacts.lookup({ phone: "+1 415 555 1234" });
   * ```
   */
  lookup(params: ContactLookupParams, options?: RequestOptions): APIPromise<Contact>;
  /**
   * Contacts, newest update first.
   *
   * `POST /v1/contacts`. Retry: idempotent. Paging: each next page sends
   * `date` = the last contact's `updated`; stops at an empty page.
   *
   * @example
   * ```ts
   * for await (const contact of hm.contacts.list({ archived: false, limit: 100 })) console.log(contact.id, contact.display_name);
   * ```
   */
  list(params?: ContactListParams, options?: RequestOptions): Paginator<Contact>;
  /**
   * Count contacts. The answer's shape is undocumented.
   *
   * `POST /v1/contacts/count`. Retry: idempotent.
   *
   * @example
   * ```ts
   * const count = await hm.contacts.count({ archived: false });
   * ```
   */
  count(params?: ContactCountParams, options?: RequestOptions): APIPromise<unknown>;
  /**
   * A contact's messaging status (opted out, blocked).
   *
   * `POST /v1/contact/status`. Retry: idempotent.
   *
   * @example
   * ```ts
   * const { blocked, unsubscribed } = await hm.contacts.status({ phone: "+1 415 555 1234" });
   * ```
   */
  status(params: ContactStatusParams, options?: RequestOptions): APIPromise<ContactStatus>;
  /**
   * Block, unblock, subscribe or unsubscribe a contact. Answers a string (`"success"`).
   *
   * `POST /v1/contact/set_status`. Retry: only on 429 or a connection refused before sending.
   *
   * @example
   * ```ts
   * await hm.contacts.setStatus({ id: 4242, status: "unsubscribed" });
   * ```
   */
  setStatus(params: ContactSetStatusParams, options?: RequestOptions): APIPromise<string>;
  /**
   * Create many contacts; the array is the request body, sent as given (phones
   * not normalised: give E.164 digits). Answers `"ok"` when all succeeded,
   * else the contacts that failed.
   *
   * `POST /v1/batch/contacts` (`?overwrite=` from `overwrite`). Retry: only on 429 or a connection refused before sending.
   *
   * @example
   * ```ts
   * const result = await hm.contacts.batchCreate([{ phone: "14155551234", first: "Ada" }, { phone: "14155556789", first: "Grace" }], { overwrite: true });
   * if (result !== "ok") console.log("failed:", result);
   * ```
   */
  batchCreate(contacts: readonly ContactCreateParams[], params?: ContactBatchCreateParams, options?: RequestOptions): APIPromise<string | Contact[]>;
}
