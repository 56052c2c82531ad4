-- The chaining guard, part 2: a component fails when two of its reports may never share a
-- meeting (hard conflict: different people on both sides, phone vs in person, dates 3+ days
-- apart) or when its day-precise dates span more than $max_span_days days.
CREATE OR REPLACE TEMP TABLE _mc_cc_bad AS
SELECT DISTINCT r.label
FROM _mc_pair_score AS s
JOIN _mc_comp_report AS r ON r.unit_id = s.a
WHERE s.hard_conflict
UNION
SELECT r.label
FROM _mc_comp_report AS r
JOIN _mc_mention_report AS mr ON mr.report_id = r.unit_id
JOIN _mc_mention AS m USING (mention_id)
GROUP BY r.label
HAVING bool_or(m.is_new)
   AND date_diff(
       'day',
       min(m.event_date) FILTER (WHERE m.date_precision = 'day'),
       max(m.event_date) FILTER (WHERE m.date_precision = 'day')
   ) > $max_span_days;
