from pathlib import Path

import pytest
import yaml

from termbank.tm import align as align_mod
from termbank.tm.align import align_sentences, align_texts, link_scores
from termbank.tm.segment import split_sentences

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
REFERENCES = sorted((ROOT / "tests" / "data" / "tm").glob("align_*.yaml"))


def _sentences(name: str, lang: str) -> list[str]:
    path = SEEDS / name if lang == "en" else SEEDS / lang / name
    return split_sentences(path.read_text(encoding="utf-8"), lang)


def test_abbreviations_and_initials_do_not_end_sentences():
    ru = _sentences("004_e506c08ab7124fe3.txt", "ru")
    assert ru[-1] == "В Казахстане работают более 3 тыс. компаний с европейским капиталом."
    kk = _sentences("001_b9b2a1f356df666f.txt", "kk")
    assert any(s.startswith("Р. Василенко жоғары лауазымды") for s in kk)
    en = split_sentences("Mr. Vassilenko met him on Feb. 2 in Astana. He left.", "en")
    assert en == ["Mr. Vassilenko met him on Feb. 2 in Astana.", "He left."]


def test_decimal_points_and_dotted_names_stay_inside():
    en = _sentences("004_e506c08ab7124fe3.txt", "en")
    assert any("41.2 billion US dollars" in s and s.endswith("8.6 billion dollars).") for s in en)
    assert _sentences("001_b9b2a1f356df666f.txt", "en")[2].endswith("Sl.kz cites MFA.")


def test_sentence_after_a_number_start_splits():
    kk = split_sentences("Импорт 8,6 млрд долларды құрады. 2023 жылы өсті.", "kk")
    assert kk == ["Импорт 8,6 млрд долларды құрады.", "2023 жылы өсті."]


@pytest.mark.parametrize("ref", REFERENCES, ids=lambda p: p.stem)
def test_alignment_matches_the_hand_made_reference(ref):
    data = yaml.safe_load(ref.read_text(encoding="utf-8"))
    lang = data["target_lang"]
    src, tgt = _sentences(data["source"], "en"), _sentences(data["source"], lang)
    beads = align_sentences(src, tgt, src_lang="en", tgt_lang=lang)
    precision, recall = link_scores([(b.src, b.tgt) for b in beads], data["links"])
    assert (precision, recall) == (1.0, 1.0)


def test_anchors_fix_what_lengths_alone_get_wrong(monkeypatch):
    data = yaml.safe_load((ROOT / "tests/data/tm/align_001_en-ru.yaml").read_text(encoding="utf-8"))
    src, tgt = _sentences(data["source"], "en"), _sentences(data["source"], "ru")
    monkeypatch.setattr(align_mod, "ANCHOR_WEIGHT", 0.0)
    monkeypatch.setattr(align_mod, "NUMBER_PENALTY", 0.0)
    beads = align_sentences(src, tgt, src_lang="en", tgt_lang="ru")
    precision, recall = link_scores([(b.src, b.tgt) for b in beads], data["links"])
    assert recall < 1.0  # the dropped date line is glued to the next sentence


def test_glossary_term_pairs_are_anchors():
    pairs = [("Enhanced Partnership and Cooperation Agreement",
              "Соглашение о расширенном партнерстве и сотрудничестве")]
    feats = align_mod._features(["the Соглашения о расширенном партнерстве и сотрудничестве"], "ru",
                                [p[1] for p in pairs])
    assert feats[0].terms == {0}


def test_align_texts_drops_empty_beads_and_joins_merged_sentences():
    name = "001_b9b2a1f356df666f.txt"
    pairs = align_texts((SEEDS / name).read_text(encoding="utf-8"),
                        (SEEDS / "ru" / name).read_text(encoding="utf-8"), src_lang="en", tgt_lang="ru")
    assert len(pairs) == 13
    merged = next(p for p in pairs if p.src == (7, 8))
    assert merged.source.startswith("Mr. Vassilenko held talks") and "Kubilius." in merged.source
