"""`starlint lsp`: the Language Server. A thin layer on pygls: it keeps the editor's text,
converts positions and requests, and hands the text to the same engine as the CLI
(`DocumentLinter`, which redoes only the answers an edit touched).

Linting runs on one worker thread, so the protocol keeps reading while a lint runs; changes
that arrive meanwhile are linted once, at their latest version, as soon as it ends (no fixed
debounce delay: an idle server lints a change at once).
"""

from __future__ import annotations

import asyncio
import logging
import os
import traceback
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from lsprotocol import types
from pygls.exceptions import JsonRpcException
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol
from pygls.uris import from_fs_path, to_fs_path

from .. import __version__
from ..explain import explain_text
from ..fixes import Edit, edits_for
from ..incremental import DocumentLinter, LintResult
from ..lint import LINTABLE_SUFFIXES
from ..model import Diagnostic
from ..reading.decode import ReadError
from ..ruleset import Rule
from .documents import Document
from .positions import UTF8, UTF16, UTF32, from_client, to_client
from .projects import Projects, Rules

logger = logging.getLogger("starlint.server")

SOURCE = "starlint"
LANGUAGES = {"markdown", "plaintext", "text", "txt"}
SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}
#: Files whose change may change a document's rules (config files, user rule files).
WATCHED = ("**/.starlint.yaml", "**/.starlint.yml", "**/pyproject.toml", "**/*.yaml", "**/*.yml")
_ENCODINGS = {types.PositionEncodingKind.Utf8: UTF8, types.PositionEncodingKind.Utf16: UTF16,
              types.PositionEncodingKind.Utf32: UTF32}


@dataclass
class Outcome:
    """What one lint produced, as plain data for the protocol thread."""

    result: LintResult | None = None
    rules: dict[str, Rule] = field(default_factory=dict)
    problem: str | None = None  # one diagnostic instead of the lint's: why there is none
    code: str = ""
    detail: str = ""  # for the log: the traceback of an internal error
    generation: int = 0


@dataclass
class OpenDocument:
    document: Document
    linter: DocumentLinter | None = None
    rules_key: tuple | None = None
    outcome: Outcome | None = None
    outcome_version: int | None = None
    bom: bool = False  # the linted text began with a BOM: the reader drops it from line 1
    dirty: bool = False
    running: bool = False
    generation: int = 0


class StarlintProtocol(LanguageServerProtocol):
    """pygls drops a request whose params do not fit the protocol's types (it logs and sends
    nothing); answer it with the error instead, so no client waits for ever."""

    def structure_message(self, data: dict):
        try:
            return super().structure_message(data)
        except JsonRpcException as exc:
            if "id" in data and "method" in data:
                self._send_response(data["id"], error=exc.to_response_error())
            raise

    def _handle_notification(self, method_name: str, params) -> None:
        """pygls 2.1 files the future of a notification handled by a generator (its own
        didOpen/didChange/didClose) or a coroutine under a fresh id that nothing removes:
        a Future and a lock per keystroke, kept for the server's life. Drop them once done."""
        before = set(self._request_futures)
        super()._handle_notification(method_name, params)
        for msg_id in set(self._request_futures) - before:
            future = self._request_futures[msg_id]
            if future.done():
                del self._request_futures[msg_id]
            else:
                future.add_done_callback(lambda _, msg_id=msg_id: self._request_futures.pop(msg_id, None))


