"""Command line: `starlint PATH...` lints; sub-commands for the rest. Exit 0 clean, 1 when a
finding reaches the fail level, 2 for usage errors and inputs that cannot be read."""

from __future__ import annotations

import sys

import click

from . import __version__

FORMATS = ("text", "json", "sarif", "github")
EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


class DefaultCommandGroup(click.Group):
    """`starlint FILE` means `starlint check FILE`, as `ruff FILE` once did."""

    default_command = "check"

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if ctx.resilient_parsing and not args:
            pass  # completing the first word: sub-commands, and check's options and files
        elif args and args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
            args = [self.default_command, *args]
        elif not args:
            args = [self.default_command]
        return super().parse_args(ctx, args)

    def shell_complete(self, ctx: click.Context, incomplete: str) -> list:
        """The first word: a sub-command, or what `check` takes (an option, a file)."""
        items = super().shell_complete(ctx, incomplete)
        check = self.commands[self.default_command]
        with check.make_context(self.default_command, [], parent=ctx, resilient_parsing=True) as check_ctx:
            seen = {item.value for item in items}
            items += [item for item in check.shell_complete(check_ctx, incomplete) if item.value not in seen]
        if not incomplete.startswith("-"):
            items += _complete_files(ctx, None, incomplete)
        return items


def _complete_files(ctx, param, incomplete: str) -> list:
    """Paths, completed by the shell (click's "file" item)."""
    from click.shell_completion import CompletionItem

    return [CompletionItem(incomplete, type="file")]


def _complete_rules(ctx, param, incomplete: str) -> list:
    """Rule names (after the last comma of a list, for --select a,b)."""
    from click.shell_completion import CompletionItem

    from .ruleset import RuleError, builtin_rules

    done, _, last = incomplete.rpartition(",")
    prefix = done + "," if done else ""
    try:
        names = sorted(r.name for r in builtin_rules())
    except RuleError:
        return []
    return [CompletionItem(prefix + name) for name in names if name.startswith(last)]


def fail(message: str) -> "click.exceptions.Exit":
    click.echo(f"starlint: {message}", err=True)
    return click.exceptions.Exit(EXIT_ERROR)


def _split_names(values: tuple[str, ...]) -> list[str]:
    return [name.strip() for value in values for name in value.split(",") if name.strip()]


def load_config(config_file: str | None, paths: tuple[str, ...]):
    """The --config file, or the nearest one from the first linted path (or the cwd)."""
    from pathlib import Path

    from .config import Config, ConfigError, find_config
    from .config import load_config as read_config

    try:
        if config_file:
            if not Path(config_file).is_file():
                raise fail(f"{config_file}: config file not found")
            return read_config(config_file)
        start = Path(paths[0]) if paths and paths[0] != "-" else Path.cwd()
        found = find_config(start if start.exists() else Path.cwd())
        return read_config(found) if found else Config()
    except ConfigError as exc:
        raise fail(str(exc)) from None


def load_rules(select: list[str], ignore: list[str], config=None):
    """Built-in and user rules as configured; CLI --select/--ignore win over the config's."""
    from .coach.score import load_weights
    from .config import Config, ConfigError, build_rules, select_rules
    from .ruleset import RuleError, builtin_rules

    config = config or Config()
    try:
        every = build_rules(builtin_rules(), config, [], [], apply_selection=False)
        load_weights()  # the score's weights (rules/score.yaml): a broken file is exit 2 here
    except (ConfigError, RuleError) as exc:
        raise fail(str(exc)) from None
    known = sorted(r.name for r in every)
    for name in select + ignore:
        if name not in known:
            from .suggest import did_you_mean

            raise fail(f"unknown rule '{name}'{did_you_mean(name, known) or ' (see `starlint rules`)'}")
    return select_rules(every, select or config.select, ignore or config.ignore)


def _print_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    from .nlp.pipeline import pipeline_name

    click.echo(f"starlint {__version__} (pipeline: {pipeline_name()})")
    ctx.exit(EXIT_OK)


class OutputError(Exception):
    """The report cannot be written (a full disk, a closed or broken output)."""


