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


def _rates(rows: list[dict], lang: str) -> tuple[int, int, int]:
    """(exact, equal ignoring letter case, rows) for one language."""
    exact = folded = total = 0
    for r in rows:
        if not r.get(lang):
            continue
        composed = titles.compose(r["en"])
        text = getattr(composed, lang) if composed else None
        total += 1
        exact += text == r[lang]
        folded += text is not None and text.casefold() == r[lang].casefold()
    return exact, folded, total


def test_composed_titles_equal_attested_ones():
    rows = attested()
    rates = {lang: _rates(rows, lang) for lang in ("ru", "kk")}
    for lang, (exact, folded, total) in rates.items():
        print(f"\ncomposed = attested, {lang}: exact {exact}/{total}, "
              f"ignoring case {folded}/{total}")
    for r in rows:
        c = titles.compose(r["en"])
        if c is None or c.ru != r.get("ru", c.ru) or c.kk != r.get("kk", c.kk):
            print(f"  {r['en']}: {c and c.ru} / {c and c.kk}")
    # floors from the measurement on the 19 attested titles (ru 12 exact / 15 ignoring
    # case, kk 17 / 17); the rest differ in abbreviations (ЕС), short names or wording
    ru_exact, ru_folded, n_ru = rates["ru"]
    kk_exact, kk_folded, n_kk = rates["kk"]
    assert ru_exact / n_ru >= 0.6 and ru_folded / n_ru >= 0.75
    assert kk_exact / n_kk >= 0.8 and kk_folded / n_kk >= 0.8


@pytest.mark.parametrize("en, ru, kk", [
    ("Minister of Transport of the Republic of Kazakhstan",
     "министр транспорта Республики Казахстан", "Қазақстан Республикасының Көлік министрі"),
    ("Kazakh Deputy Prime Minister – Foreign Minister",
     "заместитель Премьер-Министра – министр иностранных дел Республики Казахстан",
     "Қазақстан Республикасы Премьер-Министрінің орынбасары – Сыртқы істер министрі"),
    ("EU High Representative for Foreign Affairs and Security Policy",
     "Верховный представитель Европейского союза по иностранным делам и политике безопасности",
     "Еуропалық Одақтың Сыртқы істер және қауіпсіздік саясаты жөніндегі Жоғарғы өкілі"),
    # kaz.inform.kz: "Еуропалық Кеңес төрағасы"; kaz.globalnews.kz: "Еуропалық кеңес төрағасы"
    ("European Commission President", "Председатель Европейской комиссии",
     "Еуропалық комиссия төрағасы"),
    ("Deputy Minister", "заместитель министра", "министр орынбасары"),
])
def test_compose(en, ru, kk):
    result = titles.compose(en)
    assert (result.ru, result.kk) == (ru, kk)


# Titles not in attested_titles.yaml, each checked against a publication (case as printed
# there may differ from our capitalisation rule, so these compare ignoring case).
@pytest.mark.parametrize("en, ru, kk", [
    # zakon.kz 2025-12-11 "Аким Шымкента Габит Сыздыкбеков";
    # kaz.zakon.kz "Шымкент әкімі қаладағы қоқыс туралы"
    ("Akim of Shymkent", "аким Шымкента", "Шымкент әкімі"),
    # kazakhstan-news.info "избрали председателем Сената" (instrumental);
    # kaz.zakon.kz 2025-09-11 "Сенат төрағасы Мәулен Әшімбаев"
    ("Chairman of the Senate", "председатель Сената", "Сенат төрағасы"),
    # bestnews.kz "Министр торговли и интеграции РК Арман Шаккалиев" (РК written out);
    # Kazakh by the one-genitive rule, as in adilet "Қазақстан Республикасының Әділет
    # министрлігінде" (jurisdiction + domain + head)
    ("Minister of Trade and Integration of the Republic of Kazakhstan",
     "министр торговли и интеграции Республики Казахстан",
     "Қазақстан Республикасының Сауда және интеграция министрі"),
    # 365info.kz "Қазақстан Президенті Нұрсұлтан Назарбаев" (bare: short name, unpossessed)
    ("President of Kazakhstan", "Президент Казахстана", "Қазақстан Президенті"),
])
def test_compose_unattested_titles(en, ru, kk):
    result = titles.compose(en)
    assert result.ru.casefold() == ru.casefold()
    assert result.kk.casefold() == kk.casefold()


def test_kazakh_chain_keeps_one_genitive():
    # the possessor of the head takes the genitive, earlier ones stay nominative
    assert titles.compose("Deputy of the Majilis of the Parliament of the Republic of "
                          "Kazakhstan").kk == "Қазақстан Республикасы Парламенті Мәжілісінің депутаты"
    # an attribute between possessor and head forces the genitive
    assert titles.compose("Permanent Representative of Kazakhstan to the European Union").kk == (
        "Қазақстанның Еуропалық Одақ жанындағы Тұрақты өкілі")
    assert titles.compose("Permanent Representative to the European Union").ru == (
        "Постоянный представитель при Европейском союзе")


def test_short_and_full_name_of_the_state_are_kept():
    full = titles.compose("Deputy Prime Minister", jurisdiction="Republic of Kazakhstan")
    short = titles.compose("Deputy Prime Minister", jurisdiction="Kazakhstan")
    assert full.ru == "заместитель Премьер-Министра Республики Казахстан"
    assert short.ru == "заместитель Премьер-Министра Казахстана"
    assert short.kk == "Қазақстан Премьер-Министрінің орынбасары"


def test_capitals_follow_one_rule():
    # Президент, Премьер-Министр and chamber chairs are capitalised; министр, аким are not
    assert titles.compose("Chairman of the Majilis").ru == "Председатель Мажилиса"
    assert titles.compose("Akim of Astana").ru == "аким Астаны"
    assert titles.compose("Chairman of the Majilis").kk == "Мәжіліс Төрағасы"
    assert titles.compose("President of the European Council").kk == "Еуропалық кеңес төрағасы"


def test_jurisdiction_given_separately():
    result = titles.compose("Minister of Trade and Integration",
                            jurisdiction="Republic of Kazakhstan")
    assert result.ru == "министр торговли и интеграции Республики Казахстан"
    assert result.kk == "Қазақстан Республикасының Сауда және интеграция министрі"
    assert result.detail == ("republic-of-kazakhstan+trade-and-integration+minister"
                             " by kk-one-genitive")


def test_unknown_parts_give_nothing():
    assert titles.compose("Chief Whisperer of Ministry of Magic") is None


def test_every_part_names_its_source():
    parts = titles.load_parts()
    for item in parts.heads + parts.bodies + parts.jurisdictions:
        assert item.get("source"), item["id"]


def test_bad_parts_file_names_the_file():
    with pytest.raises(FormatError, match="parts.yaml.*heads/0: missing ru"):
        titles.parse_parts("heads:\n- {id: x, en: [x], kk: [x]}\nbodies: []\njurisdictions: []\n",
                           source="parts.yaml")
