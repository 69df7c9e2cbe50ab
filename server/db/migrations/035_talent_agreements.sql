-- 柔性引才 agreements and the evaluation of 显绩 and 潜绩 (issue 15 points 3 and 7): what migration 029 left out.
-- An agreement ends (its term run out) or is terminated with a reason and the day; a renewal is a new agreement
-- pointing at the one it continues. An employer records on-site days too, so a row says who recorded it.
alter table talent_agreements add column ended_on date;
alter table talent_agreements add column end_reason text not null default '';
alter table talent_agreements add column renewed_from bigint references talent_agreements(id);
alter table talent_agreements add column updated_at timestamptz not null default now();
create index talent_agreements_employer on talent_agreements (employer_id);
create index talent_agreements_renewed_from on talent_agreements (renewed_from);
create unique index talent_agreements_one_renewal on talent_agreements (renewed_from) where renewed_from is not null;

alter table talent_agreement_days add column recorded_as text not null default 'office' check (recorded_as in ('office', 'employer'));

-- A deliverable is accepted or returned for rework (the reason kept); an accepted one stays accepted.
alter table talent_deliverables add column outcome text check (outcome in ('accepted', 'returned'));
update talent_deliverables set outcome = 'accepted' where accepted_on is not null;

-- An evaluation is scored against the indicator set in force on the last day of its year: the set's
-- effective date is kept so the scores stay explained after a new set supersedes it. A second evaluation
-- of the same year replaces the first (the version guards against a stale edit; the audit row keeps the old).
alter table talent_evaluations add column indicators_on date;
alter table talent_evaluations add column version int not null default 1;
create index talent_evaluations_year on talent_evaluations (year);
create index talent_indicators_effective on talent_indicators (effective_on);
