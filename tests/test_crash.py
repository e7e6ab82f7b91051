"""Commands killed (SIGKILL) at random moments leave the state before or the state after.

Each test runs the command once uninterrupted for the reference, then starts it again and
again on a working copy, killing it after a random part of the reference's duration, until
20 kills have landed inside a run. After every kill the state (as a reader sees it) is the one
before or the one after; each next run starts from what the kill left. A last run, not killed,
must give the reference result and leave no temporary file behind.
"""

from __future__ import annotations

import os
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from termbank.glossary import Glossary

_TBX_HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n'
             '<tbx type="TBX-Basic" style="dca" xml:lang="en" '
             'xmlns="urn:iso:std:iso:30042:ed-2">\n<tbxHeader><fileDesc><sourceDesc><p>generated'
             '</p></sourceDesc></fileDesc></tbxHeader>\n<text><body>\n')
_KK = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"
_RU = "абвгдежзиклмнопрстуфхцчшщэюя"


def _word(i: int, alphabet: str) -> str:
    out = []
    for _ in range(3):
        out.append(alphabet[i % len(alphabet)])
        i //= len(alphabet)
    return "".join(out)


def concept_entry(cid: str, en: str, i: int, *, extra_en: str | None = None,
                  small: bool = False) -> str:
    """A concept with English, Kazakh and Russian terms; *small*: an English and a Russian
    term only (quicker to write, for the tests that write many)."""
    extra = f"<termSec><term>{escape(extra_en)}</term></termSec>" if extra_en else ""
    ru = f'<langSec xml:lang="ru"><termSec><term>термин {_word(i, _RU)}</term></termSec></langSec>'
    if small:
        return (f'<conceptEntry id="{cid}"><langSec xml:lang="en"><termSec><term>{escape(en)}'
                f'</term></termSec></langSec>{ru}</conceptEntry>\n')
    return (f'<conceptEntry id="{cid}"><descrip type="subjectField">field {i % 7}</descrip>'
            f'<langSec xml:lang="en"><descrip type="definition">{escape(en)}, defined</descrip>'
            f'<termSec><term>{escape(en)}</term><termNote type="administrativeStatus">'
            f'preferredTerm-admn-sts</termNote></termSec>{extra}</langSec>'
            f'<langSec xml:lang="kk"><termSec><term>{_word(i, _KK)} термин</term></termSec>'
            f'</langSec>{ru}</conceptEntry>\n')


def tbx(n: int, *, prefix: str = "c", shared: int = 0, variant: str = "",
        small: bool = False) -> str:
    """A TBX v3 file of *n* concepts ``<prefix>-000000`` …, then *shared* concepts ``s-…``
    that every file has, each with one more English term of its own (``… <variant>``)."""
    body = [concept_entry(f"{prefix}-{i:06d}", f"{prefix} term {i}", i, small=small)
            for i in range(n)]
    body += [concept_entry(f"s-{i:04d}", f"shared term {i}", i,
                           extra_en=f"shared term {i} {variant}") for i in range(shared)]
    return _TBX_HEAD + "".join(body) + "</body></text></tbx>\n"


def tmx(n: int) -> str:
    units = "".join(f'<tu><tuv xml:lang="en"><seg>Sentence number {i} of the memory.</seg></tuv>'
                    f'<tuv xml:lang="ru"><seg>Предложение номер {i} памяти.</seg></tuv></tu>\n'
                    for i in range(n))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="t" '
            'creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en" '
            f'datatype="plaintext"/><body>\n{units}</body></tmx>\n')


