-- The back-office's work on contacts: who a follow-up is assigned to, and notes
-- (PostgreSQL dialect; migrations/sqlite has the same version).

alter table follow_up add column assigned_staff_id bigint references staff (staff_id);
create index follow_up_assigned on follow_up (assigned_staff_id, state, due_at);

-- Notes of the professionals on a contact (what was said, what comes next).
create table contact_note (
    note_id    bigint generated always as identity primary key,
    contact_id bigint not null references contact (contact_id),
    user_id    bigint not null references app_user (user_id),
    body       text not null,
    created_at timestamptz not null
);
create index contact_note_contact on contact_note (contact_id, note_id);
