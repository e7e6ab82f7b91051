"""TBX import and export at scale, beside raw lxml iterparse in the same run.

    python bench/bench_tbx.py                       # 100,000 concepts (generated once)
    python bench/bench_tbx.py --sizes 10000,50000,100000 --data /tmp/tbx-bench

The data comes from ../shared/bench/gen_tbx.py and is written to --data (default: a folder
in the system temp dir, never inside the repository). Each measurement runs in a fresh
Python process; peak RSS is read from /proc/self/status (VmHWM) of that process.

Rows:
  iterparse      raw lxml iterparse, count + clear (the floor an importer cannot beat)
  read           termbank.formats.tbx.read: every concept as model objects, nothing kept
  import --db    the same into the SQLite store (one transaction), as `termbank import --db`
  export v3      every concept from that store back to TBX v3
  export 2008    the same as TBX 2008 martif
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED_BENCH = ROOT.parent / "shared" / "bench"

CHILD = r"""
import json, sys, time
from pathlib import Path
kind, path, db, out = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]), Path(sys.argv[4])

def peak_mb():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024

if kind == "iterparse":
    from lxml import etree
    t = time.perf_counter(); n = 0
    for _, el in etree.iterparse(str(path), events=("end",), resolve_entities=False, no_network=True):
        n += 1
        if el.tag.endswith("conceptEntry") or el.tag == "termEntry":
            el.clear(keep_tail=True)
            while el.getprevious() is not None:
                del el.getparent()[0]
elif kind == "read":
    from termbank.pipeline import read_tbx
    t = time.perf_counter(); n = 0
    with open(path, "rb") as f:
        for _ in read_tbx(f, source=path.name):
            n += 1
elif kind == "import":
    from termbank.pipeline import import_into_store
    from termbank.store import open_store
    db.unlink(missing_ok=True)
    store = open_store(db)
    t = time.perf_counter()
    with open(path, "rb") as f:
        n = import_into_store(f, store, source=path.name)
    store.close()
elif kind in ("export-v3", "export-2008"):
    from termbank.formats import tbx
    from termbank.store import open_store
    store = open_store(db)
    t = time.perf_counter(); n = 0
    def counted():
        global n
        for c in store.concepts():
            n += 1
            yield c
    with open(out, "wb") as f:
        tbx.write(f, counted(), dialect=kind.split("-")[1])
seconds = time.perf_counter() - t
print(json.dumps({"seconds": seconds, "peak_mb": peak_mb(), "n": n}))
"""


def run(kind: str, path: Path, db: Path, out: Path) -> dict:
    proc = subprocess.run([sys.executable, "-c", CHILD, kind, str(path), str(db), str(out)],
                          capture_output=True, text=True)
    if proc.returncode:
        sys.exit(f"{kind} {path.name} failed:\n{proc.stderr}")
    return json.loads(proc.stdout)


def generate(data: Path, concepts: int) -> Path:
    path = data / f"terms-{concepts}.tbx"
    if not path.exists():
        print(f"generating {path.name} …", file=sys.stderr)
        subprocess.run([sys.executable, str(SHARED_BENCH / "gen_tbx.py"), "--out", str(path),
                        "--concepts", str(concepts)], check=True, cwd=SHARED_BENCH,
                       stdout=subprocess.DEVNULL)
    return path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="100000", help="comma-separated concept counts")
    ap.add_argument("--data", type=Path, default=Path(tempfile.gettempdir()) / "termbank-bench")
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args()
    if not (SHARED_BENCH / "gen_tbx.py").is_file():
        sys.exit("../shared/bench/gen_tbx.py is not beside the project: cannot generate data")
    args.data.mkdir(parents=True, exist_ok=True)
    print(f"| concepts | MB | step | seconds | × iterparse | peak RSS MB |")
    print(f"|---:|---:|---|---:|---:|---:|")
    for size in (int(s) for s in args.sizes.split(",")):
        path = generate(args.data, size)
        db, out = args.data / f"store-{size}.sqlite", args.data / f"out-{size}.tbx"
        rows = {}
        for kind in ("iterparse", "read", "import", "export-v3", "export-2008"):
            best = min((run(kind, path, db, out) for _ in range(args.repeat)),
                       key=lambda r: r["seconds"])
            rows[kind] = best
        ref = rows["iterparse"]["seconds"]
        mb = path.stat().st_size / 1e6
        for kind, r in rows.items():
            print(f"| {size:,} | {mb:.0f} | {kind} | {r['seconds']:.2f} | "
                  f"{r['seconds'] / ref:.2f} | {r['peak_mb']:.0f} |", flush=True)


if __name__ == "__main__":
    main()
