-- Staff, on-call schedules, transfer attempts, follow-ups and API tokens
-- (PostgreSQL dialect; migrations/sqlite has the same version).
-- Lists (roles, days, people) are JSON arrays of text: they are read whole with
-- their owner and never queried inside.

-- The staff directory.
create table staff (
    staff_id            bigint generated always as identity primary key,
    name                text not null,
    phone               text not null,          -- E.164, checked by the phonenumber crate
    roles               text not null,          -- JSON array of role ids
    active              boolean not null default true,
    calendar_token_hash text unique,            -- SHA-256 of the secret iCalendar URL token
    created_at          timestamptz not null,
    updated_at          timestamptz not null
);

-- Rotations: people taking turns for a role, handing over at a local hour.
create table rotation (
    rotation_id  bigint generated always as identity primary key,
    role         text not null,
    name         text not null,
    members      text not null,                 -- JSON array of staff ids, in turn order
    handoff      text not null,                 -- daily | weekly
    handoff_time text not null,                 -- HH:MM, local time
    start_date   text not null,                 -- YYYY-MM-DD, local date of the first turn
    created_at   timestamptz not null
);

-- Weekly rules: on these days, in this local window, these people are on duty.
create table schedule_rule (
    rule_id      bigint generated always as identity primary key,
    role         text not null,
    days         text not null,                 -- JSON array: ["monday", …]
    window_start text not null,                 -- HH:MM
    window_end   text not null,                 -- HH:MM or 24:00; <= start crosses midnight
    holidays     text not null,                 -- always | not-on-holidays | only-on-holidays
    rotation_id  bigint references rotation (rotation_id),
    staff        text not null,                 -- JSON array of staff ids
    priority     bigint not null default 0,
    created_at   timestamptz not null
);
create index schedule_rule_role on schedule_rule (role);

-- Overrides for a period: replace, add or remove someone.
create table schedule_override (
    override_id  bigint generated always as identity primary key,
    role         text not null,
    starts_at    timestamptz not null,
    ends_at      timestamptz not null,
    kind         text not null,                 -- replace | add | remove
    staff_id     bigint not null references staff (staff_id),
    by_staff_id  bigint references staff (staff_id),
    note         text,
    created_at   timestamptz not null
);
create index schedule_override_period on schedule_override (ends_at);

-- Secret iCalendar URL tokens of role schedules.
create table role_calendar (
    role       text primary key,
    token_hash text not null unique,
    created_at timestamptz not null
);

-- Each professional rung for a call: who, how long, and what happened.
create table transfer_attempt (
    attempt_id  bigint generated always as identity primary key,
    contact_id  bigint not null references contact (contact_id),
    call_sid    text not null,                  -- the caller's call
    seq         bigint not null,               -- 1, 2, … within the call
    node        text not null,
    role        text not null,
    staff_id    bigint references staff (staff_id),
    staff_name  text not null,                  -- as it was when rung
    strategy    text not null,                  -- sequential | simultaneous
    ring_secs   bigint not null,
    whisper     text not null,                  -- what the professional hears before accepting
    leg_sid     text,                           -- the professional's leg
    -- what the professional did at the screening prompt: accepted | refused | no-key
    screen      text,
    started_at  timestamptz not null,
    answered_at timestamptz,                           -- the phone picked up (person or voicemail)
    ended_at    timestamptz,
    -- ringing | accepted | refused | no-answer | busy | failed | canceled
    outcome     text not null default 'ringing',
    unique (call_sid, seq)
);
create index transfer_attempt_contact on transfer_attempt (contact_id);

-- Contacts someone must act on: call back a parent.
create table follow_up (
    follow_up_id         bigint generated always as identity primary key,
    contact_id           bigint not null unique references contact (contact_id),
    -- missed | abandoned | callback-requested | message-left
    reason               text not null,
    need                 text,
    state                text not null default 'new', -- new | in-progress | waiting | closed
    outcome              text,                        -- when closed: reached | unreachable | …
    due_at               timestamptz not null,
    attempts             bigint not null default 0,
    last_attempt_at      timestamptz,
    last_attempt_outcome text,                        -- reached | no-answer | …
    created_at           timestamptz not null,
    updated_at           timestamptz not null
);
create index follow_up_open on follow_up (state, due_at);

-- Click-to-call: a professional is rung first, then, once they press 1, the parent.
create table callback_call (
    callback_id     bigint generated always as identity primary key,
    follow_up_id    bigint not null references follow_up (follow_up_id),
    staff_id        bigint not null references staff (staff_id),
    staff_call_sid  text unique,                -- the professional's leg, placed by the REST API
    -- placing | calling-staff | calling-parent | reached | no-answer | busy | failed
    -- | staff-declined | staff-unreachable | not-placed
    state           text not null,
    detail          text,                       -- why it was not placed, in English, for supervisors
    accepted_at     timestamptz,                -- the professional pressed 1
    ended_at        timestamptz,                -- when it reached its final state
    created_at      timestamptz not null,
    updated_at      timestamptz not null
);
create index callback_call_follow_up on callback_call (follow_up_id);

-- Tokens of the JSON API (only their hash is kept).
create table api_token (
    token_id     bigint generated always as identity primary key,
    name         text not null,
    token_hash   text not null unique,
    created_at   timestamptz not null,
    last_used_at timestamptz,
    revoked_at   timestamptz
);
