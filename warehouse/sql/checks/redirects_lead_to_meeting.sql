-- Failures: redirects whose chain of surviving ids never reaches a meetings row. Expected
-- only when the surviving meeting lost all its reports (its drop was deleted).
WITH RECURSIVE chain(old_meeting_id, meeting_id, depth) AS (
    SELECT old_meeting_id, meeting_id, 1 FROM meeting_id_redirects
    UNION ALL
    SELECT c.old_meeting_id, r.meeting_id, c.depth + 1
    FROM chain AS c
    JOIN meeting_id_redirects AS r ON r.old_meeting_id = c.meeting_id
    WHERE c.depth < 100
),
final AS (
    SELECT old_meeting_id, arg_max(meeting_id, depth) AS meeting_id
    FROM chain
    GROUP BY old_meeting_id
)
SELECT f.old_meeting_id, f.meeting_id AS last_meeting_id
FROM final AS f
ANTI JOIN meetings AS m ON m.meeting_id = f.meeting_id
ORDER BY f.old_meeting_id;
