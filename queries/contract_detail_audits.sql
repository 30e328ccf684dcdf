-- contract_detail_audits: one row per audit of contract $contract_id (all dates; those after
-- $as_of are flagged, since the key figures leave them out as of that date), with how many
-- findings it gave and how many of them are open as of $as_of; none when $access (what the
-- person may see) leaves the contract out.
-- Parameters: $import_id, $contract_id, $as_of (DATE), $access, $rules.
WITH allowed_contract AS (
    SELECT contract_id FROM scoped_contracts($import_id, $access, $rules)
    WHERE contract_id = $contract_id
),
audits_of_contract AS (
    SELECT a.* FROM audits AS a JOIN allowed_contract USING (contract_id)
    WHERE a.import_id = $import_id
),
finding_counts AS (
    SELECT
        audit_id, count(*) AS findings,
        count(*) FILTER (closed_date IS NULL OR closed_date > $as_of) AS open_findings
    FROM findings WHERE import_id = $import_id
    GROUP BY audit_id
),
factory_names AS (
    SELECT factory_id, factory_name FROM factories
    WHERE import_id = $import_id AND contract_id = $contract_id
)
SELECT
    a.audit_id, a.audit_type, a.audit_date, a.auditor, a.factory_id, fn.factory_name,
    coalesce(fc.findings, 0) AS findings,
    CASE WHEN a.audit_date <= $as_of THEN coalesce(fc.open_findings, 0) END AS open_findings,
    a.audit_date > $as_of AS after_as_of
FROM audits_of_contract AS a
LEFT JOIN finding_counts AS fc USING (audit_id)
LEFT JOIN factory_names AS fn USING (factory_id)
ORDER BY a.audit_date DESC, a.audit_id
