"""no-learning reads constructions, not single words (issue 10, class 4): a change in the
speaker's understanding or practice, knowledge shared, or a mechanism that stops the mistake
recurring satisfies it; "learning courses" or "a shared baseline" do not."""

from __future__ import annotations

import pytest

from .conftest import lint

STORY = (
    "**Situation:** Our nightly export to finance failed twice a week.\n\n"
    "**Task:** I owned the export and had to make it reliable before the audit.\n\n"
    "**Action:** I traced the failures to a memory limit, split the export into batches and "
    "moved it to a larger worker.\n\n"
    "**Result:** No failure in the 3 months since. {}\n"
)

LEARNED = [
    "I now have a discipline I did not have before: I write out my assumptions before any research.",
    # a guard added, as a note's line opens: the failure is caught next time
    "\n- Added pre-deploy smoke checks and rollback hooks.",
    "\n- Added cost anomaly alerts and an ownership dashboard.",
    # a note's own label for the lesson (a blind writer's answers)
    "- learned : check the worker's memory limit before the batch size.",
    # the counterfactual told with a contraction, and its reflective opener
    "Thinking back, if finance had said no, what I would've done was escalate to my director.",
    # what happened, written down for the people after
    "I also documented what exactly happened and how it could be avoided.",
    "We now have lasting documentation that will help future engineers on the export.",
    # what was found, written down for the others
    "I documented the root cause the next morning.",
    "I documented the fix so that the on-call team can apply it at night.",
    "It underscored the importance of load-testing before a launch.",
    "The outage reinforced for me that a rollback plan comes before the rollout.",
    "That week showed me how much a written agenda shortens a meeting.",
    "I gained hands-on experience with Kafka consumer groups.",
    "Since then I re-check every migration on a copy of production.",
    "I added a regression test so the same mistake fails the build.",
    "I created monitoring that catches a stalled export within 24 hours.",
    "In hindsight I would have involved the data team a week earlier.",
    "I wrote a runbook that the on-call rotation has used twice.",
    "I mentored two junior engineers through the next migration.",
    "The experience taught me to read the logs before guessing.",
    "I shared the findings at our engineering all-hands.",
    # the lesson as a maxim the speaker now lives by
    "Don't wait for a second outage to write the alert.",
    "The first week on a new codebase is always the hardest.",
    "It's important to ask the data team before touching their tables.",
    "Since that day I read the consumer lag graph before every deploy.",
    # the fix made part of the process, so the slip cannot repeat
    "I scripted the cleanup of old snapshots and added it to the release pipeline.",
    # written as drafts are: a lesson without its article, a talk given to the team
    "I have learnt lot of things about working with the finance team.",
    "I also gave a short presentation about the importance of batch limits to the team.",
    "I documented the root cause and the fix on the team wiki.",
    # a guide for the next person, a few words after the verb; an awareness gained
    "I wrote and opened a pull request for a quickstart guide to the provisioning system.",
    "I gained a better awareness of when to step in and when to let the team struggle.",
    "Had I just told my lead about the side project, the whole argument might have been avoided.",
    # growth, a changed practice and a confirmed principle, told as notes are
    "Since then, always run the full suite before merging, even under pressure.",
    "Now regularly leads the design reviews for the export.",
    "Became more confident in pushing back on deadlines.",
    "Strengthened my data-pipeline debugging skills.",
    "Proved to myself I could stay calm on a live incident.",
    "Reinforced the principle that correctness comes before speed.",
    "For me, ownership isn't about who broke it; it's about who fixes it.",
    "Walked the new hires through the export code and its failure modes.",
    "Built a culture of knowledge sharing on the data team.",
    # the takeaway drawn from the story, a guard that keeps the fix, knowledge passed on
    "The key was not the batching itself but testing it against a month of real data.",
    "What mattered wasn't the fix; it was tracing the failure end to end.",
    "That's how I approach every flaky job now.",
    "I enforced the batch limit with a lint rule in CI.",
    "I mentored a junior engineer through the rewrite.",
    "I updated the documentation and trained two other teams on the new export.",
    # a counterfactual told in "we", a guess at what would have helped, knowledge's limits
    "Had we spotted the memory limit in the first week, we would have had time to redesign the batches.",
    "I think what might have helped was a size check before each run.",
    "In the end it would have been wiser to ask the platform team first.",
    "I realized I had only scratched the surface of the batch framework and took steps to deepen my knowledge of it.",
    # a maxim about things in general
    "Exports should always leave headroom for the month-end spike.",
    # the speaker's growth as a note
    "Gained practical experience with memory profiling.",
    # a guard told by what it stops
    "I split the bucket per team so that in the future, nobody can overwrite the export by mistake.",
    "I moved the job behind a lock so it can't run twice again.",
    # what the story gave the speaker; what went wrong, told so others learn from it
    "The project gave me a working understanding of how the finance ledger closes each month.",
    "I walked the team through what went wrong and why in our weekly review.",
    "It let the whole team learn from our mistakes instead of repeating them.",
    # the same in notes, with no subject
    "Should have load-tested the export before the audit.",
    "Learning: need to time-box every vendor integration.",
    "Important to check the batch size before each run.",
    "Built a knowledge base for the team on the export's failure modes.",
    "Halfway through I realized I was thinking too tactically about the export, not about the audit.",
    # a check made a step of the process, a practice carried into later work, a guard told
    # by what it does, the story named as a lesson
    "I proposed a schema validation step as part of our release process.",
    "The incident pushed us to adopt contract-first design in later services.",
    "I wrote a lint rule that raises an error when a batch has no size limit.",
    "My learning: size every batch for the month-end spike.",
    "Looking at it now, I keep reflecting on how late we asked for help.",
    # the mistake not made again, growth with an adverb, a lesson "got to learn", a note's regret
    "I never made that kind of mistake again.",
    "I also became more confident with the batch framework.",
    "From that experience I got to learn about the importance of batch limits.",
    "Shouldn't have waited for the audit to test the export.",
    "I finally started feeling more confident in my batch sizing.",
    # the lesson as a clause after the outcome
    "We agreed on one batch size, reinforcing the importance of testing with real volumes.",
    # told in the present, a general truth come to, a practice changed since
    "I learn that I should test every input, even one the form restricts.",
    "I realized that a rollback plan is always worth writing first.",
    "Now when I size a batch, I check the month-end volume first.",
    "With subsequent exports I had the analysts check the totals beside me.",
    # understanding gained with a degree word, a guard told by its effect, a way of working
    # since, a rule drawn from experience in the present
    "I also gained a much deeper understanding of how the worker frees memory.",
    "Going forward, a half-written export can never reach finance because the check runs first.",
    "I had rushed the first fix. Now I'm deliberate: I size every batch before the run.",
    "I find that if I cannot explain a failure to finance, I do not understand it yet.",
    "I read the worker's code and learnt more about how the pool hands out memory.",
    "I got to know how the analysts plan a close with so little time.",
    # a test added for the failing case, a check put into the pipeline
    "I fixed the batching and added automation coverage for half-written exports.",
    "I implemented a size check in our CI/CD where every export must pass on a copy first.",
    # a preventive step the speaker took, told with its aim
    "I also proposed a lint rule so the same type of bug doesn't happen again.",
    # what the speaker would do when it comes round again (issue 10, development set)
    "If I were to face it again, I would talk to the analysts before the export.",
    "If this happened again, I would ask finance for the formats first.",
    # growth told as experience gained; knowledge handed over; workflows written down
    "The project has given me the experience in planning exports end to end.",
    "I paired with the new analyst, which ensured knowledge transfer before my leave.",
    "I documented the export workflows before my leave.",
    "This experience really strengthened my ability to run two releases at once.",
    # a guard kept in place after the incident (issue 10, bb-*)
    "Added a load-test gate and a query-plan check in the release process.",
    "Established ongoing audit-readiness controls for the export.",
    "Future release risk reduced via a canary and a contract-test gate.",
    "Duplicate exports eliminated in subsequent runs.",
    "This experience reinforced my belief in the importance of reviews before a release.",
    "It reinforced my commitment to shipping small, safe changes.",
    "Learning from multiple sources can help me understand a hard topic.",
]
NOT_LEARNED = [
    # an alert added as one more step of the fix, told in a sentence
    "Then I added an alert and restarted the job.",
    # documenting as a step of the work is no knowledge shared
    "I extensively documented the code and the API.",
    "I documented a plan that could absorb the delays.",
    # the speaker stressing something to others, a mirror, a learning pace, a spread to others,
    # the start of a step
    "I emphasized the value of each analyst's knowledge of the ledger.",
    "The result, reflecting my commitment to quality, pleased the auditors.",
    "Pairing with the analysts accelerated my learning process.",
    "The export was adopted as a standard practice for other teams.",
    "I have applied these skills to other projects.",
    "I started by working on test exports with the analysts.",
    "It was a great learning experience for the whole team.",
    "I signed up for two learning courses on Terraform.",
    "We agreed on a shared baseline for the metrics.",
    "I realized the table was not indexed.",
    "The finance team was happy with the result.",
    "I presented the numbers to my manager.",
    "I trained the model on the new data.",
    "It was important to finish before the audit.",
    "The export is always run at midnight.",
    "I added the new report to the dashboard.",
    "The export now regularly finishes by 2am.",
    "Built confidence with the finance team by sending daily status notes.",
    "Strengthened the retry logic around the upload.",
    "The key was in the vault, so I rotated it.",
    "I updated the dashboard with the new figures.",
    # another's growth, care in the step, a tool's name, a step of a method
    "The new analyst took over the export and gained confidence with the tooling.",
    "I tested every batch size thoroughly to prevent regressions.",
    "I rewrote the Ansible playbook that provisions the worker.",
    "In the retry loop, the first attempt must always wait for the lock.",
    # a thing given is no understanding gained
    "The new worker gave me an extra 4 GB of memory for the export.",
    "Learning courses on Kafka were on my list that quarter.",
    "I noticed that I was being paged for the export at 3 am.",
    # a value shown to others, not a lesson drawn
    "I sent the figures to finance, demonstrating the value of the new export.",
    # a finding about the system, in the present
    "I realized that the export is run twice on Mondays.",
    # a design told with "would have", a tool learned for the job
    "I would have an open feed of the ledger piped into the export.",
    "I started to self-learn the export tool from its official document.",
    # a finding, not a rule drawn from it; a knowledge-sharing session as a step of the work
    "I found that the export ran twice on Mondays.",
    "I also organized knowledge sharing sessions with the analysts.",
    # coverage measured, not a test added for what failed
    "The export had good test coverage for the finance formats.",
    # a condition of the plan, not the same met again
    "If we met the deadline again, finance would sign off.",
    # a control as a step of the work, not a guard kept after it
    "I set up access controls for the new export page.",
]


