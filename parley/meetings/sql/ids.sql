-- Shared definition of meeting ids: the ids step (assign_ids.sql) gives them out, and a run
-- over part of the history (parley/meetings/scope.py) looks up which of them it may meet.

-- _mc_fresh_id(seed): the id a new meeting is born with, from its smallest mention id, so a
-- rebuild from scratch gives the same ids ('mtg-' + 16 hex of sha256).
CREATE OR REPLACE TEMP MACRO _mc_fresh_id(seed) AS 'mtg-' || left(sha256(seed), 16);
