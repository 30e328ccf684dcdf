-- factories_dialogue: one row per factory and contract in scope (the contract in force on
-- $as_of): where it is, whether it is
-- central, its social dialogue (status, tool, started, workers trained, worker committee) and,
-- where the six-month deadline applies (central factory, contract requiring social dialogue),
-- that deadline judged as of $as_of from the deadlines macro: due date, status and days_late
-- (positive: days behind; negative: days ahead of the deadline, or days left while not met).
-- latitude/longitude fall back to the country's centroid (map_placed_by = 'country').
-- Parameters: $import_id, $as_of (DATE), $filters, $rules.
WITH contracts_in_scope AS (
    SELECT * FROM contracts_in_force($import_id, $as_of, $filters, $rules)
),
factories_in_scope AS (
    SELECT f.* EXCLUDE (import_id), c.agency, c.supplier_name, c.title,
           coalesce(c.social_dialogue_required, FALSE) AS social_dialogue_required
    FROM factories AS f
    JOIN contracts_in_scope AS c USING (contract_id)
    WHERE f.import_id = $import_id
),
dialogue_deadlines AS (
    SELECT contract_id, factory_id, due_date, status AS deadline_status, days_late
    FROM deadlines($import_id, $as_of, $filters, $rules)
    WHERE kind = 'social_dialogue'
)
SELECT
    f.factory_id, f.contract_id, f.factory_name, f.supplier_name, f.agency, f.title,
    f.country, f.city, f.workers, coalesce(f.central, FALSE) AS central, f.dialogue_status,
    f.dialogue_tool, f.dialogue_started, f.workers_trained,
    round(f.workers_trained / nullif(f.workers, 0), 4) AS trained_share,
    f.worker_committee, f.partner, f.social_dialogue_required,
    d.due_date, d.deadline_status, d.days_late,
    f.latitude, f.longitude,
    CASE WHEN f.latitude IS NULL OR f.longitude IS NULL THEN 'country' ELSE 'factory' END
        AS map_placed_by
FROM factories_in_scope AS f
LEFT JOIN dialogue_deadlines AS d USING (contract_id, factory_id)
ORDER BY f.central DESC, d.days_late DESC NULLS LAST, f.supplier_name, f.factory_name
