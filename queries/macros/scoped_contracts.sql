-- scoped_contracts(imp, flt, rul): one row per contract of import `imp` that the filters select,
-- with the Oslo model rules applied.
--   imp  import id whose dataset is read
--   flt  STRUCT(agencies, categories, suppliers, countries, contract_types VARCHAR[]);
--        an empty list means "no filter". An agency selects the contracts it owns and those it
--        has call-offs on; a country selects contracts with a factory in that country.
--   rul  STRUCT(part1_categories VARCHAR[], part1_min_value, part2_min_value DOUBLE, ...)
-- Adds: part1_relevant/part2_relevant (the override column where given, else the rule),
-- part1_covered/part2_covered (relevant and clauses set; a blank clauses column is not covered),
-- calloff_agencies and factory_countries (lists).
CREATE OR REPLACE MACRO scoped_contracts(imp, flt, rul) AS TABLE
WITH contracts_of_import AS (
    SELECT * EXCLUDE (import_id) FROM contracts WHERE import_id = imp
),
calloff_agencies AS (
    SELECT contract_id, list(DISTINCT agency ORDER BY agency) AS calloff_agencies
    FROM calloffs WHERE import_id = imp GROUP BY contract_id
),
factory_countries AS (
    SELECT contract_id, list(DISTINCT country ORDER BY country) AS factory_countries
    FROM factories WHERE import_id = imp GROUP BY contract_id
),
selected AS (
    SELECT
        c.*,
        coalesce(ca.calloff_agencies, []::VARCHAR[]) AS calloff_agencies,
        coalesce(fc.factory_countries, []::VARCHAR[]) AS factory_countries
    FROM contracts_of_import AS c
    LEFT JOIN calloff_agencies AS ca USING (contract_id)
    LEFT JOIN factory_countries AS fc USING (contract_id)
    WHERE (
        len(flt['agencies']) = 0
        OR list_contains(flt['agencies']::VARCHAR[], c.agency)
        OR list_has_any(flt['agencies']::VARCHAR[], ca.calloff_agencies)
    )
    AND (len(flt['categories']) = 0 OR list_contains(flt['categories']::VARCHAR[], c.category))
    AND (len(flt['suppliers']) = 0 OR list_contains(flt['suppliers']::VARCHAR[], c.supplier_name))
    AND (len(flt['countries']) = 0 OR list_has_any(flt['countries']::VARCHAR[], fc.factory_countries))
    AND (
        len(flt['contract_types']) = 0
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
