"""What every kind shares: the finding it yields, the scope it reads, and matching helpers."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterator

from ..model import Answer, Block, Part
from ..nlp.tokens import span_text

if TYPE_CHECKING:
    from spacy.tokens import Span

    from ..ruleset import Rule


@dataclass
class Finding:
    """Where a rule fires: a character range of a block, and values for its message."""

    block: Block
    start: int
    end: int
    values: dict[str, Any] = field(default_factory=dict)
    part: str | None = None


class Kind:
    """A kind of check, implemented once; a rule is a kind plus parameters (Vale-style)."""

    #: parameter name -> what it means (the ruleset validates keys against this)
    PARAMS: dict[str, str] = {}

    def __init__(self, rule: "Rule") -> None:
        self.rule = rule

    def prepare(self, answers: list[Answer]) -> None:
        """Work to do once for all answers before checking them (e.g. batch parsing)."""

    def __call__(self, answer: Answer) -> Iterator[Finding]:
        raise NotImplementedError


def scope_spans(answer: Answer, part_name: str | list[str]) -> Iterator[tuple[str | None, "Span"]]:
    """(part name, span) for the text a rule reads: one part, several, or the whole answer."""
    if isinstance(part_name, list):
        for name in part_name:
            yield from scope_spans(answer, name)
        return
    if part_name == "answer":
        if answer.whole_spans is None:
            answer.whole_spans = [(part_of(answer, block, 0), block.doc[:]) for block in answer.blocks
                                  if block.kind != "heading" and block.doc is not None]
        yield from answer.whole_spans
        return
    part = answer.parts.get(part_name)
    if part is not None:
        for span in part.spans:
            yield part_name, span


def part_of(answer: Answer, block: Block, offset: int) -> str | None:
    for part in answer.all_parts():
        for seg in part.segments:
            if seg.block is block and seg.start <= offset < max(seg.end, seg.start + 1):
                return part.name
    return None


def shared_with(part: Part, parts: list[Part]) -> bool:
    """An inferred part whose text lies inside another of `parts` (a Task read from the
    Situation's sentence): its words are counted once, with the other."""
    return part.inferred and any(
        other is not part and all(any(seg.block is o.block and o.start <= seg.start and seg.end <= o.end
                                      for o in other.segments) for seg in part.segments)
        for other in parts
    )


def label_partner(answer: Answer, part: Part) -> Part | None:
    """The other part that the part's label also labels (a merged `(ST)`), if any."""
    label = part.label
    if label is None:
        return None
    return next((other for other in answer.parts.values()
                 if other is not part and other.label is not None and other.label.block is label.block
                 and other.label.start == label.start), None)


def anchor(answer: Answer, part: Part | None) -> tuple[Block, int, int]:
    """Where a finding about a whole part (or answer) points: its label, first words, title."""
    if part is not None:
        if part.label is not None:
            return part.label.block, part.label.start, part.label.end
        if part.segments:
            seg = part.segments[0]
            first_line_end = seg.block.text.find("\n", seg.start, seg.end)
            return seg.block, seg.start, first_line_end if first_line_end > 0 else seg.end
    if answer.heading is not None:
        return answer.heading, 0, len(answer.heading.text)
    block = answer.blocks[0]
    end = block.text.find("\n")
    return block, 0, end if end > 0 else len(block.text)


class ParamError(ValueError):
    """A rule parameter is wrong; `key` names it, so that the error points at its line."""

    def __init__(self, key: str, message: str) -> None:
        super().__init__(message)
        self.key = key


def compile_regex(pattern: str, ignorecase: bool, key: str = "regex"):
    """User regexes run on RE2 (linear time: no pattern can hang a run)."""
    import re2

    options = re2.Options()
    options.case_sensitive = not ignorecase
    options.log_errors = False
    try:
        return re2.compile(pattern, options)
    except re2.error as exc:
        detail = exc.args[0] if exc.args else exc
        detail = detail.decode("utf-8", "replace") if isinstance(detail, bytes) else str(detail)
        raise ParamError(key, f"regex {pattern!r} is not valid RE2 syntax ({detail}); RE2 runs in linear "
                              "time, so it has no lookaround or backreferences") from None


def compile_regexes(value: Any, ignorecase: bool, key: str) -> list:
    """A parameter holding one regex or a list of them, each compiled on its own so that an
    error names the parameter (`key`) and the pattern."""
    patterns = value if isinstance(value, list) else [value] if value else []
    return [compile_regex(str(p), ignorecase, key) for p in patterns]


def practice_regexes(params: dict) -> list:
    """The regexes of questions about how the candidate works in general ("How do you handle
    pressure?"): the rule's own `practice_questions`, or the `asked` of the built-in question
    type its `practice_question_type` names, one list that several rules read."""
    qid = params.get("practice_question_type")
    if qid is None:
        return compile_regexes(params.get("practice_questions"), True, "practice_questions")
    from ..coach.questions import load_question_types

    qtype = load_question_types().named(str(qid))
    if qtype is None:
        raise ParamError("practice_question_type", f"no question type '{qid}' in the built-in questions.yaml")
    return compile_regexes(list(qtype.asked), True, "practice_question_type")


#: Token attributes a `REGEX` in a token pattern may test, and how to read them from a token.
_REGEX_ATTRS = {
    "TEXT": lambda t: t.text, "ORTH": lambda t: t.orth_, "LOWER": lambda t: t.lower_,
    "NORM": lambda t: t.norm_, "LEMMA": lambda t: t.lemma_, "SHAPE": lambda t: t.shape_,
    "PREFIX": lambda t: t.prefix_, "SUFFIX": lambda t: t.suffix_, "POS": lambda t: t.pos_,
    "TAG": lambda t: t.tag_, "DEP": lambda t: t.dep_, "ENT_TYPE": lambda t: t.ent_type_,
    "MORPH": lambda t: str(t.morph),
}


def _re2_predicate(attr: str, pattern: Any) -> str:
    """The name of a token extension that tests `attr` against `pattern` with RE2; spaCy's
    own REGEX runs Python's backtracking `re`, where `^(a+)+$` hangs on a long token."""
    import hashlib

    from ..nlp.spacy_import import import_spacy

    import_spacy()  # the first import of spaCy may be here, at rule load
    from spacy.tokens import Token

    if not isinstance(pattern, str):
        raise ParamError("patterns", f"REGEX on {attr} must be a string, not {pattern!r}")
    if attr not in _REGEX_ATTRS:
        raise ParamError("patterns", f"REGEX on {attr!r} is not supported in token patterns "
                                     f"(it works on {', '.join(_REGEX_ATTRS)})")
    regex = compile_regex(pattern, ignorecase=False, key="patterns")
    name = "starlint_re2_" + hashlib.sha1(f"{attr}\0{pattern}".encode("utf-8", "surrogatepass")).hexdigest()[:16]
    if not Token.has_extension(name):
        read = _REGEX_ATTRS[attr]
        Token.set_extension(name, getter=lambda token: regex.search(read(token)) is not None)
    return name


def re2_token_patterns(patterns: list) -> list:
    """Token patterns with every `REGEX` predicate (`{"TEXT": {"REGEX": ...}}`, on any
    attribute, beside IN/NOT_IN or alone) evaluated by RE2 instead, through a token
    extension: linear time, the same matches for the syntax both engines share."""
    out = []
    for pattern in patterns:
        tokens = []
        for spec in pattern:
            if not isinstance(spec, dict):
                raise ParamError("patterns", f"a token pattern is a list of dicts, not {spec!r}")
            spec = dict(spec)
            custom = spec.get("_", {})
            if not isinstance(custom, dict):
                raise ParamError("patterns", "`_` in a token pattern must be a mapping of custom attributes")
            if any(isinstance(v, dict) and "REGEX" in v for v in custom.values()):
                raise ParamError("patterns", "REGEX on a custom attribute (`_`) is not supported; use `regex:`")
            custom = dict(custom)
            for attr, value in list(spec.items()):
                if attr == "_" or not isinstance(value, dict) or "REGEX" not in value:
                    continue
                rest = {k: v for k, v in value.items() if k != "REGEX"}
                if rest:
                    spec[attr] = rest
                else:
                    del spec[attr]
                custom[_re2_predicate(str(attr).upper(), value["REGEX"])] = True
            if custom:
                spec["_"] = custom
            tokens.append(spec)
        out.append(tokens)
    return out


_LINE_BREAKS_AS_SPACES = str.maketrans({"\n": " ", "\r": " ", "\t": " "})


def _wrapped_phrase_matcher(vocab, docs, attr: str):
    """The phrases as token patterns that allow one whitespace token between words."""
    from spacy.matcher import Matcher

    matcher = Matcher(vocab)
    patterns = []
    for doc in docs:
        pattern: list[dict] = []
        for i, token in enumerate(doc):
            if i:
                pattern.append({"IS_SPACE": True, "OP": "?"})
            pattern.append({attr: token.norm_ if attr == "NORM" else token.text})
        if pattern:
            patterns.append(pattern)
    if patterns:
        matcher.add("P", patterns, greedy="LONGEST")
    return matcher


_POINTED = "(?P<at>"


class SpanMatcher:
    """Phrases, token patterns and regexes, compiled once, matched inside spans."""

    def __init__(self, phrases=None, patterns=None, regex=None, ignorecase: bool = True, lemmas=None) -> None:
        from ..nlp.inflect import phrase_forms

        self.phrases = [str(p) for p in (phrases or [])]
        # lemmas match in every form ("improve": improves, improved, improving)
        self.phrases += [form for lemma in (lemmas or []) for form in phrase_forms(str(lemma))]
        self.patterns = patterns or []
        if not isinstance(self.patterns, list) or not all(isinstance(p, list) for p in self.patterns):
            raise ParamError("patterns", "patterns must be a list of spaCy token patterns (lists of dicts)")
        regexes = [str(r) for r in (regex if isinstance(regex, list) else ([regex] if regex else []))]
        for r in regexes:
            compile_regex(r, ignorecase)  # each checked on its own, for a clear error
        # a group named `at` is what the finding points at: "(got|became) (?P<at>much better)"
        # needs its verb to match, but the claim is the comparative; each regex's group gets
        # its own name, so that all of them still run as one pass over the text (no-learning
        # has two dozen)
        regexes = [r.replace(_POINTED, f"(?P<at{i}>") for i, r in enumerate(regexes)]
        self.regexes = [compile_regex("|".join(f"(?:{r})" for r in regexes), ignorecase)] if regexes else []
        #: per regex, the numbers of its `at` groups
        self._at_groups = [[n for name, n in r.groupindex.items() if name.startswith("at")] for r in self.regexes]
        self.ignorecase = ignorecase
        self._phrase_matcher = None
        self._wrapped_matcher = None
        self._token_matcher = None
        self.patterns = re2_token_patterns(self.patterns)
        if self.patterns:  # built now, so that a broken pattern is a rule error at load
            from ..nlp.pipeline import blank_pipeline

            self._build_token_matcher(blank_pipeline().vocab)

    def _build_token_matcher(self, vocab) -> None:
        from spacy.matcher import Matcher

        matcher = Matcher(vocab, validate=True)
        try:
            matcher.add("T", self.patterns)
        except (ValueError, TypeError, KeyError) as exc:
            problem = " ".join(str(exc).split())[:300]
            raise ParamError("patterns", f"invalid token pattern ({problem})") from None
        self._token_matcher = matcher

    def __bool__(self) -> bool:
        return bool(self.phrases or self.patterns or self.regexes)

    @classmethod
    def from_params(cls, params: dict, ignorecase: bool = True) -> "SpanMatcher":
        """The matcher a rule's (or its exceptions') phrases, lemmas, patterns and regex make."""
        return cls(params.get("phrases"), params.get("patterns"), params.get("regex"), ignorecase, params.get("lemmas"))

    def _matchers(self, vocab):
        if self._phrase_matcher is None and self.phrases:
            from ..nlp.pipeline import blank_pipeline

            tokenizer = blank_pipeline().tokenizer  # imports spaCy first
            from spacy.matcher import PhraseMatcher

            # NORM: lower case, and "I’d" reads as "I'd", "I'll" as "I will", "don't" as "do not"
            self._phrase_matcher = PhraseMatcher(vocab, attr="NORM" if self.ignorecase else "ORTH")
            docs = [tokenizer(p) for p in self.phrases]
            self._phrase_matcher.add("P", docs)
            self._wrapped_matcher = _wrapped_phrase_matcher(vocab, docs, "NORM" if self.ignorecase else "ORTH")
        if self._token_matcher is None and self.patterns:
            self._build_token_matcher(vocab)
        return self._phrase_matcher, self._token_matcher

    def hits(self, span: "Span") -> bool:
        """Whether anything matches inside the span: the cheaper matchers first, and no regex
        run once one of them has matched (a principle shown, a lesson told)."""
        return bool(self.matches(span, first=True))

    def hits_any(self, spans: list["Span"]) -> bool:
        """Whether anything matches in any of the spans: the phrase and token matchers over
        all of them first, the regexes (the slow pass) only if those find nothing, so that a
        lesson named by a phrase in the last span spares the regex pass over the spans before."""
        if any(self.matches(span, first=True, regexes=False) for span in spans):
            return True
        return bool(self.regexes) and any(self.matches(span, first=True, cheap=False) for span in spans)

    def matches(self, span: "Span", first: bool = False, overlapping: bool = False,
                regexes: bool = True, cheap: bool = True) -> list[tuple[int, int]]:
        """Character ranges (in the span's doc) of every match inside the span, in order.
        `first`: stop at the first kind of matcher that finds anything. `overlapping`: keep
        matches that overlap an earlier one (exceptions: each cancels what it covers).
        `regexes` / `cheap`: run the regexes / the phrase and token matchers (both by default)."""
        found: list[tuple[int, int]] = []
        phrase, token = self._matchers(span.doc.vocab) if cheap else (None, None)
        raw = span_text(span)
        if phrase is not None:
            # a phrase across a soft line break ("much\nbetter") has a space token inside it,
            # which the phrase matcher does not skip: such a span takes the slower matcher
            inner = raw.strip()
            wrapped = "\n" in inner or "  " in inner or "\t" in inner
            matcher = self._wrapped_matcher if wrapped else phrase
            found.extend((m.start_char, m.end_char) for m in matcher(span, as_spans=True))
        if token is not None and not (first and found):
            # POS/DEP patterns on a blank pipeline's Doc: no match rather than error E155
            found.extend((m.start_char, m.end_char) for m in token(span, as_spans=True, allow_missing=True))
        if first and found:
            return found
        # a soft line break is a space to the reader: "I\nlearned to" is "I learned to"
        # (same length, so offsets hold)
        broken = "\n" in raw or "\t" in raw or "\r" in raw
        text = raw.translate(_LINE_BREAKS_AS_SPACES) if self.regexes and broken else raw
        for regex, groups in zip(self.regexes if regexes else (), self._at_groups):
            for m in regex.finditer(text):
                at = next((g for g in groups if m.start(g) >= 0), 0) if groups else 0
                if m.end(at) > m.start(at):
                    found.append((span.start_char + m.start(at), span.start_char + m.end(at)))
        found.sort()
        if overlapping:
            return found
        deduped: list[tuple[int, int]] = []
        for start, end in found:
            if deduped and start < deduped[-1][1]:
                continue  # overlapping matches: keep the first
            deduped.append((start, end))
        return deduped
