"""Extraction throughput and peak memory on varied text (run by hand, not a test).

Documents of about 500 words are generated from the sentences of every English text in the
repository (seeds and test texts): sentences are drawn at random and about a fifth of their
lower-case words are swapped for other words of the same texts, so phrases keep changing
and the candidate tables grow as they would on new text. The documents are generated
before the clock starts (generation is not extraction) and streamed through ``extract``
one at a time; a short warm-up on other text loads the word lists and frequencies first.

Each size runs in a fresh process, so its peak RSS is its own (model included). Times are
the process's CPU time, so the figures are words per second of one core even on a shared
machine (waiting for a core is not counted). On the same documents it reports:

- whole: ``extract`` with both tracks, as ``termbank extract`` runs it;
- without tagger: the same run with the time spent inside spaCy's ``pipe`` taken out,
  i.e. everything termbank does itself; the tagger's share of the whole beside it;
- spaCy: a plain pass of the same spaCy pipeline over the same documents, one call per
  document as ``extract`` makes it, its word types learnt afresh as in the whole run;
  "stock" is the pipeline as ``spacy.load`` gives it, with every attribute rule (termbank
  drops those that test a dependency label) and the attribute rules and lemmatiser run
  token by token (termbank runs them once per word type);
- names: the name track alone (``terms=False``), with the parses of the whole run forgotten,
  and again without its time in spaCy (it tags the few words after a document's name to see
  where a lower-case tail ends);
- peak RSS after the whole run, and the number of candidates found.

    .venv/bin/python bench/bench_extract.py                 # 20,000, 100,000, 300,000 words
    .venv/bin/python bench/bench_extract.py 50000 200000    # other sizes
"""

from __future__ import annotations

import os
import random
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

from termbank.extract import Document, extract, read_documents
from termbank.extract import names as names_track
from termbank.extract import tagger, tails

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [ROOT / "seeds", *sorted((ROOT / "tests" / "data" / "extract").glob("*/"))]
WORDS_PER_DOCUMENT = 500
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_LOWER = re.compile(r"\b[a-z][a-z\-]+\b")
COLUMNS = [("words", 9), ("whole w/s", 10), ("w/o tagger", 11), ("tagger", 7),
           ("spaCy w/s", 10), ("stock w/s", 10), ("names w/s", 10), ("w/o tagger", 11),
           ("peak RSS MB", 12),
           ("candidates", 11)]


def corpus(total_words: int, seed: int = 7):
    texts = [d.text for d in read_documents([p for p in SOURCES if p.name != "hostile"])]
    sentences = [s.strip() for t in texts for s in _SENTENCE.split(t) if len(s.split()) > 4]
    vocabulary = sorted({w for t in texts for w in _LOWER.findall(t)})
    rng = random.Random(seed)

    def vary(sentence: str) -> str:
        return _LOWER.sub(lambda m: rng.choice(vocabulary) if rng.random() < 0.2
                          else m.group(0), sentence)

    words = n = 0
    while words < total_words:
        chunk, size = [], 0
        while size < WORDS_PER_DOCUMENT:
            sentence = vary(rng.choice(sentences))
            chunk.append(sentence)
            size += len(sentence.split())
        words += size
        n += 1
        yield Document(f"doc{n:06d}", " ".join(chunk))


def peak_rss_mb() -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class TimedPipeline:
    """The spaCy pipeline, counting the seconds spent inside it (``pipe`` for the term track,
    a call for the name track's lower-case tails)."""

    def __init__(self, nlp) -> None:
        self.nlp = nlp
        self.seconds = 0.0

    def __getattr__(self, name):
        return getattr(self.nlp, name)

    def __call__(self, text):
        start = time.process_time()
        doc = self.nlp(text)
        self.seconds += time.process_time() - start
        return doc

    def pipe(self, texts, **options):
        docs = self.nlp.pipe(texts, **options)
        while True:
            start = time.process_time()
            doc = next(docs, None)
            self.seconds += time.process_time() - start
            if doc is None:
                return
            yield doc


def timed(function) -> float:
    start = time.process_time()
    function()
    return time.process_time() - start


def measure(size: int) -> list[str]:
    """One row of the table, for *size* words."""
    import spacy

    nlp = tagger.pipeline()  # load (and verify) the model outside the timings
    documents = list(corpus(size))
    texts = [d.text for d in documents]
    words = sum(len(t.split()) for t in texts)
    extract(corpus(3000, seed=99))  # one-time loads (word lists, frequencies) on other text
    word_types = nlp.get_pipe(tagger.WORD_TYPES).types
    word_types.clear()  # the tagger's word types are learnt within the timings, as on new text
    timed_nlp = TimedPipeline(nlp)
    tagger.pipeline = lambda: timed_nlp  # both tracks ask for the pipeline each time
    found: list = []
    whole = timed(lambda: found.extend(extract(iter(documents))))
    rss = peak_rss_mb()
    names_nlp = TimedPipeline(nlp)
    tagger.pipeline = lambda: names_nlp
    names_track._CACHE.clear()  # the same documents again: no parse left from the whole run
    tails._CACHE.clear()
    names = timed(lambda: extract(iter(documents), terms=False))
    names_own = names - names_nlp.seconds
    tagger.pipeline = lambda: nlp
    word_types.clear()
    plain = timed(lambda: [list(nlp.pipe([t])) for t in texts])
    stock_nlp = spacy.load(tagger.model_path(), exclude=tagger.UNUSED_COMPONENTS)
    stock = timed(lambda: [list(stock_nlp.pipe([t])) for t in texts])
    own = whole - timed_nlp.seconds
    return [f"{words:,}", f"{words / whole:,.0f}", f"{words / own:,.0f}",
            f"{timed_nlp.seconds / whole:.0%}", f"{words / plain:,.0f}",
            f"{words / stock:,.0f}", f"{words / names:,.0f}", f"{words / names_own:,.0f}",
            f"{rss:.1f}", f"{len(found)}"]


def main() -> None:
    if sys.argv[1:2] == ["--size"]:
        print("\t".join(measure(int(sys.argv[2]))))
        return
    sizes = [int(a) for a in sys.argv[1:]] or [20_000, 100_000, 300_000]
    print(f"load average {os.getloadavg()[0]:.2f} at the start")
    print(" ".join(f"{name:>{width}}" for name, width in COLUMNS))
    for size in sizes:
        row = subprocess.run([sys.executable, __file__, "--size", str(size)], check=True,
                             capture_output=True, text=True).stdout.split("\t")
        print(" ".join(f"{cell.strip():>{width}}" for cell, (_, width) in zip(row, COLUMNS)),
              flush=True)
    print(f"load average {os.getloadavg()[0]:.2f} at the end")


if __name__ == "__main__":
    main()
