// Templates, tags, scheduled messages, surveys, inboxes, the team and its
// users (lists are in ./types-lists.d.ts). Re-exported by index.d.ts.
//
// Phone fields take any common format ("+1 (415) 555-0123", "14155550123";
// ten digits need the client's `defaultCountryCode`) and are sent as E.164
// digits without "+"; see `normalizePhone`.
import type { APIPromise, CreateResult, DateCursorParams, ExactlyOne, Paginator, RequestOptions } from "./types-common.js";
import type {
  GalleryEntry,
  Inbox,
  MembershipsResult,
  ScheduleResult,
  ScheduledAttachment,
  ScheduledMessage,
  Survey,
  Tag,
  Team,
  Template,
} from "./types-objects.js";

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

/** `hm.templates`: saved message templates. */
export interface TemplatesApi {
  /**
   * Create a template.
   *
   * `POST /v1/template`. Retry: only on 429 or a connection refused before sending.
   *
   * @example
   * ```ts
   * const { id } = await hm.templates.create({ title: "Welcome", content: { text: "Hi {{first_name}}, welcome aboard!" } });
   * await hm.messages.send({ inbox_id: 101, creator_id: 55, phone_number: "+1 415 555 1234", template_id: id });
   * ```
   */
  create(params: TemplateCreateParams, options?: RequestOptions): APIPromise<CreateResult>;
  /**
   * A template.
   *
   * `GET /v1/template/{id}`. Retry: idempotent.
   *
   * @example
   * ```ts
   * const template = await hm.templates.get(88);
   * console.log(template.name, template.content?.text);
   * ```
   */
  get(id: number, options?: RequestOptions): APIPromise<Template>;
  /**
   * Replace a template (the same body as create). The answer's shape is undocumented.
   *
   * `PUT /v1/template/{id}`. Retry: idempotent.
   *
   * @example
   * ```ts
   * await hm.templates.update(88, { title: "Welcome", content: { text: "Hello {{first_name}}!" }, archived: false });
   * ```
   */
  update(id: number, params: TemplateUpdateParams, options?: RequestOptions): APIPromise<unknown>;
  /**
   * Delete a template. The answer's shape is undocumented.
   *
   * `DELETE /v1/template/{id}`. Retry: idempotent.
   *
   * @example
   * ```ts
   * await hm.templates.delete(88);
   * ```
   */
  delete(id: number, options?: RequestOptions): APIPromise<unknown>;
  /**
   * Templates, 30 a page.
   *
   * `POST /v1/templates`. Retry: idempotent. Paging: each next page sends
   * `date` = the last template's `updated`; stops at an empty page.
   *
   * @example
   * ```ts
   * const templates = await hm.templates.list().toArray({ limit: 100 });
   * ```
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

/** `hm.tags`: contact tags. */
export interface TagsApi {
  /**
   * Create a tag.
   *
   * `POST /v1/tag`. Retry: only on 429 or a connection refused before sending.
   *
   * @example
   * ```ts
   * const { id } = await hm.tags.create({ tag: "VIP", color: "#FFD700" });
   * await hm.contacts.update(4242, { phone: "+1 415 555 1234", tags: [{ tag_id: id }] });
   * ```
   */
  create(params: TagCreateParams, options?: RequestOptions): APIPromise<CreateResult>;
  /**
   * A tag.
   *
   * `GET /v1/tag/{id}`. Retry: idempotent.
   *
   * @example
   * ```ts
   * const tag = await hm.tags.get(9);
   * console.log(tag.tag, tag.color);
   * ```
   */
  get(id: number, options?: RequestOptions): APIPromise<Tag>;
  /**
   * Delete a tag. The answer's shape is undocumented.
   *
   * `DELETE /v1/tag/{id}`. Retry: idempotent.
   *
   * @example
   * ```ts
   * await hm.tags.delete(9);
   * ```
   */
  delete(id: number, options?: RequestOptions): APIPromise<unknown>;
  /**
   * Tags, 30 a page.
   *
   * `POST /v1/tags`. Retry: idempotent. Paging: each next page sends
   * `date` = the last tag's `updated`; stops at an empty page.
   *
   * @example
   * ```ts
   * for await (const tag of hm.tags.list()) console.log(tag.id, tag.tag);
   * ```
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

/** `hm.schedules`: scheduled messages. */
export interface SchedulesApi {
  /**
   * Schedule a message.
   *
   * `POST /v1/schedule`. Retry: only on 429 or a connection refused before sending.
   *
   * @example
   * ```ts
   * const { id } = await hm.schedules.create({
   *   inbox_id: 101,
   *   execute_at: "2030-01-15T17:30:00Z",
   *   content: { text: "Your appointment is tomorrow at 10." },
   *   phone_number: "+1 415 555 1234",
   * });
   * ```
   */
  create(params: ScheduleCreateParams, options?: RequestOptions): APIPromise<ScheduleResult>;
  /**
   * A scheduled message.
   *
   * `GET /v1/schedule/{id}`. Retry: idempotent.
   *
   * @example
   * ```ts
   * const scheduled = await hm.schedules.get(31);
   * console.log(scheduled.execute, scheduled.meta?.content?.text);
   * ```
   */
  get(id: number, options?: RequestOptions): APIPromise<ScheduledMessage>;
  /**
   * Change a scheduled message.
   *
   * `PUT /v1/schedule/{id}`. Retry: idempotent.
   * Experimental: this endpoint is seen in a single source only.
   *
   * @experimental
   * @example
   * ```ts
   * await hm.schedules.update(31, { execute_at: "2030-01-15T18:00:00Z" });
   * ```
   */
  update(id: number, params?: ScheduleUpdateParams, options?: RequestOptions): APIPromise<ScheduleResult>;
}

// ---- surveys, inboxes, team, users ------------------------------------------

/** `surveys.list` params. */
export interface SurveyListParams {
  /** Page size. */
  limit?: number;
  /** First page to read; pages count from 1. */
  page?: number;
}

/** `hm.surveys`: surveys (send one with `messages.send({ survey_id, … })`). */
export interface SurveysApi {
  /**
   * A survey.
   *
   * `GET /v1/survey/{id}`. Retry: idempotent.
   *
   * @example
   * ```ts
   * const survey = await hm.surveys.get(12);
   * console.log(survey.name, survey.question);
   * ```
   */
  get(id: number, options?: RequestOptions): APIPromise<Survey>;
  /**
   * Surveys, by page.
   *
   * `POST /v1/surveys`. Retry: idempotent. Paging: `page` from 1 (or the
   * `page` you give), one more per request; stops at an empty page.
   *
   * @example
   * ```ts
   * const surveys = await hm.surveys.list({ limit: 20 }).toArray({ limit: 100 });
   * ```
   */
  list(params?: SurveyListParams, options?: RequestOptions): Paginator<Survey>;
}

/** `hm.inboxes`: the team's inboxes. */
export interface InboxesApi {
  /**
   * The inboxes these credentials can use; a cheap credentials check. The
   * reference answers an array; an older guide wraps it as `{inboxes: [...]}`.
   *
   * `GET /v1/inboxes`. Retry: idempotent.
   *
   * @example
   * ```ts
   * const answer = await hm.inboxes.list();
   * const inboxes = Array.isArray(answer) ? answer : answer.inboxes;
   * console.log(inboxes.map((inbox) => [inbox.id, inbox.name, inbox.members]));
   * ```
   */
  list(options?: RequestOptions): APIPromise<Inbox[] | { inboxes: Inbox[]; [key: string]: unknown }>;
}

/** `hm.team`: the team. */
export interface TeamApi {
  /**
   * The team and its member ids.
   *
   * `GET /v1/team`. Retry: idempotent.
   *
   * @example
   * ```ts
   * const team = await hm.team.get();
   * console.log(team.name, team.members?.map((member) => member.id));
   * ```
   */
  get(options?: RequestOptions): APIPromise<Team>;
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

/** `hm.users`: team members (memberships). */
export interface UsersApi {
  /**
   * Members by phone or e-mail.
   *
   * `GET /v1/users/get` (query: one `phone=` / `email=` per value). Retry: idempotent.
   *
   * @example
   * ```ts
   * const { memberships } = await hm.users.lookup({ email: ["ada@example.com"], phone: ["+1 415 555 1234"] });
   * ```
   */
  lookup(params?: UserLookupParams, options?: RequestOptions): APIPromise<MembershipsResult>;
  /**
   * Update members (body `{"users": [...]}`).
   *
   * `POST /v1/users/update`. Retry: only on 429 or a connection refused before sending.
   *
   * @example
   * ```ts
   * const { memberships } = await hm.users.update([{ id: 301, first_name: "Ada", role_id: 4 }]);
   * ```
   */
  update(users: readonly UserUpdate[], options?: RequestOptions): APIPromise<MembershipsResult>;
}
