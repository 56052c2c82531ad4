-- Failures: announcements stated by the very words of an event mention (same article and
-- offsets): a meeting an article reports held is never also one it announces.
SELECT n.announcement_id, e.mention_id, n.article_id, n.start_char
FROM meeting_announcements AS n
JOIN event_mentions AS e
    ON e.article_id = n.article_id AND e.start_char = n.start_char AND e.end_char = n.end_char
ORDER BY n.announcement_id;
