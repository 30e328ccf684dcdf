-- priorities: the priority score (docs/priority.md), one row per contract the filters select,
-- judged as of a date: each term's facts, its points (p_*) and the score, their sum.
-- Parameters: $import_id, $as_of (DATE), $filters, $rules (see macros/scoped_contracts.sql),
-- $weights (STRUCT of the [priority] settings, numbers >= 0), $country_risk_file (path of a
-- CSV alpha2;country;rating;edition;checked, rating 1-5 or 5+).
-- Only contracts in force on the date (macros/contracts_in_force.sql) are listed, as every key
-- figure counts them: an ended or not yet started contract has nothing to follow up this week.
-- Points are rounded to 2 decimals before they are summed, so the score is exactly the sum
-- shown. Order: score descending, then contract_id (ties are broken the same way every time).
-- Social dialogue is judged by the deadline rule (macros/deadlines.sql: started when
-- dialogue_started is on or before $as_of), not by summary.sql's central_started (status in
-- progress or implemented): a score as of a past date must not use the status the export
-- gives today, which has no date.
WITH contracts_in_scope AS (
    SELECT
        contract_id, title, agency, supplier_org_nr, supplier_name, start_date, end_date,
        value_nok,
        coalesce(high_risk, FALSE) AS high_risk,
        coalesce(social_dialogue_required, FALSE) AS social_dialogue_required,
        coalesce(part1_relevant, FALSE) OR coalesce(part2_relevant, FALSE) AS oslo_applies
    FROM contracts_in_force($import_id, $as_of, $filters, $rules)
),
-- 5+ (breakdown of the rule of law) is one step above 5.
country_ratings AS (
    SELECT
        upper(trim(alpha2)) AS country,
        CASE WHEN trim(rating) = '5+' THEN 6 ELSE CAST(trim(rating) AS INTEGER) END AS rating
    FROM read_csv($country_risk_file, delim = ';', header = true, all_varchar = true)
),
factories_in_scope AS (
    SELECT f.*
    FROM factories AS f
    JOIN contracts_in_scope AS c USING (contract_id)
    WHERE f.import_id = $import_id
),
-- The worst-rated country among the contract's factories; of equal ratings the first code.
country_risk AS (
    SELECT contract_id, country AS worst_country, rating AS worst_rating, rated AS worst_rated
    FROM (
        SELECT
            f.contract_id, f.country,
            coalesce(r.rating, CAST($weights['country_default_rating'] AS INTEGER)) AS rating,
            r.rating IS NOT NULL AS rated
        FROM factories_in_scope AS f
        LEFT JOIN country_ratings AS r ON r.country = f.country
    )
    QUALIFY row_number() OVER (PARTITION BY contract_id ORDER BY rating DESC, country) = 1
),
open_findings AS (
    SELECT
        contract_id,
        count(*) FILTER (severity = 'critical') AS open_critical,
        count(*) FILTER (severity = 'major') AS open_major,
        count(*) FILTER (severity = 'minor') AS open_minor,
        count(*) FILTER (severity = 'observation') AS open_observation,
        count(*) FILTER (severity = 'critical' AND open_overdue) AS open_critical_overdue,
        count(*) FILTER (severity = 'major' AND open_overdue) AS open_major_overdue
    FROM findings_as_of($import_id, $as_of, $filters, $rules)
    WHERE is_open
    GROUP BY contract_id
),
deadlines_as_of AS (
    SELECT * FROM deadlines($import_id, $as_of, $filters, $rules)
),
-- Annual documentation is its own term (documentation missing), so it is not counted here.
overdue_deadlines AS (
    SELECT contract_id, count(*) AS overdue_count, max(days_late) AS max_days_overdue
    FROM deadlines_as_of
    WHERE status = 'overdue' AND kind <> 'documentation'
    GROUP BY contract_id
),
documentation_missing AS (
    SELECT contract_id, count(*) AS documentation_missing
    FROM deadlines_as_of
    WHERE status = 'overdue' AND kind = 'documentation'
    GROUP BY contract_id
),
-- Central factories whose social dialogue deadline is not met as of the date.
central_without_dialogue AS (
    SELECT contract_id, count(*) AS central_without_dialogue
    FROM deadlines_as_of
    WHERE kind = 'social_dialogue' AND met_date IS NULL
    GROUP BY contract_id
),
last_audit AS (
    SELECT a.contract_id, max(a.audit_date) AS last_audit_date
    FROM audits AS a
    JOIN contracts_in_scope AS c USING (contract_id)
    WHERE a.import_id = $import_id AND a.audit_date <= $as_of
    GROUP BY a.contract_id
),
facts AS (
    SELECT
        c.*,
        cr.worst_country, cr.worst_rating, cr.worst_rated,
        coalesce(f.open_critical, 0) AS open_critical,
        coalesce(f.open_major, 0) AS open_major,
        coalesce(f.open_minor, 0) AS open_minor,
        coalesce(f.open_observation, 0) AS open_observation,
        coalesce(f.open_critical_overdue, 0) AS open_critical_overdue,
        coalesce(f.open_major_overdue, 0) AS open_major_overdue,
        coalesce(o.overdue_count, 0) AS overdue_count,
        coalesce(o.max_days_overdue, 0) AS max_days_overdue,
        coalesce(cw.central_without_dialogue, 0) AS central_without_dialogue,
        la.last_audit_date,
        -- whole months since the last audit, or since the start when never audited
        greatest(0, date_sub('month', coalesce(la.last_audit_date, c.start_date), $as_of))
            AS months_without_audit,
        coalesce(dm.documentation_missing, 0) AS documentation_missing
    FROM contracts_in_scope AS c
    LEFT JOIN country_risk AS cr USING (contract_id)
    LEFT JOIN open_findings AS f USING (contract_id)
    LEFT JOIN overdue_deadlines AS o USING (contract_id)
    LEFT JOIN central_without_dialogue AS cw USING (contract_id)
    LEFT JOIN last_audit AS la USING (contract_id)
    LEFT JOIN documentation_missing AS dm USING (contract_id)
),
points AS (
    SELECT
        *,
        round(CASE WHEN high_risk THEN $weights['high_risk'] ELSE 0 END, 2) AS p_product_risk,
        round(least($weights['value_max'], $weights['value_per_million'] * value_nok / 1e6), 2)
            AS p_value,
        round(coalesce($weights['country_per_step'] * (worst_rating - 1), 0), 2) AS p_country_risk,
        round(
            open_critical * $weights['finding_critical']
            + open_major * $weights['finding_major']
            + open_minor * $weights['finding_minor']
            + open_observation * $weights['finding_observation'],
            2
        ) AS p_findings,
        round(
            CASE WHEN overdue_count > 0 THEN
                overdue_count * $weights['overdue_deadline']
                + least(
                    $weights['overdue_days_max'],
                    $weights['overdue_per_30_days'] * max_days_overdue / 30
                )
            ELSE 0 END,
            2
        ) AS p_overdue,
        round(central_without_dialogue * $weights['central_without_dialogue'], 2)
            AS p_social_dialogue,
        round(
            CASE WHEN oslo_applies THEN
                least(
                    $weights['audit_max'],
                    $weights['audit_per_month']
                    * greatest(0, months_without_audit - $weights['audit_grace_months'])
                )
            ELSE 0 END,
            2
        ) AS p_audit,
        round(documentation_missing * $weights['documentation_missing'], 2) AS p_documentation
    FROM facts
)
SELECT
    *,
    round(
        p_product_risk + p_value + p_country_risk + p_findings + p_overdue + p_social_dialogue
        + p_audit + p_documentation,
        2
    ) AS score
FROM points
ORDER BY score DESC, contract_id