def _echo_chunks(chunks, color: bool | None = None) -> str:
    """Write a large report in 64 KB pieces as it is rendered; return what is left. Written
    to `sys.stdout` as it is at each write: while a progress bar shows, rich's proxy of it."""
    pending: list[str] = []
    size = 0
    for chunk in chunks:
        pending.append(chunk)
        size += len(chunk)
        if size >= 65536:
            click.echo("".join(pending), nl=False, file=sys.stdout, color=color)
            pending, size = [], 0
    return "".join(pending)


def _write(chunks, color: bool | None = None) -> None:
    """Write a report as it is rendered; a write that fails is one plain line (OutputError).
    `color`: keep ANSI colour even when standard output is not a terminal (--color always)."""
    try:
        click.echo(_echo_chunks(chunks, color), nl=False, file=sys.stdout, color=color)
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise OutputError(exc.strerror or str(exc)) from None


def _announce(pieces, quiet: bool = False, verbose: bool = False):
    """Notices and errors to standard error as the run goes, one line each: no notices when
    `quiet`, the quiet ones too when `verbose` (errors always)."""
    from .report.names import one_line

    for piece in pieces:
        for notice in [] if quiet else piece.notices + (piece.quiet_notices if verbose else []):
            click.echo(f"starlint: {one_line(notice)}", err=True)
        for error in piece.errors:
            click.echo(f"starlint: {one_line(error)}", err=True)
        yield piece


@click.group(cls=DefaultCommandGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--version", is_flag=True, expose_value=False, is_eager=True, callback=_print_version,
              help="Show the version and the NLP pipeline in use.")
def cli() -> None:
    """Lint behavioral-interview answers written in STAR form (Situation, Task, Action, Result)."""


@cli.command("check")
@click.argument("paths", nargs=-1, type=str, shell_complete=_complete_files)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True)
@click.option("--select", multiple=True, shell_complete=_complete_rules, help="Only these rules (comma-separated, repeatable).")
@click.option("--ignore", multiple=True, shell_complete=_complete_rules, help="Skip these rules (comma-separated, repeatable).")
@click.option(
    "--fail-on",
    type=click.Choice(("error", "warning", "info")),
    default=None,
    help="Lowest severity that makes the exit code 1 (default: error, or the config's).",
)
@click.option("--config", "config_file", default=None, help="Config file (default: nearest .starlint.yaml or pyproject.toml).")
@click.option("--show-source/--no-show-source", default=None, help="Show each finding's line (default: on a terminal).")
@click.option("--stdin-filename", default="<stdin>", help="Name to report for `-` (standard input).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes for folders of 24+ files (default: one per core, at most 4; 1: one process, least memory).")
@click.option("--exclude", "cli_exclude", multiple=True, metavar="GLOB",
              help="Also leave out of folder walks what these gitignore-style globs match (comma-separated, repeatable).")
@click.option("--force-exclude", is_flag=True, help="Apply the excludes to files named on the command line too (for pre-commit).")
@click.option("--respect-gitignore/--no-respect-gitignore", default=None,
              help="Leave out what git ignores in folder walks (default: on, or the config's).")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings reach the fail level (2 still means an error).")
@click.option("-q", "--quiet", is_flag=True, help="Findings only: no summary line, no notices.")
@click.option("-v", "--verbose", is_flag=True, help="Also say which files had no answer and what the excludes left out.")
@click.option("--statistics", is_flag=True, help="Counts of findings per rule instead of the findings (text or json).")
@click.option("-o", "--output-file", default=None, metavar="FILE", help="Write the report to FILE instead of standard output.")
@click.option("--color", "color", type=click.Choice(("auto", "always", "never")), default="auto", show_default=True,
              help="Colour the text format (auto: on a terminal, unless NO_COLOR is set).")
@click.option("--show-config", is_flag=True, help="Print the settings in force for PATHS, and where each comes from; lint nothing.")
@click.option("--fail-under", type=click.IntRange(0, 100), default=None,
              help="Exit 1 when any answer scores below this (0-100; default: the config's, or never).")
