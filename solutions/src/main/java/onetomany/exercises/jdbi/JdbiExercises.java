package onetomany.exercises.jdbi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import javax.sql.DataSource;

import onetomany.contract.NewPost;
import onetomany.contract.NewUser;
import onetomany.contract.User;
import onetomany.exercises.contract.Comment;
import onetomany.exercises.contract.CommentedPost;
import onetomany.exercises.contract.CommentedUser;
import onetomany.exercises.contract.Exercises;
import onetomany.exercises.contract.PostCount;
import onetomany.exercises.contract.CommentDraft;
import onetomany.exercises.contract.DraftRefused;
import onetomany.exercises.contract.PostDraft;
import onetomany.exercises.contract.VersionedPost;
import onetomany.exercises.jdbi.model.CommentEntity;
import onetomany.exercises.jdbi.model.PostEntity;
import onetomany.exercises.jdbi.model.UserEntity;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.result.RowView;

/**
 * The exercises in Jdbi 3 core: every statement by hand, rows to objects by {@link ExerciseRowMappers}, joins
 * folded into graphs by row reducers. The pattern of every one of them is in {@code module-jdbi}'s
 * {@code JdbiUserPostRepository}.
 */
public class JdbiExercises implements Exercises {

    // catch-up ex1 {
    private static final String POSTS_LEFT_JOIN_COMMENTS = """
            select p.id p_id, p.title p_title, p.content p_content, c.id c_id, c.body c_body
            from posts p
            left join comments c on c.post_id = p.id
            """;
    // catch-up }

    // catch-up ex6 {
    private static final String USERS_LEFT_JOIN_POSTS = """
            select u.id u_id, u.name u_name, p.id p_id, p.title p_title, p.content p_content
            """;
    // catch-up }

    private final Jdbi jdbi;

    public JdbiExercises(DataSource dataSource) {
        this.jdbi = Jdbi.create(dataSource)
                .registerRowMapper(UserEntity.class, ExerciseRowMappers::user)
                .registerRowMapper(PostEntity.class, ExerciseRowMappers::post)
                .registerRowMapper(CommentEntity.class, ExerciseRowMappers::comment);
    }

    // 1. Map comments -----------------------------------------------------------------------------------------

