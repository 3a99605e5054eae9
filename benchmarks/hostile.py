"""Hostile inputs: time, peak memory and outcome of starlint on each case of issue 11.

    python benchmarks/hostile.py [--quick] [--timeout 120] [--only NAME,...]

Each case is built in a temporary folder and run as a fresh `python -m starlint` process,
killed if it outlives --timeout. Peak memory is the largest resident set of the process
or any of its workers (wait4's rusage, as /usr/bin/time reports it). A case passes when it
ends in time with the expected exit code, no traceback, and what it must show (one line on
standard error, parseable output, no process left behind). --quick leaves out the two
largest cases (100,000 files; 50,000 answers in one file). Public tools only.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from starlint.workers import group_processes

ROOT = Path(__file__).resolve().parents[1]
BANK = ROOT / "corpus" / "bank1.md"
ANSWER = (ROOT / "tests" / "fixtures" / "answers" / "plain_lines_no_result_number.md").read_bytes()
MEMORY_TARGET_MIB = 300
STARLINT = [sys.executable, "-m", "starlint"]


@dataclass
class Outcome:
    seconds: float
    peak_mib: float
    code: int | None  # None: killed at the timeout
    stdout: bytes
    stderr: bytes
    note: str = ""


def _run(args: list[str], cwd: Path, timeout: float, stdin=None, shell: str | None = None,
         after_start=None) -> Outcome:
    """One fresh process; `after_start(proc)` may act on it while it runs (send a signal)."""
    command = ["sh", "-c", shell] if shell else STARLINT + args
    start = time.perf_counter()
    proc = subprocess.Popen(command, cwd=cwd, stdin=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True,  # SIGINT as at a terminal, even when run in the background
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    note = after_start(proc) if after_start else ""
    try:
        out, err = proc.communicate(timeout=timeout)
        code = proc.returncode
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        code = None
    seconds = time.perf_counter() - start
    peak = resource_peak_mib()
    if isinstance(note, tuple):
        seconds, note = note
    return Outcome(seconds, peak, code, out, err, note)



def resource_peak_mib() -> float:
    """Peak RSS of the process just waited for (and its workers): RUSAGE_CHILDREN keeps the
    largest ever seen, so each case runs in a forked child of its own (see `isolated`)."""
    import resource

    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def isolated(case, *args) -> tuple[str, Outcome]:
    """Run a case in a forked process so that its RUSAGE_CHILDREN peak is its own."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        try:
            verdict, outcome = case(*args)
            payload = json.dumps({"verdict": verdict, "seconds": outcome.seconds, "peak": outcome.peak_mib,
                                  "code": outcome.code, "note": outcome.note,
                                  "stderr": outcome.stderr.decode("utf-8", "replace")[-300:]})
        except Exception as exc:  # noqa: BLE001 - a broken case is reported, not fatal
            payload = json.dumps({"verdict": f"FAIL (case error: {exc})", "seconds": 0, "peak": 0,
                                  "code": None, "note": "", "stderr": ""})
        with os.fdopen(write, "w") as handle:
            handle.write(payload)
        os._exit(0)
    os.close(write)
    with os.fdopen(read) as handle:
        data = json.loads(handle.read() or "{}")
    os.waitpid(pid, 0)
    outcome = Outcome(data["seconds"], data["peak"], data["code"], b"", data["stderr"].encode(), data["note"])
    return data["verdict"], outcome


def _one_line(err: bytes) -> bool:
    text = err.decode("utf-8", "replace")
    return text.count("\n") == 1 and "Traceback" not in text


def judge(outcome: Outcome, codes: tuple[int, ...], one_line: bool = True, extra: bool = True) -> str:
    if outcome.code is None:
        return "FAIL (hung: killed at the timeout)"
    if b"Traceback" in outcome.stderr or b"internal error" in outcome.stderr:
        return "FAIL (traceback or internal error)"
    if outcome.code not in codes:
        return f"FAIL (exit {outcome.code}, expected {'/'.join(map(str, codes))})"
    if one_line and not _one_line(outcome.stderr):
        return "FAIL (standard error is not one line)"
    if not extra:
        return "FAIL (output)"
    if outcome.peak_mib >= MEMORY_TARGET_MIB:
        return f"FAIL (peak {outcome.peak_mib:.0f} MiB >= {MEMORY_TARGET_MIB})"
    return "ok"


# The cases -----------------------------------------------------------------------------------

def case_fifo_named(tmp: Path, timeout: float):
    os.mkfifo(tmp / "answer.md")
    outcome = _run(["answer.md"], tmp, timeout)
    return judge(outcome, (2,)), outcome


def case_fifo_in_folder(tmp: Path, timeout: float):
    (tmp / "stories").mkdir()
    (tmp / "stories" / "a.md").write_bytes(ANSWER)
    os.mkfifo(tmp / "stories" / "b.md")
    outcome = _run(["stories"], tmp, timeout)
    return judge(outcome, (1,), extra=b"(1 file)" in outcome.stdout), outcome


