// Lists, templates, tags, scheduled messages, surveys, inboxes, the team and
// its users. Re-exported by index.d.ts.
//
// Phone fields take any common format ("+1 (415) 555-0123", "14155550123";
// ten digits need the client's `defaultCountryCode`) and are sent as E.164
// digits without "+"; see `normalizePhone`.
import type { CreateResult, ExactlyOne, Paginator, RequestOptions } from "./types-common.js";
import type {
  GalleryEntry,
  Inbox,
  List,
  ListMemberName,
  MembershipsResult,
  ScheduleResult,
  ScheduledAttachment,
  ScheduledMessage,
  Survey,
  Tag,
  Team,
  Template,
} from "./types-objects.js";

/** The `date` cursor params of the v1 list endpoints. */
export interface DateCursorParams {
  /** RFC 3339: items updated before it. The paging cursor. */
  date?: string;
}

// ---- lists ------------------------------------------------------------------

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

/** @deprecated The v1 list family: Heymarket says to use `/v2/lists`, and may remove it. */
export interface ListsV1Api {
  /**
   * @deprecated Use `lists.create`.
   *
   * `POST /v1/list`. The answer's shape is undocumented. Retry: only on 429 or a connection refused before sending.
   */
  create(params: ListV1CreateParams, options?: RequestOptions): Promise<Partial<CreateResult>>;
  /**
   * @deprecated The v1 list family may be removed; no v2 read exists yet.
   * @experimental Seen in a single source only.
   *
   * `GET /v1/list/{id}`. Retry: idempotent.
   */
  get(id: number, options?: RequestOptions): Promise<List>;
  /**
   * @deprecated Use `lists.update`.
   *
   * `PUT /v1/list/{id}`. The answer's shape is undocumented. Retry: idempotent.
   */
  update(id: number, params?: ListV1UpdateParams, options?: RequestOptions): Promise<unknown>;
  /**
   * @deprecated Use `lists.delete`.
   * @experimental Seen in a single source only.
   *
   * `DELETE /v1/list/{id}`. The answer's shape is undocumented. Retry: idempotent.
   */
  delete(id: number, options?: RequestOptions): Promise<unknown>;
  /**
   * @deprecated The v1 list family may be removed; no v2 list exists yet.
   * @experimental Seen in a single source only.
   *
   * `POST /v1/lists`. Retry: idempotent. Paging: each next page sends
   * `date` = the last list's `updated`; stops at an empty page.
   */
  list(params?: ListV1ListParams, options?: RequestOptions): Paginator<List>;
}

/** Lists (v2). Broadcast to one with `messages.send({ list_id, … })`. */
export interface ListsApi {
  /** @deprecated The v1 list family, the only way to read lists. */
  readonly v1: ListsV1Api;
  /**
   * `POST /v2/lists`. Answers `{id, rev, uuid}` with `local_id`.
   * Retry: a `local_id` (UUID v4) is generated when absent (and set on the
   * result if the answer lacks it); then retried like a GET.
   */
  create(params: ListCreateParams, options?: RequestOptions): Promise<CreateResult & { local_id: string }>;
  /** Rename a list or change its members. `PUT /v2/lists/{id}`. Answers `{id, rev}`. Retry: idempotent. */
  update(id: number, params?: ListUpdateParams, options?: RequestOptions): Promise<CreateResult>;
  /** Delete a list (its contacts stay). `DELETE /v2/lists/{id}`. Retry: idempotent. */
  delete(id: number, params?: ListDeleteParams, options?: RequestOptions): Promise<ListDeleteResult>;
}

// ---- templates --------------------------------------------------------------

/** A template's content. */
export interface TemplateContent {
  /** Merge tokens: `{{first_name}}`, `{{last_name}}`, `{{custom_field_name}}`. */
  text: string;
  gallery?: readonly GalleryEntry[];
}

/** `templates.create` params. */
export interface TemplateCreateParams {
  title: string;
  content: TemplateContent;
  local_id?: string;
  archived?: boolean;
}

/** `templates.update` params (the same body as create). */
export type TemplateUpdateParams = TemplateCreateParams;
/** `templates.list` params. */
export type TemplateListParams = DateCursorParams;

export interface TemplatesApi {
  /** `POST /v1/template`. Retry: only on 429 or a connection refused before sending. */
  create(params: TemplateCreateParams, options?: RequestOptions): Promise<CreateResult>;
  /** `GET /v1/template/{id}`. Retry: idempotent. */
  get(id: number, options?: RequestOptions): Promise<Template>;
  /** `PUT /v1/template/{id}`. The answer's shape is undocumented. Retry: idempotent. */
  update(id: number, params: TemplateUpdateParams, options?: RequestOptions): Promise<unknown>;
  /** `DELETE /v1/template/{id}`. The answer's shape is undocumented. Retry: idempotent. */
  delete(id: number, options?: RequestOptions): Promise<unknown>;
  /**
   * Templates, 30 a page.
   *
   * `POST /v1/templates`. Retry: idempotent. Paging: each next page sends
   * `date` = the last template's `updated`; stops at an empty page.
   */
  list(params?: TemplateListParams, options?: RequestOptions): Paginator<Template>;
}

