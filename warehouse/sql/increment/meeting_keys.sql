-- An incremental publish, meetings part 3, run before and after the rows of the meetings the
-- clustering touched (inc_touched_meeting) are replaced: what an announcement could match in
-- them, as parley/announcements/sql/link_announcements.sql matches (their participants, the
-- states taking part or hosting, gpe:<ISO3>), with a span of days holding every day such a
-- meeting may count as held on (its day or month; undated, the $undated_meeting_days before
-- its first report). The announcements sharing a key and a day with one are linked again.
CREATE TEMP TABLE IF NOT EXISTS inc_meeting_key (party_key VARCHAR, lo DATE, hi DATE);

INSERT INTO inc_meeting_key
WITH touched AS (
    SELECT meeting_id, location_iso3, coalesce(meeting_date, first_reported) AS day
    FROM main.meetings
    WHERE meeting_id IN (SELECT meeting_id FROM inc_touched_meeting)
),
k AS (
    SELECT meeting_id, entity_id AS party_key
    FROM main.meeting_participants
    WHERE meeting_id IN (SELECT meeting_id FROM touched)
    UNION
    SELECT meeting_id, 'gpe:' || country_iso3
    FROM main.meeting_countries
    WHERE meeting_id IN (SELECT meeting_id FROM touched)
    UNION
    SELECT meeting_id, 'gpe:' || location_iso3 FROM touched WHERE location_iso3 IS NOT NULL
)
SELECT DISTINCT k.party_key, t.day - $undated_meeting_days::INTEGER, last_day(t.day)
FROM k
JOIN touched AS t USING (meeting_id);
