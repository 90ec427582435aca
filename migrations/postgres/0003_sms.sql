-- SMS conversations, their messages, urgent follow-ups and the durable outbox
-- (PostgreSQL dialect; migrations/sqlite has the same version).

-- Safety messages raise urgent follow-ups, shown first.
alter table follow_up add column urgent boolean not null default false;
create index follow_up_urgent on follow_up (urgent, state, due_at);

-- One conversation per parent number and helpline SMS number: what the bot
-- needs between two messages (opt-out, alternatives offered, flood notice).
create table sms_conversation (
    conversation_id    bigint generated always as identity primary key,
    phone              text not null,            -- the parent, E.164
    line_number        text not null,            -- the helpline SMS number (To)
    opted_out_at       timestamptz,                  -- STOP/ARRET or provider code 21610; null = may receive pushes
    pending_choices    text,                     -- JSON array of topic ids offered as 1, 2, 3
    choices_offered_at timestamptz,
    flood_notice_at    timestamptz,                  -- when the "too many messages" notice was last sent
    contact_id         bigint references contact (contact_id), -- the contact messages currently go to
    last_message_at    timestamptz not null,
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    unique (phone, line_number)
);

-- Every message in and out of a conversation.
create table sms_message (
    message_id      bigint generated always as identity primary key,
    conversation_id bigint not null references sms_conversation (conversation_id),
    contact_id      bigint not null references contact (contact_id),
    direction       text not null,               -- inbound | outbound
    provider_sid    text unique,                 -- MessageSid (inbound at once; outbound once known)
    reply_to        text,                        -- outbound bot reply: the inbound MessageSid it answers
    body            text not null,
    num_media       bigint not null default 0,
    segments        bigint,                     -- outbound: as counted by sms::encoding
    encoding        text,                        -- outbound: gsm-7 | ucs-2
    author          text not null,               -- parent | bot | staff
    status          text not null,               -- received | queued | sending | sent | delivered | undelivered | failed | suppressed
    status_rank     bigint not null default 0,  -- delivery statuses never move backwards
    error_code      bigint,
    analysis        text,                        -- inbound: JSON of the bot's reading (topic, safety, score)
    created_at      timestamptz not null,
    updated_at      timestamptz not null
);
create index sms_message_conversation on sms_message (conversation_id, message_id);
create index sms_message_contact on sms_message (contact_id, message_id);
create index sms_message_flood on sms_message (conversation_id, direction, created_at);
create index sms_message_reply_to on sms_message (reply_to);

-- Outbound messages the service starts itself (alerts, replies outside a
-- webhook answer, confirmations), sent by the worker with retries.
create table outbox_message (
    outbox_id       bigint generated always as identity primary key,
    to_number       text not null,               -- E.164
    body            text not null,
    segments        bigint not null,
    encoding        text not null,
    purpose         text not null,               -- reply | staff-alert | callback-confirmation | notice
    to_parent       boolean not null default true,   -- a parent's number: never sent while opted out
    sms_message_id  bigint references sms_message (message_id), -- its line in a conversation
    contact_id      bigint references contact (contact_id),
    state           text not null,               -- pending | sending | sent | failed | opted-out
    attempts        bigint not null default 0,
    next_attempt_at timestamptz not null,
    lease_until     timestamptz,                -- while a worker holds it
    ambiguous_since timestamptz,                -- an attempt whose result is unknown: reconcile before resending
    provider_sid    text unique,
    delivery_status text,                        -- from status callbacks
    last_error      text,                        -- English, numbers masked
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    sent_at         timestamptz
);
create index outbox_due on outbox_message (state, next_attempt_at);
