"""`question-fit`: a story must show what its question asks for (question types as data,
`rules/questions.yaml`). Silent where the heading or question line asks nothing we know."""

from __future__ import annotations

from typing import Iterator

from ..model import Answer
from .base import Finding, Kind


class QuestionFit(Kind):
    PARAMS = {
        "questions": "a question-types file, relative to the rule file (default: the built-in questions.yaml)",
    }

    def __init__(self, rule) -> None:
        super().__init__(rule)
        from ..coach import questions

        # a broken question-types file fails here, when the rules are loaded (exit 2)
        self.types = questions.load_question_types(questions.resolve_path(self.rule.params.get("questions"), rule.path))
        self.questions = questions

    def __call__(self, answer: Answer) -> Iterator[Finding]:
        from .principle import answer_spans

        asked = self.questions.asked_types(answer, self.types)
        if not asked:
            return
        block = self.questions.question_block(answer)
        line_end = block.text.find("\n")
        end = line_end if line_end > 0 else len(block.text)
        whole = answer_spans(answer)
        for qtype in asked:
            missing = self.questions.missing_signals(answer, qtype, whole)
            if missing:
                yield Finding(block, 0, end, {"question": qtype.name, "type": qtype.id,
                                              "missing": " or ".join(s.where() for s in missing)})
