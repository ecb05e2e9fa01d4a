// The objects the API answers with (re-exported by index.d.ts). Every field
// the API reference documents is listed; fields the API adds later are kept
// (each object has an index signature). Any documented field may be `null` or
// absent unless said otherwise: the reference is not precise about either.

/** A conversation member. */
export interface ConversationMember {
  id: number;
  name: string | null;
  [field: string]: unknown;
}

/** A conversation, as `GET /v1/conversations/{id}` and `POST /v1/conversations` return it. */
export interface Conversation {
  id: number;
  /** Member id the conversation is assigned to. */
  assigned?: number | null;
  blocked?: boolean | null;
  /** e.g. `"sms"`. */
  channel?: string | null;
  /** RFC 3339. */
  created?: string | null;
  creator?: number | null;
  email_noti?: boolean | null;
  /** Inbox id. */
  inbox?: number | null;
  /** Unix time of the last inbound message. */
  last_inbound?: number | null;
  local_id?: string | null;
  members?: ConversationMember[] | null;
  muted?: boolean | null;
  name?: string | null;
  noreply?: string | null;
  /** Last operation. */
  op?: string | null;
  read?: number | null;
  replied?: boolean | null;
  snooze_till?: string | null;
  status?: string | null;
  super?: number | null;
  support?: boolean | null;
  /** The other party: phone digits without `+`, e.g. `"14155550123"`. */
  target?: string | null;
  type?: string | null;
  /** RFC 3339. */
  updated?: string | null;
  /** Seen in third-party material. */
  unread?: boolean | null;
  unread_users?: number[] | null;
  last_msg?: string | null;
  [field: string]: unknown;
}

/** A message (`GET /v1/messages`, `POST /v1/messages/all`, message webhooks' `event_data`). */
export interface Message {
  id: number;
  text?: string | null;
  /** RFC 3339. The `messages.list` cursor. */
  date?: string | null;
  updated?: string | null;
  type?: string | null;
  /** Delivery status; values undocumented. */
  status?: string | null;
  /** Sender member id. */
  user?: number | null;
  author?: string | null;
  /** Phone digits without `+`. */
  phone?: string | null;
  target?: string | null;
  /** MMS media URL. */
  media?: string | null;
  link_url?: string | null;
  local_id?: string | null;
  /** Set on messages sent to a list. */
  broadcast_id?: number | null;
  flagged?: boolean | null;
  super?: number | null;
  support?: boolean | null;
  custom?: { data?: number[]; type?: string; [key: string]: unknown } | null;
  conversation?: Conversation | null;
  /** Third-party material only, like the fields below. */
  channel?: string | null;
  hidden?: boolean | null;
  raw_error?: string | null;
  /** Phone → error text. */
  target_errors?: Record<string, string> | null;
  targets?: Record<string, unknown> | null;
  [key: string]: unknown;
}

/** What `messages.send` and `messages.sendEmail` answer: accepted (queued), not delivered. */
export interface SendResult {
  id: number;
  date: string;
  /** The one you gave, or the one the client generated. */
  local_id: string;
  /** Conversation id (e-mail sends; third-party material for SMS). */
  convo_id?: number;
  queued?: boolean;
  gallery_url?: string;
  compliance_results?: Record<string, unknown>;
  [key: string]: unknown;
}

/** A note on a contact. */
export interface ContactNote {
  date?: string | null;
  id?: number | null;
  name?: string | null;
  text?: string | null;
  user_id?: number | null;
  [key: string]: unknown;
}

/** A contact (v1, integer ids). */
export interface Contact {
  id: number;
  display_name?: string | null;
  first?: string | null;
  last?: string | null;
  email?: string | null;
  /** Phone digits without `+`. */
  phone?: string | null;
  /** Custom field values, keyed by the field's numeric id as a string. */
  custom?: Record<string, unknown> | null;
  team_id?: number | null;
  creator_id?: number | null;
  shared?: boolean | null;
  /** RFC 3339. */
  created?: string | null;
  /** RFC 3339. The `contacts.list` cursor. */
  updated?: string | null;
  rev?: number | null;
  op?: string | null;
  assigned_user_id?: number | null;
  tags?: unknown[] | null;
  is_opted_out?: boolean | null;
  avatar?: string | null;
  external_id?: string | null;
  external_ref?: string | null;
  inbox_id?: number | null;
  note?: ContactNote[] | null;
  parent_id?: number | null;
  type?: string | null;
  [key: string]: unknown;
}

/**
 * A contact from the v2 endpoints. The reference gives it no schema of its
 * own ("a Contact object"); the v2 paths take its UUID, so `id` may be either.
 */
export interface ContactV2 extends Omit<Contact, "id"> {
  id?: number | string | null;
  uuid?: string | null;
  contact_channels?: ContactChannel[] | null;
  [key: string]: unknown;
}

/** `contacts.status`: a contact's messaging status. */
export interface ContactStatus {
  id?: number | null;
  phone?: string | null;
  unsubscribed?: boolean | null;
  blocked?: boolean | null;
  /** Third-party material. */
  unsubscribed_admin?: boolean | null;
  /** Third-party material. */
  unsubscribed_contact?: boolean | null;
  [key: string]: unknown;
}

/** A custom contact field, as `contacts.fields.create` answers it. */
export interface ContactFieldResult {
  id: number;
  title: string;
  /** A field with this title existed already. */
  duplicate?: boolean;
  [key: string]: unknown;
}

/** A channel of a v2 contact. */
export interface ContactChannel {
  /** An integer in the schema, a string in the narrative. */
  id?: number | string | null;
  team_id?: number | null;
  /** An integer in the schema, a UUID in the narrative. */
  contact_id?: number | string | null;
  channel_type?: string | null;
  channel_id?: string | null;
  channel_handle?: string | null;
  info_channel?: unknown;
  created?: string | null;
  updated?: string | null;
  [key: string]: unknown;
}

