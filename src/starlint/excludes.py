"""What a folder walk leaves out, as ruff does: `exclude` / `extend-exclude` globs from the
config, `--exclude` globs from the command line, folders that are never a candidate's own
writing (node_modules, venv, build output) and, inside a git work tree, what git ignores.

Globs have gitignore syntax (pathspec's GitIgnoreSpec): a glob without a slash matches a
file or folder name at any depth (`drafts/`, `*.draft.md`), one with a slash matches the path
from its base (the config file's folder; the current folder for `--exclude`). Files named on
the command line are linted whatever they match, unless `--force-exclude` (as in ruff: for
pre-commit, which names every file). pathspec is imported only when a glob or a .gitignore
has to be matched: the default names are compared as plain names.
"""

from __future__ import annotations

import os
import re
from typing import Any

#: Folders of tools, packages and build output. Hidden names (.git, .venv, .tox, ...) are
#: skipped by the walk already. ruff's defaults, less the hidden ones.
DEFAULT_EXCLUDES = ("__pypackages__", "_build", "buck-out", "build", "dist", "node_modules", "site-packages", "venv")
_GLOB_CHARS = set("*?[]!\\/")


class ExcludeError(ValueError):
    """A glob that is not valid gitignore syntax; `origin`: the config key or --exclude."""

    def __init__(self, origin: str, message: str) -> None:
        super().__init__(message)
        self.origin = origin


def _spec(patterns: list[str]) -> Any:
    from pathspec import GitIgnoreSpec

    return GitIgnoreSpec.from_lines(patterns)


def _lenient_spec(lines: list[str]) -> Any:
    """A .gitignore's spec; as git does, a line that is not a valid pattern is passed over."""
    try:
        return _spec(lines)
    except ValueError:
        valid = []
        for line in lines:
            try:
                _spec([line])
            except ValueError:
                continue
            valid.append(line)
        return _spec(valid) if valid else None


class _Globs:
    """Globs relative to one base folder, with their origin for messages: plain names are
    compared as they are, the rest compiled by pathspec (imported only then)."""

    def __init__(self, base: str, patterns: list[str], origin: str) -> None:
        self.base = os.path.abspath(base)
        self.patterns = patterns
        self.origin = origin
        negated = any(p.startswith("!") for p in patterns)  # then order matters: all to pathspec
        plain = [] if negated else [p for p in patterns if p.strip() and not set(p.rstrip("/")) & _GLOB_CHARS]
        self.names = {p.rstrip("/"): p.endswith("/") for p in plain}  # name -> folders only
        self._rest = [p for p in patterns if p not in plain]
        self.compiled: Any = None
        self.unanchored: Any = None  # the globs without a slash: they apply outside the base too
        if self._rest:  # compiled now, so that a bad glob is an error before anything runs
            for pattern in self._rest:
                try:
                    _spec([pattern])
                except ValueError as exc:
                    raise ExcludeError(origin, f"invalid glob '{pattern}' in {origin} ({exc})") from None
            self.compiled = _spec(self._rest)
            self.unanchored = _spec([p for p in self._rest if "/" not in p.rstrip("/")])

    def match(self, path: str, name: str, is_dir: bool) -> str | None:
        if name in self.names and (is_dir or not self.names[name]):
            return name
        if self.compiled is None:
            return None
        rel = os.path.relpath(path, self.base)
        spec = self.compiled
        if rel == os.curdir or rel.startswith(os.pardir + os.sep) or rel == os.pardir:
            rel, spec = name, self.unanchored  # outside the base: only name globs apply
        result = spec.check_file(rel.replace(os.sep, "/") + ("/" if is_dir else ""))
        if result.include:
            return spec.patterns[result.index].pattern if result.index is not None else rel
        return None


_CORE_SECTION = re.compile(r"^\s*\[\s*core\s*\]\s*$", re.IGNORECASE)
_SECTION = re.compile(r"^\s*\[")
_EXCLUDES_FILE = re.compile(r"^\s*excludesfile\s*=\s*(.*?)\s*$", re.IGNORECASE)


def global_excludes_file(env: dict[str, str] | None = None) -> str:
    """The user's global ignore file, as git finds it: `core.excludesFile` in the global
    config (~/.gitconfig, $XDG_CONFIG_HOME/git/config or $GIT_CONFIG_GLOBAL), else
    $XDG_CONFIG_HOME/git/ignore (~/.config/git/ignore). Read without running git."""
    env = os.environ if env is None else env
    home = env.get("HOME") or os.path.expanduser("~")
    xdg = env.get("XDG_CONFIG_HOME") or os.path.join(home, ".config")
    configs = [env["GIT_CONFIG_GLOBAL"]] if env.get("GIT_CONFIG_GLOBAL") else [
        os.path.join(xdg, "git", "config"), os.path.join(home, ".gitconfig")]
    found = None
    for config in configs:  # later files win, as in git
        try:
            with open(config, encoding="utf-8", errors="replace") as handle:
                lines = handle.read().splitlines()
        except OSError:
            continue
        in_core = False
        for line in lines:
            if _SECTION.match(line):
                in_core = bool(_CORE_SECTION.match(line))
            elif in_core and (match := _EXCLUDES_FILE.match(line)):
                value = match.group(1).strip('"')
                found = os.path.join(home, value[2:]) if value.startswith("~/") else value
    return found or os.path.join(xdg, "git", "ignore")