// ---- tags -------------------------------------------------------------------

/** `tags.create` params. */
export interface TagCreateParams {
  /** The tag's text, e.g. `"VIP"`. */
  tag: string;
  /** e.g. `"#FFD700"`. */
  color?: string;
}

/** `tags.list` params. */
export type TagListParams = DateCursorParams;

export interface TagsApi {
  /** `POST /v1/tag`. Retry: only on 429 or a connection refused before sending. */
  create(params: TagCreateParams, options?: RequestOptions): Promise<CreateResult>;
  /** `GET /v1/tag/{id}`. Retry: idempotent. */
  get(id: number, options?: RequestOptions): Promise<Tag>;
  /** `DELETE /v1/tag/{id}`. The answer's shape is undocumented. Retry: idempotent. */
  delete(id: number, options?: RequestOptions): Promise<unknown>;
  /**
   * Tags, 30 a page.
   *
   * `POST /v1/tags`. Retry: idempotent. Paging: each next page sends
   * `date` = the last tag's `updated`; stops at an empty page.
   */
  list(params?: TagListParams, options?: RequestOptions): Paginator<Tag>;
}

// ---- scheduled messages -----------------------------------------------------

/** What a scheduled message sends. */
export interface ScheduledContent {
  text?: string;
  /** Template id. */
  template?: number;
  to?: string;
  attachments?: readonly ScheduledAttachment[];
  gallery?: readonly GalleryEntry[];
}

/** The fields of `schedules.create` besides its target. */
export interface ScheduleCreateBase {
  inbox_id: number;
  /** RFC 3339, at least 15 minutes ahead, on :00, :15, :30 or :45. */
  execute_at: string;
  content: ScheduledContent;
  local_id?: string;
  /** Sender; defaults to the team owner. */
  user_id?: number;
}

/** The target families of `schedules.create`: give exactly one. */
export interface ScheduleTarget {
  /** Any common format; sent as E.164 digits. */
  phone_number: string;
  conversation_id: number;
  list_id: number;
  /** Typed objects; their shape is undocumented. */
  targets: readonly Record<string, unknown>[];
}

/** `schedules.create` params. */
export type ScheduleCreateParams = ScheduleCreateBase & ExactlyOne<ScheduleTarget>;

/** `schedules.update` params. */
export interface ScheduleUpdateParams extends Partial<ScheduleCreateBase>, Partial<ScheduleTarget> {}

export interface SchedulesApi {
  /** `POST /v1/schedule`. Retry: only on 429 or a connection refused before sending. */
  create(params: ScheduleCreateParams, options?: RequestOptions): Promise<ScheduleResult>;
  /** `GET /v1/schedule/{id}`. Retry: idempotent. */
  get(id: number, options?: RequestOptions): Promise<ScheduledMessage>;
  /**
   * @experimental Seen in a single source only.
   *
   * `PUT /v1/schedule/{id}`. Retry: idempotent.
   */
  update(id: number, params?: ScheduleUpdateParams, options?: RequestOptions): Promise<ScheduleResult>;
}

// ---- surveys, inboxes, team, users ------------------------------------------

/** `surveys.list` params. */
export interface SurveyListParams {
  /** Page size. */
  limit?: number;
  /** First page to read; pages count from 1. */
  page?: number;
}

export interface SurveysApi {
  /** `GET /v1/survey/{id}`. Retry: idempotent. */
  get(id: number, options?: RequestOptions): Promise<Survey>;
  /**
   * `POST /v1/surveys`. Retry: idempotent. Paging: `page` from 1 (or the
   * `page` you give), one more per request; stops at an empty page.
   */
  list(params?: SurveyListParams, options?: RequestOptions): Paginator<Survey>;
}

export interface InboxesApi {
  /**
   * The inboxes these credentials can use; a cheap credentials check. The
   * reference answers an array; an older guide wraps it as `{inboxes: [...]}`.
   *
   * `GET /v1/inboxes`. Retry: idempotent.
   */
  list(options?: RequestOptions): Promise<Inbox[] | { inboxes: Inbox[]; [key: string]: unknown }>;
}

export interface TeamApi {
  /** The team and its member ids. `GET /v1/team`. Retry: idempotent. */
  get(options?: RequestOptions): Promise<Team>;
}

/** `users.lookup` params (query string, one `phone=` / `email=` per value). */
export interface UserLookupParams {
  /** Any common format; sent as E.164 digits. */
  phone?: readonly string[];
  email?: readonly string[];
}

/** An element of `users.update`. */
export interface UserUpdate {
  /** Membership id. */
  id: number;
  first_name?: string;
  last_name?: string;
  /** 1 admin, 4 member. */
  role_id?: number;
  [key: string]: unknown;
}

export interface UsersApi {
  /** Members by phone or e-mail. `GET /v1/users/get`. Retry: idempotent. */
  lookup(params?: UserLookupParams, options?: RequestOptions): Promise<MembershipsResult>;
  /**
   * Update members (body `{"users": [...]}`).
   *
   * `POST /v1/users/update`. Retry: only on 429 or a connection refused before sending.
   */
  update(users: readonly UserUpdate[], options?: RequestOptions): Promise<MembershipsResult>;
}
