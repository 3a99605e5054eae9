"""What counts as a figure in a Result: an amount of change, a measured outcome, money, a
duration, a count of affected things ("QUANTIFY EVERYTHING", bank Tip 2).

Not every numeral is one: "two engineers" is the team, "case 1" and "step 2" are names, "in
2021" is a date, "one or two ideas" is vague. Spelled-out numbers count only with a unit or
as a multiplier ("one more day", "three times faster", "halved"); digits count unless they
name, date or staff something.

Regexes over the text rather than token attributes: spaCy splits "$45K" into "$ 45 K" but
keeps "15K/month" whole, and `like_num` is false for "15K" (shared/notes/nlp-facts.md).
"""

from __future__ import annotations

import re

_SMALL_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    "sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
    "a hundred|a thousand|a million|a billion|hundreds|thousands|millions|billions|dozens|a dozen|"
    "a few|a couple of|a couple|a handful of|several|half|a half|a third|a quarter|two[- ]thirds|three[- ]quarters"
)
#: Words that are a change or a comparison by themselves.
_MULTIPLIERS = r"zero|twice|thrice|double[ds]?|doubling|tripled?|triples|tripling|quadrupled?|halved|halving"
#: Units after a number: time, size, rate, money, and things a result counts.
_UNITS = (
    r"ms|msec|milliseconds?|s|secs?|seconds?|mins?|minutes?|hrs?|hours?|days?|weeks?|months?|"
    r"quarters?|years?|sprints?|nights?|shifts?|business days?|"
    r"%|percent|per ?cent|pp|percentage points?|points?|basis points|bps|x|times|fold|"
    r"[kmgt]i?b|bytes|[kmgt]bps|rps|qps|tps|req/s|requests?|calls|queries|"
    r"dollars|usd|eur|euros|pounds|cents|k|m|b|bn|mm|"
    r"users?|customers?|clients?|accounts?|tickets?|bugs?|defects?|incidents?|outages?|issues?|errors?|"
    r"failures?|alerts?|pages?|reports?|jobs?|pipelines?|services?|servers?|nodes?|machines?|tests?|"
    r"prs?|pull requests|commits|deploy(?:ment)?s?|releases?|orders?|transactions?|rows?|records?|"
    r"files?|lines?|signups?|sign-ups?|leads?|downloads?|installs?|visits?|sessions?|sales?|"
    r"dashboards?|steps?|features?|teams?|stores?|sites?|regions?|countries|markets?|products?|"
    r"shipments?|packages?|items?|units?|cases?|claims?|complaints?|escalations?|hires?|stars?|"
    r"tables?|models?|experiments?|apps?|repos?|modules?|endpoints?|apis?|vulnerabilities|"
    r"more|fewer|less|extra|additional|faster|slower|higher|lower|cheaper|smaller|bigger|larger"
)
#: People: a number of them is the team, not an outcome ("two engineers", "3 interns").
_PEOPLE = (
    r"engineers?|developers?|devs?|people|persons?|members?|teammates?|colleagues?|peers?|interns?|"
    r"managers?|leads?|stakeholders?|designers?|analysts?|scientists?|contractors?|reviewers?|"
    r"of us|of them|of my|of our|other|others|senior|junior|new"
)
#: Words before a number that make it a name or a position, not an amount.
_NAMING = (
    r"case|step|phase|version|v|sprint|level|tier|page|line|item|number|no|option|round|day|week|"
    r"stage|part|chapter|section|scenario|story|question|priority|p|rank|top|group|batch|wave|"
    r"iteration|milestone|figure|table|slide|grade|class|type|gen|generation|ticket|issue|pr|task"
)
_MONTHS = (
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|spring|summer|fall|autumn|winter|early|late|mid|"
    r"in|since|by|of|from|until|till|during|before|after|around|circa"
)

