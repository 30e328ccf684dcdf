-- em_parse_number(text) -> DOUBLE: the contract's number forms; NULL when blank or unreadable.
-- Accepted after em_clean_number: `1250000`, `1250000,50` (decimal comma), `1.250.000,50` and
-- `1.250.000` (dots group thousands, Norwegian style), `1250000.5` (a single decimal point that
-- does not group thousands, as spreadsheets write it). A dot followed by exactly three digits
-- groups thousands: `1.250` is one thousand two hundred and fifty.
CREATE OR REPLACE MACRO em_parse_number(v) AS (
    CASE
        WHEN em_clean_number(v) IS NULL THEN NULL
        WHEN regexp_full_match(em_clean_number(v), '-?\d+') THEN
            TRY_CAST(em_clean_number(v) AS DOUBLE)
        WHEN regexp_full_match(em_clean_number(v), '-?\d{1,3}(\.\d{3})+(,\d+)?') THEN
            TRY_CAST(replace(replace(em_clean_number(v), '.', ''), ',', '.') AS DOUBLE)
        WHEN regexp_full_match(em_clean_number(v), '-?\d+,\d+') THEN
            TRY_CAST(replace(em_clean_number(v), ',', '.') AS DOUBLE)
        WHEN regexp_full_match(em_clean_number(v), '-?\d+\.\d+') THEN
            TRY_CAST(em_clean_number(v) AS DOUBLE)
    END
)
