-- contract_choices: one row per contract the person may see ($access: every contract, or an
-- agency-limited user's agencies' contracts), with whether the filters select it (in_scope) and
-- whether it is in force on $as_of (in_force, macros/contracts_in_force.sql). The contract page
-- shows a contract outside the current filters, or not in force, never one outside $access.
-- Parameters: $import_id, $as_of (DATE), $filters, $access, $rules.
WITH allowed AS (
    SELECT contract_id, title, agency, supplier_name, value_nok
    FROM scoped_contracts($import_id, $access, $rules)
),
selected AS (
    SELECT contract_id FROM scoped_contracts($import_id, $filters, $rules)
),
in_force_on_d AS (
    SELECT contract_id FROM contracts_in_force($import_id, $as_of, $access, $rules)
)
SELECT
    a.contract_id, a.title, a.agency, a.supplier_name, a.value_nok,
    s.contract_id IS NOT NULL AS in_scope,
    i.contract_id IS NOT NULL AS in_force
FROM allowed AS a
LEFT JOIN selected AS s USING (contract_id)
LEFT JOIN in_force_on_d AS i USING (contract_id)
ORDER BY in_scope DESC, a.contract_id
