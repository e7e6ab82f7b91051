"""Hostile input for every reader: valid files, mutated, run through the CLI.

One definition of the fuzz contract, shared by the property tests (``tests/fuzz/``, driven by
hypothesis) and the long run (``fuzz/run.py``, driven by a seeded random generator):

* a reader either gives a result (exit 0 or 1) or refuses the file with exactly one
  ``Error: FILE[:LINE]: reason`` line on stderr and exit 2 — never another exception;
* whatever an import accepted leaves a glossary that loads again.

Inputs are structure-aware: real files of each format (tests/data, the seeds, small exports
of the test glossary) changed by a few mutations — byte flips, truncation, spans deleted or
repeated, lines swapped, and tokens that hostile files carry (entity declarations, huge
numbers, explicit YAML tags, odd charsets, deep nesting) inserted or put in place of a value.
"""

from __future__ import annotations

import io
import random
import re
import shutil
import traceback
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
_EPOCH = datetime(2025, 1, 1, tzinfo=timezone.utc)

# -- mutations ---------------------------------------------------------------------------

#: What a mutation does; each op is (kind, position in 0..1, a small integer, a token index).
KINDS = ("flip", "truncate", "delete", "repeat", "insert", "replace_value", "swap_lines")
Op = tuple[str, float, int, int]

_XML_TOKENS = [
    b'<!DOCTYPE tbx [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>', b"&xxe;", b"&a;",
    b'<!DOCTYPE tmx [<!ENTITY a "aaaaaaaaaa">]>', b"<!-- c -->", b"<![CDATA[x]]>", b"&#0;",
    b"&#x110000;", b"&amp;", b"<hi>" * 1000, b"</hi>", b' x="1"', b' xml:lang="x y!"',
    b' xml:lang=""', b"Review: approved; confidence: 1.2.3", b"Review: proposed; confidence: 99",
    b"9" * 5000, b"-1", b"\x00", b"\xed\xa0\x80", b"\xff\xfe", b"<?pi x?>",
    b'<note>before&a;after</note>', b'<prop type="x">a&a;b</prop>', b"<tuv>", b"<seg>",
    b"<term>", b"<termSec>", b"<langSec>", b'<langSec xml:lang="ru"><termSec><term>x</term>'
    b"</termSec></langSec>", b"".join(b' a%d="v"' % i for i in range(3000)),
    b'<termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>', b"\n" * 50,
    b'<tu srclang="en"><tuv xml:lang="en"><seg>x</seg></tuv></tu>', b" ", b"\t",
]
_PO_TOKENS = [
    b"charset=rot-13", b"charset=zlib", b"charset=base64", b"charset=hex", b"charset=undefined",
    b"charset=utf-16", b"charset=idna", b"charset=koi8-r", b"charset=nonsense", b'msgstr ""',
    b'msgid ""', b'"Language: x y!\\n"', b'"Language: kk\\n"', b"Language: x y!", b'"\\n"',
    b'msgid_plural "x"', b'msgstr[0] "a"', b'msgstr[9' + b"9" * 5000 + b'] "a"',
    b"Plural-Forms: nplurals=" + b"9" * 5000 + b"; plural=0;", b"Plural-Forms: nplurals=2; "
    b"plural=n>" + b"9" * 5000 + b";", b"#~ ", b"#| ", b"#, fuzzy", b'"\\x"', b'"', b"\\",
    b"9" * 5000, b"\x00", b"\xed\xa0\x80", b"\xff\xfe", b'msgctxt "c"', b"#. note",
    b'msgstr " x "', b'msgstr "   "', b'"' + b"x" * 20000 + b'"', b" ", b"\n",
]
_YAML_TOKENS = [
    b"!!int x", b"!!float x", b"!!str", b"!!binary aGk=", b"!!python/object:os.system x",
    b"2001-12-14t21:59:43.10-05:00", b"2002-12-14", b"null", b"~", b"&a [x]", b"*a",
    b"{a: 1}", b"[1, 2]", b"? x", b"<<: {a: 1}", b"note: second note", b"# reviewer comment",
    b"9" * 5000, b"1e400", b".nan", b".inf", b"-1", b"1.5", b"99", b"true", b"yes", b"''",
    b'"x\\ud800"', b"\x00", b"\xed\xa0\x80", b"\t", b"- x", b"  - ", b"status: None",
    b"confidence: 1.2.3", b"x y!:", b"id: c-other", b"id: 'a\\nb'", b"id: " + b"a" * 250,
    b"status: preferred", b"review: approved", b"---", b"...", b"%YAML 1.1", b": ",
    b"a: &a [1]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]",
]
_TEXT_TOKENS = [
    b"EU " * 4000, b"A" * 20000, b"The The The ", b"(" * 2000, b")" * 2000, b"." * 3000,
    b"European Union (EU) ", b"Mr. ", b"U.S.A. " * 500, b"\x00", b"\xed\xa0\x80", b"\xff\xfe",
    b"\xc3\x28", b"\r\n", b"\n" * 500, b"\t", b"Central Asia " * 1000, b"-" * 5000,
    "Қазақстан Республикасы ".encode() * 300, "\u200b\u0301".encode() * 1000,
    b"EPCA-EPCA-" * 1000, b"ab" * 10000, b"of the " * 3000, b"Prime Minister " * 800,
    b"Ministry of the " * 2000, b"Foreign Minister and " * 1000, b"Kazakhstan, " * 2000,
]


