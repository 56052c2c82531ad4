-- Side meetings: a meeting whose reports say it was held on the sidelines of a group's meeting
-- ("on the sidelines of the Quad Foreign Ministers' Meeting") is part of the meeting that has
-- that group as a participant, on a compatible date. Of several such meetings the one
-- reported in the same article wins, then the nearest in time, then the smallest id.
-- Only a meeting that is not itself held on the sidelines of another can be a side
-- meeting's setting, so part_of never chains or loops.
CREATE OR REPLACE TEMP TABLE _mc_meeting_part_of AS
WITH settings AS (
    SELECT DISTINCT meeting_id, setting
    FROM _mc_member
    WHERE setting IS NOT NULL
),
side_of_another AS (
    SELECT DISTINCT meeting_id FROM settings
),
candidates AS (
    SELECT
        s.meeting_id,
        g.meeting_id AS part_of,
        -- Days apart: exact when both are day-precise; a month-precise date only says whether
        -- the months agree; an undated meeting is compared by when it was first reported.
        CASE
            WHEN side.meeting_date IS NULL OR summit.meeting_date IS NULL THEN
                abs(date_diff('day', side.first_reported, summit.first_reported))
            WHEN side.date_precision = 'day' AND summit.date_precision = 'day' THEN
                abs(date_diff('day', side.meeting_date, summit.meeting_date))
            WHEN date_trunc('month', side.meeting_date) = date_trunc('month', summit.meeting_date)
                THEN 0
        END AS days_apart,
        EXISTS (
            SELECT 1
            FROM meeting_sources AS a
            JOIN meeting_sources AS b USING (article_id)
            WHERE a.meeting_id = s.meeting_id AND b.meeting_id = g.meeting_id
        ) AS same_article
    FROM settings AS s
    JOIN _mc_meeting_party AS g ON g.entity_id = s.setting AND g.meeting_id <> s.meeting_id
    JOIN _mc_meeting_core AS side ON side.meeting_id = s.meeting_id
    JOIN _mc_meeting_core AS summit ON summit.meeting_id = g.meeting_id
    WHERE g.meeting_id NOT IN (SELECT meeting_id FROM side_of_another)
)
SELECT meeting_id, part_of
FROM candidates
-- A summit lasts a few days; its side meetings fall within them.
WHERE days_apart <= 4
QUALIFY row_number() OVER (
    PARTITION BY meeting_id ORDER BY same_article DESC, days_apart, part_of
) = 1;
