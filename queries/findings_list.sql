-- findings_list: one row per finding of an audit dated on or before $as_of under the contracts
-- in scope (findings_as_of, the rows the key figures count) that is open as of $as_of, with
-- its action-plan deadline and days past it (NULL without a due date). Most severe first, then
-- most days past the deadline. Only open findings and the columns the deadlines page shows
-- (closed ones are counted by the key figures, not listed): at scale 100, 10 000 of 20 000.
-- Parameters: $import_id, $as_of (DATE), $filters, $rules.
WITH findings_in_scope AS (
    SELECT * FROM findings_as_of($import_id, $as_of, $filters, $rules)
    WHERE is_open
),
factory_names AS (
    SELECT DISTINCT factory_id, contract_id, factory_name
    FROM factories WHERE import_id = $import_id
)
SELECT
    f.finding_id, f.contract_id, f.agency, f.supplier_name, fn.factory_name, f.audit_date,
    f.area, f.severity, f.description, f.is_open, f.open_overdue, f.due_date,
    CASE WHEN f.due_date IS NOT NULL THEN $as_of - f.due_date END AS days_past_due
FROM findings_in_scope AS f
LEFT JOIN factory_names AS fn USING (factory_id, contract_id)
ORDER BY
    CASE f.severity WHEN 'critical' THEN 1 WHEN 'major' THEN 2 WHEN 'minor' THEN 3 ELSE 4 END,
    days_past_due DESC NULLS LAST, f.due_date, f.finding_id
