-- contract_detail_factories: one row per factory of contract $contract_id, with its social
-- dialogue and, for central factories of a contract requiring it, the six-month deadline
-- judged as of $as_of (status, days_late as in the deadlines macro); none when $access (what
-- the person may see) leaves the contract out.
-- Parameters: $import_id, $contract_id, $as_of (DATE), $access, $rules.
WITH allowed_contract AS (
    SELECT contract_id FROM scoped_contracts($import_id, $access, $rules)
    WHERE contract_id = $contract_id
),
dialogue_deadlines AS (
    SELECT d.factory_id, d.due_date, d.status AS deadline_status, d.days_late
    FROM deadlines($import_id, $as_of, $access, $rules) AS d
    WHERE d.kind = 'social_dialogue' AND d.contract_id = $contract_id
)
SELECT
    f.factory_id, f.factory_name, f.country, f.city, f.workers,
    coalesce(f.central, FALSE) AS central, f.dialogue_status, f.dialogue_tool,
    f.dialogue_started, f.workers_trained,
    round(f.workers_trained / nullif(f.workers, 0), 4) AS trained_share,
    f.worker_committee, f.partner, d.due_date, d.deadline_status, d.days_late
FROM factories AS f
JOIN allowed_contract USING (contract_id)
LEFT JOIN dialogue_deadlines AS d USING (factory_id)
WHERE f.import_id = $import_id AND f.contract_id = $contract_id
ORDER BY central DESC, f.factory_name
