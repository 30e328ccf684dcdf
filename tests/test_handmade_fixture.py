"""Hand-worked tests: the importer and the key figures against tests/fixtures/handmade/.

Every expected number in this file was worked out by hand from the export contract, version 2
(its rules as docs/dataeksport.md states them), and the command-line interface, never by
running the code under test. The working is written down next to each expectation, so that a
failure can be judged: either the working or the code is wrong, and the comments say which rule
each row hangs on.

The fixture is a small, deliberately messy export, as Norwegian Excel gives it:

| file              | encoding          | delimiter | line ends |
|-------------------|-------------------|-----------|-----------|
| kontrakter.csv    | Windows-1252      | ;         | CRLF      |
| fabrikker.csv     | UTF-8 with BOM    | tab       | LF        |
| revisjoner.csv    | UTF-8             | ,         | LF        |
| avvik.csv         | UTF-8 with BOM    | ;         | CRLF      |
| dokumentasjon.csv | UTF-8             | ,         | LF        |
| frister.csv       | UTF-8             | tab       | LF        |
| avrop.csv         | Windows-1252      | ;         | CRLF      |
| virksomheter.csv  | UTF-8             | , (one quoted field holds a comma) | LF |

Edge cases, by file:line (line 1 is the header):

- kontrakter.csv:2   K01 starts 31.08.2023: social dialogue due 31.08.2023 + 6 months =
                     2024-02-29 (2024 is a leap year; month-end clamped). End date 31.08.2026 is
                     exactly the 3rd anniversary: "not past end_date", so it is a deadline.
- kontrakter.csv:3   K02 value `1.250.000,50`; its later duplicate is line 18.
- kontrakter.csv:5   K03 `Bygg og anlegg` at exactly 100 000: part 1 relevant; clauses `nei`.
                     Ends 30.06.2024 = D: in force on D (its last day), not the day after.
- kontrakter.csv:6   K04 high risk `x`, value `500 000 kr` exactly: part 2 relevant; the part 2
                     clauses column is blank: relevant but not covered.
- kontrakter.csv:8   K05 high risk, 499 999,99: part 2 NOT relevant (clauses `ja` do not count).
- kontrakter.csv:9   K06 high risk above 500 000 with oslo_part2_relevant `nei`: not relevant.
- kontrakter.csv:10  K07 80 000, not high risk, oslo_part2_relevant `ja`: relevant, covered (`x`).
- kontrakter.csv:12  K08 no end date: annual documentation up to the first anniversary after D.
                     Value `3 500 000 NOK`.
- kontrakter.csv:13  K09 value with non-breaking spaces; the third agency's only call-off.
- kontrakter.csv:15  K10 part 1 override `ja` below the threshold. Starts 2024-06-30 = D: in
                     force on D (its first day), not the day before.
- kontrakter.csv:16  K11 `Renhold` 300 000, part 1 clauses blank: relevant, not covered; its
                     org number 910 000 020 has check digit 0 (11 - 0 -> 0).
- kontrakter.csv:17  unknown extra column `Kommentar` on every row (reported, never an error).
- fabrikker.csv:2    BD-001/K01 dialogue started 29.02.2024 = due date: met on time.
- fabrikker.csv:3    CN-017/K01 started 2024-03-01: one day late (catches a due date rolled
                     over into March).
- fabrikker.csv:10   IN-404/K09 started 2024-07-01, after D: not met yet as of D (upcoming,
                     due 2024-07-10); met on time as of D2.
- fabrikker.csv:13   TR-220/K09 started 30.06.2024 = D: a met date equal to D counts as met.
- fabrikker.csv:14   CN-017/K06 central, but K06 does not require social dialogue: no deadline.
- revisjoner.csv:7   R4 dated 2024-08-15, after D: left out as of D with its finding A6.
- avvik.csv:4        A3 status `lukket` but closed 2024-07-05, after D: open (and overdue) as of D.
- dokumentasjon.csv:2-3  K08's documentation in reverse date order: matched in date order.
- dokumentasjon.csv:4    K01's documentation received after D: not met yet as of D.
- frister.csv:2      M1 met on its due date: on time.
- frister.csv:6      M4 due exactly D and not met: upcoming (due >= D). Its factory ZZ-999 exists
                     nowhere: milestones' factory_id is not checked, so the row is imported.
- avrop.csv          `År`, `Beløp NOK` headers (å, ø in Windows-1252); third agency
                     Sykehjemsetaten has a call-off on K09 only (its K12 and K08 call-offs are
                     rejected, and so is the duplicate K02 row that names it as owner).

The rejected rows, one per reason (each has exactly one problem), are in EXPECTED_REJECTS.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest

FIXTURE = Path(__file__).parent / "fixtures" / "handmade"

D = "2024-06-30"  # the main as-of date: K10 starts and K03 ends exactly on D
D2 = "2025-03-31"  # a later date: deadlines move from upcoming to overdue or met; K03, K07, K11
# have ended
D_BEFORE = "2024-06-29"  # the day before K10 starts (K03 still in force)
D_AFTER = "2024-07-01"  # the day after K03 ended (K10 in force)
D_NONE = "2022-01-01"  # before any contract starts (the first, K08, starts 2022-03-15)

UKE = "Utviklings- og kompetanseetaten"
GRUNERLOKKA = "Bydel Grünerløkka"
SYKEHJEM = "Sykehjemsetaten"  # owns nothing; a call-off on K09 only

ALL_CODES = {
    "missing_required",
    "bad_date",
    "bad_number",
    "bad_integer",
    "negative",
    "bad_bool",
    "bad_enum",
    "bad_country",
    "bad_orgnr_format",
    "bad_orgnr_check",
    "out_of_range",
    "end_before_start",
    "trained_above_workers",
    "closed_without_date",
    "duplicate_key",
    "unknown_reference",
    "parent_rejected",
}

# How each fixture file is written. The test needs this only to rebuild the same rows as an
# XLSX workbook; the importer must detect encoding and delimiter by itself.
FILE_FORMAT = {
    "kontrakter.csv": ("cp1252", ";"),
    "fabrikker.csv": ("utf-8-sig", "\t"),
    "revisjoner.csv": ("utf-8", ","),
    "avvik.csv": ("utf-8-sig", ";"),
    "dokumentasjon.csv": ("utf-8", ","),
    "frister.csv": ("utf-8", "\t"),
    "avrop.csv": ("cp1252", ";"),
    "virksomheter.csv": ("utf-8", ","),
}

# ---------------------------------------------------------------------------------------------
# Import: what is read, imported and rejected
# ---------------------------------------------------------------------------------------------

# (table, file, line, code, column). column None: the interface does not name the column for
# parent_rejected, so it is not pinned.
EXPECTED_REJECTS = [
    # contracts (kontrakter.csv)
    # K12: 974 760 674; weights 3,2,7,6,5,4,3,2 give 173, 173 mod 11 = 8, check digit 3 not 4.
    ("contracts", "kontrakter.csv", 4, "bad_orgnr_check", "supplier_org_nr"),
    ("contracts", "kontrakter.csv", 7, "bad_orgnr_format", "supplier_org_nr"),  # K13: 8 digits
    ("contracts", "kontrakter.csv", 11, "missing_required", "title"),  # K14: blank title
    ("contracts", "kontrakter.csv", 14, "end_before_start", "end_date"),  # K15: ends 31.05 < 01.06
    ("contracts", "kontrakter.csv", 17, "bad_number", "value_nok"),  # K16: `ca. 1 mill`
    ("contracts", "kontrakter.csv", 18, "duplicate_key", "contract_id"),  # K02 again: later row
    # factories (fabrikker.csv)
    ("factories", "fabrikker.csv", 4, "bad_country", "country"),  # BD-002/K01: `Atlantis`
    ("factories", "fabrikker.csv", 6, "out_of_range", "latitude"),  # BD-003: latitude 95
    ("factories", "fabrikker.csv", 9, "bad_integer", "workers"),  # BD-004: 250,5 workers
    ("factories", "fabrikker.csv", 12, "trained_above_workers", "workers_trained"),  # 120 > 100
    ("factories", "fabrikker.csv", 15, "bad_bool", "central"),  # BD-006: `kanskje`
    ("factories", "fabrikker.csv", 16, "unknown_reference", "contract_id"),  # XX-001 under K99
    ("factories", "fabrikker.csv", 17, "parent_rejected", None),  # BD-007 under rejected K12
    # BD-002/K01 again: the earlier BD-002/K01 (line 4) is itself rejected, but the later of two
    # rows with one key is rejected all the same.
    ("factories", "fabrikker.csv", 18, "duplicate_key", "factory_id+contract_id"),
    # audits (revisjoner.csv)
    ("audits", "revisjoner.csv", 4, "parent_rejected", None),  # R5 under rejected K12
    # R6: factory TR-220 exists for K01 and K09, not for K08.
    ("audits", "revisjoner.csv", 6, "unknown_reference", "factory_id+contract_id"),
    ("audits", "revisjoner.csv", 8, "bad_date", "audit_date"),  # R7: 31.02.2024
    # findings (avvik.csv)
    ("findings", "avvik.csv", 5, "closed_without_date", "closed_date"),  # A8: `Lukket`, no date
    ("findings", "avvik.csv", 8, "bad_enum", "severity"),  # A9: `Høy`
    ("findings", "avvik.csv", 11, "parent_rejected", None),  # A10: grandchild of K12 (via R5)
    ("findings", "avvik.csv", 12, "unknown_reference", "audit_id"),  # A11: audit R99
    # documentation, milestones, call-offs, agencies
    ("documentation", "dokumentasjon.csv", 5, "parent_rejected", None),  # K12
    ("milestones", "frister.csv", 4, "parent_rejected", None),  # M5 under K12
    ("milestones", "frister.csv", 7, "missing_required", "description"),  # M6
    ("calloffs", "avrop.csv", 4, "parent_rejected", None),  # K12
    ("calloffs", "avrop.csv", 6, "negative", "amount_nok"),  # -25 000
    ("agencies", "virksomheter.csv", 5, "missing_required", "agency"),  # blank name
]

# Offending values given as text in the CSV files: the value is reported as written (this also
# shows the Windows-1252 / BOM files were decoded right).
EXPECTED_REJECT_VALUES = {
    ("kontrakter.csv", 17): "ca. 1 mill",
    ("fabrikker.csv", 4): "Atlantis",
    ("fabrikker.csv", 15): "kanskje",
    ("revisjoner.csv", 8): "31.02.2024",
    ("avvik.csv", 8): "Høy",
}

# file -> (table, rows_read, rows_imported, rows_rejected). Rows read = lines - header.
EXPECTED_FILES = {
    "kontrakter.csv": ("contracts", 17, 11, 6),  # K01-K11 in; K12-K16 and K02 duplicate out
    "fabrikker.csv": ("factories", 17, 9, 8),  # lines 2,3,5,7,8,10,11,13,14 in
    "revisjoner.csv": ("audits", 7, 4, 3),  # R1-R4 in
    "avvik.csv": ("findings", 11, 7, 4),  # A1-A7 in
    "dokumentasjon.csv": ("documentation", 5, 4, 1),
    "frister.csv": ("milestones", 6, 4, 2),  # M1-M4 in (M4's unknown factory is not checked)
    "avrop.csv": ("calloffs", 5, 3, 2),
    "virksomheter.csv": ("agencies", 5, 4, 1),
}
EXPECTED_IMPORTED = {table: n for table, _, n, _ in EXPECTED_FILES.values()}

# ---------------------------------------------------------------------------------------------
# Key figures, worked by hand
# ---------------------------------------------------------------------------------------------
#
# As of a date the figures cover the contracts in force on it (export contract v2): start_date
# <= date and (end_date blank or >= date), and what hangs on them. The contracts' periods:
#
# | contract | start      | end        | 2022-01-01 | 06-29 | D 06-30 | 07-01 | D2 2025-03-31 |
# |----------|------------|------------|------------|-------|---------|-------|---------------|
# | K01      | 2023-08-31 | 2026-08-31 | -          | in    | in      | in    | in            |
# | K02      | 2024-01-01 | 2025-12-31 | -          | in    | in      | in    | in            |
# | K03      | 2024-03-01 | 2024-06-30 | -          | in    | in (end)| -     | -             |
# | K04      | 2024-02-01 | 2026-01-31 | -          | in    | in      | in    | in            |
# | K05      | 2024-01-15 | -          | -          | in    | in      | in    | in            |
# | K06      | 2023-06-01 | 2025-05-31 | -          | in    | in      | in    | in            |
# | K07      | 2024-02-01 | 2025-01-31 | -          | in    | in      | in    | -             |
# | K08      | 2022-03-15 | -          | -          | in    | in      | in    | in            |
# | K09      | 2024-01-10 | 2027-01-09 | -          | in    | in      | in    | in            |
# | K10      | 2024-06-30 | 2025-04-30 | -          | -     | in (start)| in  | in            |
# | K11      | 2024-01-01 | 2024-12-31 | -          | in    | in      | in    | -             |
# -> 2022-01-01: 0; 2024-06-29: 10 (not K10); D: all 11; 2024-07-01: 10 (not K03); D2: 8.
# Neither K03 nor K10 has factories, audits, documentation or imported milestones (R7 and M6
# on K03 are rejected), so on the days around D only the contract count and part 1 move; as of
# D2 K07's milestone M4 and K11's milestone M1 leave with their contracts.
#
# Imported contracts (11): K01-K11. Owner and call-offs:
#
# | contract | owner       | call-offs          | category         | high risk | value         |
# |----------|-------------|--------------------|------------------|-----------|---------------|
# | K01      | UKE         |                    | Arbeidstøy ...   | Ja        | 40 000 000    |
# | K02      | Grünerløkka |                    | Renhold          | nei       | 1 250 000,50  |
# | K03      | Grünerløkka |                    | Bygg og anlegg   | nei       | 100 000       |
# | K04      | UKE         | Grünerløkka        | IKT-utstyr       | x         | 500 000       |
# | K05      | UKE         |                    | Medisinsk ...    | Ja        | 499 999,99    |
# | K06      | Grünerløkka |                    | Møbler           | JA        | 2 000 000     |
# | K07      | Grünerløkka |                    | Mat og drikke    | blank     | 80 000        |
# | K08      | UKE         | (Sykehjem: reject) | Arbeidstøy ...   | ja        | 3 500 000     |
# | K09      | UKE         | Sykehjem, Grüner.  | Tekstiler        | Ja        | 1 250 000     |
# | K10      | Grünerløkka |                    | Bygg og anlegg   | blank     | 90 000        |
# | K11      | UKE         |                    | Renhold          | nei       | 300 000       |
#
# Oslo model part 1 (override, else category in {Bygg og anlegg, Renhold} and value >= 100 000):
#
# | contract | relevant because                | clauses | covered |
# |----------|---------------------------------|---------|---------|
# | K02      | Renhold, 1 250 000,50           | Ja      | yes     |
# | K03      | Bygg og anlegg, exactly 100 000 | nei     | no      |
# | K10      | override `ja` (90 000 < 100 000)| ja      | yes     |
# | K11      | Renhold, 300 000                | blank   | no      |
# -> relevant 4, covered 2, coverage 0.5. Every other contract: other category, no override.
#
# Oslo model part 2 (override, else high risk and value >= 500 000):
#
# | contract | relevant?                              | clauses | covered |
# |----------|----------------------------------------|---------|---------|
# | K01      | yes: high risk, 40 000 000             | Ja      | yes     |
# | K04      | yes: high risk, exactly 500 000        | blank   | no      |
# | K05      | no: 499 999,99 < 500 000               | (ja)    |         |
# | K06      | no: override `nei` beats the rule      | (nei)   |         |
# | K07      | yes: override `ja` (80 000, not h.r.)  | x       | yes     |
# | K08      | yes: high risk, 3 500 000              | Ja      | yes     |
# | K09      | yes: high risk, 1 250 000              | 1       | yes     |
# K02, K03, K11 not high risk; K10 high risk blank (unknown, not yes).
# -> relevant 5, covered 4, coverage 0.8.
#
# Factories (9 imported rows):
#
# | line | factory/contract | central | status      | SD required on contract | due        |
# |------|------------------|---------|-------------|-------------------------|------------|
# | 2    | BD-001/K01       | Ja      | implemented | K01 Ja                  | 2024-02-29 |
# | 3    | CN-017/K01       | x       | in_progress | K01 Ja                  | 2024-02-29 |
# | 5    | TR-220/K01       | nei     | not_started | -                       | -          |
# | 7    | BD-001/K08       | ja      | implemented | K08 Ja                  | 2022-09-15 |
# | 8    | VN-031/K08       | Ja      | planned     | K08 Ja                  | 2022-09-15 |
# | 10   | IN-404/K09       | ja      | in_progress | K09 ja                  | 2024-07-10 |
# | 11   | PK-112/K09       | blank   | not_started | -                       | -          |
# | 13   | TR-220/K09       | Ja      | in_progress | K09 ja                  | 2024-07-10 |
# | 14   | CN-017/K06       | ja      | not_started | K06 nei: no deadline    | -          |
# -> total 9, central 7; not_started 3, planned 1, in_progress 3, implemented 2.
#
# Deadlines. Social dialogue (central factory, contract requires it; met on dialogue_started):
#
# | factory    | due        | met        | as of D (2024-06-30)   | as of D2 (2025-03-31) |
# |------------|------------|------------|------------------------|-----------------------|
# | BD-001/K01 | 2024-02-29 | 2024-02-29 | on time (met = due)    | on time               |
# | CN-017/K01 | 2024-02-29 | 2024-03-01 | late                   | late                  |
# | BD-001/K08 | 2022-09-15 | 2022-09-01 | on time                | on time               |
# | VN-031/K08 | 2022-09-15 | -          | overdue                | overdue               |
# | IN-404/K09 | 2024-07-10 | 2024-07-01 | upcoming (met > D)     | on time               |
# | TR-220/K09 | 2024-07-10 | 2024-06-30 | on time (met = D)      | on time               |
# D:  on time 3, late 1, overdue 1, upcoming 1.   D2: on time 4, late 1, overdue 1, upcoming 0.
#
# Annual documentation (contracts requiring social dialogue: K01, K08, K09); the k-th
# documentation row in date order meets the k-th anniversary:
#
# | contract | k | due        | met (k-th doc) | as of D            | as of D2           |
# |----------|---|------------|----------------|--------------------|--------------------|
# | K01      | 1 | 2024-08-31 | 2024-08-20     | upcoming (met > D) | on time            |
# | K01      | 2 | 2025-08-31 | -              | upcoming           | upcoming           |
# | K01      | 3 | 2026-08-31 | -              | upcoming           | upcoming (= end)   |
# | K08      | 1 | 2023-03-15 | 2023-03-10     | on time            | on time            |
# | K08      | 2 | 2024-03-15 | 2024-03-01     | on time            | on time            |
# | K08      | 3 | 2025-03-15 | -              | upcoming (1st > D) | overdue            |
# | K08      | 4 | 2026-03-15 | -              | (not yet a deadline)| upcoming (1st > D2)|
# | K09      | 1 | 2025-01-10 | 2025-02-03     | upcoming (met > D) | late               |
# | K09      | 2 | 2026-01-10 | -              | upcoming           | upcoming           |
# K09's 3rd anniversary 2027-01-10 is past its end 2027-01-09: no deadline. In file order K08's
# rows would give k1 late and k2 on time; date order gives both on time.
# D:  on time 2, late 0, overdue 0, upcoming 6.   D2: on time 3, late 1, overdue 1, upcoming 4.
#
# Action plan (findings with a due date; met on closed_date; findings of audits after the date
# are left out):
#
# | finding | audit (date)    | due        | closed     | as of D             | as of D2   |
# |---------|-----------------|------------|------------|---------------------|------------|
# | A1      | R1 (2024-03-15) | 2024-04-30 | 2024-04-25 | on time             | on time    |
# | A2      | R1              | 2024-05-31 | -          | overdue             | overdue    |
# | A3      | R1              | 2024-04-15 | 2024-07-05 | overdue (closed > D)| late       |
# | A4      | R2 (2023-06-01) | -          | -          | no deadline         | no deadline|
# | A5      | R3 (2024-05-20) | 2024-08-31 | -          | upcoming            | overdue    |
# | A6      | R4 (2024-08-15) | 2024-09-30 | -          | left out (R4 > D)   | overdue    |
# | A7      | R2              | 2023-09-01 | 2023-10-15 | late                | late       |
# D:  on time 1, late 1, overdue 2, upcoming 1.   D2: on time 1, late 2, overdue 3, upcoming 0.
#
# Milestones:
#
# | milestone | contract | due        | met        | as of D               | as of D2 |
# |-----------|----------|------------|------------|-----------------------|----------|
# | M1        | K11      | 2024-03-31 | 2024-03-31 | on time (met = due)   | on time  |
# | M2        | K04      | 2024-03-01 | 2024-03-20 | late                  | late     |
# | M3        | K09      | 2024-09-15 | -          | upcoming              | overdue  |
# | M4        | K07      | 2024-06-30 | -          | upcoming (due = D)    | overdue  |
# D:  on time 1, late 1, overdue 0, upcoming 2.   D2: on time 1, late 1, overdue 2, upcoming 0.
#
# Deadline totals (social dialogue + annual + action plan + milestones):
# D:  on time 3+2+1+1 = 7, late 1+0+1+1 = 3, overdue 1+0+2+0 = 3, upcoming 1+6+1+2 = 10 (23).
# D2: on time 4+3+1+1 = 9, late 1+1+2+1 = 5, overdue 1+1+3+2 = 7, upcoming 0+4+0+0 = 4 (25).
#
# Findings (audits after the date and their findings left out; open unless closed_date <= date):
#
# | finding | severity    | as of D                    | as of D2                   |
# |---------|-------------|----------------------------|----------------------------|
# | A1      | major       | closed                     | closed                     |
# | A2      | minor       | open, overdue (05-31 < D)  | open, overdue              |
# | A3      | critical    | open (closed 07-05 > D), overdue (04-15) | closed       |
# | A4      | observation | open, no due date          | open, no due date          |
# | A5      | major       | open, due 08-31 >= D       | open, overdue              |
# | A6      | critical    | left out (R4 2024-08-15)   | open, overdue (09-30)      |
# | A7      | minor       | closed                     | closed                     |
# D:  open 4, open_overdue 2; critical 1, major 2, minor 2, observation 1.
# D2: open 4, open_overdue 3; critical 2, major 2, minor 2, observation 1.

# As of D all eleven contracts are in force: K10 on its first day, K03 on its last.
SUMMARY_D = {
    "as_of": D,
    "agency": None,
    "contracts": 11,
    "oslo_model": {
        "part1": {"relevant": 4, "covered": 2, "coverage": 0.5},
        "part2": {"relevant": 5, "covered": 4, "coverage": 0.8},
    },
    "factories": {
        "total": 9,
        "central": 7,
        "by_status": {"not_started": 3, "planned": 1, "in_progress": 3, "implemented": 2},
    },
    "deadlines": {"met_on_time": 7, "met_late": 3, "overdue": 3, "upcoming": 10},
    "findings": {
        "open": 4,
        "open_overdue": 2,
        "by_severity": {"critical": 1, "major": 2, "minor": 2, "observation": 1},
    },
}

# As of D2 K03, K07 and K11 have ended (see the table of periods); in force: K01, K02, K04, K05,
# K06, K08, K09, K10 -> 8 contracts.
#   part 1: K02 covered, K10 covered (K03 and K11 gone)                  -> 2, 2, 1.0
#   part 2: K01, K08, K09 covered, K04 not (K07 gone)                    -> 4, 3, 0.75
#   factories: all hang on K01, K06, K08, K09, in force -> as for D: 9, 7, same statuses
#   deadlines: social dialogue, documentation and action plan all hang on K01, K08, K09: as in
#     the D2 columns above (4,1,1,0; 3,1,1,4; 1,2,3,0). Milestones: M1 (K11) and M4 (K07) left
#     out; M2 (K04) late, M3 (K09) overdue -> 0, 1, 1, 0.
#     on time 4+3+1+0 = 8, late 1+1+2+1 = 5, overdue 1+1+3+1 = 6, upcoming 0+4+0+0 = 4.
#   findings: audits R1-R4 are on K01, K08, K09: as in the D2 column above.
SUMMARY_D2 = {
    **SUMMARY_D,
    "as_of": D2,
    "contracts": 8,
    "oslo_model": {
        "part1": {"relevant": 2, "covered": 2, "coverage": 1.0},
        "part2": {"relevant": 4, "covered": 3, "coverage": 0.75},
    },
    "deadlines": {"met_on_time": 8, "met_late": 5, "overdue": 6, "upcoming": 4},
    "findings": {
        "open": 4,
        "open_overdue": 3,
        "by_severity": {"critical": 2, "major": 2, "minor": 2, "observation": 1},
    },
}

# Sykehjemsetaten as of D: owns nothing; its only accepted call-off is on K09 (the K12 call-off
# is parent_rejected, the K08 one negative, and the duplicate K02 row naming it as owner is the
# rejected later row). Selected: K09 and what hangs on it.
#
# | figure     | rows                                                        | result          |
# |------------|-------------------------------------------------------------|-----------------|
# | contracts  | K09                                                         | 1               |
# | part 1     | K09 is `Tekstiler`: not relevant                            | 0, 0, null      |
# | part 2     | K09 high risk 1 250 000, clauses `1`                        | 1, 1, 1.0       |
# | factories  | IN-404 (in_progress, c), PK-112 (not_started), TR-220 (in_progress, c) | 3, 2 |
# | deadlines  | SD IN-404 upcoming, TR-220 on time; annual K09 k1, k2 upcoming;         |  |
# |            | action plan A5 upcoming (A9 rejected); milestone M3 upcoming | 1, 0, 0, 5     |
# | findings   | A5 (major, open, due 2024-08-31 >= D)                       | open 1, overdue 0 |
SUMMARY_D_SYKEHJEM = {
    "as_of": D,
    "agency": SYKEHJEM,
    "contracts": 1,
    "oslo_model": {
        "part1": {"relevant": 0, "covered": 0, "coverage": None},
        "part2": {"relevant": 1, "covered": 1, "coverage": 1.0},
    },
    "factories": {
        "total": 3,
        "central": 2,
        "by_status": {"not_started": 1, "planned": 0, "in_progress": 2, "implemented": 0},
    },
    "deadlines": {"met_on_time": 1, "met_late": 0, "overdue": 0, "upcoming": 5},
    "findings": {
        "open": 1,
        "open_overdue": 0,
        "by_severity": {"critical": 0, "major": 1, "minor": 0, "observation": 0},
    },
}

# Bydel Grünerløkka as of D: owns K02, K03, K06, K07, K10; call-offs on K09 and K04 -> 7.
#
# | figure     | rows                                                            | result       |
# |------------|-----------------------------------------------------------------|--------------|
# | part 1     | K02 covered, K03 not, K10 (override) covered                    | 3, 2, 0.6667 |
# | part 2     | K04 (blank clauses) not, K07 (override) covered, K09 covered;   | 3, 2, 0.6667 |
# |            | K06 override `nei`                                              |              |
# | factories  | CN-017/K06 (not_started, c); IN-404 (in_progress, c),           | 4, 3         |
# |            | PK-112 (not_started), TR-220/K09 (in_progress, c)               |              |
# | deadlines  | SD: IN-404 upcoming, TR-220 on time (K06 requires none);        |              |
# |            | annual: K09 k1, k2 upcoming; action plan: A5 upcoming (R7 on    |              |
# |            | K03 rejected); milestones: M2 (K04) late, M3 (K09) upcoming,    |              |
# |            | M4 (K07, due = D) upcoming                                      | 1, 1, 0, 6   |
# | findings   | A5 (major, open, not overdue)                                   | 1, 0         |
SUMMARY_D_GRUNERLOKKA = {
    "as_of": D,
    "agency": GRUNERLOKKA,
    "contracts": 7,
    "oslo_model": {
        "part1": {"relevant": 3, "covered": 2, "coverage": 0.6667},
        "part2": {"relevant": 3, "covered": 2, "coverage": 0.6667},
    },
    "factories": {
        "total": 4,
        "central": 3,
        "by_status": {"not_started": 2, "planned": 0, "in_progress": 2, "implemented": 0},
    },
    "deadlines": {"met_on_time": 1, "met_late": 1, "overdue": 0, "upcoming": 6},
    "findings": {
        "open": 1,
        "open_overdue": 0,
        "by_severity": {"critical": 0, "major": 1, "minor": 0, "observation": 0},
    },
}

# UKE as of D: owns K01, K04, K05, K08, K09, K11 (K12 rejected); no call-offs -> 6.
#
# | figure     | rows                                                            | result       |
# |------------|-----------------------------------------------------------------|--------------|
# | part 1     | K11 (Renhold 300 000, blank clauses) not covered                | 1, 0, 0.0    |
# | part 2     | K01, K08, K09 covered; K04 not; K05 below 500 000               | 4, 3, 0.75   |
# | factories  | all but CN-017/K06: BD-001/K01, CN-017/K01, TR-220/K01,         | 8, 6         |
# |            | BD-001/K08, VN-031/K08, IN-404, PK-112, TR-220/K09              |              |
# |            | not_started 2 (TR-220/K01, PK-112), planned 1, in_progress 3,   |              |
# |            | implemented 2                                                   |              |
# | deadlines  | SD all six: 3, 1, 1, 1; annual all: 2, 0, 0, 6; action plan all |              |
# |            | (R1, R2, R3 are UKE's): 1, 1, 2, 1; milestones M1 on time,      |              |
# |            | M2 late, M3 upcoming (M4 is K07's): 1, 1, 0, 1                  | 7, 3, 3, 9   |
# | findings   | all findings hang on UKE contracts: as in SUMMARY_D             | 4, 2         |
SUMMARY_D_UKE = {
    "as_of": D,
    "agency": UKE,
    "contracts": 6,
    "oslo_model": {
        "part1": {"relevant": 1, "covered": 0, "coverage": 0.0},
        "part2": {"relevant": 4, "covered": 3, "coverage": 0.75},
    },
    "factories": {
        "total": 8,
        "central": 6,
        "by_status": {"not_started": 2, "planned": 1, "in_progress": 3, "implemented": 2},
    },
    "deadlines": {"met_on_time": 7, "met_late": 3, "overdue": 3, "upcoming": 9},
    "findings": {
        "open": 4,
        "open_overdue": 2,
        "by_severity": {"critical": 1, "major": 2, "minor": 2, "observation": 1},
    },
}

# The days around D, all agencies (see the table of periods). The factories, findings and
# everything but the milestones and social dialogue deadlines are as for D.
#
# 2024-06-29, the day before K10 starts: 10 contracts (K03 in force, its last day is D).
#   part 1: K02 covered, K03 not, K11 not (K10 not yet)                     -> 3, 1, 0.3333
#   part 2: as for D (K10 and K03 are not part 2 relevant)                   -> 5, 4, 0.8
#   social dialogue: BD-001/K01 on time, CN-017/K01 late, BD-001/K08 on time, VN-031 overdue;
#     IN-404 (met 07-01) and TR-220/K09 (met 06-30) both met after the date, due 07-10:
#     upcoming                                                                -> 2, 1, 1, 2
#   documentation: as for D (K08 k3 is due: its k2 anniversary 2024-03-15 <= date) -> 2, 0, 0, 6
#   action plan: as for D (A1 on time, A7 late, A2 and A3 overdue, A5 upcoming) -> 1, 1, 2, 1
#   milestones: M1 on time, M2 late, M3 upcoming, M4 (due 06-30 >= date) upcoming -> 1, 1, 0, 2
#   -> on time 2+2+1+1 = 6, late 1+0+1+1 = 3, overdue 1+0+2+0 = 3, upcoming 2+6+1+2 = 11.
SUMMARY_BEFORE = {
    **SUMMARY_D,
    "as_of": D_BEFORE,
    "contracts": 10,
    "oslo_model": {
        "part1": {"relevant": 3, "covered": 1, "coverage": 0.3333},
        "part2": {"relevant": 5, "covered": 4, "coverage": 0.8},
    },
    "deadlines": {"met_on_time": 6, "met_late": 3, "overdue": 3, "upcoming": 11},
}

# 2024-07-01, the day after K03 ended: 10 contracts (K10 in force).
#   part 1: K02 covered, K10 covered (override), K11 not (K03 gone)         -> 3, 2, 0.6667
#   part 2: as for D                                                          -> 5, 4, 0.8
#   social dialogue: IN-404 met 07-01 <= date and <= due 07-10: on time; TR-220/K09 on time
#                                                                             -> 4, 1, 1, 0
#   documentation: as for D                                                   -> 2, 0, 0, 6
#   action plan: A3 closed 07-05 > date: still overdue; as for D            -> 1, 1, 2, 1
#   milestones: M4 due 06-30 < date, not met: overdue; M3 upcoming           -> 1, 1, 1, 1
#   -> on time 4+2+1+1 = 8, late 1+0+1+1 = 3, overdue 1+0+2+1 = 4, upcoming 0+6+1+1 = 8.
SUMMARY_AFTER = {
    **SUMMARY_D,
    "as_of": D_AFTER,
    "contracts": 10,
    "oslo_model": {
        "part1": {"relevant": 3, "covered": 2, "coverage": 0.6667},
        "part2": {"relevant": 5, "covered": 4, "coverage": 0.8},
    },
    "deadlines": {"met_on_time": 8, "met_late": 3, "overdue": 4, "upcoming": 8},
}

# Bydel Grünerløkka on the days around D: it owns K02, K03, K06, K07, K10 and has call-offs on
# K04 and K09 (7 as of D, see SUMMARY_D_GRUNERLOKKA). Its factories hang on K06 and K09: as of D.
# 2024-06-29: K10 not yet -> 6 contracts; part 1 K02 covered, K03 not -> 2, 1, 0.5; part 2 K04
#   not, K07 and K09 covered -> 3, 2, 0.6667. Deadlines: SD IN-404 and TR-220/K09 met after the
#   date: upcoming 2; documentation K09 k1, k2 upcoming; action plan A5 upcoming; milestones
#   M2 late, M3 and M4 (due 06-30) upcoming -> 0, 1, 0, 2+2+1+2 = 7. Findings: A5 open, not due.
# 2024-07-01: K03 gone, K10 in -> 6 contracts; part 1 K02, K10 covered -> 2, 2, 1.0; part 2 as
#   before. Deadlines: SD IN-404 (met 07-01) and TR-220 on time 2; documentation 2 upcoming;
#   A5 upcoming; M2 late, M3 upcoming, M4 overdue -> 2, 1, 1, 2+1+1 = 4. Findings: as before.
SUMMARY_BEFORE_GRUNERLOKKA = {
    **SUMMARY_D_GRUNERLOKKA,
    "as_of": D_BEFORE,
    "contracts": 6,
    "oslo_model": {
        "part1": {"relevant": 2, "covered": 1, "coverage": 0.5},
        "part2": {"relevant": 3, "covered": 2, "coverage": 0.6667},
    },
    "deadlines": {"met_on_time": 0, "met_late": 1, "overdue": 0, "upcoming": 7},
}
SUMMARY_AFTER_GRUNERLOKKA = {
    **SUMMARY_D_GRUNERLOKKA,
    "as_of": D_AFTER,
    "contracts": 6,
    "oslo_model": {
        "part1": {"relevant": 2, "covered": 2, "coverage": 1.0},
        "part2": {"relevant": 3, "covered": 2, "coverage": 0.6667},
    },
    "deadlines": {"met_on_time": 2, "met_late": 1, "overdue": 1, "upcoming": 4},
}

# Before any contract starts nothing is in force: every count 0, coverage null.
SUMMARY_NONE = {
    "as_of": D_NONE,
    "agency": None,
    "contracts": 0,
    "oslo_model": {
        "part1": {"relevant": 0, "covered": 0, "coverage": None},
        "part2": {"relevant": 0, "covered": 0, "coverage": None},
    },
    "factories": {
        "total": 0,
        "central": 0,
        "by_status": {
            "not_reported": 0,
            "not_started": 0,
            "planned": 0,
            "in_progress": 0,
            "implemented": 0,
        },
    },
    "deadlines": {"met_on_time": 0, "met_late": 0, "overdue": 0, "upcoming": 0},
    "findings": {
        "open": 0,
        "open_overdue": 0,
        "by_severity": {"critical": 0, "major": 0, "minor": 0, "observation": 0},
    },
}

# 2025-06-01: K06 ended 2025-05-31 and K10 2025-04-30 (and K03, K07, K11 earlier); in force
# K01, K02, K04, K05, K08, K09 -> 6. A factory leaves with its contract: CN-017/K06 (central,
# not started) is gone. Factories: K01 BD-001 (c, implemented), CN-017 (c, in progress),
# TR-220 (not central, not started); K08 BD-001 (c, implemented), VN-031 (c, planned); K09
# IN-404 (c, in progress), PK-112 (blank, not started), TR-220 (c, in progress)
#   -> 8, central 6; not started 2, planned 1, in progress 3, implemented 2.
# Part 1: K02 covered -> 1, 1, 1.0. Part 2: K01, K08, K09 covered, K04 not -> 4, 3, 0.75.
SUMMARY_JUNE_2025 = {
    "as_of": "2025-06-01",
    "agency": None,
    "contracts": 6,
    "oslo_model": {
        "part1": {"relevant": 1, "covered": 1, "coverage": 1.0},
        "part2": {"relevant": 4, "covered": 3, "coverage": 0.75},
    },
    "factories": {
        "total": 8,
        "central": 6,
        "by_status": {
            "not_reported": 0,
            "not_started": 2,
            "planned": 1,
            "in_progress": 3,
            "implemented": 2,
        },
    },
}

SUMMARY_CASES = [
    pytest.param(D, None, SUMMARY_D, id="all-D"),
    pytest.param(D2, None, SUMMARY_D2, id="all-D2"),
    pytest.param(D_BEFORE, None, SUMMARY_BEFORE, id="all-day-before-a-start"),
    pytest.param(D_AFTER, None, SUMMARY_AFTER, id="all-day-after-an-end"),
    pytest.param(D_NONE, None, SUMMARY_NONE, id="all-before-any-start"),
    pytest.param("2025-06-01", None, SUMMARY_JUNE_2025, id="all-after-factories-contract-ended"),
    pytest.param(D_BEFORE, GRUNERLOKKA, SUMMARY_BEFORE_GRUNERLOKKA, id="agency-day-before"),
    pytest.param(D_AFTER, GRUNERLOKKA, SUMMARY_AFTER_GRUNERLOKKA, id="agency-day-after"),
    pytest.param(D, SYKEHJEM, SUMMARY_D_SYKEHJEM, id="calloff-only-agency-D"),
    pytest.param(D, GRUNERLOKKA, SUMMARY_D_GRUNERLOKKA, id="owner-and-calloff-agency-D"),
    pytest.param(D, UKE, SUMMARY_D_UKE, id="owner-agency-D"),
]

# ---------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def run_json(run_cli):
    """run_json(*args) -> (the finished command, the one JSON object it printed)."""

    def run(*args: str | Path) -> tuple[subprocess.CompletedProcess[str], dict]:
        proc = run_cli(*args)
        try:
            payload = json.loads(proc.stdout)
        except json.JSONDecodeError:
            pytest.fail(
                f"not one JSON object on stdout (rc {proc.returncode}):\n{proc.stdout}\n"
                f"stderr:\n{proc.stderr}"
            )
        return proc, payload

    return run


@pytest.fixture(scope="session")
def import_json(run_json):
    """import_json(*paths, db=, strict=False) -> (exit status, the import report)."""

    def run(*paths: Path, db: Path, strict: bool = False) -> tuple[int, dict]:
        extra = ["--strict"] if strict else []
        proc, payload = run_json("import", *paths, "--db", db, "--json", *extra)
        return proc.returncode, payload

    return run


@pytest.fixture(scope="session")
def summary(run_json):
    """summary(db, as_of, agency=None) -> `summary --json`'s figures."""

    def run(db: Path, as_of: str, agency: str | None = None) -> dict:
        agency_args = ["--agency", agency] if agency else []
        proc, payload = run_json("summary", "--as-of", as_of, *agency_args, "--db", db, "--json")
        assert proc.returncode == 0, proc.stderr
        return payload

    return run


