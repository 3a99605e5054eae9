"""The README's editor set-up for `starlint lsp`, tested in form: each snippet parses and
starts the server as `starlint lsp`; and the command itself leaves the CLI's start alone."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib

from .conftest import ROOT


def test_readme_editor_snippets_parse():
    """The README's VS Code, Neovim and Helix snippets are well-formed and start `starlint lsp`."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### In your editor"):]
    blocks = dict(re.findall(r"```(json|lua|toml)\n(.*?)```", section, re.S))
    vscode = json.loads(blocks["json"])
    assert vscode["glspc.server.command"] == "starlint" and vscode["glspc.server.commandArguments"] == ["lsp"]
    assert "markdown" in vscode["glspc.server.languageId"]
    helix = tomllib.loads(blocks["toml"])
    assert helix["language-server"]["starlint"] == {"command": "starlint", "args": ["lsp"]}
    markdown = next(lang for lang in helix["language"] if lang["name"] == "markdown")
    assert "starlint" in markdown["language-servers"]
    _run_neovim_snippet(blocks["lua"])


def _run_neovim_snippet(lua: str) -> None:
    """Run the Lua (lupa's embedded Lua) against a stand-in `vim` that records what it is
    asked to do: one FileType autocmd whose callback starts `starlint lsp`."""
    from lupa import LuaRuntime

    runtime = LuaRuntime(unpack_returned_tuples=True)
    calls = runtime.execute("""
        local calls = { autocmds = {}, starts = {} }
        vim = {
          api = { nvim_create_autocmd = function(event, opts)
            table.insert(calls.autocmds, { event = event, opts = opts }) end },
          lsp = { start = function(config) table.insert(calls.starts, config) end },
          fs = { root = function(buf, markers) return '/prep/repo' end },
        }
        return calls
    """)
    runtime.execute(lua)
    (autocmd,) = calls.autocmds.values()
    assert autocmd.event == "FileType" and list(autocmd.opts.pattern.values()) == ["markdown", "text"]
    autocmd.opts.callback(runtime.table_from({"buf": 1}))
    (config,) = calls.starts.values()
    assert config.name == "starlint" and list(config.cmd.values()) == ["starlint", "lsp"]
    assert config.root_dir == "/prep/repo"


def test_the_cli_does_not_import_the_server():
    """`starlint FILE` must not pay for pygls: the server is imported only by `starlint lsp`."""
    code = ("import sys\nfrom starlint.cli import main\nsys.argv = ['starlint', sys.argv[1]]\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "sys.stderr.write(repr(sorted(m for m in sys.modules if m.split('.')[0] in ('pygls', 'lsprotocol', "
            "'cattrs') or m.startswith('starlint.server'))))")
    result = subprocess.run([sys.executable, "-c", code, str(ROOT / "corpus" / "bank1.md")],
                            capture_output=True, text=True)
    assert result.stderr.strip().splitlines()[-1] == "[]"


def test_lsp_command_is_listed():
    result = subprocess.run([sys.executable, "-m", "starlint", "lsp", "--help"], capture_output=True, text=True)
    assert result.returncode == 0 and "Language Server" in result.stdout
