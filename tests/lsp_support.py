"""Helpers for the editor-server tests: a pytest-lsp client that records every
publishDiagnostics with its version, and text edits applied as an editor applies them
(UTF-16 positions, counted here independently of the server's own conversion)."""

from __future__ import annotations

import asyncio
import contextlib
import sys
from pathlib import Path

from lsprotocol import types
from pygls.protocol import default_converter
from pytest_lsp import ClientServerConfig, LanguageClient
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

SERVER = [sys.executable, "-m", "starlint", "lsp"]
FAULTY_SERVER = [sys.executable, str(Path(__file__).with_name("lsp_faulty_server.py"))]


def make_client() -> LanguageClient:
    client = LanguageClient(converter_factory=default_converter)
    client.published = []  # every PublishDiagnosticsParams, in order
    client.registrations = []

    def publish(ls: LanguageClient, params: types.PublishDiagnosticsParams) -> None:
        ls.diagnostics[params.uri] = params.diagnostics
        ls.published.append(params)

    def register(ls: LanguageClient, params: types.RegistrationParams) -> None:
        ls.registrations.append(params)

    features = dict(DEFAULT_CLIENT_FEATURES)
    features[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = publish
    features[types.CLIENT_REGISTER_CAPABILITY] = register
    register_lsp_features(client, features)
    return client


async def published(client: LanguageClient, uri: str, version: int | None = None, after: int = 0,
                    timeout: float = 30.0) -> types.PublishDiagnosticsParams:
    """The first publishDiagnostics for `uri` (of `version`, if given) after the `after`-th."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        for params in client.published[after:]:
            if params.uri == uri and (version is None or params.version == version):
                return params
        if loop.time() > deadline:
            raise AssertionError(f"no diagnostics for {uri} version {version} in {timeout} s")
        await asyncio.sleep(0.01)


def open_document(client: LanguageClient, uri: str, text: str, version: int = 1, language: str = "markdown") -> None:
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id=language, version=version, text=text)))


def utf16(line: str, column: int) -> int:
    """Code points [0, column) of `line` as UTF-16 code units."""
    return len(line[:column].encode("utf-16-le")) // 2


def offset(text: str, position: types.Position) -> int:
    """A UTF-16 Position -> an index into `text` (lines end at \\n here)."""
    lines = text.split("\n")
    start = sum(len(line) + 1 for line in lines[: position.line])
    units = lines[position.line].encode("utf-16-le")[: position.character * 2]
    return start + len(units.decode("utf-16-le"))


def apply_edits(text: str, edits: list[types.TextEdit]) -> str:
    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        text = text[: offset(text, edit.range.start)] + edit.new_text + text[offset(text, edit.range.end):]
    return text


def covered(text: str, rng: types.Range) -> str:
    return text[offset(text, rng.start): offset(text, rng.end)]


def change(client: LanguageClient, uri: str, version: int, text: str, start: tuple[int, int],
           end: tuple[int, int], new_text: str) -> None:
    """An incremental change, as an editor sends one keystroke or paste."""
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
        content_changes=[types.TextDocumentContentChangePartial(
            range=types.Range(start=types.Position(line=start[0], character=start[1]),
                              end=types.Position(line=end[0], character=end[1])),
            text=new_text)]))


@contextlib.asynccontextmanager
async def started(command: list[str]):
    """A client and a fresh server of its own, shut down (or, after a failure, killed) at the end."""
    client = await ClientServerConfig(server_command=command, client_factory=make_client).start()
    try:
        yield client
        await asyncio.wait_for(client.shutdown_session(), 30)
    finally:
        server = getattr(client, "_server", None)
        if server is not None and server.returncode is None:
            server.kill()
        await client.stop()
