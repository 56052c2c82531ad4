-- Failures: meeting ids that occur more than once in meetings.
SELECT meeting_id, count(*) AS n_rows
FROM meetings
GROUP BY meeting_id
HAVING count(*) > 1
ORDER BY meeting_id;
