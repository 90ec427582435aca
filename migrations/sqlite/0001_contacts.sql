-- Contacts and their timelines (SQLite dialect; migrations/postgres has the same version).
--
-- Timestamps are bound from Rust as DateTime<Utc> (stored as text here), never
-- defaulted by SQLite, so that both databases hold the same values.

-- One row per contact: a call now, an SMS conversation later.
create table contact (
    contact_id     integer primary key,
    channel        text not null,            -- 'voice'
    line_number    text,                     -- the helpline number reached (E.164)
    caller_number  text,                     -- E.164; null when the caller withheld it
    started_at     text not null,
    ended_at       text,
    -- answered | message_left | callback_requested | informed | abandoned | fallback
    outcome        text,
    -- outcomes only move up (see ivr::engine::Outcome::rank); abandoned/fallback are 0
    outcome_rank   integer not null default 0,
    outcome_detail text,                     -- role that answered, node where abandoned…
    need           text,                     -- the need chosen in the IVR
    created_at     text not null
);
create index contact_started_at on contact (started_at);

-- The voice side of a contact: provider id, where the call stands in its script.
create table call (
    call_sid      text primary key,
    contact_id    integer not null unique references contact (contact_id),
    script        text not null,
    position      text not null,             -- JSON of ivr::engine::Position
    step          integer not null default 0,-- last webhook step answered
    status        text not null,             -- provider CallStatus
    status_rank   integer not null,          -- statuses never move backwards
    duration_secs integer,
    updated_at    text not null
);

-- The timeline: nodes visited, keys, transfers, recordings, status changes.
create table contact_event (
    event_id   integer primary key,
    contact_id integer not null references contact (contact_id),
    at         text not null,
    kind       text not null,
    node       text,
    detail     text not null,                -- JSON
    dedupe_key text unique                   -- set for events a retried callback could repeat
);
create index contact_event_contact on contact_event (contact_id, event_id);

-- Voicemail recordings; the provider's URL is kept server-side only.
create table recording (
    recording_sid text primary key,
    contact_id    integer not null references contact (contact_id),
    url           text,
    duration_secs integer,
    status        text not null,
    created_at    text not null
);

-- Answers already given, so a retried webhook gets the same TwiML.
-- Keys: 'step:<CallSid>:<n>' and 'token:<I-Twilio-Idempotency-Token>'.
create table webhook_reply (
    reply_key  text primary key,
    body       text not null,
    created_at text not null
);
