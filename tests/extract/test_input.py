"""Reading text: encodings, line ends, empty and hostile files, through the library and CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from termbank.cli import cli
from termbank.errors import FormatError
from termbank.extract import Document, extract, read_documents
from termbank.extract.text import sentence_at

HOSTILE = Path(__file__).resolve().parents[1] / "data" / "extract" / "hostile"
SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def test_bom_and_crlf_are_removed():
    [document] = read_documents([HOSTILE / "bom_crlf.txt"])
    assert not document.text.startswith("\ufeff")
    assert "\r" not in document.text
    [epca] = [c for c in extract([document]) if "EPCA" in c.variants]
    assert epca.preferred == "Enhanced Partnership and Cooperation Agreement"
    assert epca.frequency == 3  # the name and "(EPCA)", then "EPCA" on the second line
    assert epca.contexts[0]["text"].startswith("The Enhanced Partnership")


def test_empty_file_is_a_document_without_text():
    [document] = read_documents([HOSTILE / "empty.txt"])
    assert document.text == ""
    assert extract([document]) == []


@pytest.mark.parametrize("name, reason", [
    ("binary.txt", "not a text file (binary data)"),
    ("latin1.txt", "not UTF-8 text (byte 0xe1 at offset 41)"),
])
def test_bad_files_raise_a_format_error_naming_the_file(name, reason):
    with pytest.raises(FormatError) as error:
        read_documents([HOSTILE / name])
    assert error.value.reason == reason
    assert error.value.source == str(HOSTILE / name)
    assert str(error.value).startswith(str(HOSTILE / name) + ":")
    if name == "latin1.txt":
        assert error.value.line == 1


def test_missing_file_and_folder_without_texts(tmp_path):
    with pytest.raises(FormatError, match="no such file"):
        read_documents([tmp_path / "nothing.txt"])
    assert read_documents([tmp_path]) == []


def test_folders_give_their_text_files_not_sub_folders():
    names = [Path(d.name).name for d in read_documents([SEEDS])]
    assert names == sorted(p.name for p in SEEDS.glob("*.txt"))


def test_a_two_megabyte_line_is_handled():
    sentence = ("Deputy Minister of Foreign Affairs Roman Vassilenko discussed the Middle "
                "Corridor with the European Union (EU) in Brussels; ")
    line = sentence * (2_000_000 // len(sentence))
    found = extract([Document("long.txt", line)], terms=False)  # the tagger: test below
    corridor = next(c for c in found if c.preferred == "Middle Corridor")
    assert corridor.frequency == line.count("Middle Corridor")
    assert all(len(c["text"]) < 1000 for c in corridor.contexts)


def test_the_term_track_tags_a_long_line_in_pieces_without_losing_offsets():
    sentence = "Operators asked for faster customs clearance at border crossing points; "
    line = sentence * (120_000 // len(sentence))  # more than two tagger pieces, no newline
    found = extract([Document("long.txt", line)])
    clearance = next(c for c in found if c.preferred == "customs clearance")
    assert clearance.kind == "term"
    assert clearance.frequency == line.count("customs clearance")
    assert all(line[s:e] == "customs clearance" for _d, s, e, _f in clearance.occurrences)


def test_a_two_megabyte_word_is_handled():
    found = extract([Document("word.txt", "Kazakhstan " + "A" * 2_000_000 + " Astana")])
    assert {c.preferred for c in found} == {"Kazakhstan", "Astana"}


def test_sentence_at_stays_inside_one_sentence():
    text = "Mr. Devigne spoke. The EU and Kazakhstan signed the EPCA in 2015. Then they left."
    start = text.index("EPCA")
    assert sentence_at(text, start, start + 4) == "The EU and Kazakhstan signed the EPCA in 2015."
    assert sentence_at(text, 4, 11) == "Mr. Devigne spoke."


# -- the command line ------------------------------------------------------------------


def _run(*args):
    return CliRunner().invoke(cli, ["extract", *args])


def test_cli_json_lists_concepts_best_first():
    result = _run(str(SEEDS), "--json", "--limit", "5")
    assert result.exit_code == 0, result.output
    records = json.loads(result.output)["results"]
    assert len(records) == 5
    assert records[0]["score"] >= records[-1]["score"]
    epca = next(r for r in records if "EPCA" in r["variants"])
    assert set(epca) >= {"preferred", "variants", "forms", "kind", "frequency", "documents",
                         "contexts", "score", "occurrences"}
    assert epca["documents"] == [str(p) for p in sorted(SEEDS.glob("*.txt"))]
    first = epca["occurrences"][0]
    text = Path(first["document"]).read_text(encoding="utf-8")
    assert text[first["start"]:first["end"]] == first["form"]


def test_cli_titles_carry_jurisdiction_and_holders():
    records = json.loads(_run(str(SEEDS), "--json").output)["results"]
    title = next(r for r in records if r["preferred"] == "Deputy Minister of Foreign Affairs")
    assert title["kind"] == "official title"
    assert title["jurisdiction"] == ["Kazakhstan"]
    assert title["holders"] == ["Roman Vassilenko"]


def test_cli_table_is_aligned():
    result = _run(str(SEEDS), "--limit", "3")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].split() == ["score", "kind", "preferred", "variants", "freq", "docs",
                                "glossary"]
    assert len(lines) == 4
    column = lines[0].index("preferred")
    assert all(line[column - 2:column] == "  " for line in lines[1:])
    assert "Enhanced Partnership and Cooperation Agreement" in result.output


@pytest.mark.parametrize("name, reason", [
    ("binary.txt", "not a text file (binary data)"),
    ("latin1.txt", "not UTF-8 text"),
])
def test_cli_bad_input_is_one_clear_line_and_exit_2(name, reason):
    result = _run(str(HOSTILE / "bom_crlf.txt"), str(HOSTILE / name))
    assert result.exit_code == 2
    assert result.output.startswith(f"Error: {HOSTILE / name}")
    assert reason in result.output
    assert "Traceback" not in result.output


def test_cli_empty_file_prints_an_empty_list():
    result = _run(str(HOSTILE / "empty.txt"), "--json")
    assert result.exit_code == 1  # ran, found nothing
    assert json.loads(result.output) == {"results": [], "summary": {"found": 0}}
