-- Every mention's component: the final clustering component of its report, or, for reports
-- still failing the guard after the strictest level, its old meeting (old mentions) or a new
-- meeting of its report's new mentions.
CREATE OR REPLACE TEMP TABLE _mc_mention_comp AS
SELECT
    r.mention_id,
    coalesce(
        f.label,
        CASE WHEN m.is_new THEN 'N:' || r.report_id ELSE 'M:' || m.prev_meeting_id END
    ) AS comp
FROM _mc_mention_report AS r
JOIN _mc_mention AS m USING (mention_id)
LEFT JOIN _mc_x_final_label AS f ON f.node = 'R:' || r.report_id;

CREATE OR REPLACE TEMP TABLE _mc_comp_old AS
SELECT DISTINCT c.comp, m.prev_meeting_id AS meeting_id, g.born_at
FROM _mc_mention_comp AS c
JOIN _mc_mention AS m USING (mention_id)
LEFT JOIN _mc_prev_registry AS g ON g.meeting_id = m.prev_meeting_id
WHERE NOT m.is_new;

-- A component holding existing meetings keeps the oldest one's id. A new component's id is
-- a hash of its smallest mention id (so a rebuild from scratch gives the same ids), salted
-- with the run time if that id was ever used for another meeting. An id whose meeting was
-- emptied (its drop deleted) is reused when the same mention comes back.
CREATE OR REPLACE TEMP TABLE _mc_comp_id AS
WITH survivor AS (
    SELECT comp, meeting_id
    FROM _mc_comp_old
    QUALIFY row_number() OVER (PARTITION BY comp ORDER BY born_at NULLS LAST, meeting_id) = 1
),
fresh AS (
    SELECT comp, min(mention_id) AS seed
    FROM _mc_mention_comp
    WHERE comp NOT IN (SELECT comp FROM _mc_comp_old)
    GROUP BY comp
),
taken AS (
    SELECT meeting_id FROM _mc_prev_registry WHERE status <> 'emptied'
    UNION
    SELECT old_meeting_id FROM _mc_prev_redirects
)
SELECT comp, meeting_id, false AS is_new
FROM survivor
UNION ALL
SELECT
    comp,
    CASE
        WHEN _mc_fresh_id(seed) IN (SELECT meeting_id FROM taken)
            THEN _mc_fresh_id(seed || '@' || CAST($now AS VARCHAR))
        ELSE _mc_fresh_id(seed)
    END,
    true
FROM fresh;

CREATE OR REPLACE TABLE mention_meeting AS
SELECT c.mention_id, i.meeting_id
FROM _mc_mention_comp AS c
JOIN _mc_comp_id AS i USING (comp)
ORDER BY c.mention_id;

CREATE OR REPLACE TEMP TABLE _mc_new_redirect AS
SELECT o.meeting_id AS old_meeting_id, i.meeting_id, $now::TIMESTAMPTZ AS merged_at
FROM _mc_comp_old AS o
JOIN _mc_comp_id AS i USING (comp)
WHERE o.meeting_id <> i.meeting_id;

-- Redirects always point at the surviving id: earlier redirects to a meeting merged away now
-- are re-pointed.
CREATE OR REPLACE TEMP TABLE _mc_state_redirects AS
SELECT r.old_meeting_id, coalesce(n.meeting_id, r.meeting_id) AS meeting_id, r.merged_at
FROM _mc_prev_redirects AS r
LEFT JOIN _mc_new_redirect AS n ON n.old_meeting_id = r.meeting_id
UNION ALL
SELECT old_meeting_id, meeting_id, merged_at FROM _mc_new_redirect;

-- Every id ever given out, with its birth and status (live, merged, emptied).
CREATE OR REPLACE TEMP TABLE _mc_state_registry AS
WITH live AS (
    SELECT DISTINCT meeting_id FROM mention_meeting
),
ids AS (
    SELECT meeting_id FROM _mc_prev_registry
    UNION
    SELECT meeting_id FROM live
),
status AS (
    SELECT
        i.meeting_id,
        coalesce(g.born_at, $now::TIMESTAMPTZ) AS born_at,
        g.status AS old_status,
        g.status_at AS old_status_at,
        CASE
            WHEN l.meeting_id IS NOT NULL THEN 'live'
            WHEN n.old_meeting_id IS NOT NULL THEN 'merged'
            WHEN g.status = 'live' THEN 'emptied'
            ELSE g.status
        END AS status
    FROM ids AS i
    LEFT JOIN _mc_prev_registry AS g USING (meeting_id)
    LEFT JOIN live AS l USING (meeting_id)
    LEFT JOIN _mc_new_redirect AS n ON n.old_meeting_id = i.meeting_id
)
SELECT
    meeting_id,
    born_at,
    status,
    CASE WHEN old_status IS NOT DISTINCT FROM status THEN old_status_at
         ELSE $now::TIMESTAMPTZ END AS status_at
FROM status;

CREATE OR REPLACE TEMP TABLE _mc_state_assign AS
SELECT mention_id, meeting_id FROM mention_meeting;
