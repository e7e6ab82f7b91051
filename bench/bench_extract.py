"""Extraction throughput and peak memory over a large corpus (run by hand, not a test).

The five seed articles are split into paragraphs, shuffled and repeated into documents of
about 500 words until the corpus has the requested number of words. Documents are made on
the fly and streamed through ``extract``, so peak memory shows what the candidate table
costs, not the corpus.

    .venv/bin/python bench/bench_extract.py            # 1 M and 5 M words
    .venv/bin/python bench/bench_extract.py 200000     # one size
"""

from __future__ import annotations

import random
import resource
import sys
import time
from pathlib import Path

from termbank.extract import Document, extract, read_documents

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
WORDS_PER_DOCUMENT = 500


def corpus(total_words: int, seed: int = 7):
    paragraphs = [p for d in read_documents([SEEDS]) for p in d.text.split("\n") if p.strip()]
    rng = random.Random(seed)
    words = n = 0
    while words < total_words:
        chunk, size = [], 0
        while size < WORDS_PER_DOCUMENT:
            paragraph = rng.choice(paragraphs)
            chunk.append(paragraph)
            size += len(paragraph.split())
        words += size
        n += 1
        yield Document(f"doc{n:06d}", "\n\n".join(chunk))


def peak_rss_mb() -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(total_words: int) -> tuple[int, float, int, float]:
    counted = 0

    def counting():
        nonlocal counted
        for document in corpus(total_words):
            counted += len(document.text.split())
            yield document

    start = time.perf_counter()
    candidates = extract(counting())
    elapsed = time.perf_counter() - start
    return counted, elapsed, len(candidates), peak_rss_mb()


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [1_000_000, 5_000_000]
    print(f"{'words':>10} {'seconds':>8} {'words/s':>10} {'candidates':>10} {'peak RSS MB':>12}")
    for size in sizes:
        words, seconds, found, rss = run(size)
        print(f"{words:>10,} {seconds:>8.1f} {words / seconds:>10,.0f} {found:>10} {rss:>12.1f}")


if __name__ == "__main__":
    main()
