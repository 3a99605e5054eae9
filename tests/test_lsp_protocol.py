"""`starlint lsp` at the wire: framed JSON-RPC written by hand, for what a client library
would not send: a request whose params do not fit gets an error (not silence), an unknown
method gets "method not found", and the exit code follows the shutdown handshake."""

from __future__ import annotations

import json
import subprocess
import sys


def frame(message: dict) -> bytes:
    body = json.dumps(message).encode("utf-8")
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def responses(stdout: bytes) -> dict:
    out, rest = {}, stdout
    while rest:
        head, _, rest = rest.partition(b"\r\n\r\n")
        length = next(int(line.split(b":")[1]) for line in head.split(b"\r\n")
                      if line.lower().startswith(b"content-length"))
        message, rest = json.loads(rest[:length]), rest[length:]
        if "id" in message and "method" not in message:
            out[message["id"]] = message
    return out


def exchange(*messages: dict) -> tuple[dict, int]:
    result = subprocess.run([sys.executable, "-m", "starlint", "lsp"], input=b"".join(map(frame, messages)),
                            capture_output=True, timeout=60)
    return responses(result.stdout), result.returncode


def test_bad_params_and_unknown_methods_get_errors_and_shutdown_exits_0():
    got, code = exchange(
        {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"processId": None, "rootUri": None,
                                                                      "capabilities": {}}},
        {"jsonrpc": "2.0", "method": "initialized", "params": {}},
        {"jsonrpc": "2.0", "id": 2, "method": "textDocument/hover", "params": {"textDocument": {}}},
        {"jsonrpc": "2.0", "id": 3, "method": "starlint/unknown", "params": {}},
        {"jsonrpc": "2.0", "id": 4, "method": "shutdown"},
        {"jsonrpc": "2.0", "method": "exit"},
    )
    assert got[1]["result"]["capabilities"]["positionEncoding"] == "utf-16"
    assert got[2]["error"]["code"] == -32602
    assert got[3]["error"]["code"] == -32601
    assert got[4]["result"] is None
    assert code == 0


def test_exit_without_shutdown_exits_1():
    got, code = exchange(
        {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"processId": None, "rootUri": None,
                                                                      "capabilities": {}}},
        {"jsonrpc": "2.0", "method": "exit"},
    )
    assert 1 in got and code == 1


def test_notifications_leave_no_futures_behind():
    """pygls 2.1 keeps the future of each generator-handled notification (didOpen, didChange,
    didClose) under an id nothing removes; the server drops them (memory flat while typing)."""
    from concurrent.futures import ThreadPoolExecutor

    from starlint.server.app import build_server

    server = build_server(ThreadPoolExecutor(max_workers=1))
    protocol = server.protocol
    uri = "file:///tmp/not-linted.py"  # not a language starlint lints: no lint is started
    notes = [{"method": "textDocument/didOpen", "params": {"textDocument": {
        "uri": uri, "languageId": "python", "version": 1, "text": "x = 1\n"}}}]
    notes += [{"method": "textDocument/didChange", "params": {"textDocument": {"uri": uri, "version": n},
               "contentChanges": [{"text": f"x = {n}\n"}]}} for n in range(2, 50)]
    notes += [{"method": "textDocument/didClose", "params": {"textDocument": {"uri": uri}}}]
    for note in notes:
        protocol.handle_message(protocol.structure_message({"jsonrpc": "2.0", **note}))
    assert protocol._request_futures == {}
