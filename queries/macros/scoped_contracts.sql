-- scoped_contracts(imp, flt, rul): one row per contract of import `imp` that the filters select,
-- with the Oslo model rules applied.
--   imp  import id whose dataset is read
--   flt  STRUCT(agencies, categories, suppliers, countries, contract_types VARCHAR[]);
--        an empty list means "no filter". An agency selects the contracts it owns and those it
--        has call-offs on; a country selects contracts with a factory in that country.
--   rul  STRUCT(part1_categories VARCHAR[], part1_min_value, part2_min_value DOUBLE, ...)
-- Adds: part1_relevant/part2_relevant (the override column where given, else the rule),
-- part1_covered/part2_covered (relevant and clauses set; a blank clauses column is not covered),
-- calloff_agencies and factory_countries (lists, derived once per import: contract_links).
CREATE OR REPLACE MACRO scoped_contracts(imp, flt, rul) AS TABLE
WITH contracts_of_import AS (
    SELECT * EXCLUDE (import_id) FROM contracts WHERE import_id = imp
),
selected AS (
    SELECT c.*, l.calloff_agencies, l.factory_countries
    FROM contracts_of_import AS c
    JOIN contract_links AS l ON l.import_id = imp AND l.contract_id = c.contract_id
    WHERE (
        array_length(flt['agencies']) = 0
        OR list_contains(flt['agencies']::VARCHAR[], c.agency)
        OR list_has_any(flt['agencies']::VARCHAR[], l.calloff_agencies)
    )
    AND (array_length(flt['categories']) = 0 OR list_contains(flt['categories']::VARCHAR[], c.category))
    AND (array_length(flt['suppliers']) = 0 OR list_contains(flt['suppliers']::VARCHAR[], c.supplier_name))
    AND (array_length(flt['countries']) = 0 OR list_has_any(flt['countries']::VARCHAR[], l.factory_countries))
    AND (
        array_length(flt['contract_types']) = 0
        OR list_contains(flt['contract_types']::VARCHAR[], c.contract_type)
    )
),
with_relevance AS (
    SELECT
        *,
        coalesce(
            oslo_part1_relevant,
            list_contains(
                list_transform(rul['part1_categories']::VARCHAR[], lambda x: em_fold(x)), em_fold(category)
            )
            AND value_nok >= rul['part1_min_value']
        ) AS part1_relevant,
        coalesce(
            oslo_part2_relevant,
            coalesce(high_risk, FALSE) AND value_nok >= rul['part2_min_value']
        ) AS part2_relevant
    FROM selected
)
SELECT
    *,
    part1_relevant AND coalesce(oslo_part1_clauses, FALSE) AS part1_covered,
    part2_relevant AND coalesce(oslo_part2_clauses, FALSE) AS part2_covered
FROM with_relevance
