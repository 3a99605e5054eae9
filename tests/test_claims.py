"""vague-claim flags an improvement claimed without a figure, not an aim ("to reduce ...")
nor a circumstance ("the increased load") (issue 10: false alarms on other writers' answers)."""

from __future__ import annotations

import pytest

from .conftest import lint

STORY = (
    "**Situation:** Our build farm ran out of capacity every Monday.\n\n"
    "**Task:** I had to keep the merge queue under an hour.\n\n"
    "**Action:** I moved the slowest suites to spot instances. {}\n\n"
    "**Result:** The queue stayed under 40 minutes for 6 weeks.\n"
)

CLAIMS = [
    # a pace claimed with no measure
    "The pairing brought the new analysts up to speed more quickly.",
    "It improved the developer experience.",
    # a gain claimed of a thing the speaker made, with no size
    "I stabilized the flaky integration suite.",
    "I enhanced the scheduler's throughput.",
    "That lowered our compute cost.",
    "It raised the quality bar for every suite.",
    "This greatly reduced the wait.",
    "The builds became much faster.",
    "I wrote a script that reduced the manual steps.",
    "That helped for a while, but the queue came back.",
    # an effect told through its enabler is still a claim
    "The spot instances helped us to reduce the wait.",
    "The new runners allowed the team to increase the number of merges.",
    "I was able to reduce the queue.",
    # a comparative said of the outcome, with no size
    "After the switch, the reviews got better.",
    "It's much easier for the team to agree on a fix now.",
    "This was a fairer way to split the on-call load.",
    "Moving the suites saved the team a lot of time.",
    # a quality claimed with no measure
    "I designed a rollout that was more secure and left less technical debt.",
    # better than before, or than the other way, with no size
    "After the move we came out better than before.",
    "The split build was definitely better than either plan.",
    "I was able to get more comfortable with the build scripts.",
    # improvements claimed as what the step brought, not the work's name
    "The move brought big improvements to the merge times.",
    "The new layout better positioned the configs to be deployed from CI.",
    # a relation or a team said to be stronger, a change in timing, a process simplified
    "It built stronger trust with the platform team.",
    "Pairing on the fixes makes the whole team stronger.",
    "We caught config errors much earlier in the cycle.",
    "The new runner simplified our entire release process.",
    # progress or a small effect claimed with no size
    "Within weeks the team made great strides on the merge queue.",
    "After the triage the team made real progress on the merge queue.",
    "With the new runner we were able to make real progress on the queue.",
    "After the move, the wait for a runner was minimal.",
    # a comparative told as the story's effect, people said to have changed
    "The spot pool led to a more predictable merge queue.",
    "Sharing the runner dashboards fostered a more open and cooperative review culture.",
    "Over the quarter the team became more adept at sizing the pools.",
    # a comparative adjective, or a "more ..." after "enabling" or "achieved", as the effect
    "The new pools freed the queue, enabling smoother releases and informed planning.",
    "It cut the manual steps, resulting in better collaboration and more effective reviews.",
    "By pooling the runners we achieved a more holistic approach to capacity.",
    # money saved, less of a cost, a quality the thing became, none sized
    "Not only does the spot pool save money, it frees the old hosts.",
    "The engineers said they took less time to get a green build.",
    "The scheduler became maintainable and scalable.",
    # savings said to be large, a thing made better, neither sized (a blind writer's answers)
    "Moving the suites to spot runners brought significant cost savings.",
    "I reworked the runner labels and made the whole dashboard much easier to read.",
    # a note's outcome in lower case, not a capitalised maxim
    "speed up the triage of failed builds.",
]
NOT_CLAIMS = [
    # what someone wanted, not a gain had
    "By interview three, the assumption that patients wanted faster service was gone.",
    # the trouble's own course, told as when it struck
    "Every time the queue depth increased, the autoscaler added workers and made it worse.",
    # the reason a way was chosen, in the present
    "I chose regional routing because it is more predictable and reduces cross-region traffic.",
    # a preference, not a gain
    "Candidates are better if they are not switching jobs often.",
    # a step named as the time of the next one
    "Finally, after stabilizing, I traced the last failure to a heap limit.",
    "I tried to reduce the number of flaky tests first.",
    # a system back to normal, a capability added, an aim with its adverb
    "I rolled the runners back, the error rate fell back to normal and the service stabilized.",
    "I enhanced the scheduler to read the spot price before each placement.",
    "I added a weekly report to continuously improve the suite split.",
    "I tried the new runners in the lower environments first.",
    # a change put forward, not claimed
    "I suggested maybe improving how the runners pick their queue.",
    "I thought we could split the suites by owner, thus reducing the wait for everyone.",
    "Since then I plan future improvements to the checkout with a test matrix first.",
    "I listed three possible improvements for the next sprint.",
    "I set up a registry mirror to increase our pull quota.",
    "I rebuilt the caches by adding a shared volume to speed up the first run.",
    "The increased load came from a new mobile team.",
    "I added a cache for faster artifact uploads.",
    # the merits of an option weighed, a kind of thing in general, a before/after in units
    "Option B: a nightly batch (cheaper, simpler, but a day late).",
    "Good tooling is a product that improves every engineer's week.",
    "The new runners became the default, reducing the wait from hours to minutes.",
    # a pattern found, told as what would follow; a maxim taken away (issue 10, z-*)
    "I found patterns, such as complete profiles would lead to more bookings for that person.",
    "Spend less time worrying about the runners and more time fixing them.",
    # a purpose after the step it drives
    "I offered to own the flaky suites myself to reduce the load on the platform team.",
    "I designed a sharded layout on two pools to improve throughput.",
    # a change in the circumstances
    "As the test count increased, I split the suites across runners.",
    # an option weighed, a lesson told in the present, an aim
    "I pitched spot instances as a better fit than a bigger cluster.",
    "A short demo is a better way to persuade than a long document.",
    "I refactored the runner for better maintainability.",
    # an aim, a topic, a lesson told as a general truth
    "I pointed him to a course for improving his test design.",
    "I became the person the team asks for build pipeline improvements.",
    "Pairing on the first fix results in lasting improvements in a junior's debugging.",
    "Honest feedback helps struggling teammates improve.",
    # an adjective, a maxim
    "I wrote the error messages in English and simplified Chinese.",
    "I'd do the same again: simplify the pipeline first.",
    "I learned that a side-by-side run convinces people faster than a proposal.",
    # progress as a topic of the step, not a gain claimed
    "I tracked our progress on a board that the whole team could see.",
    # a comparative that is the step itself, and a lesson in the present
    "I introduced a more rigorous review of the pool sizes.",
    "A dashboard is more effective than a weekly report.",
    # a setback, told with its size word
    "The flaky suites significantly slowed the nightly build, so I split them out.",
    # a change proposed, more of an instrument added, where improvements may be found
    "I proposed to the platform team that we enhance the runner image by adding a cache layer.",
    "I proposed a more robust health check as part of the runner setup.",
    "I created test jobs, enhanced logging and added a retry to the upload.",
    "I kept looking for opportunities for automation and improvement in the suites.",
    # what the thing is now, not a gain: a name; sized savings
    "The scheduler became the team's default for every suite.",
    "The spot pool saved us $4,000 a month.",
    # a rule drawn from experience, an expected effect, a compound adjective
    "I've found it's much easier to agree on a pool size after a demo.",
    "If we cached the images, then we would reduce the load on the runners.",
    "I moved the suites to a reduced-sized runner image.",
    # a duty, a second aim, a change of circumstance as a cause, improvements put forward
    "I was responsible for refreshing and enhancing the runner dashboards.",
    "I used log analysis to improve debugging speed and reduce manual triage.",
    "The second pool was dropped due to scope increase.",
    "I proposed framework-level improvements around test isolation.",
    # a higher price, a way looked for, a choice weighed
    "I moved the build to a second provider, which cost significantly more.",
    "I kept trying to figure out a way that can improve the runner throughput.",
    "I was not sure if it's better to drop the flaky suite or to fix it.",
    # what the speaker would have done, a plan named for its aim, a condition
    "In hindsight, I would've been much more careful with the runner pool.",
    "I set up a time-bound improvement plan with the flaky suite's owner.",
    "If they improve, we keep the suite; if not, we drop it.",
    # a lesson drawn, whatever it compares
    "That week taught me that asking the runner's owner first is always faster than guessing.",
    "I learned that flaky tests are easier to fix when you pair with whoever wrote them.",
    # a manner negated, a need, more responsibility handed over, improvements put forward
    "I told my manager at once, without waiting or minimizing it.",
    "My review said the retry logic needs improvement.",
    "I gradually increase their ownership of the suites.",
    "I asked them to find the slowest suite and propose improvements.",
    # the improvements are the work itself, not a gain claimed
    "I worked on the scheduler api improvements for two sprints.",
    "I pushed the improvement through a Jenkins job.",
    # how to get better, a method, not a gain
    "I showed each engineer where their suite was slow and how they could improve it.",
    # a maxim weighing two ways
    "It's better to move a suite than to buy more machines.",
    # a purpose opening the sentence, before its step
    "To reduce the wait, I split the slowest suite in two.",
    # what a plan is for
    "I wrote an action plan for improvement with my lead.",
    # a loss, not a gain
    "The outage had reduced the team's confidence in the suite.",
    # a setting changed as the step itself
    "I increased the worker instances and reduced the batch size.",
    "I measured the improvements with a load test.",
    # progress not made, or one the speaker could make (a blind writer's answers)
    "The first week I was switching suites constantly and not making good progress on any.",
    "By Friday I still didn't make real progress on the flaky runner.",
    "The experience taught me I could make progress even in an unfamiliar codebase.",
    # a lift in spirits, not a gain to measure
    "Spotting the second bug was a great confidence boost for the new analyst.",
    # what the story made of the speaker, a step that changed a thing's form, savings sized
    "Losing that week of work made me a better engineer.",
    "I made my runbook notes more concise before the handover.",
    "The spot pool brought savings of $4,000 a month.",
    # the way a step was done, effort put into a gain, what was needed (a blind writer's answers)
    "Two weeks later I rewrote the runner pool in a more maintainable way.",
    "After the slow week I focused on improving my estimates instead of working longer.",
    "I believed we needed a shared cache to support more builds and faster feedback.",
    "What I took from it:\n- Improve the system, not just the effort.",
]


