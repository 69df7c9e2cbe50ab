-- Cadres II, more (issue 13 points 1–3): stopping a selection (终止) with its reason, and 竞争上岗 applicants.

-- 终止: a selection stopped at any step before 任职 keeps its record, read-only, with why, when and who.
alter table cadre_selections add column stopped_on date;
alter table cadre_selections add column stop_reason text;
alter table cadre_selections add column stopped_by text;

-- 竞争上岗 (《党政领导干部选拔任用工作条例》第九章): the applicants who signed up for a post, the qualification review
-- (the eligibility findings at the review, and the officer's conclusion), the written exam and interview scores,
-- the 民主测评 reference, and whether the applicant was chosen for 考察 (then a candidate of the selection).
create table cadre_selection_applicants (
  id bigserial primary key,
  selection_id bigint not null references cadre_selections(id),
  cadre_id bigint not null references cadres(id),
  post_id bigint not null references cadre_posts(id),
  signed_up_on date not null,
  -- null until reviewed; false with the reason when not qualified
  qualified boolean,
  review_note text,
  review_findings jsonb,
  reviewed_by text,
  reviewed_on date,
  written_score double precision,
  interview_score double precision,
  -- 民主测评 reference: the evaluation's result in words or a rate, for the record (not a score)
  evaluation_note text,
  chosen boolean not null default false,
  unique (selection_id, cadre_id, post_id)
);
create index cadre_selection_applicants_selection on cadre_selection_applicants (selection_id, id);
