-- An incremental publish, articles part 2, given inc_published_copy (the published rows of
-- the new drops' article ids) and inc_published_body (the published articles with a body a
-- new article has): the new articles, and duplicate_of as publish_articles.sql sets it, the
-- earliest article with the same body, for the new articles and for the published ones whose
-- earliest is now a new article.
CREATE OR REPLACE TEMP TABLE inc_new_article AS
SELECT a.* FROM inc_article AS a ANTI JOIN inc_published_copy USING (article_id);

CREATE OR REPLACE TEMP TABLE inc_body_first AS
WITH bodies AS (
    SELECT content_sha256, article_id, published_date, ingested_at FROM inc_published_body
    UNION ALL
    SELECT content_sha256, article_id, published_date, ingested_at FROM inc_new_article
)
SELECT content_sha256,
       arg_min(article_id, (published_date, ingested_at, article_id)) AS first_article_id
FROM bodies
GROUP BY content_sha256;

CREATE OR REPLACE TEMP TABLE inc_articles_rows AS
SELECT a.*, nullif(f.first_article_id, a.article_id) AS duplicate_of
FROM inc_new_article AS a
JOIN inc_body_first AS f USING (content_sha256)
ORDER BY a.published_date, a.article_id;

CREATE OR REPLACE TEMP TABLE inc_redated_article AS
SELECT p.article_id, nullif(f.first_article_id, p.article_id) AS duplicate_of
FROM inc_published_body AS p
JOIN inc_body_first AS f USING (content_sha256)
WHERE nullif(f.first_article_id, p.article_id) IS DISTINCT FROM p.duplicate_of;
