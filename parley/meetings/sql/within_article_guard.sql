-- A within-article group fails when two of its mentions conflict or are apart (one of
-- meetings held one by one and a meeting with other parties), or when its mentions give two
-- different days (linked through an undated mention).
CREATE OR REPLACE TEMP TABLE _mc_wa_failed_label AS
SELECT DISTINCT la.label
FROM _mc_wa_pair_merge AS e
JOIN _mc_wa_cc_label AS la ON la.node = e.a
JOIN _mc_wa_cc_label AS lb ON lb.node = e.b
WHERE la.label = lb.label AND (e.hard_conflict OR e.apart)
UNION
SELECT l.label
FROM _mc_wa_cc_label AS l
JOIN _mc_mention AS m ON m.mention_id = l.node
WHERE m.date_precision = 'day'
GROUP BY l.label
HAVING count(DISTINCT m.event_date) > 1;