def check_command(paths, fmt, select, ignore, fail_on, config_file, show_source, stdin_filename, jobs,
                  cli_exclude, force_exclude, respect_gitignore, exit_zero, quiet, verbose, statistics,
                  output_file, color, show_config, fail_under) -> None:
    """Lint answers in PATHS (files, folders, or - for standard input)."""
    import gc
    import importlib
    import os

    from .lint import iter_lint
    from .report.stream import Tally

    if show_config:
        from .show_config import render

        config = load_config(config_file, paths)
        rules = load_rules(_split_names(select), _split_names(ignore), config)
        click.echo(render(config, rules, paths, config_file=config_file, select=_split_names(select),
                          ignore=_split_names(ignore), fail_on=fail_on, cli_exclude=_split_names(cli_exclude),
                          respect_gitignore=respect_gitignore, force_exclude=force_exclude,
                          fail_under=fail_under), nl=False)
        raise click.exceptions.Exit(EXIT_OK)
    if not paths:
        raise fail("no input: give files, folders, or - for standard input (see `starlint --help`)")
    if not stdin_filename:
        raise fail("--stdin-filename needs a name (leave it out to report standard input as <stdin>)")
    if quiet and verbose:
        raise fail("-q/--quiet and -v/--verbose exclude each other")
    if statistics and fmt not in ("text", "json"):
        raise fail(f"--statistics prints text or json, not {fmt}")
    to_file = output_file not in (None, "-")
    if to_file:
        from .report.output import OutputError as FileError, check_output

        try:
            check_output(output_file, paths)
        except FileError as exc:
            raise fail(str(exc)) from None
    # Start-up (the rules and their data, spaCy's import) makes objects that live to the end
    # of the run: collecting them, and scanning them again in every later collection, is
    # wasted work. So: no collection during start-up, then what it made is set aside (frozen)
    # until the command ends.
    gc.disable()
    try:
        from .nlp.pipeline import blank_pipeline

        config = load_config(config_file, paths)
        rules = load_rules(_split_names(select), _split_names(ignore), config)
        path_filter = make_filter(config, _split_names(cli_exclude), respect_gitignore, force_exclude)
        blank_pipeline()
        gc.freeze()
        click.get_current_context().call_on_close(gc.unfreeze)  # an in-process caller gets it back
    finally:
        gc.enable()
    fail_under = config.fail_under if fail_under is None else fail_under
    tty = sys.stdout.isatty() and not to_file
    tally = Tally()
    run = iter_lint(paths, rules, stdin_filename, jobs=jobs, path_filter=path_filter)
    try:
        pieces = _announce(tally.count(run), quiet, verbose)
        if not quiet and _is_terminal(sys.stderr):  # rich's bar only then (progress.py)
            from .progress import track, wanted

            pieces = track(pieces, enabled=wanted())
        if statistics:
            from .report import statistics as stats

            chunks = stats.stream(pieces, fmt, quiet=quiet)
        else:
            formatter = importlib.import_module(f".report.{fmt}", __package__)
            chunks = formatter.stream(pieces, rules=rules, quiet=quiet, fail_under=fail_under,
                                      show_source=tty if show_source is None else show_source)
            coloured = fmt == "text" and (color == "always" or (color == "auto" and tty and not os.environ.get("NO_COLOR")))
            if coloured:
                chunks = map(formatter.colour, chunks)
        if to_file:
            from .report.output import OutputError as FileError, write_report

            try:
                write_report(output_file, chunks)
            except FileError as exc:
                raise fail(str(exc)) from None
        else:
            _write(chunks, color=True if color == "always" else None)
    finally:
        run.close()  # on a signal or a write error: the workers end here, not at exit
    if tally.errors:
        raise click.exceptions.Exit(EXIT_ERROR)
    threshold = SEVERITY_RANK[fail_on or config.fail_on or "error"]
    failing = any(n for severity, n in tally.severities.items() if SEVERITY_RANK[severity] >= threshold)
    if fail_under is not None and tally.lowest_score is not None:
        failing = failing or tally.lowest_score < fail_under
    raise click.exceptions.Exit(EXIT_FINDINGS if failing and not exit_zero else EXIT_OK)


def _is_terminal(stream) -> bool:
    try:
        return stream is not None and stream.isatty()
    except (ValueError, OSError):  # closed
        return False


def make_filter(config, cli_exclude: list[str] | None = None, respect_gitignore: bool | None = None,
                force_exclude: bool = False):
    """What folder walks leave out: the config's excludes (or the defaults), --exclude, git's."""
    import os

    from .excludes import ExcludeError, PathFilter

    base = os.path.dirname(os.path.abspath(config.path)) if config.path else os.getcwd()
    try:
        return PathFilter(config.exclude, config.extend_exclude, base, cli_exclude,
                          config.respect_gitignore if respect_gitignore is None else respect_gitignore, force_exclude)
    except ExcludeError as exc:
        where = f"{config.where(exc.origin)}: " if config.path and exc.origin in config.keys else ""
        raise fail(f"{where}{exc}") from None


