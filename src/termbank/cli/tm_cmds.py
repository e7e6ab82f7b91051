"""``termbank tm …``: align parallel texts into the translation memory, search it, TMX in/out."""

from __future__ import annotations

from pathlib import Path

import click

import sys

from termbank.cli import FOUND_PROBLEM, BadInput, cli, json_option, print_results


def _memory_options(fn):
    fn = click.option("--tm", "tm_file", type=click.Path(dir_okay=False, path_type=Path),
                      default=None, help="Memory file (default: <glossary>/.tm.sqlite).")(fn)
    return click.option("--glossary", "glossary_dir", type=click.Path(file_okay=False, path_type=Path),
                        default=Path("glossary"), show_default=True,
                        help="Glossary folder; the memory lives beside it.")(fn)


def _open(glossary_dir: Path, tm_file: Path | None, *, read_only: bool = False):
    """The memory; a command that only reads it refuses a glossary folder that is not there
    (rather than making a new, empty memory in a mistyped folder)."""
    from termbank.cli import require_glossary
    from termbank.tm.store import TranslationMemory, default_path

    if read_only and tm_file is None:
        require_glossary(glossary_dir)
    return TranslationMemory(tm_file or default_path(glossary_dir))


def _concepts(glossary_dir: Path):
    from termbank.glossary import Glossary

    return Glossary(glossary_dir).load() if glossary_dir.is_dir() else []


def _lang_pair(value: str | None) -> tuple[str, str | None]:
    """``en-ru`` → (en, ru); ``en-kk-Latn`` → (en, kk-Latn); a language we do not hold is a
    usage error (exit 2), not "no match"."""
    from termbank.model import LANGS

    if not value:
        return "en", None
    src, sep, tgt = value.partition("-")
    if not sep or not src or not tgt:
        raise BadInput(f"--lang-pair {value}: write it as SOURCE-TARGET, e.g. en-ru")
    for lang in (src, tgt):
        if lang not in LANGS:
            raise BadInput(f"--lang-pair {value}: unknown language {lang!r} "
                           f"(known: {', '.join(LANGS)})")
    return src, tgt


def _check_lang(lang: str | None) -> None:
    from termbank.model import LANGS

    if lang is not None and lang not in LANGS:
        raise BadInput(f"--lang {lang}: unknown language (known: {', '.join(LANGS)})")


@cli.group()
def tm() -> None:
    """Translation memory: align parallel texts, fuzzy search, concordance, TMX."""


