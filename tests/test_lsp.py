"""`starlint lsp` end to end: a real client (pytest-lsp) talks to the server, started as a
subprocess, over stdio. Every position and every edited text is checked against what the
CLI says about the same text."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from .conftest import BANK, FIXTURES, cli_json, run_cli
from .lsp_support import (FAULTY_SERVER, SERVER, apply_edits, change, covered, make_client, open_document,
                          published, started, utf16)

pytestmark = pytest.mark.asyncio(loop_scope="module")

BANK_TEXT = BANK.read_text(encoding="utf-8")
#: the bank with one "we" where the speaker acted: a we-instead-of-i finding on line 57
WE_LINE = "1. **Immediate:** Restarted the job manually to restore dashboard"
BANK_WE = BANK_TEXT.replace(WE_LINE, "1. **Immediate:** We restarted the job manually to restore dashboard")


@pytest_lsp.fixture(scope="module", config=ClientServerConfig(server_command=SERVER, client_factory=make_client))
async def client(lsp_client: LanguageClient):
    result = await lsp_client.initialize_session(types.InitializeParams(
        capabilities=client_capabilities("visual-studio-code"),
        root_uri=BANK.parent.parent.as_uri(),
        # settings starlint does not know: ignored, not an error
        initialization_options={"starlint": {"colour": "blue"}, "unknown": [1, 2]}))
    lsp_client.init_result = result
    yield
    await lsp_client.shutdown_session()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A folder that is a repository root, so config lookup stops there."""
    (tmp_path / ".git").mkdir()
    return tmp_path


def cli_diagnostics(path: Path) -> list[dict]:
    _, data = cli_json(str(path))
    return data["diagnostics"]


def expected_lsp(path: Path, text: str) -> list[tuple]:
    """The CLI's diagnostics of `path` as (0-based line, UTF-16 start, end line, end, rule, message)."""
    lines = text.split("\n")
    return [(d["line"] - 1, utf16(lines[d["line"] - 1], d["column"] - 1), d["end_line"] - 1,
             utf16(lines[d["end_line"] - 1], d["end_column"] - 1), d["rule"], d["message"])
            for d in cli_diagnostics(path)]


def as_tuples(diagnostics) -> list[tuple]:
    return [(d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character, d.code,
             d.message) for d in diagnostics]


async def open_saved(client: LanguageClient, folder: Path, name: str, text: str):
    """Save `text` as folder/name (for the CLI to read), open it in the editor, and return
    the path, the URI and the first diagnostics."""
    path = folder / name
    path.write_text(text, encoding="utf-8")
    uri = path.as_uri()
    open_document(client, uri, text)
    return path, uri, await published(client, uri, 1)


async def test_server_announces_incremental_sync_utf16_hover_and_quick_fixes(client: LanguageClient):
    caps = client.init_result.capabilities
    assert caps.position_encoding == types.PositionEncodingKind.Utf16
    assert caps.text_document_sync.change == types.TextDocumentSyncKind.Incremental
    assert caps.hover_provider
    assert list(caps.code_action_provider.code_action_kinds) == [types.CodeActionKind.QuickFix]
    assert client.init_result.server_info.name == "starlint"
    # VS Code supports dynamic registration: the server watches config and rule files
    for _ in range(200):
        methods = [r.method for p in client.registrations for r in p.registrations]
        if methods:
            break
        await asyncio.sleep(0.02)
    assert types.WORKSPACE_DID_CHANGE_WATCHED_FILES in methods


async def test_bank_diagnostics_at_the_cli_positions(client: LanguageClient):
    uri = BANK.as_uri()
    open_document(client, uri, BANK_TEXT)
    params = await published(client, uri, 1)
    assert as_tuples(params.diagnostics) == expected_lsp(BANK, BANK_TEXT)
    assert len(params.diagnostics) >= 5
    cli = cli_diagnostics(BANK)
    for d, c in zip(params.diagnostics, cli):
        assert d.source == "starlint"
        assert d.severity == {"error": 1, "warning": 2, "info": 3}[c["severity"]]
        assert d.data == {"rule": c["rule"], "part": c["part"], "answer": c["answer"]}
        assert d.code_description.href.startswith("file://") and d.code_description.href.endswith(".yaml")
    # the squiggle is under the flagged words, which the messages quote
    quoting = [d for d in params.diagnostics if d.message.startswith("'")]
    assert quoting
    for d in quoting:
        assert covered(BANK_TEXT, d.range).lower() == d.message.split("'")[1].lower()
    client.text_document_did_close(types.DidCloseTextDocumentParams(
        text_document=types.TextDocumentIdentifier(uri=uri)))


