"""Where a batch's time goes, stage by stage and rule by rule, in one process.

    python benchmarks/stages.py [--copies 40] [--pyinstrument]

Lints N copies of the bank serially, in chunks as `starlint check` does, and prints CPU
milliseconds per file for each stage (read, parse, analyse, each rule's prepare and check,
inline directives). With --pyinstrument (from the `bench` extra), also prints the call tree of
the same loop. Start-up (imports, building the pipeline and matchers) is excluded: the cold
run in bench.py measures that.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BANK = ROOT / "corpus" / "bank1.md"


def lint_serially(paths: list[str], rules, clock: dict[str, float]) -> None:
    from starlint.analysis import analyse
    from starlint.disables import apply_directives
    from starlint.lint import CHUNK_FILES, read_source
    from starlint.reading.answers import parse_answers

    def timed(stage: str, func, *args):
        start = time.process_time()
        result = func(*args)
        clock[stage] += time.process_time() - start
        return result

    for i in range(0, len(paths), CHUNK_FILES):
        sources = [timed("read", read_source, p) for p in paths[i : i + CHUNK_FILES]]
        answers = [a for s in sources for a in timed("parse", parse_answers, s)]
        timed("analyse", analyse, answers)
        found = []
        for rule in rules:
            timed(f"rule {rule.name} (prepare)", rule.check.prepare, answers)
            found += timed(f"rule {rule.name}", lambda r=rule: [f for a in answers for f in r.check(a)])
        for source in sources:
            timed("directives", apply_directives, source, [], rules)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=40)
    parser.add_argument("--pyinstrument", action="store_true", help="also print pyinstrument's call tree")
    args = parser.parse_args()

    from starlint.nlp.pipeline import blank_pipeline, pipeline_name, trained_pipeline
    from starlint.ruleset import builtin_rules

    blank_pipeline()
    trained_pipeline()
    rules = list(builtin_rules())
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i in range(args.copies):
            paths.append(str(Path(tmp) / f"bank{i:04d}.md"))
            shutil.copy(BANK, paths[-1])
        lint_serially(paths[:2], rules, defaultdict(float))  # build matchers, warm caches
        clock: dict[str, float] = defaultdict(float)
        lint_serially(paths, rules, clock)
        profiler = None
        if args.pyinstrument:  # a second pass: the profiler's overhead stays out of the table
            from pyinstrument import Profiler

            profiler = Profiler()
            profiler.start()
            lint_serially(paths, rules, defaultdict(float))
            profiler.stop()

    total = sum(clock.values())
    print(f"{args.copies} copies of the bank, one process, {pipeline_name()}")
    print(f"{'stage':40s} {'ms/file':>8s} {'share':>6s}")
    for stage, seconds in sorted(clock.items(), key=lambda kv: -kv[1]):
        if seconds / total >= 0.005:
            print(f"{stage:40s} {seconds / args.copies * 1000:8.2f} {seconds / total:6.1%}")
    print(f"{'total':40s} {total / args.copies * 1000:8.2f}")
    if profiler is not None:
        print(profiler.output_text(unicode=False, color=False, show_all=False))


if __name__ == "__main__":
    sys.exit(main())
