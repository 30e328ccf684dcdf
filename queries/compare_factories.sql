-- compare_factories: one row per (factory, contract) in both imports whose social dialogue
-- status differs between import $import_a and import $import_b.
-- Parameters: $import_a, $import_b, $filters, $rules.
WITH factories_a AS (
    SELECT f.factory_id, f.contract_id, f.dialogue_status
    FROM factories AS f
    JOIN scoped_contracts($import_a, $filters, $rules) AS c USING (contract_id)
    WHERE f.import_id = $import_a
),
factories_b AS (
    SELECT f.factory_id, f.contract_id, f.factory_name, f.country, f.dialogue_status,
           c.supplier_name, c.agency
    FROM factories AS f
    JOIN scoped_contracts($import_b, $filters, $rules) AS c USING (contract_id)
    WHERE f.import_id = $import_b
)
SELECT b.factory_id, b.contract_id, b.factory_name, b.country,
       a.dialogue_status AS status_before, b.dialogue_status AS status_after,
       b.supplier_name, b.agency
FROM factories_b AS b
JOIN factories_a AS a USING (factory_id, contract_id)
WHERE a.dialogue_status <> b.dialogue_status
ORDER BY b.contract_id, b.factory_id
