"""The editor server against its targets, over the protocol, in one run:

- one-word `didChange` in the bank -> its `publishDiagnostics`: median and p95 over N edits
  (target: median <= 15 ms, p95 <= 40 ms);
- server start -> first diagnostics on the bank (target <= 1.5 s);
- resident memory after 100 edits, and whether it grows (target <= 150 MiB, flat);
- beside: the CLI's cold run on the bank, a whole in-process `lint_text` of the bank, and,
  where `node` and npm's registry are reachable, harper.js's warm lint of the same texts
  (installed into a temporary folder for this run only; nothing from npm is kept).

The client here is a minimal one of its own (standard library: pipes, a reader thread), so
the times are the server's plus one pipe round trip, not a client library's.

    python benchmarks/lsp.py [--edits 50] [--memory-edits 200] [--starts 5] [--no-harper]

On a shared machine wall times move with the load; the server's own CPU time (per edit, and
until the first diagnostics) is printed beside them.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BANK = ROOT / "corpus" / "bank1.md"
HARPER = "harper.js@2.10.0"


class Client:
    """Just enough of an LSP client: framed JSON over the server's stdin/stdout."""

    def __init__(self, command: list[str]) -> None:
        self.started = time.perf_counter()
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL, cwd=ROOT)
        self.lock = threading.Condition()
        self.responses: dict[int, dict] = {}
        self.published: list[tuple[float, dict]] = []
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        stream = self.process.stdout
        while True:
            length = 0
            while True:
                header = stream.readline()
                if not header:
                    return
                if header in (b"\r\n", b"\n"):
                    break
                if header.lower().startswith(b"content-length:"):
                    length = int(header.split(b":")[1])
            body = stream.read(length)
            at = time.perf_counter()
            message = json.loads(body)
            if "id" in message and "method" in message:  # a request from the server
                self._send({"jsonrpc": "2.0", "id": message["id"], "result": None})
                continue
            with self.lock:
                if message.get("method") == "textDocument/publishDiagnostics":
                    self.published.append((at, message["params"]))
                elif "id" in message:
                    self.responses[message["id"]] = message
                self.lock.notify_all()

    def _send(self, message: dict) -> None:
        data = json.dumps(message).encode("utf-8")
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(data) + data)
        self.process.stdin.flush()

    def notify(self, method: str, params: dict) -> float:
        at = time.perf_counter()
        self._send({"jsonrpc": "2.0", "method": method, "params": params})
        return at

    def request(self, method: str, params: dict, timeout: float = 60) -> dict:
        self.next_id += 1
        number = self.next_id
        self._send({"jsonrpc": "2.0", "id": number, "method": method, "params": params})
        with self.lock:
            if not self.lock.wait_for(lambda: number in self.responses, timeout):
                raise TimeoutError(method)
            return self.responses.pop(number)

    def diagnostics(self, uri: str, version: int, timeout: float = 60) -> tuple[float, dict]:
        def found():
            return next(((t, p) for t, p in self.published if p["uri"] == uri and p.get("version") == version), None)

        with self.lock:
            if not self.lock.wait_for(lambda: found() is not None, timeout):
                raise TimeoutError(f"diagnostics of version {version}")
            return found()

    def cpu_seconds(self) -> float:
        """User + system time the server process (all its threads) has used so far."""
        with open(f"/proc/{self.process.pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def rss_mib(self) -> float:
        with open(f"/proc/{self.process.pid}/status") as status:
            kib = next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))
        return kib / 1024

    def close(self) -> None:
        try:
            self.request("shutdown", None, timeout=10)
            self.notify("exit", None)
            self.process.wait(timeout=10)
        except Exception:  # noqa: BLE001
            self.process.kill()


