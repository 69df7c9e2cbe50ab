-- Theory learning (issue 14): the one ledger of 学时 every source writes to. A learner is a Party
-- member (member_id) or, for a cadre who is not a member, the cadre's file (cadre_id): a cadre who is
-- a member earns under the member record, so one person has one archive. Plans, materials, quizzes,
-- classes and the archive's own tables come in their modules' migrations (022–025).
create table learning_credits (
  id bigserial primary key,
  member_id bigint references members(id),
  cadre_id bigint references cadres(id),
  -- the year the hours count for (a 学时 year is the calendar year)
  year int not null,
  earned_on date not null,
  -- online: credited study time; quiz: a passed quiz; class: a finished 培训班; assigned: 上级调训;
  -- party_school: 党校 records; self: self-reported training approved by the organization
  source text not null check (source in ('online', 'quiz', 'class', 'assigned', 'party_school', 'self')),
  -- what earned it, unique per source and learner ("material:12", "class:3", an import's record number)
  source_ref text not null,
  title text not null,
  -- 学时 to 0.1
  hours numeric(6, 1) not null check (hours >= 0 and hours <= 2000),
  -- counts toward the online floor (RULES.md §7, the 50 hours online)
  online boolean not null default false,
  -- pending and rejected rows (self-reported training) do not count
  status text not null default 'approved' check (status in ('approved', 'pending', 'rejected')),
  -- a row that looks like another source's record of the same training (same title and dates)
  duplicate_of bigint references learning_credits(id),
  note text not null default '',
  created_by bigint references users(id),
  created_at timestamptz not null default now(),
  check ((member_id is null) <> (cadre_id is null))
);
create unique index learning_credits_member_ref on learning_credits (member_id, source, source_ref) where member_id is not null;
create unique index learning_credits_cadre_ref on learning_credits (cadre_id, source, source_ref) where cadre_id is not null;
create index learning_credits_year on learning_credits (year, member_id);
create index learning_credits_cadre on learning_credits (cadre_id, year) where cadre_id is not null;
