-- Exercise 10: optimistic locking of a post and its comments. A post is the root of its comments: a save through
-- savePostWithComments that changes the post or any of its comments adds 1 to posts.version, and a save whose
-- draft was read at another version is refused (see exercises/instructions/10-save-comments.md). Owned by the
-- exercises, like V2; the numbers in between are common-schema's. The default gives the rows that the other
-- exercises and the fixtures insert without naming the column a version of 0. The same SQL on H2, PostgreSQL and
-- MariaDB.

alter table posts add column version bigint default 0 not null;
