-- Failures: entities with an unknown entity_type or a country code that is not three capitals.
SELECT entity_id, entity_type, country_iso3
FROM entities
WHERE entity_type NOT IN ('PERSON', 'ORG', 'GPE', 'NORP', 'LOC', 'FAC', 'EVENT')
   OR (country_iso3 IS NOT NULL AND NOT regexp_full_match(country_iso3, '[A-Z]{3}'))
ORDER BY entity_id;
