-- Optimistic locking: the user is the root of his posts' aggregate, and users.version counts the changes made to
-- him or to any of his posts through the contract. A save names the version it read; a save made from an older
-- version is refused (someone else saved in between), instead of silently overwriting what that other save wrote
-- (a lost update). SQLAlchemy's version_id_col, Hibernate's @Version.
--
-- The same text on H2, PostgreSQL and MariaDB, so no placeholder: bigint, a default and NOT NULL are written alike
-- on the three. The default gives the users that exist already, and every insert that does not name the column,
-- version 0. (V2 is the exercises' own migration, in exercise-contract.)

alter table users add column version bigint default 0 not null;
