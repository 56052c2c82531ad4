-- Within-article step, part 3: the reports. Mentions left in failing groups after the strict
-- level stand alone; a report is named by its smallest mention id.
CREATE OR REPLACE TEMP TABLE _mc_mention_report AS
WITH grouped AS (
    SELECT node, label FROM _mc_wa_final_label
    UNION ALL
    SELECT node, node FROM _mc_wa_open_node
)
SELECT node AS mention_id, min(node) OVER (PARTITION BY label) AS report_id
FROM grouped;
