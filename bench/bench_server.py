"""The team server under load, on PostgreSQL and on SQLite in one run; TBX import into
PostgreSQL beside raw lxml iterparse.

Run by hand (not a test); bounded: each load phase lasts --seconds (30) with --clients (16)
concurrent clients on loopback. The data comes from ../shared/bench/gen_tbx.py into --data
(default bench/data/, not tracked). Without --pg the script starts a throwaway PostgreSQL
cluster of its own (Debian's postgresql package) and removes it at the end::

    python bench/bench_server.py                        # ~1 M terms, 16 clients, 30 s each
    python bench/bench_server.py --concepts 20000 --seconds 5    # a quick look

Steps: (1) TBX import of --import-concepts (100,000) concepts into an empty PostgreSQL
database through ``PostgresStore.add`` (COPY), timed beside a bare lxml iterparse of the same
file; (2) the --concepts termbase (~3.4 terms each: 290,000 ≈ 1 M terms) loaded into
PostgreSQL and into SQLite; (3) for each store, ``termbank serve`` in a child process and
--clients threads sending ``GET /api/lookup`` for queries drawn (seeded) from the store:
terms as stored, inflected forms (Russian genitive, Kazakh genitive, English plural) and
typos. Prints lookups per second and p50 / p99 latency per store.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED_BENCH = ROOT.parent / "shared" / "bench"


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def generate(data: Path, concepts: int) -> Path:
    path = data / f"terms-{concepts}.tbx"
    if not path.exists():
        if not (SHARED_BENCH / "gen_tbx.py").is_file():
            sys.exit("../shared/bench/gen_tbx.py is not beside the project: cannot make data")
        print(f"generating {path.name} …", file=sys.stderr)
        subprocess.run([sys.executable, str(SHARED_BENCH / "gen_tbx.py"), "--out", str(path),
                        "--concepts", str(concepts)], check=True, cwd=SHARED_BENCH,
                       stdout=subprocess.DEVNULL)
    return path


@contextlib.contextmanager
def throwaway_cluster():
    """A PostgreSQL cluster in a temporary folder (unix socket only), removed at the end."""
    bindir = next(iter(sorted(Path("/usr/lib/postgresql").glob("*/bin"))[-1:]), None)
    if shutil.which("initdb"):
        bindir = Path(shutil.which("initdb")).resolve().parent
    if bindir is None:
        sys.exit("PostgreSQL is not installed (apt-get install postgresql) and no --pg was given")
    folder = Path(tempfile.mkdtemp(prefix="termbank-bench-pg-"))
    as_user: list[str] = []
    if os.geteuid() == 0:
        import pwd

        pw = pwd.getpwnam("postgres")
        os.chown(folder, pw.pw_uid, pw.pw_gid)
        as_user = ["runuser", "-u", "postgres", "--"]
    data = folder / "data"
    subprocess.run([*as_user, str(bindir / "initdb"), "-D", str(data), "-U", "postgres",
                    "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8"], check=True,
                   capture_output=True)
    options = (f"-c listen_addresses='' -c unix_socket_directories='{folder}' "
               "-c shared_buffers=256MB -c max_connections=100 -c maintenance_work_mem=256MB")
    subprocess.run([*as_user, str(bindir / "pg_ctl"), "-D", str(data), "-o", options, "-w",
                    "-l", str(folder / "log"), "start"], check=True, capture_output=True)
    try:
        yield f"postgresql://postgres@/postgres?host={folder}"
    finally:
        subprocess.run([*as_user, str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w",
                        "stop"], capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


def new_database(server: str, name: str) -> str:
    import psycopg
    from urllib.parse import urlsplit, urlunsplit

    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    return urlunsplit(urlsplit(server)._replace(path="/" + name))


def time_iterparse(path: Path) -> float:
    from lxml import etree

    start = time.perf_counter()
    for _, el in etree.iterparse(str(path), events=("end",), resolve_entities=False,
                                 no_network=True):
        if el.tag.endswith("conceptEntry") or el.tag == "termEntry":
            el.clear(keep_tail=True)
            while el.getprevious() is not None:
                del el.getparent()[0]
    return time.perf_counter() - start


def time_import(path: Path, target: str | Path) -> tuple[float, int]:
    from termbank.pipeline import import_into_store
    from termbank.store import open_store

    with open_store(target) as store:
        start = time.perf_counter()
        with open(path, "rb") as f:
            n = import_into_store(f, store, source=path.name)
        return time.perf_counter() - start, n


def make_queries(target, n: int, seed: int) -> list[str]:
    """Terms as stored, inflected, and mistyped: a third each."""
    from termbank.lang import kk, ru
    from termbank.store import open_store

    rng = random.Random(seed)
    with open_store(target) as store:
        rows = [(lang, text) for c in _sample_concepts(store, n * 2, rng) for s in c.sections
                for lang, text in [(s.lang, t.text) for t in s.terms[:1]]]
    rng.shuffle(rows)
    queries = []
    for i, (lang, text) in enumerate(rows[:n]):
        if i % 3 == 0:
            queries.append(text)
        elif i % 3 == 1:
            if lang == "ru":
                queries.append(ru.inflect_phrase(text, "gen"))
            elif lang.startswith("kk"):
                queries.append(kk.genitive(text))
            else:
                queries.append(text + "s")
        else:
            chars = list(text)
            j = rng.randrange(1, max(2, len(chars) - 1))
            chars[j - 1], chars[j] = chars[j], chars[j - 1]
            queries.append("".join(chars))
    return queries


def _sample_concepts(store, n: int, rng: random.Random):
    ids = [cid for (cid,) in store.db.execute("SELECT id FROM concepts")]
    return [store.get(cid) for cid in rng.sample(ids, min(n, len(ids)))]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serving(target: str | Path):
    port = free_port()
    termbank = Path(sys.executable).parent / "termbank"
    proc = subprocess.Popen([str(termbank), "serve", "--db", str(target), "--port", str(port)],
                            stderr=subprocess.DEVNULL, cwd=ROOT)
    base = f"http://127.0.0.1:{port}"
    try:
        import httpx2 as httpx
    except ImportError:
        import httpx
    for _ in range(600):
        try:
            httpx.get(base + "/api/whoami", timeout=1)
            break
        except httpx.HTTPError:
            time.sleep(0.1)
    else:
        proc.kill()
        sys.exit(f"termbank serve --db {target} did not start")
    try:
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def load(base: str, queries: list[str], *, clients: int, seconds: float) -> dict:
    try:
        import httpx2 as httpx
    except ImportError:
        import httpx
    deadline = time.perf_counter() + seconds
    latencies: list[list[float]] = [[] for _ in range(clients)]
    errors = [0] * clients

    def client(k: int) -> None:
        rng = random.Random(k)
        with httpx.Client(base_url=base, timeout=30) as http:
            while time.perf_counter() < deadline:
                q = rng.choice(queries)
                start = time.perf_counter()
                answer = http.get("/api/lookup", params={"q": q})
                latencies[k].append(time.perf_counter() - start)
                if answer.status_code != 200:
                    errors[k] += 1

    started = time.perf_counter()
    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - started
    flat = [x for xs in latencies for x in xs]
    return {"requests": len(flat), "per_s": len(flat) / elapsed, "errors": sum(errors),
            "p50_ms": 1000 * percentile(flat, 0.5), "p99_ms": 1000 * percentile(flat, 0.99),
            "mean_ms": 1000 * statistics.fmean(flat)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=ROOT / "bench" / "data")
    ap.add_argument("--concepts", type=int, default=290_000, help="termbase for the load test")
    ap.add_argument("--import-concepts", type=int, default=100_000)
    ap.add_argument("--seconds", type=float, default=30.0)
    ap.add_argument("--clients", type=int, default=16)
    ap.add_argument("--queries", type=int, default=600)
    ap.add_argument("--pg", default=None, help="a server URL whose user may create databases")
    ap.add_argument("--skip-import", action="store_true")
    args = ap.parse_args()
    args.data.mkdir(parents=True, exist_ok=True)

    with (contextlib.nullcontext(args.pg) if args.pg else throwaway_cluster()) as server:
        if not args.skip_import:
            tbx = generate(args.data, args.import_concepts)
            raw = min(time_iterparse(tbx) for _ in range(2))
            seconds, n = time_import(tbx, new_database(server, "bench_import"))
            print(f"TBX import, {n:,} concepts ({tbx.stat().st_size / 1e6:.0f} MB): "
                  f"lxml iterparse {raw:.1f} s; into PostgreSQL {seconds:.1f} s "
                  f"= {seconds / raw:.1f} × iterparse")

        tbx = generate(args.data, args.concepts)
        pg = new_database(server, "bench_lookup")
        sqlite = args.data / f"terms-{args.concepts}.sqlite"
        sqlite.unlink(missing_ok=True)
        pg_load, n = time_import(tbx, pg)
        sqlite_load, _ = time_import(tbx, sqlite)
        from termbank.store import open_store

        with open_store(pg) as store:
            terms = sum(v for k, v in store.counts().items() if k != "concepts")
        print(f"termbase: {n:,} concepts, {terms:,} terms; load {pg_load:.0f} s into "
              f"PostgreSQL, {sqlite_load:.0f} s into SQLite")
        queries = make_queries(pg, args.queries, seed=7)
        print(f"\n{args.clients} clients, {args.seconds:g} s each, GET /api/lookup over loopback "
              f"({len(queries)} queries: as stored, inflected, mistyped)\n")
        print("| store | lookups/s | p50 ms | p99 ms | mean ms | requests | errors |")
        print("|---|---:|---:|---:|---:|---:|---:|")
        for name, target in (("PostgreSQL", pg), ("SQLite", sqlite)):
            with serving(target) as base:
                r = load(base, queries, clients=args.clients, seconds=args.seconds)
            print(f"| {name} | {r['per_s']:.0f} | {r['p50_ms']:.1f} | {r['p99_ms']:.1f} | "
                  f"{r['mean_ms']:.1f} | {r['requests']:,} | {r['errors']} |", flush=True)


if __name__ == "__main__":
    main()
