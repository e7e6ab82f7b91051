"""``termbank align``: give the glossary's concepts their Kazakh, Kazakh-Latin and Russian terms."""

from __future__ import annotations

import click

from termbank.cli import cli, glossary_option, json_option, print_results, require_glossary


@cli.command()
@glossary_option
@click.option("--latin", type=click.Choice(["2021", "2018"]), default="2021", show_default=True,
              help="Kazakh Latin alphabet for kk-Latn terms: 2021 (the default; the 2021 "
                   "official version current Latin-script Kazakh follows) or 2018 (Decree "
                   "No. 637 of 2018: acute accents, sh/ch).")
@click.option("--report", "show_report", is_flag=True,
              help="Then list, per concept and language, the term, its origin (attested, cldr, "
                   "official list, acronym, composed, transliterated, mined, missing) and why "
                   "a term is missing.")
@json_option
def align(glossary_dir, latin, show_report, as_json):
    """Fill kk / kk-Latn / ru terms from reference data, CLDR, the official list of places,
    acronyms, composition and transliteration; approved entries are never overwritten."""
    from termbank.align import STAT_KINDS, align_glossary, report_glossary
    from termbank.cli.glossary_cmds import conflict_dict

    require_glossary(glossary_dir)
    report = align_glossary(glossary_dir, alphabet=latin)
    if show_report:
        rows = report_glossary(glossary_dir)
        if as_json:
            print_results(rows, concepts=len({r["concept"] for r in rows}),
                          missing=sum(not r["term"] for r in rows))
            return
        for row in rows:
            shown = row["term"] or f"({row['reason']})"
            click.echo(f"{row['concept']}\t{row['lang']}\t{row['origin']}\t{shown}")
        return
    if as_json:
        results = [{"concept": cid, "action": "added"} for cid in report.added]
        results += [{"concept": cid, "action": "updated"} for cid in report.updated]
        results += [conflict_dict(c) for c in report.conflicts]
        print_results(results, added=len(report.added), updated=len(report.updated),
                      conflicts=len(report.conflicts), terms=report.stats)
        return
    click.echo(f"{'':8}" + "".join(f"{k:>16}" for k in STAT_KINDS))
    for lang, counts in report.stats.items():
        click.echo(f"{lang:8}" + "".join(f"{counts[k]:>16}" for k in STAT_KINDS))
    click.echo(f"{len(report.updated)} concepts updated, {len(report.added)} added")
    for conflict in report.conflicts:
        click.echo(f"conflict: {conflict}")
