-- An incremental publish, titles: the participants of published meetings the clustering did
-- not rewrite (inc_touched_meeting, when it ran) whose title pick may have changed
-- (inc_role_change, roles.sql), with the title titles.sql picks now from the roles as
-- changed; the rows whose title differs.
CREATE TEMP TABLE IF NOT EXISTS inc_touched_meeting (meeting_id VARCHAR);

CREATE OR REPLACE TEMP TABLE inc_retitle_party AS
SELECT DISTINCT p.meeting_id, p.entity_id
FROM main.meeting_participants AS p
JOIN main.meetings AS m USING (meeting_id)
JOIN inc_role_change AS c
    ON c.entity_id = p.entity_id
   AND coalesce(m.meeting_date, m.first_reported) BETWEEN c.lo AND c.hi
WHERE p.meeting_id NOT IN (SELECT meeting_id FROM inc_touched_meeting);

CREATE OR REPLACE TEMP TABLE inc_retitle_meeting AS
SELECT meeting_id, meeting_date, first_reported
FROM main.meetings
WHERE meeting_id IN (SELECT meeting_id FROM inc_retitle_party);

CREATE OR REPLACE TEMP TABLE inc_retitled_rows AS
SELECT p.* REPLACE (t.role AS role)
FROM main.meeting_participants AS p
JOIN inc_retitle_party AS q USING (meeting_id, entity_id)
LEFT JOIN _mc_role_pick('inc_retitle_party', 'inc_retitle_meeting', 'main.person_roles') AS t
    USING (meeting_id, entity_id)
WHERE p.role IS DISTINCT FROM t.role;