#: (a numeral that opens a name is no figure: "1Password", "3Com"; "5Mbps" is a rate)
_DIGITS = re.compile(
    r"(?<![A-Za-z0-9.,/#-])(?P<cur>[$€£¥]\s?)?(?P<num>\d+(?:[.,:]\d+)*)(?!\d)(?!(?![KMGT]bps)[A-Z][a-z]{2,})"
    r"(?P<suffix>\s?(?:%|[kKmMbB]\b|x\b))?"
)
_WORDS = re.compile(rf"\b(?P<num>{_SMALL_WORDS})\b", re.IGNORECASE)
_MULTIPLIER = re.compile(rf"\b(?:{_MULTIPLIERS})\b", re.IGNORECASE)
#: "by the second day", "in my third week": a duration told by its end
_ORDINAL_TIME = re.compile(
    r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th)) "
    r"(?:day|week|month|quarter|sprint|year|hour|night|release|attempt|try)s?\b",
    re.IGNORECASE,
)
#: "for the entire semester", "throughout the whole quarter": a duration told by its span
_WHOLE_PERIOD = re.compile(
    r"\b(?:for|during|over|throughout|across) (?:the|an?) (?:entire|whole|full) "
    r"(?:day|week|month|quarter|semester|term|sprint|year|season|summer|winter|release)\b",
    re.IGNORECASE,
)
#: "created in a single day", "fixed within a week": a time taken, told with an article
_SINGLE_PERIOD = re.compile(
    r"\b(?:in|within|inside|under) (?:a single|just a|only a|less than a|under a|a) "
    r"(?:day|week|afternoon|morning|evening|hour|night|weekend|sprint|month|shift)\b",
    re.IGNORECASE,
)
#: "finished half a month before the deadline", "a day and a half": a duration in halves
_HALF_PERIOD = re.compile(
    r"\bhalf (?:a|an) (?:day|week|month|year|hour|sprint|quarter|semester)\b|"
    r"\b(?:a|an|one) (?:day|week|month|year|hour|sprint) and a half\b",
    re.IGNORECASE,
)
#: "after a week of learning, I could build ...": the time a step took, told with an article
_TIME_SPENT = re.compile(
    r"\b(?:after|in|within|with) (?:a|an|just a|only a) (?:day|week|month|weekend|sprint|afternoon|night) of "
    r"(?:[a-z]+ )?[a-z]+ing\b",
    re.IGNORECASE,
)
#: "fixed the locators the following day", "shipped it the same week": the time it took,
#: told from the day of the story, after the deed
_NEXT_PERIOD = re.compile(r"\bthe (?:following|next|same) (?:day|morning|afternoon|evening|night|week)\b", re.IGNORECASE)
#: "the contract value surpassed five figures", "a six-figure deal": money told by its digits
_FIGURES = re.compile(r"\b(?:four|five|six|seven|eight|nine|[4-9])[- ]figures?\b", re.IGNORECASE)
_FOLLOWED_BY_UNIT = re.compile(rf"^(?:[\s-]*(?:more|extra|additional|whole|full|fewer|less|straight|consecutive))?"
                               rf"[\s-]*(?:{_UNITS})\b", re.IGNORECASE)
_FOLLOWED_BY_PEOPLE = re.compile(rf"^[\s-]*(?:[a-z]+[\s-]+)?(?:{_PEOPLE})\b", re.IGNORECASE)
#: The options weighed: a number of them is the choice, not an outcome ("a balance between the
#: 2 approaches", "I compared 3 options").
_CHOICES = r"approach(?:es)?|options?|alternatives?|solutions?|ideas?|designs?|proposals?|ways?|choices?|sides?|paths?|camps?"
_FOLLOWED_BY_CHOICES = re.compile(rf"^[\s-]*(?:[a-z]+[\s-]+)?(?:{_CHOICES})\b", re.IGNORECASE)
#: ... when the number names the set weighed, not what a change left ("cut it to 2 ways")
_WEIGHED_BEFORE = re.compile(r"\b(?:between|among|compared|weighed|considered|evaluated|discussed|debated|proposed|"
                             r"explored|tried|presented|of|the|both|all)\s+(?:the\s+|these\s+|those\s+)?$", re.IGNORECASE)