@cli.command("rules")
def rules_command() -> None:
    """List every rule: name, default severity, part, what it flags; errors first, then
    warnings, then info, each by name."""
    rules = sorted(load_rules([], []), key=lambda r: (-SEVERITY_RANK[r.severity], r.name))
    width = max(len(r.name) for r in rules)
    for rule in rules:
        part = rule.part if isinstance(rule.part, str) else ",".join(rule.part)
        click.echo(f"{rule.name:<{width}}  {rule.severity:<7}  {part:<22}  {rule.summary}")


@cli.command("compare")
@click.argument("draft", type=str)
@click.option("--bank", "banks", multiple=True, help="A folder of reference answers (repeatable; default: the built-in bank).")
@click.option("--top", type=click.IntRange(1, 50), default=3, show_default=True, help="How many matches to list.")
@click.option("--format", "fmt", type=click.Choice(("text", "json")), default="text", show_default=True)
def compare_command(draft, banks, top, fmt) -> None:
    """Set DRAFT beside the bank answer that tells the closest story."""
    import os

    from .compare.command import echo_report, run_compare

    for folder in banks:
        if not os.path.isdir(folder):
            raise fail(f"{folder}: bank folder not found")
    config = load_config(None, (draft,))
    rules = load_rules([], [], config)
    report, draft_run, error = run_compare(draft, list(banks) or config.banks, top, rules)
    if error:
        raise fail(error)
    echo_report(report, fmt)
    has_error = any(d.severity == "error" for d in draft_run.diagnostics)
    raise click.exceptions.Exit(EXIT_FINDINGS if has_error else EXIT_OK)


@cli.command("explain")
@click.argument("name", shell_complete=_complete_rules)
def explain_command(name: str) -> None:
    """Explain a rule: what it flags, why, examples, how to turn it off."""
    from .explain import explain_text
    from .suggest import did_you_mean

    rules = {r.name: r for r in load_rules([], [])}
    rule = rules.get(name)
    if rule is None:
        raise fail(f"unknown rule '{name}'{did_you_mean(name, sorted(rules)) or ' (see `starlint rules`)'}")
    click.echo(explain_text(rule), nl=False)


cli.add_command(explain_command, "rule")


@cli.command("coverage")
@click.argument("folder", type=str)
@click.option("--all", "every", is_flag=True, help="All sixteen Leadership Principles (default: the five of the Tips).")
@click.option("--format", "fmt", type=click.Choice(("text", "json")), default="text", show_default=True)
def coverage_command(folder: str, every: bool, fmt: str) -> None:
    """Which Leadership Principles your stories show; flags those with fewer than two."""
    import os

    from .coverage import bank_health, render_json, render_text
    from .lint import lint_paths

    if not os.path.exists(folder):
        raise fail(f"{folder}: no such file or folder")
    config = load_config(None, (folder,))
    rules = load_rules([], [], config)
    run = lint_paths([folder], rules, path_filter=make_filter(config))
    for error in run.errors:
        click.echo(f"starlint: {error}", err=True)
    report = bank_health(run, rules, every)
    click.echo(render_json(report) if fmt == "json" else render_text(report), nl=False)
    raise click.exceptions.Exit(EXIT_ERROR if run.errors else EXIT_OK)  # `starlint rule NAME`, as `ruff rule NAME`


