-- Click-to-call: when the professional accepted and when the callback ended
-- (PostgreSQL dialect; migrations/sqlite has the same version).
alter table callback_call add column accepted_at timestamptz;  -- the professional pressed 1
alter table callback_call add column ended_at timestamptz;     -- when it reached its final state
