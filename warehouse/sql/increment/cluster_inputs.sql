-- An incremental publish, meetings part 2: the clustering's inputs (build_meetings's
-- relations) for the mentions the scope chose (inc_scope_mention), and the whole history's
-- facts for them: the name variant each person among their participants stands for, and,
-- per party, in how many articles with an event mention it is named, its variants counted
-- together (parley/meetings/sql/corpus.sql). The clustering runs on copies of them in a
-- connection of its own (a transaction writes to one database only).
CREATE OR REPLACE TEMP VIEW inc_input_event_mentions AS
SELECT m.* EXCLUDE (published_date, outlet)
FROM parley_internal.event_mentions AS m
SEMI JOIN inc_scope_mention USING (mention_id);

CREATE OR REPLACE TEMP VIEW inc_input_articles AS
SELECT DISTINCT m.article_id, m.published_date, m.outlet
FROM parley_internal.event_mentions AS m
SEMI JOIN inc_scope_mention USING (mention_id);

CREATE OR REPLACE TEMP TABLE inc_input_event_mention_participants AS
SELECT p.mention_id, p.entity_id, p.role_in_event
FROM main.event_mention_participants AS p
SEMI JOIN inc_scope_mention USING (mention_id);

CREATE OR REPLACE TEMP TABLE inc_input_person_alias AS
SELECT n.entity_id, n.alias_of
FROM parley_internal.person_names AS n
WHERE n.entity_id IN (SELECT entity_id FROM inc_input_event_mention_participants);

CREATE OR REPLACE TEMP TABLE inc_scope_party AS
SELECT DISTINCT coalesce(a.alias_of, p.entity_id) AS entity_id
FROM inc_input_event_mention_participants AS p
LEFT JOIN inc_input_person_alias AS a USING (entity_id);

CREATE OR REPLACE TEMP VIEW inc_input_entities AS
SELECT e.*
FROM parley_internal.participant_entities AS e
SEMI JOIN inc_scope_party USING (entity_id);

CREATE OR REPLACE TEMP VIEW inc_input_person_roles AS
SELECT r.*
FROM main.person_roles AS r
SEMI JOIN inc_scope_party USING (entity_id);

CREATE OR REPLACE TEMP TABLE inc_entity_df AS
WITH party AS (
    SELECT p.mention_id, coalesce(n.alias_of, p.entity_id) AS entity_id
    FROM main.event_mention_participants AS p
    LEFT JOIN parley_internal.person_names AS n USING (entity_id)
)
SELECT p.entity_id, count(DISTINCT m.article_id) AS n_event_articles
FROM party AS p
JOIN parley_internal.event_mentions AS m USING (mention_id)
WHERE p.entity_id IN (SELECT entity_id FROM inc_scope_party)
GROUP BY p.entity_id;
