"""Lookup latency at a million terms, beside a plain rapidfuzz scan in the same run.

Run by hand (not a test). Make the termbase outside the repository first::

    DATA=$(mktemp -d)
    python ../shared/bench/gen_tbx.py --out "$DATA/terms.tbx" --concepts 290000   # ~1 M terms
    termbank import "$DATA/terms.tbx" --db "$DATA/terms.sqlite"
    python bench/bench_lookup.py --db "$DATA/terms.sqlite"

Queries are drawn (seeded) from the store itself: exact terms as stored; morphological forms
(Russian terms put into the genitive by termbank.lang.ru, Kazakh ones by termbank.lang.kk,
English ones in the plural); fuzzy ones (English and Russian terms with one or two typed
errors). Each kind is timed in-process with termbank.search.lookup and with a plain scan
(``rapidfuzz.process.extractOne`` with ``fuzz.ratio`` over every folded term, held in memory),
and the table says how often each finds the concept the query was made from, and whether
lookup's best hit scores as well against the query as the scan's best. Then the cold
``termbank lookup`` command is timed end to end in fresh processes.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def typo(text: str, rng: random.Random) -> str:
    chars = list(text)
    for _ in range(rng.choice((1, 2))):
        letters = [i for i, c in enumerate(chars) if c.isalpha()]
        if len(letters) < 5:
            break
        i = rng.choice(letters[1:])
        op = rng.choice(("swap", "drop", "double", "replace"))
        if op == "swap" and i + 1 < len(chars) and chars[i + 1].isalpha():
            chars[i], chars[i + 1] = chars[i + 1], chars[i]
        elif op == "drop":
            del chars[i]
        elif op == "double":
            chars.insert(i, chars[i])
        else:
            chars[i] = rng.choice("aeioubcdklmnrst" if chars[i].isascii() else "аеиоуклмнрст")
    return "".join(chars)


def make_queries(db, n: int, seed: int) -> dict[str, list[tuple[str, str]]]:
    from termbank.lang import kk, ru

    rng = random.Random(seed)
    total = db.execute("SELECT max(rowid) FROM terms").fetchone()[0]
    rows = []
    while len(rows) < n * 6:
        row = db.execute("SELECT concept_id, lang, text, type FROM terms WHERE rowid = ?",
                         (rng.randint(1, total),)).fetchone()
        if row and row[3] not in ("acronym", "abbreviation"):
            rows.append(row)
    by_lang: dict[str, list] = {}
    for row in rows:
        by_lang.setdefault(row[1], []).append(row)
    exact = [(text, cid) for cid, _, text, _ in rows[:n]]
    morph = []
    for cid, lang, text, _ in rows:
        if len(morph) >= n:
            break
        if lang == "ru":
            form = ru.inflect_phrase(text, "gen")
        elif lang == "kk":
            form = kk.genitive(text)
        else:
            words = text.split()
            if not words[-1].isalpha() or words[-1].isupper():
                continue
            form = " ".join(words[:-1] + [words[-1] + ("es" if words[-1].endswith("s") else "s")])
        if form != text:
            morph.append((form, cid))
    fuzzy = [(typo(text, rng), cid) for cid, lang, text, _ in
             (by_lang.get("en", [])[: n // 2] + by_lang.get("ru", [])[: n // 2])]
    return {"exact": exact, "morph": morph, "fuzzy": fuzzy}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", type=Path, required=True)
    ap.add_argument("--queries", type=int, default=200, help="queries per kind (default 200)")
    ap.add_argument("--scan", type=int, default=50, help="queries per kind for the plain scan")
    ap.add_argument("--cold", type=int, default=5, help="cold command runs per kind")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()

    from rapidfuzz import fuzz, process

    from termbank import search
    from termbank.store import open_store

    store = open_store(args.db)
    counts = store.counts()
    terms = sum(v for k, v in counts.items() if k != "concepts")
    print(f"store: {counts['concepts']:,} concepts, {terms:,} terms ({args.db.stat().st_size / 1e6:,.0f} MB)")
    queries = make_queries(store.db, args.queries, args.seed)

    t = time.perf_counter()
    search.lookup(store, "Мажилиса")  # loads pymorphy3 once
    store.vocabulary_by_length()
    warm = time.perf_counter() - t
    t = time.perf_counter()
    scan_folds, scan_ids = [], []
    for cid, fold in store.db.execute("SELECT concept_id, fold FROM terms"):
        scan_ids.append(cid)
        scan_folds.append(fold)
    scan_load = time.perf_counter() - t
    print(f"warm-up (pymorphy3 + vocabulary of {sum(map(len, store.vocabulary_by_length().values())):,} words): "
          f"{warm * 1000:.0f} ms; plain scan: {len(scan_folds):,} folded terms read in {scan_load:.1f} s")

    table = []
    for kind, items in queries.items():
        times, found = [], 0
        tops = []
        for q, cid in items:
            t = time.perf_counter()
            hits = search.lookup(store, q, limit=10)
            times.append((time.perf_counter() - t) * 1000)
            found += any(h.concept_id == cid for h in hits[:1])
            tops.append(hits[0] if hits else None)
        scan_times, scan_found, agree = [], 0, 0
        for (q, cid), top in list(zip(items, tops))[: args.scan]:
            qf = search.fold(q)
            t = time.perf_counter()
            best = process.extractOne(qf, scan_folds, scorer=fuzz.ratio)
            scan_times.append((time.perf_counter() - t) * 1000)
            scan_found += scan_ids[best[2]] == cid
            ours = fuzz.ratio(qf, search.fold(top.term)) if top else -1
            agree += ours >= best[1] - 1e-9
        n_scan = len(scan_times)
        table.append((kind, len(items), statistics.median(times), percentile(times, 0.99),
                      found / len(items), statistics.median(scan_times),
                      percentile(scan_times, 0.99), scan_found / n_scan, agree / n_scan))

    print()
    print("| queries | n | lookup p50 ms | lookup p99 ms | lookup top-1 = source concept "
          "| scan p50 ms | scan p99 ms | scan top-1 = source concept | lookup best as good as scan best |")
    print("|---|---|---|---|---|---|---|---|---|")
    for kind, n, p50, p99, hit, s50, s99, shit, agree in table:
        print(f"| {kind} | {n} | {p50:.2f} | {p99:.2f} | {hit:.0%} | {s50:.1f} | {s99:.1f} "
              f"| {shit:.0%} | {agree:.0%} |")
    store.close()

    print()
    print("Cold `termbank lookup --db FILE` (fresh process, end to end), median of runs:")
    exe = Path(sys.executable).with_name("termbank")
    for kind, items in queries.items():
        runs = []
        for q, _ in items[: args.cold]:
            t = time.perf_counter()
            subprocess.run([str(exe), "lookup", q, "--db", str(args.db), "--limit", "5"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            runs.append((time.perf_counter() - t) * 1000)
        print(f"  {kind:6} median {statistics.median(runs):.0f} ms  (min {min(runs):.0f}, "
              f"max {max(runs):.0f}; {len(runs)} queries)")
    t = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"])
    print(f"  (bare python start: {(time.perf_counter() - t) * 1000:.0f} ms)")


if __name__ == "__main__":
    main()
