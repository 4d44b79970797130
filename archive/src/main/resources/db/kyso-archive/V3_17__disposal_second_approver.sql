-- Disposal by two people (issue #14): the organisation whose archivist drew the list up, and the decision
-- (số quyết định, its date) under which a second archivist of that organisation approved it. Lists approved
-- before keep no decision; from now on an approved list names one and another person than its proposer.
-- NOT VALID: the rules hold for every list approved from now on, not for the ones already kept for good.
alter table disposal_list add column organisation text;
alter table disposal_list add column decision_number text;
alter table disposal_list add column decision_date date;
alter table disposal_list add constraint disposal_list_decided
    check (state = 'PROPOSED' or (decision_number is not null and decision_date is not null)) not valid;
alter table disposal_list add constraint disposal_list_second_person
    check (approved_by is null or approved_by <> created_by) not valid;
