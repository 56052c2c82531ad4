-- An incremental publish, meetings part 1: the history as parley/meetings/scope.py reads it,
-- from the bookkeeping (the event mentions as staged, people's name variants, the parties'
-- entities) and the previous meeting-id state (inc_prev_assign).
CREATE OR REPLACE TEMP VIEW scope_mentions AS
SELECT m.mention_id, m.article_id, m.event_date, m.date_precision, m.published_date,
       m.setting, a.meeting_id
FROM parley_internal.event_mentions AS m
LEFT JOIN inc_prev_assign AS a USING (mention_id);

-- Each mention's participants and the name variants they stand for (the clustering's
-- parties): reports naming "JD Vance" and "J.D. Vance" share a party. A table: the scope's
-- steps read it many times.
CREATE OR REPLACE TEMP TABLE scope_participants AS
SELECT mention_id, entity_id FROM main.event_mention_participants
UNION
SELECT p.mention_id, n.alias_of
FROM main.event_mention_participants AS p
JOIN parley_internal.person_names AS n USING (entity_id);

-- A party's country as the clustering sees it: its entity's, else a country entity's own
-- code (gpe:USA).
CREATE OR REPLACE TEMP VIEW scope_entity_countries AS
SELECT p.entity_id,
       coalesce(
           e.country_iso3,
           CASE WHEN regexp_matches(p.entity_id, '^gpe:[A-Z]{3}$')
                THEN split_part(p.entity_id, ':', 2) END
       ) AS country_iso3
FROM (SELECT DISTINCT entity_id FROM scope_participants) AS p
LEFT JOIN parley_internal.participant_entities AS e USING (entity_id);

CREATE OR REPLACE TEMP VIEW scope_meetings AS
SELECT meeting_id, meeting_date, first_reported, part_of FROM main.meetings;

CREATE OR REPLACE TEMP VIEW scope_entity_changes AS
SELECT entity_id, lo, hi FROM inc_entity_change;
