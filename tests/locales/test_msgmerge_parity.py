"""``locales update`` against GNU ``msgmerge --previous`` on the same inputs.

Each scenario starts from the catalogs of one update, changes something (a translator's edit,
an English term, a removed concept, another tool's header), then runs both: msgmerge on the
old PO with the new template, and our update. Entries, flags, ``#|`` lines and obsolete
entries must come out the same; the header keeps what msgmerge keeps.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path

import pytest

from termbank import locales
from termbank.formats import po
from termbank.glossary import Glossary

DATA = Path(__file__).parent.parent / "data" / "locales"
MSGMERGE = shutil.which("msgmerge")
DAY1 = datetime(2026, 11, 22, 9, 0, tzinfo=timezone.utc)
DAY2 = datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc)

pytestmark = pytest.mark.skipif(MSGMERGE is None, reason="GNU gettext msgmerge is not installed "
                                "(apt-get install gettext): parity checks skipped")


def shape(path: Path) -> list[tuple]:
    """What the parity is about: per entry its key, translation, flags, #| lines, obsolete."""
    catalog = po.parse(path.read_bytes(), source=path.name)
    return [(e.msgctxt, e.msgid, e.msgstr, tuple(sorted(e.flags)), e.previous_msgctxt,
             e.previous_msgid, e.obsolete) for e in catalog.po]


def both(concepts, locales_dir: Path, tmp_path: Path, lang: str = "ru"):
    """(msgmerge's result, ours) for *lang* after the glossary became *concepts*."""
    old = locales.catalog_path(locales_dir, lang)
    theirs = tmp_path / f"msgmerge-{lang}.po"
    ours_dir = tmp_path / "ours"
    shutil.copytree(locales_dir, ours_dir)
    report = locales.update(concepts, ours_dir, now=DAY2)
    run = subprocess.run([MSGMERGE, "--previous", "--quiet", "-o", str(theirs), str(old),
                          str(locales.template_path(ours_dir))], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    return theirs, locales.catalog_path(ours_dir, lang), report


@pytest.fixture
def start(tmp_path):
    """The test glossary, its catalogs after a first update, and the ru catalog translated."""
    root = tmp_path / "glossary"
    shutil.copytree(DATA / "glossary", root)
    concepts = Glossary(root).load()
    locales_dir = tmp_path / "locales"
    locales.update(concepts, locales_dir, now=DAY1)
    return concepts, locales_dir


def translate_all(path: Path) -> None:
    """A translator who confirms every entry: msgmerge and we then start from the same place."""
    catalog = po.parse(path.read_bytes(), source=path.name)
    for e in catalog.po:
        e.fuzzy = False
        e.msgstr = e.msgstr or "перевод"
    path.write_bytes(po.dumps(catalog.po))


def test_translator_edit(start, tmp_path):
    concepts, locales_dir = start
    ru = locales.catalog_path(locales_dir, "ru")
    translate_all(ru)
    text = ru.read_text(encoding="utf-8").replace('msgstr "Алматы"', 'msgstr "город Алматы"', 1)
    ru.write_text(text, encoding="utf-8")
    theirs, ours, report = both(concepts, locales_dir, tmp_path)
    assert shape(ours) == shape(theirs)
    assert ("c-almaty", "Almaty", "город Алматы") in [s[:3] for s in shape(ours)]


def test_source_change_gives_fuzzy_with_previous_context_and_msgid(start, tmp_path):
    concepts, locales_dir = start
    translate_all(locales.catalog_path(locales_dir, "ru"))
    changed = []
    for c in concepts:
        if c.id == "c-eeas":
            en = c.section("en")
            first = replace(en.terms[0], text="European External Action Service (EEAS)")
            c = c.with_section(replace(en, terms=(first, *en.terms[1:])))
        changed.append(c)
    theirs, ours, _ = both(changed, locales_dir, tmp_path)
    assert shape(ours) == shape(theirs)
    fuzzy = [s for s in shape(ours) if "fuzzy" in s[3]]
    assert [(s[1], s[4], s[5]) for s in fuzzy] == [
        ("European External Action Service (EEAS)", "c-eeas", "European External Action Service")]
    assert '#| msgctxt "c-eeas"' in ours.read_text(encoding="utf-8")


def test_removed_concept_becomes_obsolete(start, tmp_path):
    concepts, locales_dir = start
    translate_all(locales.catalog_path(locales_dir, "ru"))
    kept = [c for c in concepts if c.id != "c-epca"]
    theirs, ours, _ = both(kept, locales_dir, tmp_path)
    assert shape(ours) == shape(theirs)
    obsolete = [s for s in shape(ours) if s[6]]
    assert obsolete and {s[0] for s in obsolete} == {"c-epca"}


def test_foreign_header_is_kept_and_dates_move_only_with_a_msgstr(start, tmp_path):
    concepts, locales_dir = start
    ru = locales.catalog_path(locales_dir, "ru")
    translate_all(ru)
    weblate = ("nplurals=3; plural=n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
               "(n%100<10 || n%100>=20) ? 1 : 2;")
    catalog = po.parse(ru.read_bytes(), source="ru.po").po
    catalog.metadata["Plural-Forms"] = weblate
    catalog.metadata["X-Generator"] = "Weblate 5.8"
    ru.write_bytes(po.dumps(catalog))
    before = po.parse(ru.read_bytes(), source="ru.po").po.metadata
    theirs, ours, report = both(concepts, locales_dir, tmp_path)
    assert shape(ours) == shape(theirs)
    merged = po.parse(theirs.read_bytes(), source="m.po").po.metadata
    after = po.parse(ours.read_bytes(), source="o.po").po.metadata
    assert after["Plural-Forms"] == merged["Plural-Forms"] == weblate
    # no msgstr changed: the revision date and the generator stay as the translator left them
    assert not next(c for c in report.catalogs if c.lang == "ru").msgstr_changed
    assert after["PO-Revision-Date"] == before["PO-Revision-Date"] == merged["PO-Revision-Date"]
    assert after["X-Generator"] == "Weblate 5.8"


def test_revision_date_and_generator_follow_a_msgstr_we_write(start, tmp_path):
    concepts, locales_dir = start
    ru = locales.catalog_path(locales_dir, "ru")
    assert po.parse(ru.read_bytes(), source="ru.po").po.metadata["X-Generator"] == locales.GENERATOR
    changed = []
    for c in concepts:
        if c.id == "c-almaty":
            section = c.section("ru")
            city = replace(section.terms[0], text="город Алматы")
            c = c.with_section(replace(section, terms=(city, *section.terms[1:])))
        changed.append(c)
    report = locales.update(changed, locales_dir, now=DAY2)
    assert next(c for c in report.catalogs if c.lang == "ru").msgstr_changed
    metadata = po.parse(ru.read_bytes(), source="ru.po").po.metadata
    assert metadata["PO-Revision-Date"] == po.format_date(DAY2)
    kk = po.parse(locales.catalog_path(locales_dir, "kk").read_bytes(), source="kk.po")
    assert kk.po.metadata["PO-Revision-Date"] == po.format_date(DAY1)  # kk untouched
