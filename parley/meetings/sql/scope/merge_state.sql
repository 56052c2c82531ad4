-- A run over part of the history, part 4: the new state of the whole history. The run owns
-- its mentions and the meetings they were and are in (_sc_touched_meeting); everything else
-- keeps its previous state. A registry row the run only read (an id it could have been born
-- with, of a meeting elsewhere) keeps its own.
CREATE OR REPLACE TEMP TABLE _sc_touched_meeting AS
SELECT meeting_id FROM _sc_old_meeting
UNION
SELECT DISTINCT meeting_id FROM _sc_new_assign;

CREATE OR REPLACE TEMP TABLE _sc_merged_assign AS
SELECT * FROM _sc_prev_assign ANTI JOIN _sc_scope_mention USING (mention_id)
UNION ALL
SELECT * FROM _sc_new_assign;

CREATE OR REPLACE TEMP TABLE _sc_merged_registry AS
SELECT * FROM _sc_prev_registry ANTI JOIN _sc_touched_meeting USING (meeting_id)
UNION ALL
SELECT * FROM _sc_new_registry SEMI JOIN _sc_touched_meeting USING (meeting_id);

CREATE OR REPLACE TEMP TABLE _sc_merged_redirects AS
SELECT * FROM _sc_prev_redirects ANTI JOIN _sc_restricted_redirects USING (old_meeting_id)
UNION ALL
SELECT * FROM _sc_new_redirects;
