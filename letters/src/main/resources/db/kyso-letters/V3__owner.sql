-- The organisation a letter belongs to (issue #12): its clerks, authorised signers and archivists only may
-- see, sign, issue or download it. Null for letters filed without access control.
alter table kyso_letter add column owner_organisation text;
create index kyso_letter_owner on kyso_letter (owner_organisation, updated_at desc);
