-- em_parse_number(text) -> DOUBLE: the contract's number forms; NULL when blank or unreadable.
-- Accepted after em_clean_number: `1250000`, `1250000,50` (decimal comma), `1.250.000,50` and
-- `1.250.000` (dots group thousands, Norwegian style), `1250000.5` (a single decimal point that
-- does not group thousands, as spreadsheets write it). A dot followed by exactly three digits
-- groups thousands: `1.250` is one thousand two hundred and fifty.
-- The cleaned text is bound once through a one-element list: a macro argument is copied into
-- every place it is used, and the cleaning is two regular expressions.
CREATE OR REPLACE MACRO em_parse_number(v) AS (
    list_transform([em_clean_number(v)], lambda c: CASE
        WHEN c IS NULL THEN NULL
        WHEN regexp_full_match(c, '-?\d+') THEN TRY_CAST(c AS DOUBLE)
        WHEN regexp_full_match(c, '-?\d{1,3}(\.\d{3})+(,\d+)?') THEN
            TRY_CAST(replace(replace(c, '.', ''), ',', '.') AS DOUBLE)
        WHEN regexp_full_match(c, '-?\d+,\d+') THEN TRY_CAST(replace(c, ',', '.') AS DOUBLE)
        WHEN regexp_full_match(c, '-?\d+\.\d+') THEN TRY_CAST(c AS DOUBLE)
    END)[1]
)
