-- findings_as_of(imp, d, flt, rul): one row per finding of an audit dated on or before `d`,
-- under a contract in force on `d` that contracts_in_force(imp, d, flt, rul) selects. Audits after `d` and their
-- findings are left out. is_open: not closed as of d (no closed_date on or before d);
-- open_overdue: open and past its action-plan due_date.
CREATE OR REPLACE MACRO findings_as_of(imp, d, flt, rul) AS TABLE
WITH contracts_in_scope AS (
    SELECT contract_id, agency, supplier_name, title FROM contracts_in_force(imp, d, flt, rul)
),
audits_until_d AS (
    SELECT a.* EXCLUDE (import_id), c.agency, c.supplier_name, c.title
    FROM audits AS a
    JOIN contracts_in_scope AS c USING (contract_id)
    WHERE a.import_id = imp AND a.audit_date <= d
),
findings_until_d AS (
    SELECT
        f.* EXCLUDE (import_id),
        a.contract_id, a.factory_id, a.audit_type, a.audit_date, a.auditor,
        a.agency, a.supplier_name, a.title
    FROM findings AS f
    JOIN audits_until_d AS a USING (audit_id)
    WHERE f.import_id = imp
)
SELECT
    *,
    closed_date IS NULL OR closed_date > d AS is_open,
    (closed_date IS NULL OR closed_date > d) AND due_date < d AS open_overdue
FROM findings_until_d
