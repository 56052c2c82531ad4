-- Failures: entity mentions whose character offsets fall outside their article's body (the
-- offsets are how a user finds the words again).
SELECT m.article_id, m.entity_id, m.start_char, m.end_char, length(a.body) AS body_length
FROM entity_mentions AS m
JOIN articles AS a USING (article_id)
WHERE m.start_char < 0 OR m.end_char <= m.start_char OR m.end_char > length(a.body)
ORDER BY m.article_id, m.start_char;
