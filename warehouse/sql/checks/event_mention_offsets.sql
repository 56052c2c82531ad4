-- Failures: event mentions whose character offsets fall outside their article's body.
SELECT e.mention_id, e.article_id, e.start_char, e.end_char, length(a.body) AS body_length
FROM event_mentions AS e
JOIN articles AS a USING (article_id)
WHERE e.start_char < 0 OR e.end_char <= e.start_char OR e.end_char > length(a.body)
ORDER BY e.mention_id;
