#!/usr/bin/env python3
"""What SQLAlchemy's loaders send, checked with SQLAlchemy itself (docs/guide.md, section 6).

The seeds' User and Post on SQLite in memory, 1,200 users with one post each; every statement counted through
SQLAlchemy's before_cursor_execute event. Prints the chunk size of selectinload (SelectInLoader._chunksize), the
statements selectinload sends for 0, 1, 499, 500, 501 and 1,200 users, the second statement of subqueryload, and
what yield_per does with selectinload and with joinedload.

    /usr/bin/python3 scripts/sqlalchemy-loaders.py     # Debian: apt-get install python3-sqlalchemy (1.4)
"""
from sqlalchemy import create_engine, Column, Integer, String, ForeignKey, event, select, inspect
from sqlalchemy.orm import declarative_base, relationship, Session, selectinload, subqueryload, joinedload
from sqlalchemy.orm.strategies import SelectInLoader
import sqlalchemy
Base = declarative_base()
class User(Base):
    __tablename__ = 'users'
    id = Column(Integer, primary_key=True)
    name = Column(String, nullable=False)
    posts = relationship("Post", back_populates="author", cascade="all, delete-orphan", order_by="Post.id")
class Post(Base):
    __tablename__ = 'posts'
    id = Column(Integer, primary_key=True)
    title = Column(String, nullable=False)
    user_id = Column(Integer, ForeignKey("users.id"), nullable=False)
    author = relationship("User", back_populates="posts")
engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
sent = []
@event.listens_for(engine, "before_cursor_execute")
def log(conn, cursor, statement, parameters, context, executemany):
    sent.append((statement, parameters))
with engine.begin() as c:
    c.execute(User.__table__.insert(), [{"id": i, "name": f"u{i}"} for i in range(1, 1201)])
    c.execute(Post.__table__.insert(), [{"title": f"p{i}", "user_id": i} for i in range(1, 1201)])
print("SQLAlchemy", sqlalchemy.__version__, "SelectInLoader._chunksize =", SelectInLoader._chunksize)
for n in (0, 1, 499, 500, 501, 1200):
    with Session(engine) as s:
        sent.clear()
        users = s.scalars(select(User).where(User.id <= n).order_by(User.id).options(selectinload(User.posts))).all()
        print(f"selectinload, {n} users: {len(sent)} statements; params of the 2nd: {len(sent[1][1]) if len(sent) > 1 else '-'}")
with Session(engine) as s:
    sent.clear()
    s.scalars(select(User).order_by(User.id).options(selectinload(User.posts))).all()
    print("selectinload 2nd statement:", " ".join(sent[1][0].split()))
    sent.clear()
    s.expunge_all()
    s.scalars(select(User).order_by(User.id).options(subqueryload(User.posts))).all()
    print("subqueryload:", len(sent), "statements; 2nd:", " ".join(sent[1][0].split()))
    s.expunge_all(); sent.clear()
    count = 0
    for user in s.scalars(select(User).order_by(User.id).options(selectinload(User.posts)).execution_options(yield_per=100)):
        count += 1
    print("yield_per=100 with selectinload:", count, "users in", len(sent), "statements")
    s.expunge_all(); sent.clear()
    try:
        for user in s.scalars(select(User).order_by(User.id).options(joinedload(User.posts)).execution_options(yield_per=100)):
            pass
        print("yield_per with joinedload: ran,", len(sent))
    except Exception as e:
        print("yield_per with joinedload:", type(e).__name__, str(e).split("\n")[0][:200])