def apply_ops(data: bytes, ops: Sequence[Op], tokens: Sequence[bytes]) -> bytes:
    """*data* changed by each op in turn; deterministic, so a failing input can be rebuilt."""
    for kind, where, n, token in ops:
        pos = int(where * len(data))
        if kind == "flip" and data:
            pos = min(pos, len(data) - 1)
            data = data[:pos] + bytes([n % 256]) + data[pos + 1:]
        elif kind == "truncate":
            data = data[:pos]
        elif kind == "delete":
            data = data[:pos] + data[pos + 1 + n % 64:]
        elif kind == "repeat":
            chunk = data[pos:pos + 1 + n % 40]
            data = data[:pos] + chunk * (2 + n % 300) + data[pos:]
        elif kind == "insert":
            data = data[:pos] + tokens[token % len(tokens)] + data[pos:]
        elif kind == "replace_value":
            data = _replace_value(data, n, tokens[token % len(tokens)])
        elif kind == "swap_lines":
            lines = data.split(b"\n")
            if len(lines) > 2:
                i, j = pos % len(lines), (pos + 1 + n) % len(lines)
                lines[i], lines[j] = lines[j], lines[i]
                data = b"\n".join(lines)
    return data


_VALUE = re.compile(rb'(?<=>)[^<>\n]{1,200}(?=<)|(?<=": )[^\n]+|(?<=: )[^\n]+|(?<=")[^"\n]*(?=")')


def _replace_value(data: bytes, n: int, token: bytes) -> bytes:
    """Put *token* where the *n*-th value stands (element text, a YAML value, a PO string)."""
    spans = [m.span() for m, _ in zip(_VALUE.finditer(data), range(400))]
    if not spans:
        return data + token
    start, end = spans[n % len(spans)]
    return data[:start] + token + data[end:]


def random_ops(rnd: random.Random, count: int | None = None) -> list[Op]:
    return [(rnd.choice(KINDS), rnd.random(), rnd.randrange(1 << 16), rnd.randrange(1 << 16))
            for _ in range(count if count is not None else rnd.randint(1, 4))]


# -- seed files --------------------------------------------------------------------------

def _glossary_concepts():
    from termbank.glossary import parse_concept

    if "test" not in _CONCEPTS:
        # the files read directly: Glossary.load would take its lock in tests/data
        _CONCEPTS["test"] = tuple(parse_concept(p.read_bytes(), source=p.name)
                                  for p in sorted((DATA / "glossary").glob("*.yaml")))
    return _CONCEPTS["test"]


_CONCEPTS: dict[str, tuple] = {}


