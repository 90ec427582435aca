-- The contacts list's filters (see src/db/search.rs), PostgreSQL dialect;
-- migrations/sqlite has the same version.
--
-- Each equality filter is indexed with the list's order (started_at, then
-- contact_id), so that a page of a filtered list is one range of one index,
-- however many contacts there are.
drop index contact_started_at;
create index contact_started_at on contact (started_at, contact_id);
create index contact_channel on contact (channel, started_at, contact_id);
create index contact_line on contact (line_number, started_at, contact_id);
create index contact_need on contact (need, started_at, contact_id);
create index contact_outcome on contact (outcome, started_at, contact_id);
-- "The contacts this professional handled": taken calls, callbacks, assignments.
create index transfer_attempt_staff on transfer_attempt (staff_id, outcome, contact_id);
create index callback_call_staff on callback_call (staff_id, follow_up_id);
