"""Commands over the glossary as a whole: build, import, export, validate."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from termbank.cli import (BAD_INPUT, FOUND_PROBLEM, cli, db_option, glossary_option, json_option,
                          print_results, require_glossary)

LANG_COLUMNS = ("en", "kk", "kk-Latn", "ru")


@cli.command()
@click.option("--seeds", "seeds_dir", type=click.Path(path_type=Path), default=Path("seeds"),
              show_default=True, help="Folder of English source texts (*.txt), or one file.")
@glossary_option
@click.option("--exports", "exports_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("exports"), show_default=True, help="Where the exports go.")
@click.option("--locales", "locales_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("locales"), show_default=True, help="Where the PO catalogs go.")
@click.option("--min-score", type=float, default=None,
              help="Keep only extracted candidates scoring at least this much.")
@json_option
def build(seeds_dir: Path, glossary_dir: Path, exports_dir: Path, locales_dir: Path,
          min_score: float | None, as_json: bool) -> None:
    """Run the main job: extract → align → glossary → TBX / TSV exports → PO catalogs."""
    from termbank import pipeline
    from termbank.glossary import Glossary

    paths = _text_files(seeds_dir)
    steps = {"read": "reading texts", "extract": "extracting terms", "merge": "merging",
             "align": "finding Kazakh and Russian equivalents",
             "parallel": "mining equivalents from parallel texts", "save": "saving the glossary",
             "export": "writing exports", "locales": "updating PO catalogs"}

    from termbank.cli import StepBar

    parallel = seeds_dir if seeds_dir.is_dir() else seeds_dir.parent
    with StepBar(len(steps), "Building", quiet=as_json) as bar:
        report = pipeline.build(paths, Glossary(glossary_dir), exports=exports_dir,
                                locales=locales_dir, parallel=parallel, min_score=min_score,
                                stage=lambda name: bar.step(steps.get(name, name)))
    if as_json:
        print_results([{"file": str(p)} for p in report.files],
                      documents=report.documents, words=report.words,
                      concepts=report.concepts, terms=report.terms,
                      added=len(report.added), updated=len(report.updated),
                      conflicts=len(report.conflicts), origins=report.aligned,
                      mined=report.mined)
        return
    click.echo(f"Read {report.documents} documents ({report.words:,} words); "
               f"{report.extracted} concepts extracted.")
    click.echo(f"Glossary {glossary_dir}/: {report.concepts} concepts "
               f"({len(report.added)} new, {len(report.updated)} updated).")
    _print_terms(report.terms)
    if report.aligned:
        _print_align_stats(report.aligned)
    if report.mined:
        m = report.mined
        click.echo(f"Parallel texts: {m['proposed']} equivalents proposed, {m['agree']} agree with "
                   f"the glossary, {m['disagree']} disagree (see: termbank tm terms).")
    if report.conflicts:
        click.echo(f"{len(report.conflicts)} conflicts (curated values kept):")
        for conflict in report.conflicts[:20]:
            click.echo(f"  {conflict}")
    click.echo("Files written:")
    for path in report.files:
        click.echo(f"  {path}")


def _text_files(path: Path) -> list[Path]:
    if path.is_file():
        return [path]
    if not path.is_dir():
        raise click.BadParameter(f"{path}: no such file or folder", param_hint="--seeds")
    return sorted(path.glob("*.txt"))


def _print_terms(terms: dict[str, int]) -> None:
    langs = [lang for lang in LANG_COLUMNS if lang in terms] + sorted(set(terms) - set(LANG_COLUMNS))
    click.echo("Terms per language: " + "  ".join(f"{lang} {terms[lang]}" for lang in langs))


def _print_align_stats(stats: dict) -> None:
    """stats: {lang: {origin: count}} of the preferred terms (pipeline.origin_counts)."""
    from termbank.pipeline import ORIGINS

    kinds = [k for k in ORIGINS if any(per.get(k) for per in stats.values())]
    click.echo("Preferred terms by origin:")
    click.echo(f"  {'':8}" + "".join(f"{k:>15}" for k in kinds))
    for lang, per in stats.items():
        click.echo(f"  {lang:8}" + "".join(f"{per.get(k, 0):>15}" for k in kinds))


@cli.command(name="import")
@click.argument("file", type=click.Path(exists=True, path_type=Path))
@glossary_option
@db_option("Load into this store instead: an SQLite file (for large termbases) or a "
           "postgresql:// URL (a team termbase).")
@json_option
def import_(file: Path, glossary_dir: Path, db_path: Path | str | None, as_json: bool) -> None:
    """Merge a TBX (v3 or 2008) or Excel (.xlsx) term base into the glossary.

    Conflicts with curated values are reported, never applied. With --db, FILE may also be
    a glossary folder: its concepts go into the store as they are.
    """
    from termbank import pipeline

    if file.is_dir():
        _folder_into_store(file, db_path, as_json)
        return
    total = file.stat().st_size
    if db_path is not None:
        from termbank.store import label, open_store

        store = open_store(db_path)
        repeats: list[tuple[str, list]] = []
        try:
            with open(file, "rb") as f, _bytes_bar(f, total, "Importing", quiet=as_json) as tick:
                n = pipeline.import_into_store(f, store, source=str(file), progress=tick,
                                               repeated=lambda cid, c: repeats.append((cid, c)))
            counts = store.counts()
        finally:
            store.close()
        if as_json:
            results = [{"concept": cid, "action": "repeated"} for cid, _ in repeats]
            results += [conflict_dict(c) for _, cs in repeats for c in cs]
            print_results(results, read=n, store=label(db_path), concepts=counts.pop("concepts"),
                          terms=counts, **({"repeated": len(repeats)} if repeats else {}))
        else:
            click.echo(f"Loaded {n:,} concepts into {label(db_path)} "
                       f"({sum(v for k, v in counts.items() if k != 'concepts'):,} terms).")
            for cid, conflicts in repeats:
                click.echo(f"  repeated id {cid}: merged into its first copy")
                for conflict in conflicts:
                    click.echo(f"  conflict: {conflict} (kept in the concept's alternatives)")
        return

    from termbank.glossary import Glossary

    with open(file, "rb") as f, _bytes_bar(f, total, "Importing", quiet=as_json) as tick:
        report = pipeline.import_into_glossary(f, Glossary(glossary_dir), source=str(file),
                                               progress=tick)
    if as_json:
        results = [{"concept": cid, "action": "added"} for cid in report.added]
        results += [{"concept": cid, "action": "updated"} for cid in report.updated]
        results += [conflict_dict(c) for c in report.conflicts]
        results += [{"concept": d.concept, "action": "possible duplicate",
                     "of": list(d.existing), "message": str(d)} for d in report.duplicates]
        print_results(results, read=report.read, added=len(report.added),
                      updated=len(report.updated), conflicts=len(report.conflicts),
                      **({"possible_duplicates": len(report.duplicates)}
                         if report.duplicates else {}))
    else:
        click.echo(f"Read {report.read} concepts from {file}: {len(report.added)} added, "
                   f"{len(report.updated)} updated.")
        for conflict in report.conflicts:
            click.echo(f"  conflict: {conflict} (kept in the concept's alternatives)")
        for duplicate in report.duplicates:
            click.echo(f"  possible duplicate: {duplicate}")
    if report.conflicts:
        sys.exit(FOUND_PROBLEM)


def _folder_into_store(folder: Path, db_path, as_json: bool) -> None:
    if db_path is None:
        click.echo(f"Error: {folder} is a folder: a glossary folder is loaded into a store "
                   f"(--db FILE|URL); import reads TBX files into the glossary", err=True)
        sys.exit(BAD_INPUT)
    from termbank.glossary import Glossary
    from termbank.store import label, open_store

    with open_store(db_path) as store:
        n = store.add(Glossary(folder))
        counts = store.counts()
    if as_json:
        print_results([], read=n, store=label(db_path), concepts=counts.pop("concepts"),
                      terms=counts)
    else:
        click.echo(f"Loaded {n:,} concepts from {folder} into {label(db_path)} "
                   f"({sum(v for k, v in counts.items() if k != 'concepts'):,} terms).")


def _distinct(problems) -> list[tuple]:
    """Each problem message once, with every line it occurs on."""
    first: dict[str, list] = {}
    for problem in problems:
        first.setdefault(problem.message, [problem, []])[1].append(problem.line)
    return [(p, lines) for p, lines in first.values()]


def conflict_dict(conflict) -> dict:
    """A merge conflict as a result object: the value kept and the one ignored."""
    return {"concept": conflict.concept, "lang": conflict.lang, "term": conflict.term,
            "action": "conflict", "field": conflict.field, "kept": conflict.kept,
            "offered": conflict.offered, "applied": conflict.applied, "message": str(conflict)}


class _bytes_bar:
    """A progress bar over the bytes of a file being read (stderr; silent if not a tty)."""

    def __init__(self, f, total: int, label: str, *, quiet: bool) -> None:
        self.f, self.total, self.label, self.quiet = f, total, label, quiet
        self.bar = None
        self.last = 0

    def __enter__(self):
        if not self.quiet and sys.stderr.isatty():
            self.bar = click.progressbar(length=self.total, label=self.label, file=sys.stderr)
            self.bar.__enter__()
        return self.tick

    def tick(self, _n: int) -> None:
        if self.bar is not None:
            pos = self.f.tell()
            self.bar.update(pos - self.last)
            self.last = pos

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.__exit__(*exc)


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["tbx", "tbx2", "omegat", "xlsx", "glossary"]),
              default="tbx", show_default=True,
              help="tbx: TBX v3 (ISO 30042:2019) TBX-Basic; tbx2: TBX 2008 martif (translate-"
              "toolkit, Weblate, OmegaT); omegat: OmegaT tab-separated glossary (.utf8), one file "
              "per target language; xlsx: Excel term base for Phrase, memoQ, Smartcat; glossary: "
              "a store (--db) back into a glossary folder (--out), the files it was loaded from.")
@click.option("--out", type=click.Path(path_type=Path), default=None,
              help="Output file (omegat: a folder or a name pattern). Default: under exports/.")
@glossary_option
@db_option("Export from this store (an SQLite file or a postgresql:// URL) instead of the "
           "glossary.", must_exist=True)
@json_option
def export(fmt: str, out: Path | None, glossary_dir: Path, db_path: Path | str | None,
           as_json: bool) -> None:
    """Write the glossary as TBX v3, TBX 2008, OmegaT glossaries or an Excel term base."""
    from termbank import pipeline

    if fmt == "glossary":
        _store_into_folder(db_path, out)
        return
    out = out or pipeline.default_export_path(fmt, Path("exports"))
    if db_path is not None:
        from termbank.store import open_store

        store = open_store(db_path)
        try:
            files = pipeline.export(store.concepts(), fmt, out)
        finally:
            store.close()
    else:
        from termbank.glossary import Glossary

        require_glossary(glossary_dir)
        files = pipeline.export(Glossary(glossary_dir), fmt, out)
    if as_json:
        print_results([{"file": str(p), "format": fmt} for p in files])
        return
    for path in files:
        click.echo(f"Wrote {path}")


def _store_into_folder(db_path, out: Path | None) -> None:
    if db_path is None or out is None:
        click.echo("Error: --format glossary writes a store (--db) into a folder (--out DIR)",
                   err=True)
        sys.exit(BAD_INPUT)
    from termbank.glossary import Glossary
    from termbank.store import open_store

    with open_store(db_path) as store:
        summary = Glossary(out).save(store.concepts(), replace_all=True)
    click.echo(f"Wrote {out}: {len(summary.written)} files written, {summary.unchanged} "
               f"unchanged, {len(summary.removed)} removed.")


@cli.command()
@click.argument("files", nargs=-1, required=True,
                type=click.Path(exists=True, dir_okay=False, path_type=Path))
@json_option
def validate(files: tuple[Path, ...], as_json: bool) -> None:
    """Check TBX files against the official TBX-Basic schemas (v3 DCA and 2008)."""
    from termbank.validate import validate as check

    results = []
    worst = 0
    for path in files:
        with open(path, "rb") as f:
            report = check(f, source=str(path))
        results.append((path, report))
        if report.dialect is None:
            unreadable = report.problems[0]
            where = f"{path}:{unreadable.line}" if unreadable.line else str(path)
            click.echo(f"Error: {where}: {unreadable.message}", err=True)
            worst = max(worst, BAD_INPUT)
        elif report.problems:
            worst = max(worst, FOUND_PROBLEM)
    if as_json:
        print_results([{"file": str(p), "dialect": r.dialect, "valid": r.valid, "total": r.total,
                        "problems": [{"line": x.line, "message": x.message, "lines": lines}
                                     for x, lines in _distinct(r.problems)]}
                       for p, r in results],
                      files=len(results), invalid=sum(not r.valid for _, r in results))
    else:
        for path, report in results:
            if report.valid:
                click.echo(f"{path}: valid {report.dialect}")
                continue
            if report.dialect is None:  # said on stderr already
                continue
            click.echo(f"{path}: INVALID ({report.dialect}, {report.total:,} "
                       f"problem{'' if report.total == 1 else 's'})")
            for problem, lines in _distinct(report.problems):
                where = f"{path}:{problem.line}" if problem.line else str(path)
                again = ""
                if len(lines) > 1:
                    more = [str(n) for n in lines[1:6] if n]
                    again = f" (also line {', '.join(more)}" + (
                        f" and {len(lines) - 6} more)" if len(lines) > 6 else ")")
                click.echo(f"  {where}: {problem.message}{again}")
    sys.exit(worst)
