// Contacts: v1 (integer ids), custom fields, v2 (UUIDs and channels).
// Re-exported by index.d.ts.
//
// Phone fields take any common format ("+1 (415) 555-0123", "14155550123";
// ten digits need the client's `defaultCountryCode`) and are sent as E.164
// digits without "+"; see `normalizePhone`. Positional arrays (batch
// creates, bulk upserts) are the request body as given: their phones are not
// normalised.
import type { CreateResult, ExactlyOne, Paginator, RequestOptions } from "./types-common.js";
import type { Contact, ContactChannel, ContactFieldResult, ContactStatus, ContactV2 } from "./types-objects.js";

// ---- v1 ---------------------------------------------------------------------

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

export interface ContactFieldsApi {
  /**
   * The custom field definitions. The answer's shape is undocumented.
   *
   * `POST /v1/contact-fields`. Retry: idempotent.
   */
  list(options?: RequestOptions): Promise<unknown>;
  /**
   * Create custom fields; the array is the request body.
   *
   * `POST /v1/contacts/fields`. Retry: only on 429 or a connection refused before sending.
   */
  create(fields: readonly ContactFieldInput[], options?: RequestOptions): Promise<ContactFieldResult[]>;
}

export interface ContactsApi {
  /** Custom contact fields. */
  readonly fields: ContactFieldsApi;
  /**
   * `POST /v1/contact`. Answers `{id, rev, uuid}`.
   * Retry: only on 429 or a connection refused before sending.
   */
  create(params: ContactCreateParams, options?: RequestOptions): Promise<CreateResult>;
  /** `GET /v1/contact/{id}`. Retry: idempotent. */
  get(id: number, options?: RequestOptions): Promise<Contact>;
  /**
   * Replace a contact's fields; see {@link ContactUpdateParams}. Answers `{id, rev, uuid}`.
   *
   * `PUT /v1/contact/{id}`. Retry: idempotent.
   */
  update(id: number, params: ContactUpdateParams, options?: RequestOptions): Promise<CreateResult>;
  /**
   * Delete a contact for good (its history too). Answers a string (`"ok"`).
   *
   * `DELETE /v1/contact/{id}`. Retry: idempotent.
   */
  delete(id: number, options?: RequestOptions): Promise<string>;
  /**
   * A contact by phone or by id.
   *
   * `POST /v1/contact/get`. Retry: idempotent.
   */
  lookup(params: ContactLookupParams, options?: RequestOptions): Promise<Contact>;
  /**
   * Contacts, newest update first.
   *
   * `POST /v1/contacts`. Retry: idempotent. Paging: each next page sends
   * `date` = the last contact's `updated`; stops at an empty page.
   */
  list(params?: ContactListParams, options?: RequestOptions): Paginator<Contact>;
  /**
   * Count contacts. The answer's shape is undocumented.
   *
   * `POST /v1/contacts/count`. Retry: idempotent.
   */
  count(params?: ContactCountParams, options?: RequestOptions): Promise<unknown>;
  /**
   * A contact's messaging status (opted out, blocked).
   *
   * `POST /v1/contact/status`. Retry: idempotent.
   */
  status(params: ContactStatusParams, options?: RequestOptions): Promise<ContactStatus>;
  /**
   * Block, unblock, subscribe or unsubscribe a contact. Answers a string (`"success"`).
   *
   * `POST /v1/contact/set_status`. Retry: only on 429 or a connection refused before sending.
   */
  setStatus(params: ContactSetStatusParams, options?: RequestOptions): Promise<string>;
  /**
   * Create many contacts; the array is the request body, sent as given.
   * Answers `"ok"` when all succeeded, else the contacts that failed.
   *
   * `POST /v1/batch/contacts`. Retry: only on 429 or a connection refused before sending.
   */
  batchCreate(contacts: readonly ContactCreateParams[], params?: ContactBatchCreateParams, options?: RequestOptions): Promise<string | Contact[]>;
}

// ---- v2 ---------------------------------------------------------------------

/** The channel types of `contactsV2.channels`. */
export type ContactChannelType = "phone" | "email" | "facebook" | "instagram" | "whatsapp";

/** A channel of a contact, as the v2 create, update and bulk bodies take it. */
export interface ContactChannelInput {
  /** `"phone"`, `"email"`, `"facebook"`, … */
  channel_type: ContactChannelType | (string & {});
  /** The phone (E.164 digits), address or handle; not normalised. */
  channel_id: string;
}

/** `contactsV2.create` params. */
export interface ContactV2CreateParams {
  /** At least one. */
  contact_channels: readonly ContactChannelInput[];
  first?: string;
  last?: string;
  display_name?: string;
  email?: string;
  /** Custom field values keyed by the field's numeric id as a string. */
  custom?: Record<string, unknown>;
  avatar?: string;
  assignee_id?: number;
  tags?: readonly ContactTagRef[];
  is_opted_out?: boolean;
}

