// Fixture data served by the mock. The first conversations carry every
// documented Conversation field, plus extra fields seen in third-party
// material and some nulls, so that clients are tested as tolerant readers.
// The rest is generated deterministically (no randomness, no clock): enough
// of every collection for list endpoints to span more than three pages of 30.
// All names and numbers are fake.

const HAND_WRITTEN = [
  {
    id: 123,
    assigned: 55,
    blocked: false,
    channel: "sms",
    created: "2026-01-05T16:20:00Z",
    creator: 55,
    email_noti: true,
    inbox: 101,
    last_inbound: 1767630000,
    local_id: "6d8d0429-3f15-4293-8d0b-38bf1dd5ca06",
    members: [
      { id: 55, name: "Ada Example" },
      { id: 56, name: "Grace Sample" },
    ],
    muted: false,
    name: "Pat Placeholder",
    noreply: "",
    op: "update",
    read: 1767630100,
    replied: true,
    snooze_till: "2026-01-06T09:00:00Z",
    status: "open",
    super: 0,
    support: false,
    target: "14155550123",
    type: "one_to_one",
    updated: "2026-01-05T16:25:00Z",
    unread: false,
    unread_users: [56],
    last_msg: "See you at 3pm",
  },
  {
    id: 9920,
    assigned: 0,
    blocked: false,
    channel: "sms",
    created: "2025-11-30T08:00:00Z",
    creator: 56,
    email_noti: false,
    inbox: 102,
    last_inbound: 1764489600,
    local_id: null,
    members: [{ id: 56, name: "Grace Sample" }],
    muted: true,
    name: null,
    noreply: "",
    op: "close",
    read: 0,
    replied: false,
    snooze_till: null,
    status: "closed",
    super: 0,
    support: true,
    target: "16505551003",
    type: "one_to_one",
    updated: "2025-12-01T10:00:00Z",
  },
  {
    id: 4242,
    assigned: 57,
    blocked: true,
    channel: "mms",
    created: "2025-06-01T12:00:00Z",
    creator: 57,
    email_noti: false,
    inbox: 101,
    last_inbound: 1748779200,
    local_id: "b5c1f0e2-0000-4000-8000-000000004242",
    members: [],
    muted: false,
    name: "Group Example",
    noreply: "no reply expected",
    op: "create",
    read: 1748779300,
    replied: false,
    snooze_till: "",
    status: "pending",
    super: 1,
    support: false,
    target: "15105553344",
    type: "group",
    updated: "2025-06-02T12:00:00Z",
  },
];

/** Generated items are `updated` one minute apart, descending from here. */
const T0 = Date.UTC(2026, 0, 5, 12, 0, 0);
const MINUTE = 60_000;
const TEAM_ID = 7;
const FIRST = ["Ada", "Grace", "Alan", "Edsger", "Barbara", "Ken", "Margaret", "Linus", "Radia", "Dennis", "Frances"];
const LAST = ["Example", "Sample", "Placeholder", "Demo", "Fixture", "Testcase", "Mockwell"];
const STATUSES = ["open", "open", "closed", "pending"];
const USERS = [
  { id: 55, name: "Ada Example", first: "Ada", last: "Example", phone: "15105550055", email: "ada@example.com", role_id: 1 },
  { id: 56, name: "Grace Sample", first: "Grace", last: "Sample", phone: "15105550056", email: "grace@example.com", role_id: 4 },
  { id: 57, name: "Alan Placeholder", first: "Alan", last: "Placeholder", phone: "15105550057", email: "alan@example.com", role_id: 4 },
];

/** `iso(i)`: the i-th minute before T0, RFC 3339 (seconds precision). */
const iso = (i, base = T0) => new Date(base - i * MINUTE).toISOString().replace(".000Z", "Z");
const pad = (n, w) => String(n).padStart(w, "0");
/** A UUID (v4 layout) derived from a kind and a number: deterministic, unique per pair. */
export const fixtureUuid = (kind, n) => `${pad(kind.toString(16), 8)}-0000-4000-8000-${pad(n.toString(16), 12)}`;
const name = (i) => [FIRST[i % FIRST.length], LAST[(i * 3) % LAST.length]];

