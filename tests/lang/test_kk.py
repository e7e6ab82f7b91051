"""Kazakh scripts, folding key, harmony, peeler and generator (termbank.lang.kk)."""

from __future__ import annotations

from pathlib import Path

import pytest

from termbank.lang import kk

DATA = Path(__file__).parent.parent / "data" / "lang"


def _lines(name: str) -> list[str]:
    text = (DATA / name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _rows(name: str) -> list[list[str]]:
    return [line.split("\t") for line in _lines(name)]


# --- the official tables -------------------------------------------------------------------
# Expected letters: the table of the project's research note on language technology
# (section 4.2, "Cyrillic → Latin tables"), built from these sources:
# Decree No. 637 of 19 February 2018 (amending Decree No. 569 of 26 October 2017) as reported
# by Anadolu Agency and PanARMENIAN (20 Feb 2018), and the draft decree of April 2021
# published for discussion (Tengrinews, ult.kz, 22 Apr 2021; Government resolution No. 106).
# Columns: Cyrillic capital, lower; 2018 capital, lower; 2021 capital, lower.
OFFICIAL_TABLE = [
    ("А", "а", "A", "a", "A", "a"),
    ("Ә", "ә", "Á", "á", "Ä", "ä"),
    ("Б", "б", "B", "b", "B", "b"),
    ("В", "в", "V", "v", "V", "v"),
    ("Г", "г", "G", "g", "G", "g"),
    ("Ғ", "ғ", "Ǵ", "ǵ", "Ğ", "ğ"),
    ("Д", "д", "D", "d", "D", "d"),
    ("Е", "е", "E", "e", "E", "e"),
    ("Ж", "ж", "J", "j", "J", "j"),
    ("З", "з", "Z", "z", "Z", "z"),
    ("И", "и", "I", "ı", "İ", "i"),
    ("Й", "й", "I", "ı", "İ", "i"),
    ("К", "к", "K", "k", "K", "k"),
    ("Қ", "қ", "Q", "q", "Q", "q"),
    ("Л", "л", "L", "l", "L", "l"),
    ("М", "м", "M", "m", "M", "m"),
    ("Н", "н", "N", "n", "N", "n"),
    ("Ң", "ң", "Ń", "ń", "Ñ", "ñ"),
    ("О", "о", "O", "o", "O", "o"),
    ("Ө", "ө", "Ó", "ó", "Ö", "ö"),
    ("П", "п", "P", "p", "P", "p"),
    ("Р", "р", "R", "r", "R", "r"),
    ("С", "с", "S", "s", "S", "s"),
    ("Т", "т", "T", "t", "T", "t"),
    ("У", "у", "Ý", "ý", "U", "u"),
    ("Ұ", "ұ", "U", "u", "Ū", "ū"),
    ("Ү", "ү", "Ú", "ú", "Ü", "ü"),
    ("Ф", "ф", "F", "f", "F", "f"),
    ("Х", "х", "H", "h", "H", "h"),
    ("Һ", "һ", "H", "h", "H", "h"),
    ("Ч", "ч", "Ch", "ch", None, None),  # not one of the 31 letters of 2021
    ("Ш", "ш", "Sh", "sh", "Ş", "ş"),
    ("Ы", "ы", "Y", "y", "Y", "y"),
    ("І", "і", "I", "i", "I", "ı"),
]


@pytest.mark.parametrize("row", OFFICIAL_TABLE, ids=lambda r: r[1])
def test_2018_table_letter_by_letter(row):
    upper, lower, lat_upper, lat_lower = row[:4]
    assert kk.to_latin(lower, alphabet="2018") == lat_lower
    assert kk.to_latin(upper, alphabet="2018") == lat_upper


@pytest.mark.parametrize("row", [r for r in OFFICIAL_TABLE if r[4]], ids=lambda r: r[1])
def test_2021_table_letter_by_letter(row):
    upper, lower, _, _, lat_upper, lat_lower = row
    assert kk.to_latin(lower) == lat_lower
    assert kk.to_latin(upper, alphabet="2021") == lat_upper


@pytest.mark.parametrize("row", [r for r in OFFICIAL_TABLE if r[1] not in "ийһч"],
                         ids=lambda r: r[1])
def test_unambiguous_letters_read_back(row):
    upper, lower, lat18_upper, lat18_lower, lat21_upper, lat21_lower = row
    if lower != "і":  # 2018 capital I is shared, see test_2018_capital_i
        assert kk.to_cyrillic(lat18_upper, alphabet="2018") == upper
    assert kk.to_cyrillic(lat18_lower, alphabet="2018") == lower
    assert kk.to_cyrillic(lat21_lower) == lower
    assert kk.to_cyrillic(lat21_upper) == upper


def test_worked_examples_of_the_research_note():
    assert kk.to_latin("Қазақстан Республикасы", alphabet="2018") == "Qazaqstan Respýblıkasy"
    assert kk.to_latin("Қазақстан Республикасы") == "Qazaqstan Respublikasy"
    assert kk.to_latin("Өскемен", alphabet="2018") == "Óskemen"
    assert kk.to_latin("Ұлттық") == "Ūlttyq"
    assert kk.to_latin("Шымкент") == "Şymkent"


def test_digraph_case_follows_the_word():
    assert kk.to_latin("Шымкент", alphabet="2018") == "Shymkent"
    assert kk.to_latin("ШЫМКЕНТ", alphabet="2018") == "SHYMKENT"
    assert kk.to_latin("ҚАЗАҚ ТІЛІНДЕ Ш", alphabet="2018") == "QAZAQ TILINDE Sh"
    assert kk.to_latin("ИРАН") == "İRAN"
    assert kk.to_latin("МӘЖІЛІС") == "MÄJILIS"


def test_non_cyrillic_passes_through():
    text = "EU–Kazakhstan 2024: «Мәжіліс»!"
    assert kk.to_latin(text) == "EU–Kazakhstan 2024: «Mäjılıs»!"
    assert kk.to_cyrillic("2024 — «Mäjılıs»") == "2024 — «Мәжіліс»"


def test_letters_outside_the_tables_follow_the_stated_conventions():
    assert kk.to_latin("Федерация") == "Federatsiia"
    assert kk.to_latin("Федерация", alphabet="2018") == "Federatsııa"
    assert kk.to_latin("съезд Щучинск") == "sezd Şçuchinsk"
    assert kk.to_latin("Щучинск", alphabet="2018") == "Shchýchınsk"


@pytest.mark.parametrize("alphabet", kk.ALPHABETS)
@pytest.mark.parametrize("word", _lines("kk_round_trip.txt"))
def test_round_trip_on_real_words(word, alphabet):
    assert kk.to_cyrillic(kk.to_latin(word, alphabet=alphabet), alphabet=alphabet) == word


def test_round_trip_list_is_long_enough():
    assert len(_lines("kk_round_trip.txt")) >= 40


@pytest.mark.parametrize(("latin", "cyrillic"), [
    ("Ishki", "Ішкі"),          # front word: І
    ("Ile", "Іле"),
    ("Iran", "Иран"),           # back word: И
    ("Islam", "Ислам"),
    ("Indeks", "Индекс"),       # loan prefix In + consonant: И
    ("MÁJILIS", "МӘЖІЛІС"),
    ("RESPÝBLIKASY", "РЕСПУБЛИКАСЫ"),
    ("BEIBIT", "БЕЙБІТ"),       # after a vowel: Й
])
def test_2018_capital_i(latin, cyrillic):
    assert kk.to_cyrillic(latin, alphabet="2018") == cyrillic


@pytest.mark.parametrize(("cyrillic", "alphabet", "latin", "read_back"), [
    ("МИНИСТР", "2018", "MINISTR", "МІНІСТР"),        # only capital I's: read as І
    ("Асхат", "2018", "Ashat", "Ашат"),                # с + х reads as the digraph sh
    ("Раиса", "2021", "Raisa", "Райса"),               # и after a vowel reads as й
    ("Федерация", "2021", "Federatsiia", "Федератсииа"),  # ц and я are not in the table
    ("экономика", "2021", "ekonomika", "економика"),   # э is written e
])
def test_known_ambiguities_are_documented(cyrillic, alphabet, latin, read_back):
    assert kk.to_latin(cyrillic, alphabet=alphabet) == latin
    assert kk.to_cyrillic(latin, alphabet=alphabet) == read_back


def test_h_is_kh_except_in_roots_with_shaha():
    assert kk.to_cyrillic("şahar") == "шаһар"
    assert kk.to_cyrillic("Mäslihat") == "Мәслихат"
    assert kk.to_cyrillic("Qaharman") == "Қаһарман"


def test_january_2021_eng_is_read():
    assert kk.to_cyrillic("Mäjılısınıŋ") == "Мәжілісінің"


def test_unknown_alphabet_is_refused():
    with pytest.raises(ValueError, match="unknown alphabet '2017'"):
        kk.to_latin("Мәжіліс", alphabet="2017")
    with pytest.raises(ValueError, match="unknown alphabet"):
        kk.to_cyrillic("Majilis", alphabet="iso9")


# --- folding key ---------------------------------------------------------------------------

EQUIVALENT = [
    ["Мәжіліс", "Мажилис", "Mäjılıs", "Májilis", "Mazhilis", "Majilis", "MAZHILIS", "Ma'jilis",
     "Ma’jilis"],
    ["Маслихат", "Мәслихат", "Maslikhat", "Mäslihat", "Máslıhat", "Ma'sli'hat"],
    ["Тоқаев", "Токаев", "Tokayev", "Tokaev", "Toqaev", "TOKAYEV", "Tokayev's"],
    ["Қасым-Жомарт Тоқаев", "Касым-Жомарт Токаев", "Kassym-Jomart Tokayev",
     "Qasym-Jomart Toqaev", "Kasym-Zhomart Tokayev", "Qasym–Jomart  Toqaev"],
    ["Нұрсұлтан Назарбаев", "Nursultan Nazarbayev", "Nūrsūltan Nazarbaev"],
    ["Өскемен", "Oskemen", "Öskemen", "O'skemen", "Óskemen"],
    ["Шымкент", "Shymkent", "Şymkent", "S'ymkent", "ШЫМКЕНТ"],
    ["Ұлттық", "Ulttyq", "Ūlttyq", "Ulttyk"],
    ["Қазақстан Республикасы", "Qazaqstan Respy'bli'kasy", "Qazaqstan Respýblıkasy",
     "Qazaqstan Respublikasy", "QAZAQSTAN RESPUBLIKASY"],
    ["Бейбіт", "Beibit", "Beybit", "Beıbit", "Beibıt"],
    ["Ерлан", "Yerlan", "Erlan"],
    ["Ақорда", "Акорда", "Akorda", "Aqorda"],
    ["Мәжілісінің", "Májilisiniń", "Mäjılısınıñ", "Ma'jilisinin'"],
]


@pytest.mark.parametrize("group", EQUIVALENT, ids=lambda g: g[0])
def test_spellings_of_one_word_share_a_key(group):
    keys = {spelling: kk.folding_key(spelling) for spelling in group}
    assert len(set(keys.values())) == 1, keys


def test_key_values():
    assert kk.folding_key("Мәжіліс") == "majilis"
    assert kk.folding_key("Maslikhat") == "maslihat"
    assert kk.folding_key("Kassym-Jomart Tokayev") == "kasym jomart tokaev"
    assert kk.folding_key("  Сыртқы істер — министрлігі. ") == "syrtky ister ministrligi"


# Different real words that must keep different keys.
DIFFERENT = [
    ("ел", "іл"),          # country / hang
    ("тыс", "тіс"),        # outside / tooth
    ("сот", "сүт"),        # court / milk
    ("қыз", "қаз"),        # girl / goose
    ("ас", "аш"),          # food / hungry
    ("бас", "бес"),        # head / five
    ("жер", "жар"),        # land / cliff
    ("Мәжіліс", "мәслихат"),
    ("Астана", "Алматы"),
    ("Сенат", "Сенім"),
    ("Тоқаев", "Токарев"),
    ("Ерлан", "Орлан"),
]


@pytest.mark.parametrize(("one", "other"), DIFFERENT, ids=lambda p: p)
def test_different_words_do_not_collide(one, other):
    assert kk.folding_key(one) != kk.folding_key(other)


@pytest.mark.parametrize(("one", "other"), [("қол", "көл"), ("от", "өт"), ("ұн", "үн")])
def test_documented_over_merges(one, other):
    # ө/о and ұ/ү/у merge so that Öskemen meets Oskemen and Nūrsūltan meets Nursultan;
    # these pairs are the price, to be ranked apart on the real spellings.
    assert kk.folding_key(one) == kk.folding_key(other)


def test_russian_and_kazakh_country_names_stay_apart():
    # Қазақстан vs Казахстан differ in substance, not script: folding does not join them.
    assert kk.folding_key("Қазақстан") == "kazakstan"
    assert kk.folding_key("Kazakhstan") == kk.folding_key("Казахстан") == "kazahstan"


# --- script hint and harmony ---------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Мәжіліс", True), ("Ұлттық банк", True), ("шаһар", True), ("ІШКІ", True),
    ("Мажилис", False), ("Министерство иностранных дел", False), ("Mäjılıs", False), ("", False),
])
def test_is_kazakh(text, expected):
    assert kk.is_kazakh(text) is expected


