"""The store's database connection over SQLAlchemy Core: SQLite (embedded default) or Postgres, migrated on open.

One connection per process, in autocommit mode: reads are single statements, and every write is one explicit
transaction opened by ``Db.writing``, which serialises writers:

- SQLite: ``BEGIN IMMEDIATE`` takes the file's write lock at once (as before migrations existed).
- Postgres: ``BEGIN`` then ``pg_advisory_xact_lock(WRITE_LOCK)``: every store write, from any replica, waits for
  the one before it to commit. A write re-merges the happenings near its reports from what the database holds,
  and checks article ownership and corrections: two writers interleaving under READ COMMITTED would each
  found a happening for the same event, or both claim one article id. SERIALIZABLE would catch that too, but
  by aborting one of them, and a save (Python merge work included) would then have to be retried, often, since
  concurrent posts about the same story touch the same rows. A store write takes milliseconds, SQLite already
  runs them one at a time, and the lock is released at commit, at rollback, and when a replica's connection
  dies, so one advisory lock gives every replica SQLite's semantics. Reads never wait for it. After the lock is
  granted each statement (READ COMMITTED) sees everything committed before, so a write starts from the state
  the previous write left.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from alembic import command
from alembic.config import Config
from sqlalchemy import (
    Connection,
    Engine,
    Text,
    TextClause,
    bindparam,
    create_engine,
    event,
    inspect,
    text,
)
from sqlalchemy.engine import Dialect, make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.sql.compiler import SQLCompiler

from summarizer.timeline import tables

WRITE_LOCK = 0x5355_4D57  # pg_advisory_xact_lock key of store writes (any 64-bit number no one else uses)
MIGRATE_LOCK = 0x5355_4D4D  # ... of migrations at start-up
SCHEMES = ("sqlite", "postgresql", "postgres")


def engine_url(target: Path | str) -> str:
    """A SQLAlchemy URL: a path is a SQLite file; postgresql:// (or postgres://) URLs use psycopg 3."""
    if isinstance(target, Path):
        return f"sqlite:///{target}"
    url = make_url(target)
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    elif url.get_backend_name() not in SCHEMES:
        raise ValueError(f"not a SQLite or Postgres URL: {url.drivername}://")
    return url.render_as_string(hide_password=False)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.close()


def _alembic(connection: Connection) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", "summarizer:migrations")
    cfg.attributes["connection"] = connection
    return cfg


def migrate(engine: Engine) -> bool:
    """Bring the schema to Alembic's head. A SQLite store made before migrations (tables made by the code at
    open, columns added by ALTER) is first given what it lacks, then stamped at the baseline. True when the
    stored events were never indexed into happenings (the caller indexes them once)."""
    logging.getLogger("alembic").setLevel(logging.WARNING)
    with engine.begin() as conn:
        _one_at_a_time(conn)
        have = set(inspect(conn).get_table_names())
        legacy = "articles" in have and "alembic_version" not in have
        unindexed = "events" in have and "happening" not in {
            c["name"] for c in inspect(conn).get_columns("events")
        }
        if legacy or unindexed:
            _adapt(conn)
        if legacy:
            command.stamp(_alembic(conn), "0001")
    with engine.begin() as conn:
        _one_at_a_time(conn)
        command.upgrade(_alembic(conn), "head")
    return unindexed


def _one_at_a_time(conn: Connection) -> None:
    """On Postgres, replicas starting together migrate one after another (the second finds the schema at head)
    rather than racing to create the same tables; SQLite's file lock does it there."""
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATE_LOCK})")


def _adapt(conn: Connection) -> None:
    """Give a store made by earlier code the baseline's tables, columns and indexes (rows kept)."""
    have = set(inspect(conn).get_table_names())
    for table in tables.metadata.sorted_tables:
        if table.name not in have:
            table.create(conn)
            continue
        columns = {c["name"] for c in inspect(conn).get_columns(table.name)}
        if table.name == "event_history" and "seq" not in columns:
            _number_event_history(conn)
            columns.add("seq")
        for column in table.columns:
            if column.name not in columns:
                default = " NOT NULL DEFAULT ''" if column.server_default is not None else ""
                conn.exec_driver_sql(f"ALTER TABLE {table.name} ADD COLUMN {column.name} TEXT{default}")
        indexes = {i["name"] for i in inspect(conn).get_indexes(table.name)}
        for index in table.indexes:
            if index.name not in indexes:
                index.create(conn)


def _number_event_history(conn: Connection) -> None:
    """SQLite's event_history had no id column: history_articles pointed at its rowid. Rebuild it with ``seq``
    (an alias of the rowid) holding the same numbers."""
    conn.exec_driver_sql("ALTER TABLE event_history RENAME TO event_history_old")
    conn.exec_driver_sql("DROP INDEX IF EXISTS event_history_date")
    tables.event_history.create(conn)
    names = ", ".join(c.name for c in tables.event_history.columns if c.name != "seq")
    conn.exec_driver_sql(
        f"INSERT INTO event_history (seq, {names}) SELECT rowid, {names} FROM event_history_old"
    )
    conn.exec_driver_sql("DROP TABLE event_history_old")


@lru_cache(maxsize=1024)
def _statement(sql: str, expanding: tuple[str, ...]) -> TextClause:
    clause = text(sql)
    # typed: an empty list renders as an empty set of text (untyped, Postgres would compare text to integer)
    lists = (bindparam(name, expanding=True, type_=Text()) for name in expanding)
    return clause.bindparams(*lists) if expanding else clause


