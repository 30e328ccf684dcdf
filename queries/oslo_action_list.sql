-- oslo_action_list: one row per contract in scope, in force on $as_of, that is relevant for
-- Oslo model part 1 or part 2 but lacks that part's clauses: the list to act on, largest value
-- first.
-- part1_gap / part2_gap: 'missing' (clauses column says no), 'unknown' (blank: counts as not
-- covered), or NULL (that part is covered or not relevant).
-- Parameters: $import_id, $as_of (DATE), $filters, $rules (see macros/scoped_contracts.sql).
WITH contracts_in_scope AS (
    SELECT * FROM contracts_in_force($import_id, $as_of, $filters, $rules)
),
gaps AS (
    SELECT
        *,
        CASE WHEN part1_relevant AND NOT part1_covered THEN
            CASE WHEN oslo_part1_clauses IS NULL THEN 'unknown' ELSE 'missing' END
        END AS part1_gap,
        CASE WHEN part2_relevant AND NOT part2_covered THEN
            CASE WHEN oslo_part2_clauses IS NULL THEN 'unknown' ELSE 'missing' END
        END AS part2_gap
    FROM contracts_in_scope
)
SELECT
    contract_id, title, agency, calloff_agencies, supplier_name, category, contract_type,
    value_nok, start_date, end_date, high_risk, part1_gap, part2_gap
FROM gaps
WHERE part1_gap IS NOT NULL OR part2_gap IS NOT NULL
ORDER BY value_nok DESC, contract_id
