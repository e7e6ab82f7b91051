"""files: writes that a killed process cannot leave half done, with the umask's modes."""

from __future__ import annotations

import json
import os
import stat

import pytest

from termbank import files
from termbank.glossary import JOURNAL, Glossary
from termbank.model import Concept, LangSection, Term


def _concept(cid: str, text: str) -> Concept:
    return Concept(cid, (LangSection("en", (Term(text),)),))


@pytest.mark.parametrize("umask, mode", [(0o022, 0o644), (0o027, 0o640), (0o002, 0o664)])
def test_written_files_respect_the_umask(tmp_path, umask, mode):
    old = os.umask(umask)
    try:
        files.write_bytes_atomic(tmp_path / "one.txt", b"x")
        Glossary(tmp_path / "g").save([_concept("c-a", "a")])
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "one.txt").stat().st_mode) == mode
    assert stat.S_IMODE((tmp_path / "g" / "c-a.yaml").stat().st_mode) == mode


def test_staged_files_of_a_killed_writer_are_removed_by_the_next(tmp_path):
    glossary = Glossary(tmp_path)
    glossary.save([_concept("c-a", "a")])
    before = (tmp_path / "c-a.yaml").read_bytes()
    # a writer that staged two files and died before its commit point
    staged = files.StagedFiles(journal=tmp_path / JOURNAL)
    staged.write_bytes(tmp_path / "c-a.yaml", b"half")
    staged.write_bytes(tmp_path / "c-b.yaml", b"half")
    staged._intents.close()  # what the kernel does for a killed process
    assert sorted(p.name for p in tmp_path.glob(".*.tmp")) == sorted(
        p.name for p in staged._staged.values())
    assert [c.id for c in glossary.load()] == ["c-a"]  # readers do not see staged files
    glossary.save([_concept("c-c", "c")])
    assert list(tmp_path.glob(".*.tmp")) == [] and list((tmp_path / JOURNAL).iterdir()) == []
    assert (tmp_path / "c-a.yaml").read_bytes() == before
    assert [c.id for c in glossary.load()] == ["c-a", "c-c"]


def test_a_commit_cut_short_is_finished_by_the_next_reader(tmp_path):
    glossary = Glossary(tmp_path)
    glossary.save([_concept("c-a", "a"), _concept("c-b", "b")])
    staged = files.StagedFiles(journal=tmp_path / JOURNAL)
    staged.write_bytes(tmp_path / "c-a.yaml", files_text := b"id: c-a\nlanguages:\n  en:\n"
                       b"    terms:\n    - text: new a\n")
    staged.write_bytes(tmp_path / "c-b.yaml", files_text.replace(b"c-a", b"c-b"))
    # the commit record is written and one of the two renames made; then the process dies
    tmp_a, tmp_b = staged._staged[tmp_path / "c-a.yaml"], staged._staged[tmp_path / "c-b.yaml"]
    record = {"renames": [[tmp_a.name, "c-a.yaml"], [tmp_b.name, "c-b.yaml"]], "deletions": []}
    (tmp_path / JOURNAL / f"{staged._txid}.commit").write_text(json.dumps(record))
    os.replace(tmp_a, tmp_path / "c-a.yaml")
    staged._intents.close()
    texts = {c.id: c.sections[0].terms[0].text for c in glossary.load()}
    assert texts == {"c-a": "new a", "c-b": "new a"}  # the reader finished the commit
    assert list(tmp_path.glob(".*.tmp")) == []


def test_a_failed_write_leaves_every_file_as_it_was(tmp_path):
    glossary = Glossary(tmp_path)
    glossary.save([_concept("c-a", "a")])
    before = (tmp_path / "c-a.yaml").read_bytes()
    with pytest.raises(RuntimeError), glossary.writing() as staged:
        glossary.save([_concept("c-a", "changed"), _concept("c-b", "b")])
        staged.write(tmp_path / "other.txt", lambda f: f.write(b"x"))
        raise RuntimeError("stop")
    assert (tmp_path / "c-a.yaml").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(".")) == ["c-a.yaml"]


def test_a_busy_lock_gives_up_after_the_timeout_with_a_clear_message(tmp_path, monkeypatch):
    monkeypatch.setenv("TERMBANK_LOCK_TIMEOUT", "0.2")
    heard = []
    files.set_wait_handler(heard.append)
    holder = files.FileLock(tmp_path / ".write.lock", what="the glossary g/")
    holder.acquire(exclusive=True)
    try:
        with pytest.raises(files.LockTimeout) as err:
            files.FileLock(tmp_path / ".write.lock", what="the glossary g/").acquire(exclusive=True)
    finally:
        holder.release()
        files.set_wait_handler(None)
    assert str(err.value) == (f"the glossary g/ is busy (held by process {os.getpid()}); gave up "
                              "after 0.2 s (set TERMBANK_LOCK_TIMEOUT to wait longer)")
    assert heard == [f"waiting for the glossary g/ (held by process {os.getpid()}) …"]


def test_reading_a_missing_glossary_creates_nothing(tmp_path):
    assert Glossary(tmp_path / "missing").load() == []
    assert not (tmp_path / "missing").exists()