    @Override
    public long addComment(long postId, String body) {
        // catch-up ex1 {
        return jdbi.inTransaction(handle -> handle.createUpdate(
                        "insert into comments (body, post_id) values (:body, :postId)")
                .bind("body", body)
                .bind("postId", postId)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
        // catch-up }
    }

    @Override
    public Optional<Comment> findComment(long commentId) {
        // catch-up ex1 {
        // The comment's post with all its comments, folded by the reducer; the comment is one of them.
        return jdbi.inTransaction(handle -> handle.createQuery(POSTS_LEFT_JOIN_COMMENTS + """
                        where p.id = (select post_id from comments where id = :id)
                        order by c.id""")
                .bind("id", commentId)
                .reduceRows(JdbiExercises::foldPostRow)
                .findFirst()
                .flatMap(post -> post.getComments().stream().filter(c -> c.getId() == commentId).findFirst())
                .map(Comment.class::cast));
        // catch-up }
    }

    // catch-up ex1 {
    /** One post per id, in query order; each row's comment, if any, added to that very post. */
    private static void foldPostRow(Map<Long, PostEntity> posts, RowView row) {
        PostEntity post = posts.computeIfAbsent(row.getColumn("p_id", Long.class), id -> row.getRow(PostEntity.class));
        if (row.getColumn("c_id", Long.class) != null) {
            post.addComment(row.getRow(CommentEntity.class));
        }
    }
    // catch-up }

    // 2. Load comments ----------------------------------------------------------------------------------------

    @Override
    public Optional<CommentedPost> findPostWithComments(long postId) {
        // catch-up ex2 {
        return jdbi.inTransaction(handle -> handle.createQuery(POSTS_LEFT_JOIN_COMMENTS + """
                        where p.id = :id
                        order by c.id""")
                .bind("id", postId)
                .reduceRows(JdbiExercises::foldPostRow)
                .findFirst()
                .map(CommentedPost.class::cast));
        // catch-up }
    }

    @Override
    public List<CommentedPost> findAllPostsWithCommentsJoined() {
        // catch-up ex2 {
        return jdbi.inTransaction(handle -> List.copyOf(handle.createQuery(POSTS_LEFT_JOIN_COMMENTS + """
                        order by p.id, c.id""")
                .reduceRows(JdbiExercises::foldPostRow)
                .toList()));
        // catch-up }
    }

    @Override
    public List<CommentedPost> findAllPostsWithCommentsSelectIn() {
        // catch-up ex2 {
        return jdbi.inTransaction(handle -> {
            Map<Long, PostEntity> posts = new LinkedHashMap<>();
            handle.createQuery("select p.id p_id, p.title p_title, p.content p_content from posts p order by p.id")
                    .mapTo(PostEntity.class)
                    .forEach(post -> posts.put(post.getId(), post));
            // The ids by chunks of at most 500, one statement each, as module-jdbi's SELECT_IN; with no post there
            // is no chunk, and no "in ()", which is not SQL.
            List<Long> ids = List.copyOf(posts.keySet());
            for (int from = 0; from < ids.size(); from += POST_IDS_PER_STATEMENT) {
                handle.createQuery("""
                                select c.id c_id, c.body c_body, c.post_id c_post_id
                                from comments c
                                where c.post_id in (<postIds>)
                                order by c.id""")
                        .bindList("postIds", ids.subList(from, Math.min(from + POST_IDS_PER_STATEMENT, ids.size())))
                        .reduceRows(posts, (byId, row) -> {
                            byId.get(row.getColumn("c_post_id", Long.class))
                                    .addComment(row.getRow(CommentEntity.class));
                            return byId;
                        });
            }
            return List.copyOf(posts.values());
        });
        // catch-up }
    }

    // 3. Three levels -----------------------------------------------------------------------------------------

    @Override
    public List<CommentedUser> findAllUsersWithPostsAndComments() {
        // catch-up ex3 {
        // One statement, a two-level reducer: users by id in a LinkedHashMap (the result), posts by id in a
        // HashMap on the side, so that a post's second comment row finds the post its first row created.
        return jdbi.inTransaction(handle -> {
            Map<Long, PostEntity> postsById = new HashMap<>();
            return List.copyOf(handle.createQuery("""
                            select u.id u_id, u.name u_name, p.id p_id, p.title p_title, p.content p_content,
                                   c.id c_id, c.body c_body
                            from users u
                            left join posts p on p.user_id = u.id
                            left join comments c on c.post_id = p.id
                            order by u.id, p.id, c.id""")
                    .reduceRows((Map<Long, UserEntity> users, RowView row) -> {
                        UserEntity user = users.computeIfAbsent(row.getColumn("u_id", Long.class),
                                id -> row.getRow(UserEntity.class));
                        Long postId = row.getColumn("p_id", Long.class);
                        if (postId == null) {
                            return;
                        }
                        PostEntity post = postsById.computeIfAbsent(postId, id -> {
                            PostEntity created = row.getRow(PostEntity.class);
                            user.addPost(created);
                            return created;
                        });
                        if (row.getColumn("c_id", Long.class) != null) {
                            post.addComment(row.getRow(CommentEntity.class));
                        }
                    })
                    .toList());
        });
        // catch-up }
    }

    // 4. Cascade ----------------------------------------------------------------------------------------------

    @Override
    public void deleteUser(long userId) {
        // catch-up ex4 {
        // cascade="all" two levels down, children first, one statement per table.
        jdbi.useTransaction(handle -> {
            handle.createUpdate("delete from comments where post_id in (select id from posts where user_id = :id)")
                    .bind("id", userId).execute();
            handle.createUpdate("delete from posts where user_id = :id").bind("id", userId).execute();
            handle.createUpdate("delete from users where id = :id").bind("id", userId).execute();
        });
        // catch-up }
    }

    @Override
    public boolean removeComment(long postId, long commentId) {
        // catch-up ex4 {
        return jdbi.inTransaction(handle -> handle.createUpdate(
                        "delete from comments where id = :commentId and post_id = :postId")
                .bind("commentId", commentId)
                .bind("postId", postId)
                .execute() == 1);
        // catch-up }
    }

    // 5. Count posts ------------------------------------------------------------------------------------------

    @Override
    public List<PostCount> countPostsPerUser() {
        // catch-up ex5 {
        return jdbi.inTransaction(handle -> handle.createQuery("""
                        select u.id, u.name, count(p.id)
                        from users u
                        left join posts p on p.user_id = u.id
                        group by u.id, u.name
                        order by u.id""")
                .map((rs, ctx) -> new PostCount(rs.getLong(1), rs.getString(2), rs.getLong(3)))
                .list());
        // catch-up }
    }

    // 6. A page of users --------------------------------------------------------------------------------------

    @Override
    public List<User> findAllUsersWithPosts() {
        // catch-up ex6 {
        return jdbi.inTransaction(handle -> List.copyOf(handle.createQuery(USERS_LEFT_JOIN_POSTS + """
                        from users u
                        left join posts p on p.user_id = u.id
                        order by u.id, p.id""")
                .reduceRows(JdbiExercises::foldUserRow)
                .toList()));
        // catch-up }
    }

    @Override
    public List<User> findPageOfUsersWithPosts(int page, int size) {
        // catch-up ex6 {
        // The limit on users, in a derived table; the join then adds all their posts. One statement.
        return jdbi.inTransaction(handle -> List.copyOf(handle.createQuery(USERS_LEFT_JOIN_POSTS + """
                        from (select id, name from users order by id limit :size offset :offset) u
                        left join posts p on p.user_id = u.id
                        order by u.id, p.id""")
                .bind("size", size)
                .bind("offset", page * size)
                .reduceRows(JdbiExercises::foldUserRow)
                .toList()));
        // catch-up }
    }

    // catch-up ex6 {
    private static void foldUserRow(Map<Long, UserEntity> users, RowView row) {
        UserEntity user = users.computeIfAbsent(row.getColumn("u_id", Long.class), id -> row.getRow(UserEntity.class));
        if (row.getColumn("p_id", Long.class) != null) {
            user.addPost(row.getRow(PostEntity.class));
        }
    }
    // catch-up }

    // 7. Move a post ------------------------------------------------------------------------------------------

    @Override
    public User movePost(long postId, long toUserId) {
        // catch-up ex7 {
        // Moving is one update of the foreign key; then the new author with his posts.
        return jdbi.inTransaction(handle -> {
            int updated = handle.createUpdate("update posts set user_id = :userId where id = :postId")
                    .bind("userId", toUserId)
                    .bind("postId", postId)
                    .execute();
            if (updated != 1) {
                throw new IllegalArgumentException("there is no post " + postId);
            }
            return handle.createQuery(USERS_LEFT_JOIN_POSTS + """
                            from users u
                            left join posts p on p.user_id = u.id
                            where u.id = :userId
                            order by p.id""")
                    .bind("userId", toUserId)
                    .reduceRows(JdbiExercises::foldUserRow)
                    .findFirst()
                    .orElseThrow();
        });
        // catch-up }
    }

    // 8. Search -----------------------------------------------------------------------------------------------

    @Override
    public List<String> findTitlesContaining(String fragment) {
        // catch-up ex8 {
        // :pattern is bound, so quotes are data. % and _ stay wildcards inside a like pattern: escape them, and
        // the escape character. '!' rather than '\', which MariaDB and MySQL read as an escape in literals.
        String pattern = "%" + fragment.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        return jdbi.inTransaction(handle -> handle.createQuery(
                        "select title from posts where title like :pattern escape '!' order by id")
                .bind("pattern", pattern)
                .mapTo(String.class)
                .list());
        // catch-up }
    }

    // 9. Batch insert -----------------------------------------------------------------------------------------

    @Override
    public long saveUserWithManyPosts(NewUser newUser) {
        // catch-up ex9 {
        // The user for its generated id, then the posts as one PreparedBatch: add() binds a row, execute() sends
        // them in one executeBatch. Chunks of 1000 keep what the driver holds in memory bounded.
        return jdbi.inTransaction(handle -> {
            long userId = handle.createUpdate("insert into users (name) values (:name)")
                    .bind("name", newUser.name())
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one();
            List<NewPost> posts = newUser.posts();
            for (int from = 0; from < posts.size(); from += 1000) {
                insertPosts(handle, userId, posts.subList(from, Math.min(posts.size(), from + 1000)));
            }
            return userId;
        });
        // catch-up }
    }

    // catch-up ex9 {
    private static void insertPosts(Handle handle, long userId, List<NewPost> posts) {
        PreparedBatch batch = handle.prepareBatch(
                "insert into posts (title, content, user_id) values (:title, :content, :userId)");
        for (NewPost post : posts) {
            batch.bind("title", post.title()).bind("content", post.content()).bind("userId", userId).add();
        }
        batch.execute();
    }
    // catch-up }

    // 10. Save from a draft ---------------------------------------------------------------------------------

    @Override
    public VersionedPost savePostWithComments(PostDraft draft) {
        // catch-up ex10 {
        // The diff is ours: Jdbi sends what it is told. One select, then the post's row first (the optimistic
        // lock), then one statement per kind of change: a delete with a bound list, two PreparedBatches.
        return jdbi.inTransaction(handle -> {
            PostEntity post = handle.createQuery("""
                            select p.id p_id, p.title p_title, p.content p_content, p.version p_version,
                                   c.id c_id, c.body c_body
                            from posts p
                            left join comments c on c.post_id = p.id
                            where p.id = :id
                            order by c.id""")
                    .bind("id", draft.postId())
                    .reduceRows((Map<Long, PostEntity> posts, RowView row) -> {
                        PostEntity loadedPost = posts.computeIfAbsent(row.getColumn("p_id", Long.class),
                                id -> new PostEntity(id, row.getColumn("p_title", String.class),
                                        row.getColumn("p_content", String.class),
                                        row.getColumn("p_version", Long.class)));
                        if (row.getColumn("c_id", Long.class) != null) {
                            loadedPost.addComment(new CommentEntity(row.getColumn("c_id", Long.class),
                                    row.getColumn("c_body", String.class)));
                        }
                    })
                    .findFirst()
                    .orElseThrow(() -> DraftRefused.unknownPost(draft.postId()));
            if (post.getVersion() != draft.version()) {
                throw DraftRefused.staleVersion(draft.postId(), draft.version(), null);
            }
            Map<Long, String> loaded = new LinkedHashMap<>();
            post.getComments().forEach(comment -> loaded.put(comment.getId(), comment.getBody()));
            Map<Long, String> kept = new LinkedHashMap<>();
            Map<Long, String> changed = new LinkedHashMap<>();
            List<String> added = new ArrayList<>();
            for (CommentDraft comment : draft.comments()) {
                if (comment.id() == null) {
                    added.add(comment.body());
                } else if (!loaded.containsKey(comment.id()) || kept.put(comment.id(), comment.body()) != null) {
                    throw DraftRefused.unknownComment(draft.postId(), comment.id());
                } else if (!loaded.get(comment.id()).equals(comment.body())) {
                    changed.put(comment.id(), comment.body()); // unchanged ones: no statement
                }
            }
            List<Long> removed = loaded.keySet().stream().filter(id -> !kept.containsKey(id)).toList();
            boolean postEdited = !Objects.equals(post.getTitle(), draft.title())
                    || !Objects.equals(post.getContent(), draft.content());
            if (!postEdited && added.isEmpty() && changed.isEmpty() && removed.isEmpty()) {
                return post; // nothing to write, and the version stays
            }
            // The root first: no row when someone saved the post since the draft's version; its row lock makes a
            // concurrent save wait here, then find no row.
            int updated = handle.createUpdate("""
                            update posts set title = :title, content = :content, version = version + 1
                            where id = :id and version = :version""")
                    .bind("title", draft.title())
                    .bind("content", draft.content())
                    .bind("id", draft.postId())
                    .bind("version", draft.version())
                    .execute();
            if (updated != 1) {
                throw DraftRefused.staleVersion(draft.postId(), draft.version(), null);
            }
            if (!removed.isEmpty()) {
                handle.createUpdate("delete from comments where post_id = :postId and id in (<ids>)")
                        .bind("postId", draft.postId())
                        .bindList("ids", removed)
                        .execute();
            }
            if (!changed.isEmpty()) {
                PreparedBatch updates = handle.prepareBatch(
                        "update comments set body = :body where id = :id and post_id = :postId");
                changed.forEach((id, body) -> updates.bind("body", body).bind("id", id).bind("postId", draft.postId())
                        .add());
                updates.execute();
            }
            List<Long> newIds = List.of();
            if (!added.isEmpty()) {
                PreparedBatch inserts = handle.prepareBatch(
                        "insert into comments (body, post_id) values (:body, :postId)");
                added.forEach(body -> inserts.bind("body", body).bind("postId", draft.postId()).add());
                newIds = inserts.executePreparedBatch("id").mapTo(Long.class).list();
            }
            Map<Long, String> saved = new LinkedHashMap<>();
            loaded.keySet().stream().filter(kept::containsKey).forEach(id -> saved.put(id, kept.get(id)));
            List<CommentEntity> fresh = new ArrayList<>();
            for (int i = 0; i < added.size(); i++) {
                fresh.add(new CommentEntity(newIds.get(i), added.get(i)));
            }
            return savedPost(draft.postId(), draft.title(), draft.content(), draft.version() + 1, saved, fresh);
        });
        // catch-up }
    }

    @Override
    public int statementsToSave(boolean postEdited, int added, int changed, int removed) {
        // catch-up ex10 {
        // The load; the post's update; one delete for all the removed comments; one batch of updates; one batch
        // of inserts, whose generated keys come back from the batch.
        boolean any = postEdited || added + changed + removed > 0;
        return 1 + (any ? 1 : 0) + (removed > 0 ? 1 : 0) + (changed > 0 ? 1 : 0) + (added > 0 ? 1 : 0);
        // catch-up }
    }

    // catch-up ex10 {
    /** The post as saved: its kept comments in id order with their bodies, then the new ones. */
    private static PostEntity savedPost(long id, String title, String content, long version, Map<Long, String> kept,
                                        List<CommentEntity> added) {
        PostEntity post = new PostEntity(id, title, content, version);
        kept.forEach((commentId, body) -> post.addComment(new CommentEntity(commentId, body)));
        added.forEach(post::addComment);
        return post;
    }
    // catch-up }
}
