-- em_parse_date(text) -> DATE: ISO `2024-06-30` or Norwegian `30.06.2024` (one-digit day and
-- month allowed); an ISO date with a midnight time, as spreadsheets write dates, is accepted too.
-- NULL when blank or not a real calendar date (31.02.2024).
CREATE OR REPLACE MACRO em_parse_date(v) AS (
    CASE
        WHEN regexp_full_match(trim(v), '\d{4}-\d{1,2}-\d{1,2}([ T]00:00(:00)?)?') THEN
            TRY_CAST(try_strptime(left(trim(v), 10), '%Y-%m-%d') AS DATE)
        WHEN regexp_full_match(trim(v), '\d{1,2}\.\d{1,2}\.\d{4}') THEN
            TRY_CAST(try_strptime(trim(v), '%d.%m.%Y') AS DATE)
    END
)
