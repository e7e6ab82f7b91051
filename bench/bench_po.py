#!/usr/bin/env python3
"""Time and peak memory of ``locales.update`` on a 100,000-entry catalog, beside polib and Babel.

Run by hand (not part of the tests):

    .venv/bin/python bench/bench_po.py                      # generates the catalog in a temp dir
    .venv/bin/python bench/bench_po.py --po DIR/ru.po       # an existing gen_po.py catalog

The catalog comes from the shared generator ``gen_po.py`` (give its folder with --gen-dir, or
set TERMBANK_BENCH_DIR). Every measurement runs in a fresh child process; peak RSS is read
from /proc/self/status after resetting it through /proc/self/clear_refs, once the untimed
setup's garbage is collected and trimmed; RSS growth is the step's own memory. Rows:

* polib: ``polib.pofile`` + ``save`` (the reference: the library every PO tool here uses);
* babel: ``read_po`` + ``write_po``;
* termbank parse + dumps: the strict reader and the writer, round trip of the same file;
* termbank update, first: the glossary catalog written from scratch (one language, ru);
* termbank update, in place: the same after translators edited 1,000 entries and the
  glossary changed 1,000 English terms, removed 1,000 concepts and added 1,000.

The glossary for the update rows is made from the catalog itself: one concept per active
singular entry, English = msgid, Russian = msgstr (approved unless the entry is fuzzy).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path

ROWS = ["polib", "babel", "parse_dumps", "update_first", "update_in_place"]
LABELS = {
    "polib": "polib pofile + save (ref)",
    "babel": "babel read_po + write_po",
    "parse_dumps": "termbank po.parse + po.dumps",
    "update_first": "termbank locales.update, new catalog (ru)",
    "update_in_place": "termbank locales.update, in place (ru)",
}
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc)


def _rss() -> tuple[float, float]:
    """(current RSS, peak RSS) in MB."""
    fields = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, value = line.partition(":")
        fields[key] = value
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


def _reset_peak() -> None:
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        pass


def _release_setup() -> None:
    """Give back what the untimed setup freed, so the peak is the step's own memory on top
    of what it is given (the concepts), not the setup's leftover heap."""
    import ctypes
    import gc

    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


def _concepts(po_path: Path):
    from termbank.formats import po
    from termbank.model import AdminStatus, Concept, LangSection, Review, Term

    catalog = po.parse(po_path.read_bytes(), source=po_path.name)
    concepts = []
    for i, entry in enumerate(e for e in catalog.po if not e.obsolete and not e.msgid_plural):
        if entry.msgid != entry.msgid.strip() or not entry.msgid.strip():
            continue
        sections = [LangSection("en", (Term(entry.msgid, status=AdminStatus.PREFERRED,
                                            review=Review.APPROVED),))]
        text = entry.msgstr.strip()
        if text:
            review = Review.PROPOSED if entry.fuzzy else Review.APPROVED
            sections.append(LangSection("ru", (Term(text, status=AdminStatus.PREFERRED,
                                                    review=review),)))
        concepts.append(Concept(f"c-{i:06d}", sections=tuple(sections)))
    return concepts


def _changed_glossary(concepts):
    """1,000 English terms changed, 1,000 concepts removed, 1,000 added."""
    from dataclasses import replace

    from termbank.model import AdminStatus, Concept, LangSection, Review, Term

    out = []
    for n, concept in enumerate(concepts):
        if n % 97 == 1 and n // 97 < 1000:
            continue  # removed
        if n % 89 == 2 and n // 89 < 1000:
            english = concept.section("en")
            term = replace(english.terms[0], text=english.terms[0].text + " (revised)")
            concept = concept.with_section(replace(english, terms=(term,)))
        out.append(concept)
    for n in range(1000):
        out.append(Concept(f"c-new-{n:04d}", sections=(
            LangSection("en", (Term(f"new term {n}", status=AdminStatus.PREFERRED,
                                    review=Review.APPROVED),)),)))
    return out


