-- Mentions left in failing groups after the strict level stand alone; a report is named by
-- its smallest mention id.
INSERT INTO _mc_cc_final
SELECT node, node FROM _mc_cc_node;

CREATE OR REPLACE TEMP TABLE _mc_mention_report AS
SELECT f.node AS mention_id, min(f.node) OVER (PARTITION BY f.label) AS report_id
FROM _mc_cc_final AS f;
