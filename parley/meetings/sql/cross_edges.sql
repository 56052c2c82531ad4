-- Cross-article step, part 3: the graph the clustering loop cuts level by level. Nodes are
-- reports ('R:' || report_id) and existing meetings ('M:' || meeting_id).

CREATE OR REPLACE TEMP TABLE _mc_x_pair_score AS
FROM _mc_score_pairs('_mc_x_candidate', '_mc_x_unit', '_mc_x_unit_party');

-- Scored report pairs, kept for every level (each level keeps those above its threshold).
CREATE OR REPLACE TEMP TABLE _mc_x_edge AS
SELECT 'R:' || a AS a, 'R:' || b AS b, score
FROM _mc_x_pair_score
WHERE NOT same_article;

-- An old mention ties its report to its existing meeting, at every level, so existing
-- meetings are never split.
CREATE OR REPLACE TEMP TABLE _mc_x_meeting_link AS
SELECT DISTINCT 'R:' || r.report_id AS a, 'M:' || m.prev_meeting_id AS b
FROM _mc_mention_report AS r
JOIN _mc_mention AS m USING (mention_id)
WHERE NOT m.is_new;