async def test_edits_move_the_diagnostics_as_the_cli_sees_them(client: LanguageClient, project: Path):
    path, uri, first = await open_saved(client, project, "bank.md", BANK_WE)
    assert as_tuples(first.diagnostics) == expected_lsp(path, BANK_WE)
    text, version = BANK_WE, 1
    lines = text.split("\n")
    (we,) = [d for d in first.diagnostics if d.code == "we-instead-of-i"]
    row = we.range.start.line
    heading = next(i for i, line in enumerate(lines) if line.startswith("### Q91"))
    cause = next(i for i, line in enumerate(lines) if line.startswith("3. **Root Cause:**"))
    label = lines[row].index("Immediate")
    edits = [
        # a longer word before the flagged "We" on its line: the column moves
        ((row, label), (row, label + len("Immediate")), "Immediately"),
        # two lines inserted above Q91: everything below moves down
        ((heading, 0), (heading, 0), "Added a line.\n\n"),
        # words added to another step of the Action
        ((cause + 2, len("3. **Root Cause:** ")), (cause + 2, len("3. **Root Cause:** ")), "We found an "),
    ]
    for start, end, new in edits:
        version += 1
        lines = text.split("\n")
        a = sum(len(line) + 1 for line in lines[: start[0]]) + start[1]
        b = sum(len(line) + 1 for line in lines[: end[0]]) + end[1]
        text = text[:a] + new + text[b:]
        change(client, uri, version, text, start, end, new)
        params = await published(client, uri, version)
        path.write_text(text, encoding="utf-8")
        assert as_tuples(params.diagnostics) == expected_lsp(path, text)
    moved = [d for d in params.diagnostics if d.code == "we-instead-of-i"]
    assert all(covered(text, d.range) == "We" for d in moved)
    assert (moved[0].range.start.line, moved[0].range.start.character) == (row + 2, we.range.start.character + 2)


async def test_emoji_line_puts_the_squiggle_under_the_word(client: LanguageClient, project: Path):
    # an astral emoji (two UTF-16 units) and a combining keycap before the flagged word
    text = BANK_WE.replace("**Immediate:** We", "**Immediate:** 📌1️⃣ We")
    assert text != BANK_WE
    path, uri, params = await open_saved(client, project, "emoji.md", text)
    assert as_tuples(params.diagnostics) == expected_lsp(path, text)
    we = next(d for d in params.diagnostics if d.code == "we-instead-of-i")
    assert covered(text, we.range) == "We"
    line = text.split("\n")[we.range.start.line]
    assert we.range.start.character == line.index("We") + 1  # 📌 counts two UTF-16 units
    # an edit after the emoji, in UTF-16 units, lands where the editor means
    at = utf16(line, line.index("We restarted") + len("We "))
    change(client, uri, 2, text, (we.range.start.line, at), (we.range.start.line, at + len("restarted")), "rebooted")
    text = text.replace("We restarted the job", "We rebooted the job")
    params = await published(client, uri, 2)
    path.write_text(text, encoding="utf-8")
    assert as_tuples(params.diagnostics) == expected_lsp(path, text)
    assert "We rebooted" in text


async def test_hover_shows_the_rules_explain_text(client: LanguageClient, project: Path):
    path, uri, params = await open_saved(client, project, "hover.md", BANK_TEXT)
    firsts = {d.code: d for d in reversed(params.diagnostics)}
    assert len(firsts) >= 3
    for code, d in firsts.items():
        inside = types.Position(line=d.range.start.line, character=d.range.start.character + 1)
        hover = await client.text_document_hover_async(types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri), position=inside))
        _, explain, _ = run_cli("explain", code)
        assert explain in hover.contents.value
        assert hover.range == d.range
    # nothing flagged at the top of the file: no hover
    nothing = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=0, character=0)))
    assert nothing is None


async def actions_for(client, uri, diagnostic) -> dict[str, types.CodeAction]:
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=diagnostic.range,
        context=types.CodeActionContext(diagnostics=[diagnostic])))
    return {a.title: a for a in actions if a.diagnostics[0].code == diagnostic.code
            and a.diagnostics[0].range == diagnostic.range}


