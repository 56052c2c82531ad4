-- An incremental publish, articles part 1: the new drops' articles, one per article_id (the
-- earliest copy among them; publish_articles.sql keeps the earliest of all, and a published
-- copy is earlier than any new one unless the publish falls back to a full build).
CREATE OR REPLACE TEMP TABLE inc_article AS
SELECT * EXCLUDE (copy_rank)
FROM (
    SELECT *,
           row_number() OVER (PARTITION BY article_id ORDER BY ingested_at, drop_id) AS copy_rank
    FROM inc_stg_articles
)
WHERE copy_rank = 1;
