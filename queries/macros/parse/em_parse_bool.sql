-- em_parse_bool(text) -> BOOLEAN: ja/nei, yes/no, true/false, 1/0, x; NULL when blank (unknown)
-- or when unreadable (the importer tells the two apart by the raw value).
CREATE OR REPLACE MACRO em_parse_bool(v) AS (
    CASE
        WHEN em_fold(v) IN ('ja', 'yes', 'true', '1', 'x') THEN TRUE
        WHEN em_fold(v) IN ('nei', 'no', 'false', '0') THEN FALSE
    END
)
