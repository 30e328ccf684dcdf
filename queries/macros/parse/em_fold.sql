-- em_fold(text) -> text: the contract's folding of header names and enumeration values.
-- Lower case; æ, ø, å read as ae, o, a; other accents dropped; runs of spaces, '-' and '_'
-- become one '_'; leading and trailing ones dropped. `Leverandør orgnr` -> `leverandor_orgnr`.
-- Plain ASCII words joined by single '_' (most values: `CN`, `in_progress`) only need lower
-- case; the full fold is for the rest (a tenth of the cost on a million values).
CREATE OR REPLACE MACRO em_fold(v) AS
    CASE
        WHEN regexp_full_match(v, '[A-Za-z0-9]+(_[A-Za-z0-9]+)*') THEN lower(v)
        ELSE trim(
            regexp_replace(
                strip_accents(
                    replace(replace(replace(lower(trim(v)), 'æ', 'ae'), 'ø', 'o'), 'å', 'a')
                ),
                '[\s\x{00A0}\x{202F}_-]+', '_', 'g'
            ),
            '_'
        )
    END
