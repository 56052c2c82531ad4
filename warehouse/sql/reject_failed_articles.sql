-- Articles whose processing raised in the entity or mention stage are rejected inputs (reason
-- processing_error), not articles. What the stages staged for them goes with them: every other
-- table keeps the rows of published articles only. Only the copy of the drop where it failed
-- goes: the same file in another drop, processed there without an error, is still published.
INSERT INTO work.stg_rejected_inputs (drop_id, source_ref, reason, detail, seen_at)
SELECT drop_id, source_ref, 'processing_error', detail, seen_at
FROM (
    SELECT * FROM work.stg_entity_failures
    UNION ALL BY NAME
    SELECT * FROM work.stg_mention_failures
);

DELETE FROM work.stg_articles
WHERE (drop_id, article_id) IN (
    SELECT drop_id, article_id FROM work.stg_entity_failures
    UNION
    SELECT drop_id, article_id FROM work.stg_mention_failures
);
