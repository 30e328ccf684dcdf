-- contract_detail_calloffs: one row per call-off row of contract $contract_id (agency, year,
-- amount), newest year first; none when $access (what the person may see) leaves the contract
-- out.
-- Parameters: $import_id, $contract_id, $access, $rules.
WITH allowed_contract AS (
    SELECT contract_id FROM scoped_contracts($import_id, $access, $rules)
    WHERE contract_id = $contract_id
)
SELECT c.agency, c.year, c.amount_nok
FROM calloffs AS c
JOIN allowed_contract USING (contract_id)
WHERE c.import_id = $import_id
ORDER BY c.year DESC NULLS LAST, c.agency