class _GitIgnores:
    """The .gitignore files of a work tree, read once per folder as the walk meets them:
    the deepest file with a matching line decides, then `.git/info/exclude`, then the user's
    global ignore file (`core.excludesFile`), as in git. Outside a work tree nothing is
    ignored."""

    def __init__(self) -> None:
        self._chains: dict[str, tuple | None] = {}  # folder -> ((folder, spec), ...) root first
        self._global: Any = False  # read on first use: most runs never reach a work tree

    def _read(self, path: str) -> Any:
        try:
            with open(path, encoding="utf-8", errors="replace") as handle:
                lines = handle.read().splitlines()
        except OSError:
            return None
        lines = [line for line in lines if line.strip() and not line.startswith("#")]
        return _lenient_spec(lines) if lines else None

    def chain(self, folder: str) -> tuple | None:
        """The ignore specs in force in `folder` (None: not in a git work tree)."""
        folder = os.path.abspath(folder)
        if folder in self._chains:
            return self._chains[folder]
        pending = []
        current = folder
        while current not in self._chains:
            pending.append(current)
            if os.path.exists(os.path.join(current, ".git")):
                break
            parent = os.path.dirname(current)
            if parent == current:
                break
            current = parent
        for path in reversed(pending):
            dot_git = os.path.join(path, ".git")
            own = self._read(os.path.join(path, ".gitignore"))
            if os.path.exists(dot_git):  # a work tree's top (or a nested repository's)
                info = self._read(os.path.join(dot_git, "info", "exclude")) if os.path.isdir(dot_git) else None
                if self._global is False:
                    self._global = self._read(global_excludes_file())
                chain: tuple | None = tuple(x for x in ((path, self._global), (path, info), (path, own))
                                            if x[1] is not None)
            else:
                parent = self._chains.get(os.path.dirname(path))
                chain = None if parent is None else parent + (((path, own),) if own is not None else ())
            self._chains[path] = chain
        return self._chains[folder]

    def ignored(self, path: str, is_dir: bool) -> bool:
        target = os.path.abspath(path)
        chain = self.chain(os.path.dirname(target))
        if not chain:
            return False
        for base, spec in reversed(chain):  # the deepest .gitignore first; info/exclude, the global file last
            rel = target[len(base.rstrip(os.sep)) + 1:]  # every base is a folder above target
            if os.sep != "/":
                rel = rel.replace(os.sep, "/")
            result = spec.check_file(rel + "/" if is_dir else rel)
            if result.include is not None:
                return result.include
        return False


class PathFilter:
    """The run's excludes. `excluded(path, is_dir)` says why a path is left out, or None;
    what it left out of a walk is kept in `skipped` (shown with --verbose)."""

    def __init__(self, exclude: list[str] | None = None, extend_exclude: list[str] | None = None,
                 config_base: str = ".", cli_exclude: list[str] | None = None, respect_gitignore: bool = True,
                 force: bool = False) -> None:
        chosen = list(DEFAULT_EXCLUDES) if exclude is None else list(exclude)
        self.globs = [g for g in (
            _Globs(config_base, chosen, "default" if exclude is None else "exclude"),
            _Globs(config_base, list(extend_exclude or []), "extend-exclude"),
            _Globs(os.getcwd(), list(cli_exclude or []), "--exclude"),
        ) if g.patterns]
        self.gitignore = _GitIgnores() if respect_gitignore else None
        self.force = force
        self.skipped: list[str] = []

    def excluded(self, path: str, is_dir: bool) -> str | None:
        name = os.path.basename(os.path.normpath(path))
        for globs in self.globs:
            pattern = globs.match(path, name, is_dir)
            if pattern is not None:
                return f"excluded by {globs.origin} '{pattern}'"
        if self.gitignore is not None and self.gitignore.ignored(path, is_dir):
            return "ignored by git"
        return None

    def skip(self, path: str, is_dir: bool) -> bool:
        """In a walk: whether to leave `path` out (and note it)."""
        why = self.excluded(path, is_dir)
        if why:
            self.skipped.append(f"{path}: skipped ({why})")
        return why is not None

    def skip_named(self, path: str) -> bool:
        """A file named on the command line: left out only with --force-exclude, when it or
        a folder between it and the current folder is excluded."""
        if not self.force:
            return False
        top = os.getcwd()
        folders = []
        current = os.path.dirname(os.path.abspath(path))
        while current.startswith(top + os.sep):
            folders.append(current)
            current = os.path.dirname(current)
        for folder in reversed(folders):
            if self.skip(os.path.relpath(folder, top), True):
                return True
        return self.skip(path, False)