/** `{f, l}`: a list member's first and last name. */
export interface ListMemberName {
  f?: string | null;
  l?: string | null;
  [key: string]: unknown;
}

/** A list (the v1 family reads them). */
export interface List {
  id: number;
  name?: string | null;
  local_id?: string | null;
  /** Phone → `{f, l}`. */
  targets?: Record<string, ListMemberName> | null;
  team_id?: number | null;
  creator_id?: number | null;
  shared?: boolean | null;
  created?: string | null;
  /** RFC 3339. The `lists.v1.list` cursor. */
  updated?: string | null;
  rev?: number | null;
  archived?: boolean | null;
  [key: string]: unknown;
}

/** One image of a gallery (templates, scheduled content). */
export interface GalleryEntry {
  url?: string | null;
  original_url?: string | null;
  annotation_text?: string | null;
  annotation_position?: unknown;
  [key: string]: unknown;
}

/** A template. */
export interface Template {
  id: number;
  /** The create and update field is `title`; the object calls it `name`. */
  name?: string | null;
  local_id?: string | null;
  content?: { text?: string | null; gallery?: GalleryEntry[] | null; [key: string]: unknown } | null;
  team_id?: number | null;
  creator_id?: number | null;
  shared?: boolean | null;
  created?: string | null;
  /** RFC 3339. The `templates.list` cursor. */
  updated?: string | null;
  rev?: number | null;
  archived?: boolean | null;
  op?: string | null;
  [key: string]: unknown;
}

/** A scheduled message. */
export interface ScheduledMessage {
  id: number;
  /** When it runs. */
  execute?: string | null;
  inbox_id?: number | null;
  local_id?: string | null;
  created?: string | null;
  updated?: string | null;
  op?: string | null;
  rev?: number | null;
  meta?: {
    campaign_id?: number | null;
    campaign_step_id?: number | null;
    campaign_target_phone?: string | null;
    conversation_id?: number | null;
    list_id?: number | null;
    content?: {
      text?: string | null;
      to?: string | null;
      template?: number | null;
      attachments?: ScheduledAttachment[] | null;
      gallery?: GalleryEntry[] | null;
      local_day?: unknown;
      local_time?: unknown;
      offset?: unknown;
      [key: string]: unknown;
    } | null;
    [key: string]: unknown;
  } | null;
  /** Third-party material. */
  team_id?: number | null;
  /** Third-party material. */
  user_id?: number | null;
  [key: string]: unknown;
}

/** A file of scheduled content. */
export interface ScheduledAttachment {
  name?: string | null;
  type?: string | null;
  url?: string | null;
  [key: string]: unknown;
}

/** What `schedules.create` and `schedules.update` answer (third-party material: `{id}`). */
export interface ScheduleResult {
  id: number;
  [key: string]: unknown;
}

/** A tag. Assign it with a contact's `tags: [{ tag_id }]`. */
export interface Tag {
  id: number;
  tag?: string | null;
  /** e.g. `"#FFD700"`. */
  color?: string | null;
  team_id?: number | null;
  created?: string | null;
  /** RFC 3339. The `tags.list` cursor. */
  updated?: string | null;
  rev?: number | null;
  [key: string]: unknown;
}

/** A survey. */
export interface Survey {
  id: number;
  name?: string | null;
  /** e.g. `"nps"`, `"csat"`. */
  type?: string | null;
  question?: string | null;
  created?: string | null;
  updated?: string | null;
  [key: string]: unknown;
}

/** An inbox. */
export interface Inbox {
  id: number;
  name?: string | null;
  /** Team id. */
  team?: number | null;
  /** Member ids: the valid `creator_id`s for sends from this inbox. */
  members?: number[] | null;
  phone?: string | null;
  phones?: string[] | null;
  auto_assignable?: boolean | null;
  bco_chats?: boolean | null;
  forward_number?: string | null;
  widget_code?: string | null;
  widget_settings?: {
    background_color?: string | null;
    button_color?: string | null;
    fab_background_color?: string | null;
    fab_text_color?: string | null;
    message?: string | null;
    name?: string | null;
    phone?: string | null;
    position?: number | null;
    preview_enabled?: boolean | null;
    title_background_color?: string | null;
    title_text_color?: string | null;
    tos?: string | null;
    [key: string]: unknown;
  } | null;
  allowed_domains?: string[] | null;
  /** `string[]` in the schema, a boolean in the narrative and example. */
  invited?: string[] | boolean | null;
  op?: string | null;
  rev?: number | null;
  [key: string]: unknown;
}

/** The team (`GET /v1/team`). */
export interface Team {
  id: number;
  name?: string | null;
  /** Most contacts a list may hold. */
  list_size?: number | null;
  members?: TeamMember[] | null;
  [key: string]: unknown;
}

/** A member of the team, as `team.get` lists it. */
export interface TeamMember {
  id: number;
  name?: string | null;
  role?: unknown;
  email?: string | null;
  [key: string]: unknown;
}

/** A team membership (`users.lookup`, `users.update`). `id` is the membership id. */
export interface TeamUser {
  id: number;
  phone?: string | null;
  name?: string | null;
  email?: string | null;
  /** 1 admin, 4 member. */
  role_id?: number | null;
  team_id?: number | null;
  created_at?: string | null;
  updated_at?: string | null;
  user_created_at?: string | null;
  user_updated_at?: string | null;
  [key: string]: unknown;
}

/** What `users.lookup` and `users.update` answer. */
export interface MembershipsResult {
  memberships: TeamUser[];
  [key: string]: unknown;
}
