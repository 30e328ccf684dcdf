-- compare_contracts: one row per contract that is in only one of two imports: `added` when it
-- is in $import_b but not in $import_a, `removed` the other way round.
-- Parameters: $import_a (the earlier), $import_b (the later), $filters, $rules.
WITH contracts_a AS (
    SELECT contract_id, title, agency, supplier_name, value_nok
    FROM scoped_contracts($import_a, $filters, $rules)
),
contracts_b AS (
    SELECT contract_id, title, agency, supplier_name, value_nok
    FROM scoped_contracts($import_b, $filters, $rules)
)
SELECT 'added' AS change, b.* FROM contracts_b AS b ANTI JOIN contracts_a AS a USING (contract_id)
UNION ALL
SELECT 'removed' AS change, a.* FROM contracts_a AS a ANTI JOIN contracts_b AS b USING (contract_id)
ORDER BY change, contract_id
