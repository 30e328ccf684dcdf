-- coverage_by_group: one row per (dimension, group) with Oslo model part 1 and part 2 coverage
-- of the contracts in scope, counted and weighted by value, for three dimensions:
--   agency      the contracts in force on $as_of that an agency owns or has call-offs on (the
--               agency filter's meaning, so an agency's row equals the key figures filtered on
--               it; a joint framework agreement counts for each of its agencies, so rows do not
--               add up to the total; with an agency filter, only the chosen agencies)
--   category    the contracts in force on $as_of by category (rows add up to the key figures)
--   start_year  THE EXCEPTION, the yearly review: every contract started on or before $as_of,
--               ended or not, in the year it started
-- `grp` is text (the year as digits). Groups without any relevant contract are kept, with
-- zeros, so a reader sees them too.
-- Parameters: $import_id, $as_of (DATE), $filters, $rules (see macros/scoped_contracts.sql).
WITH contracts_in_scope AS (
    SELECT * FROM contracts_in_force($import_id, $as_of, $filters, $rules)
),
contracts_started_by_d AS (
    SELECT * FROM scoped_contracts($import_id, $filters, $rules) WHERE start_date <= $as_of
),
agencies_of_contracts AS (
    -- each contract's owner and the agencies with call-offs on it, once each (UNION drops an
    -- owner's call-offs on its own contract). Building the list per row, list_distinct(
    -- list_append(...)), made this query five times slower at scale 100.
    SELECT c.contract_id, a.agency
    FROM contracts_in_scope AS c, unnest(c.calloff_agencies) AS a(agency)
    UNION
    SELECT contract_id, agency FROM contracts_in_scope
),
by_agency AS (
    SELECT 'agency' AS dimension, a.agency AS grp, c.*
    FROM agencies_of_contracts AS a
    JOIN contracts_in_scope AS c USING (contract_id)
    WHERE array_length($filters['agencies']) = 0
       OR list_contains($filters['agencies']::VARCHAR[], a.agency)
),
by_category AS (
    SELECT 'category' AS dimension, category AS grp, * FROM contracts_in_scope
),
by_start_year AS (
    SELECT 'start_year' AS dimension, CAST(year(start_date) AS VARCHAR) AS grp, *
    FROM contracts_started_by_d
),
grouped AS (
    SELECT dimension, grp, part1_relevant, part1_covered, part2_relevant, part2_covered, value_nok
    FROM by_agency
    UNION ALL
    SELECT dimension, grp, part1_relevant, part1_covered, part2_relevant, part2_covered, value_nok
    FROM by_category
    UNION ALL
    SELECT dimension, grp, part1_relevant, part1_covered, part2_relevant, part2_covered, value_nok
    FROM by_start_year
),
counted AS (
    SELECT
        dimension, grp,
        count(*) AS contracts,
        count(*) FILTER (part1_relevant) AS part1_relevant,
        count(*) FILTER (part1_covered) AS part1_covered,
        count(*) FILTER (part2_relevant) AS part2_relevant,
        count(*) FILTER (part2_covered) AS part2_covered,
        coalesce(sum(value_nok) FILTER (part1_relevant), 0) AS part1_value_relevant,
        coalesce(sum(value_nok) FILTER (part1_covered), 0) AS part1_value_covered,
        coalesce(sum(value_nok) FILTER (part2_relevant), 0) AS part2_value_relevant,
        coalesce(sum(value_nok) FILTER (part2_covered), 0) AS part2_value_covered
    FROM grouped
    GROUP BY dimension, grp
)
SELECT
    *,
    round(part1_covered / nullif(part1_relevant, 0), 4) AS part1_coverage,
    round(part2_covered / nullif(part2_relevant, 0), 4) AS part2_coverage,
    round(part1_value_covered / nullif(part1_value_relevant, 0), 4) AS part1_value_coverage,
    round(part2_value_covered / nullif(part2_value_relevant, 0), 4) AS part2_value_coverage
FROM counted
ORDER BY dimension, part1_relevant + part2_relevant DESC, grp
