"""The throwaway Postgres cluster the store and job tests run against starts, serves SQL, and isolates tests."""

from __future__ import annotations

from tests.postgres import PostgresServer


def test_each_test_gets_its_own_empty_database(postgres_server: PostgresServer, postgres_url: str) -> None:
    name = postgres_url.rsplit("/", 1)[1]
    postgres_server.psql("CREATE TABLE t (x int); INSERT INTO t VALUES (41), (1)", database=name)
    assert postgres_server.psql("SELECT sum(x) FROM t", database=name).strip() == "42"
    other = postgres_server.create_database(name + "_other")
    assert other.startswith("postgresql://") and other != postgres_url
    tables = postgres_server.psql("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'",
                                  database=name + "_other")  # fmt: skip
    assert tables.strip() == "0"
