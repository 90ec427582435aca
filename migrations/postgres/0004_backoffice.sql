-- Back-office users, their sessions, login attempts and the access log
-- (PostgreSQL dialect; migrations/sqlite has the same version).

-- People who log in to the back-office. Roles nest: staff < supervisor < admin.
create table app_user (
    user_id       bigint generated always as identity primary key,
    login         text not null unique,        -- lower-case, as typed at login
    display_name  text not null,
    role          text not null,               -- staff | supervisor | admin
    staff_id      bigint references staff (staff_id), -- the professional this user is
    password_hash text not null,               -- Argon2id PHC string
    active        boolean not null default true,
    last_login_at timestamptz,
    created_at    timestamptz not null,
    updated_at    timestamptz not null
);

-- Sessions live here so that every instance behind a load balancer knows them.
create table user_session (
    session_hash text primary key,             -- SHA-256 of the cookie's token: a stolen table opens nothing
    user_id      bigint not null references app_user (user_id),
    csrf_token   text not null,                -- every form of the session carries it
    created_at   timestamptz not null,
    last_seen_at timestamptz not null,                -- idle sessions expire
    expires_at   timestamptz not null                 -- and every session ends by this instant
);
create index user_session_user on user_session (user_id);
create index user_session_expiry on user_session (expires_at);

-- Login attempts, for throttling (several instances share them); purged after a day.
create table login_attempt (
    attempt_id bigint generated always as identity primary key,
    login      text not null,
    client     text,                           -- the client's address, when known
    succeeded  boolean not null,
    at         timestamptz not null
);
create index login_attempt_login on login_attempt (login, at);
create index login_attempt_client on login_attempt (client, at);

-- Who saw or changed what: every view of a contact's details, every reveal of a
-- full number, every export, every change. Read by admins.
create table access_log (
    access_id bigint generated always as identity primary key,
    user_id   bigint references app_user (user_id),
    at        timestamptz not null,
    action    text not null,                   -- login | logout | view-contact | reveal-number | export | change
    subject   text,                            -- contact:42, user:3, follow-up:7…
    detail    text                             -- English, never a number or a message body
);
create index access_log_at on access_log (at);
create index access_log_user on access_log (user_id, at);
