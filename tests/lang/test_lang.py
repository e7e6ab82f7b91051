from pathlib import Path

from termbank.lang import guess_lang, name_key

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def test_guess_lang_tells_kazakh_from_russian():
    assert guess_lang((SEEDS / "kk" / "004_e506c08ab7124fe3.txt").read_text(encoding="utf-8")) == "kk"
    assert guess_lang((SEEDS / "ru" / "004_e506c08ab7124fe3.txt").read_text(encoding="utf-8")) == "ru"
    assert guess_lang((SEEDS / "004_e506c08ab7124fe3.txt").read_text(encoding="utf-8")) == "en"


def test_name_key_meets_one_name_across_scripts():
    assert name_key("Vassilenko") == name_key("Василенко")
    assert name_key("Tokayev") == name_key("Тоқаев") == name_key("Токаев")
    assert name_key("Borrell") != name_key("Kubilius")