_PRECEDED_BY_NAME = re.compile(rf"\b(?:{_NAMING})\.?\s*#?\s*$", re.IGNORECASE)
_PRECEDED_BY_DATE = re.compile(rf"\b(?:{_MONTHS})\s*,?\s*$", re.IGNORECASE)
#: "the 3 years in China", "the 2 weeks at the startup": a period named, not an amount
_PERIOD_NAMED_BEFORE = re.compile(r"\b(?:the|those|these|my|our)\s*$", re.IGNORECASE)
_PERIOD_NAMED_AFTER = re.compile(r"^\s*(?:years?|months?|weeks?|days?|semesters?|summers?)\s+(?:in|at)\b", re.IGNORECASE)
#: a specification, not an amount: "the 6 GHz band", "a 64-bit build"
_SPEC_AFTER = re.compile(r"^[\s-]*(?:[kmg]?hz|bit)\b", re.IGNORECASE)
_VAGUE_AFTER = re.compile(r"^\s*(?:or|to|-|–)\s*(?:two|three|four|2|3|4)\b(?!\s*(?:%|x\b))", re.IGNORECASE)
_VAGUE_BEFORE = re.compile(r"\b(?:one|1)\s*(?:or|to|-|–)\s*$", re.IGNORECASE)


def _is_year(num: str, before: str, after: str) -> bool:
    return (len(num) == 4 and num[:2] in ("19", "20") and not _FOLLOWED_BY_UNIT.match(after)
            and (_PRECEDED_BY_DATE.search(before) is not None or not before.strip() or after[:1] in (",", ")", ".")))


def _digit_is_figure(match: re.Match, text: str) -> bool:
    if match.group("cur") or match.group("suffix"):
        return True  # money, a percentage, a multiplier, 15K
    num = match.group("num")
    before = text[max(0, match.start() - 40) : match.start()]
    if before.endswith("+") and before[-2:-1].isalpha():
        return False  # "N+1 queries": a name
    after = text[match.end() : match.end() + 40]
    if _PERIOD_NAMED_BEFORE.search(before) and _PERIOD_NAMED_AFTER.match(after):
        return False  # "the 3 years in China proved successful"
    if _SPEC_AFTER.match(after):
        return False  # "enabled 6 GHz", "a 64-bit build"
    if _FOLLOWED_BY_UNIT.match(after) or ":" in num:
        return True  # "40 minutes", "2:30", "12 tickets"
    if _PRECEDED_BY_NAME.search(before) or _is_year(num, before, after):
        return False  # "case 1", "step 2", "in 2021"
    if _VAGUE_AFTER.match(after) or _VAGUE_BEFORE.search(before):
        return False  # "1 or 2"
    if _FOLLOWED_BY_PEOPLE.match(after):
        return int(re.sub(r"\D", "", num) or 0) >= 10  # "2 engineers" is the team; "40 engineers trained" a reach
    if _FOLLOWED_BY_CHOICES.match(after) and _WEIGHED_BEFORE.search(before):
        return False  # "between the 2 approaches": the options weighed
    return True


#: "One day, my manager asked ...", "one day it might be worth it": a time left unsaid, not
#: a duration ("in one day", "one day early" are durations)
_SOMEDAY_AFTER = re.compile(r"^\s*day\b\s*(?:,|(?:I|we|he|she|they|it|you|my|our|the|a|this|that|there|one|someone|everyone|all|each)\b)", re.IGNORECASE)
_CLAUSE_START = re.compile(r"(?:^|[.!?;:,(]|\b(?:and|but|then|so|that|maybe|until|hopefully|perhaps))\s*$", re.IGNORECASE)


#: a count given by its order of magnitude: a reach ("used by millions"), whatever it counts
_MAGNITUDES = frozenset({"hundreds", "thousands", "millions", "billions", "dozens"})
_MAGNITUDE_AFTER = re.compile(r"^\s*(?:of\b|[.,;:!?)]|$)")
_MAGNITUDE_BEFORE = re.compile(r"\b(?:by|to|for|reached|reaching|serves|serving|across)\s*$", re.IGNORECASE)


def _word_is_figure(match: re.Match, text: str) -> bool:
    after = text[match.end() : match.end() + 40]
    before = text[max(0, match.start() - 20) : match.start()]
    if match.group("num").lower() == "one" and _SOMEDAY_AFTER.match(after) and _CLAUSE_START.search(before):
        return False
    magnitude = match.group("num").lower() in _MAGNITUDES
    if magnitude and _MAGNITUDE_BEFORE.search(before):
        return True  # a reach, whoever it counts: "used by millions of people", "serving thousands of users"
    if _VAGUE_AFTER.match(after) or _VAGUE_BEFORE.search(before) or _FOLLOWED_BY_PEOPLE.match(after):
        return False
    if match.group("num").lower() in ("half", "a half", "a third", "a quarter") and re.search(r"\b(by|cut|in)\s*$", before, re.I):
        return True  # "cut in half", "by a third"
    if magnitude and _MAGNITUDE_AFTER.match(after):
        return True  # "used by millions", "thousands of downloads", "saved hundreds of hours"
    return bool(_FOLLOWED_BY_UNIT.match(after))


