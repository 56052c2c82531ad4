-- Shared definition of the title a participant held at a meeting: the outputs step
-- (outputs.sql) picks it for the meetings it writes, and an incremental publish for the
-- meetings whose participants' roles changed (warehouse/sql/increment/retitle.sql).

-- _mc_role_pick(parties, meetings, roles): for each (meeting_id, entity_id) of `parties`,
-- the role of `roles` (person_roles) seen for the person around the meeting's day (of
-- `meetings`: meeting_id, meeting_date, first_reported): its observed span widened by half a
-- year holds the day; the one whose span holds the day unwidened first, then the nearest,
-- then the most attested. No row when no role is near.
CREATE OR REPLACE TEMP MACRO _mc_role_pick(parties, meetings, roles) AS TABLE
SELECT p.meeting_id, p.entity_id, r.role
FROM query_table(parties) AS p
JOIN query_table(meetings) AS c USING (meeting_id)
JOIN query_table(roles) AS r
    ON r.entity_id = p.entity_id
   AND coalesce(c.meeting_date, c.first_reported)
       BETWEEN r.first_seen - 183 AND r.last_seen + 183
QUALIFY row_number() OVER (
    PARTITION BY p.meeting_id, p.entity_id
    ORDER BY
        coalesce(c.meeting_date, c.first_reported) BETWEEN r.first_seen AND r.last_seen DESC,
        least(
            abs(date_diff('day', coalesce(c.meeting_date, c.first_reported), r.first_seen)),
            abs(date_diff('day', coalesce(c.meeting_date, c.first_reported), r.last_seen))
        ),
        r.n_articles DESC,
        r.role
) = 1;
