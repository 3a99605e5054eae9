"""Property-based: random bytes, Unicode and Markdown never raise, exit 0/1/2, and every
reported position lies inside the file."""

from __future__ import annotations

import json
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from starlint.cli import cli
from starlint.lint import lint_text
from starlint.reading.decode import read_bytes, split_lines
from starlint.ruleset import builtin_rules

settings.register_profile(
    "ci", max_examples=int(os.environ.get("STARLINT_FUZZ_EXAMPLES", "1500")), deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
settings.load_profile("ci")

RULES = list(builtin_rules())

FRAGMENTS = st.sampled_from([
    "**Situation:** ", "**TASK:**", "## Action\n", "Result: ", "S: ", "- T: ", "(S) ", "(A) ", "(ST) ",
    "<details><summary>Q</summary>\n", "<b>Situation:</b> ", "</details>\n", "```\n", "| a | b |\n|---|---|\n",
    "> ", "  - ", "1. ", "**", "*", "`", "[x](#a)", "&amp;", "\\*", "\n", "\n\n", "\r\n", "\r",
    "We decided to ", "I built ", "the team was ", "improved ", "kind of ", "42% ", "$15K/month ", "â€”", "üìå",
    "I learned ", "---\ntitle: x\n---\n", "# Heading\n", "### Q1: Title\n", "\t", "\ufeff", "\u2028",
])
MARKDOWN = st.lists(st.one_of(FRAGMENTS, st.text(max_size=20)), max_size=40).map("".join)


def _check_positions(text: str, diagnostics) -> None:
    lines = split_lines(text)
    for d in diagnostics:
        assert 1 <= d.line <= len(lines), d
        assert 1 <= d.column <= len(lines[d.line - 1]) + 1, d
        assert (d.end_line, d.end_column) >= (d.line, d.column), d
        assert d.end_line <= len(lines), d


@given(MARKDOWN)
def test_random_markdown_lints_with_positions_inside(text):
    from starlint.reading.decode import ReadError

    try:
        run = lint_text(text, RULES)
    except ReadError as exc:  # control characters: refused as binary, with one line
        assert "binary" in str(exc) and "\n" not in str(exc)
        return
    source = run.files[0]
    _check_positions(source.original, run.diagnostics)


@given(st.binary(max_size=400))
def test_random_bytes_read_or_refused(data):
    from starlint.reading.decode import ReadError

    try:
        source = read_bytes(data, "fuzz.md")
    except ReadError as exc:
        assert str(exc).startswith("fuzz.md: ") and "\n" not in str(exc)
        return
    assert len(split_lines(source.text)) == len(split_lines(source.original))


@given(st.one_of(MARKDOWN.map(lambda t: t.encode("utf-8", "surrogatepass")), st.binary(max_size=300)))
def test_cli_on_stdin_exits_0_1_or_2(data):
    from click.testing import CliRunner

    result = CliRunner().invoke(cli, ["check", "--format", "json", "-"], input=data)
    assert result.exit_code in (0, 1, 2), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    if result.exit_code != 2:
        report = json.loads(result.stdout)
        text = read_bytes(data, "<stdin>").original
        lines = split_lines(text)
        for d in report["diagnostics"]:
            assert 1 <= d["line"] <= len(lines) and 1 <= d["column"] <= len(lines[d["line"] - 1]) + 1


@given(MARKDOWN)
def test_every_word_character_maps_to_itself_in_the_file(text):
    """The per-character map of every block points at the same character in the repaired
    text (or at the '&' of an entity that produced it): byte ranges, emoji, tabs, CR and
    mojibake repairs included."""
    from starlint.reading.front_matter import split_front_matter
    from starlint.reading.decode import ReadError, read_text
    from starlint.reading.markdown import parse_blocks

    try:
        source = read_text(text, "f.md")
    except ReadError:
        return
    lines = source.text.split("\n")
    for block in parse_blocks(split_front_matter(source.text)[1]):
        for i, ch in enumerate(block.text):
            if not ch.isalnum():
                continue
            line, col = block.origin(i)
            assert lines[line][col] in (ch, "&"), (block.text, i, lines[line])


@given(st.text(max_size=120), st.data())
def test_cached_span_text_and_words_match_spacy(text, data):
    """The per-Doc caches in nlp.tokens answer exactly what spaCy's own properties do."""
    from starlint.nlp.pipeline import blank_pipeline
    from starlint.nlp.tokens import remember_text, span_text, span_words

    doc = blank_pipeline()(text)
    remember_text(doc, text)
    assert doc.text == text
    start = data.draw(st.integers(0, len(doc)))
    end = data.draw(st.integers(start, len(doc)))
    span = doc[start:end]
    assert span_text(span) == span.text
    # a word as a reader counts it: a token that is no punctuation or space, with no word
    # token before it in the same run of text without a space ("do|n't" is one word)
    def starts_a_word(token) -> bool:
        if token.is_punct or token.is_space:
            return False
        i = token.i - 1
        while i >= 0 and not doc[i].whitespace_ and not doc[i].is_space:
            if not doc[i].is_punct:
                return False
            i -= 1
        return True

    assert span_words(span) == sum(1 for t in span if starts_a_word(t))
