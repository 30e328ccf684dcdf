-- em_fold(text) -> text: the contract's folding of header names and enumeration values.
-- Lower case; æ, ø, å read as ae, o, a; other accents dropped; runs of spaces, '-' and '_'
-- become one '_'; leading and trailing ones dropped. `Leverandør orgnr` -> `leverandor_orgnr`.
CREATE OR REPLACE MACRO em_fold(v) AS
    trim(
        regexp_replace(
            strip_accents(
                replace(replace(replace(lower(trim(v)), 'æ', 'ae'), 'ø', 'o'), 'å', 'a')
            ),
            '[\s\x{00A0}\x{202F}_-]+', '_', 'g'
        ),
        '_'
    )
