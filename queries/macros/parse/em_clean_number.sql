-- em_clean_number(text) -> text: a number as exported, with currency words, spaces (also the
-- non-breaking ones Norwegian Excel writes) and a trailing ",-" removed; NULL when blank.
-- `1 250 000 kr` -> `1250000`, `250 000,-` -> `250000`, `NOK 1.250.000,50` -> `1.250.000,50`.
CREATE OR REPLACE MACRO em_clean_number(v) AS
    nullif(
        regexp_replace(
            regexp_replace(lower(trim(v)), '(nok|kr\.?|,-$)', '', 'g'),
            '[\s\x{00A0}\x{202F}]', '', 'g'
        ),
        ''
    )
