"""Coaching on top of the lint: does a story answer its question (question types), a score
per answer, the health of a story bank. Each reads the plain diagnostics and answer
summaries, or the analysed answers, that the lint produced; none re-checks anything."""
