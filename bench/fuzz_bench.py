"""Long fuzz run: mutated .docx files through the whole import path (or the safety modules alone).

    .venv/bin/python bench/fuzz_bench.py                 # 10,000 inputs through the whole import path
    .venv/bin/python bench/fuzz_bench.py --count 2000 --target safety

Input i is seed file i mod 4 mutated by 1–3 mutations drawn from random.Random(BASE + i), so any input
can be rebuilt from its number (tests/fuzz_docx.py). Prints the outcomes (each ArchiveError code, and
every other exception by type and the module it escaped from, with one reproducer), the slowest
inputs, and the peak memory of this process. Each input has 10 s (SIGALRM); the address space is
capped, so a runaway input shows up as MemoryError instead of taking the machine down.
"""
from __future__ import annotations

import argparse
import collections
import random
import resource
import signal
import sys
import tempfile
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from fuzz_docx import MUTATIONS, check_safety_only, convert_everything, mutate, seeds  # noqa: E402

BASE = 20_260_000
TIME_LIMIT = 10
ADDRESS_SPACE = 4 << 30


class Timeout(Exception):
    pass


def inputs(count: int, seed_count: int):
    names = sorted(MUTATIONS)
    for number in range(count):
        rng = random.Random(BASE + number)
        steps = [(rng.choice(names), rng.randrange(2**32)) for _ in range(rng.randint(1, 3))]
        yield number, number % seed_count, steps


def escaped_from(error: BaseException) -> str:
    ours = [f for f in traceback.extract_tb(error.__traceback__) if "/converter/" in f.filename]
    where = f"{Path(ours[-1].filename).name}:{ours[-1].lineno}" if ours else "outside converter/"
    return f"{type(error).__name__} in {where}"


def peak_mb() -> float:
    line = next(line for line in Path("/proc/self/status").read_text().splitlines() if line.startswith("VmHWM"))
    return int(line.split()[1]) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--target", choices=("full", "safety"), default="full")
    args = parser.parse_args()
    target = convert_everything if args.target == "full" else check_safety_only
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))
    signal.signal(signal.SIGALRM, lambda *_: (_ for _ in ()).throw(Timeout()))
    seed_files = seeds()
    outcomes: collections.Counter = collections.Counter()
    uncaught: dict[str, list] = {}
    times: list[tuple[float, int]] = []
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.docx"
        for number, seed, steps in inputs(args.count, len(seed_files)):
            path.write_bytes(mutate(seed_files[seed], steps))
            began = time.perf_counter()
            signal.alarm(TIME_LIMIT)
            try:
                outcomes[target(path)] += 1
            except Timeout:
                outcomes[f"over {TIME_LIMIT} s"] += 1
            except Exception as error:  # the point of the run: count them, keep one reproducer each
                key = escaped_from(error)
                outcomes["uncaught: " + key] += 1
                uncaught.setdefault(key, [number, seed, steps, str(error)[:120]])
            finally:
                signal.alarm(0)
            times.append((time.perf_counter() - began, number))
    report(args, outcomes, uncaught, times, time.perf_counter() - started)


def report(args, outcomes, uncaught, times, total: float) -> None:
    count = sum(outcomes.values())
    print(f"\n## Fuzz run: {count} mutated inputs, target {args.target}, {total:.0f} s\n")
    print("| outcome | inputs |\n|---|---:|")
    for outcome, number in outcomes.most_common():
        print(f"| {outcome} | {number} |")
    durations = sorted(t for t, _ in times)
    slowest = max(times)
    print("\n| measure | value |\n|---|---:|")
    print(f"| uncaught exceptions | {sum(n for o, n in outcomes.items() if o.startswith('uncaught'))} |")
    print(f"| runs over {TIME_LIMIT} s | {outcomes.get(f'over {TIME_LIMIT} s', 0)} |")
    print(f"| median time | {durations[len(durations) // 2] * 1000:.0f} ms |")
    print(f"| 99th percentile time | {durations[int(len(durations) * 0.99)] * 1000:.0f} ms |")
    print(f"| max time | {slowest[0]:.2f} s (input {slowest[1]}) |")
    print(f"| peak memory (VmHWM) | {peak_mb():.0f} MB |")
    if uncaught:
        print("\n| uncaught | reproducer: input, seed, mutations | message |\n|---|---|---|")
        for key, (number, seed, steps, message) in sorted(uncaught.items()):
            print(f"| {key} | {number}, {seed}, {steps} | {message} |")


if __name__ == "__main__":
    main()