@cache
def seeds(reader: str) -> tuple[bytes, ...]:
    """The valid files each reader's inputs start from."""
    from termbank.formats import po, tbx, tsv

    if reader in ("tbx3", "tbx2008"):
        dialect = "v3" if reader == "tbx3" else "2008"
        out = io.BytesIO()
        tbx.write(out, _glossary_concepts(), dialect=dialect)
        files = [p.read_bytes() for p in sorted((DATA / "tbx").glob("*.tbx"))
                 if (b"<martif" in p.read_bytes()) == (dialect == "2008")]
        return (out.getvalue(), *files)
    if reader == "tmx":
        return tuple(p.read_bytes() for p in sorted((DATA / "tm").glob("tmx_*.tmx"))
                     if "broken" not in p.name)
    if reader == "po":
        made = []
        for lang in ("kk", "ru"):
            catalog = po.new_catalog(po.header(lang, project="termbank", now=_EPOCH,
                                                       translator="T <t@example.org>"))
            for entry in po.glossary_entries(_glossary_concepts(), lang):
                catalog.append(entry)
            made.append(po.dumps(catalog))
        return (*made, (DATA / "locales" / "ok_catalog_ru.po").read_bytes())
    if reader == "yaml":
        return tuple(p.read_bytes() for p in sorted((DATA / "glossary").glob("*.yaml")))
    if reader == "tsv":
        out = io.StringIO()
        tsv.write(out, _glossary_concepts(), target_lang="ru")
        return (out.getvalue().encode(),
                _head((DATA / "align" / "published_names.tsv").read_bytes(), 600))
    if reader == "xlsx":  # the sheet's XML is what is mutated; make_input zips it back
        return (_xlsx_parts()["xl/worksheets/sheet1.xml"],)
    if reader in ("text", "parallel"):
        return tuple(_head(p.read_bytes(), 600) for p in sorted((ROOT / "seeds").glob("0*.txt")))
    raise KeyError(reader)


def _head(data: bytes, size: int) -> bytes:
    """The lines of *data* within its first *size* bytes (whole lines, whole characters)."""
    end = data.rfind(b"\n", 0, size)
    return data if end < 0 else data[:end + 1]


def tokens(reader: str) -> list[bytes]:
    return {"tbx3": _XML_TOKENS, "tbx2008": _XML_TOKENS, "tmx": _XML_TOKENS, "po": _PO_TOKENS,
            "yaml": _YAML_TOKENS, "tsv": _TEXT_TOKENS + _PO_TOKENS[:12],
            "text": _TEXT_TOKENS, "parallel": _TEXT_TOKENS, "xlsx": _XML_TOKENS}[reader]


def make_input(reader: str, seed: int, ops: Sequence[Op]) -> bytes:
    corpus = seeds(reader)
    data = apply_ops(corpus[seed % len(corpus)], ops, tokens(reader))
    if reader == "xlsx":
        parts = dict(_xlsx_parts(), **{"xl/worksheets/sheet1.xml": data})
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, part in parts.items():
                archive.writestr(name, part)
        data = out.getvalue()
    return data


@cache
def _xlsx_parts() -> dict[str, bytes]:
    from termbank.formats import xlsx

    out = io.BytesIO()
    xlsx.write(out, _glossary_concepts())
    with zipfile.ZipFile(io.BytesIO(out.getvalue())) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


# -- the contract ------------------------------------------------------------------------

class ContractBroken(AssertionError):
    """The reader did something the contract forbids: a traceback, a bad error line."""


@dataclass(frozen=True)
class Outcome:
    exit_code: int
    stderr: str


def _invoke(args: list[str]) -> Outcome:
    from click.testing import CliRunner

    from termbank.cli import cli

    result = CliRunner().invoke(cli, args, catch_exceptions=True)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        exc = result.exception
        tb = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        raise ContractBroken(f"termbank {' '.join(args)} raised {type(exc).__name__}: "
                             f"{str(exc)[:300]}\n{tb[-3000:]}")
    stderr = result.stderr
    if result.exit_code not in (0, 1, 2):
        raise ContractBroken(f"termbank {' '.join(args)} exited {result.exit_code}: {stderr[:300]}")
    if result.exit_code == 2:
        _check_error_line(stderr, args)
    return Outcome(result.exit_code, stderr)


