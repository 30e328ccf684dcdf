-- em_bad_text(text, max_chars) -> text: why a value can never be stored, as a reason code, or
-- NULL when it can. 'value_too_long': more than max_chars characters. 'control_character': a
-- NUL or another control character (C0, DEL, C1; tab and line breaks are text).
-- 'mojibake': UTF-8 that was read as Windows-1252 somewhere on its way ('BymiljÃ¸etaten' for
-- 'Bymiljøetaten': Ã or Â followed by a character of the second byte's range; â€ of a dash or
-- quote), or U+FFFD, the mark an earlier failed decoding left where a character was lost.
-- Neither pair occurs in Norwegian or English text.
CREATE OR REPLACE MACRO em_bad_text(v, max_chars) AS
    CASE
        WHEN length(v) > max_chars THEN 'value_too_long'
        WHEN regexp_matches(v, '[\x{00}-\x{08}\x{0B}\x{0C}\x{0E}-\x{1F}\x{7F}-\x{9F}]')
            THEN 'control_character'
        WHEN regexp_matches(
            v, '[ÂÃ][\x{A0}-\x{BF}€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]|â€|\x{FFFD}'
        ) THEN 'mojibake'
    END