def _claims(sentence: str) -> list[str]:
    return [d.message for d in lint(STORY.format(sentence)).diagnostics if d.rule == "vague-claim"]


@pytest.mark.parametrize("sentence", CLAIMS)
def test_claims_without_a_figure_are_flagged(sentence):
    assert _claims(sentence)


@pytest.mark.parametrize("sentence", NOT_CLAIMS)
def test_aims_and_circumstances_are_not_claims(sentence):
    assert _claims(sentence) == []


def test_a_result_that_opens_on_a_comparative_is_a_claim():
    """"Result: Better p95 and calmer weeks" claims a gain and sizes none."""
    vague = STORY.replace("The queue stayed under 40 minutes for 6 weeks.", "Better uptime and calmer on-call weeks.")
    found = [(d.line, d.column) for d in lint(vague.format("")).diagnostics if d.rule == "vague-claim"]
    assert found == [(7, 13)]


def test_a_phrase_across_a_soft_line_break_is_still_the_phrase():
    """Markdown wrapped at 80 columns splits "much better" over two lines; the reader hears
    one phrase, and the message quotes it on one line."""
    text = STORY.format("The builds got much\nbetter after that.")
    hits = [d for d in lint(text).diagnostics if d.rule == "vague-claim"]
    assert [(d.line, d.column) for d in hits] == [(5, 74)]
    assert "'much better'" in hits[0].message