def _check_error_line(stderr: str, args: list[str]) -> None:
    lines = [ln for ln in stderr.splitlines() if ln.strip()]
    errors = [ln for ln in lines if ln.startswith("Error: ")]
    if len(errors) != 1:
        raise ContractBroken(f"exit 2 needs one 'Error:' line, got {stderr[:500]!r} "
                             f"for {' '.join(args)}")
    if not re.match(r"Error: [^:\n]+(:\d+)?: \S", errors[0]):
        raise ContractBroken(f"not an 'Error: file:line: reason' line: {errors[0][:300]!r}")


def _glossary_loads(folder: Path) -> None:
    from termbank.errors import FormatError
    from termbank.glossary import Glossary

    try:
        Glossary(folder).load()
    except FormatError as exc:
        raise ContractBroken(f"an accepted input left a glossary that does not load: {exc}")


def _copy_glossary(work: Path) -> Path:
    target = work / "glossary"
    shutil.copytree(DATA / "glossary", target, ignore=shutil.ignore_patterns(".*"))
    return target


def run_tbx(data: bytes, work: Path) -> Outcome:
    path = work / "in.tbx"
    path.write_bytes(data)
    glossary = _copy_glossary(work)
    out = _invoke(["import", str(path), "--glossary", str(glossary)])
    _glossary_loads(glossary)
    _invoke(["validate", str(path)])
    return out


def run_tmx(data: bytes, work: Path) -> Outcome:
    path = work / "in.tmx"
    path.write_bytes(data)
    return _invoke(["tm", "import", str(path), "--tm", str(work / "tm.sqlite"),
                    "--glossary", str(work / "none")])


def run_po(data: bytes, work: Path) -> Outcome:
    path = work / "glossary.po"
    path.write_bytes(data)
    glossary = _copy_glossary(work)
    out = _invoke(["locales", "import", str(path), "--glossary", str(glossary),
                   "--locales", str(work / "locales")])
    _glossary_loads(glossary)
    _invoke(["check", str(path), "--glossary", str(glossary)])
    return out


def run_yaml(data: bytes, work: Path) -> Outcome:
    glossary = _copy_glossary(work)
    (glossary / "c-epca.yaml").write_bytes(data)
    out = _invoke(["export", "--glossary", str(glossary), "--out", str(work / "out.tbx")])
    if out.exit_code == 0:
        _invoke(["export", "--format", "csv", "--glossary", str(glossary),
                 "--out", str(work / "csv")])
        _invoke(["lookup", "EPCA", "--glossary", str(glossary)])
    return out


def run_tsv(data: bytes, work: Path) -> Outcome:
    """TSV has no command of its own: read it and save what it gives as a glossary."""
    from termbank.errors import FormatError
    from termbank.formats import tsv
    from termbank.glossary import Glossary

    source = str(work / "in.tsv")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return Outcome(2, "")
    try:
        concepts = list(tsv.read(io.StringIO(text, newline=""), source=source, target_lang="ru"))
    except FormatError as exc:
        if exc.source != source:
            raise ContractBroken(f"FormatError names {exc.source!r}, not the file") from None
        return Outcome(2, str(exc))
    except Exception as exc:
        raise ContractBroken(f"tsv.read raised {type(exc).__name__}: {exc}\n"
                             f"{traceback.format_exc()[-3000:]}") from None
    try:
        Glossary(work / "g").save(concepts)
    except ValueError as exc:  # the same id twice is the one refusal save() makes
        raise ContractBroken(f"tsv.read gave concepts the glossary refuses: {exc}") from None
    _glossary_loads(work / "g")
    return Outcome(0, "")


def run_text(data: bytes, work: Path) -> Outcome:
    path = work / "in.txt"
    path.write_bytes(data)
    return _invoke(["extract", str(path), "--json"])


