-- Articles whose processing raised in the entity or mention stage are rejected inputs (reason
-- processing_error), not articles. What the stages staged for them goes with them: every other
-- table keeps the rows of published articles only.
INSERT INTO work.stg_rejected_inputs (drop_id, source_ref, reason, detail, seen_at)
SELECT drop_id, source_ref, 'processing_error', detail, seen_at
FROM (
    SELECT * FROM work.stg_entity_failures
    UNION ALL BY NAME
    SELECT * FROM work.stg_mention_failures
);

DELETE FROM work.stg_articles
WHERE article_id IN (
    SELECT article_id FROM work.stg_entity_failures
    UNION
    SELECT article_id FROM work.stg_mention_failures
);
