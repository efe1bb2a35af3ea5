#!/usr/bin/env python3
"""What the guide and the exercises say SQLAlchemy does, run against SQLAlchemy itself.

Run: python3 docs/sqlalchemy/check_claims.py   (SQLAlchemy 1.4 or 2.x; on Debian/Ubuntu: apt-get install
python3-sqlalchemy). Each check prints what it saw and fails with an AssertionError if SQLAlchemy behaves otherwise.
The models are the seeds' (the first seed makes posts.user_id NOT NULL, the second leaves it nullable). Statement
counts printed are those of the SQLAlchemy version that runs (the guide quotes 1.4.46 on SQLite).
"""
from sqlalchemy import Column, ForeignKey, Integer, String, create_engine, event, func, inspect, select
from sqlalchemy.exc import InvalidRequestError
from sqlalchemy.orm import Session, configure_mappers, declarative_base, joinedload, relationship

import sqlalchemy


def models(nullable_fk, cascade=None, versioned=False):
    """The seeds' User and Post; cascade=None is SQLAlchemy's default ("save-update, merge"). versioned adds a
    version_id_col to User, the root of his posts' aggregate."""
    base = declarative_base()
    kwargs = {} if cascade is None else {"cascade": cascade}

    class User(base):
        __tablename__ = "users"
        id = Column(Integer, primary_key=True)
        name = Column(String, nullable=False)
        posts = relationship("Post", back_populates="author", order_by="Post.id", **kwargs)
        if versioned:
            version = Column(Integer, nullable=False)
            __mapper_args__ = {"version_id_col": version}

    class Post(base):
        __tablename__ = "posts"
        id = Column(Integer, primary_key=True)
        title = Column(String, nullable=False)
        content = Column(String)
        user_id = Column(Integer, ForeignKey("users.id"), nullable=nullable_fk)
        author = relationship("User", back_populates="posts")

    return base, User, Post


def engine_with_log(base):
    engine = create_engine("sqlite://")
    base.metadata.create_all(engine)
    sent = []

    @event.listens_for(engine, "before_cursor_execute")
    def record(conn, cursor, statement, parameters, context, executemany):
        sent.append(" ".join(statement.split()))

    return engine, sent


def seed(session, User, Post):
    alice = User(name="Alice")
    Post(title="First Post", content="Content of first post", author=alice)
    Post(title="Second Post", content="Content of second post", author=alice)
    session.add(alice)
    session.commit()
    return alice


def check_joinedload_with_limit_wraps_a_subquery():
    base, User, Post = models(nullable_fk=False)
    engine, sent = engine_with_log(base)
    with Session(engine) as session:
        for name in ("Alice", "Bob", "Carol"):
            user = User(name=name)
            for i in range(3):
                user.posts.append(Post(title=f"{name} {i}"))
            session.add(user)
        session.commit()
    with Session(engine) as session:
        sent.clear()
        users = session.scalars(select(User).options(joinedload(User.posts)).order_by(User.id).limit(2)).unique().all()
        print("joinedload + limit(2):", sent[0])
        assert len(sent) == 1
        assert "LIMIT" in sent[0] and "FROM (SELECT" in sent[0], "the limited users are a subquery, then joined"
        assert [u.name for u in users] == ["Alice", "Bob"]
        assert [len(u.posts) for u in users] == [3, 3], "each user has all his posts: the limit counts users"


def check_save_update_cascade_saves_the_posts():
    for cascade in (None, "save-update", "all, delete-orphan"):
        base, User, Post = models(nullable_fk=False, cascade=cascade)
        engine, sent = engine_with_log(base)
        with Session(engine) as session:
            seed(session, User, Post)
            inserts = [s for s in sent if s.startswith("INSERT INTO posts")]
            saved = session.scalar(select(func.count()).select_from(Post))
            print(f"cascade={cascade!r}: session.add(alice) saves {saved} posts in {len(inserts)} INSERT statements")
            assert saved == 2
    base, User, Post = models(nullable_fk=False, cascade="merge")
    engine, sent = engine_with_log(base)
    with Session(engine) as session:
        alice = User(name="Alice")
        Post(title="First Post", author=alice)
        session.add(alice)
        session.commit()
        assert not [s for s in sent if s.startswith("INSERT INTO posts")], "without save-update the post stays out"
        print("cascade='merge' (no save-update): the posts are not saved")


