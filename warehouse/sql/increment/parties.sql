-- An incremental publish, the parties the clustering may read: the new participants, the
-- name variants they stand for (inc_participant_name), and the variant now stood for by each
-- person whose variants were recomputed and whose entity the bookkeeping holds as a party
-- (inc_old_participant_entity) or who is a new participant.
CREATE OR REPLACE TEMP TABLE inc_new_party AS
SELECT entity_id FROM inc_event_mention_participants_rows
UNION
SELECT alias_of FROM inc_participant_name
UNION
SELECT n.alias_of
FROM inc_person_names_rows AS n
WHERE n.entity_id IN (SELECT entity_id FROM inc_old_participant_entity)
   OR n.entity_id IN (SELECT entity_id FROM inc_event_mention_participants_rows);
