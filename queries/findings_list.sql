-- findings_list: one row per finding of an audit dated on or before $as_of under the contracts
-- in scope (findings_as_of, the rows the key figures count), with whether it is open as of
-- $as_of, its action-plan deadline and days past it (NULL without a due date or once closed).
-- Open first, most severe first, then most days past the deadline.
-- Parameters: $import_id, $as_of (DATE), $filters, $rules.
WITH findings_in_scope AS (
    SELECT * FROM findings_as_of($import_id, $as_of, $filters, $rules)
),
factory_names AS (
    SELECT DISTINCT factory_id, contract_id, factory_name
    FROM factories WHERE import_id = $import_id
)
SELECT
    f.finding_id, f.audit_id, f.contract_id, f.title, f.agency, f.supplier_name, f.factory_id,
    fn.factory_name, f.audit_type, f.audit_date, f.auditor, f.area, f.severity, f.description,
    f.status, f.is_open, f.open_overdue, f.due_date, f.closed_date,
    CASE WHEN f.is_open AND f.due_date IS NOT NULL THEN $as_of - f.due_date END
        AS days_past_due
FROM findings_in_scope AS f
LEFT JOIN factory_names AS fn USING (factory_id, contract_id)
ORDER BY
    f.is_open DESC,
    CASE f.severity WHEN 'critical' THEN 1 WHEN 'major' THEN 2 WHEN 'minor' THEN 3 ELSE 4 END,
    days_past_due DESC NULLS LAST, f.due_date, f.finding_id