def _fetched(result: Any, fetch: Literal["all", "one", "none"]) -> Any:
    if fetch == "none":
        return None
    if fetch == "all":
        return [tuple(r) for r in result]
    row = result.fetchone()
    return None if row is None else tuple(row)


@lru_cache(maxsize=1024)
def _compiled(sql: str, dialect: Dialect) -> SQLCompiler:
    compiled = text(sql).compile(dialect=dialect)
    assert isinstance(compiled, SQLCompiler)
    return compiled


class Db:
    """One autocommit connection to the store's database (not thread-safe: the Store holds a lock)."""

    def __init__(self, target: Path | str) -> None:
        url = engine_url(target)
        if url.startswith("sqlite"):
            self.engine = create_engine(url, connect_args={"check_same_thread": False})
            event.listen(self.engine, "connect", _sqlite_pragmas)
        else:
            self.engine = create_engine(url, pool_pre_ping=True)
        self.dialect = self.engine.dialect.name  # "sqlite" or "postgresql"
        self.unindexed = migrate(self.engine)
        self.conn = self._connect()
        self._writing = False

    def _connect(self) -> Connection:
        return self.engine.connect().execution_options(isolation_level="AUTOCOMMIT")

    def _reconnect(self) -> None:
        """After the database dropped the connection (a restart, a proxy's idle timeout): a new one."""
        with suppress(DBAPIError):
            self.conn.close()
        self.conn = self._connect()

    @property
    def driver_connection(self) -> Any:
        """The driver's own connection (sqlite3 or psycopg), for tests and benches that look below the store."""
        return self.conn.connection.driver_connection

    def close(self) -> None:
        self.conn.close()
        self.engine.dispose()

    @contextmanager
    def writing(self) -> Iterator[None]:
        """One write transaction, serialised against every other writer (see the module docstring). A
        connection found dropped at BEGIN is replaced; one lost mid-transaction fails this write (the database
        rolled it back) and is replaced for the next."""
        begin = "BEGIN IMMEDIATE" if self.dialect == "sqlite" else "BEGIN"
        try:
            self.conn.exec_driver_sql(begin)
        except DBAPIError as e:
            if not e.connection_invalidated:
                raise
            self._reconnect()
            self.conn.exec_driver_sql(begin)
        self._writing = True
        try:
            if self.dialect != "sqlite":
                self.run("SELECT pg_advisory_xact_lock(:key)", key=WRITE_LOCK)
            yield
        except BaseException as e:
            if isinstance(e, DBAPIError) and e.connection_invalidated:
                self._reconnect()
            else:
                self.conn.exec_driver_sql("ROLLBACK")
            raise
        else:
            self.conn.exec_driver_sql("COMMIT")
        finally:
            self._writing = False

    def _execute(self, sql: str, params: dict[str, object]) -> Any:
        """Through SQLAlchemy: a list or tuple value expands into an IN list; a read outside a write whose
        connection was dropped is retried once on a new one."""
        expanding = tuple(sorted(k for k, v in params.items() if isinstance(v, list | tuple)))
        try:
            return self.conn.execute(_statement(sql, expanding), params)
        except DBAPIError as e:
            if not e.connection_invalidated or self._writing:
                raise
            self._reconnect()
            return self.conn.execute(_statement(sql, expanding), params)

    def _fast(self, sql: str, params: dict[str, object], fetch: Literal["all", "one", "none"]) -> Any:
        """The statement as SQLAlchemy compiles it for this database, run on the driver's cursor: the store
        runs many small statements and SQLAlchemy's result handling would double what each costs. Statements
        with IN lists, and any error (dropped connections included), take the SQLAlchemy path."""
        if any(isinstance(v, list | tuple) for v in params.values()):
            result = self._execute(sql, params)
            return _fetched(result, fetch)
        compiled = _compiled(sql, self.engine.dialect)
        args = tuple(params[k] for k in compiled.positiontup) if compiled.positiontup is not None else params
        try:
            cursor = self.conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
            try:
                cursor.execute(compiled.string, args)
                return None if fetch == "none" else cursor.fetchall() if fetch == "all" else cursor.fetchone()
            finally:
                cursor.close()
        except Exception:  # the SQLAlchemy path raises it properly (and reconnects)
            result = self._execute(sql, params)
            return _fetched(result, fetch)

    def result(self, sql: str, **params: object) -> Any:
        """Execute SQL through SQLAlchemy and give its result (rows to fetch, ``rowcount``): for callers that
        need how many rows a statement changed; the store's own hot paths use ``run``/``rows``/``one``."""
        return self._execute(sql, params)

    def run(self, sql: str, **params: object) -> None:
        """Execute SQL with named binds (``:name``); a list or tuple value expands into an IN list."""
        self._fast(sql, params, "none")

    def rows(self, sql: str, **params: object) -> list[tuple[Any, ...]]:
        return self._fast(sql, params, "all")  # type: ignore[no-any-return]

    def one(self, sql: str, **params: object) -> tuple[Any, ...] | None:
        return self._fast(sql, params, "one")  # type: ignore[no-any-return]

    def same(self, column: str, name: str, value: object) -> str:
        """``column`` equals the bind ``name``, NULL matching NULL: ``IS NULL`` or ``=`` (both use indexes)."""
        return f"{column} IS NULL" if value is None else f"{column} = :{name}"

    def contains(self, column: str, name: str) -> str:
        """``column`` contains the text of bind ``name``."""
        fn = "instr" if self.dialect == "sqlite" else "strpos"
        return f"{fn}({column}, :{name}) > 0"
