-- Attachments in separate files (Decree 30, Appendix I): signed by the organisation with the number and
-- symbol at the top right of page one, and archived as records of their own.
create table kyso_letter_attachment (
    letter_id uuid         not null references kyso_letter (id),
    position  integer      not null,
    name      varchar(200) not null,
    pdf       bytea        not null,
    record_id varchar(64),
    primary key (letter_id, position)
);
