-- The limits of users.name (100) and posts.title (200) count characters: Unicode code points, as PostgreSQL and
-- MariaDB count a varchar's length, and as every library checks them before it writes (onetomany.contract.TextChecks).
-- H2 counts UTF-16 units instead, so an emoji (one code point, two units) counts twice there: 60 emoji would not fit
-- in a name of 100 characters. On H2 alone the two columns are made twice as wide, in UTF-16 units, so that the
-- longest value the contract accepts always fits; the limit itself is the contract's check, the same on the three
-- databases.
--
-- The placeholder h2_only is empty on H2 and "--" on PostgreSQL and MariaDB (onetomany.db.DatabaseKind): there the
-- two lines below are comments, and this migration changes nothing. Numbered after the exercises' V4, which it does
-- not touch.

${h2_only} alter table users alter column name set data type varchar(200);
${h2_only} alter table posts alter column title set data type varchar(400);
