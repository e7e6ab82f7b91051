"""Title composition against attested official titles."""

from pathlib import Path

import pytest
import yaml

from termbank.align import titles
from termbank.errors import FormatError

ROOT = Path(__file__).resolve().parents[2]
ATTESTED = ROOT / "src" / "termbank" / "data" / "reference" / "attested_titles.yaml"
FIXTURE = ROOT / "tests" / "data" / "align" / "attested_titles.yaml"


def attested() -> list[dict]:
    path = ATTESTED if ATTESTED.is_file() else FIXTURE
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _same(a: str | None, b: str) -> bool:
    """Equal up to the capital of the first letter (sentence position decides it)."""
    return a is not None and a[:1].casefold() + a[1:] == b[:1].casefold() + b[1:]


def test_composed_titles_equal_attested_ones():
    rows = attested()
    composed = {r["en"]: titles.compose(r["en"]) for r in rows}
    ru_hits = sum(_same(composed[r["en"]] and composed[r["en"]].ru, r["ru"]) for r in rows if r.get("ru"))
    kk_hits = sum(_same(composed[r["en"]] and composed[r["en"]].kk, r["kk"]) for r in rows if r.get("kk"))
    n_ru = sum(1 for r in rows if r.get("ru"))
    n_kk = sum(1 for r in rows if r.get("kk"))
    print(f"\ncomposed = attested: ru {ru_hits}/{n_ru}, kk {kk_hits}/{n_kk}")
    for r in rows:
        c = composed[r["en"]]
        if c is None or not _same(c.ru, r.get("ru", c.ru)) or not _same(c.kk, r.get("kk", c.kk)):
            print(f"  {r['en']}: {c and c.ru} / {c and c.kk}")
    assert ru_hits / n_ru >= 0.6 and kk_hits / n_kk >= 0.6  # measured floor


@pytest.mark.parametrize("en, ru, kk", [
    ("Minister of Transport of the Republic of Kazakhstan",
     "министр транспорта Республики Казахстан", "Қазақстан Республикасы Көлік министрі"),
    ("Kazakh Deputy Prime Minister – Foreign Minister",
     "заместитель Премьер-Министра – министр иностранных дел Республики Казахстан",
     "Қазақстан Республикасы Премьер-Министрінің орынбасары – Сыртқы істер министрі"),
    ("EU High Representative for Foreign Affairs and Security Policy",
     "Высокий представитель Европейского союза по иностранным делам и политике безопасности",
     "Еуропалық Одақтың Сыртқы істер және қауіпсіздік саясаты жөніндегі Жоғары өкілі"),
    ("European Commission President", "Председатель Европейской комиссии",
     "Еуропалық комиссияның төрағасы"),
    ("Deputy Minister", "заместитель министра", "министр орынбасары"),
])
def test_compose(en, ru, kk):
    result = titles.compose(en)
    assert (result.ru, result.kk) == (ru, kk)


def test_jurisdiction_given_separately():
    result = titles.compose("Minister of Trade and Integration", jurisdiction="Kazakhstan")
    assert result.ru == "министр торговли и интеграции Республики Казахстан"
    assert result.kk == "Қазақстан Республикасы Сауда және интеграция министрі"
    assert result.detail == "republic-of-kazakhstan+trade-and-integration+minister"


def test_unknown_parts_give_nothing():
    assert titles.compose("Chief Whisperer of Ministry of Magic") is None


def test_bad_parts_file_names_the_file():
    with pytest.raises(FormatError, match="parts.yaml.*heads/0: missing ru"):
        titles.parse_parts("heads:\n- {id: x, en: [x], kk: [x]}\nbodies: []\njurisdictions: []\n",
                           source="parts.yaml")
