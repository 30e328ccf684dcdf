-- contracts_list: one row per contract in scope with its Oslo model relevance and coverage,
-- and how many factories, open findings and overdue deadlines hang on it as of $as_of.
-- Parameters: $import_id, $as_of (DATE), $filters, $rules.
WITH contracts_in_scope AS (
    SELECT * FROM scoped_contracts($import_id, $filters, $rules)
),
factory_counts AS (
    SELECT f.contract_id, count(*) AS factories, count(*) FILTER (f.central) AS central_factories
    FROM factories AS f JOIN contracts_in_scope AS c USING (contract_id)
    WHERE f.import_id = $import_id
    GROUP BY f.contract_id
),
finding_counts AS (
    SELECT contract_id, count(*) FILTER (is_open) AS open_findings
    FROM findings_as_of($import_id, $as_of, $filters, $rules)
    GROUP BY contract_id
),
deadline_counts AS (
    SELECT contract_id, count(*) FILTER (status = 'overdue') AS overdue_deadlines
    FROM deadlines($import_id, $as_of, $filters, $rules)
    GROUP BY contract_id
)
SELECT
    c.contract_id, c.title, c.agency, c.calloff_agencies, c.supplier_name, c.category,
    c.contract_type, c.value_nok, c.start_date, c.end_date, c.high_risk,
    c.part1_relevant, c.part1_covered, c.part2_relevant, c.part2_covered,
    c.social_dialogue_required,
    coalesce(fc.factories, 0) AS factories,
    coalesce(fc.central_factories, 0) AS central_factories,
    coalesce(fi.open_findings, 0) AS open_findings,
    coalesce(dc.overdue_deadlines, 0) AS overdue_deadlines
FROM contracts_in_scope AS c
LEFT JOIN factory_counts AS fc USING (contract_id)
LEFT JOIN finding_counts AS fi USING (contract_id)
LEFT JOIN deadline_counts AS dc USING (contract_id)
ORDER BY c.value_nok DESC, c.contract_id
