"""generic-answer: habits and hypotheticals told instead of one event (issue 10, class 5),
but not a reported past thought, a system that deploys "whenever we want", or one "I always"
line opening a specific story."""

from __future__ import annotations

from .conftest import lint

GENERIC = (
    "**Situation:** Stakeholders often disagree on priorities.\n\n"
    "**Task:** You have to get them aligned before planning.\n\n"
    "**Action:** I usually book a meeting with both sides. I\u2019d walk them through the ticket data, "
    "and I will write down what we agree.\n\n"
    "**Result:** Decisions come 2x faster.\n"
)
SPECIFIC = (
    "**Situation:** I always strive to leave a codebase better than I found it. In March our "
    "deploy pipeline took 50 minutes and blocked 12 engineers.\n\n"
    "**Task:** I thought I would be able to cut it in half by Friday, and I told my manager I would.\n\n"
    "**Action:** I profiled each stage, cached the dependency layer and split the test suite "
    "across 4 runners. I also set up a nightly job so that the team can deploy whenever we want.\n\n"
    "**Result:** Deploys fell from 50 to 14 minutes.\n"
)


def _generic(text: str) -> list[tuple[int, int, str]]:
    return [(d.line, d.column, d.message.split("'")[1]) for d in lint(text).diagnostics if d.rule == "generic-answer"]


def test_habits_and_hypotheticals_fire_curly_apostrophe_included():
    assert _generic(GENERIC) == [(3, 11, "You have to"), (5, 13, "I usually"), (5, 55, "I\u2019d"), (5, 98, "I will")]


def test_reported_thoughts_and_one_habit_line_in_a_specific_story_do_not():
    assert _generic(SPECIFIC) == []


PRESENT = (
    "## Tell me about a time you handled a conflict\n\n"
    "When two engineers disagree, we talk it through in a small room. I write down what each side needs, "
    "and I look for the smallest change both can accept. Most of the time we settle it in one meeting.\n"
)


def test_an_answer_told_in_the_present_throughout_is_generic_without_marker_words():
    found = _generic(PRESENT)
    # "I look for" is a marker word; the present clause "I write" beside it is not pointed at twice
    assert [m for _, _, m in found] == ["we talk", "I look for", "we settle"]
    assert all(line == 3 for line, _, _ in found)


PREFERENCES = (
    "## Working with someone very different from you\n\n"
    "I have not had that happen yet. My approach is to stay friendly and listen first. "
    "If I need to disagree, I prefer a one-on-one chat to a public thread. I believe in bringing "
    "the data rather than opinions.\n"
)


def test_preferences_and_conditions_are_habits_not_an_event():
    assert [m for _, _, m in _generic(PREFERENCES)] == ["My approach is", "If I need to", "I prefer", "I believe in"]


def test_an_opinion_or_a_recipe_in_place_of_an_event():
    """"One of the biggest things I look for is ..." answers with a view, not an occasion."""
    text = ("## Tell me about a hire you made\n\n"
            "I sit on most interview panels for our team. One of the biggest things I look for is "
            "clear writing, because a developer who writes clearly reviews well. In one year two of "
            "my hires became team leads.\n")
    assert [m for _, _, m in _generic(text)] == ["One of the biggest things I"]


def test_the_most_important_thing_i_learned_is_no_opinion_answer():
    text = SPECIFIC.replace("Deploys fell from 50 to 14 minutes.",
                            "Deploys fell from 50 to 14 minutes. The most important thing I learned was to profile first.")
    assert _generic(text) == []


def test_frequency_adverbs_tell_habits():
    text = ("## A time you handled pressure\n\n"
            "**Situation:** That term I often worked two jobs beside my classes.\n\n"
            "**Task:** I constantly had to plan my week around exams.\n\n"
            "**Action:** I regularly blocked the mornings for study and kept the evenings for work.\n\n"
            "**Result:** I passed all 5 exams.\n")
    assert [m for _, _, m in _generic(text)] == ["I often", "I constantly", "I regularly"]


def test_a_past_habit_inside_a_story_told_in_the_past_is_no_generic_answer():
    """"I would spend two evenings a week" is how the speaker prepared, once, for one talk."""
    text = ("S: I wanted to speak at a regional meetup, so I proposed a talk on type-safe APIs.\n\n"
            "T: I had to prepare it while keeping up with my full-time job.\n\n"
            "A: I would spend two evenings a week reading the library's source and building the demo.\n\n"
            "R: About 120 people came, and the organisers invited me back the next year.\n")
    assert _generic(text) == []


