"""``termbank lookup``: find a concept from whatever a translator types."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from termbank.cli import (FOUND_PROBLEM, BadInput, cli, db_option, glossary_option, json_option,
                          print_results)


@cli.command()
@click.argument("query")
@click.option("--lang", default=None, help="Match terms of this language only (kk also takes kk-Latn).")
@click.option("--exact", "mode", flag_value="exact", help="Whole terms only (as typed or folded).")
@click.option("--fuzzy", "mode", flag_value="fuzzy", help="Always add typo matches.")
@click.option("--limit", type=click.IntRange(min=1), default=10, show_default=True,
              help="Show at most this many concepts.")
@json_option
@glossary_option
@db_option("Search this store (an SQLite file from `termbank import --db`, or a "
           "postgresql:// URL) instead of the glossary.", must_exist=True)
def lookup(query: str, lang: str | None, mode: str | None, limit: int, as_json: bool,
           glossary_dir: Path, db_path: Path | str | None) -> None:
    """Find the concepts QUERY names, in any language, form, script or spelling."""
    from termbank import search
    from termbank.model import is_lang_tag

    if lang is not None and not is_lang_tag(lang):
        raise click.BadParameter(f"{lang!r} is not a language tag (en, kk, kk-Latn, ru)",
                                 param_hint="--lang")
    if not query.strip():
        raise click.BadParameter("the query is empty", param_hint="QUERY")
    store = _open(glossary_dir, db_path)
    try:
        if lang is not None and lang not in store.counts():
            known = ", ".join(k for k in store.counts() if k != "concepts")
            raise BadInput(f"--lang {lang}: no terms in that language (known: {known})")
        hits = search.lookup(store, query, lang=lang, mode=mode or "auto", limit=limit)
        suggestions = [] if hits else search.suggest(store, query, lang=lang)
    finally:
        store.close()
    if as_json:
        from termbank.render import hit_to_dict

        print_results([hit_to_dict(h) for h in hits], found=len(hits))
    elif hits:
        from termbank.render import format_hit

        click.echo("\n\n".join(format_hit(h) for h in hits))
    if not hits:
        closest = ", ".join(f"{s.term} ({s.lang}, {s.concept_id})" for s in suggestions)
        click.echo(f"No term matches {query!r}." + (f" Closest: {closest}." if closest else ""),
                   err=True)
        sys.exit(FOUND_PROBLEM)


def _open(glossary_dir: Path, db_path: Path | str | None):
    from termbank.store import open_index, open_store

    if db_path is not None:
        return open_store(db_path)
    if not glossary_dir.is_dir():
        raise BadInput(f"{glossary_dir}: no such glossary folder (use --glossary DIR or --db FILE)")
    from termbank.glossary import Glossary

    return open_index(Glossary(glossary_dir))
