"""The ``termbank`` command: a thin porch over the library.

Each command parses its arguments, calls one library function and prints. Commands live in
modules by topic (``glossary_cmds``, ``extract_cmds`` …) and register themselves on
:data:`cli` when this package imports them at the bottom. Library modules are imported inside
command bodies so that ``--help`` and a cold ``lookup`` stay fast.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from termbank.errors import FormatError, NotFound, StoreError, TermbankError

#: Exit codes every command keeps.
OK, FOUND_PROBLEM, BAD_INPUT = 0, 1, 2


class TermbankGroup(click.Group):
    """Turns termbank's own errors into one ``Error: …`` line and the right exit code."""

    def invoke(self, ctx: click.Context):
        from termbank.files import set_wait_handler

        set_wait_handler(lambda message: click.echo(message, err=True))
        try:
            return super().invoke(ctx)
        except (FormatError, StoreError) as exc:
            click.echo(f"Error: {exc}", err=True)
            ctx.exit(BAD_INPUT)
        except NotFound as exc:
            click.echo(f"Error: {exc}", err=True)
            ctx.exit(FOUND_PROBLEM)
        except TermbankError as exc:
            click.echo(f"Error: {exc}", err=True)
            ctx.exit(FOUND_PROBLEM)


@click.group(cls=TermbankGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="termbank")
def cli() -> None:
    """English / Kazakh / Russian terminology: extract, align, glossary, TBX/PO/TMX, lookup."""


def glossary_option(fn):
    """``--glossary DIR``: the glossary folder every command that reads or writes it takes."""
    return click.option(
        "--glossary", "glossary_dir", type=click.Path(file_okay=False, path_type=Path),
        default=Path("glossary"), show_default=True,
        help="Folder of the glossary (created when missing).")(fn)


class StoreTarget(click.ParamType):
    """``--db``: a PostgreSQL URL (kept as text) or the path of an SQLite file."""

    name = "FILE|URL"

    def __init__(self, *, must_exist: bool) -> None:
        self.must_exist = must_exist

    def convert(self, value, param, ctx):
        from termbank.store import is_url

        if isinstance(value, Path) or not is_url(str(value)):
            path = Path(value)
            if self.must_exist and not path.is_file():
                self.fail(f"{path}: no such store", param, ctx)
            if path.is_dir():
                self.fail(f"{path} is a folder, not a store file", param, ctx)
            return path
        return str(value)


def db_option(help: str, *, must_exist: bool = False):
    """``--db FILE|URL`` (or the ``TERMBANK_DB`` environment variable): the store to use."""
    from termbank.store import DB_ENV

    return click.option("--db", "db_path", type=StoreTarget(must_exist=must_exist), default=None,
                        envvar=DB_ENV, show_envvar=True, help=help)


class BadInput(click.ClickException):
    """A usage or input error: one ``Error: …`` line on stderr, exit code 2."""

    exit_code = BAD_INPUT


def require_glossary(glossary_dir: Path) -> None:
    """Read-only commands refuse a glossary folder that does not exist (a typo, most often)."""
    if not glossary_dir.is_dir():
        raise BadInput(f"{glossary_dir}: no such glossary folder (use --glossary DIR)")


def json_option(fn):
    return click.option("--json", "as_json", is_flag=True,
                        help="Print machine-readable JSON instead of text.")(fn)


def print_json(data) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def print_results(results: list[dict], **summary) -> None:
    """The one ``--json`` shape every command prints: ``{"results": [...], "summary": {...}}``.

    Each result is an object; the names are shared across commands (``concept``, ``lang``,
    ``term``, ``status``, ``review``, ``score`` on a 0–100 scale, ``file``, ``line``,
    ``message``). ``summary`` holds counts and is left out when there is nothing to say.
    """
    data: dict = {"results": results}
    if summary:
        data["summary"] = summary
    print_json(data)


def show_progress(quiet: bool = False) -> bool:
    """Bars go to stderr on a terminal only: never in pipes, logs or ``--json`` output."""
    import sys

    return not quiet and sys.stderr.isatty()


class ProgressReader:
    """A binary file that moves a progress bar (stderr, terminal only) as it is read."""

    def __init__(self, path: Path, label: str, *, quiet: bool = False) -> None:
        self.file = open(path, "rb")
        self.bar = None
        if show_progress(quiet):
            import sys

            self.bar = click.progressbar(length=path.stat().st_size, label=label,
                                         file=sys.stderr)
            self.bar.__enter__()

    def read(self, size: int = -1) -> bytes:
        data = self.file.read(size)
        if self.bar is not None:
            self.bar.update(len(data))
        return data

    def __getattr__(self, name):
        return getattr(self.file, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.__exit__(*exc)
        self.file.close()


class StepBar:
    """A bar over named steps (stderr, terminal only); ``step(name)`` moves it by one."""

    def __init__(self, steps: int, label: str, *, quiet: bool = False) -> None:
        import sys

        self.bar = None
        self.current = ""
        if show_progress(quiet):
            self.bar = click.progressbar(length=steps, label=label, file=sys.stderr,
                                         item_show_func=lambda _: self.current)

    def step(self, name: str) -> None:
        if self.bar is not None:
            self.current = name
            self.bar.update(1)

    def __enter__(self):
        if self.bar is not None:
            self.bar.__enter__()
        return self

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.__exit__(*exc)


def main() -> None:
    cli(prog_name="termbank")


# Command modules register themselves on `cli` when imported.
from termbank.cli import glossary_cmds  # noqa: E402,F401
from termbank.cli import tm_cmds  # noqa: E402,F401
from termbank.cli import locales_cmds  # noqa: E402,F401
from termbank.cli import align_cmds  # noqa: E402,F401
from termbank.cli import extract_cmds  # noqa: E402,F401
from termbank.cli import lookup_cmds  # noqa: E402,F401
from termbank.cli import server_cmds  # noqa: E402,F401
