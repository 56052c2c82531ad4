-- An incremental publish, articles part 1. The new drops' articles whose processing raised
-- in a stage are rejected inputs, not articles, as reject_failed_articles.sql has it: only
-- the copy of the drop where it failed goes.
INSERT INTO inc_stg_rejected_inputs (drop_id, source_ref, reason, detail, seen_at)
SELECT drop_id, source_ref, 'processing_error', detail, seen_at
FROM (
    SELECT * FROM inc_stg_entity_failures
    UNION ALL BY NAME
    SELECT * FROM inc_stg_mention_failures
);

DELETE FROM inc_stg_articles
WHERE (drop_id, article_id) IN (
    SELECT drop_id, article_id FROM inc_stg_entity_failures
    UNION
    SELECT drop_id, article_id FROM inc_stg_mention_failures
);

-- The new drops' articles, one per article_id (the earliest copy among them;
-- publish_articles.sql keeps the earliest of all, and a published copy is earlier than any
-- new one unless the publish falls back to a full build).
CREATE OR REPLACE TEMP TABLE inc_article AS
SELECT * EXCLUDE (copy_rank)
FROM (
    SELECT *,
           row_number() OVER (PARTITION BY article_id ORDER BY ingested_at, drop_id) AS copy_rank
    FROM inc_stg_articles
)
WHERE copy_rank = 1;
