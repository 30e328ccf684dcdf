-- snapshot_dialogue_by_country: one row per country, counting the central factories (distinct
-- factory and contract rows, as in the summary's central_by_status) under the contracts the
-- filters select that are in force on $as_of, by social dialogue status. The rows add up to the
-- summary's figures.
-- Parameters: $import_id, $as_of (DATE), $filters, $rules (see macros/scoped_contracts.sql).
WITH contracts_in_scope AS (
    SELECT contract_id FROM contracts_in_force($import_id, $as_of, $filters, $rules)
),
central_factories AS (
    SELECT f.country, f.dialogue_status
    FROM factories AS f
    JOIN contracts_in_scope AS c USING (contract_id)
    WHERE f.import_id = $import_id AND f.central
)
SELECT
    country,
    count(*) AS central,
    count(*) FILTER (dialogue_status = 'implemented') AS implemented,
    count(*) FILTER (dialogue_status = 'in_progress') AS in_progress,
    count(*) FILTER (dialogue_status = 'planned') AS planned,
    count(*) FILTER (dialogue_status = 'not_started') AS not_started,
    count(*) FILTER (dialogue_status = 'not_reported') AS not_reported
FROM central_factories
GROUP BY country
ORDER BY central DESC, country
