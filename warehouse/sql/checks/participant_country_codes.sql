-- Failures: meeting participants whose country_iso3 is not three capital letters or differs
-- from their entity's (a place name slug in place of a country code splits country pairs).
SELECT p.meeting_id, p.entity_id, p.country_iso3, e.country_iso3 AS entity_country_iso3
FROM meeting_participants AS p
LEFT JOIN entities AS e USING (entity_id)
WHERE (p.country_iso3 IS NOT NULL AND NOT regexp_full_match(p.country_iso3, '[A-Z]{3}'))
   OR (e.entity_id IS NOT NULL AND p.country_iso3 IS DISTINCT FROM e.country_iso3)
ORDER BY p.meeting_id, p.entity_id;