def _signal_case(tmp: Path, timeout: float, signum: int, to_group: bool, code: int):
    (tmp / "many").mkdir()
    for i in range(300):
        shutil.copy(BANK, tmp / "many" / f"bank{i:03d}.md")

    def interrupt(proc):
        deadline = time.monotonic() + timeout
        while len(group_processes(proc.pid)) < 5 and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.05)
        time.sleep(0.5)
        sent = time.perf_counter()
        (os.killpg if to_group else os.kill)(proc.pid, signum)
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            pass
        took = time.perf_counter() - sent
        time.sleep(0.3)
        left = group_processes(proc.pid)
        return took, f"ended {took:.2f} s after the signal; {len(left)} process(es) left"

    outcome = _run(["-j", "4", "many"], tmp, timeout, after_start=interrupt)
    fine = "0 process(es) left" in outcome.note and outcome.seconds < 2.0
    return judge(outcome, (code,), extra=fine), outcome


def case_sigint_group(tmp: Path, timeout: float):
    return _signal_case(tmp, timeout, signal.SIGINT, True, 130)


def case_sigterm_main(tmp: Path, timeout: float):
    return _signal_case(tmp, timeout, signal.SIGTERM, False, 143)


def _user_rule(tmp: Path, body: str) -> None:
    (tmp / "rules").mkdir()
    (tmp / "rules" / "mine.yaml").write_text(
        "name: mine\nseverity: warning\npart: answer\nkind: existence\nmessage: m\n" + body, encoding="utf-8")
    (tmp / ".starlint.yaml").write_text("extra-rules: [rules/]\n", encoding="utf-8")
    (tmp / ".git").mkdir()


def case_token_pattern_regex(tmp: Path, timeout: float):
    _user_rule(tmp, 'patterns: [[{"TEXT": {"REGEX": "^(a+)+$"}}]]\n')
    (tmp / "a.md").write_text(f"**Situation:** I saw {'a' * 50000}b.\n\n**Result:** I cut it by 5%.\n")
    outcome = _run(["a.md"], tmp, timeout)
    return judge(outcome, (0, 1), one_line=False), outcome


def _laughs(levels: int) -> str:
    names = "abcdefghijklmnop"
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"{names[i]}: &{names[i]} [" + ", ".join([f"*{names[i - 1]}"] * 9) + "]" for i in range(1, levels)]
    return "\n".join(lines) + "\n"


def case_alias_bomb_rule(tmp: Path, timeout: float):
    (tmp / "rules").mkdir()
    (tmp / "rules" / "bomb.yaml").write_text(_laughs(10))
    (tmp / ".starlint.yaml").write_text("extra-rules: [rules/]\n")
    (tmp / ".git").mkdir()
    (tmp / "a.md").write_bytes(ANSWER)
    outcome = _run(["a.md"], tmp, timeout)
    return judge(outcome, (2,)), outcome


def case_alias_bomb_config(tmp: Path, timeout: float):
    (tmp / ".starlint.yaml").write_text(_laughs(10))
    (tmp / ".git").mkdir()
    (tmp / "a.md").write_bytes(ANSWER)
    outcome = _run(["a.md"], tmp, timeout)
    return judge(outcome, (2,)), outcome


def case_alias_bomb_front_matter(tmp: Path, timeout: float):
    (tmp / "a.md").write_bytes(b"---\n" + _laughs(10).encode() + b"---\n" + ANSWER)
    outcome = _run(["a.md"], tmp, timeout)
    return judge(outcome, (1,)), outcome


def case_paragraph_over_a_million(tmp: Path, timeout: float):
    (tmp / "files").mkdir()
    (tmp / "files" / "big.md").write_text("**Situation:** " + "word " * 300_000 + "\n")
    (tmp / "files" / "small.md").write_bytes(ANSWER)
    outcome = _run(["--format", "json", "files"], tmp, timeout)
    try:
        answers = len(json.loads(outcome.stdout)["answers"])
    except ValueError:
        answers = -1
    outcome.note = f"{answers} answers reported (2 expected)"
    return judge(outcome, (1,), one_line=False, extra=answers == 2), outcome


def case_endless_stdin(tmp: Path, timeout: float):
    yes = subprocess.Popen(["yes", "I did it"], stdout=subprocess.PIPE)
    try:
        outcome = _run(["-"], tmp, timeout, stdin=yes.stdout)
    finally:
        yes.kill()
        yes.wait()
    return judge(outcome, (2,)), outcome


def case_stdin_twice(tmp: Path, timeout: float):
    (tmp / "a.md").write_bytes(ANSWER)
    with open(tmp / "a.md", "rb") as handle:
        outcome = _run(["--format", "json", "-", "-"], tmp, timeout, stdin=handle)
    answers = len(json.loads(outcome.stdout)["answers"]) if outcome.stdout else -1
    return judge(outcome, (1,), one_line=False, extra=answers == 1), outcome


