-- contract_choices: one row per contract the person may see ($access: every contract, or an
-- agency-limited user's agencies' contracts), with whether the filters select it. The contract
-- page shows a contract outside the current filters, never one outside $access.
-- Parameters: $import_id, $filters, $access, $rules.
WITH allowed AS (
    SELECT contract_id, title, agency, supplier_name, value_nok
    FROM scoped_contracts($import_id, $access, $rules)
),
selected AS (
    SELECT contract_id FROM scoped_contracts($import_id, $filters, $rules)
)
SELECT
    a.contract_id, a.title, a.agency, a.supplier_name, a.value_nok,
    s.contract_id IS NOT NULL AS in_scope
FROM allowed AS a
LEFT JOIN selected AS s USING (contract_id)
ORDER BY in_scope DESC, a.contract_id
