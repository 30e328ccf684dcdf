-- compare_findings: one row per finding whose open/closed state as of $as_of differs between
-- import $import_a and import $import_b: `opened` (open in b; closed or absent in a) or `closed`
-- (open in a; closed or absent in b).
-- Parameters: $import_a, $import_b, $as_of, $filters, $rules.
WITH findings_a AS (
    SELECT finding_id, is_open FROM findings_as_of($import_a, $as_of, $filters, $rules)
),
findings_b AS (
    SELECT * FROM findings_as_of($import_b, $as_of, $filters, $rules)
),
all_ids AS (
    SELECT finding_id FROM findings_a UNION SELECT finding_id FROM findings_b
),
states AS (
    SELECT
        i.finding_id,
        coalesce(a.is_open, FALSE) AS open_a,
        coalesce(b.is_open, FALSE) AS open_b,
        b.contract_id, b.severity, b.area, b.description, b.supplier_name, b.agency
    FROM all_ids AS i
    LEFT JOIN findings_a AS a USING (finding_id)
    LEFT JOIN findings_b AS b USING (finding_id)
)
SELECT CASE WHEN open_b THEN 'opened' ELSE 'closed' END AS change, * EXCLUDE (open_a, open_b)
FROM states
WHERE open_a <> open_b
ORDER BY change DESC, finding_id
