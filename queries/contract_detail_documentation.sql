-- contract_detail_documentation: one row per documentation of social dialogue received for
-- contract $contract_id, in date order; k is the anniversary it meets (the k-th row in date
-- order meets the k-th annual deadline). Rows received after $as_of are flagged. None when
-- $access (what the person may see) leaves the contract out.
-- Parameters: $import_id, $contract_id, $as_of (DATE), $access, $rules.
WITH allowed_contract AS (
    SELECT contract_id FROM scoped_contracts($import_id, $access, $rules)
    WHERE contract_id = $contract_id
)
SELECT
    row_number() OVER (ORDER BY d.received_date) AS k,
    d.received_date,
    d.received_date > $as_of AS after_as_of
FROM documentation AS d
JOIN allowed_contract USING (contract_id)
WHERE d.import_id = $import_id
ORDER BY d.received_date
