-- deadline_timeline: one row per kind, status and due date of the deadlines under the contracts
-- in scope, judged as of $as_of (the deadlines macro), due from $start to $end: a point of the
-- deadlines page's timeline. n: the deadlines; for a point of one deadline (n = 1) its
-- contract_id, ref_id and description, else NULL. At scale 100 a year holds ~10 000 deadlines
-- on ~2 000 points.
-- Parameters: $import_id, $as_of (DATE), $filters, $rules, $start (DATE), $end (DATE).
WITH judged AS (
    SELECT * FROM deadlines($import_id, $as_of, $filters, $rules)
),
in_window AS (
    SELECT * FROM judged AS j WHERE j.due_date BETWEEN $start AND $end
)
SELECT
    w.kind, w.status, w.due_date,
    count(*) AS n,
    CASE WHEN count(*) = 1 THEN any_value(w.contract_id) END AS contract_id,
    CASE WHEN count(*) = 1 THEN any_value(w.ref_id) END AS ref_id,
    CASE WHEN count(*) = 1 THEN any_value(w.description) END AS description
FROM in_window AS w
GROUP BY w.kind, w.status, w.due_date
ORDER BY w.due_date, w.kind, w.status
