"""Extraction throughput and peak memory on varied text (run by hand, not a test).

Documents of about 500 words are generated from the sentences of every English text in the
repository (seeds and test texts): sentences are drawn at random and about a fifth of their
lower-case words are swapped for other words of the same texts, so phrases keep changing
and the candidate tables grow as they would on new text. Documents are made on the fly
and streamed, so peak memory shows the tables and the tagger, not the corpus.

For each size it times, on the same documents: the whole extraction (names and terms),
the name track alone (``terms=False``), and a plain pass of the spaCy tagger pipeline, and
reports the tagger's share of the whole.

    .venv/bin/python bench/bench_extract.py            # 100,000 and 300,000 words
    .venv/bin/python bench/bench_extract.py 50000      # one size
"""

from __future__ import annotations

import random
import re
import resource
import sys
import time
from pathlib import Path

from termbank.extract import Document, extract, read_documents
from termbank.extract import terms

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [ROOT / "seeds", *sorted((ROOT / "tests" / "data" / "extract").glob("*/"))]
WORDS_PER_DOCUMENT = 500
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_LOWER = re.compile(r"\b[a-z][a-z\-]+\b")


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


def timed(function) -> float:
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [100_000, 300_000]
    terms.pipeline()  # load (and verify) the model outside the timings
    print(f"{'words':>9} {'whole w/s':>10} {'peak RSS MB':>12} {'names w/s':>10} "
          f"{'tagger w/s':>11} {'tagger share':>13} {'candidates':>10}")
    for size in sizes:
        words = sum(len(d.text.split()) for d in corpus(size))
        found: list = []
        whole = timed(lambda: found.extend(extract(corpus(size))))
        rss = peak_rss_mb()  # the whole extraction's peak (sizes run smallest first)
        names = timed(lambda: extract(corpus(size), terms=False))
        texts = (d.text for d in corpus(size))
        tagger = timed(lambda: [None for _ in terms.pipeline().pipe(texts, batch_size=8)])
        print(f"{words:>9,} {words / whole:>10,.0f} {rss:>12.1f} {words / names:>10,.0f} "
              f"{words / tagger:>11,.0f} {tagger / whole:>12.0%} {len(found):>10}")


if __name__ == "__main__":
    main()
