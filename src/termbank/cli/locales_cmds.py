"""Commands over gettext catalogs: ``locales update``, ``locales import`` and ``check``."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import click

from termbank.cli import (FOUND_PROBLEM, BadInput, cli, glossary_option, json_option,
                          print_results, require_glossary)

_LOCALES = click.option("--locales", "locales_dir", type=click.Path(file_okay=False,
                        path_type=Path), default=Path("locales"), show_default=True,
                        help="Folder of the catalogs (<locale>/LC_MESSAGES/glossary.po).")


@cli.group()
def locales() -> None:
    """The glossary as gettext catalogs for localisation teams (Poedit, Weblate, Pootle)."""


@locales.command("update")
@glossary_option
@_LOCALES
@json_option
def update_cmd(glossary_dir: Path, locales_dir: Path, as_json: bool) -> None:
    """Write glossary.pot and each language's glossary.po and .mo, keeping translators' work."""
    from termbank import locales as lib
    from termbank.glossary import Glossary

    from termbank.cli import StepBar

    require_glossary(glossary_dir)
    glossary = Glossary(glossary_dir)
    with glossary.writing() as staged:  # the catalogs change together, or not at all
        concepts = glossary.load()
        langs = lib.target_langs(concepts)
        with StepBar(len(langs), "Updating catalogs", quiet=as_json) as bar:
            report = lib.update(concepts, locales_dir, langs=langs, progress=bar.step,
                                staged=staged)
    if as_json:
        print_results([{"lang": c.lang, "file": c.path,
                        "state": "created" if c.created else ("updated" if c.changed
                                                              else "unchanged"),
                        **{k: v for k, v in asdict(c).items() if k not in ("lang", "path")}}
                       for c in report.catalogs],
                      template=report.template, template_changed=report.template_changed,
                      written=len(report.written))
        return
    for cat in report.catalogs:
        state = "created" if cat.created else ("updated" if cat.changed else "unchanged")
        click.echo(f"{cat.path}: {state}, {cat.entries} entries; {len(cat.added)} added, "
                   f"{len(cat.refreshed)} refreshed, {len(cat.fuzzy)} fuzzy (English changed), "
                   f"{len(cat.obsolete)} obsolete, {len(cat.kept)} translator edits kept")
        for kept in cat.kept:
            click.echo(f"  {cat.path}:{kept.line}: {kept.concept}: kept {kept.translation!r} "
                       f"(glossary: {kept.glossary or '—'!r})")
        for change in cat.fuzzy:
            click.echo(f"  {change.concept}: English {change.previous!r} → {change.msgid!r}: "
                       "fuzzy, please review")
        for fixed in cat.header_fixed:
            click.echo(f"  header: {fixed}")


@locales.command("import")
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False, exists=True, path_type=Path))
@glossary_option
@_LOCALES
@click.option("--dry-run", is_flag=True, help="Report what would change; save nothing.")
@json_option
def import_cmd(files: tuple[Path, ...], glossary_dir: Path, locales_dir: Path, dry_run: bool,
               as_json: bool) -> None:
    """Take translators' edits from the PO files back into the glossary as proposals.

    FILES default to every language's glossary.po under --locales.
    """
    from termbank import locales as lib
    from termbank.formats import po
    from termbank.glossary import Glossary

    require_glossary(glossary_dir)
    glossary = Glossary(glossary_dir)
    with glossary.writing():  # read, merge and save with no other writer in between
        concepts = glossary.load()
        if files:
            catalogs = [po.parse(f.read_bytes(), source=str(f)) for f in files]
        else:
            catalogs = lib.read_catalogs(locales_dir, lib.target_langs(concepts))
        report = lib.import_edits(concepts, catalogs)
        if not dry_run and (report.added or report.updated):
            glossary.save(report.concepts)
    if as_json:
        results = [{"concept": p.concept, "lang": p.lang, "term": p.term, "status": "admitted",
                    "review": "proposed", "action": "proposed", "msgid": p.msgid,
                    "translator": p.translator, "where": p.where, "glossary": p.glossary}
                   for p in report.proposals]
        results += [{"action": "skipped", "message": m} for m in report.skipped]
        results += [{"action": "conflict", "message": m} for m in report.conflicts]
        print_results(results, proposals=len(report.proposals), skipped=len(report.skipped),
                      conflicts=len(report.conflicts), added=len(report.added),
                      updated=len(report.updated), saved=not dry_run and bool(
                          report.added or report.updated))
        return
    for p in report.proposals:
        click.echo(f"{p.where}: {p.concept} [{p.lang}] proposed {p.term!r} by {p.translator}")
    for line in report.skipped:
        click.echo(f"skipped: {line}")
    for line in report.conflicts:
        click.echo(f"conflict: {line}")
    verb = "would update" if dry_run else "updated"
    click.echo(f"{len(report.proposals)} proposals; {verb} {len(report.updated)} concepts")


@cli.command("check")
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False, exists=True, path_type=Path))
@glossary_option
@click.option("--source", "source_file", type=click.Path(dir_okay=False, exists=True,
              path_type=Path), help="English plain text, aligned line by line with --target.")
@click.option("--target", "target_file", type=click.Path(dir_okay=False, exists=True,
              path_type=Path), help="Its translation (plain text).")
@click.option("--lang", help="Target language (kk, kk-Latn, ru); for PO files it overrides "
              "the Language header.")
@json_option
def check_cmd(files: tuple[Path, ...], glossary_dir: Path, source_file: Path | None,
              target_file: Path | None, lang: str | None, as_json: bool) -> None:
    """Check translations (PO FILES, or --source/--target text) against the glossary."""
    from termbank import locales as lib
    from termbank.formats import po
    from termbank.glossary import Glossary
    from termbank.model import LANGS

    ctx = click.get_current_context()
    plain = source_file is not None or target_file is not None
    if plain == bool(files) or (plain and not (source_file and target_file and lang)):
        raise BadInput("give PO FILES, or --source, --target and --lang")
    if lang is not None and lang not in LANGS[1:]:
        raise BadInput(f"--lang {lang}: unknown target language (known: {', '.join(LANGS[1:])})")
    require_glossary(glossary_dir)
    concepts = Glossary(glossary_dir).load()
    if plain:
        from termbank.extract.text import read_document

        report = lib.check_text(concepts, read_document(source_file).text,
                                read_document(target_file).text, lang=lang,
                                source_name=str(source_file), target_name=str(target_file))
    else:
        catalogs = [po.parse(f.read_bytes(), source=str(f)) for f in files]
        report = lib.check_catalogs(concepts, catalogs, lang=lang)
    if as_json:
        print_results([{"file": p.source, "line": p.line, "concept": p.concept, "term": p.term,
                        "lang": report.lang or lang, "suggestion": p.suggestion, "found": p.found,
                        "status": p.status, "review": p.review,
                        "message": p.message} for p in report.problems],
                      checked=report.checked, problems=len(report.problems))
    else:
        width = max((len(p.location) for p in report.problems), default=0) + 1
        for p in report.problems:
            click.echo(f"{p.location + ':':<{width}} {p.message}")
        click.echo(f"{report.checked} translations checked, {len(report.problems)} problems",
                   err=True)
    if report.problems:
        ctx.exit(FOUND_PROBLEM)