@pytest.mark.parametrize(("word", "expected"), [
    ("Мәжіліс", "front"), ("мәслихат", "back"), ("Тоқаев", "back"), ("Назарбаев", "back"),
    ("Әуезов", "front"), ("министр", "front"), ("мұхит", "back"), ("институт", "back"),
    ("келу", "front"), ("оқу", "back"), ("Республика", "back"), ("Еуропалық Одақ", "back"),
    ("Сыртқы істер министрлігі", "front"), ("Mäjılıs", "front"), ("Qazaqstan", "back"),
    ("университет", "front"), ("Қасым-Жомарт", "back"),
])
def test_harmony(word, expected):
    assert kk.harmony(word) == expected


# --- generator -----------------------------------------------------------------------------

def _features(spec: str) -> dict:
    features: dict = {"plural": False, "possessive": None, "case": "nom"}
    for part in spec.split("+"):
        if part == "pl":
            features["plural"] = True
        elif part in kk.POSSESSIVES or part == "px3":
            features["possessive"] = "3" if part == "px3" else part
        else:
            features["case"] = part
    return features


PARADIGMS = _rows("kk_paradigms.tsv")


@pytest.mark.parametrize(("term", "spec", "expected", "evidence"), PARADIGMS,
                         ids=[f"{r[0]}-{r[1]}" for r in PARADIGMS])
