-- em_orgnr_valid(digits) -> BOOLEAN: the MOD11 check digit of a 9-digit Norwegian organisation
-- number holds. Weights 3 2 7 6 5 4 3 2 on the first eight digits; check = 11 - (sum mod 11),
-- 11 becomes 0 and 10 is never valid. Takes the digits only (spaces already removed).
CREATE OR REPLACE MACRO em_orgnr_valid(s) AS (
    (11 - (
        3 * substr(s, 1, 1)::INT + 2 * substr(s, 2, 1)::INT + 7 * substr(s, 3, 1)::INT
        + 6 * substr(s, 4, 1)::INT + 5 * substr(s, 5, 1)::INT + 4 * substr(s, 6, 1)::INT
        + 3 * substr(s, 7, 1)::INT + 2 * substr(s, 8, 1)::INT
    ) % 11) % 11 = substr(s, 9, 1)::INT
)
