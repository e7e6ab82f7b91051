"""``termbank extract``: candidate terms from English text."""

from __future__ import annotations

from pathlib import Path

import click

import sys

from termbank.cli import FOUND_PROBLEM, StepBar, cli, json_option, print_results


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@json_option
@click.option("--limit", type=click.IntRange(min=1), default=None,
              help="Show only the N best candidates.")
@click.option("--glossary", "glossary_dir", type=click.Path(path_type=Path),
              default=Path("glossary"), show_default=True,
              help="Say which candidates this glossary already holds (skipped if absent).")
@click.option("--names-only", is_flag=True, help="Only the name track (no tagger).")
def extract(paths: tuple[Path, ...], as_json: bool, limit: int | None, glossary_dir: Path,
            names_only: bool) -> None:
    """Find the terms in English texts (files, or folders of *.txt), best first."""
    from termbank.extract import extract as extract_terms
    from termbank.extract import read_documents
    from termbank.extract.known import mark_known
    from termbank.glossary import Glossary

    documents = read_documents(paths)
    with StepBar(len(documents), "Extracting", quiet=as_json) as bar:
        candidates = extract_terms(_stepping(documents, bar), terms=not names_only)[:limit]
    if glossary_dir.is_dir():
        mark_known(candidates, Glossary(glossary_dir).load())
    if as_json:
        from termbank.extract import to_concepts

        # the concept id each candidate gets in the glossary; scores on the 0–100 scale
        results = [{"concept": concept.id, "lang": "en", "term": c.preferred, "review": "candidate",
                    **c.as_dict(), "score": round(c.score * 100, 1)}
                   for c, concept in zip(candidates, to_concepts(candidates), strict=True)]
        print_results(results, found=len(results))
        if not candidates:
            sys.exit(FOUND_PROBLEM)
        return
    if not candidates:
        click.echo("no term candidates found", err=True)
        sys.exit(FOUND_PROBLEM)
    rows = [("score", "kind", "preferred", "variants", "freq", "docs", "glossary")]
    for c in candidates:
        rows.append((f"{c.score * 100:.1f}", c.kind, c.preferred, "; ".join(c.variants),
                     str(c.frequency), str(c.document_count),
                     f"known {c.known}" if c.known else "new"))
    widths = [min(max(len(r[i]) for r in rows), cap) for i, cap in
              enumerate((5, 22, 50, 60, 5, 4, 60))]
    for row in rows:
        cells = [_fit(cell, width) for cell, width in zip(row, widths)]
        click.echo("  ".join(cells).rstrip())


def _stepping(documents, bar: StepBar):
    """The documents, moving the bar by one as each is done."""
    for document in documents:
        yield document
        bar.step(Path(document.name).name)


def _fit(text: str, width: int) -> str:
    if len(text) > width:
        text = text[:width - 1] + "…"
    return text.rjust(width) if text.replace(".", "").isdigit() else text.ljust(width)