def test_generator_on_checked_forms(term, spec, expected, evidence):
    assert evidence in ("seen", "grammar")
    assert kk.inflect(term, **_features(spec)) == expected


def test_genitive_and_possessive3():
    assert kk.genitive("Сыртқы істер министрі") == "Сыртқы істер министрінің"
    assert kk.genitive("Еуропалық Одақ") == "Еуропалық Одақтың"
    assert kk.possessive3("министр") == "министрі"
    assert kk.possessive3("Республика") == "Республикасы"
    assert kk.possessive3("орынбасар") == "орынбасары"
    assert kk.possessive3("Сыртқы істер министрлік") == "Сыртқы істер министрлігі"
    # already possessed: unchanged
    assert kk.possessive3("Қазақстан Республикасы") == "Қазақстан Республикасы"


def test_possessed_citation_forms_take_the_pronominal_n():
    assert kk.inflect("Мәжілісі", case="dat", possessed=True) == "Мәжілісіне"
    assert kk.inflect("Мәжілісі", case="acc", possessed=True) == "Мәжілісін"
    assert kk.inflect("Үкіметі", case="dat", possessed=True) == "Үкіметіне"
    assert kk.inflect("Республикасы", case="loc") == "Республикасында"
    assert kk.inflect("Парламент Мәжілісі", case="abl") == "Парламент Мәжілісінен"
    assert kk.inflect("Қазақстан Республикасы", plural=True) == "Қазақстан Республикалары"
    assert kk.inflect("Жоғарғы Кеңесі", plural=True) == "Жоғарғы Кеңестері"


