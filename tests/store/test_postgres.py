"""What the PostgreSQL store adds for a team: migrations, round trips, versions, audit, tokens,
and writers at the same time."""

from __future__ import annotations

import json
import threading
from dataclasses import replace
from pathlib import Path

import pytest

from termbank.errors import StoreError
from termbank.glossary import Glossary
from termbank.model import Review
from termbank.store import open_store

ROOT = Path(__file__).resolve().parents[2]


def test_the_project_glossary_comes_back_byte_identical(postgres_url, tmp_path, snapshot):
    source = ROOT / "glossary"
    with open_store(postgres_url) as store:
        assert store.add(Glossary(source)) == len(Glossary(source).paths()) > 50
    with open_store(postgres_url) as store:  # a fresh connection: nothing cached
        Glossary(tmp_path / "out").save(store.concepts())
    original = {k: v for k, v in snapshot(source).items() if not k.startswith(".")}
    assert snapshot(tmp_path / "out") == original


def test_migrations_run_once_and_are_recorded(postgres_url):
    from termbank.store.postgres import migrations

    with open_store(postgres_url) as store:
        assert store.schema_version == migrations()[-1][0] >= 2
    with open_store(postgres_url) as store:  # a second open applies nothing again
        applied = store.db.execute("SELECT number FROM schema_migrations ORDER BY 1").fetchall()
        assert [n for (n,) in applied] == [n for n, _, _ in migrations()]
        store.db.execute("INSERT INTO schema_migrations (number, name) VALUES (9999, 'future')")
    with pytest.raises(StoreError, match="newer than this termbank knows"):
        open_store(postgres_url)


def test_an_unreachable_server_is_one_clear_error(tmp_path):
    with pytest.raises(StoreError, match="cannot connect"):
        open_store(f"postgresql://nobody:secret@/termbank?host={tmp_path}")
    with pytest.raises(StoreError) as err:
        open_store(f"postgresql://nobody:secret@/termbank?host={tmp_path}")
    assert "secret" not in str(err.value)


def test_a_stale_version_is_refused_and_the_trail_says_who_did_what(glossary_dir, postgres_url):
    from termbank.store.postgres import VersionConflict

    with open_store(postgres_url) as store:
        store.add(Glossary(glossary_dir), actor="loader")
        concept, version = store.get_versioned("c-epca")
        assert version == 1
        section = concept.section("kk")
        approved = replace(section, terms=tuple(replace(t, review=Review.APPROVED)
                                                for t in section.terms))
        new = store.save(concept.with_section(approved), expected_version=1, actor="aigul",
                         action="approve", detail={"lang": "kk"})
        assert new == 2
        with pytest.raises(VersionConflict, match="based on version 1, but it is now at version 2"):
            store.save(concept, expected_version=1, actor="bolat", action="edit")
        assert store.get("c-epca").section("kk").terms == approved.terms
        trail = [(e.version, e.actor, e.action, e.detail) for e in store.history("c-epca")]
        assert trail == [(1, "loader", "import", None), (2, "aigul", "approve", {"lang": "kk"})]
        with pytest.raises(VersionConflict, match="c-epca"):  # "new" but it exists
            store.save(concept, expected_version=None, actor="bolat", action="propose")


def test_tokens_are_kept_only_as_hashes(postgres_url):
    with open_store(postgres_url) as store:
        token = store.create_token("Aigul", "terminologist")
        assert store.token_owner(token) == ("Aigul", "terminologist")
        assert store.token_owner(token + "x") is None
        stored = [h for (h,) in store.db.execute("SELECT hash FROM tokens")]
        assert token not in stored and len(stored) == 1
        with pytest.raises(ValueError, match="unknown role"):
            store.create_token("Bolat", "admin")


def test_eight_writers_at_once_lose_no_concept(glossary_dir, postgres_url):
    """Eight connections each load their own concepts into the same (at first empty) store."""
    from termbank import search

    base = Glossary(ROOT / "glossary").load()
    batches = [[replace(c, id=f"{c.id}-w{w}") for c in base[:20]] for w in range(8)]
    errors: list[BaseException] = []
    start = threading.Barrier(8)

    def write(batch):
        try:
            with open_store(postgres_url) as store:
                start.wait()
                store.add(batch, actor="writer")
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(b,)) for b in batches]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with open_store(postgres_url) as store:
        ids = [c.id for c in store.concepts()]
        assert sorted(ids) == sorted(c.id for b in batches for c in b)
        terms = sum(len(s.terms) for b in batches for c in b for s in c.sections)
        assert sum(v for k, v in store.counts().items() if k != "concepts") == terms
        hits = search.lookup(store, base[0].sections[0].terms[0].text, limit=20)
        assert {h.concept_id for h in hits} >= {f"{base[0].id}-w{w}" for w in range(8)}


def test_folder_to_postgresql_to_folder_with_the_cli(glossary_dir, postgres_url, tmp_path,
                                                     snapshot):
    from click.testing import CliRunner

    from termbank.cli import cli

    loaded = CliRunner().invoke(cli, ["import", str(glossary_dir)],
                                env={"TERMBANK_DB": postgres_url, "TERMBANK_USER": "Saule"})
    assert loaded.exit_code == 0, loaded.output
    assert loaded.output.startswith(f"Loaded 3 concepts from {glossary_dir} into postgresql://")
    trail = CliRunner().invoke(cli, ["history", "c-epca", "--json", "--db", postgres_url])
    entries = json.loads(trail.output)["results"]
    assert [(e["version"], e["actor"], e["action"]) for e in entries] == [(1, "Saule", "import")]
    out = tmp_path / "back"
    written = CliRunner().invoke(cli, ["export", "--format", "glossary", "--db", postgres_url,
                                       "--out", str(out)])
    assert written.exit_code == 0, written.output
    assert snapshot(out) == snapshot(glossary_dir)
    again = CliRunner().invoke(cli, ["export", "--format", "glossary", "--db", postgres_url,
                                     "--out", str(out)])
    assert "0 files written, 3 unchanged, 0 removed" in again.output
    refused = CliRunner().invoke(cli, ["import", str(glossary_dir)], env={"TERMBANK_DB": ""})
    assert refused.exit_code == 2 and "is a folder" in refused.output


def test_a_repeated_id_is_joined_into_its_first_copy_when_asked(glossary_dir, postgres_url):
    """What an importer that merges repeats (on_repeat) gets; without it the last copy wins."""
    first, *others = Glossary(glossary_dir).load()
    again = replace(first, note="second copy")
    joined = []

    def join(a, b):
        joined.append((a, b))
        return replace(a, note=f"{a.note or ''}+{b.note}")

    with open_store(postgres_url) as store:
        assert store.add([first, *others, again, again], on_repeat=join) == 5
        assert [b.note for _, b in joined] == ["second copy", "second copy"]
        assert joined[1][0].note == "+second copy"  # the second repeat meets the joined copy
        assert store.get(first.id).note == "+second copy+second copy"
        assert store.counts()["concepts"] == 3
        store.add([first, again])
        assert store.get(first.id).note == "second copy"
