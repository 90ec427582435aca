-- Click-to-call: when the professional accepted and when the callback ended
-- (SQLite dialect; migrations/postgres has the same version).
alter table callback_call add column accepted_at text;  -- the professional pressed 1
alter table callback_call add column ended_at text;     -- when it reached its final state
