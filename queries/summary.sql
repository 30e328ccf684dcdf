-- summary: ONE row holding the key figures of the export contract (`summary --json`) for the
-- contracts the filters select that are in force on $as_of (macros/contracts_in_force.sql),
-- judged as of that date.
-- Parameters: $import_id, $as_of (DATE), $filters, $rules (see macros/scoped_contracts.sql).
-- Besides the contract's figures: status counts of the central factories alone, open findings
-- by severity, and the headline figures derived from them (headline_figures), defined here
-- once so that the dashboard, the CLI and the PDF read them and never add them up again:
--   central_started        central factories whose social dialogue has started: in progress
--                          or implemented (schema.DIALOGUE_STARTED lists the same two)
--   central_started_share  central_started / central, 4 decimals, NULL without central ones
--   findings_open_serious  open findings that are critical or major
-- Coverage is covered / relevant rounded to 4 decimals, NULL when nothing is relevant.
WITH contracts_in_scope AS (
    SELECT * FROM contracts_in_force($import_id, $as_of, $filters, $rules)
),
oslo_model AS (
    SELECT
        count(*) AS contracts,
        count(*) FILTER (part1_relevant) AS part1_relevant,
        count(*) FILTER (part1_covered) AS part1_covered,
        count(*) FILTER (part2_relevant) AS part2_relevant,
        count(*) FILTER (part2_covered) AS part2_covered
    FROM contracts_in_scope
),
factories_in_scope AS (
    SELECT f.*
    FROM factories AS f
    JOIN contracts_in_scope AS c USING (contract_id)
    WHERE f.import_id = $import_id
),
factory_counts AS (
    SELECT
        count(*) AS total,
        count(*) FILTER (central) AS central,
        count(*) FILTER (dialogue_status = 'not_reported') AS not_reported,
        count(*) FILTER (dialogue_status = 'not_started') AS not_started,
        count(*) FILTER (dialogue_status = 'planned') AS planned,
        count(*) FILTER (dialogue_status = 'in_progress') AS in_progress,
        count(*) FILTER (dialogue_status = 'implemented') AS implemented,
        count(*) FILTER (central AND dialogue_status = 'not_reported') AS central_not_reported,
        count(*) FILTER (central AND dialogue_status = 'not_started') AS central_not_started,
        count(*) FILTER (central AND dialogue_status = 'planned') AS central_planned,
        count(*) FILTER (central AND dialogue_status = 'in_progress') AS central_in_progress,
        count(*) FILTER (central AND dialogue_status = 'implemented') AS central_implemented
    FROM factories_in_scope
),
deadline_counts AS (
    SELECT
        count(*) FILTER (status = 'met_on_time') AS met_on_time,
        count(*) FILTER (status = 'met_late') AS met_late,
        count(*) FILTER (status = 'overdue') AS overdue,
        count(*) FILTER (status = 'upcoming') AS upcoming
    FROM deadlines($import_id, $as_of, $filters, $rules)
),
finding_counts AS (
    SELECT
        count(*) FILTER (is_open) AS open,
        count(*) FILTER (open_overdue) AS open_overdue,
        count(*) FILTER (severity = 'critical') AS critical,
        count(*) FILTER (severity = 'major') AS major,
        count(*) FILTER (severity = 'minor') AS minor,
        count(*) FILTER (severity = 'observation') AS observation,
        count(*) FILTER (is_open AND severity = 'critical') AS open_critical,
        count(*) FILTER (is_open AND severity = 'major') AS open_major,
        count(*) FILTER (is_open AND severity = 'minor') AS open_minor,
        count(*) FILTER (is_open AND severity = 'observation') AS open_observation
    FROM findings_as_of($import_id, $as_of, $filters, $rules)
),
headline_figures AS (
    SELECT
        fc.central_in_progress + fc.central_implemented AS central_started,
        round((fc.central_in_progress + fc.central_implemented) / nullif(fc.central, 0), 4)
            AS central_started_share,
        fi.open_critical + fi.open_major AS findings_open_serious
    FROM factory_counts AS fc, finding_counts AS fi
)
SELECT
    o.contracts,
    o.part1_relevant, o.part1_covered,
    round(o.part1_covered / nullif(o.part1_relevant, 0), 4) AS part1_coverage,
    o.part2_relevant, o.part2_covered,
    round(o.part2_covered / nullif(o.part2_relevant, 0), 4) AS part2_coverage,
    fc.total AS factories_total, fc.central AS factories_central,
    fc.not_reported, fc.not_started, fc.planned, fc.in_progress, fc.implemented,
    fc.central_not_reported, fc.central_not_started, fc.central_planned, fc.central_in_progress, fc.central_implemented,
    dc.met_on_time, dc.met_late, dc.overdue, dc.upcoming,
    fi.open AS findings_open, fi.open_overdue AS findings_open_overdue,
    fi.critical, fi.major, fi.minor, fi.observation,
    fi.open_critical, fi.open_major, fi.open_minor, fi.open_observation,
    h.central_started, h.central_started_share, h.findings_open_serious
FROM oslo_model AS o, factory_counts AS fc, deadline_counts AS dc, finding_counts AS fi,
    headline_figures AS h
