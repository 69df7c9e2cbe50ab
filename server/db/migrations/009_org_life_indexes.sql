-- Indexes measured on the demo city after issue 4 landed.
-- The meetings list of a large subtree is ordered by the meeting's date, newest first (meetings/queries.ts).
create index meetings_date_desc on meetings ((coalesce(held_on, planned_on)) desc, id desc);
-- The compliance monitor reads the few late records of a period (org-life/compliance.ts).
create index meetings_late on meetings (held_on) where late and status = 'held';
