-- The back-office's work on contacts: who a follow-up is assigned to, and notes
-- (SQLite dialect; migrations/postgres has the same version).

alter table follow_up add column assigned_staff_id integer references staff (staff_id);
create index follow_up_assigned on follow_up (assigned_staff_id, state, due_at);

-- Notes of the professionals on a contact (what was said, what comes next).
create table contact_note (
    note_id    integer primary key,
    contact_id integer not null references contact (contact_id),
    user_id    integer not null references app_user (user_id),
    body       text not null,
    created_at text not null
);
create index contact_note_contact on contact_note (contact_id, note_id);