function conversations() {
  const generated = Array.from({ length: 120 }, (_, i) => {
    const [first, last] = name(i);
    const member = USERS[i % USERS.length];
    const status = STATUSES[i % STATUSES.length];
    return {
      id: 1001 + i,
      assigned: member.id,
      blocked: false,
      channel: "sms",
      created: iso(i + 600),
      creator: member.id,
      email_noti: i % 2 === 0,
      inbox: i % 5 === 4 ? 102 : 101,
      last_inbound: Math.floor((T0 - (i + 1) * MINUTE) / 1000) - 30,
      local_id: fixtureUuid(0xc0, i + 1),
      members: [{ id: member.id, name: member.name }],
      muted: false,
      name: `${first} ${last}`,
      noreply: "",
      op: "update",
      read: Math.floor((T0 - (i + 1) * MINUTE) / 1000),
      replied: i % 3 !== 0,
      snooze_till: null,
      status,
      super: 0,
      support: false,
      target: `1415555${pad(2000 + i, 4)}`,
      type: "one_to_one",
      updated: iso(i + 1),
      unread: i % 7 === 0,
    };
  });
  return [...HAND_WRITTEN.map((c) => structuredClone(c)), ...generated];
}

function deepFreeze(value) {
  if (value && typeof value === "object") {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

export const CONVERSATIONS = deepFreeze(conversations());

const contactChannel = (n, contactUuid, type, value, at) => ({
  id: n,
  team_id: TEAM_ID,
  contact_id: contactUuid,
  channel_type: type,
  channel_id: value,
  channel_handle: value,
  info_channel: false,
  created: at,
  updated: at,
});

/**
 * Fresh, mutable fixture data for one mock instance. `conversations` may be
 * replaced (the `conversations` option of createMockHeymarket).
 */
export function createFixtures({ conversations: convs } = {}) {
  const conversationList = convs ? convs.map((c) => structuredClone(c)) : conversations();
  const messageTargets = conversationList.filter((c) => c.target);
  const messages = Array.from({ length: 140 }, (_, i) => {
    // The first 60 messages belong to the first conversation (history is capped at 50).
    const conv = i < 60 || !messageTargets.length ? conversationList[0] : messageTargets[i % messageTargets.length];
    const user = USERS[i % USERS.length];
    const outbound = i % 2 === 0;
    return {
      id: 50001 + i,
      date: iso(i + 1),
      updated: iso(i + 1),
      type: "sms",
      status: outbound ? "delivered" : "received",
      user: outbound ? user.id : 0,
      author: outbound ? user.name : "",
      phone: conv?.inbox === 102 ? "14155550102" : "14155550101",
      target: conv?.target ?? "",
      text: `Fixture message ${i + 1}`,
      media: "",
      link_url: "",
      local_id: fixtureUuid(0x3e55, i + 1),
      broadcast_id: 0,
      flagged: false,
      super: 0,
      support: false,
      custom: { data: [], type: "" },
      conversation: { id: conv?.id ?? 0, inbox: conv?.inbox ?? 101, target: conv?.target ?? "" },
    };
  });
  const contacts = Array.from({ length: 120 }, (_, i) => {
    const [first, last] = name(i);
    const uuid = fixtureUuid(0xc0c0, i + 1);
    const phone = `1650555${pad(1000 + i, 4)}`;
    const email = `${first}.${last}.${i + 1}@example.com`.toLowerCase();
    const at = iso(i + 1);
    return {
      id: 90001 + i,
      uuid,
      display_name: `${first} ${last}`,
      first,
      last,
      email,
      phone,
      custom: i % 4 === 0 ? { 1: "Premium" } : {},
      avatar: "",
      team_id: TEAM_ID,
      creator_id: USERS[i % USERS.length].id,
      shared: true,
      created: iso(i + 2000),
      updated: at,
      rev: 1,
      op: "create",
      assigned_user_id: USERS[i % USERS.length].id,
      tags: i % 6 === 0 ? [{ tag_id: 4001 }] : [],
      is_opted_out: i % 17 === 16,
      parent_id: 0,
      contact_channels: [contactChannel(2 * i + 1, uuid, "phone", phone, at), contactChannel(2 * i + 2, uuid, "email", email, at)],
    };
  });
  const templates = Array.from({ length: 100 }, (_, i) => ({
    id: 3001 + i,
    uuid: fixtureUuid(0x7e, i + 1),
    name: `Template ${i + 1}`,
    local_id: fixtureUuid(0x7e10, i + 1),
    content: { text: `Hello {{first_name}}, this is template ${i + 1}.`, gallery: [] },
    team_id: TEAM_ID,
    creator_id: 55,
    shared: true,
    created: iso(i + 3000),
    updated: iso(i + 1),
    rev: 1,
    archived: i % 10 === 9,
    op: "create",
  }));
  const tags = Array.from({ length: 100 }, (_, i) => ({
    id: 4001 + i,
    uuid: fixtureUuid(0x7a, i + 1),
    tag: `Tag ${i + 1}`,
    color: `#${pad(((i * 0x2f4f1) % 0xffffff).toString(16), 6)}`,
    team_id: TEAM_ID,
    created: iso(i + 3000),
    updated: iso(i + 1),
    rev: 1,
  }));
  const lists = Array.from({ length: 100 }, (_, i) => {
    const members = contacts.slice(i % 40, (i % 40) + 3);
    return {
      id: 5001 + i,
      uuid: fixtureUuid(0x1157, i + 1),
      name: `List ${i + 1}`,
      local_id: fixtureUuid(0x1158, i + 1),
      type: "",
      targets: Object.fromEntries(members.map((c) => [c.phone, { f: c.first, l: c.last }])),
      contacts: members.map((c) => c.id),
      emails: [],
      team_id: TEAM_ID,
      creator_id: 55,
      shared: true,
      created: iso(i + 3000),
      updated: iso(i + 1),
      rev: 1,
      archived: false,
    };
  });
  const schedules = Array.from({ length: 10 }, (_, i) => ({
    id: 6001 + i,
    uuid: fixtureUuid(0x5c, i + 1),
    execute: new Date(T0 + (i + 1) * 24 * 60 * MINUTE).toISOString().replace(".000Z", "Z"),
    inbox_id: 101,
    local_id: fixtureUuid(0x5c10, i + 1),
    user_id: 55,
    team_id: TEAM_ID,
    created: iso(i + 1),
    updated: iso(i + 1),
    op: "create",
    rev: 1,
    meta: { campaign_id: 0, campaign_step_id: 0, campaign_target_phone: "", conversation_id: 0, list_id: 0, phone_number: contacts[i].phone, content: { text: `Reminder ${i + 1}` } },
  }));
  const surveys = Array.from({ length: 100 }, (_, i) => ({
    id: 7001 + i,
    name: `Survey ${i + 1}`,
    type: i % 2 ? "csat" : "nps",
    question: i % 2 ? "How satisfied were you with our service?" : "How likely are you to recommend us (0-10)?",
    created: iso(i + 3000),
    updated: iso(i + 1),
  }));
  const inboxes = [101, 102, 103].map((id, i) => ({
    id,
    name: ["Support", "Sales", "Email"][i],
    team: TEAM_ID,
    members: USERS.map((u) => u.id),
    phone: id === 103 ? "" : `1415555${pad(id, 4)}`,
    phones: id === 103 ? [] : [`1415555${pad(id, 4)}`],
    auto_assignable: i === 0,
    bco_chats: false,
    forward_number: null,
    widget_code: `widget${id}`,
    allowed_domains: ["example.com"],
    invited: true,
    op: "update",
    rev: 3,
  }));
  const users = USERS.map((u) => ({
    id: u.id,
    phone: u.phone,
    name: u.name,
    first_name: u.first,
    last_name: u.last,
    email: u.email,
    role_id: u.role_id,
    team_id: TEAM_ID,
    created_at: "2024-01-02T03:04:05Z",
    updated_at: "2025-01-02T03:04:05Z",
    user_created_at: "2024-01-02T03:04:05Z",
    user_updated_at: "2025-01-02T03:04:05Z",
  }));
  const team = { id: TEAM_ID, name: "Example Team", list_size: 10000, members: USERS.map((u) => ({ id: u.id, name: u.name, role: u.role_id === 1 ? "admin" : "member" })) };
  const fields = ["Plan", "Company", "Birthday"].map((title, i) => ({ id: i + 1, title }));
  return { conversations: conversationList, messages, contacts, templates, tags, lists, schedules, surveys, inboxes, users, team, fields };
}
