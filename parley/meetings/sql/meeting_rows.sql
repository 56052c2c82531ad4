-- The meetings table: the fields of every meeting, its headline and the summit it was part of.
CREATE OR REPLACE TABLE meetings AS
SELECT
    c.meeting_id,
    c.kind,
    c.meeting_date,
    c.date_precision,
    c.location,
    c.location_iso3,
    h.headline,
    c.n_mentions,
    c.n_articles,
    c.n_outlets,
    c.first_reported,
    c.last_reported,
    po.part_of
FROM _mc_meeting_core AS c
JOIN _mc_meeting_headline AS h USING (meeting_id)
LEFT JOIN _mc_meeting_part_of AS po USING (meeting_id)
ORDER BY c.meeting_date NULLS LAST, c.meeting_id;