@pytest.mark.parametrize(("phrase", "dative"), [
    ("Мемлекеттік хатшы", "Мемлекеттік хатшыға"),     # agent noun, not possessed
    ("Толық өкілетті", "Толық өкілеттіге"),           # adjective in -ті
    ("Ішкі істер органдары", "Ішкі істер органдарына"),  # plural + possessive
    ("Ұлттық Банкі", "Ұлттық Банкіне"),
    ("Мәжілісі", "Мәжілісіне"),                        # one word in vowel + с + і: guessed
    ("Үкіметі", "Үкіметіге"),                          # one word: not guessed, say possessed=True
])
def test_possessed_guess(phrase, dative):
    assert kk.inflect(phrase, case="dat") == dative


def test_generator_refuses_bad_requests():
    with pytest.raises(ValueError, match="unknown case 'vocative'"):
        kk.inflect("министр", case="vocative")
    with pytest.raises(ValueError, match="unknown possessive '4'"):
        kk.inflect("министр", possessive="4")
    with pytest.raises(ValueError, match="already has the 3rd-person possessive"):
        kk.inflect("Қазақстан Республикасы", possessive="1sg")
    with pytest.raises(ValueError, match="nothing to inflect"):
        kk.inflect("  ")


# --- suffix peeler -------------------------------------------------------------------------

