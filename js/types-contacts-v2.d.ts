// Contacts v2: addressed by UUID, with channels (phone, e-mail, social
// handles). Re-exported by index.d.ts.
//
// Phone fields of params take any common format ("+1 (415) 555-0123",
// "14155550123"; ten digits need the client's `defaultCountryCode`) and are
// sent as E.164 digits without "+"; see `normalizePhone`. Channel values and
// positional arrays (bulk upserts) are sent as given: not normalised.
import type { APIPromise, CreateResult, RequestOptions, Paginator } from "./types-common.js";
import type { ContactCreateParams } from "./types-contacts.js";
import type { ContactChannel, ContactV2 } from "./types-objects.js";

/** The channel types of `contactsV2.channels`. */
export type ContactChannelType = "phone" | "email" | "facebook" | "instagram" | "whatsapp";

/** A channel of a contact, as the v2 create, update and bulk bodies take it. */
export interface ContactChannelInput {
  /** `"phone"`, `"email"`, `"facebook"`, … */
  channel_type: ContactChannelType | (string & {});
  /** The phone (E.164 digits), address or handle; not normalised. */
  channel_id: string;
}

/** `contactsV2.create` params: channels instead of a phone, and the v1 contact fields. */
export interface ContactV2CreateParams extends Omit<ContactCreateParams, "phone" | "email_suppressions"> {
  /** At least one. */
  contact_channels: readonly ContactChannelInput[];
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

/** `hm.contactsV2.channels`: a v2 contact's channels. */
export interface ContactChannelsApi {
  /**
   * Add a channel to a contact; answers the contact's channels.
   *
   * `POST /v2/contact/{contactID}/channel`. Retry: only on 429 or a connection refused before sending.
   *
   * @example
   * ```ts
   * const channels = await hm.contactsV2.channels.add("6f1c2b9e-3a4d-4e5f-8a7b-9c0d1e2f3a4b", { channel_type: "email", channel_id: "ada@example.com" });
   * ```
   */
  add(contactId: string, params: ContactChannelAddParams, options?: RequestOptions): APIPromise<ContactChannel[]>;
  /**
   * Update a contact's channel. The answer's shape is undocumented.
   *
   * `PUT /v2/contact/{contactID}/channel`. Retry: idempotent.
   *
   * @example
   * ```ts
   * await hm.contactsV2.channels.update("6f1c2b9e-3a4d-4e5f-8a7b-9c0d1e2f3a4b", { channel_type: "email", channel_id: "ada@lovelace.example" });
   * ```
   */
  update(contactId: string, params: ContactChannelUpdateParams, options?: RequestOptions): APIPromise<unknown>;
  /**
   * A contact's channel of one type.
   *
   * `GET /v2/contact/{contactID}/channel/{channelType}`. Retry: idempotent.
   *
   * @example
   * ```ts
   * const email = await hm.contactsV2.channels.get("6f1c2b9e-3a4d-4e5f-8a7b-9c0d1e2f3a4b", "email");
   * console.log(email.channel_id);
   * ```
   */
  get(contactId: string, channelType: ContactChannelType, options?: RequestOptions): APIPromise<ContactChannel>;
}

/** `hm.contactsV2`: contacts addressed by "6f1c2b9e-3a4d-4e5f-8a7b-9c0d1e2f3a4b". Never pass a v1 integer id. */
export interface ContactsV2Api {
  /** A contact's channels. */
  readonly channels: ContactChannelsApi;
  /**
   * Create a contact from one or more channels. Answers `{id, rev, uuid}`.
   *
   * `POST /v2/contact`. Retry: only on 429 or a connection refused before sending.
   *
   * @example
   * ```ts
   * const { uuid } = await hm.contactsV2.create({ contact_channels: [{ channel_type: "phone", channel_id: "14155551234" }], first: "Ada" });
   * ```
   */
  create(params: ContactV2CreateParams, options?: RequestOptions): APIPromise<CreateResult>;
  /**
   * A contact by "6f1c2b9e-3a4d-4e5f-8a7b-9c0d1e2f3a4b".
   *
   * `GET /v2/contact/{contactID}`. Retry: idempotent.
   *
   * @example
   * ```ts
   * const contact = await hm.contactsV2.get("6f1c2b9e-3a4d-4e5f-8a7b-9c0d1e2f3a4b");
   * console.log(contact.display_name, contact.contact_channels);
   * ```
   */
  get(contactId: string, options?: RequestOptions): APIPromise<ContactV2>;
  /**
   * Update a contact's fields.
   *
   * `PUT /v2/contact/{contactID}`. Retry: idempotent.
   *
   * @example
   * ```ts
   * const contact = await hm.contactsV2.update("6f1c2b9e-3a4d-4e5f-8a7b-9c0d1e2f3a4b", { last: "King", email: "ada@example.com" });
   * ```
   */
  update(contactId: string, params?: ContactV2UpdateParams, options?: RequestOptions): APIPromise<ContactV2>;
  /**
   * Delete a contact. Answers a string.
   *
   * `DELETE /v2/contact/{contactID}`. Retry: idempotent.
   *
   * @example
   * ```ts
   * await hm.contactsV2.delete("6f1c2b9e-3a4d-4e5f-8a7b-9c0d1e2f3a4b");
   * ```
   */
  delete(contactId: string, options?: RequestOptions): APIPromise<string>;
  /**
   * Create or update many contacts (body `{"contacts": [...]}`, elements sent as given).
   *
   * `POST /v2/contacts`. Retry: only on 429 or a connection refused before sending.
   *
   * @example
   * ```ts
   * const { contacts, failed_contacts } = await hm.contactsV2.bulkUpsert([
   *   { contact_channels: [{ channel_type: "phone", channel_id: "14155551234" }], first: "Ada" }, // creates
   *   { contact_id: "6f1c2b9e-3a4d-4e5f-8a7b-9c0d1e2f3a4b", last: "King" }, // updates
   * ]);
   * ```
   */
  bulkUpsert(contacts: readonly ContactV2BulkItem[], options?: RequestOptions): APIPromise<ContactV2BulkResult>;
  /**
   * Delete contacts by "6f1c2b9e-3a4d-4e5f-8a7b-9c0d1e2f3a4b". Answers a string (`"ok"`). The body is
   * `{"contact_channels": [{"channel_type": "id", "channel_ids": uuids}]}`.
   *
   * `DELETE /v2/contacts`. Retry: idempotent.
   *
   * @example
   * ```ts
   * await hm.contactsV2.bulkDelete(["6f1c2b9e-3a4d-4e5f-8a7b-9c0d1e2f3a4b", "0b6f9a51-8c2e-4d3b-9f7a-1e2d3c4b5a69"]);
   * ```
   */
  bulkDelete(uuids: readonly string[], options?: RequestOptions): APIPromise<string>;
  /**
   * Contacts, by page.
   *
   * `POST /v2/contacts/list`. Retry: idempotent. Paging: `page` from 0 (or
   * the `page` you give), one more per request; stops at an empty page.
   *
   * @example
   * ```ts
   * for await (const page of hm.contactsV2.list({ limit: 100 }).pages()) console.log(page.length, "contacts");
   * ```
   */
  list(params?: ContactV2ListParams, options?: RequestOptions): Paginator<ContactV2>;
  /**
   * Contacts with the given phones, e-mails or other channel values. One request, no paging.
   *
   * `POST /v2/contacts/search`. Retry: idempotent.
   *
   * @example
   * ```ts
   * const matches = await hm.contactsV2.search({ contact_channels: [{ channel_ids: ["14155551234", "ada@example.com"] }] });
   * ```
   */
  search(params: ContactV2SearchParams, options?: RequestOptions): APIPromise<ContactV2[]>;
}
