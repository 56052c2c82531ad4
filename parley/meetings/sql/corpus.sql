-- The history facts behind the parties and their rarity weights (mentions.sql): which
-- variant of a person's name each person stands for (names.sql), how many articles there
-- are, and in how many articles with an event mention each party is named, a person's name
-- variants counted as one. A run over part of the history (parley/meetings/scope.py) is
-- given these facts for the whole history instead of running this step.
CREATE OR REPLACE TEMP TABLE _mc_person_name AS
FROM _mc_person_names('entities');

CREATE OR REPLACE TEMP TABLE _mc_person_alias AS
FROM _mc_person_alias_of('_mc_person_name');

CREATE OR REPLACE TEMP TABLE _mc_corpus AS
SELECT count(*) AS n_articles FROM articles;

CREATE OR REPLACE TEMP TABLE _mc_entity_df AS
SELECT coalesce(a.alias_of, p.entity_id) AS entity_id,
       count(DISTINCT m.article_id) AS n_event_articles
FROM event_mention_participants AS p
JOIN event_mentions AS m USING (mention_id)
LEFT JOIN _mc_person_alias AS a USING (entity_id)
GROUP BY ALL;