async def test_each_code_action_gives_text_the_cli_lints_as_expected(client: LanguageClient, project: Path):
    cases = [
        ("bank.md", BANK_WE, "we-instead-of-i", "Disable we-instead-of-i for this line"),
        ("bank.md", BANK_TEXT, "vague-claim", "Disable vague-claim for this file"),
        ("task.md", (FIXTURES / "lsp" / "bold_upper_missing_task.md").read_text(), "missing-part", "Insert a Task label"),
        ("result.md", (FIXTURES / "lsp" / "headings_missing_result.md").read_text(), "missing-part",
         "Insert a Result label"),
    ]
    for number, (name, text, code, title) in enumerate(cases):
        path = project / f"{number}-{name}"
        path.write_text(text, encoding="utf-8")
        uri = path.as_uri()
        before = cli_diagnostics(path)
        open_document(client, uri, text)
        params = await published(client, uri, 1)
        target = next(d for d in params.diagnostics if d.code == code)
        actions = await actions_for(client, uri, target)
        assert title in actions, sorted(actions)
        edited = apply_edits(text, actions[title].edit.changes[uri])
        path.write_text(edited, encoding="utf-8")
        after = cli_diagnostics(path)
        gone = [(d["rule"], d["message"]) for d in before if (d["rule"], d["message"]) not in
                [(a["rule"], a["message"]) for a in after]]
        if title.startswith("Disable") and title.endswith("this line"):
            assert len(after) == len(before) - 1 and gone == [(code, target.message)]
        elif title.endswith("this file"):
            assert all(d["rule"] != code for d in after)
            assert [d for d in before if d["rule"] != code] == [dict(d, line=d["line"] - 1, end_line=d["end_line"] - 1)
                                                                 for d in after]
        else:  # the label: the part is found where it was inserted, and not missing any more
            part = title.split()[2].lower()
            _, data = cli_json(str(path))
            assert not any(d["rule"] == "missing-part" and d["part"] == part for d in after)
            place = data["answers"][0]["parts"][part]
            assert place is not None and not place["inferred"]
            assert part.upper() in edited.split("\n")[place["line"] - 1].upper()
        assert not any(d["rule"] == "unused-disable" for d in after)
        # and the server, sent the edited text, agrees with the CLI
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=edited)]))
        params = await published(client, uri, 2)
        assert as_tuples(params.diagnostics) == expected_lsp(path, edited)


async def test_unused_comment_can_be_removed(client: LanguageClient, project: Path):
    text = BANK_TEXT.replace("### Q91", "<!-- starlint-disable-next-line hedging -->\n### Q91", 1)
    path, uri, params = await open_saved(client, project, "unused.md", text)
    unused = next(d for d in params.diagnostics if d.code == "unused-disable")
    actions = await actions_for(client, uri, unused)
    assert list(actions) == ["Remove the unused starlint comment"]
    edited = apply_edits(text, actions["Remove the unused starlint comment"].edit.changes[uri])
    assert edited == BANK_TEXT


async def test_a_broken_config_is_one_diagnostic_and_a_message_then_recovers(client: LanguageClient, project: Path):
    config = project / ".starlint.yaml"
    config.write_text("ignore: [hedging\n", encoding="utf-8")  # unclosed list
    path = project / "answers" / "bank.md"
    path.parent.mkdir()
    path.write_text(BANK_TEXT, encoding="utf-8")
    uri = path.as_uri()
    open_document(client, uri, BANK_TEXT)
    params = await published(client, uri, 1)
    assert len(params.diagnostics) == 1
    (d,) = params.diagnostics
    assert d.code == "config-error" and ".starlint.yaml:" in d.message and "invalid YAML" in d.message
    for _ in range(100):
        if any("config error" in m.message for m in client.messages):
            break
        await asyncio.sleep(0.02)
    assert any("config error" in m.message and m.type == types.MessageType.Error for m in client.messages)
    # fixed on disk; the next change sees it (mtime), no watcher event needed
    config.write_text("ignore: [hedging, vague-claim]\n", encoding="utf-8")
    change(client, uri, 2, BANK_TEXT, (0, 0), (0, 0), "")
    params = await published(client, uri, 2)
    assert as_tuples(params.diagnostics) == expected_lsp(path, BANK_TEXT)
    assert not any(d.code in ("hedging", "vague-claim", "config-error") for d in params.diagnostics)
    # an unknown rule in the config, announced by a file watcher event
    config.write_text("ignore: [no-such-rule]\n", encoding="utf-8")
    count = len(client.published)
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[
        types.FileEvent(uri=config.as_uri(), type=types.FileChangeType.Changed)]))
    params = await published(client, uri, after=count)
    assert [d.code for d in params.diagnostics] == ["config-error"]
    assert "unknown rule 'no-such-rule'" in params.diagnostics[0].message


