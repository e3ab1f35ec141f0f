"""Conversion speed on one CPU core: ours vs pandoc vs markitdown, on the same .docx files.

    python bench/convert_bench.py [FOLDER] [--limit N] [--reps N]

FOLDER defaults to the docx-gen set (/work/gen/docx-gen, else made from ../shared into bench/out/docx-gen,
bench/make_reports.generated_set). Two ways of running:
- batch: one process converts every file (start-up paid once);
- per process: one process per file, as `archive convert FILE -o OUT.md` runs.
The benchmark pins itself (and so every child) to one core. pandoc and markitdown come from the
`bench` extra (`pip install -e '.[bench]'`); a converter that is not installed is left out.
Children run with bytecode caching on (as an installed package has its .pyc files), even when the
environment sets PYTHONDONTWRITEBYTECODE, after one warm-up run. Timings on a shared machine vary;
CPU time is the steadier figure.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_reports import Unavailable, children_cpu, generated_set  # noqa: E402

BIN = Path(sys.executable).parent
ENV = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}

BATCH = {
    "ours": "from pathlib import Path\nfrom converter.archive.convert import convert_file\n"
            "convert = lambda f: convert_file(Path(f)).page()",
    "markitdown": "from markitdown import MarkItDown\nconvert = MarkItDown().convert",
}
BATCH_LOOP = """
import sys
failed = 0
for f in sys.argv[1:]:
    try:
        convert(f)
    except Exception:
        failed += 1
print(failed)
"""


def _pandoc() -> str | None:
    try:
        import pypandoc
        return pypandoc.get_pandoc_path()
    except (ImportError, OSError):
        return None


def per_process_commands() -> dict[str, list[str]]:
    commands = {"ours": [str(BIN / "archive"), "convert", "{in}", "-o", "{out}"]}
    pandoc = _pandoc()
    if pandoc:
        commands["pandoc"] = [pandoc, "-f", "docx", "-t", "gfm", "--wrap=none", "{in}", "-o", "{out}"]
    if (BIN / "markitdown").exists():
        commands["markitdown"] = [str(BIN / "markitdown"), "{in}", "-o", "{out}"]
    return commands


def time_batch(name: str, files: list[Path]) -> dict:
    """One process over all files: wall and CPU seconds, and how many files failed."""
    code = BATCH[name] + BATCH_LOOP
    cpu, start = children_cpu(), time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code, *map(str, files)], capture_output=True, text=True, env=ENV)
    wall, cpu = time.perf_counter() - start, children_cpu() - cpu
    failed = int(done.stdout.strip() or len(files)) if done.returncode == 0 else len(files)
    return {"wall": wall, "cpu": cpu, "failed": failed}


def time_per_process(command: list[str], files: list[Path]) -> dict:
    """One process per file: total wall and CPU seconds, each file's wall time, failures."""
    walls, failed = [], 0
    cpu = children_cpu()
    with tempfile.TemporaryDirectory() as out:
        for path in files:
            argv = [a.replace("{in}", str(path)).replace("{out}", str(Path(out) / (path.stem + ".md")))
                    for a in command]
            start = time.perf_counter()
            failed += subprocess.run(argv, capture_output=True, env=ENV).returncode != 0
            walls.append(time.perf_counter() - start)
    return {"wall": sum(walls), "cpu": children_cpu() - cpu, "walls": walls, "failed": failed}


def run(files: list[Path], reps: int = 1) -> list[dict]:
    """One row per converter: docs/s batch and per process, CPU ms/doc, single-file wall times."""
    rows = []
    for name, command in per_process_commands().items():
        time_per_process(command, files[:1])  # warm-up: bytecode caches, disk cache
        row = {"converter": name, "docs": len(files)}
        if name in BATCH:
            batch = min((time_batch(name, files) for _ in range(reps)), key=lambda r: r["wall"])
            row.update(batch_docs_s=len(files) / batch["wall"], batch_cpu_ms=batch["cpu"] / len(files) * 1000,
                       batch_failed=batch["failed"])
        single = min((time_per_process(command, files) for _ in range(reps)), key=lambda r: r["wall"])
        row.update(process_docs_s=len(files) / single["wall"], process_cpu_ms=single["cpu"] / len(files) * 1000,
                   wall_ms_median=statistics.median(single["walls"]) * 1000,
                   wall_ms_max=max(single["walls"]) * 1000, process_failed=single["failed"])
        rows.append(row)
    return rows


def table(rows: list[dict]) -> str:
    def cell(row, key, fmt="{:.1f}"):
        return fmt.format(row[key]) if key in row else "–"
    lines = ["| converter | docs | batch docs/s | batch CPU ms/doc | per-process docs/s | per-process CPU ms/doc "
             "| wall ms/file (median / max) | failed (batch / per process) |",
             "|---|---|---|---|---|---|---|---|"]
    for row in rows:
        lines.append(f"| {row['converter']} | {row['docs']} | {cell(row, 'batch_docs_s')} | "
                     f"{cell(row, 'batch_cpu_ms', '{:.0f}')} | {cell(row, 'process_docs_s')} | "
                     f"{cell(row, 'process_cpu_ms', '{:.0f}')} | {row['wall_ms_median']:.0f} / {row['wall_ms_max']:.0f} | "
                     f"{row.get('batch_failed', '–')} / {row['process_failed']} |")
    return "\n".join(lines)


def pin_to_one_core() -> str:
    if hasattr(os, "sched_setaffinity"):
        core = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {core})
        return f"pinned to CPU {core}"
    return "not pinned (no sched_setaffinity)"


def main(argv: list[str] | None = None) -> list[dict]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path)
    parser.add_argument("--limit", type=int, default=0, help="use only the first N files")
    parser.add_argument("--reps", type=int, default=1, help="repeat each timing, keep the fastest")
    args = parser.parse_args(argv)
    if args.folder is None:
        try:
            args.folder = generated_set()
        except Unavailable as error:
            print(f"(skipped: {error})")
            raise SystemExit(2) from None
    files = sorted(args.folder.glob("*.docx"))[: args.limit or None]
    if not files:
        raise SystemExit(f"no .docx files in {args.folder}")
    pinned = pin_to_one_core()
    rows = run(files, args.reps)
    print(f"Conversion speed, {len(files)} files from {args.folder}, {pinned}, load {os.getloadavg()[0]:.1f}\n")
    print(table(rows))
    missing = [name for name in ("pandoc", "markitdown") if name not in {r["converter"] for r in rows}]
    if missing:
        print(f"\n(not measured: {' and '.join(missing)} not installed; `pip install -e '.[bench]'` adds them)")
    ours = next(r for r in rows if r["converter"] == "ours")
    print(f"\n`archive convert FILE -o OUT.md`, one file: median {ours['wall_ms_median']:.0f} ms, "
          f"max {ours['wall_ms_max']:.0f} ms (target < 300 ms); batch {ours['batch_docs_s']:.1f} docs/s "
          "(target ≥ 30 on one core).")
    return rows


if __name__ == "__main__":
    main()
