-- deadline_counts: one row per kind, agency (the contract's owner) and status of the deadlines
-- under the contracts in scope, judged as of $as_of (the deadlines macro: the rows the key
-- figures and deadlines_list count). n: the deadlines; n_due_within: those of them upcoming and
-- due at most $within days after $as_of (0 on the other statuses).
-- Parameters: $import_id, $as_of (DATE), $filters, $rules, $within (INTEGER days).
WITH judged AS (
    SELECT * FROM deadlines($import_id, $as_of, $filters, $rules)
)
SELECT
    j.kind, j.agency, j.status,
    count(*) AS n,
    count(*) FILTER (WHERE j.status = 'upcoming' AND j.days_late >= -$within) AS n_due_within
FROM judged AS j
GROUP BY j.kind, j.agency, j.status
ORDER BY j.kind, j.agency, j.status