PEEL = _rows("kk_peel.tsv")


@pytest.mark.parametrize(("form", "stem", "note"), PEEL, ids=[r[0] for r in PEEL])
def test_peeler_ranks_the_stem_first(form, stem, note):
    candidates = kk.stems(form)
    assert candidates[0] == stem, note
    assert form in candidates


def test_peeler_examples_of_the_brief():
    assert "Мәжіліс" in kk.stems("Мәжілісінің")
    assert "мәслихат" in kk.stems("мәслихаттарының")
    assert "келісім" in kk.stems("келісімін")
    assert "министрлік" in kk.stems("министрлігі")


@pytest.mark.parametrize("word", _lines("kk_citation_forms.txt"))
def test_peeler_does_not_over_strip_citation_forms(word):
    assert kk.stems(word)[0] == word


@pytest.mark.parametrize("form", [r[0] for r in PEEL] + _lines("kk_citation_forms.txt"))
def test_peeled_stems_are_real_stems(form):
    for stem in kk.stems(form):
        last = stem.split()[-1]
        assert len(last) >= 2
        assert any(ch in "аәеиоөуұүыіэюяёaäáeiıoöóuūüúyý" for ch in last.lower()), stem


def test_peeler_offers_the_possessed_citation_form():
    assert "Парламент Мәжілісі" in kk.stems("Парламент Мәжілісінде")
    assert "министрлігі" in kk.stems("министрлігінің")


def test_peeler_enough_cases():
    assert len(PEEL) >= 30
    assert len({r[0] for r in PARADIGMS}) >= 20


def test_peeler_agrees_with_the_generator():
    for term, spec, expected, _ in PARADIGMS:
        if " " not in term and not expected.isupper():
            assert term in kk.stems(expected), (term, spec, expected)


# --- peeling folded keys -------------------------------------------------------------------

@pytest.mark.parametrize(("text", "key"), [
    ("Мәжілісінің", "majilis"),
    ("Majilisinin", "majilis"),           # English-style spelling: unchecked peel
    ("Mäjılısınıñ", "majilis"),           # 2021
    ("Májilisiniń", "majilis"),           # 2018
    ("Ma'jilisinin'", "majilis"),         # 2017
    ("Tokayevtin", "tokaev"),
    ("mäslihattarynyñ", "maslihat"),
    ("maslihattarynyn", "maslihat"),
    ("Ministrliginin", "ministrlik"),     # voicing undone on the folded key
    ("Odagymen", "odak"),
    ("ornyna", "oryn"),                   # dropped vowel restored
])
def test_folded_stems_reach_the_citation_key(text, key):
    keys = kk.folded_stems(text)
    assert keys[0] == kk.folding_key(text)
    assert keys[1] == key


@pytest.mark.parametrize("text", ["Парламент Мәжілісінің", "Parlament Májilisinde",
                                  "Parlament Majilisinde"])
def test_folded_stems_keep_the_possessed_citation_form(text):
    assert "parlament majilisi" in kk.folded_stems(text)
    assert "parlament majilis" in kk.folded_stems(text)


def test_folded_stems_of_a_citation_form_start_with_its_key():
    assert kk.folded_stems("Мәжіліс") == ["majilis"]
    assert kk.folded_stems("Astana")[0] == "astana"
