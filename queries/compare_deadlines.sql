-- compare_deadlines: one row per deadline that is overdue as of $as_of in import $import_b but
-- was not overdue (or did not exist) as of the same date in import $import_a.
-- Parameters: $import_a, $import_b, $as_of, $filters, $rules.
WITH deadlines_a AS (
    SELECT kind, contract_id, ref_id, status FROM deadlines($import_a, $as_of, $filters, $rules)
),
deadlines_b AS (
    SELECT * FROM deadlines($import_b, $as_of, $filters, $rules)
)
SELECT b.kind, b.contract_id, b.factory_id, b.ref_id, b.description, b.due_date, b.days_late,
       coalesce(a.status, 'absent') AS status_before, b.agency, b.supplier_name
FROM deadlines_b AS b
LEFT JOIN deadlines_a AS a
    ON a.kind = b.kind AND a.contract_id = b.contract_id AND a.ref_id IS NOT DISTINCT FROM b.ref_id
WHERE b.status = 'overdue' AND a.status IS DISTINCT FROM 'overdue'
ORDER BY b.days_late DESC, b.contract_id
