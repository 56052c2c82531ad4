-- A run over part of the history, part 2 (a loop until nothing is added, see scope.py): the
-- chosen articles bring every article of each meeting one of their mentions belongs to (a
-- component reaching a meeting holds all its reports; a meeting's fields read all its
-- mentions), and of the meetings whose part_of may change with them: the side meetings that
-- point at a chosen meeting, and, within $side_margin_days, the meetings that could be the
-- setting of a chosen side meeting or hold theirs at a chosen meeting's party
-- (side_meetings.sql).
CREATE OR REPLACE TEMP TABLE _sc_next_article AS
WITH chosen AS (
    SELECT m.* FROM _sc_mention AS m SEMI JOIN _sc_article USING (article_id)
),
meeting AS (
    SELECT DISTINCT meeting_id FROM chosen WHERE meeting_id IS NOT NULL
),
party AS (
    SELECT DISTINCT p.entity_id FROM scope_participants AS p SEMI JOIN chosen USING (mention_id)
),
setting AS (
    SELECT DISTINCT setting AS entity_id FROM chosen WHERE setting IS NOT NULL
),
near AS (
    SELECT o.*
    FROM _sc_mention AS o
    WHERE o.meeting_id IS NOT NULL
      AND EXISTS (
          SELECT 1
          FROM chosen AS c
          WHERE abs(date_diff('day', o.day, c.day)) <= $side_margin_days
             OR abs(date_diff('day', o.published_date, c.published_date)) <= $side_margin_days
      )
),
related AS (
    SELECT meeting_id FROM meeting
    UNION
    SELECT meeting_id FROM scope_meetings WHERE part_of IN (SELECT meeting_id FROM meeting)
    UNION
    SELECT n.meeting_id
    FROM near AS n
    JOIN scope_participants AS p USING (mention_id)
    WHERE p.entity_id IN (SELECT entity_id FROM setting)
    UNION
    SELECT meeting_id FROM near WHERE setting IN (SELECT entity_id FROM party)
)
SELECT article_id FROM _sc_article
UNION
SELECT m.article_id FROM _sc_mention AS m SEMI JOIN related USING (meeting_id);