def _translator_edits(path: Path) -> None:
    from termbank.formats import po

    catalog = po.parse(path.read_bytes(), source=path.name)
    active = [e for e in catalog.po if not e.obsolete]
    for entry in active[5::max(1, len(active) // 1000)][:1000]:
        entry.msgstr = (entry.msgstr or entry.msgid) + " (правка переводчика)"
        entry.fuzzy = False
    path.write_bytes(po.dumps(catalog.po))


def run_one(name: str, po_path: Path, work: Path) -> dict:
    """One measurement in this process: setup untimed, then the timed step."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
    extra = {}
    if name == "polib":
        import polib

        def step():
            catalog = polib.pofile(str(po_path))
            catalog.save(str(work / "polib.po"))
            extra["entries"] = len(catalog)
    elif name == "babel":
        from babel.messages.pofile import read_po, write_po

        def step():
            with po_path.open("rb") as f:
                catalog = read_po(f)
            with (work / "babel.po").open("wb") as f:
                write_po(f, catalog)
            extra["entries"] = len(catalog)
    elif name == "parse_dumps":
        from termbank.formats import po

        def step():
            catalog = po.parse(po_path.read_bytes(), source=po_path.name)
            data = po.dumps(catalog.po)
            (work / "termbank.po").write_bytes(data)
            extra["entries"] = len(catalog.po)
            missing = Counter(po_path.read_bytes().splitlines()) - Counter(data.splitlines())
            extra["input_lines_not_in_output"] = sum(missing.values())
    else:
        from termbank import locales

        concepts = _concepts(po_path)
        target = work / f"locales-{name}"
        if name == "update_in_place":
            locales.update(concepts, target, now=NOW, langs=["ru"])
            _translator_edits(locales.catalog_path(target, "ru"))
            concepts = _changed_glossary(concepts)

        def step():
            report = locales.update(concepts, target, now=NOW, langs=["ru"])
            cat = report.catalogs[0]
            extra.update(entries=cat.entries, kept=len(cat.kept), fuzzy=len(cat.fuzzy),
                         obsolete=len(cat.obsolete), added=len(cat.added))
    _release_setup()
    before, _ = _rss()
    _reset_peak()
    start = time.perf_counter()
    step()
    seconds = time.perf_counter() - start
    _, peak = _rss()
    return {"name": name, "seconds": seconds, "peak_mb": peak, "growth_mb": peak - before,
            **extra}


def generate(out: Path, gen_dir: Path, entries: int) -> None:
    subprocess.run([sys.executable, str(gen_dir / "gen_po.py"), "--out", str(out), "--lang", "ru",
                    "--entries", str(entries)], check=True, cwd=gen_dir)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--po", type=Path, help="an existing gen_po.py catalog")
    parser.add_argument("--gen-dir", type=Path,
                        default=Path(os.environ.get("TERMBANK_BENCH_DIR", "../shared/bench")),
                        help="folder of gen_po.py (default: $TERMBANK_BENCH_DIR or "
                             "../shared/bench)")
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--one", help=argparse.SUPPRESS)
    parser.add_argument("--work", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.po, args.work)))
        return
    with tempfile.TemporaryDirectory(prefix="termbank-bench-po-") as tmp:
        po_path = args.po
        if po_path is None:
            po_path = Path(tmp) / "ru.po"
            generate(po_path, args.gen_dir.resolve(), args.entries)
        results: dict[str, list[dict]] = {name: [] for name in ROWS}
        for _ in range(args.repeat):
            for name in ROWS:  # interleaved, each in a fresh process
                work = Path(tmp) / f"work-{name}"
                work.mkdir(exist_ok=True)
                run = subprocess.run([sys.executable, __file__, "--one", name, "--po",
                                      str(po_path), "--work", str(work)],
                                     capture_output=True, text=True, check=True)
                results[name].append(json.loads(run.stdout.strip().splitlines()[-1]))
        size = po_path.stat().st_size / 1e6
        ref = statistics.median(r["seconds"] for r in results["polib"])
        print(f"catalog: {po_path.name}, {size:.1f} MB; median of {args.repeat} run(s)\n")
        print(f"| {'measurement':<44} | seconds | × polib | peak RSS MB | RSS growth MB | notes |")
        print(f"|{'-' * 46}|---------|---------|-------------|---------------|-------|")
        for name in ROWS:
            rows = results[name]
            seconds = statistics.median(r["seconds"] for r in rows)
            peak = statistics.median(r["peak_mb"] for r in rows)
            growth = statistics.median(r["growth_mb"] for r in rows)
            notes = ", ".join(f"{k} {v}" for k, v in rows[0].items()
                              if k not in ("name", "seconds", "peak_mb", "growth_mb"))
            print(f"| {LABELS[name]:<44} | {seconds:7.2f} | {seconds / ref:7.2f} | {peak:11.0f} "
                  f"| {growth:13.0f} | {notes} |")
        if args.json:
            args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
