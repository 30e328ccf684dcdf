-- derive_contract_links: one row per contract of every import that has none yet, with the
-- agencies that have call-offs on it and the countries of its factories (sorted lists).
-- An import never changes once published, so these are computed once, when it is published,
-- instead of on every page view (at 900 000 call-offs that aggregation was most of a query).
-- Parameters: none. Run inside the publishing transaction, and on opening an older database.
INSERT INTO contract_links
WITH contracts_without_links AS (
    SELECT c.import_id, c.contract_id
    FROM contracts AS c
    WHERE c.import_id NOT IN (SELECT DISTINCT import_id FROM contract_links)
),
calloff_agencies AS (
    SELECT import_id, contract_id, list(DISTINCT agency ORDER BY agency) AS calloff_agencies
    FROM calloffs
    WHERE import_id IN (SELECT import_id FROM contracts_without_links)
    GROUP BY import_id, contract_id
),
factory_countries AS (
    SELECT import_id, contract_id, list(DISTINCT country ORDER BY country) AS factory_countries
    FROM factories
    WHERE import_id IN (SELECT import_id FROM contracts_without_links)
    GROUP BY import_id, contract_id
)
SELECT
    c.import_id,
    c.contract_id,
    coalesce(ca.calloff_agencies, []::VARCHAR[]) AS calloff_agencies,
    coalesce(fc.factory_countries, []::VARCHAR[]) AS factory_countries
FROM contracts_without_links AS c
LEFT JOIN calloff_agencies AS ca USING (import_id, contract_id)
LEFT JOIN factory_countries AS fc USING (import_id, contract_id)
