"""The long fuzz run: many mutated inputs per reader, each under a time and memory limit.

    .venv/bin/python fuzz/run.py                       # 10,000 inputs for every reader
    .venv/bin/python fuzz/run.py --inputs 500 --readers po,yaml --timeout 5 --mode cli

Input *i* of a reader is built from a generator seeded with ``SEED:reader:i``, so any finding
can be rebuilt (``--only reader:i``). A worker process runs the inputs one after another
under an address-space limit; the parent reads one result line per input and kills the worker
when an input takes longer than ``--timeout`` (a hang), then starts a new one after it.
Findings (the input bytes and the message) go to ``--out``; the summary is one line per
reader: inputs, tracebacks, hangs.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import select
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import harness  # noqa: E402


def build(reader: str, seed: int, i: int) -> bytes:
    rnd = random.Random(f"{seed}:{reader}:{i}")
    ops = harness.random_ops(rnd)
    return harness.make_input(reader, rnd.randrange(1 << 16), ops)


def worker(reader: str, seed: int, start: int, stop: int, memory_mb: int, mode: str) -> None:
    """Run inputs start..stop-1 and print one JSON line per input."""
    import resource

    limit = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    for i in range(start, stop):
        data = build(reader, seed, i)
        with tempfile.TemporaryDirectory(prefix="termbank-fuzz-") as work:
            began = time.perf_counter()
            try:
                if mode == "cli":
                    outcome = harness.check(reader, data, Path(work))
                else:
                    outcome = harness.LIBRARY[reader](data)
                line = {"i": i, "ok": True, "exit": outcome.exit_code}
            except harness.ContractBroken as exc:
                line = {"i": i, "ok": False, "why": str(exc)}
            except BaseException as exc:  # MemoryError and the like: the contract is broken too
                line = {"i": i, "ok": False, "why": f"{type(exc).__name__}: {exc}"}
            line["s"] = round(time.perf_counter() - began, 3)
        print(json.dumps(line), flush=True)


def run_reader(reader: str, *, seed: int, inputs: int, timeout: float, memory_mb: int,
               out: Path, mode: str) -> dict:
    stats = {"reader": reader, "mode": mode, "inputs": 0, "tracebacks": 0, "hangs": 0,
             "slowest_s": 0.0}
    started = time.perf_counter()
    i = 0
    while i < inputs:
        proc = subprocess.Popen(
            [sys.executable, __file__, "--worker", reader, str(seed), str(i), str(inputs),
             str(memory_mb), mode], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        try:
            while i < inputs:
                ready, _, _ = select.select([proc.stdout], [], [], timeout)
                if not ready:  # input i is taking too long: a hang
                    stats["hangs"] += 1
                    _save(out, reader, seed, i, f"no result within {timeout} s")
                    i += 1
                    break
                line = proc.stdout.readline()
                if not line:  # the worker died (killed by the memory limit, a crash)
                    stats["tracebacks"] += 1
                    _save(out, reader, seed, i, f"worker died, exit {proc.wait()}")
                    i += 1
                    break
                result = json.loads(line)
                stats["inputs"] += 1
                stats["slowest_s"] = max(stats["slowest_s"], result["s"])
                if not result["ok"]:
                    stats["tracebacks"] += 1
                    _save(out, reader, seed, result["i"], result["why"])
                i = result["i"] + 1
        finally:
            proc.kill()
            proc.wait()
    stats["inputs"] += stats["hangs"]
    stats["minutes"] = round((time.perf_counter() - started) / 60, 1)
    return stats


def _save(out: Path, reader: str, seed: int, i: int, why: str) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / f"{reader}-{i}.input").write_bytes(build(reader, seed, i))
    (out / f"{reader}-{i}.txt").write_text(f"{reader}:{i} (seed {seed})\n{why}\n", encoding="utf-8")


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--worker":
        reader, seed, start, stop, memory, mode = sys.argv[2:8]
        worker(reader, int(seed), int(start), int(stop), int(memory), mode)
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--inputs", type=int, default=10_000, help="inputs per reader")
    parser.add_argument("--readers", default=",".join(harness.READERS))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds per input")
    parser.add_argument("--memory", type=int, default=1024, help="MB of address space")
    parser.add_argument("--out", type=Path, default=HERE / "out")
    parser.add_argument("--mode", choices=["lib", "cli"], default="lib",
                        help="lib: the library in memory (fast); cli: the commands, with files")
    parser.add_argument("--jobs", type=int, default=1, help="readers run at the same time")
    parser.add_argument("--only", help="reader:i — run one input in this process and show it")
    args = parser.parse_args()
    if args.only:
        reader, i = args.only.split(":")
        data = build(reader, args.seed, int(i))
        print(f"{len(data)} bytes: {data[:300]!r}")
        with tempfile.TemporaryDirectory() as work:
            print(harness.check(reader, data, Path(work)) if args.mode == "cli"
                  else harness.LIBRARY[reader](data))
        return
    os.environ.setdefault("PYTHONHASHSEED", "0")
    from concurrent.futures import ThreadPoolExecutor

    def one(reader: str) -> dict:
        return run_reader(reader, seed=args.seed, inputs=args.inputs, timeout=args.timeout,
                          memory_mb=args.memory, out=args.out, mode=args.mode)

    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        for stats in pool.map(one, args.readers.split(",")):
            print(json.dumps(stats), flush=True)


if __name__ == "__main__":
    main()