class StarlintServer(LanguageServer):
    def __init__(self, linting: ThreadPoolExecutor) -> None:
        super().__init__("starlint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental,
                         protocol_cls=StarlintProtocol)
        self.open: dict[str, OpenDocument] = {}
        self.projects = Projects()
        # one thread lints, so the engine's caches and spaCy are only ever used from it
        self.linting = linting
        self.root: str | None = None
        self.shown_problems: set[str] = set()

    # --- positions -----------------------------------------------------------------------

    @property
    def encoding(self) -> str:
        return _ENCODINGS.get(self.workspace.position_encoding, UTF16)

    def _position(self, lines: list[str], line: int, column: int, bom: bool) -> types.Position:
        """A 1-based line and code point column of starlint's -> an LSP Position."""
        line0 = max(0, line - 1)
        if line0 >= len(lines):  # past the end: the end of the last line
            line0, column = len(lines) - 1, len(lines[-1]) + 1
        units = to_client(lines[line0], max(0, column - 1), self.encoding)
        if bom and line0 == 0:
            units += 1 if self.encoding != UTF8 else 3
        return types.Position(line=line0, character=units)

    def _range(self, lines: list[str], d: Diagnostic | Edit, bom: bool) -> types.Range:
        return types.Range(start=self._position(lines, d.line, d.column, bom),
                           end=self._position(lines, d.end_line, d.end_column, bom))

    def _column(self, state: OpenDocument, position: types.Position) -> tuple[int, int]:
        """An LSP Position -> 1-based line and code point column of starlint's."""
        lines = state.document.lines
        if position.line >= len(lines):
            return position.line + 1, 1
        text = lines[position.line]
        units = position.character
        if state.bom and position.line == 0:
            text = text[1:] if text.startswith("\ufeff") else text
            units = max(0, units - (1 if self.encoding != UTF8 else 3))
        return position.line + 1, from_client(text, units, self.encoding) + 1

    # --- diagnostics ---------------------------------------------------------------------

    def _lsp_diagnostic(self, d: Diagnostic, lines: list[str], bom: bool, rules: dict[str, Rule]) -> types.Diagnostic:
        rule = rules.get(d.rule)
        description = None
        if rule is not None and rule.path:
            description = types.CodeDescription(href=from_fs_path(os.path.abspath(rule.path)))
        return types.Diagnostic(
            range=self._range(lines, d, bom),
            message=d.message,
            severity=SEVERITY.get(d.severity, types.DiagnosticSeverity.Information),
            code=d.rule,
            code_description=description,
            source=SOURCE,
            data={"rule": d.rule, "part": d.part, "answer": d.answer},
        )

    def _problem_diagnostic(self, outcome: Outcome) -> types.Diagnostic:
        start = types.Position(line=0, character=0)
        return types.Diagnostic(range=types.Range(start=start, end=start), message=outcome.problem,
                                severity=types.DiagnosticSeverity.Error, code=outcome.code, source=SOURCE)

    def publish(self, uri: str, state: OpenDocument, outcome: Outcome, version: int | None) -> None:
        state.outcome, state.outcome_version = outcome, version
        if outcome.problem is not None:
            diagnostics = [self._problem_diagnostic(outcome)]
        else:
            result = outcome.result
            diagnostics = [self._lsp_diagnostic(d, result.lines, state.bom, outcome.rules) for d in result.diagnostics]
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=version))

    def clear(self, uri: str) -> None:
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    # --- linting -------------------------------------------------------------------------

    def _folder(self, document: Document) -> str:
        if document.path:
            return os.path.dirname(os.path.abspath(document.path))
        return self.root or os.getcwd()

    def _lint_job(self, state: OpenDocument, text: str) -> Outcome:
        """On the lint thread: the rules for the document, then the lint. Never raises."""
        document = state.document
        label = document.path or document.uri
        try:
            rules: Rules = self.projects.rules_for(self._folder(document))
            if rules.problem is not None:
                state.linter, state.rules_key = None, None
                return Outcome(problem=f"starlint: config error: {rules.problem}", code="config-error")
            if state.linter is None or state.rules_key != rules.key:
                state.linter, state.rules_key = DocumentLinter(rules.rules, label), rules.key
            result = state.linter.lint(text)
            state.generation += 1
            return Outcome(result=result, rules={r.name: r for r in rules.rules}, generation=state.generation)
        except ReadError as exc:
            return Outcome(problem=f"starlint: cannot lint this document: {exc}", code="unreadable")
        except Exception as exc:  # noqa: BLE001 - a bug in a rule must not end the server
            state.linter = None  # its caches may be half-updated: start afresh next time
            detail = f"starlint: lint of {document.uri} failed:\n{traceback.format_exc()}"
            logger.error("%s", detail)
            return Outcome(problem=f"starlint: internal error while linting ({type(exc).__name__}: {exc}); "
                                   "see the server log", code="internal-error", detail=detail)

    def request_lint(self, uri: str) -> None:
        state = self.open.get(uri)
        if state is None:
            return
        state.dirty = True
        if not state.running:
            state.running = True
            asyncio.get_running_loop().create_task(self._lint_loop(uri, state))

    async def _lint_loop(self, uri: str, state: OpenDocument) -> None:
        loop = asyncio.get_running_loop()
        try:
            while state.dirty and self.open.get(uri) is state:
                state.dirty = False
                text, version = state.document.text, state.document.version
                state.bom = text.startswith("\ufeff")
                outcome = await loop.run_in_executor(self.linting, self._lint_job, state, text)
                if self.open.get(uri) is not state:
                    return  # closed meanwhile: its diagnostics were cleared
                if state.dirty:
                    continue  # newer text arrived during the lint: lint that, publish once
                if outcome.detail:
                    self.window_log_message(types.LogMessageParams(type=types.MessageType.Error,
                                                                   message=outcome.detail))
                self.publish(uri, state, outcome, version)
                if outcome.code == "config-error" and outcome.problem not in self.shown_problems:
                    self.shown_problems.add(outcome.problem)
                    self.window_show_message(types.ShowMessageParams(type=types.MessageType.Error,
                                                                     message=outcome.problem))
        except Exception:  # noqa: BLE001
            logger.error("publishing diagnostics for %s failed:\n%s", uri, traceback.format_exc())
        finally:
            state.running = False

    def relint_all(self) -> None:
        # on the lint thread, which alone reads the config cache; the lints queue after it
        self.linting.submit(self.projects.invalidate)
        self.shown_problems.clear()
        for uri in list(self.open):
            self.request_lint(uri)

    # --- requests ------------------------------------------------------------------------

    def fresh(self, uri: str) -> OpenDocument | None:
        """The document's state if its latest lint is of its current text."""
        state = self.open.get(uri)
        if state is None or state.outcome is None or state.outcome.result is None:
            return None
        if state.outcome_version != state.document.version or state.dirty:
            return None
        return state

    def diagnostics_at(self, state: OpenDocument, line: int, column: int) -> list[Diagnostic]:
        def inside(d: Diagnostic) -> bool:
            return (d.line, d.column) <= (line, column) and (
                (line, column) < (d.end_line, d.end_column) or (d.line, d.column) == (line, column))

        return [d for d in state.outcome.result.diagnostics if inside(d)]