def project(actual, expected):
    """The part of `actual` that has the contract's shape: extra keys are allowed."""
    if isinstance(expected, dict) and isinstance(actual, dict):
        return {
            k: project(actual[k], v) if k in actual else "<missing>" for k, v in expected.items()
        }
    return actual


def assert_counts_are_integers(actual, expected, path="") -> None:
    # "Counts are integers": 7.0 would be a wrong type even though 7.0 == 7 in Python.
    if isinstance(expected, dict):
        for k, v in expected.items():
            assert_counts_are_integers(actual[k], v, f"{path}.{k}")
    elif isinstance(expected, int) and not isinstance(expected, bool):
        assert type(actual) is int, f"{path} should be an integer, got {actual!r}"


def fold(name: str) -> str:
    """Fold a header the contract's way, to compare column names in messages."""
    name = name.lower().replace("æ", "ae").replace("ø", "o").replace("å", "a")
    for ch in " -":
        name = name.replace(ch, "_")
    return name


def snapshot(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mtime_ns


# ---------------------------------------------------------------------------------------------
# The same rows as an XLSX workbook
# ---------------------------------------------------------------------------------------------

SHEET_NAME = {
    "kontrakter.csv": "Kontrakter",
    "fabrikker.csv": "Fabrikker",
    "revisjoner.csv": "Revisjoner",
    "avvik.csv": "Avvik",
    "dokumentasjon.csv": "Dokumentasjon",
    "frister.csv": "Frister",
    "avrop.csv": "Avrop",
    "virksomheter.csv": "Virksomheter",
}
# The fixture's own headers whose cells become native Excel dates / numeric cells.
DATE_HEADERS = {
    "Startdato",
    "Sluttdato",
    "Dialog startet",
    "Revisjonsdato",
    "Frist",
    "Lukket dato",
    "Mottatt dato",
    "Oppfylt dato",
}
NUMBER_HEADERS = {
    "VERDI NOK",
    "Breddegrad",
    "Lengdegrad",
    "Antall arbeidere",
    "Arbeidere opplært",
    "År",
    "Beløp NOK",
}
WORKBOOK = "etikk_eksport.xlsx"


def _excel_date(text: str):
    for fmt in ("%d.%m.%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            pass
    return text  # e.g. 31.02.2024 stays text, so it is still a bad date


def _excel_number(text: str):
    s = text.replace("\u00a0", " ").strip()
    for unit in (" kr", " NOK"):
        s = s.removesuffix(unit)
    s = s.replace(" ", "")
    if "," in s:
        s = s.replace(".", "").replace(",", ".")
    try:
        number = float(s)
    except ValueError:
        return text  # e.g. `ca. 1 mill` stays text, so it is still a bad number
    return int(number) if number.is_integer() else number


def _excel_cell(header: str, text: str):
    if text == "":
        return None
    if header in DATE_HEADERS:
        return _excel_date(text)
    if header in NUMBER_HEADERS:
        return _excel_number(text)
    return text  # ids, org numbers, yes/no and enumerations stay text


def build_workbook(path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for file, (encoding, delimiter) in FILE_FORMAT.items():
        text = (FIXTURE / file).read_text(encoding=encoding)
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
        header, data = rows[0], rows[1:]
        ws = wb.create_sheet(SHEET_NAME[file])
        ws.append(header)
        for row in data:
            ws.append([_excel_cell(h, v) for h, v in zip(header, row, strict=True)])
    wb.save(path)


# ---------------------------------------------------------------------------------------------
# Fixtures: import once per module
# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def csv_import(tmp_path_factory, import_json):
    db = tmp_path_factory.mktemp("csv") / "etikk.duckdb"
    rc, report = import_json(FIXTURE, db=db)
    return db, rc, report


@pytest.fixture(scope="module")
def xlsx_import(tmp_path_factory, import_json):
    folder = tmp_path_factory.mktemp("xlsx")
    workbook = folder / WORKBOOK
    build_workbook(workbook)
    db = folder / "etikk.duckdb"
    rc, report = import_json(workbook, db=db)
    return db, rc, report


# ---------------------------------------------------------------------------------------------
# Import tests
# ---------------------------------------------------------------------------------------------


def test_expected_rejects_cover_every_reason():
    # A check on this file's own table: one row at least for every reason code.
    assert {code for _, _, _, code, _ in EXPECTED_REJECTS} == ALL_CODES


def test_csv_import_is_accepted(csv_import):
    _, rc, report = csv_import
    assert rc == 0, report
    assert not report.get("refused")
    assert isinstance(report["import_id"], int)


def test_csv_imported_counts(csv_import):
    _, _, report = csv_import
    assert report["imported"] == EXPECTED_IMPORTED


def test_csv_rejects_exact(csv_import):
    _, _, report = csv_import
    actual = sorted((r["table"], r["file"], r["line"], r["code"]) for r in report["rejected"])
    expected = sorted((t, f, line, code) for t, f, line, code, _ in EXPECTED_REJECTS)
    assert actual == expected


@pytest.mark.parametrize(
    "table, file, line, code, column",
    EXPECTED_REJECTS,
    ids=[f"{f}:{line}:{code}" for _, f, line, code, _ in EXPECTED_REJECTS],
)
def test_csv_reject_column(csv_import, table, file, line, code, column):
    _, _, report = csv_import
    hits = [
        r for r in report["rejected"] if (r["file"], r["line"], r["code"]) == (file, line, code)
    ]
    assert len(hits) == 1, hits
    hit = hits[0]
    assert hit["table"] == table
    if column is not None:
        assert hit["column"] == column
    assert hit["reason"], "every reject carries a human-readable reason"
    if (file, line) in EXPECTED_REJECT_VALUES:
        assert hit["value"] == EXPECTED_REJECT_VALUES[(file, line)]


def test_csv_files_report(csv_import):
    _, _, report = csv_import
    by_file = {f["file"]: f for f in report["files"]}
    assert set(by_file) == set(EXPECTED_FILES)
    for file, (table, read, imported, rejected) in EXPECTED_FILES.items():
        entry = by_file[file]
        assert entry["sheet"] is None, file
        assert entry["table"] == table, file
        assert (entry["rows_read"], entry["rows_imported"], entry["rows_rejected"]) == (
            read,
            imported,
            rejected,
        ), file
        assert entry["rows_imported"] + entry["rows_rejected"] == entry["rows_read"], file
    # The one unknown column, `Kommentar`, is kept aside and reported; nothing else is unknown
    # (every other header is a canonical name or alias in some spelling).
    assert [c.lower() for c in by_file["kontrakter.csv"]["unknown_columns"]] == ["kommentar"]
    for file in set(EXPECTED_FILES) - {"kontrakter.csv"}:
        assert by_file[file]["unknown_columns"] == [], file


# ---------------------------------------------------------------------------------------------
# Key figures
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("as_of, agency, expected", SUMMARY_CASES)
def test_csv_summary(csv_import, summary, as_of, agency, expected):
    db, rc, _ = csv_import
    assert rc == 0
    actual = summary(db, as_of, agency)
    assert project(actual, expected) == expected
    assert_counts_are_integers(actual, expected)


# ---------------------------------------------------------------------------------------------
# The XLSX form: same rows, same figures, same rejects (lines are sheet rows)
# ---------------------------------------------------------------------------------------------


def test_xlsx_import_is_accepted(xlsx_import):
    _, rc, report = xlsx_import
    assert rc == 0, report
    assert report["imported"] == EXPECTED_IMPORTED


def test_xlsx_rejects_exact(xlsx_import):
    _, _, report = xlsx_import
    actual = sorted(
        (r["table"], r["file"], r["line"], r["code"], r["column"])
        for r in report["rejected"]
        if r["code"] != "parent_rejected"
    )
    expected = sorted(
        (t, WORKBOOK, line, code, col)
        for t, _, line, code, col in EXPECTED_REJECTS
        if code != "parent_rejected"
    )
    assert actual == expected
    parents = sorted(
        (r["table"], r["file"], r["line"])
        for r in report["rejected"]
        if r["code"] == "parent_rejected"
    )
    assert parents == sorted(
        (t, WORKBOOK, line) for t, _, line, code, _ in EXPECTED_REJECTS if code == "parent_rejected"
    )


def test_xlsx_files_report(xlsx_import):
    _, _, report = xlsx_import
    by_sheet = {f["sheet"]: f for f in report["files"]}
    assert set(by_sheet) == set(SHEET_NAME.values())
    for file, (table, read, imported, rejected) in EXPECTED_FILES.items():
        entry = by_sheet[SHEET_NAME[file]]
        assert entry["file"] == WORKBOOK
        assert entry["table"] == table
        assert (entry["rows_read"], entry["rows_imported"], entry["rows_rejected"]) == (
            read,
            imported,
            rejected,
        ), file


@pytest.mark.parametrize("as_of, agency, expected", SUMMARY_CASES)
def test_xlsx_summary(xlsx_import, summary, as_of, agency, expected):
    db, rc, _ = xlsx_import
    assert rc == 0
    actual = summary(db, as_of, agency)
    assert project(actual, expected) == expected
    assert_counts_are_integers(actual, expected)


# ---------------------------------------------------------------------------------------------
# Refused imports leave the database exactly as it was
# ---------------------------------------------------------------------------------------------


@pytest.fixture
def good_db_copy(csv_import, tmp_path):
    """A private copy of the imported database, so a faulty refusal cannot spoil the others."""
    db, rc, _ = csv_import
    assert rc == 0
    copy = tmp_path / "copy.duckdb"
    shutil.copyfile(db, copy)
    return copy


def test_refused_unknown_table(good_db_copy, tmp_path, import_json):
    bad = tmp_path / "bad"
    bad.mkdir()
    unknown = bad / "leverandorer.csv"  # not a table name in English or Norwegian
    unknown.write_text("Leverandør;Orgnr\nTekstil Nord AS;974760673\n", encoding="utf-8")
    before = snapshot(good_db_copy)
    # The good fixture in the same import: refusal is all-or-nothing.
    rc, report = import_json(FIXTURE, unknown, db=good_db_copy)
    assert rc == 2
    assert report["refused"] is True
    assert any(e["file"] == "leverandorer.csv" for e in report["errors"]), report
    assert snapshot(good_db_copy) == before


def test_refused_missing_required_columns(good_db_copy, tmp_path, import_json):
    bad = tmp_path / "bad"
    bad.mkdir()
    factories = bad / "fabrikker.csv"
    # `Land` (country) and `Status sosial dialog` (dialogue_status) are required and missing.
    factories.write_text(
        "Fabrikk-ID;Kontrakt-ID;Fabrikknavn;By\nBD-001;K01;Dhaka Garments Ltd;Dhaka\n",
        encoding="utf-8",
    )
    before = snapshot(good_db_copy)
    rc, report = import_json(FIXTURE / "kontrakter.csv", factories, db=good_db_copy)
    assert rc == 2
    assert report["refused"] is True
    errors = [e for e in report["errors"] if e["file"] == "fabrikker.csv"]
    assert len(errors) == 1, report
    error = errors[0]
    # The contract does not say whether columns are named canonically or by their Norwegian
    # alias; either is a correct naming, a mix of missing and present ones is not.
    named = {fold(c) for c in error["columns"]}
    assert named in ({"country", "dialogue_status"}, {"land", "status_sosial_dialog"}), error
    message = fold(error["message"])
    assert "fabrikker" in message
    for canonical, alias in (("country", "land"), ("dialogue_status", "status_sosial_dialog")):
        assert canonical in message or alias in message, error["message"]
    assert snapshot(good_db_copy) == before


def test_refused_import_creates_no_database(tmp_path, import_json):
    unknown = tmp_path / "leverandorer.csv"
    unknown.write_text("Leverandør;Orgnr\nTekstil Nord AS;974760673\n", encoding="utf-8")
    db = tmp_path / "new.duckdb"
    rc, report = import_json(unknown, db=db)
    assert rc == 2
    assert report["refused"] is True
    assert not db.exists()


def test_strict_refuses_fixture_and_changes_nothing(good_db_copy, tmp_path, import_json):
    # The fixture has rejected rows, so --strict must refuse the whole import.
    before = snapshot(good_db_copy)
    rc, report = import_json(FIXTURE, db=good_db_copy, strict=True)
    assert rc == 2
    assert report["refused"] is True
    assert snapshot(good_db_copy) == before

    fresh = tmp_path / "strict-new.duckdb"
    rc, report = import_json(FIXTURE, db=fresh, strict=True)
    assert rc == 2
    assert not fresh.exists()
