-- contract_detail_deadlines: one row per deadline of contract $contract_id, of the four kinds,
-- judged as of $as_of by the deadlines macro, in due-date order; none when $access (what the
-- person may see) leaves the contract out.
-- Parameters: $import_id, $contract_id, $as_of (DATE), $access, $rules.
WITH factory_names AS (
    SELECT factory_id, factory_name FROM factories
    WHERE import_id = $import_id AND contract_id = $contract_id
)
SELECT
    d.kind, d.status, d.ref_id, d.factory_id, fn.factory_name, d.description, d.due_date,
    d.met_date, d.days_late
FROM deadlines($import_id, $as_of, $access, $rules) AS d
LEFT JOIN factory_names AS fn USING (factory_id)
WHERE d.contract_id = $contract_id
ORDER BY d.due_date, d.kind, d.ref_id
