-- filter_options: one row per value a sidebar filter can take in the current dataset:
-- (dimension, value). Dimensions are the Filters whitelist: agencies (owners and agencies with
-- call-offs), categories, suppliers, countries (ISO alpha-2 of factories), contract_types.
-- Parameters: $import_id; $filters and $rules: the contracts whose values are offered (all for
-- most users; only their agencies' for a user limited to some agencies).
WITH contracts_of_import AS (
    SELECT * FROM scoped_contracts($import_id, $filters, $rules)
),
agencies AS (
    SELECT agency AS value FROM contracts_of_import
    UNION
    -- the call-off agencies as contract_links derived them when the import was published
    -- (not the call-offs themselves: 900 000 rows at scale 100)
    SELECT a.agency
    FROM contracts_of_import AS c, unnest(c.calloff_agencies) AS a(agency)
),
categories AS (
    SELECT DISTINCT category AS value FROM contracts_of_import
),
suppliers AS (
    SELECT DISTINCT supplier_name AS value FROM contracts_of_import
),
countries AS (
    SELECT DISTINCT f.country AS value
    FROM factories AS f JOIN contracts_of_import AS c USING (contract_id)
    WHERE f.import_id = $import_id
),
contract_types AS (
    SELECT DISTINCT contract_type AS value FROM contracts_of_import
    WHERE contract_type IS NOT NULL
)
SELECT 'agencies' AS dimension, value FROM agencies
UNION ALL SELECT 'categories', value FROM categories
UNION ALL SELECT 'suppliers', value FROM suppliers
UNION ALL SELECT 'countries', value FROM countries
UNION ALL SELECT 'contract_types', value FROM contract_types
ORDER BY dimension, value