def check_expire_on_commit_sends_selects_after_commit():
    base, User, Post = models(nullable_fk=False)
    engine, sent = engine_with_log(base)
    with Session(engine) as session:
        alice = seed(session, User, Post)
        sent.clear()
        titles = [post.title for post in alice.posts]
        print("after commit(), the print loop sends:", sent)
        assert titles == ["First Post", "Second Post"]
        assert len(sent) == 2 and all(s.startswith("SELECT") for s in sent), "alice refreshed, then her posts"
    with Session(engine, expire_on_commit=False) as session:
        alice = seed(session, User, Post)
        sent.clear()
        assert [post.title for post in alice.posts] == ["First Post", "Second Post"]
        assert sent == [], "expire_on_commit=False: nothing is reloaded"
        print("expire_on_commit=False: the loop sends nothing")
    session = Session(engine)
    alice = session.scalars(select(User).where(User.name == "Alice")).first()
    session.close()
    try:
        alice.posts
        raise AssertionError("a lazy load on a detached object should fail")
    except sqlalchemy.orm.exc.DetachedInstanceError as e:
        print("lazy load after close():", type(e).__name__)


def check_uselist_is_inferred():
    base, User, Post = models(nullable_fk=False)
    configure_mappers()
    assert inspect(User).relationships["posts"].uselist is True
    assert inspect(Post).relationships["author"].uselist is False
    print("uselist inferred: User.posts True, Post.author False")


def check_a_relationship_to_an_unregistered_class_fails_at_mapper_configuration():
    base = declarative_base()

    class User(base):
        __tablename__ = "users"
        id = Column(Integer, primary_key=True)
        posts = relationship("Post", back_populates="author")  # Post's module never imported

    engine = create_engine("sqlite://")
    base.metadata.create_all(engine)
    assert inspect(engine).get_table_names() == ["users"], "create_all silently leaves posts out"
    try:
        configure_mappers()
        raise AssertionError("the mapper should not configure")
    except InvalidRequestError as e:
        print("relationship('Post') without Post:", str(e).splitlines()[0][:160])
        assert "'Post' failed to locate a name" in str(e)
    base.registry.dispose()


def check_the_second_seed_accepts_a_post_without_author():
    for nullable in (True, False):
        base, User, Post = models(nullable_fk=nullable)
        engine, sent = engine_with_log(base)
        with Session(engine) as session:
            session.add(Post(title="orphan"))
            try:
                session.commit()
                saved = True
            except sqlalchemy.exc.IntegrityError:
                saved = False
        print(f"user_id nullable={nullable}: a post without author saved={saved}")
        assert saved == nullable


def check_contains_autoescape():
    base, User, Post = models(nullable_fk=False)
    sql = str(Post.title.contains("50%_off", autoescape=True).compile(compile_kwargs={"literal_binds": True}))
    print("contains(autoescape=True):", sql)
    assert "ESCAPE '/'" in sql and "50/%/_off" in sql


def check_a_changed_collection_is_saved_by_the_unit_of_work_and_version_id_col_refuses_a_stale_save():
    """Exercise 10, with the seeds' models: user.posts (cascade="all, delete-orphan") changed as a form would change
    it, and a version_id_col on users. The unit of work writes only what changed; a change to the collection alone
    leaves the user's version as it was; a save of a user whose row changed since it was loaded is refused."""
    from sqlalchemy.orm.exc import StaleDataError

    base, User, Post = models(nullable_fk=False, cascade="all, delete-orphan", versioned=True)

    engine = create_engine("sqlite://")
    base.metadata.create_all(engine)
    sent = []

    @event.listens_for(engine, "before_cursor_execute")
    def record(conn, cursor, statement, parameters, context, executemany):
        rows = len(parameters) if executemany else 1
        sent.append((" ".join(statement.split()), rows))

    with Session(engine) as session:
        alice = User(name="Alice", posts=[Post(title=f"post {i}") for i in range(1, 6)])
        session.add(alice)
        session.commit()
        posts = list(alice.posts)  # loaded again after the commit (expire_on_commit)
        version = alice.version
        sent.clear()
        posts[1].title = "post 2, edited"
        posts[2].title = "post 3, edited"
        alice.posts.remove(posts[3])  # delete-orphan
        alice.posts.append(Post(title="new 1"))
        alice.posts.append(Post(title="new 2"))
        session.commit()
        writes = [(sql, rows) for sql, rows in sent if not sql.startswith("SELECT")]
        for sql, rows in writes:
            print(f"  {sql}  ({rows} row{'s' if rows > 1 else ''})")
        updated = sum(rows for sql, rows in writes if sql.startswith("UPDATE posts"))
        inserted = sum(rows for sql, rows in writes if sql.startswith("INSERT INTO posts"))
        deleted = sum(rows for sql, rows in writes if sql.startswith("DELETE FROM posts"))
        print(f"add 2, edit 2, remove 1 of 5: {len(writes)} writes; rows updated {updated}, inserted {inserted},"
              f" deleted {deleted}")
        assert (updated, inserted, deleted) == (2, 2, 1), "only the changed rows are written"
        assert len([sql for sql, _ in writes if sql.startswith("UPDATE posts")]) == 1, "the updates in one executemany"
        assert not any(sql.startswith("UPDATE users") for sql, _ in writes)
        assert alice.version == version, "a change to the collection alone leaves the parent's version"

        with Session(engine) as other:
            other.get(User, alice.id).name = "Alice, renamed elsewhere"
            other.commit()
        alice.name = "Alice, renamed here"
        try:
            session.commit()
            refused = False
        except StaleDataError as e:
            refused = True
            print("a stale save:", type(e).__name__, "-", str(e).splitlines()[0])
        assert refused, "the second save of the same version is refused"


