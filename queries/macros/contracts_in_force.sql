-- contracts_in_force(imp, d, flt, rul): one row per contract of scoped_contracts(imp, flt, rul)
-- that is in force on date `d`: started on or before d and not ended before d (start_date <= d
-- and end_date blank or >= d; a contract's first and last days are both in force).
-- THE rule of export contract version 2: as of d, the key figures cover these contracts and
-- what hangs on them (factories, audits, findings, documentation, milestones, deadlines).
-- Every query of a figure as of a date selects its contracts here, never by its own dates;
-- the one exception is the Oslo model's yearly review by start year (coverage_by_group).
CREATE OR REPLACE MACRO contracts_in_force(imp, d, flt, rul) AS TABLE
SELECT *
FROM scoped_contracts(imp, flt, rul)
WHERE start_date <= d AND (end_date IS NULL OR end_date >= d)
