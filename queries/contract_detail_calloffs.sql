-- contract_detail_calloffs: the call-offs of contract $contract_id as the person may see them.
-- One row per call-off row of an agency the person may see (agency, year, amount; every row for
-- a person not limited to agencies), newest year first; then, for a person limited to some
-- agencies, at most one line of totals for the other agencies' rows of a joint agreement
-- (agency and year NULL, amount_nok their sum, other_agencies and other_rows how many): their
-- names and amounts are theirs. None when $access leaves the contract out.
-- Parameters: $import_id, $contract_id, $access, $rules.
WITH allowed_contract AS (
    SELECT contract_id FROM scoped_contracts($import_id, $access, $rules)
    WHERE contract_id = $contract_id
),
contract_calloffs AS (
    SELECT
        c.agency, c.year, c.amount_nok,
        array_length($access['agencies']) = 0
            OR list_contains($access['agencies']::VARCHAR[], c.agency) AS own
    FROM calloffs AS c
    JOIN allowed_contract USING (contract_id)
    WHERE c.import_id = $import_id
),
own_rows AS (
    SELECT agency, year, amount_nok, NULL::BIGINT AS other_agencies, NULL::BIGINT AS other_rows
    FROM contract_calloffs WHERE own
),
other_agencies_total AS (
    SELECT
        NULL::VARCHAR AS agency, NULL::INTEGER AS year, sum(amount_nok) AS amount_nok,
        count(DISTINCT agency) AS other_agencies, count(*) AS other_rows
    FROM contract_calloffs WHERE NOT own
    HAVING count(*) > 0
)
SELECT agency, year, amount_nok, other_agencies, other_rows
FROM (SELECT * FROM own_rows UNION ALL SELECT * FROM other_agencies_total)
ORDER BY other_rows IS NOT NULL, year DESC NULLS LAST, agency