def check_the_glossarys_words():
    """The glossary's rows for the notes' own words: relationship, back_populates, uselist (checked above),
    joinedload, selectinload, cascade, delete-orphan (checked by exercise 10's check), .unique(), create_all."""
    from sqlalchemy.orm import selectinload

    base, User, Post = models(nullable_fk=False)
    # relationship(): code only, no column of its own in either table.
    assert [c.name for c in User.__table__.columns] == ["id", "name"]
    assert [c.name for c in Post.__table__.columns] == ["id", "title", "content", "user_id"]
    print("relationship() adds no column: users", [c.name for c in User.__table__.columns])
    # back_populates: appending to one side sets the other, in memory, before any flush.
    alice, post = User(name="Alice"), Post(title="First Post")
    alice.posts.append(post)
    assert post.author is alice
    bob = User(name="Bob")
    post.author = bob
    assert post in bob.posts and post not in alice.posts, "setting the author moves the post between the lists"
    print("back_populates: append sets post.author; post.author = bob moves it to bob.posts")
    # cascade: the default is save-update and merge; no delete, no delete-orphan.
    cascade = inspect(User).relationships["posts"].cascade
    assert set(cascade) == {"save-update", "merge"}, cascade
    print("default cascade:", sorted(cascade))
    base_all, UserAll, _ = models(nullable_fk=False, cascade="all")
    every = set(inspect(UserAll).relationships["posts"].cascade)
    assert {"save-update", "merge", "delete"} <= every and "delete-orphan" not in every, every
    print("cascade='all':", sorted(every))
    # create_all: creates the tables that are missing, leaves the ones that exist.
    engine = create_engine("sqlite://")
    User.__table__.create(engine)
    base.metadata.create_all(engine)
    base.metadata.create_all(engine)
    assert sorted(inspect(engine).get_table_names()) == ["posts", "users"]
    print("create_all over an existing users table: adds posts, twice without error")
    engine, sent = engine_with_log(base)
    with Session(engine) as session:
        for i in range(501):
            session.add(User(name=f"user {i}", posts=[Post(title=f"post {i}")]))
        session.commit()
    with Session(engine) as session:
        # joinedload: one statement with a LEFT OUTER JOIN; .unique() is required for a joined collection.
        sent.clear()
        try:
            session.scalars(select(User).options(joinedload(User.posts))).all()
            raise AssertionError("a joined collection without unique() should be refused")
        except InvalidRequestError as e:
            assert "unique() method must be invoked" in str(e)
            print("joinedload without .unique():", str(e).splitlines()[0][:100])
        sent.clear()
        users = session.scalars(select(User).options(joinedload(User.posts)).order_by(User.id)).unique().all()
        assert len(sent) == 1 and "LEFT OUTER JOIN posts" in sent[0]
        assert len(users) == 501 and all(len(u.posts) == 1 for u in users), "one object per user"
        print("joinedload + .unique():", len(sent), "statement,", len(users), "users")
    with Session(engine) as session:
        # selectinload: the users, then their posts by user id, 500 ids a statement.
        sent.clear()
        users = session.scalars(select(User).options(selectinload(User.posts)).order_by(User.id)).all()
        ins = [s for s in sent if "WHERE posts.user_id IN (" in s]
        assert len(sent) == 3 and len(ins) == 2, sent
        assert [s.count("?") for s in ins] == [500, 1]
        print("selectinload, 501 users:", len(sent), "statements, ids per IN:", [s.count("?") for s in ins])


