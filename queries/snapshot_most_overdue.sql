-- snapshot_most_overdue: one row per deadline overdue as of $as_of under the contracts the
-- filters select, the most days late first, at most $limit rows. Ties are broken by contract,
-- kind and reference so the order is stable. Adds the finding's severity (action plan) and the
-- factory's name and country (when the deadline names a factory).
-- Parameters: $import_id, $as_of (DATE), $filters, $rules (see macros/deadlines.sql), $limit.
WITH overdue AS (
    SELECT *
    FROM deadlines($import_id, $as_of, $filters, $rules)
    WHERE status = 'overdue'
),
finding_severity AS (
    SELECT finding_id, severity FROM findings_as_of($import_id, $as_of, $filters, $rules)
),
factory_names AS (
    SELECT factory_id, contract_id, factory_name, country
    FROM factories
    WHERE import_id = $import_id
)
SELECT
    o.kind, o.contract_id, o.title, o.agency, o.supplier_name, o.ref_id, o.description,
    o.factory_id, fn.factory_name, fn.country, fs.severity, o.due_date, o.days_late
FROM overdue AS o
LEFT JOIN finding_severity AS fs ON o.kind = 'action_plan' AND fs.finding_id = o.ref_id
LEFT JOIN factory_names AS fn ON fn.factory_id = o.factory_id AND fn.contract_id = o.contract_id
ORDER BY o.days_late DESC, o.contract_id, o.kind, o.ref_id
LIMIT $limit
