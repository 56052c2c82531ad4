-- Cross-article step, part 4 (a loop over the level thresholds, see cluster.py): cluster
-- the reports. This file starts the loop: every report, and every existing meeting that
-- still has a mention, is open; no cluster is final yet.
CREATE OR REPLACE TEMP TABLE _mc_x_open_node AS
SELECT DISTINCT 'R:' || report_id AS node FROM _mc_mention_report
UNION
SELECT DISTINCT b FROM _mc_x_meeting_link;

CREATE OR REPLACE TEMP TABLE _mc_x_final_label (node VARCHAR, label VARCHAR);