def alice_with_five_posts(engine, User, Post):
    with Session(engine) as session:
        alice = User(name="Alice")
        for i in range(1, 6):
            Post(title=f"Post {i}", content=f"content {i}", author=alice)
        session.add(alice)
        session.commit()
        return alice.id


def check_the_unit_of_work_writes_the_diff_and_version_id_col_refuses_a_stale_save():
    base, User, Post = models(nullable_fk=False, cascade="all, delete-orphan", versioned=True)
    engine, sent = engine_with_log(base)
    alice_id = alice_with_five_posts(engine, User, Post)
    with Session(engine) as session:
        alice = session.get(User, alice_id)
        posts = list(alice.posts)
        assert alice.version == 1, "version_id_col starts at 1"
        sent.clear()
        posts[1].title = "Post 2, edited"
        posts[2].content = None
        alice.posts.remove(posts[4])  # delete-orphan
        alice.posts.append(Post(title="Post 6", content="six"))
        alice.posts.append(Post(title="Post 7"))
        session.commit()
        print("add 2, edit 2, remove 1, name unchanged:", sent)
        assert len([s for s in sent if s.startswith("INSERT INTO posts")]) == 2
        assert len([s for s in sent if s.startswith("UPDATE posts")]) == 2, "the two edited posts, not the others"
        assert len([s for s in sent if s.startswith("DELETE FROM posts")]) == 1
        assert not [s for s in sent if s.startswith("UPDATE users")], "only posts changed: the user's row is not touched"
        assert len(sent) == 5, "and nothing else"
    with Session(engine) as session:
        alice = session.get(User, alice_id)
        [(p.title, p.content) for p in alice.posts]
        sent.clear()
        for post in alice.posts:
            post.title = post.title  # the same values again, as an unchanged form sends them back
        session.commit()
        print("the same values set again, then commit():", sent)
        assert sent == [], "nothing changed: nothing is sent"
    with Session(engine) as session:
        alice = session.get(User, alice_id)
        assert alice.version == 1, "so his version stays: version_id_col counts updates of the users row only"
        assert [p.title for p in alice.posts] == ["Post 1", "Post 2, edited", "Post 3", "Post 4", "Post 6", "Post 7"]
        sent.clear()
        alice.name = "Alicia"
        alice.posts[0].title = "Post 1, edited"
        session.commit()
        print("rename and edit one post:", [s for s in sent if s.startswith("UPDATE")])
        assert "UPDATE users SET name=?, version=? WHERE users.id = ? AND users.version = ?" in sent
    # A lost update refused: two sessions read version 2, the first saves, the second's save matches no row.
    first, second = Session(engine), Session(engine)
    a, b = first.get(User, alice_id), second.get(User, alice_id)
    assert a.version == b.version == 2
    a.name = "saved first"
    first.commit()
    b.name = "saved second"
    try:
        second.commit()
        raise AssertionError("the second save should be refused")
    except sqlalchemy.orm.exc.StaleDataError as e:
        print("the second save of version 2:", type(e).__name__ + ":", str(e).splitlines()[0][:120])
    second.rollback()
    # The version is only compared with the row the session loaded: a draft read earlier is the caller's to check.
    with Session(engine) as session:
        alice = session.get(User, alice_id)
        alice.name = "from a draft of version 1"
        session.commit()
        print("a change made on a freshly loaded row is saved whatever version a draft was read at: version",
              alice.version)
        assert alice.version == 4
    first.close()
    second.close()


if __name__ == "__main__":
    print("SQLAlchemy", sqlalchemy.__version__)
    check_joinedload_with_limit_wraps_a_subquery()
    check_save_update_cascade_saves_the_posts()
    check_expire_on_commit_sends_selects_after_commit()
    check_uselist_is_inferred()
    check_a_relationship_to_an_unregistered_class_fails_at_mapper_configuration()
    check_the_second_seed_accepts_a_post_without_author()
    check_contains_autoescape()
    check_a_changed_collection_is_saved_by_the_unit_of_work_and_version_id_col_refuses_a_stale_save()
    check_the_unit_of_work_writes_the_diff_and_version_id_col_refuses_a_stale_save()
    check_the_glossarys_words()
    print("all checks passed")
