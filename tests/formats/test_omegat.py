"""Our OmegaT exports as OmegaT 3.6 itself reads them (a project run headless in console mode).

OmegaT's glossary folder picks readers by file extension and folds ``kk-Latn`` into ``kk`` in
TBX, so the proof is OmegaT's own reader: ``tests/data/omegat/report.groovy`` runs inside
OmegaT when the project loads and prints what each glossary and TM file gave it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from termbank import pipeline
from termbank.formats import tmx
from termbank.glossary import Glossary

DATA = Path(__file__).resolve().parents[1] / "data" / "omegat"
SHIPPED = Path(__file__).resolve().parents[2] / "exports"
OMEGAT_JAR = Path(os.environ.get("OMEGAT_JAR", "/usr/share/omegat/OmegaT.jar"))

PROJECT = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<omegat>
  <project version="1.0">
    <source_dir>__DEFAULT__</source_dir>
    <target_dir>__DEFAULT__</target_dir>
    <tm_dir>__DEFAULT__</tm_dir>
    <glossary_dir>__DEFAULT__</glossary_dir>
    <glossary_file>__DEFAULT__</glossary_file>
    <dictionary_dir>__DEFAULT__</dictionary_dir>
    <source_lang>en</source_lang>
    <target_lang>{target}</target_lang>
    <source_tok>org.omegat.tokenizer.LuceneEnglishTokenizer</source_tok>
    <target_tok>org.omegat.tokenizer.DefaultTokenizer</target_tok>
    <sentence_seg>true</sentence_seg>
    <support_default_translations>true</support_default_translations>
    <remove_tags>false</remove_tags>
  </project>
</omegat>
"""

needs_omegat = pytest.mark.skipif(
    shutil.which("java") is None or not OMEGAT_JAR.is_file(),
    reason=f"OmegaT not installed ({OMEGAT_JAR} and java needed; .ci/run installs Debian's "
           "omegat): OmegaT reading checks skipped")


def omegat_project(root: Path, target: str, exports: Path, units: list[tmx.Unit]) -> Path:
    """An OmegaT project en → *target* with our glossary for that pair and a bilingual TMX."""
    for sub in ("source", "target", "tm", "glossary", "omegat"):
        (root / sub).mkdir(parents=True, exist_ok=True)
    (root / "omegat.project").write_text(PROJECT.format(target=target), encoding="utf-8")
    (root / "source" / "text.txt").write_text("The Mazhilis met in Astana.\n", encoding="utf-8")
    glossary = exports / f"termbank.en-{target}.utf8"
    shutil.copy(glossary, root / "glossary" / glossary.name)
    # The same file under the old .tsv name, to show why the extension matters.
    shutil.copy(glossary, root / "glossary" / f"termbank.en-{target}.tsv")
    with open(root / "tm" / f"termbank.en-{target}.tmx", "wb") as f:
        tmx.write(f, units, srclang="en", tgtlang=target)
    return root


def run_omegat(project: Path, config: Path) -> dict:
    """Run OmegaT 3.6 headless on *project*; what its readers loaded, by file."""
    result = subprocess.run(
        ["java", "-Djava.awt.headless=true", "-jar", str(OMEGAT_JAR), str(project),
         "--mode=console-translate", f"--script={DATA / 'report.groovy'}",
         f"--config-dir={config}", "--disable-project-locking", "--no-team", "--quiet"],
        capture_output=True, text=True, encoding="utf-8", timeout=180)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    loaded: dict = {"glossary": {}, "entries": [], "tm": {}}
    for line in result.stdout.splitlines():
        cells = line.split("\t")
        if cells[0] == "GLOSSARY":
            loaded["glossary"][cells[1]] = int(cells[2])
        elif cells[0] == "ENTRY":
            loaded["entries"].append(tuple(cells[1:]))
        elif cells[0] == "TM":
            loaded["tm"][cells[1]] = int(cells[2])
    assert loaded["glossary"], "the report script did not run:\n" + result.stdout[-2000:]
    return loaded


@needs_omegat
def test_omegat_loads_one_glossary_per_pair_without_latin_or_deprecated_terms(glossary_dir,
                                                                              tmp_path):
    exports = tmp_path / "exports"
    files = pipeline.export(Glossary(glossary_dir), "omegat", exports)
    assert [p.name for p in files] == ["termbank.en-kk.utf8", "termbank.en-kk-Latn.utf8",
                                       "termbank.en-ru.utf8"]
    units = [tmx.Unit((tmx.Variant("en", "The Mazhilis met."), tmx.Variant("kk", "Мәжіліс жиналды."),
                       tmx.Variant("ru", "Мажилис собрался.")))]

    kk_project = omegat_project(tmp_path / "en-kk", "kk", exports, units)
    # the file shipped in exports/, read by OmegaT as it is
    shutil.copy(SHIPPED / "termbank.en-kk.utf8", kk_project / "glossary" / "shipped.en-kk.utf8")
    kk = run_omegat(kk_project, tmp_path / "cfg")
    rows = (exports / "termbank.en-kk.utf8").read_text(encoding="utf-8").splitlines()
    shipped = (SHIPPED / "termbank.en-kk.utf8").read_text(encoding="utf-8").splitlines()
    assert kk["glossary"] == {"termbank.en-kk.tsv": -1,  # OmegaT skips .tsv files
                              "termbank.en-kk.utf8": len(rows),
                              "shipped.en-kk.utf8": len(shipped)}
    assert kk["tm"] == {"termbank.en-kk.tmx": 1}
    pairs = {(src, tgt) for _, src, tgt, _ in kk["entries"]}
    assert {("Mazhilis", "Мәжіліс"), ("Majilis", "Мәжіліс"),
            ("EPCA", "Кеңейтілген әріптестік және ынтымақтастық туралы келісім")} <= pairs
    # no kk-Latn term in an en→kk project (names such as "Sl.kz" are Kazakh terms as well)
    latin_only = set()
    for glossary in (Glossary(glossary_dir), Glossary(SHIPPED.parent / "glossary")):
        for concept in glossary.load():
            kk_terms = {t.text for t in concept.section("kk").terms} if concept.section("kk") else set()
            latn = concept.section("kk-Latn")
            latin_only |= {t.text for t in latn.terms} - kk_terms if latn else set()
    assert latin_only and not {tgt for _, _, tgt, _ in kk["entries"]} & latin_only
    fixture_targets = [tgt for f, _, tgt, _ in kk["entries"] if f == "termbank.en-kk.utf8"]
    assert not [t for t in fixture_targets if re.search("[A-Za-z]", t)]
    comments = {src: comment for _, src, _, comment in kk["entries"]}
    assert comments["Mazhilis"].startswith("candidate, not reviewed")  # never passed off as approved
    assert len(max(comments.values(), key=len)) <= 240

    ru = run_omegat(omegat_project(tmp_path / "en-ru", "ru", exports, units), tmp_path / "cfg")
    targets = {tgt for _, _, tgt, _ in ru["entries"]}
    assert "Мажилис" in targets and "Меджлис" not in targets  # deprecated: never a suggestion
    mazhilis = [c for _, src, _, c in ru["entries"] if src == "Mazhilis"]
    assert mazhilis and "do not use: Меджлис" in mazhilis[0]
