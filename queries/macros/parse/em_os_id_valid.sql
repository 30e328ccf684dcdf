-- em_os_id_valid(text) -> boolean: an Open Supply Hub id (OS ID) of the right form whose last
-- character is its check character, exactly as Open Supply Hub computes it
-- (opensupplyhub/open-supply-hub, src/django/api/os_id.py: `checksum`, `validate_os_id`,
-- `os_id_regex`): spaces and hyphens are removed; the form is two capitals (the country), seven
-- digits (year and day) and six characters; the check character is Crockford's base-32 symbol
-- (0-9 A-Z without I, L, O, U) of (code point of the first letter + code point of the second +
-- the base-32 value of each of the next twelve characters) mod 32. Open Supply Hub cannot
-- compute a value for I, L, O or U among those twelve, so they make an id invalid here too.
-- `CN2019303BQ3FZP`: 67 + 78 + (2+0+1+9+3+0+3 + B 11 + Q 23 + 3 + F 15 + Z 31) = 246; 246 mod 32
-- = 22 = `P`.
CREATE OR REPLACE MACRO em_os_id_valid(v) AS
    list_transform(
        [replace(replace(v, '-', ''), ' ', '')],
        lambda s: regexp_full_match(s, '[A-Z]{2}[0-9]{7}[0-9A-HJKMNP-TV-Z]{6}')
            AND substr(s, 15, 1) = substr(
                '0123456789ABCDEFGHJKMNPQRSTVWXYZ',
                CAST((ascii(substr(s, 1, 1)) + ascii(substr(s, 2, 1)) + list_sum(list_transform(
                    range(3, 15),
                    lambda i: strpos('0123456789ABCDEFGHJKMNPQRSTVWXYZ', substr(s, i, 1)) - 1
                ))) % 32 AS INTEGER) + 1,
                1
            )
    )[1]
