-- deadlines_list: one row per deadline of the four kinds under the contracts in scope, judged
-- as of $as_of (the deadlines macro, the same rows the key figures count). Overdue first, most
-- days late first; then met late, upcoming (soonest first) and met on time.
-- Only the columns the deadlines page uses (a social dialogue deadline's description is its
-- factory's name): at scale 100 this is 80 000 rows, and every column costs.
-- Parameters: $import_id, $as_of (DATE), $filters, $rules.
WITH judged AS (
    SELECT * FROM deadlines($import_id, $as_of, $filters, $rules)
)
SELECT
    j.kind, j.status, j.contract_id, j.title, j.agency, j.supplier_name,
    j.ref_id, j.description, j.due_date, j.met_date, j.days_late
FROM judged AS j
ORDER BY
    CASE j.status WHEN 'overdue' THEN 1 WHEN 'met_late' THEN 2 WHEN 'upcoming' THEN 3 ELSE 4 END,
    j.days_late DESC,
    j.due_date, j.contract_id, j.kind, j.ref_id
