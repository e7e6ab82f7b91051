"""Shared fixtures: test data folders, the official schemas beside the project, a glossary copy."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
SEEDS = ROOT / "seeds"
SHARED = (ROOT / ".." / "shared").resolve()


@pytest.fixture
def glossary_dir(tmp_path: Path) -> Path:
    """A copy of the hand-written test glossary (three concepts in en, kk, kk-Latn, ru)."""
    target = tmp_path / "glossary"
    shutil.copytree(DATA / "glossary", target)
    return target


@pytest.fixture(scope="session")
def official_validate():
    """``validate(path) -> list of problems`` from the official schemas in ../shared/schemas."""
    schemas = SHARED / "schemas"
    if not (schemas / "validate.py").is_file():
        pytest.skip("../shared/schemas is not beside the project: official schema checks skipped")
    sys.path.insert(0, str(schemas))
    try:
        from validate import validate
    finally:
        sys.path.remove(str(schemas))
    return validate


def _snapshot(folder: Path) -> dict[str, bytes]:
    """Every file's bytes; lock files (``*.lock``, which hold their holder's pid) aside."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.suffix != ".lock"}


@pytest.fixture
def snapshot():
    """``snapshot(folder)``: every file under *folder* with its bytes, to show nothing changed."""
    return _snapshot


# -- PostgreSQL: a throwaway cluster for the whole session --------------------------------------

def _postgres_bin() -> Path | None:
    """The folder of initdb / pg_ctl: on PATH, or Debian's /usr/lib/postgresql/<version>/bin."""
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"),
                      key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0)
    return versions[-1].parent if versions else None


@pytest.fixture(scope="session")
def postgres_server():
    """The base URL of a PostgreSQL cluster made for this test session (unix socket, no TCP).

    ``TERMBANK_TEST_POSTGRES`` (a URL of a database the tests may create databases with) uses
    a running server instead. Skipped only when no PostgreSQL binaries are installed."""
    import os
    import subprocess
    import tempfile

    given = os.environ.get("TERMBANK_TEST_POSTGRES")
    if given:
        yield given
        return
    bindir = _postgres_bin()
    if bindir is None:
        pytest.skip("PostgreSQL is not installed (Debian: apt-get install postgresql)")
    folder = Path(tempfile.mkdtemp(prefix="termbank-pg-"))
    data = folder / "data"
    as_user: list[str] = []
    if os.geteuid() == 0:  # initdb refuses to run as root: run the cluster as postgres
        import pwd

        try:
            pw = pwd.getpwnam("postgres")
        except KeyError:
            pytest.fail("running as root and there is no 'postgres' user to run PostgreSQL as")
        os.chown(folder, pw.pw_uid, pw.pw_gid)
        as_user = ["runuser", "-u", "postgres", "--"]
    subprocess.run([*as_user, str(bindir / "initdb"), "-D", str(data), "-U", "postgres",
                    "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"],
                   check=True, capture_output=True)
    options = (f"-c listen_addresses='' -c unix_socket_directories='{folder}' -c fsync=off "
               "-c synchronous_commit=off -c full_page_writes=off -c max_connections=60 "
               "-c wal_level=minimal -c max_wal_senders=0 -c max_wal_size=64MB")
    subprocess.run([*as_user, str(bindir / "pg_ctl"), "-D", str(data), "-o", options, "-w",
                    "-l", str(folder / "log"), "start"], check=True, capture_output=True)
    try:
        yield f"postgresql://postgres@/postgres?host={folder}"
    finally:
        subprocess.run([*as_user, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate",
                        "-w", "stop"], capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def new_postgres_database(postgres_server):
    """``new_postgres_database(label, template=None)``: the URL of a new database on the
    session's cluster, empty or a copy of *template* (a URL this function gave). A cluster of
    our own goes away whole at the end; on a server given by URL the databases are dropped."""
    import os
    import re
    import uuid
    from urllib.parse import urlsplit, urlunsplit

    import psycopg

    made: list[str] = []

    def create(label: str, template: str | None = None) -> str:
        name = "t_" + re.sub(r"\W", "_", label)[:40].lower() + "_" + uuid.uuid4().hex[:6]
        copy = f' TEMPLATE "{urlsplit(template).path.lstrip("/")}"' if template else ""
        with psycopg.connect(postgres_server, autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}"{copy}')
        made.append(name)
        return urlunsplit(urlsplit(postgres_server)._replace(path="/" + name))

    yield create
    if not os.environ.get("TERMBANK_TEST_POSTGRES"):
        return  # the cluster is removed whole (dropping one by one costs a checkpoint each)
    with psycopg.connect(postgres_server, autocommit=True) as admin:
        for name in made:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def _schemas_database(new_postgres_database):
    """One database whose schemas stand in for fresh databases (a schema costs milliseconds,
    a database most of a second); pg_trgm lives in its public schema."""
    import psycopg

    url = new_postgres_database("schemas")
    with psycopg.connect(url, autocommit=True) as db:
        db.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    return url


@pytest.fixture
def postgres_url(_schemas_database, request):
    """The URL of a new, empty PostgreSQL termbase for one test: its own schema, first on the
    connection's search_path."""
    import re
    import uuid
    from urllib.parse import quote

    import psycopg

    schema = "s_" + re.sub(r"\W", "_", request.node.name)[:40].lower() + "_" + uuid.uuid4().hex[:6]
    with psycopg.connect(_schemas_database, autocommit=True) as db:
        db.execute(f'CREATE SCHEMA "{schema}"')
    joiner = "&" if "?" in _schemas_database else "?"
    yield _schemas_database + joiner + "options=" + quote(f"-c search_path={schema},public")


@pytest.fixture(params=["sqlite", "postgresql"])
def make_store(request, tmp_path):
    """``make_store()`` opens a new empty store of each kind in turn: the tests that use it run
    against SQLite and against PostgreSQL."""
    from termbank.store import open_store

    if request.param == "sqlite":
        target = str(tmp_path / "s.sqlite")
    else:
        target = request.getfixturevalue("postgres_url")
    return lambda: open_store(target)
