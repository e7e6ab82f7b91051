from pathlib import Path

import pytest
from click.testing import CliRunner

from termbank.cli import cli
from termbank.errors import FormatError
from termbank.tm.store import TranslationMemory

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "tm"
SEEDS = ROOT / "seeds"


@pytest.fixture
def memory(tmp_path):
    with TranslationMemory(tmp_path / "tm.sqlite") as tm:
        for name in ("001_b9b2a1f356df666f.txt", "004_e506c08ab7124fe3.txt"):
            english = (SEEDS / name).read_text(encoding="utf-8")
            for lang in ("ru", "kk"):
                tm.add_parallel(english, (SEEDS / lang / name).read_text(encoding="utf-8"),
                                src_lang="en", tgt_lang=lang, origin=name)
        yield tm


def test_identical_source_scores_100_and_only_it(memory):
    query = "The European Union is the main trade and investment partner for Kazakhstan."
    matches = memory.search(query, tgt_lang="ru")
    assert matches[0].score == 100 and matches[0].target.startswith("Европейский союз является")
    near = memory.search(query.replace("Kazakhstan.", "kazakhstan."), tgt_lang="ru")
    assert near[0].score == 99


def test_fuzzy_match_with_differences(memory):
    matches = memory.search("The European Union is the main trade partner of Kazakhstan.",
                            tgt_lang="kk", min_score=70)
    assert [m.score for m in matches] == [76]
    assert ("delete", "and investment") in matches[0].diff and ("insert", "of") in matches[0].diff
    assert matches[0].target_lang == "kk" and "Қазақстанның" in matches[0].target


def test_search_agrees_with_a_full_scan(memory):
    for query in ("Deputy Minister of Foreign Affairs of Kazakhstan Roman Vassilenko met with the Ambassador "
                  "of the European Union to the Republic of Kazakhstan, press service reports.",
                  "Trade turnover in 2024 increased by 5.5%, amounting to 43.1 billion US dollars.",
                  "The sides agreed on the importance of maintaining regular political dialogue for "
                  "consolidating cooperation."):
        fast = memory.search(query, tgt_lang="ru", min_score=40, limit=3)
        slow = memory.scan(query, tgt_lang="ru", min_score=40, limit=3)
        assert [m.score for m in fast] == [m.score for m in slow] and fast


def test_min_score_filters(memory):
    assert memory.search("Completely unrelated words about weather.", min_score=70) == []


def test_concordance_finds_the_phrase_with_translations(memory):
    found = memory.concordance("EPCA", lang="en")
    assert len(found) == 4  # two sentences, each with ru and kk units
    langs = {tl for o in found for tl, _ in o.translations}
    assert langs == {"ru", "kk"}


def test_broken_import_leaves_the_memory_unchanged(memory):
    before = len(memory)
    for name in ("tmx_broken_truncated.tmx", "tmx_broken_entity.tmx", "tmx_broken_nolang.tmx",
                 "tmx_broken_encoding.tmx"):
        with pytest.raises(FormatError) as err:
            memory.import_tmx(DATA / name)
        assert name in str(err.value) and err.value.line
    assert len(memory) == before


def test_tools_tmx_imports_without_loss(tmp_path):
    with TranslationMemory(tmp_path / "tm.sqlite") as tm:
        assert tm.import_tmx(DATA / "tmx_trados.tmx") == 2
        unit = list(tm.units("en", "ru"))[1]
        assert ("usagecount", "0") in unit.attrs and ("x-Origin", "TM") in unit.props
        assert unit.variant("ru").markup.startswith('<bpt i="1" type="1" x="1"/>Товарооборот')
        assert unit.variant("ru").text == "Товарооборот в 2023 году вырос на 3,5%."
        assert tm.language_pairs() == [("en", "ru")]


def test_cli_search_json_and_export(tmp_path):
    runner = CliRunner()
    tm_file = tmp_path / "m.sqlite"
    name = "004_e506c08ab7124fe3.txt"
    result = runner.invoke(cli, ["tm", "align", str(SEEDS / name), str(SEEDS / "ru" / name),
                                 str(SEEDS / "kk" / name), "--tm", str(tm_file),
                                 "--glossary", str(tmp_path / "none")])
    assert result.exit_code == 0, result.output
    assert "en-ru: 15" in result.output and "en-kk: 15" in result.output
    result = runner.invoke(cli, ["tm", "search", "More than 3,000 companies with European capital "
                                 "operate in Kazakhstan.", "--lang-pair", "en-ru", "--json",
                                 "--tm", str(tm_file), "--glossary", str(tmp_path / "none")])
    import json
    data = json.loads(result.output)["results"]
    assert data[0]["score"] == 100 and data[0]["target_lang"] == "ru"
    assert data[0]["target"].startswith("В Казахстане работают более 3 тыс.")
    result = runner.invoke(cli, ["tm", "export", "--out", str(tmp_path / "x.tmx"), "--tm", str(tm_file)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "x.en-ru.tmx").is_file() and (tmp_path / "x.en-kk.tmx").is_file()


def test_cli_broken_tmx_exits_2_without_traceback(tmp_path):
    result = CliRunner().invoke(cli, ["tm", "import", str(DATA / "tmx_broken_truncated.tmx"),
                                      "--tm", str(tmp_path / "m.sqlite")])
    assert result.exit_code == 2
    assert "tmx_broken_truncated.tmx:10:" in result.output and "Traceback" not in result.output


def test_aligning_and_importing_twice_stores_each_unit_once(memory, tmp_path):
    count = len(memory)
    name = "001_b9b2a1f356df666f.txt"
    english = (SEEDS / name).read_text(encoding="utf-8")
    again = memory.add_parallel(english, (SEEDS / "ru" / name).read_text(encoding="utf-8"),
                                src_lang="en", tgt_lang="ru", origin=name)
    assert again == 0 and len(memory) == count
    first = memory.import_tmx(DATA / "tmx_omegat.tmx")
    assert first > 0
    assert memory.import_tmx(DATA / "tmx_omegat.tmx") == 0
    assert len(memory) == count + first


def test_a_memory_made_before_unit_keys_gets_them_and_keeps_its_repeats(tmp_path):
    import sqlite3

    path = tmp_path / "old.sqlite"
    with TranslationMemory(path) as tm:
        tm.import_tmx(DATA / "tmx_omegat.tmx")
        n = len(tm)
    with sqlite3.connect(path) as db:  # as an older termbank left it: no keys, a unit twice
        db.execute("DROP INDEX units_key")
        db.execute("ALTER TABLE units DROP COLUMN key")
        copy = db.execute("INSERT INTO units (srclang, srcbase, attrs, props, notes) "
                          "SELECT srclang, srcbase, attrs, props, notes FROM units WHERE id = 1")
        db.execute("INSERT INTO variants (unit_id, lang, base, text, markup, attrs, props, notes) "
                   "SELECT ?, lang, base, text, markup, attrs, props, notes FROM variants "
                   "WHERE unit_id = 1", (copy.lastrowid,))
    with TranslationMemory(path) as tm:
        assert len(tm) == n + 1
        assert tm.import_tmx(DATA / "tmx_omegat.tmx") == 0
