-- 民主测评 (issue 13 point 5): an evaluation of a leadership team and its members (or of a list of
-- cadres), its ballot frozen at creation, one-time voting codes and anonymous ballots.
--
-- Anonymous by construction (docs/security.md, server/modules/cadre-evaluations/ballots.ts): a code is
-- kept only as a keyed hash (HMAC with a key derived from the instance secret, never stored here) with its
-- category and a used flag, and the system never records who received which paper slip. A ballot row has
-- a random UUID key, its category and its answers: no code, no voter, no time, no serial number. Nothing in
-- these tables joins a ballot to a code or a code to a person.

create table cadre_evaluations (
  id bigserial primary key,
  -- the organization whose department runs it; for a team it is the unit's manager at creation, and the
  -- scope follows the unit's manager_path (server/scope/resources.ts)
  manager_org_id bigint not null references orgs(id),
  team_id bigint references cadre_teams(id),
  title text not null,
  -- dimensions [{ key, label, weight }], answer sets (domain/rules/democratic-evaluation.ts)
  dimensions jsonb not null,
  answer_set text not null,
  team_answer_set text not null,
  status text not null default 'draft' check (status in ('draft', 'open', 'closed')),
  opened_at timestamptz,
  closed_at timestamptz,
  created_by bigint references users(id),
  created_at timestamptz not null default now(),
  version int not null default 1
);
create index cadre_evaluations_team on cadre_evaluations (team_id);
create index cadre_evaluations_manager on cadre_evaluations (manager_org_id, id);

-- Who is evaluated, frozen at creation: seq 0 is the team's overall item, 1… the people (their post as it was).
create table cadre_evaluation_subjects (
  evaluation_id bigint not null references cadre_evaluations(id),
  seq int not null,
  kind text not null check (kind in ('team', 'cadre')),
  cadre_id bigint references cadres(id),
  name text not null,
  title text not null default '',
  primary key (evaluation_id, seq)
);

-- Voter categories (班子成员, 中层干部, 干部职工代表, 服务对象…) with their weights.
create table cadre_evaluation_categories (
  evaluation_id bigint not null references cadre_evaluations(id),
  key text not null,
  name text not null,
  weight numeric not null check (weight >= 0),
  -- codes planned for the category (generated and printed by the officer)
  planned int not null default 0,
  sort int not null,
  primary key (evaluation_id, key)
);

-- One-time voting codes: only the keyed hash, the category and whether it was used.
create table cadre_evaluation_codes (
  code_hash text primary key,
  evaluation_id bigint not null,
  category text not null,
  used boolean not null default false,
  foreign key (evaluation_id, category) references cadre_evaluation_categories (evaluation_id, key)
);
create index cadre_evaluation_codes_eval on cadre_evaluation_codes (evaluation_id, category, used);

-- Anonymous ballots: a random key, the category and the answers. Deliberately no code, no voter, no time
-- and no sequence (a test asserts the columns).
create table cadre_evaluation_ballots (
  id uuid primary key,
  evaluation_id bigint not null,
  category text not null,
  answers jsonb not null,
  foreign key (evaluation_id, category) references cadre_evaluation_categories (evaluation_id, key)
);
create index cadre_evaluation_ballots_eval on cadre_evaluation_ballots (evaluation_id, category);