@pytest.mark.parametrize("sentence,flagged", [
    ("After a few weeks, the build times improved.", True),
    ("Two months later, the queue was much faster.", True),
    ("The build times improved by 40% after a few weeks.", False),
    ("The queue got faster, from 50 to 12 minutes.", False),
])
def test_when_a_change_came_is_not_its_size(sentence, flagged):
    """"After a few weeks" dates the claim; "by 40%" sizes it (issue 10: a claim on another
    writer's answer was read as sized by the time it took)."""
    assert bool(_claims(sentence)) is flagged


@pytest.mark.parametrize("sentence, hedged", [
    ("It was kind of a guess, so I checked the pool sizes twice.", True),
    ("I never made that kind of mistake with the pools again.", False),
    ("The same sort of timeout hit the second runner.", False),
    # what the speaker said to someone, tactfully, is not the answer hedged (gg-*)
    ("I told him that perhaps I hadn't made the pool limits clear enough.", False),
    ("Perhaps I hadn't made the pool limits clear enough.", True),
    # a first attempt told as one, or a condition, is no softened claim
    ("The logs were in a format that I initially attempted to parse with a regex.", False),
    ("I tried to fit the migration into my normal week at first, but it did not work.", False),
    ("He pushed back whenever I tried to change the pool sizes.", False),
    ("I tried to fix the pool sizes.", True),
])
def test_a_sort_named_is_no_hedge(sentence, hedged):
    """hedging: "kind of" softens a claim; "that kind of mistake" names a sort of thing; a
    "perhaps" in what the speaker told someone is tact, not a hedge."""
    assert any(d.rule == "hedging" for d in lint(STORY.format(sentence)).diagnostics) is hedged


def test_a_feature_named_in_title_case_is_no_claim():
    """"Better State Management" heading a bullet names a feature; "better reviews" at the
    start of a line is the outcome claimed."""
    title = lint(STORY.format("I rebuilt the form code:\n\n- Better State Management\n- One store for all fields"))
    claim = lint(STORY.format("I rebuilt the form code:\n\n- better reviews from the team"))
    assert not [d for d in title.diagnostics if d.rule == "vague-claim"]
    assert [d for d in claim.diagnostics if d.rule == "vague-claim"]
