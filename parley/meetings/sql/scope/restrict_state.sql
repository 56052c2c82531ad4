-- A run over part of the history, part 3: its mentions, and the previous state it may read
-- or change: the assignment of its mentions; the registry rows of their meetings and of the
-- ids a new meeting of the run could be born with (_mc_fresh_id of a new mention: a taken
-- one is salted); the redirects to its meetings or from those ids.
CREATE OR REPLACE TEMP TABLE _sc_scope_mention AS
SELECT mention_id FROM _sc_mention SEMI JOIN _sc_article USING (article_id);

CREATE OR REPLACE TEMP TABLE _sc_old_meeting AS
SELECT DISTINCT a.meeting_id
FROM _sc_prev_assign AS a
SEMI JOIN _sc_scope_mention USING (mention_id);

CREATE OR REPLACE TEMP TABLE _sc_fresh_id AS
SELECT DISTINCT _mc_fresh_id(mention_id) AS meeting_id
FROM _sc_scope_mention
ANTI JOIN _sc_prev_assign USING (mention_id);

CREATE OR REPLACE TEMP TABLE _sc_restricted_assign AS
SELECT * FROM _sc_prev_assign SEMI JOIN _sc_scope_mention USING (mention_id);

CREATE OR REPLACE TEMP TABLE _sc_restricted_registry AS
SELECT *
FROM _sc_prev_registry
WHERE meeting_id IN (SELECT meeting_id FROM _sc_old_meeting)
   OR meeting_id IN (SELECT meeting_id FROM _sc_fresh_id);

CREATE OR REPLACE TEMP TABLE _sc_restricted_redirects AS
SELECT *
FROM _sc_prev_redirects
WHERE meeting_id IN (SELECT meeting_id FROM _sc_old_meeting)
   OR old_meeting_id IN (SELECT meeting_id FROM _sc_fresh_id);
