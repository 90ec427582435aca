-- Contacts and their timelines (PostgreSQL dialect; migrations/sqlite has the same version).
-- Column meanings are documented in migrations/sqlite/0001_contacts.sql.

create table contact (
    contact_id     bigint generated always as identity primary key,
    channel        text not null,
    line_number    text,
    caller_number  text,
    started_at     timestamptz not null,
    ended_at       timestamptz,
    outcome        text,
    outcome_rank   bigint not null default 0,
    outcome_detail text,
    need           text,
    created_at     timestamptz not null
);
create index contact_started_at on contact (started_at);

create table call (
    call_sid      text primary key,
    contact_id    bigint not null unique references contact (contact_id),
    script        text not null,
    position      text not null,
    step          bigint not null default 0,
    status        text not null,
    status_rank   bigint not null,
    duration_secs bigint,
    updated_at    timestamptz not null
);

create table contact_event (
    event_id   bigint generated always as identity primary key,
    contact_id bigint not null references contact (contact_id),
    at         timestamptz not null,
    kind       text not null,
    node       text,
    detail     text not null,
    dedupe_key text unique
);
create index contact_event_contact on contact_event (contact_id, event_id);

create table recording (
    recording_sid text primary key,
    contact_id    bigint not null references contact (contact_id),
    url           text,
    duration_secs bigint,
    status        text not null,
    created_at    timestamptz not null
);

create table webhook_reply (
    reply_key  text primary key,
    body       text not null,
    created_at timestamptz not null
);