def _language_ok(document: Document) -> bool:
    if document.language_id.lower() in LANGUAGES:
        return True
    return (document.path or document.uri).lower().endswith(LINTABLE_SUFFIXES)


def _supports_markdown(server: StarlintServer) -> bool:
    hover = getattr(getattr(server.client_capabilities, "text_document", None), "hover", None)
    formats = getattr(hover, "content_format", None) or []
    return types.MarkupKind.Markdown in formats


def build_server(linting: ThreadPoolExecutor | None = None) -> StarlintServer:
    server = StarlintServer(linting or ThreadPoolExecutor(max_workers=1, thread_name_prefix="starlint-lint"))

    @server.feature(types.INITIALIZE)
    def initialize(ls: StarlintServer, params: types.InitializeParams) -> None:
        folders = params.workspace_folders or []
        uri = folders[0].uri if folders else params.root_uri
        ls.root = to_fs_path(uri) if uri else params.root_path
        if params.initialization_options:
            logger.info("ignoring initialization options (starlint reads its config files): %r",
                        params.initialization_options)

    @server.feature(types.INITIALIZED)
    async def initialized(ls: StarlintServer, params: types.InitializedParams) -> None:
        watch = getattr(getattr(ls.client_capabilities.workspace, "did_change_watched_files", None),
                        "dynamic_registration", False) if ls.client_capabilities.workspace else False
        if not watch:
            return
        options = types.DidChangeWatchedFilesRegistrationOptions(
            watchers=[types.FileSystemWatcher(glob_pattern=g) for g in WATCHED])
        try:
            await ls.client_register_capability_async(types.RegistrationParams(registrations=[
                types.Registration(id="starlint-config-files", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                                   register_options=options)]))
        except Exception as exc:  # noqa: BLE001 - watching is a convenience; mtimes are checked anyway
            logger.info("client did not accept file watchers: %s", exc)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: StarlintServer, params: types.DidOpenTextDocumentParams) -> None:
        item = params.text_document
        path = to_fs_path(item.uri) if item.uri.startswith("file:") else None
        document = Document(item.uri, item.text, item.version, item.language_id or "", path)
        if not _language_ok(document):
            return
        ls.open[item.uri] = OpenDocument(document)
        ls.request_lint(item.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: StarlintServer, params: types.DidChangeTextDocumentParams) -> None:
        state = ls.open.get(params.text_document.uri)
        if state is None:
            return
        for change in params.content_changes:
            if isinstance(change, types.TextDocumentContentChangePartial):
                r = change.range
                state.document.replace((r.start.line, r.start.character), (r.end.line, r.end.character),
                                       change.text, ls.encoding)
            else:
                state.document.set_text(change.text)
        state.document.version = params.text_document.version
        ls.request_lint(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: StarlintServer, params: types.DidSaveTextDocumentParams) -> None:
        uri = params.text_document.uri
        if uri.lower().endswith((".yaml", ".yml", ".toml")):
            ls.relint_all()  # a config or rule file saved in the editor
        elif uri in ls.open:
            ls.request_lint(uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: StarlintServer, params: types.DidCloseTextDocumentParams) -> None:
        if ls.open.pop(params.text_document.uri, None) is not None:
            ls.clear(params.text_document.uri)

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched_files(ls: StarlintServer, params: types.DidChangeWatchedFilesParams) -> None:
        ls.relint_all()

    @server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
    def configuration(ls: StarlintServer, params: types.DidChangeConfigurationParams) -> None:
        logger.info("ignoring client settings (starlint reads its config files): %r", params.settings)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: StarlintServer, params: types.HoverParams) -> types.Hover | None:
        state = ls.fresh(params.text_document.uri)
        if state is None:
            return None
        line, column = ls._column(state, params.position)
        found = ls.diagnostics_at(state, line, column)
        docs = []
        for name in dict.fromkeys(d.rule for d in found):
            rule = state.outcome.rules.get(name)
            if rule is not None:
                docs.append(explain_text(rule))
        if not docs:
            return None
        if _supports_markdown(ls):
            contents = types.MarkupContent(kind=types.MarkupKind.Markdown,
                                           value="\n---\n".join(f"```text\n{doc}```" for doc in docs))
        else:
            contents = types.MarkupContent(kind=types.MarkupKind.PlainText, value="\n".join(docs))
        return types.Hover(contents=contents, range=ls._range(state.outcome.result.lines, found[0], state.bom))

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]))
    async def code_action(ls: StarlintServer, params: types.CodeActionParams) -> list[types.CodeAction] | None:
        uri = params.text_document.uri
        state = ls.fresh(uri)
        if state is None or state.linter is None:
            return None
        if params.context.only and not any(k.startswith(types.CodeActionKind.QuickFix) for k in params.context.only):
            return None
        outcome = state.outcome
        first = params.range.start.line + 1
        last = params.range.end.line + 1
        chosen = [d for d in outcome.result.diagnostics if d.line <= last and d.end_line >= first]
        if not chosen:
            return []
        linter = state.linter
        outlines = await asyncio.get_running_loop().run_in_executor(
            ls.linting, lambda: (state.generation, linter.outlines()))
        if outlines[0] != outcome.generation or ls.fresh(uri) is not state:
            return None  # linted again meanwhile: the client will ask again
        lines = outcome.result.lines
        eol = "\r\n" if "\r\n" in state.document.text else "\n"
        actions = []
        for d in chosen:
            lsp_diagnostic = ls._lsp_diagnostic(d, lines, state.bom, outcome.rules)
            rule = outcome.rules.get(d.rule)
            for edit in edits_for(d, rule.kind if rule else None, lines, outlines[1]):
                text_edit = types.TextEdit(range=ls._range(lines, edit, state.bom),
                                           new_text=edit.text.replace("\n", eol))
                actions.append(types.CodeAction(
                    title=edit.title, kind=types.CodeActionKind.QuickFix, diagnostics=[lsp_diagnostic],
                    is_preferred=edit.title.startswith(("Insert", "Remove")) or None,
                    edit=types.WorkspaceEdit(changes={uri: [text_edit]})))
        return actions

    return server


def run(linting: ThreadPoolExecutor) -> int:
    """Serve over stdin/stdout until the client says exit; the exit code is 0 after a
    `shutdown` request, 1 without one (as the protocol asks)."""
    import sys

    logging.basicConfig(level=logging.WARNING, stream=sys.stderr, format="starlint lsp: %(levelname)s %(message)s")
    logger.setLevel(logging.INFO)
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # a stray print from a library must not corrupt the protocol stream
    server = build_server(linting)
    server.start_io(stdin, stdout)
    return 0 if server.protocol._shutdown else 1
