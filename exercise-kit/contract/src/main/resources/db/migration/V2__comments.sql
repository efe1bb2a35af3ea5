-- The exercises' table: a post has many comments. Owned by the exercises (module exercise-contract); the seeds'
-- schema, V1, is left as it is. Flyway finds this file because Database migrates classpath:db/migration, and
-- every classpath entry holding that folder counts. Portable like V1: ${identity} is filled in per database by
-- onetomany.db.Database (MariaDB says auto_increment); everything else is the same SQL on H2, PostgreSQL, MariaDB.

create table comments (
    id      bigint ${identity} primary key,
    body    varchar(1000) not null,
    -- Many comments per post; no comment without a post. No ON DELETE CASCADE, like posts.user_id: deleting a
    -- post's comments is each library's job (exercise 4).
    post_id bigint not null,
    constraint fk_comments_post foreign key (post_id) references posts (id)
);

create index idx_comments_post_id on comments (post_id);

-- Exercise 9: ids that Hibernate can know before it inserts, so that it can batch the inserts. posts.id stays an
-- identity column (every other client still uses it); this sequence hands out blocks of 1000 ids far above what
-- the identity will reach in the workshop, so the two never meet. See exercises/instructions/09-batch-insert.md.
create sequence post_ids start with 1000000 increment by 1000;