def test_a_state_in_the_present_is_no_habit():
    """"I have a desire to ...", "I know the codebase" tell what is, not what the speaker does."""
    text = ("## Learn and Be Curious\n\n"
            "* **Situation**: Having studied electronics, I have a desire to work closer to hardware.\n"
            "* **Task**: I know the conference's A/V team, so I offered to help them.\n"
            "* **Action**: Built a small web interface to switch the room cameras from the control desk.\n"
            "* **Result**: Volunteers no longer ran to each of the 12 rooms to switch feeds.\n")
    assert _generic(text) == []


def test_a_standing_principle_is_a_habit():
    text = ("## Tell me about a time you had too little time\n\n"
            "Deadlines are the same in every industry. I start each project by listing what we must deliver. "
            "My goal is to always ship something small and whole. I try to say no to extras.\n")
    # two markers and one present clause beside them: the markers are pointed at
    assert [m for _, _, m in _generic(text)] == ["to always", "I try to"]


def test_a_promise_reported_for_the_speaker_and_their_team_is_no_hypothetical():
    """"I had assured the customer that my team and I would deliver by May" reports a past
    promise, as "I told them I would" does."""
    story = SPECIFIC.replace("I thought I would be able to cut it in half by Friday, and I told my manager I would.",
                             "I had assured our customer that my team and I would be able to cut it in half by Friday.")
    assert "my team and I would" in story
    assert _generic(story) == []


def test_one_habit_clause_answers_a_question_about_practice():
    """ "How do you handle pressure?" asks how the candidate works: one clause of habit
    ("I focus on ...") with no event tells a generic answer; the same clause under a question
    that asks for one time is not enough to say so."""
    reply = ("I focus on priorities and stay calm. Breaking the work into small pieces keeps the "
             "release on track when everything is urgent.\n")
    found = _generic("# How do you handle pressure?\n\n" + reply)
    assert [m for _, _, m in found] == ["I focus"]
    assert _generic("# Tell me about a time you were under pressure\n\n" + reply) == []


def test_a_standing_first_move_is_a_habit():
    """"my first attempt is always to set up an informal meeting": what the speaker does each
    time, under a question about practice."""
    text = ("## How do you deal with conflict?\n\n"
            "Most of my conflicts happened in student projects, where people want to show what they can do. "
            "Knowing that, my first attempt is always to set up an informal meeting somewhere relaxed. "
            "There everyone says which part of the work they want.\n")
    assert "my first attempt is always" in [m for _, _, m in _generic(text)]


RECIPE = (
    "## {title}\n\n"
    "- **Approach:**\n"
    "  - Rank the open tickets by what they cost the business\n"
    "  - Split the work into pieces that ship on their own\n"
    "  - Agree the cut with the product owner in writing\n"
    "- **Outcome:**\n"
    "  - The important parts land on the date\n"
)


def test_a_method_told_as_bare_steps_answers_a_practice_question_generically():
    """Under "How do you handle tight deadlines?", subject-less steps in the present ("Rank
    the open tickets ...") are the candidate's practice, a recipe, not one event: generic,
    pointed at once, at the first step (ff-*: such answers got nothing)."""
    assert _generic(RECIPE.format(title="How do you handle tight deadlines?")) == [(4, 5, "Rank")]


def test_steps_done_or_asked_for_one_event_are_no_recipe():
    # the same steps, told as done, under the same question: one event
    done = RECIPE.replace("Rank the", "Ranked the").replace("Split the", "Split the").replace(
        "Agree the", "Agreed the").replace("The important parts land", "The important parts landed")
    assert _generic(done.format(title="How do you handle tight deadlines?")) == []
    # bare steps under a question about one time are notes of that time, not a habit
    assert _generic(RECIPE.format(title="Tell me about a time you met a tight deadline")) == []


def test_a_process_question_asked_in_several_questions_over_an_answer_mark_is_about_practice():
    """"Tell me about your hiring process ... Where do you go for talent? ..." (one long
    prompt line above "**Answer**") asks how the candidate works; "First thing I do is ..."
    opens a recipe told in the present."""
    text = ("## Question 16\n\n"
            "- **Tell me about your hiring process for key positions. Where do you go for talent? What resources do "
            "you use? What steps are in the process? What traits tell you the candidate will succeed on the team, "
            "apart from the obvious skills? [probe on how they check integrity in an interview, who does the references, and "
            "how they use them]**\n\n"
            "**Answer**\n"
            "First thing I do is to write a clear job description with the experience it needs.\n"
            "Look for people you have worked with and ask them for referrals.\n"
            "While screening resumes, look for the person who already does more than their role asks. A developer "
            "who also designs, or a lead who also talks to customers, is a good sign.\n"
            "Candidates who stay in a job for a few years are a safer bet.\n"
            "Run a written screen for the key skill.\n"
            "Spend time with each candidate on site and check the resume against what they say.\n"
            "Ask a peer or your manager to review before you hire.\n")
    found = _generic(text)
    assert found and found[0][0] == 6 and found[0][2].startswith("First thing I do")