def _fires(sentence: str) -> bool:
    return any(d.rule == "no-learning" for d in lint(STORY.format(sentence)).diagnostics)


@pytest.mark.parametrize("sentence", LEARNED)
def test_reflection_sharing_or_prevention_satisfies_the_rule(sentence):
    assert not _fires(sentence)


@pytest.mark.parametrize("sentence", NOT_LEARNED)
def test_words_alone_do_not(sentence):
    assert _fires(sentence)


def test_news_in_the_situation_is_not_a_lesson():
    text = STORY.format("").replace("failed twice a week.", "failed twice a week. We learned this a month before the audit.")
    assert any(d.rule == "no-learning" for d in lint(text).diagnostics)


def test_a_learnings_section_satisfies_the_rule_whatever_its_words():
    text = STORY.format("") + "\n**Lessons learned:** Batch early; memory grows with the data.\n"
    assert not any(d.rule == "no-learning" for d in lint(text).diagnostics)


def test_a_lesson_on_its_own_labelled_line_of_notes_counts_though_the_line_above_has_no_stop():
    """Notes typed one label a line, no full stops: "lesson learn:" starts a sentence of its
    own, the lesson, not more of the setting on the line above."""
    text = ("## story 21 (weakness)\n\n"
            "situation: disagreed with how my lead split the release work, kept quiet and the "
            "release slipped a week\n"
            "lesson learn: say it early and calmly, with the trade-offs for the team and for me.\n"
            "Also a reminder that how work is split matters to the whole team\n")
    assert not any(d.rule == "no-learning" for d in lint(text).diagnostics)


