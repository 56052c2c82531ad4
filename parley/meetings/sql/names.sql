-- Shared definition of a person's name variants: the history facts step (corpus.sql) resolves
-- them for a run over all of it, and the warehouse keeps them for a run over part of it.
--
-- Name variants of one person ("J.D. Vance" / "JD Vance", "Abdel Fattah Al-Sisi" / "Abdel
-- Fattah El-Sisi", "Jen Klein" / "Jennifer Klein", "Melanie L. Campbell" / "Melanie
-- Campbell", "Amir Sheikh Tamim bin Hamad Al-Thani" / "Amir Tamim bin Hamad al Thani") are
-- resolved to different entity ids in different articles. Two people are one when their
-- states do not differ, their names end in the same surname and begin with the same given
-- name, or one given name of 3+ letters begins the other (a short form); case, accents,
-- dots, hyphens, titles and middle initials do not count. Each person stands for the
-- variant named in most articles. Only people of one surname can be variants of each other,
-- so a change to one person's row can only change the variants of that surname.

-- _mc_person_names(entities): the people of `entities` (entity_id, canonical_name,
-- entity_type, country_iso3, n_articles) whose name has a given name and a surname, with
-- both (entity_id, country_iso3, n_articles, given, surname).
CREATE OR REPLACE TEMP MACRO _mc_person_names(entities) AS TABLE
WITH person AS (
    SELECT
        entity_id,
        country_iso3,
        coalesce(n_articles, 0) AS n_articles,
        list_filter(
            string_split(
                regexp_replace(
                    regexp_replace(lower(strip_accents(canonical_name)), '[.''’]', '', 'g'),
                    '[^a-z0-9]+', ' ', 'g'
                ),
                ' '
            ),
            lambda t: t <> '' AND t NOT IN ('sheikh', 'amir', 'he', 'gentleman', 'lady', 'dr',
                                          'mr', 'mrs', 'ms', 'sir')
        ) AS tokens
    FROM query_table(entities)
    WHERE entity_type = 'PERSON'
)
SELECT
    entity_id,
    country_iso3,
    n_articles,
    tokens[1] AS given,
    tokens[-1] AS surname
FROM person
WHERE len(tokens) >= 2
  AND tokens[1] NOT IN ('al', 'el', 'bin', 'ibn', 'de', 'da', 'di', 'van', 'von', 'le', 'la');

-- _mc_person_alias_of(names): for every person of `names` (the output of _mc_person_names),
-- the variant it stands for (entity_id, alias_of; alias_of is entity_id when it is the
-- variant named most). Each person's answer reads only the people of its surname.
CREATE OR REPLACE TEMP MACRO _mc_person_alias_of(names) AS TABLE
WITH same AS (
    SELECT a.entity_id, b.entity_id AS alias_of, b.n_articles
    FROM query_table(names) AS a
    JOIN query_table(names) AS b
        ON b.surname = a.surname
       AND (a.country_iso3 IS NULL OR b.country_iso3 IS NULL OR a.country_iso3 = b.country_iso3)
       AND (
           a.given = b.given
           OR (len(a.given) >= 3 AND starts_with(b.given, a.given))
           OR (len(b.given) >= 3 AND starts_with(a.given, b.given))
       )
)
SELECT entity_id, alias_of
FROM same
QUALIFY row_number() OVER (
    PARTITION BY entity_id ORDER BY n_articles DESC, alias_of
) = 1;