def one_word_edits(text: str, count: int) -> list[tuple[int, int, str, str]]:
    """`count` one-word changes spread over the bank's answers, in turn: (line, column,
    old word, new word), each a word of a STAR line made singular/plural."""
    lines = text.split("\n")
    candidates = []
    for number, line in enumerate(lines):
        if re.match(r"(\*\*(SITUATION|TASK):\*\*|\d\. \*\*|- )", line) and number > 45:
            for match in re.finditer(r"\b[a-z]{5,}\b", line):
                candidates.append((number, match.start(), match.group(0)))
    # round-robin over lines so consecutive edits fall in different answers
    by_line: dict[int, list] = {}
    for candidate in candidates:
        by_line.setdefault(candidate[0], []).append(candidate)
    order = sorted(by_line)
    step = max(1, len(order) // 14)
    picked = []
    i = 0
    while len(picked) < count:
        row = order[(i * step + i // 14) % len(order)]
        number, column, word = by_line[row][(i // len(order)) % len(by_line[row])]
        picked.append((number, column, word, word[:-1] if word.endswith("s") else word + "s"))
        i += 1
    return picked


def utf16(line: str, column: int) -> int:
    return len(line[:column].encode("utf-16-le")) // 2


def run_server(edits: int, memory_edits: int) -> dict:
    text = BANK.read_text(encoding="utf-8")
    uri = BANK.as_uri()
    client = Client([sys.executable, "-m", "starlint", "lsp"])
    client.request("initialize", {"processId": os.getpid(), "rootUri": ROOT.as_uri(), "capabilities": {
        "general": {"positionEncodings": ["utf-16"]},
        "textDocument": {"publishDiagnostics": {"versionSupport": True}, "hover": {"contentFormat": ["markdown"]}}}})
    client.notify("initialized", {})
    opened = client.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "markdown", "version": 1, "text": text}})
    first_at, first = client.diagnostics(uri, 1)
    out = {"start_to_first": first_at - client.started, "open_to_first": first_at - opened,
           "first_count": len(first["diagnostics"]), "start_cpu": client.cpu_seconds()}
    cpu_before = client.cpu_seconds()
    latencies, rss, texts = [], {}, []
    total = max(edits, memory_edits)
    rss[0] = client.rss_mib()
    for n, (line, column, old, new) in enumerate(one_word_edits(text, total), start=1):
        lines = text.split("\n")
        current = lines[line]
        # earlier edits may have changed this line: find the word again
        column = current.find(old, max(0, column - 2)) if current[column:column + len(old)] != old else column
        if column < 0:
            old = re.search(r"[a-z]{5,}", current[20:]).group(0)
            column = current.index(old, 20)
            new = old + "s"
        start = {"line": line, "character": utf16(current, column)}
        end = {"line": line, "character": utf16(current, column + len(old))}
        lines[line] = current[:column] + new + current[column + len(old):]
        text = "\n".join(lines)
        sent = client.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": n + 1},
            "contentChanges": [{"range": {"start": start, "end": end}, "text": new}]})
        arrived, _ = client.diagnostics(uri, n + 1)
        if n <= edits:
            latencies.append(arrived - sent)
            texts.append(text)
        if n == edits:
            out["edit_cpu"] = (client.cpu_seconds() - cpu_before) / edits
        if n in (10, 50, 100, 200, 500, 1000) or n == total:
            rss[n] = client.rss_mib()
    client.close()
    out.update(latencies=latencies, rss=rss, texts=texts)
    return out


def run_starts(runs: int) -> list[tuple[float, float]]:
    """(wall, server CPU) from spawning the server to the bank's first diagnostics."""
    text = BANK.read_text(encoding="utf-8")
    out = []
    for _ in range(runs):
        client = Client([sys.executable, "-m", "starlint", "lsp"])
        client.request("initialize", {"processId": os.getpid(), "rootUri": ROOT.as_uri(), "capabilities": {}})
        client.notify("initialized", {})
        client.notify("textDocument/didOpen", {"textDocument": {
            "uri": BANK.as_uri(), "languageId": "markdown", "version": 1, "text": text}})
        at, _ = client.diagnostics(BANK.as_uri(), 1)
        out.append((at - client.started, client.cpu_seconds()))
        client.close()
    return out


def run_cli(runs: int) -> list[float]:
    command = [shutil.which("starlint") or sys.executable, str(BANK)]
    if not shutil.which("starlint"):
        command = [sys.executable, "-m", "starlint", str(BANK)]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
        times.append(time.perf_counter() - start)
    return times


def run_in_process(runs: int) -> list[float]:
    from starlint.lint import lint_text
    from starlint.ruleset import builtin_rules

    rules = list(builtin_rules())
    text = BANK.read_text(encoding="utf-8")
    lint_text(text, rules, "bank1.md")
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        lint_text(text, rules, "bank1.md")
        times.append(time.perf_counter() - start)
    return times


HARPER_SCRIPT = """
import { LocalLinter } from 'harper.js';
import { binaryInlined } from 'harper.js/binaryInlined';
import { readFileSync } from 'fs';
const texts = JSON.parse(readFileSync(process.argv[2], 'utf8'));
let t = performance.now();
const linter = new LocalLinter({ binary: binaryInlined });
await linter.setup();
const setup = performance.now() - t;
t = performance.now();
await linter.lint(texts[0], { language: 'markdown' });
const first = performance.now() - t;
const warm = [];
for (const text of texts.slice(1)) {
  t = performance.now();
  await linter.lint(text, { language: 'markdown' });
  warm.push(performance.now() - t);
}
console.log(JSON.stringify({ setup, first, warm }));
"""


