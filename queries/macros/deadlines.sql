-- deadlines(imp, d, flt, rul): one row per deadline, of four kinds, under the contracts that
-- contracts_in_force(imp, d, flt, rul) selects (in force on `d`), judged as of date `d`.
--   social_dialogue  each central factory under a contract requiring social dialogue:
--                    due start_date + rul.dialogue_months, met on dialogue_started
--   documentation    k-th anniversary of start_date (k = 1, 2, ... while not past end_date;
--                    without end_date up to the first anniversary after d), met by the k-th
--                    documentation row of the contract in date order
--   action_plan      each finding with a due_date (audits after d left out), met on closed_date
--   milestone        each milestone row
-- Columns: kind, contract_id, factory_id, ref_id, description, due_date, met_date (NULL when
-- met after d: not met yet as of d), status (met_on_time, met_late, overdue, upcoming),
-- days_late (met - due, or d - due while not met: negative is days left), agency, supplier_name.
CREATE OR REPLACE MACRO deadlines(imp, d, flt, rul) AS TABLE
WITH contracts_in_scope AS (
    SELECT contract_id, agency, supplier_name, title, start_date, end_date,
           coalesce(social_dialogue_required, FALSE) AS social_dialogue_required
    FROM contracts_in_force(imp, d, flt, rul)
),
social_dialogue_deadlines AS (
    SELECT
        'social_dialogue' AS kind, c.contract_id, f.factory_id, f.factory_id AS ref_id,
        f.factory_name AS description,
        CAST(c.start_date + to_months(CAST(rul['dialogue_months'] AS INTEGER)) AS DATE) AS due_date,
        f.dialogue_started AS raw_met_date
    FROM contracts_in_scope AS c
    JOIN factories AS f ON f.import_id = imp AND f.contract_id = c.contract_id
    WHERE c.social_dialogue_required AND coalesce(f.central, FALSE)
),
documentation_anniversaries AS (
    SELECT c.contract_id, c.start_date, c.end_date, k,
           CAST(c.start_date + to_years(CAST(k AS INTEGER)) AS DATE) AS due_date
    FROM contracts_in_scope AS c,
         unnest(generate_series(1, greatest(1, date_diff('year', c.start_date,
                                                         coalesce(c.end_date, d)) + 2))) AS t(k)
    WHERE c.social_dialogue_required
),
documentation_due AS (
    SELECT * FROM documentation_anniversaries
    WHERE CASE
        WHEN end_date IS NOT NULL THEN due_date <= end_date
        ELSE k = 1 OR CAST(start_date + to_years(CAST(k - 1 AS INTEGER)) AS DATE) <= d
    END
),
documentation_received AS (
    SELECT contract_id, received_date,
           row_number() OVER (PARTITION BY contract_id ORDER BY received_date) AS k
    FROM documentation WHERE import_id = imp
),
documentation_deadlines AS (
    SELECT
        'documentation' AS kind, due.contract_id, NULL::VARCHAR AS factory_id,
        CAST(due.k AS VARCHAR) AS ref_id, NULL::VARCHAR AS description, due.due_date,
        got.received_date AS raw_met_date
    FROM documentation_due AS due
    LEFT JOIN documentation_received AS got USING (contract_id, k)
),
action_plan_deadlines AS (
    SELECT
        'action_plan' AS kind, contract_id, factory_id, finding_id AS ref_id, description,
        due_date, closed_date AS raw_met_date
    FROM findings_as_of(imp, d, flt, rul)
    WHERE due_date IS NOT NULL
),
milestone_deadlines AS (
    SELECT
        'milestone' AS kind, m.contract_id, m.factory_id, m.milestone_id AS ref_id,
        m.description, m.due_date, m.met_date AS raw_met_date
    FROM milestones AS m
    JOIN contracts_in_scope AS c USING (contract_id)
    WHERE m.import_id = imp
),
all_deadlines AS (
    SELECT * FROM social_dialogue_deadlines
    UNION ALL SELECT * FROM documentation_deadlines
    UNION ALL SELECT * FROM action_plan_deadlines
    UNION ALL SELECT * FROM milestone_deadlines
),
judged AS (
    SELECT
        a.kind, a.contract_id, a.factory_id, a.ref_id, a.description, a.due_date,
        CASE WHEN a.raw_met_date <= d THEN a.raw_met_date END AS met_date
    FROM all_deadlines AS a
)
SELECT
    j.*,
    CASE
        WHEN j.met_date IS NOT NULL AND j.met_date <= j.due_date THEN 'met_on_time'
        WHEN j.met_date IS NOT NULL THEN 'met_late'
        WHEN j.due_date < d THEN 'overdue'
        ELSE 'upcoming'
    END AS status,
    CASE WHEN j.met_date IS NOT NULL THEN j.met_date - j.due_date ELSE d - j.due_date END
        AS days_late,
    c.agency, c.supplier_name, c.title
FROM judged AS j
JOIN contracts_in_scope AS c USING (contract_id)
