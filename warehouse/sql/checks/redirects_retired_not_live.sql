-- Failures: retired meeting ids that still have a meetings row (one meeting under two ids).
SELECT r.old_meeting_id, r.meeting_id
FROM meeting_id_redirects AS r
SEMI JOIN meetings AS m ON m.meeting_id = r.old_meeting_id
ORDER BY r.old_meeting_id;
