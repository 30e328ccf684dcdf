-- contract_detail_findings: one row per finding of contract $contract_id from audits dated on or
-- before $as_of (findings_as_of, as the key figures count them), open ones first; none when
-- $access (what the person may see) leaves the contract out.
-- Parameters: $import_id, $contract_id, $as_of (DATE), $access, $rules.
SELECT
    f.finding_id, f.audit_id, f.audit_date, f.factory_id, f.area, f.severity, f.description,
    f.status, f.is_open, f.open_overdue, f.due_date, f.closed_date,
    CASE WHEN f.is_open AND f.due_date IS NOT NULL THEN $as_of - f.due_date END AS days_past_due
FROM findings_as_of($import_id, $as_of, $access, $rules) AS f
WHERE f.contract_id = $contract_id
ORDER BY
    f.is_open DESC,
    CASE f.severity WHEN 'critical' THEN 1 WHEN 'major' THEN 2 WHEN 'minor' THEN 3 ELSE 4 END,
    f.due_date, f.finding_id
