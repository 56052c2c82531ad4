-- Failures: announcements whose character offsets fall outside their article's body.
SELECT e.announcement_id, e.article_id, e.start_char, e.end_char,
       length(a.body) AS body_length
FROM meeting_announcements AS e
JOIN articles AS a USING (article_id)
WHERE e.start_char < 0 OR e.end_char <= e.start_char OR e.end_char > length(a.body)
ORDER BY e.announcement_id;
