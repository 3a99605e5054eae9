"""Accuracy of starlint on answers by other writers: per rule, recall, false alarms and the
share of findings at the line an interviewer pointed at, on both NLP paths.

The development set is labels only (`benchmarks/accuracy/labels/*.yaml`, written before
starlint was run on the texts; see `benchmarks/accuracy/GUIDE.md`). The texts stay out of the
repository: put them in `benchmarks/accuracy/texts/` (git-ignored) or name a folder with
`--texts`. Nothing is fetched; a label file whose text is absent, or whose text's sha256
differs from the one labelled, is skipped with a notice.

    python benchmarks/accuracy.py [--pipeline blank|trained|both] [--verbose] [--split] [--json FILE]

Cases are (answer, rule): a rule must fire on the answer (the label lists lines, or
`answer` where the line is not judged) or must not (`[]`). `missing-part` is judged per
part. Recall: must-fire cases where the rule fired; false alarms: must-not cases where it
fired; exact line: of the findings in must-fire cases that point at a judged line, those at
one of the labelled lines. `--split` scores the answers starlint read from the writer's
labels apart from those whose parts it inferred from prose.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
LABELS = HERE / "accuracy" / "labels"
TEXTS = HERE / "accuracy" / "texts"
PARTS = ("situation", "task", "action", "result")
#: rule -> (severity, recall target, false-alarm target); info rules have no target
TARGETS = {"error": (0.95, 0.02), "warning": (0.90, 0.03)}


@dataclass
class Section:
    line: int
    end_line: int
    title: str
    answer: bool
    style: str
    expect: dict[str, list]


@dataclass
class LabelFile:
    stem: str
    text: Path
    source: dict
    sections: list[Section]


@dataclass
class RuleScore:
    severity: str = "info"
    positives: int = 0
    hits: int = 0
    negatives: int = 0
    false_alarms: int = 0
    judged_findings: int = 0
    exact_findings: int = 0
    expected_lines: int = 0
    lines_hit: int = 0
    misses: list[str] = field(default_factory=list)
    alarms: list[str] = field(default_factory=list)
    off_line: list[str] = field(default_factory=list)


def load_labels(labels_dir: Path, texts_dir: Path, notices: list[str]) -> list[LabelFile]:
    files = []
    for path in sorted(labels_dir.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        source = data["source"]
        suffix = Path(source["path"]).suffix or ".md"
        text = texts_dir / f"{path.stem}{suffix}"
        if not text.is_file():
            notices.append(f"{path.name}: no text at {text} (skipped)")
            continue
        digest = hashlib.sha256(text.read_bytes()).hexdigest()
        if source.get("sha256") and digest != source["sha256"]:
            notices.append(f"{path.name}: {text.name} is not the text that was labelled (sha256 differs; skipped)")
            continue
        sections = [
            Section(int(s["line"]), int(s.get("end_line", s["line"])), str(s.get("title", "")),
                    bool(s.get("answer")), str(s.get("style", "")), s.get("expect") or {})
            for s in data.get("sections") or []
        ]
        files.append(LabelFile(path.stem, text, source, sections))
    return files


def run_starlint(paths: list[Path], pipeline: str) -> tuple[dict, str]:
    env = dict(os.environ)
    if pipeline == "blank":
        env["STARLINT_PIPELINE"] = "blank"
    else:
        env.pop("STARLINT_PIPELINE", None)
    version = subprocess.run([sys.executable, "-m", "starlint", "--version"], env=env,
                             capture_output=True, text=True, check=True).stdout.strip()
    if pipeline == "trained" and "rule-based" in version:
        raise SystemExit("accuracy: no trained pipeline installed (pip install -e '.[trained]')")
    proc = subprocess.run([sys.executable, "-m", "starlint", "--format", "json", "-j", "1",
                           *map(str, paths)], env=env, capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"accuracy: starlint failed ({proc.returncode}): {proc.stderr.strip()}")
    return json.loads(proc.stdout), version


def _in(line: int, section: Section) -> bool:
    return section.line <= line <= section.end_line


def _reading(answers: list[dict]) -> str:
    """How starlint read the answer's parts: "labelled" (from the writer's labels) or
    "inferred" (any part guessed from unlabelled prose)."""
    return "inferred" if any(p and p.get("inferred") for a in answers for p in a["parts"].values()) else "labelled"


def score(files: list[LabelFile], result: dict, reading: str | None = None) -> tuple[dict[str, RuleScore], dict]:
    """Per rule, its cases over the answers found; `reading` keeps only the answers read that
    way ("labelled" or "inferred"), to show where the rules fail."""
    by_path_answers: dict[str, list[dict]] = {}
    for answer in result["answers"]:
        by_path_answers.setdefault(answer["path"], []).append(answer)
    by_path_diags: dict[str, list[dict]] = {}
    for diag in result["diagnostics"]:
        by_path_diags.setdefault(diag["path"], []).append(diag)
    rules: dict[str, RuleScore] = {}
    detection = {"answers": 0, "found": 0, "non_answers": 0, "linted": 0, "split": 0,
                 "unlabelled": 0, "missed": [], "wrongly_linted": [], "unlabelled_at": []}
    for lf in files:
        path = str(lf.text)
        found = by_path_answers.get(path, [])
        diags = by_path_diags.get(path, [])
        lo, hi = (lf.source.get("labelled_lines") or [1, 10**9])
        assigned: dict[int, list[dict]] = {}
        for answer in found:
            owner = next((i for i, s in enumerate(lf.sections) if _in(answer["line"], s)), None)
            if owner is None:
                if lo <= answer["line"] <= hi:
                    detection["unlabelled"] += 1
                    detection["unlabelled_at"].append(f"{lf.stem}:{answer['line']} {answer['title']!r}")
                continue
            assigned.setdefault(owner, []).append(answer)
        for i, section in enumerate(lf.sections):
            where = f"{lf.stem}:{section.line} {section.title[:50]!r}"
            mine = assigned.get(i, [])
            if not section.answer:
                detection["non_answers"] += 1
                if mine:
                    detection["linted"] += 1
                    detection["wrongly_linted"].append(where)
                continue
            detection["answers"] += 1
            if mine:
                detection["found"] += 1
                detection["split"] += len(mine) - 1
                if len(mine) > 1:
                    detection.setdefault("split_at", []).append(where)
            else:
                detection["missed"].append(where)
            section_diags = [d for d in diags if _in(d["line"], section)] if mine else []
            if reading is not None and (not mine or _reading(mine) != reading):
                continue
            for rule, expected in section.expect.items():
                if expected is None:
                    continue
                expected = list(expected)
                fired = [d for d in section_diags if d["rule"] == rule]
                rs = rules.setdefault(rule, RuleScore())
                if fired:
                    rs.severity = fired[0]["severity"]
                if rule == "missing-part":
                    for part in PARTS:
                        flagged = [d for d in fired if d.get("part") == part]
                        if part in expected:
                            rs.positives += 1
                            if flagged:
                                rs.hits += 1
                            else:
                                rs.misses.append(f"{where} ({part})")
                        else:
                            rs.negatives += 1
                            if flagged:
                                rs.false_alarms += 1
                                rs.alarms.append(f"{where} ({part}) at line {flagged[0]['line']}")
                    continue
                if not expected:
                    rs.negatives += 1
                    if fired:
                        rs.false_alarms += 1
                        rs.alarms.append(f"{where} at line {fired[0]['line']}: {fired[0]['message'][:70]}")
                    continue
                rs.positives += 1
                if fired:
                    rs.hits += 1
                else:
                    rs.misses.append(where)
                lines = {int(x) for x in expected if isinstance(x, int) or str(x).isdigit()}
                if lines:
                    rs.expected_lines += len(lines)
                    rs.lines_hit += len(lines & {d["line"] for d in fired})
                    for d in fired:
                        rs.judged_findings += 1
                        if d["line"] in lines:
                            rs.exact_findings += 1
                        else:
                            rs.off_line.append(f"{where}: at {d['line']}, labelled {sorted(lines)}")
    return rules, detection


def _pct(num: int, den: int) -> str:
    return f"{100 * num / den:5.1f}%" if den else "    -"


def severities() -> dict[str, str]:
    sys.path.insert(0, str(HERE.parent / "src"))
    from starlint.ruleset import builtin_rules

    return {r.name: r.severity for r in builtin_rules()}


def print_table(rules: dict[str, RuleScore], detection: dict, version: str, verbose: bool) -> None:
    sev = severities()
    print(f"\n## {version}\n")
    print(f"Answers found: {detection['found']}/{detection['answers']} "
          f"({_pct(detection['found'], detection['answers']).strip()}); non-answer sections linted as answers: "
          f"{detection['linted']}/{detection['non_answers']}; answers split in two: {detection['split']}; "
          f"answers in unlabelled sections: {detection['unlabelled']}\n")
    print("| rule | severity | must fire | recall | must not | false alarms | exact line | lines found | target |")
    print("|---|---|---|---|---|---|---|---|---|")
    order = sorted(rules, key=lambda r: ({"error": 0, "warning": 1}.get(sev.get(r, "info"), 2), r))
    for name in order:
        rs = rules[name]
        severity = sev.get(name, rs.severity)
        recall = rs.hits / rs.positives if rs.positives else None
        fa = rs.false_alarms / rs.negatives if rs.negatives else None
        exact = rs.exact_findings / rs.judged_findings if rs.judged_findings else None
        target = TARGETS.get(severity)
        verdict = ""
        if target:
            ok = (recall is None or recall >= target[0]) and (fa is None or fa <= target[1]) and (
                exact is None or exact >= 0.95)
            verdict = ("met" if ok else "NOT met") + f" (>= {target[0]:.0%}, <= {target[1]:.0%})"
        print(f"| `{name}` | {severity} | {rs.positives} | {_pct(rs.hits, rs.positives)} | {rs.negatives} | "
              f"{rs.false_alarms} ({_pct(rs.false_alarms, rs.negatives).strip()}) | "
              f"{_pct(rs.exact_findings, rs.judged_findings)} | {rs.lines_hit}/{rs.expected_lines} | {verdict} |")
    if verbose:
        print()
        for where in detection["missed"]:
            print(f"answer not found: {where}")
        for where in detection["wrongly_linted"]:
            print(f"non-answer linted: {where}")
        for where in detection.get("split_at", []):
            print(f"answer split in two: {where}")
        for where in detection["unlabelled_at"]:
            print(f"answer in an unlabelled section: {where}")
        for name in order:
            rs = rules[name]
            for m in rs.misses:
                print(f"{name}: missed {m}")
            for a in rs.alarms:
                print(f"{name}: false alarm {a}")
            for o in rs.off_line:
                print(f"{name}: off line {o}")


def print_split(by_reading: dict[str, dict[str, RuleScore]]) -> None:
    """Recall and false alarms on labelled answers beside those on answers whose parts were
    inferred: the rules that read parts are as good as the parts they are given."""
    print("\n| rule | labelled: recall | labelled: false alarms | inferred: recall | inferred: false alarms |")
    print("|---|---|---|---|---|")
    for name in sorted(set().union(*by_reading.values())):
        cells = []
        for kind in ("labelled", "inferred"):
            rs = by_reading[kind].get(name, RuleScore())
            cells += [f"{rs.hits}/{rs.positives} ({_pct(rs.hits, rs.positives).strip()})",
                      f"{rs.false_alarms}/{rs.negatives} ({_pct(rs.false_alarms, rs.negatives).strip()})"]
        print(f"| `{name}` | " + " | ".join(cells) + " |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--labels", type=Path, default=LABELS)
    parser.add_argument("--texts", type=Path, default=TEXTS)
    parser.add_argument("--pipeline", choices=("blank", "trained", "both"), default="both")
    parser.add_argument("--verbose", "-v", action="store_true", help="list every miss, false alarm and off-line finding")
    parser.add_argument("--json", type=Path, help="also write the scores as JSON")
    parser.add_argument("--split", action="store_true",
                        help="also score labelled answers and answers whose parts were inferred apart")
    args = parser.parse_args()
    notices: list[str] = []
    files = load_labels(args.labels, args.texts, notices)
    for notice in notices:
        print(f"accuracy: {notice}", file=sys.stderr)
    if not files:
        print("accuracy: no labelled text present; see benchmarks/accuracy/GUIDE.md", file=sys.stderr)
        return 2
    answers = sum(s.answer for f in files for s in f.sections)
    print(f"Development set: {len(files)} files from {len({f.source['repo'] for f in files})} repositories, "
          f"{answers} answers, {sum(not s.answer for f in files for s in f.sections)} non-answer sections")
    out = {}
    for pipeline in (("blank", "trained") if args.pipeline == "both" else (args.pipeline,)):
        result, version = run_starlint([f.text for f in files], pipeline)
        rules, detection = score(files, result)
        print_table(rules, detection, f"{pipeline}: {version}", args.verbose)
        if args.split:
            print_split({kind: score(files, result, kind)[0] for kind in ("labelled", "inferred")})
        out[pipeline] = {"version": version, "detection": detection,
                         "rules": {k: vars(v) for k, v in rules.items()}}
    if args.json:
        args.json.write_text(json.dumps(out, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
