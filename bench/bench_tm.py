"""Translation memory benchmark (run by hand, not by the test suite).

    python bench/bench_tm.py --data /some/tmp/dir [--units 200000] [--queries 200]

Generates ``tm.tmx`` with ../shared/bench/gen_tmx.py into --data when it is missing (keep
--data outside the repository), imports it into a fresh memory, then runs fuzzy searches:
termbank's search (FTS5 candidates + word-level score) beside, in the same run, a plain
rapidfuzz scan over every English segment (character ``fuzz.ratio``, as translate-toolkit
does it) and an exact word-level scan (our scorer over all segments, via rapidfuzz
``process.extractOne``) that tells whether our top match is the true best one.
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from termbank.tm import match
from termbank.tm.store import TranslationMemory

GEN = Path(__file__).resolve().parents[1] / ".." / "shared" / "bench" / "gen_tmx.py"


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def make_queries(sources: list[str], n: int, seed: int = 7) -> list[str]:
    """Memory sentences with one or two words changed, dropped or added, and a few exact ones."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        words = rng.choice(sources).split()
        if i % 10:
            for _ in range(rng.choice((1, 2))):
                k = rng.randrange(len(words))
                action = rng.choice(("replace", "drop", "add"))
                if action == "replace":
                    words[k] = rng.choice(("regional", "national", "Astana", "2031", "senior"))
                elif action == "drop" and len(words) > 4:
                    del words[k]
                else:
                    words.insert(k, "also")
        out.append(" ".join(words))
    return out


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--units", type=int, default=200_000)
    ap.add_argument("--queries", type=int, default=200)
    args = ap.parse_args()
    args.data.mkdir(parents=True, exist_ok=True)
    tmx_path = args.data / "tm.tmx"
    if not tmx_path.exists():
        subprocess.run([sys.executable, str(GEN.resolve()), "--out", str(tmx_path),
                        "--units", str(args.units)], check=True, cwd=GEN.resolve().parent)
    db = args.data / "bench.tm.sqlite"
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)

    tm = TranslationMemory(db)
    t0 = time.perf_counter()
    n = tm.import_tmx(tmx_path)
    import_s = time.perf_counter() - t0
    print(f"import: {n} units in {import_s:.1f} s ({n / import_s:,.0f} units/s), "
          f"peak RSS {peak_rss_mb():.0f} MB, file {tmx_path.stat().st_size / 1e6:.0f} MB, "
          f"db {db.stat().st_size / 1e6:.0f} MB")

    rows = tm.db.execute("SELECT unit_id, text FROM variants WHERE base = 'en' ORDER BY id").fetchall()
    sources = [text for _, text in rows]
    token_lists = [match.tokens(s) for s in sources]
    queries = make_queries(sources, args.queries)

    ours, plain, exact, agree, ours_scores = [], [], [], 0, []
    for q in queries:
        t = time.perf_counter()
        found = tm.search(q, src_lang="en", tgt_lang="ru", min_score=0, limit=1)
        ours.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        process.extractOne(q, sources, scorer=fuzz.ratio)
        plain.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        best = process.extractOne(match.tokens(q), token_lists,
                                  scorer=Levenshtein.normalized_similarity)
        exact.append((time.perf_counter() - t) * 1000)
        best_text = sources[best[2]]
        best_score = match.score(q, best_text)
        top = found[0] if found else None
        ours_scores.append(top.score if top else 0)
        if top and (top.source == best_text or top.score == best_score):
            agree += 1

    def line(name, values):
        return (f"{name:<38} p50 {statistics.median(values):7.2f} ms   p99 {pct(values, 99):7.2f} ms"
                f"   mean {statistics.fmean(values):7.2f} ms")

    print(f"search over {len(sources):,} English segments, {len(queries)} queries:")
    print(line("termbank tm search (FTS5 + word score)", ours))
    print(line("plain rapidfuzz scan (fuzz.ratio)", plain))
    print(line("exact word-level scan (rapidfuzz)", exact))
    print(f"top match agrees with the exact word-level scan: {agree}/{len(queries)}; "
          f"median top score {statistics.median(ours_scores)}; peak RSS {peak_rss_mb():.0f} MB")
    tm.close()


if __name__ == "__main__":
    main()
