-- snapshot_overdue_by_kind: one row per deadline kind (all four, in a fixed order, zero when
-- none), counting the deadlines overdue as of $as_of under the contracts the filters select,
-- split by how many days late. The rows add up to the summary's deadlines.overdue.
-- Parameters: $import_id, $as_of (DATE), $filters, $rules (see macros/deadlines.sql).
WITH kinds AS (
    SELECT * FROM (
        VALUES (1, 'social_dialogue'), (2, 'documentation'), (3, 'action_plan'), (4, 'milestone')
    ) AS k(sort_order, kind)
),
overdue AS (
    SELECT kind, days_late
    FROM deadlines($import_id, $as_of, $filters, $rules)
    WHERE status = 'overdue'
)
SELECT
    k.kind,
    count(o.kind) AS overdue,
    count(o.kind) FILTER (o.days_late <= 30) AS late_up_to_30,
    count(o.kind) FILTER (o.days_late BETWEEN 31 AND 90) AS late_31_to_90,
    count(o.kind) FILTER (o.days_late > 90) AS late_over_90
FROM kinds AS k
LEFT JOIN overdue AS o USING (kind)
GROUP BY k.sort_order, k.kind
ORDER BY k.sort_order
