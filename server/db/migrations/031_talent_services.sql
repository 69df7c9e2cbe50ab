-- Talent services other departments deliver (issue 15 point 6): children's schooling, spouse
-- employment, talent apartments, the medical green channel, housing subsidies. A request is routed to
-- the department responsible for its type; each department's accounts (role talent_service) see only
-- the requests routed to it; each type has a response time in working days.
create table talent_service_departments (
  id bigserial primary key,
  code text not null unique,
  name text not null,
  created_at timestamptz not null default now()
);

create table talent_service_department_users (
  department_id bigint not null references talent_service_departments(id),
  user_id bigint not null unique references users(id),
  primary key (department_id, user_id)
);

create table talent_service_types (
  id bigserial primary key,
  code text not null unique,
  name text not null,
  department_id bigint not null references talent_service_departments(id),
  -- the department answers within this many working days (Chinese holiday calendar)
  response_days int not null check (response_days between 1 and 60),
  -- the tiers whose card holders may ask (empty: every card holder)
  tier_codes jsonb not null default '[]',
  description text not null default '',
  active boolean not null default true,
  created_at timestamptz not null default now()
);

create table talent_service_requests (
  id bigserial primary key,
  person_id bigint not null references talent_people(id),
  type_id bigint not null references talent_service_types(id),
  -- the department it is routed to (the type's, unless the office re-routed it)
  department_id bigint not null references talent_service_departments(id),
  detail text not null,
  status text not null default 'submitted' check (status in ('submitted', 'accepted', 'answered', 'closed', 'withdrawn')),
  submitted_on date not null,
  due_on date not null,
  accepted_at timestamptz,
  answered_at timestamptz,
  answer text not null default '',
  -- answered after due_on: marked, never refused (RULES.md §9)
  late boolean not null default false,
  closed_at timestamptz,
  -- 1–5, the talent's rating when closing (optional)
  satisfaction int check (satisfaction between 1 and 5),
  created_by bigint references users(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version int not null default 1
);
create index talent_service_requests_department on talent_service_requests (department_id, status, due_on);
create index talent_service_requests_person on talent_service_requests (person_id);

create table talent_service_events (
  id bigserial primary key,
  request_id bigint not null references talent_service_requests(id),
  at timestamptz not null default now(),
  user_id bigint references users(id),
  action text not null,
  note text not null default ''
);
create index talent_service_events_request on talent_service_events (request_id, at);
