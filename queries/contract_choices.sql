-- contract_choices: one row per contract of the import (all of them: the contract page shows
-- any contract, also one outside the current filters), with whether the filters select it.
-- Parameters: $import_id, $filters, $rules.
WITH selected AS (
    SELECT contract_id FROM scoped_contracts($import_id, $filters, $rules)
)
SELECT
    c.contract_id, c.title, c.agency, c.supplier_name, c.value_nok,
    s.contract_id IS NOT NULL AS in_scope
FROM contracts AS c
LEFT JOIN selected AS s USING (contract_id)
WHERE c.import_id = $import_id
ORDER BY in_scope DESC, c.contract_id
