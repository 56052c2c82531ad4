-- The states taking part in each meeting: the state of every participant that has one (an
-- official, a body or the state itself), and the members of every participating group of
-- states on the meeting's date (the day it was first reported when it is undated; any day of
-- its month when it is dated to its month). A state present both ways is listed once, as a
-- participant.
CREATE OR REPLACE TABLE meeting_countries AS
WITH by_participant AS (
    SELECT DISTINCT p.meeting_id, p.country_iso3, 'participant' AS via
    FROM _mc_meeting_party AS p
    WHERE p.country_iso3 IS NOT NULL
      AND p.canonical_name NOT IN (SELECT group_name FROM _mc_group_member)
),
by_membership AS (
    SELECT DISTINCT p.meeting_id, g.country_iso3, 'membership' AS via
    FROM _mc_meeting_party AS p
    JOIN _mc_meeting_core AS c USING (meeting_id)
    JOIN _mc_group_member AS g
        ON g.group_name = p.canonical_name
       AND p.entity_type = 'ORG'
       -- A meeting dated to its month may have been held on any of its days ("last month's
       -- G-6 meeting" was the Louvre meeting of the 22nd, the day the G6 began).
       AND (CASE WHEN c.date_precision = 'month' THEN last_day(c.meeting_date)
                 ELSE coalesce(c.meeting_date, c.first_reported) END) >= g.start_date
       AND (g.end_date IS NULL OR coalesce(c.meeting_date, c.first_reported) <= g.end_date)
)
SELECT meeting_id, country_iso3, via
FROM by_participant
UNION ALL
SELECT m.meeting_id, m.country_iso3, m.via
FROM by_membership AS m
ANTI JOIN by_participant AS p USING (meeting_id, country_iso3)
ORDER BY meeting_id, country_iso3;
