-- Failures: meetings with fewer than two distinct participants (a meeting needs two parties).
SELECT m.meeting_id, count(DISTINCT p.entity_id) AS n_parties
FROM meetings AS m
LEFT JOIN meeting_participants AS p USING (meeting_id)
GROUP BY m.meeting_id
HAVING count(DISTINCT p.entity_id) < 2
ORDER BY m.meeting_id;
