"""A figure is an amount of change, a measured outcome, money, a duration or a count of
affected things, not any numeral (issue 10, class 6)."""

from __future__ import annotations

import pytest

from starlint.nlp.quantities import quantity_spans

from .conftest import lint

FIGURES = {
    # what a change left, though it counts ways: a figure
    "We reduced it to 2 ways of deploying.": ["2"],
    # a before and after in units alone
    "Lag reduced from hours to minutes.": ["from hours to minutes"],
    # a grade is a measure (not "an A/B test")
    "Eventually I got an A on that course.": ["got an A"],
    "She earned a B+ grade for the project.": ["earned a B+ grade"],
    "Latency fell from 500ms to 50ms (90% improvement).": ["500ms", "50ms", "90%"],
    "Saved $45K/month.": ["$45K"],
    "It took one more day than planned.": ["one more day"],
    "Cut costs by half.": ["half"],
    "Three times faster than before.": ["Three times"],
    "We onboarded 40 engineers.": ["40"],
    "Fixed 12 bugs in 3 sprints.": ["12 bugs", "3 sprints"],
    "Zero downtime during the move.": ["Zero"],
    "Revenue doubled.": ["doubled"],
    "3 of 5 testers found checkout.": ["3", "5"],
    "The page became a couple of seconds faster.": ["a couple of seconds"],
    "It ran for 3 years in production without a restart.": ["3 years"],
    "We finished the migration in one day.": ["one day"],
    "It went live one day early.": ["one day"],
    "We shipped two weeks later than planned.": ["two weeks"],
    "Latency fell to 50ms a week later.": ["50ms"],
    # how soon the outcome came, in digits
    "After I brought the coffee, 20 minutes later the room was talking again.": ["20 minutes"],
    "10 months later, we released support for our first device.": ["10 months"],
    "The office link went from 5Mbps to a gigabit.": ["5Mbps"],
    # the time a step took, told with an article
    "After a week of learning, I could build the page in React.": ["After a week of learning"],
    # a change of how often, before and after in one sentence
    "We moved from weekly to monthly releases.": ["weekly to monthly"],
    "The site stayed up for the entire quarter.": ["for the entire quarter"],
    # a count given by its order of magnitude is a reach
    "The client is now used by millions.": ["millions"],
    "The app is now used by millions of people every day.": ["millions"],
    "It saved hundreds of hours of manual work.": ["hundreds"],
    "We closed dozens of old tickets.": ["dozens"],
    # a time taken, told with an article
    "The pipeline was built in a single day.": ["in a single day"],
    "Support had a fix within a week.": ["within a week"],
    # a duration in halves
    "We finished half a month before the deadline.": ["half a month"],
    "The rollout took a day and a half.": ["a day and a half"],
    # the time it took, told from the story's day; money told by its digits
    "We cleared the release and fixed the locators the following day.": ["the following day"],
    "The account's contract value passed five figures.": ["five figures"],
}
NOT_FIGURES = [
    # the options weighed, not an outcome (a development-set answer's Result)
    "We found a balance between the 2 approaches and shipped it.",
    "I compared 3 options with the team.",
    "We ran an A/B test on the checkout.",
    "I got a Bachelor degree in 2019.",
    "The company has hundreds of engineers.",
    "We hired two engineers.",
    "This was case 1 of many.",
    "I had one or two ideas.",
    "In 2021 the team launched it.",
    "Step 2 was the hardest.",
    "The 3 years in Berlin proved to be worth it.",  # a period named, not an amount
    "We enabled the 6 GHz band for the demo.",  # a specification
    "I shipped a 64-bit build.",
    "The export has run every night since.",
    "2 engineers joined the effort.",
    # "one day" of an untold time, not a duration
    "Keep proposing ideas. One day one of them might land.",
    "One day, my manager asked me to own the release.",
    # a time that dates the event, not an amount
    "The organisers invited me back a few months later.",
    "Two years ago the team moved to the new stack.",
    "3 years ago the team moved to the new stack.",
    "We hold weekly retros.",
    "A few of them stayed on.",
    "I wrote it in a way the team could extend.",
    "A day in the life of an on-call engineer.",
    # a day that dates the step, not the time it took
    "The next morning, I checked the results of the nightly run.",
    # a numeral that opens a product's name
    "The new secrets are read from 1Password and Vault.",
]


@pytest.mark.parametrize("text", sorted(FIGURES))
def test_figures(text):
    assert [text[a:b] for a, b in quantity_spans(text)] == FIGURES[text]


@pytest.mark.parametrize("text", NOT_FIGURES)
def test_numerals_that_are_not_figures(text):
    assert quantity_spans(text) == []


STORY = (
    "**Situation:** A client's launch date moved up.\n\n**Task:** I had to ship the export first.\n\n"
    "**Action:** I cut the scope to the two reports they used and paired with QA on the risky parts.\n\n"
    "**Result:** {}\n"
)


@pytest.mark.parametrize("result, fires", [
    ("Two engineers joined the project and the client was happy.", True),
    ("It was case 1 of the new process; the client signed off.", True),
    ("We shipped it in one more day than planned.", False),
    ("The client renewed for 2 years.", False),
    ("The idea was turned down. One day it may be worth another look.", True),
])
def test_unquantified_result_reads_figures_not_numerals(result, fires):
    assert any(d.rule == "unquantified-result" for d in lint(STORY.format(result)).diagnostics) is fires


@pytest.mark.parametrize("action, fires", [
    # the outcome's figure told with the step that brought it
    ("I rolled the release back within 20 minutes and restored checkout.", False),
    ("I rolled the release back, and within 20 minutes payments were back to normal.", False),
    # the step's effect, with its size
    ("I moved the retries into a queue. This cut failed payments by 90%.", False),
    ("I moved the retries into a queue, cutting failed payments from 40 a day to 3.", False),
    # a step with a number is not an outcome
    ("I cut the batch size to 500 and rolled the release back.", True),
    ("I split the 3 services, and we rolled the release back.", True),
    # the figure counts the work, before the clause of the effect, which has none
    ("Where I had to retry 50 payments by hand, I wrote a script, saving a lot of time.", True),
    ("I wrote a script for the failed payments, saving 6 hours a week.", False),
    # the effect told of the step by name, or as what the speaker was able to do
    ("I moved the retries into a queue. This small change reduced failed payments from 40 a day to 3.", False),
    ("With a second worker pool I was able to double the payments we process.", False),
])
def test_an_outcome_figure_told_in_the_action_counts(action, fires):
    story = ("**Situation:** Checkout failed after a release.\n\n**Task:** I was on call.\n\n"
             f"**Action:** {action}\n\n**Result:** Customers could pay again.\n")
    assert any(d.rule == "unquantified-result" for d in lint(story).diagnostics) is fires

