-- trend: one row per date of $dates with the summary's deadlines.overdue and findings.open as
-- of that date (the same macros, so each row equals key_figures for that date), in date order.
-- One query for all dates: the overview's trend needed one summary per date before.
-- Parameters: $import_id, $dates (DATE[]), $filters, $rules.
SELECT
    t.as_of,
    (
        SELECT count(*)
        FROM deadlines($import_id, t.as_of, $filters, $rules)
        WHERE status = 'overdue'
    ) AS overdue,
    (
        SELECT count(*) FILTER (is_open)
        FROM findings_as_of($import_id, t.as_of, $filters, $rules)
    ) AS open_findings
FROM unnest(CAST($dates AS DATE[])) AS t(as_of)
ORDER BY t.as_of
