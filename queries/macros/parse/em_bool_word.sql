-- em_bool_word(word) -> BOOLEAN: the contract's yes/no words, given folded (em_fold): ja, yes,
-- true, 1, x are TRUE; nei, no, false, 0 are FALSE; any other word is NULL. The one list of
-- them: em_parse_bool folds a value and asks here, and the importer asks here first (the words
-- fold to themselves), folding only a value that is none of them.
CREATE OR REPLACE MACRO em_bool_word(w) AS (
    CASE
        WHEN w IN ('ja', 'yes', 'true', '1', 'x') THEN TRUE
        WHEN w IN ('nei', 'no', 'false', '0') THEN FALSE
    END
)
