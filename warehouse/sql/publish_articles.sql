-- Articles: one row per article_id (the same file dropped twice is one article, kept from the
-- drop that brought it first); duplicate_of points at the earliest article with the same body.
INSERT INTO main.articles
WITH ranked AS (
    SELECT *,
           row_number() OVER (PARTITION BY article_id ORDER BY ingested_at, drop_id) AS copy_rank
    FROM work.stg_articles
),
firsts AS (
    SELECT * EXCLUDE (copy_rank) FROM ranked WHERE copy_rank = 1
),
earliest_body AS (
    SELECT content_sha256,
           arg_min(article_id, (published_date, ingested_at, article_id)) AS first_article_id
    FROM firsts
    GROUP BY content_sha256
)
SELECT f.article_id, f.source_ref, f.drop_id, f.published_date, f.title, f.dateline, f.outlet,
       f.url, f.body, f.content_sha256,
       nullif(e.first_article_id, f.article_id) AS duplicate_of,
       f.input_flags, f.ingested_at
FROM firsts AS f
JOIN earliest_body AS e USING (content_sha256)
ORDER BY f.published_date, f.article_id;

INSERT INTO main.rejected_inputs
SELECT drop_id, source_ref, reason, detail, seen_at
FROM work.stg_rejected_inputs
ORDER BY drop_id, source_ref;
