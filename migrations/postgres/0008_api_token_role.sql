-- What an API token may do, with the back-office's roles: `staff` reads the
-- rota, who is on duty and the parents to call back; `supervisor` also reads
-- contacts and figures and changes the directory and the schedules. Tokens
-- created before roles existed could do everything: they stay supervisors.
alter table api_token add column role text not null default 'supervisor';
