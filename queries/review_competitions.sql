-- review_competitions: the yearly review of the Oslo model. One row per competition first
-- published in $year: a lot of a procedure (BT-04 procedure id, or the notice id where a
-- notice has none), gathered from the current version of its contract and award notices
-- (planning notices, and notices a later version or change notice replaced, are left out).
-- Each row says whether the competition is relevant to Oslo model part 1 / part 2 (from its
-- main CPV code, the settings' CPV table and its value in NOK), whether its notices state the
-- matching social objective (BT-775: work-cond for part 1, hum-right for part 2), and whether
-- the register holds the resulting contract (contracts.notice_id names one of its notices or
-- its procedure) and that contract has the clauses.
-- Parameters:
--   $import_id  the import whose data is read
--   $year       publication year of the competition's first notice
--   $agencies   VARCHAR[]: buyers by name (compared folded) or organisation number; [] = all
--   $cpv        STRUCT(prefix VARCHAR, category VARCHAR, high_risk BOOLEAN)[]: the CPV table
--   $rates      STRUCT(currency VARCHAR, rate DOUBLE)[]: NOK per unit of each currency
--   $rules      STRUCT(part1_categories VARCHAR[], part1_min_value, part2_min_value DOUBLE, ...)
WITH current_notices AS (
    SELECT
        *,
        coalesce(procedure_id, notice_id) AS competition_id,
        coalesce(lot_id, '') AS lot_key,
        -- the contract notice's own words first, the award notice's where it says nothing
        (notice_kind = 'result') AS is_award
    FROM competitions
    WHERE import_id = $import_id
        AND superseded_by IS NULL
        AND notice_kind IN ('competition', 'result')
),
competition_lots AS (
    SELECT
        competition_id,
        lot_key,
        any_value(lot_id) AS lot_id,
        min(publication_date) AS published,
        first(notice_id ORDER BY is_award, publication_date, notice_id) AS notice_id,
        first(buyer_org_nr ORDER BY is_award, publication_date) FILTER (WHERE buyer_org_nr IS NOT NULL) AS buyer_org_nr,
        first(buyer_name ORDER BY is_award, publication_date) FILTER (WHERE buyer_name IS NOT NULL) AS buyer_name,
        first(title ORDER BY is_award, publication_date) FILTER (WHERE title IS NOT NULL) AS title,
        first(cpv_main ORDER BY is_award, publication_date) FILTER (WHERE cpv_main IS NOT NULL) AS cpv_main,
        first(contract_nature ORDER BY is_award, publication_date) FILTER (WHERE contract_nature IS NOT NULL) AS contract_nature,
        first(estimated_value ORDER BY is_award, publication_date) FILTER (WHERE estimated_value IS NOT NULL) AS estimated_value,
        first(currency ORDER BY is_award, publication_date) FILTER (WHERE estimated_value IS NOT NULL) AS currency,
        list_sort(list_distinct(flatten(list(social_objectives)))) AS social_objectives,
        list_sort(list_distinct(flatten(list(strategic_procurement)))) AS strategic_procurement,
        bool_or(is_award) AS has_award,
        flatten(list(winner_names) FILTER (WHERE is_award)) AS winner_names,
        flatten(list(winner_org_nrs) FILTER (WHERE is_award)) AS winner_org_nrs,
        first(award_value ORDER BY publication_date DESC) FILTER (WHERE award_value IS NOT NULL) AS award_value,
        first(award_currency ORDER BY publication_date DESC) FILTER (WHERE award_value IS NOT NULL) AS award_currency,
        min(conclusion_date) AS conclusion_date,
        list_distinct(flatten(list([notice_id, procedure_id, doffin_id, ted_publication]))) AS identifiers
    FROM current_notices
    GROUP BY competition_id, lot_key
),
in_year AS (
    SELECT *
    FROM competition_lots
    WHERE year(published) = $year
        AND (
            len($agencies::VARCHAR[]) = 0
            OR list_contains(list_transform($agencies::VARCHAR[], lambda a: em_fold(a)), em_fold(buyer_name))
            OR list_contains($agencies::VARCHAR[], buyer_org_nr)
        )
),
cpv_table AS (
    SELECT unnest($cpv::STRUCT(prefix VARCHAR, category VARCHAR, high_risk BOOLEAN)[], recursive := true)
),
categorised AS (
    -- the longest prefix of the table that the main CPV code starts with
    SELECT
        c.competition_id,
        c.lot_key,
        arg_max(t.category, length(t.prefix)) AS category,
        arg_max(t.high_risk, length(t.prefix)) AS high_risk
    FROM in_year AS c
    JOIN cpv_table AS t ON starts_with(c.cpv_main, t.prefix)
    GROUP BY c.competition_id, c.lot_key
),
rates AS (
    SELECT unnest($rates::STRUCT(currency VARCHAR, rate DOUBLE)[], recursive := true)
),
valued AS (
    SELECT
        c.*,
        m.category,
        coalesce(m.high_risk, FALSE) AS high_risk,
        CASE
            WHEN c.estimated_value IS NOT NULL THEN
                CASE WHEN coalesce(c.currency, 'NOK') = 'NOK' THEN c.estimated_value
                    ELSE c.estimated_value * re.rate END
            WHEN c.award_value IS NOT NULL THEN
                CASE WHEN coalesce(c.award_currency, 'NOK') = 'NOK' THEN c.award_value
                    ELSE c.award_value * ra.rate END
        END AS value_nok,
        CASE
            WHEN c.estimated_value IS NULL AND c.award_value IS NULL THEN 'no_value'
            WHEN c.estimated_value IS NOT NULL AND coalesce(c.currency, 'NOK') <> 'NOK'
                AND re.rate IS NULL THEN 'no_rate'
            WHEN c.estimated_value IS NULL AND coalesce(c.award_currency, 'NOK') <> 'NOK'
                AND ra.rate IS NULL THEN 'no_rate'
            WHEN coalesce(CASE WHEN c.estimated_value IS NOT NULL THEN c.currency
                ELSE c.award_currency END, 'NOK') <> 'NOK' THEN 'converted'
        END AS value_note
    FROM in_year AS c
    LEFT JOIN categorised AS m USING (competition_id, lot_key)
    LEFT JOIN rates AS re ON re.currency = c.currency
    LEFT JOIN rates AS ra ON ra.currency = c.award_currency
),
relevance AS (
    -- A value the notices do not give (or cannot be converted) cannot rule a competition out:
    -- it counts as relevant, so that it is looked at rather than passed over.
    SELECT
        *,
        category IS NOT NULL
            AND list_contains(
                list_transform($rules['part1_categories']::VARCHAR[], lambda x: em_fold(x)),
                em_fold(category)
            )
            AND coalesce(value_nok >= $rules['part1_min_value'], TRUE) AS part1_relevant,
        high_risk AND coalesce(value_nok >= $rules['part2_min_value'], TRUE) AS part2_relevant,
        list_contains(social_objectives, 'work-cond') AS part1_stated,
        list_contains(social_objectives, 'hum-right') AS part2_stated
    FROM valued
),
identifiers AS (
    SELECT competition_id, lot_key, lower(trim(unnest(identifiers))) AS identifier
    FROM relevance
),
linked AS (
    SELECT
        i.competition_id,
        i.lot_key,
        list(DISTINCT k.contract_id ORDER BY k.contract_id) AS contract_ids,
        bool_and(coalesce(k.oslo_part1_clauses, FALSE)) AS part1_clauses,
        bool_and(coalesce(k.oslo_part2_clauses, FALSE)) AS part2_clauses
    FROM identifiers AS i
    JOIN contracts AS k
        ON k.import_id = $import_id AND lower(trim(k.notice_id)) = i.identifier
    GROUP BY i.competition_id, i.lot_key
)
SELECT
    r.competition_id,
    r.lot_id,
    r.notice_id,
    r.published,
    r.buyer_org_nr,
    r.buyer_name,
    r.title,
    r.cpv_main,
    r.category,
    r.high_risk,
    r.contract_nature,
    r.estimated_value,
    r.currency,
    r.value_nok,
    r.value_note,
    r.social_objectives,
    r.strategic_procurement,
    r.has_award,
    r.winner_names,
    r.winner_org_nrs,
    r.award_value,
    r.award_currency,
    r.conclusion_date,
    r.part1_relevant,
    r.part2_relevant,
    r.part1_stated,
    r.part2_stated,
    (r.part1_relevant AND NOT r.part1_stated) OR (r.part2_relevant AND NOT r.part2_stated)
        AS needs_action,
    l.contract_ids IS NOT NULL AS in_register,
    coalesce(l.contract_ids, []::VARCHAR[]) AS contract_ids,
    CASE WHEN r.part1_relevant AND l.contract_ids IS NOT NULL THEN l.part1_clauses END
        AS part1_clauses,
    CASE WHEN r.part2_relevant AND l.contract_ids IS NOT NULL THEN l.part2_clauses END
        AS part2_clauses
FROM relevance AS r
LEFT JOIN linked AS l USING (competition_id, lot_key)
ORDER BY r.published, r.competition_id, r.lot_key
