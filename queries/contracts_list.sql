-- contracts_list: one row per contract in scope and in force on $as_of with its Oslo model
-- relevance and coverage, largest value first (the Oslo model page's list of the contracts its
-- key figures count).
-- Only the columns that list shows: at scale 100 it is 35 000 rows, and counting each
-- contract's factories, findings and deadlines here (unused) took most of the query's time.
-- Parameters: $import_id, $as_of (DATE), $filters, $rules (see macros/scoped_contracts.sql).
SELECT
    contract_id, title, agency, supplier_name, category, contract_type, value_nok,
    start_date, end_date, high_risk,
    part1_relevant, part1_covered, part2_relevant, part2_covered
FROM contracts_in_force($import_id, $as_of, $filters, $rules)
ORDER BY value_nok DESC, contract_id