@cli.command("report")
@click.argument("paths", nargs=-1, type=str)
@click.option("-o", "--output", required=True, help="The HTML file to write (- for standard output).")
@click.option("--all", "every", is_flag=True, help="Coverage of all sixteen Leadership Principles (default: the five of the Tips).")
@click.option("--title", default="starlint report", show_default=True, help="The page's title.")
@click.option("--select", multiple=True, help="Only these rules (comma-separated, repeatable).")
@click.option("--ignore", multiple=True, help="Skip these rules (comma-separated, repeatable).")
@click.option("--config", "config_file", default=None, help="Config file (default: nearest .starlint.yaml or pyproject.toml).")
@click.option("--stdin-filename", default="<stdin>", help="Name to report for `-` (standard input).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, help="Worker processes, as for check.")
def report_command(paths, output, every, title, select, ignore, config_file, stdin_filename, jobs) -> None:
    """Write a visual HTML report of the answers in PATHS: parts coloured, findings marked."""
    from .lint import lint_paths
    from .report import html
    from .report.output import OutputError, check_output, write_report

    if not paths:
        raise fail("no input: give files, folders, or - for standard input (see `starlint report --help`)")
    try:
        if output != "-":
            check_output(output, paths)
        config = load_config(config_file, paths)
        rules = load_rules(_split_names(select), _split_names(ignore), config)
        run = lint_paths(paths, rules, stdin_filename, keep_analysis=False, jobs=jobs, details=True,
                         path_filter=make_filter(config))
        for message in run.notices + run.errors:
            click.echo(f"starlint: {message}", err=True)
        chunks = html.render_chunks(run, rules=rules, every_principle=every, title=title)
        if output == "-":
            _write(chunks)  # a full disk or closed output: one plain line
        else:
            write_report(output, chunks)
            answers, findings = len(run.details), len(run.diagnostics)
            click.echo(f"starlint: wrote {output} ({answers} answer{'' if answers == 1 else 's'}, "
                       f"{findings} finding{'' if findings == 1 else 's'})", err=True)
    except OutputError as exc:
        raise fail(str(exc)) from None
    raise click.exceptions.Exit(EXIT_ERROR if run.errors else EXIT_OK)


@cli.command("lsp")
@click.option("--stdio", is_flag=True, help="Talk over standard input and output (the default; for clients that pass it).")
def lsp_command(stdio: bool) -> None:
    """Run the Language Server for editors: diagnostics as you type, hover, quick fixes."""
    try:
        from .server import serve
    except ImportError as exc:
        raise fail(f"the editor server needs pygls 2 ({exc}); reinstall starlint") from None
    raise click.exceptions.Exit(serve())


class Terminated(BaseException):
    """SIGTERM or SIGINT, raised in the main thread so that the run unwinds (its workers
    ended) and exits with one line. Not KeyboardInterrupt: click would turn that into an
    Abort and print an empty line first."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _on_signal(signum, frame) -> None:
    raise Terminated(signum)


def _silence_stdout() -> None:
    """After a broken pipe or a write error, point stdout at /dev/null so that the final
    flush at exit cannot raise again ("Exception ignored ...")."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, AttributeError, ValueError):
        pass


def main() -> None:
    """Entry point: never a traceback; an unexpected failure is one line and exit 2."""
    import signal

    signal.signal(signal.SIGTERM, _on_signal)
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:  # not when ignored (nohup, &)
        signal.signal(signal.SIGINT, _on_signal)
    for stream in (sys.stdout, sys.stderr):
        if stream is not None and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")  # a stray surrogate is shown, not fatal
    try:
        if sys.stdout is None:
            raise fail("standard output is closed; nowhere to write the report")
        # without standalone mode click returns a command's Exit code instead of exiting
        code = cli.main(standalone_mode=False)
        sys.exit(code if isinstance(code, int) else EXIT_OK)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        click.echo("starlint: aborted", err=True)
        sys.exit(EXIT_ERROR)
    except click.ClickException as exc:
        exc.show()
        sys.exit(EXIT_ERROR)
    except KeyboardInterrupt:
        click.echo("starlint: interrupted", err=True)
        sys.exit(130)
    except Terminated as exc:
        interrupted = exc.signum == signal.SIGINT
        click.echo(f"starlint: {'interrupted' if interrupted else 'terminated'}", err=True)
        sys.exit(130 if interrupted else 143)
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(EXIT_OK)
    except OutputError as exc:
        _silence_stdout()
        click.echo(f"starlint: cannot write the report to standard output ({exc})", err=True)
        sys.exit(EXIT_ERROR)
    except RecursionError:
        click.echo("starlint: input nested too deeply to lint", err=True)
        sys.exit(EXIT_ERROR)
    except Exception as exc:  # noqa: BLE001 - the promise is: no traceback, ever
        click.echo(f"starlint: internal error: {type(exc).__name__}: {exc}", err=True)
        sys.exit(EXIT_ERROR)