def run_parallel(data: bytes, work: Path) -> Outcome:
    """The same mutated English text through ``tm align`` and ``check --source``."""
    source = work / "en.txt"
    source.write_bytes(data)
    target = work / "ru" / "t.txt"
    target.parent.mkdir()
    russian = (ROOT / "seeds" / "ru" / "001_b9b2a1f356df666f.txt").read_bytes()
    target.write_bytes(russian[:russian.index(b"\n", 2500) + 1])
    glossary = _copy_glossary(work)
    out = _invoke(["tm", "align", str(source), str(target), "--tm", str(work / "tm.sqlite"),
                   "--glossary", str(glossary)])
    _invoke(["check", "--source", str(source), "--target", str(target), "--lang", "ru",
             "--glossary", str(glossary)])
    return out


# -- the same contract on the library, in memory (fast enough for the test suite) ----------

def _refused(exc, name: str) -> Outcome:
    """A FormatError must name the input and, where it gives one, a line from 1 on."""
    if exc.source != name or (exc.line is not None and exc.line < 1):
        raise ContractBroken(f"FormatError names {exc.source!r} line {exc.line}, "
                             f"not {name!r}: {exc}") from None
    return Outcome(2, str(exc))


def _round_trips(concepts) -> None:
    """What a reader accepted can be saved as glossary files that load again, and exported."""
    from termbank.errors import FormatError
    from termbank.formats import po, tbx, tsv
    from termbank.glossary import dump_concept, file_stem, parse_concept

    concepts = list(concepts)
    for concept in concepts:
        name = f"{file_stem(concept.id)}.yaml"
        if "/" in name or "\n" in name or len(name.encode()) > 200:
            raise ContractBroken(f"unsafe file name {name!r}")
        try:
            back = parse_concept(dump_concept(concept), source=name)
        except FormatError as exc:
            raise ContractBroken(f"an accepted concept gives a file that does not load: {exc}")
        if back != concept:
            raise ContractBroken(f"{concept.id}: the glossary file does not give the concept back")
    tbx.write(io.BytesIO(), concepts, dialect="v3")
    tbx.write(io.BytesIO(), concepts, dialect="2008")
    tsv.write(io.StringIO(), concepts, target_lang="ru")
    for _ in po.glossary_entries(concepts, "kk"):
        pass


def _guarded(fn, *args, **kwargs):
    """Run *fn*; anything but a FormatError breaks the contract."""
    from termbank.errors import FormatError

    try:
        return fn(*args, **kwargs)
    except FormatError:
        raise
    except Exception as exc:
        raise ContractBroken(f"{getattr(fn, '__qualname__', fn)} raised {type(exc).__name__}: "
                             f"{str(exc)[:300]}\n{traceback.format_exc()[-3000:]}") from None


def lib_tbx(data: bytes) -> Outcome:
    from termbank.errors import FormatError
    from termbank.formats import tbx
    from termbank.validate import validate

    report = _guarded(validate, io.BytesIO(data), source="in.tbx")
    if report.dialect is None and not report.problems:
        raise ContractBroken("validate: unreadable without a reason")
    try:
        concepts = _guarded(lambda: list(tbx.read(io.BytesIO(data), source="in.tbx")))
    except FormatError as exc:
        return _refused(exc, "in.tbx")
    _guarded(_round_trips, concepts)
    return Outcome(0, "")


def lib_xlsx(data: bytes) -> Outcome:
    from termbank.errors import FormatError
    from termbank.formats import xlsx

    try:
        concepts = _guarded(lambda: list(xlsx.read(io.BytesIO(data), source="in.xlsx")))
    except FormatError as exc:
        return _refused(exc, "in.xlsx")
    _guarded(_round_trips, concepts)
    return Outcome(0, "")


def run_xlsx(data: bytes, work: Path) -> Outcome:
    path = work / "in.xlsx"
    path.write_bytes(data)
    glossary = _copy_glossary(work)
    out = _invoke(["import", str(path), "--glossary", str(glossary)])
    _glossary_loads(glossary)
    return out