def test_a_conclusion_heading_after_the_result_is_the_lesson():
    text = ("### Situation\nOur remote team kept duplicating work on the export.\n\n"
            "### Task\nI had to make everyone's work visible.\n\n"
            "### Action\nI moved every task into one board with an owner and a status.\n\n"
            "### Result\nNo task was done twice in the next 3 months.\n\n"
            "### Conclusion\nOn a remote team, never make your teammates guess what you are doing.\n")
    answer = lint(text).answers[0]
    assert "learning" in answer.parts
    assert not any(d.rule == "no-learning" for d in lint(text).diagnostics)


def test_the_reply_to_what_you_would_do_differently_is_the_learning():
    reply = ("- I would spend more time with the junior students on their internship task. It "
             "turned out to be out of their league, and I did not notice in time.\n")
    assert not any(d.rule == "no-learning" for d in lint("##### What You'd Do Differently\n" + reply).diagnostics)
    told = lint("##### Tell me about a time you mentored someone\n" + reply)
    assert told.answers and any(d.rule == "no-learning" for d in told.diagnostics)


def test_an_earned_secret_is_the_lesson():
    """"**Earned Secret**:" closes a prep story with what it taught that others do not know."""
    text = STORY.format("") + "\n**Earned Secret**: Batch early; memory grows with the data.\n"
    assert not any(d.rule == "no-learning" for d in lint(text).diagnostics)


def test_what_i_would_do_differently_labels_the_learning():
    text = STORY.format("").rstrip() + "\n\n**What I Would Do Differently:**\nStart with the memory profile, not the batch size.\n"
    run = lint(text)
    assert "learning" in run.answers[0].parts
    assert "no-learning" not in {d.rule for d in run.diagnostics}
