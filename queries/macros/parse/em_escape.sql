-- em_escape(text) -> text: the value with every control character (also tab and line breaks)
-- written as \xNN, so a rejected or unknown value can be shown and stored as text that a
-- terminal, a table or a file can hold. Values without one (nearly all) are returned as they are.
CREATE OR REPLACE MACRO em_escape(v) AS
    CASE
        WHEN regexp_matches(v, '[\x{00}-\x{1F}\x{7F}-\x{9F}]') THEN array_to_string(
            list_transform(
                string_split(v, ''),
                lambda c: CASE
                    WHEN regexp_full_match(c, '[\x{00}-\x{1F}\x{7F}-\x{9F}]')
                        THEN '\x' || lower(format('{:02x}', ord(c)))
                    ELSE c
                END
            ),
            ''
        )
        ELSE v
    END
