-- Failures: event mentions assigned to no meeting or to several, assignments of mentions
-- that do not exist, and assignments to meetings that have no meetings row.
SELECT e.mention_id, count(mm.meeting_id) AS n_meetings, 'mention not in exactly one meeting' AS problem
FROM event_mentions AS e
LEFT JOIN mention_meeting AS mm USING (mention_id)
GROUP BY e.mention_id
HAVING count(mm.meeting_id) <> 1
UNION ALL
SELECT mm.mention_id, 1, 'assigned mention is not an event mention'
FROM mention_meeting AS mm
ANTI JOIN event_mentions AS e USING (mention_id)
UNION ALL
SELECT mm.mention_id, 1, 'assigned to a meeting without a meetings row'
FROM mention_meeting AS mm
ANTI JOIN meetings AS m USING (meeting_id)
ORDER BY 1;
