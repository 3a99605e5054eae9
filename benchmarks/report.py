"""The HTML report's cost beside the plain JSON run, on the same folder, in the same run.

    python benchmarks/report.py [--copies 200] [--runs 5]

Prints medians over --runs whole fresh processes of `starlint --format json FOLDER` and
`starlint report FOLDER -o report.html` (run in turn, A B A B ...; the ratio is the median of
the run-by-run ratios; target <= 1.5 in wall time), their CPU time (user + system, workers
included: steadier than wall time on a shared machine), peak RSS, and the report's size. Where
Debian's chromium is installed, also how long it takes to load the report and print its DOM
(`--dump-dom`, a whole browser process: an upper bound on opening it).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import BANK, bank_folder, measured, ratio

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def chromium_load(page: Path, runs: int) -> float | None:
    exe = "/usr/bin/chromium" if os.path.exists("/usr/bin/chromium") else shutil.which("chromium")
    if exe is None:
        return None
    walls = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as profile:
            start = time.perf_counter()
            subprocess.run([exe, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--dump-dom", page.as_uri()],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, timeout=300)
            walls.append(time.perf_counter() - start)
    return statistics.median(walls)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=200)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    starlint, env = [sys.executable, "-m", "starlint"], dict(os.environ)
    with tempfile.TemporaryDirectory() as tmp:
        folder = bank_folder(tmp, args.copies)
        out = Path(tmp) / "report.html"
        single = Path(tmp) / "bank-report.html"
        print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores; median of {args.runs} runs")
        print(f"{args.copies} copies of the bank ({args.copies * 14} answers)")
        json_cmd = [*starlint, "--format", "json", str(folder)]
        report_cmd = [*starlint, "report", str(folder), "-o", str(out)]
        figures: dict[str, list[tuple[float, float, float]]] = {"json": [], "report": []}
        measured(json_cmd, env), measured(report_cmd, env)  # warm the file cache
        for _ in range(args.runs):  # in turn, so that drift in the machine's speed hits both
            figures["json"].append(measured(json_cmd, env))
            figures["report"].append(measured(report_cmd, env))
        for name, runs in figures.items():
            wall = statistics.median(r[0] for r in runs)
            cpu = statistics.median(r[2] for r in runs)
            size = f"  {out.stat().st_size / 2**20:.1f} MiB of HTML" if name == "report" else ""
            print(f"  {name:<7} {wall:6.2f} s wall  {cpu:6.2f} s CPU (all processes)  "
                  f"peak {max(r[1] for r in runs):.0f} MiB (main process){size}")
        walls = {name: [r[0] for r in runs] for name, runs in figures.items()}
        cpus = {name: [r[2] for r in runs] for name, runs in figures.items()}
        print(f"  ratio report/json: {ratio(walls['report'], walls['json']):.2f} wall (target <= 1.50), "
              f"{ratio(cpus['report'], cpus['json']):.2f} CPU")
        subprocess.run([*starlint, "report", str(BANK), "-o", str(single)], env=env, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for label, page in (("the bank's report", single), (f"the {args.copies}-file report", out)):
            load = chromium_load(page, max(1, min(args.runs, 3)))
            if load is None:
                print("  chromium not installed: no load time")
                break
            print(f"  chromium --dump-dom of {label}: {load:.2f} s")


if __name__ == "__main__":
    main()