async def test_binary_and_oversized_documents_get_one_diagnostic(client: LanguageClient, project: Path):
    binary = "".join(chr(c) for c in range(1, 32)) * 40
    cases = {"binary.md": (binary, "binary"), "huge.md": ("I did it. " * 230_000, "over the 2 MiB limit")}
    for name, (text, says) in cases.items():
        uri = (project / name).as_uri()
        open_document(client, uri, text)
        params = await published(client, uri, 1)
        assert len(params.diagnostics) == 1
        assert params.diagnostics[0].code == "unreadable" and says in params.diagnostics[0].message
    # the CLI refuses the same text the same way
    (project / "binary.md").write_text(binary, encoding="utf-8")
    code, _, err = run_cli("check", str(project / "binary.md"))
    assert code == 2 and "binary" in err


async def test_close_clears_and_other_languages_are_left_alone(client: LanguageClient, project: Path):
    uri = (project / "close.md").as_uri()
    open_document(client, uri, BANK_TEXT)
    assert (await published(client, uri, 1)).diagnostics
    count = len(client.published)
    client.text_document_did_close(types.DidCloseTextDocumentParams(
        text_document=types.TextDocumentIdentifier(uri=uri)))
    params = await published(client, uri, after=count)
    assert list(params.diagnostics) == []
    # a Python file is not a STAR answer: nothing is published for it
    count = len(client.published)
    py = (project / "script.py").as_uri()
    open_document(client, py, "we did things\n", language="python")
    untitled = "untitled:Untitled-1"
    open_document(client, untitled, BANK_TEXT)
    assert (await published(client, untitled, 1)).diagnostics  # unsaved Markdown is linted
    assert not any(p.uri == py for p in client.published[count:])


async def test_changes_sent_during_a_lint_are_linted_once_at_their_latest_version(client: LanguageClient,
                                                                                  project: Path):
    # The burst must arrive while a lint runs. An edit's lint redoes one answer in a few
    # milliseconds, about as long as reading 20 messages, so a burst after the first publish
    # was coalesced or not by the machine's load (CI once linted all 20). Here the burst
    # follows the opening of a document of 40 bank copies, whose first lint reads 560
    # answers (about a second): the keystrokes are all in long before it ends.
    path = project / "burst.md"
    uri = path.as_uri()
    copies = [BANK_TEXT.replace("Our daily", f"Our daily{n}", 1) for n in range(40)]
    text = "\n\n".join(copies)
    open_document(client, uri, text)
    count = len(client.published)
    row = text.split("\n").index(next(line for line in text.split("\n") if line.startswith("**SITUATION:** Our daily")))
    for version in range(2, 22):  # 20 keystrokes sent at once, typing "xxxx..." at a line's start
        change(client, uri, version, text, (row, 0), (row, 0), "x")
        text = "\n".join(("x" + line) if i == row else line for i, line in enumerate(text.split("\n")))
    params = await published(client, uri, 21, timeout=60.0)
    path.write_text(text, encoding="utf-8")
    assert as_tuples(params.diagnostics) == expected_lsp(path, text)
    versions = [p.version for p in client.published[count:] if p.uri == uri]
    assert versions == sorted(versions) and versions[-1] == 21
    assert len(versions) < 20  # coalesced: not one lint per keystroke
    assert 1 not in versions  # the opening lint, outdated before it ended, is not published


async def test_unknown_settings_are_ignored(client: LanguageClient, project: Path):
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(
        settings={"starlint": {"rules": "all"}, "editor": None}))
    uri = (project / "after-settings.md").as_uri()
    open_document(client, uri, BANK_TEXT)
    assert (await published(client, uri, 1)).diagnostics