def lib_tmx(data: bytes) -> Outcome:
    from termbank.errors import FormatError
    from termbank.formats import tmx

    try:
        units = _guarded(lambda: list(tmx.read(io.BytesIO(data), name="in.tmx")))
    except FormatError as exc:
        return _refused(exc, "in.tmx")
    out = io.BytesIO()
    _guarded(tmx.write, out, units, srclang="en")
    return Outcome(0, "")


def lib_po(data: bytes) -> Outcome:
    from termbank import locales
    from termbank.errors import FormatError
    from termbank.formats import po

    try:
        catalog = _guarded(po.parse, data, source="in.po")
        report = _guarded(locales.import_edits, _glossary_concepts(), [catalog])
        _guarded(locales.check_catalogs, _glossary_concepts(), [catalog])
    except FormatError as exc:
        return _refused(exc, "in.po")
    _guarded(_round_trips, report.concepts)
    return Outcome(0, "")


def lib_yaml(data: bytes) -> Outcome:
    from termbank.errors import FormatError
    from termbank.glossary import parse_concept

    try:
        concept = _guarded(parse_concept, data, source="c-epca.yaml")
    except FormatError as exc:
        return _refused(exc, "c-epca.yaml")
    _guarded(_round_trips, [concept])
    return Outcome(0, "")


def lib_tsv(data: bytes) -> Outcome:
    from termbank.errors import FormatError
    from termbank.formats import tsv

    text = data.decode("utf-8", "replace")
    try:
        concepts = _guarded(lambda: list(tsv.read(io.StringIO(text, newline=""),
                                                  source="in.tsv", target_lang="ru")))
    except FormatError as exc:
        return _refused(exc, "in.tsv")
    ids = [c.id for c in concepts]
    if len(ids) != len(set(ids)):
        raise ContractBroken("tsv.read gave two concepts the same id")
    _guarded(_round_trips, concepts)
    return Outcome(0, "")


def lib_text(data: bytes) -> Outcome:
    from termbank.errors import FormatError
    from termbank.extract import extract
    from termbank.extract.text import Document, decode_text

    try:
        text = _guarded(decode_text, data, "in.txt")
    except FormatError as exc:
        return _refused(exc, "in.txt")
    _guarded(extract, [Document("in.txt", text)])
    return Outcome(0, "")


def lib_parallel(data: bytes) -> Outcome:
    from termbank import locales
    from termbank.errors import FormatError
    from termbank.extract.text import decode_text
    from termbank.tm.align import align_texts

    try:
        english = _guarded(decode_text, data, "en.txt")
    except FormatError as exc:
        return _refused(exc, "en.txt")
    russian = _russian()
    _guarded(align_texts, english, russian, src_lang="en", tgt_lang="ru")
    try:
        _guarded(locales.check_text, _glossary_concepts(), english, russian, lang="ru",
                 source_name="en.txt", target_name="ru.txt")
    except FormatError as exc:  # the two texts do not have the same number of lines
        return _refused(exc, exc.source if exc.source in ("en.txt", "ru.txt") else "en.txt")
    return Outcome(0, "")


@cache
def _russian() -> str:
    text = (ROOT / "seeds" / "ru" / "001_b9b2a1f356df666f.txt").read_text(encoding="utf-8")
    return text[:text.index("\n", 1000) + 1]


LIBRARY: dict[str, Callable[[bytes], Outcome]] = {
    "tbx3": lib_tbx, "tbx2008": lib_tbx, "tmx": lib_tmx, "po": lib_po, "yaml": lib_yaml,
    "tsv": lib_tsv, "text": lib_text, "parallel": lib_parallel, "xlsx": lib_xlsx,
}


READERS: dict[str, Callable[[bytes, Path], Outcome]] = {
    "tbx3": run_tbx, "tbx2008": run_tbx, "tmx": run_tmx, "po": run_po, "yaml": run_yaml,
    "tsv": run_tsv, "text": run_text, "parallel": run_parallel, "xlsx": run_xlsx,
}


def check(reader: str, data: bytes, work: Path) -> Outcome:
    """Run one input through *reader* in the empty folder *work*; raise ContractBroken."""
    return READERS[reader](data, work)