def run_harper(texts: list[str]) -> dict | str:
    """harper.js's lint of the same texts, or why it could not run."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if not node or not npm:
        return "skipped: node/npm not on PATH"
    with tempfile.TemporaryDirectory(prefix="starlint-harper-") as folder:
        try:
            subprocess.run([npm, "install", "--prefix", folder, "--no-audit", "--no-fund", "--silent", HARPER],
                           check=True, capture_output=True, timeout=600)
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
            return f"skipped: `npm install {HARPER}` failed ({type(exc).__name__}; registry unreachable?)"
        script = Path(folder) / "lint.mjs"
        script.write_text(HARPER_SCRIPT, encoding="utf-8")
        data = Path(folder) / "texts.json"
        data.write_text(json.dumps(texts), encoding="utf-8")
        try:
            result = subprocess.run([node, str(script), str(data)], capture_output=True, text=True, timeout=1800,
                                    cwd=folder, check=True)
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
            return f"skipped: harper.js failed to run ({type(exc).__name__})"
        return json.loads(result.stdout.strip().splitlines()[-1])


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=50, help="one-word edits timed (default 50)")
    parser.add_argument("--memory-edits", type=int, default=200, help="edits before the last RSS reading")
    parser.add_argument("--cli-runs", type=int, default=5)
    parser.add_argument("--starts", type=int, default=5, help="server starts timed (default 5)")
    parser.add_argument("--no-harper", action="store_true", help="leave out harper.js")
    args = parser.parse_args()

    server = run_server(args.edits, max(args.memory_edits, 100))
    starts = [(server["start_to_first"], server["start_cpu"])] + run_starts(args.starts - 1)
    cli = run_cli(args.cli_runs)
    in_process = run_in_process(20)
    harper = "skipped: --no-harper" if args.no_harper else run_harper([BANK.read_text(encoding="utf-8"),
                                                                         *server["texts"]])
    ms = [t * 1000 for t in server["latencies"]]
    size = BANK.stat().st_size
    print(f"starlint lsp on {BANK.relative_to(ROOT)} ({len(BANK.read_text().splitlines())} lines, "
          f"{size / 1024:.1f} KB, {server['first_count']} diagnostics), {os.cpu_count()} cores")
    print()
    print(f"{'':42} {'median':>9} {'p95':>9}  target")
    print(f"{'one-word didChange -> diagnostics':42} {statistics.median(ms):7.1f}ms {p95(ms):7.1f}ms  "
          f"<= 15 / <= 40 ms   ({len(ms)} edits; max {max(ms):.1f} ms)")
    print(f"{'  server CPU per edit (mean)':42} {server['edit_cpu'] * 1000:7.1f}ms")
    walls = [w for w, _ in starts]
    print(f"{'server start -> first diagnostics':42} {statistics.median(walls):8.2f}s {'':9}  <= 1.5 s"
          f"   ({len(starts)} starts, {min(walls):.2f}-{max(walls):.2f} s)")
    print(f"{'  server CPU until then':42} {statistics.median(c for _, c in starts):8.2f}s")
    rss = server["rss"]
    print(f"{'resident memory after 100 edits':42} {rss[100]:6.0f}MiB {'':9}  <= 150 MiB, flat")
    print(f"{'  RSS by edits':42} " + ", ".join(f"{n}: {v:.0f}" for n, v in sorted(rss.items())) + " MiB")
    print(f"{'CLI cold run (starlint corpus/bank1.md)':42} {statistics.median(cli):8.2f}s {'':9}  "
          f"({len(cli)} runs, {min(cli):.2f}-{max(cli):.2f} s)")
    print(f"{'in-process lint_text of the whole bank':42} {statistics.median(in_process) * 1000:7.1f}ms "
          f"{p95([t * 1000 for t in in_process]):7.1f}ms")
    if isinstance(harper, dict):
        warm = harper["warm"]
        print(f"{'harper.js 2.10.0 warm lint, same texts':42} {statistics.median(warm):7.1f}ms {p95(warm):7.1f}ms"
              f"  ({len(warm)} lints; setup {harper['setup'] / 1000:.2f} s, "
              f"first lint {harper['first'] / 1000:.2f} s)")
        ratio = statistics.median(ms) / statistics.median(warm)
        print(f"{'  starlint edit median / harper.js warm median':42} {ratio:8.3f}")
    else:
        print(f"{'harper.js 2.10.0':42} {harper}")


if __name__ == "__main__":
    main()
