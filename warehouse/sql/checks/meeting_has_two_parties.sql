-- Failures: meetings with fewer than two distinct participants (a meeting needs two parties),
-- unless a participant is a group of states, whose members are the parties
-- (meeting_countries via membership: "G-7 finance ministers met"), or a summit named as
-- itself, whose attendees are ("met Lula on the margins of the Summit for Democracy").
SELECT m.meeting_id, count(DISTINCT p.entity_id) AS n_parties
FROM meetings AS m
LEFT JOIN meeting_participants AS p USING (meeting_id)
WHERE m.meeting_id NOT IN (
    SELECT meeting_id FROM meeting_countries WHERE via = 'membership'
)
GROUP BY m.meeting_id
HAVING count(DISTINCT p.entity_id) < 2
    AND NOT bool_or(coalesce(m.kind = 'summit' AND p.entity_type IN ('EVENT', 'ORG'), false))
ORDER BY m.meeting_id;
