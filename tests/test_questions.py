"""Question fit (`question-not-answered`): the bank under its own questions, the bank's stories
under other questions, a fixture pair (answers / does not) for every question type, silence
where the question is unknown, and the question-types file as data."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from starlint.coach.questions import asked_types, load_question_types
from starlint.ruleset import RuleError

from .conftest import BANK, FIXTURES, lint, lint_file, run_cli

RULE = "question-not-answered"
_MESSAGE = re.compile(r"\(([a-z-]+)\), but the story never shows (.*)$")
QUESTIONS = sorted((FIXTURES / "questions").glob("*.md"))


def findings(run) -> list[tuple[int, int, str, str]]:
    """(line, column, question type, what the story never shows) of each question-fit finding."""
    out = []
    for d in run.diagnostics:
        if d.rule == RULE:
            match = _MESSAGE.search(d.message)
            out.append((d.line, d.column, match.group(1), match.group(2)))
    return out


def bank_stories() -> dict[str, str]:
    """Q91 -> the text of its answer (its four parts), without its heading."""
    text = BANK.read_text(encoding="utf-8")
    return dict(re.findall(r"^### (Q\d+): .*? \[↩️\]\(#index\)\n(.*?)\n---", text, re.S | re.M))


# --- the bank -------------------------------------------------------------------------------

BANK_QUESTIONS = {
    "Q91": ["incident"], "Q92": ["dive-deep"], "Q93": ["dive-deep"], "Q94": ["ownership"],
    "Q95": ["reliability"], "Q96": ["tight-deadline"], "Q97": ["speed-over-perfection"],
    "Q98": ["ambiguity", "decision"], "Q99": ["automation"], "Q100": ["cost", "performance"],
    "Q101": ["conflict"], "Q102": ["incident"], "Q103": ["simplification"], "Q104": ["calculated-risk"],
}


def test_every_bank_answer_asks_a_known_question_and_answers_it():
    run = lint_file(BANK)
    types = load_question_types()
    assert {a.title.split(":")[0]: [t.id for t in asked_types(a, types)] for a in run.answers} == BANK_QUESTIONS
    assert findings(run) == []


# Each bank story under another question: (story, question, the findings it must produce).
SWAPS = [
    ("Q97", "Tell me about a time you disagreed with your manager", [("conflict", "the disagreement")]),
    ("Q104", "Tell me about a time you disagreed with a teammate", [("conflict", "the disagreement")]),
    ("Q99", "Tell me about a time you went above and beyond for a customer",
     [("customer", "a customer or user and their need")]),
    ("Q93", "Tell me about a time you worked under a tight deadline",
     [("tight-deadline", "a time constraint in the Situation or Task")]),
    ("Q101", "Q96: Delivered under tight deadlines", [("tight-deadline", "a time constraint in the Situation or Task")]),
    ("Q96", "Tell me about a time you made a decision with incomplete data",
     [("ambiguity", "what was unknown in the Situation, Task or Action"), ("decision", "what you decided")]),
    ("Q103", "Tell me about a time you failed", [("failure", "what went wrong")]),
    ("Q91", "Tell me about a time you mentored someone", [("mentoring", "what you did for their growth in the Action")]),
    ("Q95", "Tell me about a time you took a calculated risk", [("calculated-risk", "the risk you took")]),
    ("Q92", "Tell me about a time you influenced people without authority",
     [("influence", "how you won them over in the Action or whether they came on board in the Action or Result")]),
    ("Q100", "Tell me about a time you simplified a process",
     [("simplification", "what complexity you removed in the Action or Result")]),
    ("Q102", "Tell me about a time you received critical feedback", [("feedback", "the feedback you received")]),
    ("Q98", "Q94: Took ownership beyond your role", [("ownership", "how it went beyond your role")]),
    ("Q99", "Q92: Debugged a data discrepancy", [("dive-deep", "the cause you found")]),
    # stories that do answer the other question stay silent
    ("Q101", "Tell me about a time you disagreed with your manager", []),
    ("Q93", "Tell me about a time you disagreed with a stakeholder", []),
    ("Q104", "Tell me about a time you took a calculated risk", []),
    ("Q98", "Describe a time you decided without all the data", []),
    ("Q94", "Tell me about a time you went beyond your role", []),
]


@pytest.mark.parametrize("story,question,expected", SWAPS, ids=[f"{s}-under-{q[:30]}" for s, q, _ in SWAPS])
def test_bank_story_under_another_question(story, question, expected):
    run = lint(f"## {question}\n{bank_stories()[story]}\n")
    assert findings(run) == [(1, 4, qtype, missing) for qtype, missing in expected]


UNKNOWN = [
    "Project Phoenix",
    "Q7: Migrating the warehouse",
    "Tell me about your most challenging project",
    "Walk me through a project you led",
    "Story 3",
    "What did you do at your last job?",
]


@pytest.mark.parametrize("heading", UNKNOWN)
def test_unknown_question_is_silent(heading):
    stories = bank_stories()
    for story in stories.values():
        run = lint(f"## {heading}\n{story}\n")
        assert run.answers and not asked_types(run.answers[0], load_question_types())
        assert findings(run) == [], heading


def test_answer_without_heading_or_question_line_is_silent(tmp_path):
    path = tmp_path / "tell_me_about_a_time_you_failed.md"
    path.write_text(bank_stories()["Q99"], encoding="utf-8")
    assert findings(lint_file(path)) == []


# --- a fixture pair for every question type -------------------------------------------------

def test_every_question_type_has_its_fixture():
    ids = {t.id for t in load_question_types() if t.shows}
    assert {p.stem.replace("_", "-") for p in QUESTIONS} == ids
    assert len(ids) >= 16


def _expected(path: Path) -> list[tuple[int, int, str, str]]:
    out = []
    for line in path.with_suffix(".expected").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            place, qtype, missing = re.match(r"(\d+:\d+) ([a-z-]+): (.*)$", line).groups()
            row, col = place.split(":")
            out.append((int(row), int(col), qtype, missing))
    return out


@pytest.mark.parametrize("path", QUESTIONS, ids=[p.stem for p in QUESTIONS])
def test_question_type_fixture(path):
    """The first answer answers its question (no finding); the second does not (the finding
    names the type and what is missing, at the question's line)."""
    run = lint_file(path)
    assert len(run.answers) == 2
    expected = _expected(path)
    first = run.answers[0]
    assert not [f for f in findings(run) if first.line <= f[0] <= first.end_line]
    assert expected and all(run.answers[1].line <= e[0] for e in expected)
    assert findings(run) == expected


@pytest.mark.parametrize("path", QUESTIONS[:8], ids=[p.stem for p in QUESTIONS[:8]])
def test_question_type_fixture_without_trained_pipeline(path, blank_pipeline):
    assert findings(lint_file(path)) == _expected(path)


def test_finding_points_at_the_question_line_under_a_heading():
    text = ("## Conflict\n\n**Q:** Tell me about a time you disagreed with your manager.\n\n"
            + bank_stories()["Q97"])
    run = lint(text)
    assert findings(run) == [(3, 3, "conflict", "the disagreement")]
    line = text.splitlines()[2]
    d = next(d for d in run.diagnostics if d.rule == RULE)
    assert line[d.column - 1 : d.end_column - 1] == "Q:** Tell me about a time you disagreed with your manager."[:d.end_column - d.column]


def test_principle_names_are_left_to_lp_not_shown():
    """'Customer Obsession' in a title is lp-not-shown's to check; the rest of the title asks."""
    run = lint(f"## Customer Obsession: pushed back on a request\n{bank_stories()['Q97']}\n")
    assert [t.id for t in asked_types(run.answers[0], load_question_types())] == ["conflict"]
    assert findings(run) == [(1, 4, "conflict", "the disagreement")]


# --- the question types as data -------------------------------------------------------------

def _rule_folder(tmp_path: Path, questions: str) -> Path:
    folder = tmp_path / "style"
    folder.mkdir()
    (folder / "fit.yaml").write_text(
        "name: my-fit\nseverity: warning\npart: answer\nkind: question-fit\nquestions: my-questions.yaml\n"
        "message: 'Asks for {question}: no {missing}'\n", encoding="utf-8")
    (folder / "my-questions.yaml").write_text(questions, encoding="utf-8")
    (tmp_path / ".starlint.yaml").write_text("extra-rules: [style/]\n", encoding="utf-8")
    return folder


def test_user_question_types(tmp_path):
    _rule_folder(tmp_path, (
        "questions:\n"
        "  - id: on-call\n    name: an on-call story\n    asked: ['\\bon[- ]call\\b']\n"
        "    shows:\n      - what: a page\n        phrases: [paged, pager, alert]\n    source: our team\n"))
    draft = tmp_path / "a.md"
    draft.write_text(f"## My worst on-call week\n{bank_stories()['Q99']}\n", encoding="utf-8")
    code, out, _ = run_cli("--select", "my-fit", str(draft))
    assert f"{draft}:1:4: warning my-fit Asks for an on-call story: no a page" in out


@pytest.mark.parametrize("questions,problem", [
    ("questions:\n  - id: x\n    name: y\n    asked: ['(?<=a)b']\n    shows: [{what: z, phrases: [a]}]\n    source: s\n",
     ":4: regex '(?<=a)b' is not valid RE2 syntax"),
    ("questions:\n  - id: x\n    name: y\n    asked: [a]\n    shows: [{what: z, principle: Be Nice}]\n    source: s\n",
     ":5: unknown Leadership Principle 'Be Nice'"),
    ("questions:\n  - id: x\n    name: y\n    asked: [a]\n    shows: [{what: z, in: [middle], phrases: [a]}]\n"
     "    source: s\n", ":5: 'in' names parts"),
    ("questions:\n  - id: x\n    name: y\n    asked: [a]\n    shows: [{what: z, phrases: [a]}]\n", ":2: entry 1 needs 'source'"),
    ("questions: !!python/object/apply:os.system [echo hi]\n", ":1:"),
])
def test_broken_question_types_are_one_line_and_exit_2(tmp_path, questions, problem):
    folder = _rule_folder(tmp_path, questions)
    draft = tmp_path / "a.md"
    draft.write_text("## Tell me about a time you failed\n\nI failed.\n", encoding="utf-8")
    code, out, err = run_cli(str(draft))
    assert code == 2 and err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith(f"starlint: {folder / 'my-questions.yaml'}") and problem in err, err


def test_builtin_question_types_load_and_cite_a_source():
    for qtype in load_question_types():
        assert qtype.source and (not qtype.shows or qtype.principles), qtype.id


def test_a_type_that_shows_nothing_is_the_one_list_of_practice_questions_two_rules_read():
    """"How do you handle pressure?" asks how the candidate works: generic-answer and
    missing-part read its `asked` from one question type, and question-not-answered has
    nothing to check for it."""
    from starlint.ruleset import builtin_rules

    practice = load_question_types().named("practice")
    assert practice is not None and practice.shows == () and practice.principles == ()
    rules = {r.name: r for r in builtin_rules()}
    for name in ("generic-answer", "missing-part"):
        assert rules[name].params == {**rules[name].params, "practice_question_type": "practice"}
        assert [r.pattern for r in rules[name].check.practice] == list(practice.asked)
    run = lint("## How do you handle pressure?\n\nI usually split the work and tell my lead early. "
               "I keep a list of what can wait.\n")
    assert "question-not-answered" not in {d.rule for d in run.diagnostics}
    assert "generic-answer" in {d.rule for d in run.diagnostics}


def test_missing_question_file_is_an_error(tmp_path):
    with pytest.raises(RuleError, match="cannot read question types file"):
        load_question_types(str(tmp_path / "none.yaml"))


def test_a_system_stabilized_in_the_action_is_restored():
    """"Stabilized immediately with ANALYZE" is how the speaker restored it."""
    text = ("## Tell me about a production incident you handled\n\n"
            "**Situation:** Checkout timed out for live customers after a data load.\n\n"
            "**Task:** I owned the database and had to bring checkout back.\n\n"
            "**Action:** I found the slow query and stabilized it with a statistics refresh, "
            "then added an index that matches its filter.\n\n"
            "**Result:** Checkout was back within ten minutes. I added an alert on slow queries "
            "so a plan flip pages us first.\n")
    assert findings(lint(text)) == []


def test_a_question_about_how_the_candidate_works_states_the_task_itself():
    """Under "How do you handle pressure?" the goal is the question's: no "Task is missing".
    Under "Tell me about a time ..." the answer must still say what the speaker had to do."""
    body = ("**Situation:** Two releases landed in the same week last spring.\n\n"
            "**Action:** I split the test plan by risk, ran the payment suite first and told the "
            "team each evening what was left.\n\n"
            "**Result:** Both releases shipped on the Friday with no rollback.\n")
    practice = lint("## How do you handle pressure?\n\n" + body)
    assert not [d for d in practice.diagnostics if d.rule == "missing-part"]
    story = lint("## Tell me about a time you were under pressure\n\n" + body)
    assert [d.message.split(" ")[0] for d in story.diagnostics if d.rule == "missing-part"] == ["Task"]


def test_an_unknown_practice_question_type_is_a_one_line_rule_error(tmp_path):
    from starlint.ruleset import load_rule_file

    path = tmp_path / "mine.yaml"
    path.write_text("name: my-generic\nseverity: warning\npart: action\nkind: habitual\n"
                    "message: habit\nphrases: [I usually]\npractice_question_type: nope\n", encoding="utf-8")
    with pytest.raises(RuleError, match=r"mine\.yaml:7: rule 'my-generic': no question type 'nope'"):
        load_rule_file(path, builtin=False)
