-- 人才分类认定 filed by the applicant (issue 15 point 2): a 'draft' the talent (or their employer) fills and
-- attaches evidence to before submitting it into the review.
alter table talent_recognitions drop constraint talent_recognitions_status_check;
alter table talent_recognitions add constraint talent_recognitions_status_check check (status in ('draft', 'employer_review',
  'district_review', 'city_review', 'expert_review', 'publicity', 'granted', 'refused', 'returned'));