/** `contactsV2.update` params. */
export interface ContactV2UpdateParams extends Partial<ContactV2CreateParams> {
  /** Any common format; sent as E.164 digits. */
  phone?: string;
  email_suppressions?: readonly number[];
}

/** A channel entry of a bulk upsert element. */
export interface ContactChannelBulkInput {
  channel_type?: ContactChannelType | (string & {});
  channel_id?: string;
  channel_ids?: readonly string[];
  channel_handle?: string;
  info_channel?: unknown;
}

/** An element of `contactsV2.bulkUpsert`: with `contact_id` it updates, without it creates. */
export interface ContactV2BulkItem extends Omit<Partial<ContactV2CreateParams>, "contact_channels"> {
  /** UUID of the contact to update. */
  contact_id?: string;
  contact_channels?: readonly ContactChannelBulkInput[];
}

/** What `contactsV2.bulkUpsert` answers. */
export interface ContactV2BulkResult {
  contacts?: ContactV2[];
  failed_contacts?: Array<{ contact?: Record<string, unknown>; [key: string]: unknown }>;
  [key: string]: unknown;
}

/** `contactsV2.list` params. */
export interface ContactV2ListParams {
  /** Page size. */
  limit?: number;
  /** First page to read; pages count from 0. */
  page?: number;
  date?: string;
  ascending?: boolean;
}

/** `contactsV2.search` params. */
export interface ContactV2SearchParams {
  /** `channel_type` may be left out: E.164-looking values are phones, values with `@` e-mails. */
  contact_channels: ReadonlyArray<{ channel_type?: ContactChannelType | (string & {}); channel_ids: readonly string[] }>;
}

/** `contactsV2.channels.add` params. */
export interface ContactChannelAddParams {
  channel_type: ContactChannelType;
  /** The phone, address or handle. */
  channel_id: string;
}
/** `contactsV2.channels.update` params. */
export type ContactChannelUpdateParams = ContactChannelAddParams;

export interface ContactChannelsApi {
  /**
   * Add a channel to a contact; answers the contact's channels.
   *
   * `POST /v2/contact/{contactID}/channel`. Retry: only on 429 or a connection refused before sending.
   */
  add(contactId: string, params: ContactChannelAddParams, options?: RequestOptions): Promise<ContactChannel[]>;
  /**
   * Update a contact's channel. The answer's shape is undocumented.
   *
   * `PUT /v2/contact/{contactID}/channel`. Retry: idempotent.
   */
  update(contactId: string, params: ContactChannelUpdateParams, options?: RequestOptions): Promise<unknown>;
  /** `GET /v2/contact/{contactID}/channel/{channelType}`. Retry: idempotent. */
  get(contactId: string, channelType: ContactChannelType, options?: RequestOptions): Promise<ContactChannel>;
}

/** Contacts addressed by UUID. Never pass a v1 integer id. */
export interface ContactsV2Api {
  /** A contact's channels. */
  readonly channels: ContactChannelsApi;
  /**
   * Create a contact from one or more channels. Answers `{id, rev, uuid}`.
   *
   * `POST /v2/contact`. Retry: only on 429 or a connection refused before sending.
   */
  create(params: ContactV2CreateParams, options?: RequestOptions): Promise<CreateResult>;
  /** `GET /v2/contact/{contactID}`. `contactId` is a UUID. Retry: idempotent. */
  get(contactId: string, options?: RequestOptions): Promise<ContactV2>;
  /** `PUT /v2/contact/{contactID}`. Retry: idempotent. */
  update(contactId: string, params?: ContactV2UpdateParams, options?: RequestOptions): Promise<ContactV2>;
  /** `DELETE /v2/contact/{contactID}`. Answers a string. Retry: idempotent. */
  delete(contactId: string, options?: RequestOptions): Promise<string>;
  /**
   * Create or update many contacts (body `{"contacts": [...]}`, elements sent as given).
   *
   * `POST /v2/contacts`. Retry: only on 429 or a connection refused before sending.
   */
  bulkUpsert(contacts: readonly ContactV2BulkItem[], options?: RequestOptions): Promise<ContactV2BulkResult>;
  /**
   * Delete contacts by UUID. Answers a string (`"ok"`).
   *
   * `DELETE /v2/contacts`. Retry: idempotent.
   */
  bulkDelete(uuids: readonly string[], options?: RequestOptions): Promise<string>;
  /**
   * Contacts, by page.
   *
   * `POST /v2/contacts/list`. Retry: idempotent. Paging: `page` from 0 (or
   * the `page` you give), one more per request; stops at an empty page.
   */
  list(params?: ContactV2ListParams, options?: RequestOptions): Paginator<ContactV2>;
  /**
   * Contacts with the given phones, e-mails or other channel values. One request, no paging.
   *
   * `POST /v2/contacts/search`. Retry: idempotent.
   */
  search(params: ContactV2SearchParams, options?: RequestOptions): Promise<ContactV2[]>;
}