def termbank(*args: str, cwd: Path) -> subprocess.Popen:
    """``termbank ARGS`` in a child process (no flushing to disk: the tests kill processes,
    they do not cut the power)."""
    env = {**os.environ, "TERMBANK_NO_SYNC": "1"}
    return subprocess.Popen([sys.executable, "-c", "from termbank.cli import main; main()",
                             *args], cwd=cwd, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    proc = termbank(*args, cwd=cwd)
    out, err = proc.communicate()
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


def leftovers(*folders: Path) -> list[Path]:
    """Temporary files and unfinished journal entries under *folders*."""
    found = []
    for folder in folders:
        if folder.is_dir():
            found += [p for p in folder.rglob("*") if p.name.endswith(".tmp")
                      or (p.parent.name == ".journal" and p.is_file())]
    return sorted(found)


pytestmark = pytest.mark.slow
KILLS = 20
SEEDS = Path(__file__).resolve().parents[1] / "seeds"
_DATES = re.compile(rb'^"(PO-Revision-Date|POT-Creation-Date): [^"\n]*\\n"\n', re.M)


def _files(folder: Path) -> dict[str, bytes]:
    """The files under *folder* as a reader sees them; dates in catalogs and MO bytes aside
    (they carry the minute they were made)."""
    if folder.name == "glossary" or (folder / ".journal").is_dir():
        with Glossary(folder).reading():  # finishes a commit a killed writer left half done
            pass
    out = {}
    for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
        rel = str(path.relative_to(folder))
        if not path.is_file() or path.suffix in (".lock", ".tmp") or ".journal" in path.parts:
            continue
        data = path.read_bytes()
        out[rel] = b"" if path.suffix == ".mo" else _DATES.sub(b"", data)
    return out


def _writing(journal: Path | None) -> Callable[[int], bool]:
    """Whether process *pid* has begun to write: it staged a file in *journal* (always true
    without one: a TM import writes from the start)."""
    if journal is None:
        return lambda pid: True
    return lambda pid: any(journal.glob(f"{pid}-*.staged"))


def _timed(args: list[str], cwd: Path, writing: Callable[[int], bool]) -> float:
    """Seconds from the first staged file to the end of an uninterrupted run."""
    proc = termbank(*args, cwd=cwd)
    while proc.poll() is None and not writing(proc.pid):
        time.sleep(0.01)
    start = time.monotonic()
    _, err = proc.communicate()
    assert proc.returncode in (0, 1), err
    return time.monotonic() - start


def _kill_repeatedly(args: list[str], cwd: Path, *, seconds: float, state: Callable[[], object],
                     before: object, after: object, reset: Callable[[], None],
                     writing: Callable[[int], bool]) -> int:
    """Kill runs of *args* at random moments of their writing (*seconds* long) until
    :data:`KILLS` kills landed; check the state after each."""
    rng = random.Random(" ".join(args))
    landed = attempts = 0
    while landed < KILLS:
        attempts += 1
        assert attempts <= 3 * KILLS, f"only {landed} kills landed inside a run"
        proc = termbank(*args, cwd=cwd)
        while proc.poll() is None and not writing(proc.pid):
            time.sleep(0.005)
        time.sleep(rng.uniform(0, 1.0) * seconds)
        proc.kill()
        _, err = proc.communicate()
        assert proc.returncode in (-signal.SIGKILL, 0, 1), err
        landed += proc.returncode == -signal.SIGKILL
        now = state()
        assert now == before or now == after, f"after kill {landed}: a state between"
        if now == after:
            reset()
    return landed


def test_import_of_10000_concepts_is_all_or_nothing(tmp_path):
    (tmp_path / "big.tbx").write_text(tbx(10_000, small=True), encoding="utf-8")
    reference = tmp_path / "reference" / "glossary"
    seconds = _timed(["import", "big.tbx", "--glossary", str(reference)], tmp_path,
                     _writing(reference / ".journal"))
    after = _files(reference)
    assert len(after) == 10_000
    work = tmp_path / "glossary"
    _kill_repeatedly(["import", "big.tbx"], tmp_path, seconds=seconds,
                     state=lambda: _files(work), before={}, after=after,
                     reset=lambda: shutil.rmtree(work), writing=_writing(work / ".journal"))
    assert run("import", "big.tbx", cwd=tmp_path).returncode == 0
    assert _files(work) == after
    assert leftovers(work) == []


def test_build_changes_glossary_exports_and_catalogs_together(tmp_path):
    (tmp_path / "seeds").mkdir()
    shutil.copy(SEEDS / "002_7a94d5063727b9e4.txt", tmp_path / "seeds")
    dirs = ("glossary", "exports", "locales")

    def build(where: str) -> list[str]:
        return ["build", *(x for d in dirs for x in (f"--{d}", f"{where}/{d}"))]

    seconds = _timed(build("reference"), tmp_path,
                     _writing(tmp_path / "reference" / "glossary" / ".journal"))
    after = {d: _files(tmp_path / "reference" / d) for d in dirs}
    assert all(after.values())

    def reset() -> None:
        for d in dirs:
            shutil.rmtree(tmp_path / "work" / d, ignore_errors=True)

    state = lambda: {d: _files(tmp_path / "work" / d) for d in dirs}  # noqa: E731
    _kill_repeatedly(build("work"), tmp_path, seconds=seconds, state=state,
                     before=dict.fromkeys(dirs, {}), after=after, reset=reset,
                     writing=_writing(tmp_path / "work" / "glossary" / ".journal"))
    assert run(*build("work"), cwd=tmp_path).returncode == 0
    assert state() == after
    assert leftovers(*(tmp_path / "work" / d for d in dirs)) == []


def test_locales_update_writes_every_catalog_or_none(tmp_path):
    (tmp_path / "terms.tbx").write_text(tbx(500), encoding="utf-8")
    assert run("import", "terms.tbx", cwd=tmp_path).returncode == 0
    update = ["locales", "update", "--locales"]
    writing = _writing(tmp_path / "glossary" / ".journal")
    seconds = _timed([*update, "reference"], tmp_path, writing)
    after = _files(tmp_path / "reference")
    assert len(after) == 7  # the template, and a PO and an MO file for kk, kk-Latn and ru
    work = tmp_path / "locales"
    _kill_repeatedly([*update, "locales"], tmp_path, seconds=seconds, state=lambda: _files(work),
                     before={}, after=after, reset=lambda: shutil.rmtree(work), writing=writing)
    assert run(*update, "locales", cwd=tmp_path).returncode == 0
    assert _files(work) == after
    assert leftovers(work, tmp_path / "glossary") == []


def test_tm_import_stores_every_unit_or_none(tmp_path):
    (tmp_path / "memory.tmx").write_text(tmx(5_000), encoding="utf-8")
    seconds = _timed(["tm", "import", "memory.tmx", "--tm", "reference.sqlite"], tmp_path,
                     _writing(None))
    memory = tmp_path / "tm.sqlite"

    def units() -> int:
        if not memory.exists():
            return 0
        with sqlite3.connect(memory) as db:
            # killed after the file was made and before its tables: nothing is stored
            if db.execute("SELECT 1 FROM sqlite_master WHERE name = 'units'").fetchone() is None:
                return 0
            return db.execute("SELECT count(*) FROM units").fetchone()[0]

    def reset() -> None:
        for path in tmp_path.glob("tm.sqlite*"):
            path.unlink()

    args = ["tm", "import", "memory.tmx", "--tm", "tm.sqlite"]
    _kill_repeatedly(args, tmp_path, seconds=seconds, state=units, before=0, after=5_000,
                     reset=reset, writing=_writing(None))
    assert run(*args, cwd=tmp_path).returncode == 0
    assert run(*args, cwd=tmp_path).stdout == "0 translation units imported from memory.tmx\n"
    assert units() == 5_000
    assert leftovers(tmp_path) == []


# -- several processes at once -------------------------------------------------------------

def test_three_simultaneous_imports_keep_every_concept_and_term(tmp_path):
    names = ("a", "b", "c")
    for name in names:
        (tmp_path / f"{name}.tbx").write_text(tbx(300, prefix=name, shared=20, variant=name),
                                              encoding="utf-8")
    procs = [termbank("import", f"{name}.tbx", cwd=tmp_path) for name in names]
    for proc in procs:
        _, err = proc.communicate()
        assert proc.returncode == 0, err
    concepts = {c.id: c for c in Glossary(tmp_path / "glossary").load()}
    assert len(concepts) == 3 * 300 + 20
    for i in range(20):
        terms = [t.text for t in concepts[f"s-{i:04d}"].section("en").terms]
        assert terms[0] == f"shared term {i}"
        assert sorted(terms[1:]) == [f"shared term {i} {name}" for name in names]


def test_lookup_never_fails_during_an_import(tmp_path):
    (tmp_path / "small.tbx").write_text(tbx(50), encoding="utf-8")
    (tmp_path / "big.tbx").write_text(tbx(3_000, prefix="d"), encoding="utf-8")
    assert run("import", "small.tbx", cwd=tmp_path).returncode == 0
    importing = termbank("import", "big.tbx", cwd=tmp_path)
    lookups = []
    while importing.poll() is None or len(lookups) < 3:
        done = run("lookup", "c term 7", "--exact", "--json", cwd=tmp_path)
        lookups.append(done)
        assert done.returncode == 0, done.stderr
        assert '"c-000007"' in done.stdout
    assert importing.returncode == 0, importing.stderr.read()
    assert run("lookup", "d term 2999", "--exact", cwd=tmp_path).returncode == 0
