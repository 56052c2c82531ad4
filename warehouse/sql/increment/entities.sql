-- An incremental publish, entities part 1: the new articles' entity mentions (the mention
-- stage's described sides included, as publish_entities.sql counts them).
CREATE OR REPLACE TEMP TABLE inc_entity_mention AS
SELECT m.*
FROM (
    SELECT * FROM inc_stg_entity_mentions
    UNION ALL BY NAME
    SELECT * FROM inc_stg_party_mentions
) AS m
JOIN inc_new_article AS a ON a.article_id = m.article_id AND a.drop_id = m.drop_id;

CREATE OR REPLACE TEMP TABLE inc_entity_mentions_rows AS
SELECT article_id, entity_id, mention_text, label, start_char, end_char
FROM inc_entity_mention
ORDER BY article_id, start_char;

CREATE OR REPLACE TEMP TABLE inc_touched_entity AS
SELECT DISTINCT entity_id FROM inc_entity_mention;
