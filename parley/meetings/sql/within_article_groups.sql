-- Within-article step, part 2 (a loop of two levels, see cluster.py): group the mentions of
-- one meeting within an article. This file starts the loop: every mention is open, no group
-- is final yet.
CREATE OR REPLACE TEMP TABLE _mc_wa_open_node AS
SELECT mention_id AS node FROM _mc_mention;

CREATE OR REPLACE TEMP TABLE _mc_wa_final_label (node VARCHAR, label VARCHAR);