def case_closed_stdout(tmp: Path, timeout: float):
    (tmp / "a.md").write_bytes(ANSWER)
    outcome = _run([], tmp, timeout, shell=f"'{sys.executable}' -m starlint a.md >&-")
    return judge(outcome, (2,)), outcome


def case_full_disk(tmp: Path, timeout: float):
    (tmp / "a.md").write_bytes(ANSWER)
    outcome = _run([], tmp, timeout, shell=f"'{sys.executable}' -m starlint --format json a.md > /dev/full")
    return judge(outcome, (2,)), outcome


def case_odd_names(tmp: Path, timeout: float):
    folder = os.path.join(os.fsencode(tmp), b"odd")
    os.mkdir(folder)
    for name in (b"bad\xff name.md", b"new\nline #%:.md"):
        with open(os.path.join(folder, name), "wb") as handle:
            handle.write(ANSWER)
    (tmp / "plain.md").write_bytes(ANSWER)
    findings = len(_run(["plain.md"], tmp, timeout).stdout.decode().splitlines()) - 1
    worst = 0.0
    problems = []
    total = 0.0
    for fmt in ("text", "json", "sarif", "github"):
        outcome = _run(["--format", fmt, "odd"], tmp, timeout)
        total += outcome.seconds
        worst = max(worst, outcome.peak_mib)
        try:
            text = outcome.stdout.decode("utf-8")
            if fmt in ("json", "sarif"):
                json.loads(text)
            elif fmt == "text" and len(text.splitlines()) != 2 * findings + 1:
                problems.append(f"{fmt}: {len(text.splitlines())} lines, {2 * findings + 1} expected")
        except ValueError as exc:
            problems.append(f"{fmt}: {exc}")
    outcome.seconds, outcome.peak_mib, outcome.note = total, worst, "; ".join(problems) or "4 formats parse"
    return judge(outcome, (1,), one_line=False, extra=not problems), outcome


def case_utf16_without_bom(tmp: Path, timeout: float):
    (tmp / "a.md").write_bytes(ANSWER.decode().encode("utf-16-le"))
    outcome = _run(["a.md"], tmp, timeout)
    return judge(outcome, (2,), extra=b"UTF-16LE" in outcome.stderr), outcome


def case_two_mib_and_a_byte(tmp: Path, timeout: float):
    (tmp / "a.md").write_bytes(b"w" * (2 * 1024 * 1024 + 1))
    outcome = _run(["a.md"], tmp, timeout)
    return judge(outcome, (2,), extra=b"2 MiB + 1 byte" in outcome.stderr), outcome


def case_50000_answers_one_file(tmp: Path, timeout: float):
    (tmp / "a.md").write_text("".join(f"## Q{i}\nS: a.\nT: b.\nA: I c.\nR: 5.\n" for i in range(50_000)))
    outcome = _run(["--format", "json", "a.md"], tmp, timeout)
    outcome.note = f"{(tmp / 'a.md').stat().st_size / 1e6:.2f} MB"
    return judge(outcome, (0, 1), one_line=False), outcome


def case_100000_tiny_files(tmp: Path, timeout: float):
    (tmp / "tiny").mkdir()
    for i in range(100_000):
        (tmp / "tiny" / f"t{i:06d}.md").write_text("## Q\nS: a.\nT: b.\nA: I c.\nR: 5.\n")
    outcome = _run(["--format", "json", "tiny"], tmp, timeout)
    return judge(outcome, (0, 1), one_line=False), outcome


CASES = [(name[len("case_"):].replace("_", "-"), func) for name, func in sorted(globals().items())
         if name.startswith("case_")]
LARGE = {"50000-answers-one-file", "100000-tiny-files"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="leave out the two largest cases")
    parser.add_argument("--timeout", type=float, default=300, help="seconds before a case counts as hung")
    parser.add_argument("--only", default="", help="comma-separated case names")
    args = parser.parse_args()
    chosen = [c for c in CASES if (not args.quick or c[0] not in LARGE)
              and (not args.only or c[0] in args.only.split(","))]
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores; memory target < {MEMORY_TARGET_MIB} MiB a process")
    print(f"{'case':<28} {'time':>8} {'peak':>9} {'exit':>5}  verdict")
    failures = 0
    for name, case in chosen:
        with tempfile.TemporaryDirectory() as tmp:
            verdict, outcome = isolated(case, Path(tmp), args.timeout)
        code = "-" if outcome.code is None else str(outcome.code)
        line = f"{name:<28} {outcome.seconds:7.2f}s {outcome.peak_mib:6.0f} MiB {code:>5}  {verdict}"
        print(line + (f"  ({outcome.note})" if outcome.note else ""), flush=True)
        failures += verdict != "ok"
    print(f"{len(chosen) - failures} of {len(chosen)} cases ok")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