def _unit_length(text: str, at: int) -> int:
    """The unit belongs to the figure ("40 minutes", "500ms"), for those who show it."""
    unit = _FOLLOWED_BY_UNIT.match(text[at : at + 40])
    return unit.end() if unit else 0


#: a time that dates the event instead of measuring it: "invited back a few months later",
#: "two years ago" ("two weeks later than planned" is a delay, and counts; "20 minutes later
#: we were firing on all pistons", in digits, is how soon the outcome came)
_TIME_UNIT = re.compile(r"(?:days?|weeks?|months?|years?|quarters?|sprints?|hours?|minutes?)$", re.IGNORECASE)
_DATES_AFTER = re.compile(r"^\s*(?:later|ago|afterwards)\b(?!\s+than)", re.IGNORECASE)
_AGO = re.compile(r"^\s*ago\b", re.IGNORECASE)


def _dates_the_event(text: str, start: int, end: int) -> bool:
    if not (_TIME_UNIT.search(text[start:end]) and _DATES_AFTER.match(text[end : end + 20])):
        return False
    return not text[start].isdigit() or bool(_AGO.match(text[end : end + 20]))


_FREQ = r"(?:hourly|daily|nightly|weekly|bi-?weekly|monthly|quarterly|yearly|annual)"
#: a change of how often, the before and the after in one sentence: "converted our daily
#: update meetings into a weekly one", "from weekly to monthly releases"
_FREQUENCY_CHANGE = re.compile(rf"\b{_FREQ}\b[^.;!?]{{0,60}}?\b(?:to|into)\b[^.;!?]{{0,30}}?\b{_FREQ}\b", re.IGNORECASE)


_SPAN_UNITS = r"(?:milliseconds|seconds|minutes|hours|days|weeks|months|years)"
#: a before and after told in units alone: "Lag reduced from hours to minutes"
_UNIT_CHANGE = re.compile(rf"\bfrom {_SPAN_UNITS} (?:to|into|down to|under) (?:a few |several )?{_SPAN_UNITS}\b", re.IGNORECASE)

#: a grade is a measure: "Eventually I got an A on that course", "earned an A+ in the class"
#: (the letter in capitals, after a verb of getting: not "an A/B test")
_GRADE = re.compile(r"\b(?i:got|get|gets|getting|received|receive|earned|earn|scored|score|achieved|achieve)"
                    r"\s+(?:an?\s+)?(?:A|B)[+-]?(?![\w/+-])(?:\s+(?i:grade))?")


def quantity_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges of the figures in `text`, in order."""
    spans = []
    for match in _DIGITS.finditer(text):
        if _digit_is_figure(match, text):
            spans.append((match.start(), match.end() + _unit_length(text, match.end())))
    for match in _WORDS.finditer(text):
        if _word_is_figure(match, text):
            spans.append((match.start(), match.end() + _unit_length(text, match.end())))
    spans.extend(m.span() for m in _MULTIPLIER.finditer(text))
    spans.extend(m.span() for m in _ORDINAL_TIME.finditer(text))
    spans.extend(m.span() for m in _WHOLE_PERIOD.finditer(text))
    spans.extend(m.span() for m in _SINGLE_PERIOD.finditer(text))
    spans.extend(m.span() for m in _TIME_SPENT.finditer(text))
    spans.extend(m.span() for m in _HALF_PERIOD.finditer(text))
    # ("The next morning, I checked the results" dates the step: no time taken)
    spans.extend(m.span() for m in _NEXT_PERIOD.finditer(text) if not _CLAUSE_START.search(text[: m.start()]))
    spans.extend(m.span() for m in _FIGURES.finditer(text))
    spans.extend(m.span() for m in _FREQUENCY_CHANGE.finditer(text))
    spans.extend(m.span() for m in _GRADE.finditer(text))
    spans.extend(m.span() for m in _UNIT_CHANGE.finditer(text))
    out = []
    for start, end in sorted(spans):
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start and not (out and start < out[-1][1]) and not _dates_the_event(text, start, end):
            out.append((start, end))
    return out
