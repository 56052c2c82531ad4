-- Scored cross-article pairs, kept for every level of the clustering.
CREATE OR REPLACE TEMP TABLE _mc_cross_edge AS
SELECT 'R:' || a AS a, 'R:' || b AS b, score
FROM _mc_pair_score
WHERE NOT same_article;

-- Graph nodes: every report, and every existing meeting that still has a mention. An old
-- mention ties its report to its meeting, so existing meetings are never split.
CREATE OR REPLACE TEMP TABLE _mc_link AS
SELECT DISTINCT 'R:' || r.report_id AS a, 'M:' || m.prev_meeting_id AS b
FROM _mc_mention_report AS r
JOIN _mc_mention AS m USING (mention_id)
WHERE NOT m.is_new;

CREATE OR REPLACE TEMP TABLE _mc_cc_node AS
SELECT DISTINCT 'R:' || report_id AS node FROM _mc_mention_report
UNION
SELECT DISTINCT b FROM _mc_link;