@pytest.mark.parametrize("encoding", ["utf-8", "utf-32"])
async def test_negotiated_encodings_count_bytes_or_code_points(encoding: str, project: Path):
    async with started(SERVER) as client:
        caps = client_capabilities("neovim")
        caps.general = types.GeneralClientCapabilities(position_encodings=[encoding, "utf-16"])
        result = await client.initialize_session(types.InitializeParams(capabilities=caps))
        assert result.capabilities.position_encoding == encoding
        text = BANK_WE.replace("**Immediate:** We", "**Immediate:** 📌é We")
        assert text != BANK_WE
        path, uri, params = await open_saved(client, project, "enc.md", text)
        lines = text.split("\n")
        count = (lambda s: len(s.encode("utf-8"))) if encoding == "utf-8" else len
        want = [(d["line"] - 1, count(lines[d["line"] - 1][: d["column"] - 1]), d["end_line"] - 1,
                 count(lines[d["end_line"] - 1][: d["end_column"] - 1]), d["rule"], d["message"])
                for d in cli_diagnostics(path)]
        assert as_tuples(params.diagnostics) == want


async def test_an_exception_inside_a_lint_is_logged_and_the_server_keeps_serving(project: Path):
    async with started(FAULTY_SERVER) as client:
        await client.initialize_session(types.InitializeParams(capabilities=client_capabilities("visual-studio-code")))
        uri = (project / "faulty.md").as_uri()
        open_document(client, uri, BANK_TEXT + "\nRAISE-INSIDE-LINT\n")
        params = await published(client, uri, 1)
        assert [d.code for d in params.diagnostics] == ["internal-error"]
        assert "RuntimeError: a rule failed on purpose" in params.diagnostics[0].message
        assert any("Traceback" in m.message for m in client.log_messages)
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=BANK_TEXT)]))
        params = await published(client, uri, 2)
        path = project / "faulty.md"
        path.write_text(BANK_TEXT, encoding="utf-8")
        assert as_tuples(params.diagnostics) == expected_lsp(path, BANK_TEXT)


async def test_requests_on_unknown_documents_and_edits_past_the_end(client: LanguageClient, project: Path):
    unknown = types.TextDocumentIdentifier(uri=(project / "never-opened.md").as_uri())
    zero = types.Position(line=0, character=0)
    assert await client.text_document_hover_async(types.HoverParams(text_document=unknown, position=zero)) is None
    assert await client.text_document_code_action_async(types.CodeActionParams(
        text_document=unknown, range=types.Range(start=zero, end=zero),
        context=types.CodeActionContext(diagnostics=[]))) is None
    # a change past the end is applied at the end, as editors clamp; saving lints again
    path = project / "clamp.md"
    uri = path.as_uri()
    open_document(client, uri, BANK_TEXT)
    await published(client, uri, 1)
    change(client, uri, 2, BANK_TEXT, (5000, 3), (5001, 0), "\nWe tried to help.\n")
    text = BANK_TEXT + "\nWe tried to help.\n"
    params = await published(client, uri, 2)
    path.write_text(text, encoding="utf-8")
    assert as_tuples(params.diagnostics) == expected_lsp(path, text)
    count = len(client.published)
    client.text_document_did_save(types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri)))
    assert (await published(client, uri, 2, after=count)).diagnostics == params.diagnostics


async def test_crlf_and_bom_documents(client: LanguageClient, project: Path):
    crlf = BANK_TEXT.replace("\n", "\r\n")
    path = project / "crlf.md"
    path.write_bytes(crlf.encode("utf-8"))
    uri = path.as_uri()
    open_document(client, uri, crlf)
    params = await published(client, uri, 1)
    assert as_tuples(params.diagnostics) == expected_lsp(path, BANK_TEXT)
    actions = await actions_for(client, uri, params.diagnostics[0])
    insert = actions[f"Disable {params.diagnostics[0].code} for this line"].edit.changes[uri][0]
    assert insert.new_text.endswith("-->\r\n")
    # a client that keeps the BOM in the text: it is one UTF-16 unit at the start of line 0
    one = (FIXTURES / "lsp" / "bold_upper_missing_task.md").read_text(encoding="utf-8")
    uri = (project / "bom.md").as_uri()
    open_document(client, uri, "\ufeff" + one)
    (missing,) = (await published(client, uri, 1)).diagnostics
    assert missing.range.start == types.Position(line=0, character=len("\ufeff### "))
