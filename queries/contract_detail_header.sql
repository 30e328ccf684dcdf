-- contract_detail_header: ONE row (or none) for contract $contract_id of the import: its
-- columns, Oslo model relevance and coverage with the reason (override given in the export, or
-- the rule), and its call-off agencies. The selection's filters are not applied (this page shows
-- one contract), only what the person may see: none when $access leaves the contract out.
-- in_force: whether the contract is in force on $as_of (macros/contracts_in_force.sql): if not,
-- the key figures as of that date leave it out, and so do its deadlines and findings.
-- Parameters: $import_id, $as_of (DATE), $contract_id, $access, $rules.
WITH the_contract AS (
    SELECT c.*
    FROM scoped_contracts($import_id, $access, $rules) AS c
    WHERE c.contract_id = $contract_id
),
calloff_sums AS (
    SELECT count(*) AS calloff_rows, sum(amount_nok) AS calloff_amount
    FROM calloffs WHERE import_id = $import_id AND contract_id = $contract_id
)
SELECT
    c.*,
    CASE WHEN c.oslo_part1_relevant IS NOT NULL THEN 'export' ELSE 'rule' END AS part1_reason,
    CASE WHEN c.oslo_part2_relevant IS NOT NULL THEN 'export' ELSE 'rule' END AS part2_reason,
    s.calloff_rows, s.calloff_amount,
    c.contract_id IN (
        SELECT contract_id FROM contracts_in_force($import_id, $as_of, $access, $rules)
    ) AS in_force
FROM the_contract AS c, calloff_sums AS s
