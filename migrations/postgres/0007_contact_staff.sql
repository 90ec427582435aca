-- Who handled each contact (took the call, called the parent back, or had the
-- follow-up assigned), with the contact's start: the contacts list filtered by
-- a professional reads one range of one index instead of three tables
-- (PostgreSQL dialect; migrations/sqlite has the same version).
create table contact_staff (
    contact_id bigint not null references contact (contact_id),
    staff_id   bigint not null references staff (staff_id),
    started_at timestamptz not null,          -- the contact's, copied: the list's order
    primary key (staff_id, contact_id)
);
create index contact_staff_list on contact_staff (staff_id, started_at, contact_id);
create index contact_staff_contact on contact_staff (contact_id);

insert into contact_staff (contact_id, staff_id, started_at)
select t.contact_id, t.staff_id, c.started_at from transfer_attempt t join contact c on c.contact_id = t.contact_id
 where t.outcome = 'accepted' and t.staff_id is not null
union
select f.contact_id, k.staff_id, c.started_at from callback_call k
  join follow_up f on f.follow_up_id = k.follow_up_id join contact c on c.contact_id = f.contact_id
union
select f.contact_id, f.assigned_staff_id, c.started_at from follow_up f join contact c on c.contact_id = f.contact_id
 where f.assigned_staff_id is not null;

-- Channel and outcome together ("SMS, answered by the bot", "calls abandoned"):
-- a combination with few or no contacts is then an empty range, not a scan of
-- the channel's contacts.
create index contact_channel_outcome on contact (channel, outcome, started_at, contact_id);
