-- SMS conversations, their messages, urgent follow-ups and the durable outbox
-- (SQLite dialect; migrations/postgres has the same version).

-- Safety messages raise urgent follow-ups, shown first.
alter table follow_up add column urgent integer not null default 0;
create index follow_up_urgent on follow_up (urgent, state, due_at);

-- One conversation per parent number and helpline SMS number: what the bot
-- needs between two messages (opt-out, alternatives offered, flood notice).
create table sms_conversation (
    conversation_id    integer primary key,
    phone              text not null,            -- the parent, E.164
    line_number        text not null,            -- the helpline SMS number (To)
    opted_out_at       text,                     -- STOP/ARRET or provider code 21610; null = may receive pushes
    pending_choices    text,                     -- JSON array of topic ids offered as 1, 2, 3
    choices_offered_at text,
    flood_notice_at    text,                     -- when the "too many messages" notice was last sent
    contact_id         integer references contact (contact_id), -- the contact messages currently go to
    last_message_at    text not null,
    created_at         text not null,
    updated_at         text not null,
    unique (phone, line_number)
);

-- Every message in and out of a conversation.
create table sms_message (
    message_id      integer primary key,
    conversation_id integer not null references sms_conversation (conversation_id),
    contact_id      integer not null references contact (contact_id),
    direction       text not null,               -- inbound | outbound
    provider_sid    text unique,                 -- MessageSid (inbound at once; outbound once known)
    reply_to        text,                        -- outbound bot reply: the inbound MessageSid it answers
    body            text not null,
    num_media       integer not null default 0,
    segments        integer,                     -- outbound: as counted by sms::encoding
    encoding        text,                        -- outbound: gsm-7 | ucs-2
    author          text not null,               -- parent | bot | staff
    status          text not null,               -- received | queued | sending | sent | delivered | undelivered | failed | suppressed
    status_rank     integer not null default 0,  -- delivery statuses never move backwards
    error_code      integer,
    analysis        text,                        -- inbound: JSON of the bot's reading (topic, safety, score)
    created_at      text not null,
    updated_at      text not null
);
create index sms_message_conversation on sms_message (conversation_id, message_id);
create index sms_message_contact on sms_message (contact_id, message_id);
create index sms_message_flood on sms_message (conversation_id, direction, created_at);
create index sms_message_reply_to on sms_message (reply_to);

-- Outbound messages the service starts itself (alerts, replies outside a
-- webhook answer, confirmations), sent by the worker with retries.
create table outbox_message (
    outbox_id       integer primary key,
    to_number       text not null,               -- E.164
    body            text not null,
    segments        integer not null,
    encoding        text not null,
    purpose         text not null,               -- reply | staff-alert | callback-confirmation | notice
    to_parent       integer not null default 1,  -- a parent's number: never sent while opted out
    sms_message_id  integer references sms_message (message_id), -- its line in a conversation
    contact_id      integer references contact (contact_id),
    state           text not null,               -- pending | sending | sent | failed | opted-out
    attempts        integer not null default 0,
    next_attempt_at text not null,
    lease_until     text,                        -- while a worker holds it
    ambiguous_since text,                        -- an attempt whose result is unknown: reconcile before resending
    provider_sid    text unique,
    delivery_status text,                        -- from status callbacks
    last_error      text,                        -- English, numbers masked
    created_at      text not null,
    updated_at      text not null,
    sent_at         text
);
create index outbox_due on outbox_message (state, next_attempt_at);
