-- The corpus counts behind the rarity weights (mentions.sql): how many articles there are,
-- and in how many articles with an event mention each participant is named. A run over part
-- of the history (parley/meetings/scope.py) is given these counts for the whole history
-- instead of running this step.
CREATE OR REPLACE TEMP TABLE _mc_corpus AS
SELECT count(*) AS n_articles FROM articles;

CREATE OR REPLACE TEMP TABLE _mc_entity_df AS
SELECT p.entity_id, count(DISTINCT m.article_id) AS n_event_articles
FROM event_mention_participants AS p
JOIN event_mentions AS m USING (mention_id)
GROUP BY p.entity_id;
