-- em_parse_bool(text) -> BOOLEAN: ja/nei, yes/no, true/false, 1/0, x (em_bool_word) in any case,
-- accents or spacing; NULL when blank (unknown) or when unreadable (the importer tells the two
-- apart by the raw value).
CREATE OR REPLACE MACRO em_parse_bool(v) AS (
    em_bool_word(em_fold(v))
)
