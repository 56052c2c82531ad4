-- Failures: announcements whose status is unknown or disagrees with meeting_id and
-- cancelled_by (held <=> a meeting; cancelled => what called it off; a stated cancellation
-- names itself or is held).
SELECT announcement_id, stated_status, status, meeting_id, cancelled_by
FROM meeting_announcements
WHERE stated_status NOT IN ('announced', 'cancelled')
   OR status NOT IN ('announced', 'held', 'cancelled')
   OR (status = 'held') <> (meeting_id IS NOT NULL)
   OR (status = 'cancelled' AND cancelled_by IS NULL)
   OR (status = 'announced' AND cancelled_by IS NOT NULL)
   OR (stated_status = 'cancelled' AND cancelled_by IS DISTINCT FROM announcement_id)
ORDER BY announcement_id;
