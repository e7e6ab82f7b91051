"""``termbank serve``, ``termbank history``, ``termbank token``: the termbase for a team."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from termbank.cli import BAD_INPUT, FOUND_PROBLEM, cli, db_option, json_option, print_results


def _need_db(db_path) -> None:
    if db_path is None:
        click.echo("Error: say which termbase: --db postgresql://… (or an SQLite file), "
                   "or set TERMBANK_DB", err=True)
        sys.exit(BAD_INPUT)


def _team_store(store):
    """*store* if it keeps versions, history and tokens; else the one-line error, exit 2."""
    if not hasattr(store, "history"):
        click.echo("Error: history and tokens are kept in a team termbase: "
                   "use --db postgresql://…", err=True)
        store.close()
        sys.exit(BAD_INPUT)
    return store


@cli.command()
@db_option("The termbase to serve: a postgresql:// URL (a team's: reviews, history) or an "
           "SQLite file (read-only).", must_exist=True)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--tm", "tm_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=None, help="A translation memory (termbank tm) for GET /api/tm.")
@click.option("--token-for-reads", is_flag=True,
              help="Reading needs a token too (by default anyone who reaches the server reads).")
def serve(db_path, host: str, port: int, tm_file: Path | None, token_for_reads: bool) -> None:
    """Serve the termbase: a web page for look-up and review, and a JSON API under /api."""
    _need_db(db_path)
    import uvicorn

    from termbank.server.app import create_app
    from termbank.store import label

    app = create_app(db_path, open_reads=not token_for_reads, tm=tm_file)
    click.echo(f"Serving {label(db_path)} on http://{host}:{port}/ (Ctrl+C stops)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


@cli.command()
@click.argument("concept_id")
@db_option("The team termbase (a postgresql:// URL).", must_exist=True)
@json_option
def history(concept_id: str, db_path, as_json: bool) -> None:
    """Who changed CONCEPT_ID, when, and what: the audit trail, oldest first."""
    _need_db(db_path)
    from termbank.store import open_store

    with _team_store(open_store(db_path)) as store:
        entries = store.history(concept_id)
        exists = store.get(concept_id) is not None
    if not entries and not exists:
        click.echo(f"Error: no concept {concept_id!r}", err=True)
        sys.exit(FOUND_PROBLEM)
    if as_json:
        print_results([e.to_dict() for e in entries], changes=len(entries))
        return
    for e in entries:
        what = e.action
        if e.detail and e.detail.get("term"):
            what += f" {e.detail['term']} ({e.detail.get('lang')})"
        if e.detail and e.detail.get("note"):
            what += f" — {e.detail['note']}"
        click.echo(f"v{e.version:<4} {e.at:%Y-%m-%d %H:%M:%S %Z}  {e.actor:<16} {what}")


@cli.group()
def token() -> None:
    """API tokens of a team termbase (only their hashes are stored)."""


@token.command("create")
@click.argument("name")
@click.option("--role", type=click.Choice(["reader", "translator", "terminologist"]),
              required=True, help="reader: look up; translator: also propose; "
                                  "terminologist: also approve, reject, edit.")
@db_option("The team termbase (a postgresql:// URL).", must_exist=True)
def token_create(name: str, role: str, db_path) -> None:
    """Make a token for NAME and print it (once: it cannot be shown again)."""
    _need_db(db_path)
    from termbank.store import open_store

    with _team_store(open_store(db_path)) as store:
        try:
            click.echo(store.create_token(name, role))
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="NAME") from None