@tm.command()
@click.argument("source", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("targets", nargs=-1, required=True,
                type=click.Path(exists=True, dir_okay=False, path_type=Path))
@_memory_options
@json_option
def align(source: Path, targets: tuple[Path, ...], glossary_dir: Path, tm_file: Path | None,
          as_json: bool) -> None:
    """Align an English text with its translations (RU.txt, KK.txt) and store the segments."""
    from termbank.lang import guess_lang
    from termbank.tm.align import glossary_pairs

    from termbank.extract.text import read_document

    concepts = _concepts(glossary_dir)
    english = read_document(source).text
    added = {}
    with _open(glossary_dir, tm_file) as memory:
        for path in targets:
            text = read_document(path).text
            lang = path.parent.name if path.parent.name in ("kk", "ru") else guess_lang(text)
            added[lang] = memory.add_parallel(english, text, src_lang="en", tgt_lang=lang,
                                              origin=source.name,
                                              term_pairs=glossary_pairs(concepts, "en", lang))
    if as_json:
        print_results([{"lang": "en", "target_lang": lang, "added": n}
                       for lang, n in added.items()],
                      added=sum(added.values()))
    else:
        for lang, n in added.items():
            click.echo(f"en-{lang}: {n} segment pairs stored")


@tm.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@_memory_options
@json_option
def import_(file: Path, glossary_dir: Path, tm_file: Path | None, as_json: bool) -> None:
    """Import a TMX file (all units or, if it is broken, none)."""
    from termbank.cli import ProgressReader

    with _open(glossary_dir, tm_file) as memory, \
            ProgressReader(file, "Importing", quiet=as_json) as stream:
        n = memory.import_tmx(stream, name=str(file))
    if as_json:
        print_results([{"file": str(file), "imported": n}], imported=n)
    else:
        click.echo(f"{n} translation units imported from {file}")


@tm.command()
@click.option("--out", "out", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="TMX file; without --lang-pair one file per pair: NAME.en-ru.tmx …")
@click.option("--lang-pair", default=None, help="Only this pair, e.g. en-ru.")
@_memory_options
@json_option
def export(out: Path, lang_pair: str | None, glossary_dir: Path, tm_file: Path | None,
           as_json: bool) -> None:
    """Export the memory as TMX 1.4b, one file per language pair."""
    from importlib.metadata import version

    from termbank.files import write_atomic

    with _open(glossary_dir, tm_file, read_only=True) as memory:
        if lang_pair:
            pairs = [(_lang_pair(lang_pair)[0], _lang_pair(lang_pair)[1])]
            paths = [out]
        else:
            pairs = memory.language_pairs()
            paths = [out.with_name(f"{out.stem}.{s}-{t}{out.suffix or '.tmx'}") for s, t in pairs]
        results = []
        for (src, tgt), path in zip(pairs, paths, strict=True):
            counted = []
            write_atomic(path, lambda f, s=src, t=tgt: counted.append(memory.export_tmx(
                f, src_lang=s, tgt_lang=t, tool_version=version("termbank"))))
            results.append({"file": str(path), "lang": src, "target_lang": tgt,
                            "units": counted[0]})
            if not as_json:
                click.echo(f"{path}: {counted[0]} units {src}-{tgt}")
    if as_json:
        print_results(results, units=sum(r["units"] for r in results))


@tm.command()
@click.argument("sentence")
@click.option("--lang-pair", default=None, help="Source and target, e.g. en-ru (default: en to all).")
@click.option("--min", "min_score", type=click.IntRange(0, 100), default=70, show_default=True,
              help="Lowest match percentage shown.")
@click.option("--limit", type=click.IntRange(1), default=5, show_default=True,
              help="Show at most this many matches.")
@_memory_options
@json_option
def search(sentence: str, lang_pair: str | None, min_score: int, limit: int, glossary_dir: Path,
           tm_file: Path | None, as_json: bool) -> None:
    """Fuzzy matches of SENTENCE, best first, with differences and glossary terms."""
    from termbank.tm.match import render_diff, term_hits

    src, tgt = _lang_pair(lang_pair)
    with _open(glossary_dir, tm_file, read_only=True) as memory:
        matches = memory.search(sentence, src_lang=src, tgt_lang=tgt, min_score=min_score,
                                limit=limit)
    found_terms = [(c.id, t) for c in _concepts(glossary_dir) for s in c.sections
                   if s.lang == src for t in s.terms]
    status = {(cid, t.text): t.status.value for cid, t in found_terms}
    hits = term_hits(sentence, [(cid, t.text) for cid, t in found_terms])
    if as_json:
        print_results([m.to_dict() for m in matches], found=len(matches),
                      terms=[{"concept": cid, "lang": src, "term": term,
                              "status": status[cid, term]} for cid, term in hits])
        if not matches:
            sys.exit(FOUND_PROBLEM)
        return
    if not matches:
        click.echo(f"no match of {min_score}% or more", err=True)
    for m in matches:
        click.echo(f"{m.score:3d}%  {m.source_lang}: {render_diff(m.diff)}")
        click.echo(f"      {m.target_lang}: {m.target}")
    if hits:
        click.echo("terms: " + ", ".join(f"{term} ({cid})" for cid, term in hits))
    if not matches:
        sys.exit(FOUND_PROBLEM)


@tm.command()
@click.argument("phrase")
@click.option("--lang", default=None, help="Only segments in this language.")
@click.option("--limit", type=click.IntRange(1), default=50, show_default=True,
              help="Show at most this many segments.")
@_memory_options
@json_option
def concordance(phrase: str, lang: str | None, limit: int, glossary_dir: Path, tm_file: Path | None,
                as_json: bool) -> None:
    """Segments that contain PHRASE, with their translations."""
    _check_lang(lang)
    with _open(glossary_dir, tm_file, read_only=True) as memory:
        found = memory.concordance(phrase, lang=lang, limit=limit)
    if as_json:
        print_results([o.to_dict() for o in found], found=len(found))
    else:
        if not found:
            click.echo(f"{phrase!r} does not occur in the memory", err=True)
        for o in found:
            click.echo(f"{o.lang}: {o.text}")
            for tl, text in o.translations:
                click.echo(f"  {tl}: {text}")
    if not found:
        sys.exit(FOUND_PROBLEM)


@tm.command("terms")
@click.option("--glossary", "glossary_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("glossary"), show_default=True, help="Glossary folder.")
@click.option("--seeds", "seeds_dir", type=click.Path(exists=True, file_okay=False, path_type=Path),
              default=Path("seeds"), show_default=True,
              help="Folder of English texts with kk/ and ru/ translations beside them.")
@click.option("--apply", is_flag=True, help="Merge the proposals into the glossary (as proposed).")
@json_option
def terms(glossary_dir: Path, seeds_dir: Path, apply: bool, as_json: bool) -> None:
    """Kazakh and Russian equivalents of glossary terms mined from the parallel texts."""
    from termbank.cli import require_glossary
    from termbank.tm.terms import mine_parallel

    require_glossary(glossary_dir)
    concepts = _concepts(glossary_dir)
    report = mine_parallel(seeds_dir, concepts)
    merged = None
    if apply and report.proposals:
        from termbank.glossary import Glossary
        from termbank.merge import merge
        from termbank.tm.terms import to_concepts

        glossary = Glossary(glossary_dir)
        with glossary.writing():  # merge into what the glossary holds now
            merged = merge(glossary.load(), to_concepts(report.proposals))
            glossary.save(merged.concepts)
    if as_json:
        print_results([p.to_dict() for p in report.all], agree=len(report.agreements),
                      disagree=len(report.disagreements), proposed=len(report.proposals),
                      applied=merged is not None,
                      added=len(merged.added) if merged else 0,
                      updated=len(merged.updated) if merged else 0)
        return
    rows = [(p.concept, p.lang, p.text, f"{p.confidence:.2f}", str(len(p.evidence)),
             {True: "yes", False: f"no ({p.known})", None: "new"}[p.agrees]) for p in report.all]
    header = ("concept", "lang", "proposed term", "conf", "ev", "agrees with glossary")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header) - 1)]
    for row in [header, *rows]:
        click.echo("  ".join(c.ljust(w) for c, w in zip(row, widths)) + "  " + row[-1])
    click.echo(f"{len(report.agreements)} agree, {len(report.disagreements)} disagree, "
               f"{len(report.proposals)} to propose")
    if merged is not None:
        click.echo(f"glossary: {len(merged.added)} concepts added, {len(merged.updated)} updated")

