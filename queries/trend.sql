-- trend: one row per date in $dates: how many deadlines were overdue and how many findings
-- open as of that date, judged on the import $import_id (today's data, not the data that was
-- current then) for the contracts the filters select that are in force on that date (the
-- macros' rule). The overview's trend line.
-- Parameters: $import_id, $dates (DATE[]), $filters, $rules (see macros/scoped_contracts.sql).
-- The same macros as summary.sql, so each point equals summary's figure for its date; one
-- statement instead of one summary per date.
WITH trend_dates AS (
    SELECT DISTINCT unnest(CAST($dates AS DATE[])) AS as_of
)
SELECT
    t.as_of,
    (
        SELECT count(*)
        FROM deadlines($import_id, t.as_of, $filters, $rules)
        WHERE status = 'overdue'
    ) AS overdue,
    (
        SELECT count(*)
        FROM findings_as_of($import_id, t.as_of, $filters, $rules)
        WHERE is_open
    ) AS open_findings
FROM trend_dates AS t
ORDER BY t.as_of
