"""Deterministic demo data: a realistic Oslo kommune, and a small deliberately messy export.

`generate` writes one clean CSV per table of the export contract (canonical headers, `;`, UTF-8,
ISO dates, `ja`/`nei`). Everything comes from `random.Random(seed)` and fixed dates, never the
clock, so the same scale and seed give byte-identical files. The world is cut into blocks of
about 10 000 rows: block 0 holds the featured cases (UKE's framework agreement for work clothes
from DFØ's published case, and a few deliberately bad ones); every further block is another
independently drawn Oslo whose ids carry a `-NNN` suffix, so `scale=N` is N blocks, written row
by row as they are drawn.

`write_messy` copies the small messy export committed in data/demo-messy/ (shaped as a
municipality's Excel writes it, with a README in Norwegian naming every bad row on purpose, so
a user can compare it with the reject report).
"""

from __future__ import annotations

import csv
import math
import random
import re
import shutil
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from etikkmonitor.schema import TABLE_ORDER, TABLES

# The demo export was taken on this day: nothing in it happens later, while deadlines may.
EXPORT_DATE = date(2026, 11, 25)
RANDOM_CONTRACTS_PER_BLOCK = 345

# ---------------------------------------------------------------------------------------------
# The world: agencies, categories, countries
# ---------------------------------------------------------------------------------------------

FIN = "Byrådsavdeling for finans"
HEO = "Byrådsavdeling for helse, eldre og innbyggertjenester"
OPK = "Byrådsavdeling for oppvekst og kunnskap"
MOS = "Byrådsavdeling for miljø og samferdsel"
KIF = "Byrådsavdeling for kultur, idrett og frivillighet"
NOE = "Byrådsavdeling for næring og eierskap"
AIS = "Byrådsavdeling for arbeid, integrering og sosiale tjenester"
BYU = "Byrådsavdeling for byutvikling"


@dataclass(frozen=True)
class Agency:
    name: str
    code: str  # prefix of the agency's contract ids
    type: str
    department: str
    quality: float  # how well it follows up ethical requirements, 0..1
    weight: int  # how many contracts it owns, relatively


AGENCIES: tuple[Agency, ...] = (
    Agency("Utviklings- og kompetanseetaten", "UKE", "etat", FIN, 0.90, 60),
    Agency("Bymiljøetaten", "BYM", "etat", MOS, 0.80, 18),
    Agency("Sykehjemsetaten", "SYE", "etat", HEO, 0.85, 15),
    Agency("Helseetaten", "HEL", "etat", HEO, 0.60, 8),
    Agency("Utdanningsetaten", "UDE", "etat", OPK, 0.70, 18),
    Agency("Velferdsetaten", "VEL", "etat", AIS, 0.50, 8),
    Agency("Renovasjons- og gjenvinningsetaten", "REG", "etat", MOS, 0.75, 8),
    Agency("Vann- og avløpsetaten", "VAV", "etat", MOS, 0.70, 10),
    Agency("Brann- og redningsetaten", "BRE", "etat", FIN, 0.65, 7),
    Agency("Kulturetaten", "KUL", "etat", KIF, 0.30, 6),
    Agency("Barne- og familieetaten", "BFE", "etat", OPK, 0.55, 6),
    Agency("Plan- og bygningsetaten", "PBE", "etat", BYU, 0.60, 5),
    Agency("Eiendoms- og byfornyelsesetaten", "EBY", "etat", BYU, 0.45, 6),
    Agency("Bydel Alna", "BAL", "bydel", HEO, 0.40, 7),
    Agency("Bydel Bjerke", "BBJ", "bydel", HEO, 0.55, 7),
    Agency("Bydel Frogner", "BFR", "bydel", HEO, 0.80, 7),
    Agency("Bydel Gamle Oslo", "BGO", "bydel", HEO, 0.50, 7),
    Agency("Bydel Grorud", "BGR", "bydel", HEO, 0.35, 7),
    Agency("Bydel Grünerløkka", "BGA", "bydel", HEO, 0.65, 7),
    Agency("Bydel Nordre Aker", "BNA", "bydel", HEO, 0.75, 7),
    Agency("Bydel Nordstrand", "BNS", "bydel", HEO, 0.60, 7),
    Agency("Bydel Sagene", "BSA", "bydel", HEO, 0.70, 7),
    Agency("Bydel St. Hanshaugen", "BSH", "bydel", HEO, 0.55, 7),
    Agency("Bydel Stovner", "BST", "bydel", HEO, 0.25, 7),
    Agency("Bydel Søndre Nordstrand", "BSN", "bydel", HEO, 0.45, 7),
    Agency("Bydel Ullern", "BUL", "bydel", HEO, 0.70, 7),
    Agency("Bydel Vestre Aker", "BVA", "bydel", HEO, 0.60, 7),
    Agency("Bydel Østensjø", "BOS", "bydel", HEO, 0.50, 7),
    Agency("Oslobygg KF", "OBY", "foretak", NOE, 0.85, 16),
    Agency("Boligbygg Oslo KF", "BBY", "foretak", NOE, 0.50, 8),
    Agency("Oslo Havn KF", "OHV", "foretak", NOE, 0.30, 5),
)
_AGENCY = {a.code: a for a in AGENCIES}


@dataclass(frozen=True)
class Category:
    name: str
    high_risk: bool  # on DFØ's high-risk list
    part1: bool  # labour-crime exposed (Oslo model part 1 by default)
    dialogue: bool  # social dialogue can sensibly be required (factory work)
    countries: tuple[tuple[str, int], ...]  # where factories are, with weights
    workers: tuple[int, int]
    titles: tuple[str, ...]
    stems: tuple[str, ...]  # for supplier names


CATEGORIES: tuple[Category, ...] = (
    Category(
        "Arbeidstøy, fottøy og tekstil",
        True,
        False,
        True,
        (
            ("BD", 30),
            ("CN", 20),
            ("IN", 12),
            ("VN", 10),
            ("PK", 8),
            ("TR", 8),
            ("KH", 6),
            ("LK", 5),
            ("PT", 6),
        ),
        (150, 5000),
        (
            "arbeidsklær og vernesko",
            "uniformer",
            "profilklær",
            "sengetøy og håndklær",
            "arbeidsklær for driftspersonell",
            "tekstiler til sykehjem",
            "brannbekledning",
        ),
        ("Arbeidstøy", "Profilklær", "Workwear", "Tekstil", "Uniform"),
    ),
    Category(
        "IKT-utstyr",
        True,
        False,
        True,
        (("CN", 40), ("TW", 15), ("VN", 15), ("MY", 15), ("MX", 15)),
        (800, 20000),
        (
            "PC-er og nettbrett",
            "skjermer og dokkingstasjoner",
            "mobiltelefoner",
            "nettverksutstyr",
            "elev-PC-er",
            "servere og lagring",
        ),
        ("IT", "Data", "Teknologi", "IT-Partner"),
    ),
    Category(
        "Medisinsk forbruksmateriell",
        True,
        False,
        True,
        (("MY", 30), ("TH", 20), ("CN", 30), ("PK", 20)),
        (200, 6000),
        (
            "medisinsk forbruksmateriell",
            "inkontinensprodukter",
            "sårbehandlingsprodukter",
            "kirurgiske instrumenter",
            "sprøyter og kanyler",
        ),
        ("Medical", "Medisinsk", "Helseprodukter", "Care"),
    ),
    Category(
        "Hansker og verneutstyr",
        True,
        False,
        True,
        (("MY", 40), ("TH", 25), ("CN", 25), ("PK", 10)),
        (300, 8000),
        ("engangshansker", "personlig verneutstyr", "smittevernutstyr", "vernehansker og hjelmer"),
        ("Verneutstyr", "Sikkerhet", "Safety", "Hansker"),
    ),
    Category(
        "Møbler",
        True,
        False,
        False,
        (("PL", 40), ("LT", 30), ("CN", 30)),
        (40, 700),
        (
            "kontormøbler",
            "skolemøbler",
            "møbler til sykehjem",
            "barnehagemøbler",
            "utemøbler og parkbenker",
        ),
        ("Møbler", "Interiør", "Inventar"),
    ),
    Category(
        "Leker og sportsutstyr",
        True,
        False,
        True,
        (("CN", 60), ("PK", 20), ("VN", 20)),
        (100, 3000),
        (
            "leker til barnehager",
            "sports- og idrettsutstyr",
            "lekeplassutstyr",
            "baller og ballsportutstyr",
        ),
        ("Leker", "Sport", "Lek og Læring"),
    ),
    Category(
        "Matvarer (kaffe, te, kakao, frukt)",
        True,
        False,
        False,
        (("BR", 20), ("CO", 20), ("ET", 15), ("CI", 15), ("GH", 15), ("CR", 15)),
        (40, 2000),
        (
            "kaffe, te og kakao",
            "frukt og grønt",
            "bananer og tropisk frukt",
            "dagligvarer til sykehjem",
            "matvarer til barnehager",
        ),
        ("Kaffe", "Frukt", "Mat", "Engros"),
    ),
    Category(
        "Byggevarer og naturstein",
        True,
        False,
        False,
        (("CN", 45), ("IN", 35), ("VN", 20)),
        (30, 500),
        ("granittkantstein", "naturstein og brostein", "byggevarer", "fasadestein"),
        ("Stein", "Byggevare", "Granitt"),
    ),
    Category(
        "Solcellepaneler",
        True,
        False,
        True,
        (("CN", 70), ("VN", 15), ("MY", 15)),
        (500, 9000),
        ("solcellepaneler", "solcelleanlegg på formålsbygg"),
        ("Sol", "Solenergi", "Solkraft"),
    ),
    Category(
        "Kontorrekvisita",
        True,
        False,
        False,
        (("CN", 50), ("VN", 25), ("IN", 25)),
        (80, 1500),
        ("kontorrekvisita", "skolemateriell", "papir og kontorartikler"),
        ("Kontor", "Kontorrekvisita", "Skole og Kontor"),
    ),
    Category(
        "Rengjøringsmidler og papirprodukter",
        True,
        False,
        False,
        (("ID", 30), ("MY", 25), ("CN", 25), ("SE", 20)),
        (100, 2500),
        ("rengjøringsmidler", "tørkepapir og toalettpapir", "renholdsartikler"),
        ("Hygiene", "Papir", "Renholdsprodukter"),
    ),
    Category(
        "Elektronikk og batterier",
        True,
        False,
        True,
        (("CN", 45), ("KR", 15), ("VN", 15), ("MY", 10), ("MX", 10), ("TW", 5)),
        (500, 15000),
        ("batterier", "elektronikk og hvitevarer", "lysarmaturer og LED", "ladere og kabler"),
        ("Elektro", "Batteri", "Elektronikk"),
    ),
    Category(
        "Bygg og anlegg",
        False,
        True,
        False,
        (),
        (0, 0),
        (
            "rehabilitering av {place} skole",
            "nybygg {place} barnehage",
            "vann- og avløpsledninger {place}",
            "asfaltering {place}",
            "ombygging {place} sykehjem",
            "tømrer- og snekkertjenester",
        ),
        ("Bygg", "Entreprenør", "Anlegg", "Byggmester"),
    ),
    Category(
        "Renhold",
        False,
        True,
        False,
        (),
        (0, 0),
        (
            "renholdstjenester",
            "vinduspuss",
            "renhold av skoler",
            "renhold av barnehager",
            "renhold {place} bydelshus",
        ),
        ("Renhold", "Rengjøring", "Service"),
    ),
    Category(
        "Konsulenttjenester",
        False,
        False,
        False,
        (),
        (0, 0),
        (
            "rådgivning innen IKT",
            "revisjonstjenester",
            "juridisk bistand",
            "organisasjonsutvikling",
            "arkitekttjenester",
        ),
        ("Rådgivning", "Consulting", "Analyse"),
    ),
    Category(
        "Transport",
        False,
        False,
        False,
        (),
        (0, 0),
        (
            "skoleskyss",
            "transport av hjelpemidler",
            "budtjenester",
            "tilrettelagt transport",
            "massetransport",
        ),
        ("Transport", "Taxi", "Logistikk", "Buss"),
    ),
    Category(
        "Vakttjenester",
        False,
        False,
        False,
        (),
        (0, 0),
        ("vektertjenester", "vakthold og sikring", "resepsjonstjenester"),
        ("Vakt", "Sikkerhet", "Security"),
    ),
)
_CATEGORY = {c.name: c for c in CATEGORIES}

# What each agency buys most (category short name -> weight); bydeler share one profile.
_BUYS: dict[str, dict[str, int]] = {
    "UKE": {
        "Arbeidstøy": 12,
        "IKT": 10,
        "Medisinsk": 6,
        "Hansker": 6,
        "Møbler": 6,
        "Leker": 4,
        "Matvarer": 5,
        "Kontorrekvisita": 5,
        "Rengjøringsmidler": 4,
        "Elektronikk": 5,
        "Solcellepaneler": 2,
        "Konsulenttjenester": 8,
        "Transport": 3,
        "Renhold": 2,
    },
    "BYM": {
        "Bygg": 10,
        "Transport": 5,
        "Arbeidstøy": 4,
        "Byggevarer": 6,
        "Møbler": 2,
        "Solcellepaneler": 1,
        "Vakttjenester": 2,
        "Konsulenttjenester": 3,
    },
    "SYE": {
        "Medisinsk": 8,
        "Hansker": 6,
        "Matvarer": 5,
        "Rengjøringsmidler": 4,
        "Renhold": 5,
        "Arbeidstøy": 6,
        "Møbler": 3,
    },
    "HEL": {"Medisinsk": 6, "Hansker": 4, "Konsulenttjenester": 4, "Vakttjenester": 3},
    "UDE": {"IKT": 8, "Møbler": 6, "Leker": 4, "Kontorrekvisita": 5, "Renhold": 5, "Bygg": 3},
    "VEL": {"Vakttjenester": 5, "Konsulenttjenester": 4, "Matvarer": 3, "Renhold": 3},
    "REG": {"Arbeidstøy": 5, "Transport": 6, "Hansker": 4, "Elektronikk": 3, "Bygg": 2},
    "VAV": {"Bygg": 10, "Arbeidstøy": 4, "Hansker": 3, "Byggevarer": 4},
    "BRE": {"Arbeidstøy": 6, "Hansker": 5, "Elektronikk": 3, "Transport": 2},
    "KUL": {"Møbler": 4, "IKT": 3, "Konsulenttjenester": 4, "Kontorrekvisita": 2},
    "BFE": {"Leker": 5, "Matvarer": 4, "Møbler": 3, "Renhold": 3, "Vakttjenester": 2},
    "PBE": {"Konsulenttjenester": 8, "IKT": 3},
    "EBY": {"Bygg": 6, "Byggevarer": 3, "Renhold": 3},
    "OBY": {
        "Bygg": 12,
        "Byggevarer": 5,
        "Solcellepaneler": 4,
        "Møbler": 4,
        "Renhold": 3,
        "Vakttjenester": 2,
    },
    "BBY": {"Bygg": 8, "Renhold": 4, "Byggevarer": 3, "Vakttjenester": 2},
    "OHV": {"Bygg": 6, "Vakttjenester": 4, "Elektronikk": 2, "Solcellepaneler": 2},
    "bydel": {
        "Matvarer": 6,
        "Leker": 5,
        "Møbler": 4,
        "Kontorrekvisita": 4,
        "Renhold": 5,
        "Rengjøringsmidler": 3,
        "Arbeidstøy": 4,
        "Konsulenttjenester": 2,
        "Transport": 3,
        "Medisinsk": 3,
        "Hansker": 2,
        "Vakttjenester": 1,
    },
}


def _short(category: str) -> str:
    """The first word of a category name: the key the tables here use."""
    return re.split(r"[\s,-]", category, maxsplit=1)[0]


def _profile(key: str) -> tuple[tuple[Category, ...], tuple[int, ...]]:
    cats, weights = [], []
    for short, weight in _BUYS[key].items():
        (cat,) = [c for c in CATEGORIES if _short(c.name) == short]
        cats.append(cat)
        weights.append(weight)
    return tuple(cats), tuple(weights)


_PROFILES = {key: _profile(key) for key in _BUYS}

# Where factories are: country -> (city, lat, lon); coordinates near the city.
CITIES: dict[str, tuple[tuple[str, float, float], ...]] = {
    "BD": (
        ("Dhaka", 23.81, 90.41),
        ("Gazipur", 24.00, 90.42),
        ("Narayanganj", 23.62, 90.50),
        ("Chattogram", 22.36, 91.78),
        ("Savar", 23.86, 90.27),
        ("Ashulia", 23.90, 90.31),
    ),
    "CN": (
        ("Guangzhou", 23.13, 113.26),
        ("Dongguan", 23.02, 113.75),
        ("Shenzhen", 22.54, 114.06),
        ("Ningbo", 29.87, 121.54),
        ("Shaoxing", 30.00, 120.58),
        ("Xiamen", 24.48, 118.09),
        ("Qingdao", 36.07, 120.38),
        ("Suzhou", 31.30, 120.59),
        ("Jinjiang", 24.78, 118.55),
        ("Foshan", 23.02, 113.12),
        ("Wuxi", 31.49, 120.31),
        ("Hefei", 31.82, 117.23),
        ("Nan'an", 24.96, 118.39),
        ("Zibo", 36.81, 118.05),
    ),
    "IN": (
        ("Tiruppur", 11.11, 77.34),
        ("Bengaluru", 12.97, 77.59),
        ("Noida", 28.54, 77.39),
        ("Ludhiana", 30.90, 75.86),
        ("Chennai", 13.08, 80.27),
        ("Ambur", 12.79, 78.72),
        ("Jalore", 25.35, 72.62),
        ("Kota", 25.21, 75.86),
    ),
    "VN": (
        ("Ho Chi Minh City", 10.82, 106.63),
        ("Hanoi", 21.03, 105.85),
        ("Bac Ninh", 21.19, 106.08),
        ("Thai Nguyen", 21.59, 105.85),
        ("Bien Hoa", 10.95, 106.82),
        ("Thu Dau Mot", 10.98, 106.65),
        ("Hai Phong", 20.84, 106.69),
        ("Quy Nhon", 13.78, 109.22),
    ),
    "PK": (
        ("Karachi", 24.86, 67.01),
        ("Lahore", 31.55, 74.34),
        ("Faisalabad", 31.42, 73.08),
        ("Sialkot", 32.49, 74.53),
    ),
    "TR": (
        ("Istanbul", 41.01, 28.98),
        ("Izmir", 38.42, 27.14),
        ("Bursa", 40.19, 29.06),
        ("Denizli", 37.78, 29.09),
        ("Gaziantep", 37.07, 37.38),
    ),
    "KH": (
        ("Phnom Penh", 11.56, 104.92),
        ("Kampong Speu", 11.45, 104.52),
        ("Sihanoukville", 10.63, 103.52),
    ),
    "LK": (("Colombo", 6.93, 79.86), ("Katunayake", 7.17, 79.88), ("Biyagama", 6.95, 79.99)),
    "PT": (
        ("Porto", 41.15, -8.61),
        ("Guimarães", 41.44, -8.29),
        ("Barcelos", 41.53, -8.62),
        ("Felgueiras", 41.36, -8.20),
    ),
    "TW": (
        ("Taipei", 25.03, 121.57),
        ("Hsinchu", 24.80, 120.97),
        ("Taichung", 24.15, 120.67),
        ("Kaohsiung", 22.63, 120.30),
    ),
    "MY": (
        ("Penang", 5.41, 100.33),
        ("Klang", 3.04, 101.45),
        ("Ipoh", 4.60, 101.09),
        ("Kulim", 5.36, 100.56),
        ("Johor Bahru", 1.49, 103.74),
        ("Shah Alam", 3.07, 101.52),
    ),
    "MX": (
        ("Guadalajara", 20.66, -103.35),
        ("Tijuana", 32.51, -117.04),
        ("Ciudad Juárez", 31.69, -106.42),
        ("Monterrey", 25.69, -100.32),
        ("Reynosa", 26.09, -98.28),
    ),
    "TH": (
        ("Hat Yai", 7.01, 100.47),
        ("Bangkok", 13.76, 100.50),
        ("Trang", 7.56, 99.61),
        ("Chonburi", 13.36, 100.98),
        ("Ayutthaya", 14.35, 100.57),
    ),
    "PL": (
        ("Swarzędz", 52.41, 17.08),
        ("Kępno", 51.28, 17.99),
        ("Poznań", 52.41, 16.93),
        ("Białystok", 53.13, 23.16),
    ),
    "LT": (
        ("Kaunas", 54.90, 23.90),
        ("Klaipėda", 55.70, 21.14),
        ("Vilnius", 54.69, 25.28),
        ("Šiauliai", 55.93, 23.31),
    ),
    "BR": (
        ("Varginha", -21.55, -45.43),
        ("Patrocínio", -18.94, -46.99),
        ("Petrolina", -9.39, -40.50),
        ("Franca", -20.54, -47.40),
    ),
    "CO": (
        ("Medellín", 6.24, -75.58),
        ("Armenia", 4.53, -75.68),
        ("Manizales", 5.07, -75.52),
        ("Santa Marta", 11.24, -74.20),
        ("Apartadó", 7.88, -76.63),
    ),
    "ET": (
        ("Addis Ababa", 9.03, 38.74),
        ("Jimma", 7.67, 36.83),
        ("Hawassa", 7.06, 38.48),
        ("Yirgalem", 6.75, 38.41),
    ),
    "CI": (
        ("San-Pédro", 4.75, -6.64),
        ("Abidjan", 5.36, -4.01),
        ("Soubré", 5.79, -6.61),
        ("Daloa", 6.88, -6.45),
    ),
    "GH": (("Kumasi", 6.69, -1.62), ("Takoradi", 4.90, -1.76), ("Tema", 5.67, -0.02)),
    "CR": (
        ("San José", 9.93, -84.08),
        ("Limón", 9.99, -83.03),
        ("Siquirres", 10.10, -83.51),
        ("Pital", 10.45, -84.28),
    ),
    "KR": (("Cheongju", 36.64, 127.49), ("Ulsan", 35.54, 129.31), ("Suwon", 37.26, 127.03)),
    "ID": (
        ("Medan", 3.59, 98.67),
        ("Pekanbaru", 0.51, 101.45),
        ("Tangerang", -6.18, 106.63),
        ("Serang", -6.12, 106.15),
    ),
    "SE": (("Sundsvall", 62.39, 17.31), ("Norrköping", 58.59, 16.18), ("Gävle", 60.67, 17.14)),
}

# Factory name parts: (words for the site, legal suffix) per country.
_FACTORY_SUFFIX = {
    "BD": "Ltd.",
    "CN": "Co., Ltd.",
    "IN": "Pvt. Ltd.",
    "VN": "Co., Ltd.",
    "PK": "(Pvt.) Ltd.",
    "TR": "A.Ş.",
    "KH": "Co., Ltd.",
    "LK": "(Pvt) Ltd",
    "PT": "Lda.",
    "TW": "Co., Ltd.",
    "MY": "Sdn. Bhd.",
    "MX": "S.A. de C.V.",
    "TH": "Co., Ltd.",
    "PL": "Sp. z o.o.",
    "LT": "UAB",
    "BR": "Ltda.",
    "CO": "S.A.S.",
    "ET": "PLC",
    "CI": "SA",
    "GH": "Ltd.",
    "CR": "S.A.",
    "KR": "Co., Ltd.",
    "ID": "PT",
    "SE": "AB",
}
_FACTORY_WORDS = {
    "Arbeidstøy": ("Apparels", "Garments", "Textiles", "Knitwear", "Fashions", "Footwear"),
    "IKT": ("Electronics", "Precision", "Technology", "Digital"),
    "Medisinsk": ("Medical", "Surgical", "Healthcare", "Medicare"),
    "Hansker": ("Gloves", "Rubber Products", "Latex", "Safety Products"),
    "Møbler": ("Furniture", "Wood", "Interiors"),
    "Leker": ("Toys", "Sports Goods", "Play"),
    "Matvarer": ("Coffee Cooperative", "Cocoa Growers", "Fruit Export", "Farms", "Tea Estates"),
    "Byggevarer": ("Granite", "Stone", "Quarry"),
    "Solcellepaneler": ("Solar", "Photovoltaic", "New Energy"),
    "Kontorrekvisita": ("Stationery", "Paper Products", "Office Supplies"),
    "Rengjøringsmidler": ("Pulp & Paper", "Chemicals", "Hygiene"),
    "Elektronikk": ("Battery", "Electronics", "Power", "Lighting"),
}
_FACTORY_NAMES = (
    "Golden",
    "Pacific",
    "Sunrise",
    "Evergreen",
    "Delta",
    "Lotus",
    "Harmony",
    "Orient",
    "Star",
    "Royal",
    "United",
    "Green Valley",
    "Silver",
    "Eastern",
    "Crown",
    "Phoenix",
    "Jade",
    "Apex",
    "Summit",
    "Rainbow",
    "Ocean",
    "Unity",
    "Prime",
    "Bright",
    "Grand",
    "Nova",
    "Horizon",
)

_PREFIXES = (
    "Nordisk",
    "Norsk",
    "Fjord",
    "Viken",
    "Polar",
    "Nord",
    "Vest",
    "Skandinavisk",
    "Aker",
    "Romerike",
    "Follo",
    "Trygg",
    "Solid",
    "Berg",
    "Nordlys",
    "Fjell",
    "Kyst",
    "Oslo",
    "Akershus",
    "Grønland",
    "Bjørk",
    "Furu",
    "Granitt",
    "Lyng",
    "Nordre",
    "Søndre",
    "Sentrum",
    "Midgard",
)
_SURNAMES = (
    "Hansen",
    "Johansen",
    "Olsen",
    "Larsen",
    "Andersen",
    "Pedersen",
    "Nilsen",
    "Kristiansen",
    "Jensen",
    "Karlsen",
    "Berg",
    "Haugen",
    "Hagen",
    "Bakken",
    "Dahl",
    "Lie",
    "Moen",
    "Strand",
)
_REGIONS = ("Norge", "Øst", "Oslo", "Viken", "Skandinavia", "Nord", "Innlandet")
_PLACES = (
    "Tøyen",
    "Furuset",
    "Holmlia",
    "Sagene",
    "Majorstuen",
    "Grorud",
    "Bjølsen",
    "Kampen",
    "Lambertseter",
    "Ullevål",
    "Årvoll",
    "Bøler",
    "Romsås",
    "Mortensrud",
    "Skøyen",
    "Vålerenga",
    "Lindeberg",
    "Tåsen",
    "Ris",
    "Hasle",
    "Haugerud",
    "Stovner",
    "Ammerud",
    "Manglerud",
)

TOOLS = ("Quizrr", "TAOS", "WE Program")
PARTNERS = ("Etisk Handel Norge", "amfori", "Fair Wear")
DESK_AUDITORS = (
    "Utviklings- og kompetanseetaten",
    "Etisk Handel Norge",
    "PwC",
    "Deloitte",
    "EY",
    "KPMG",
)
SITE_AUDITORS = ("Bureau Veritas", "SGS", "Intertek", "ELEVATE", "QIMA", "TÜV Rheinland")
PART1_AUDITORS = ("Utviklings- og kompetanseetaten, seriøsitetskontroll", "BDO", "Deloitte")

# Finding texts per area, Norwegian as an auditor writes them.
_FINDING_TEXT = {
    "forced_labour": (
        "Arbeidere har betalt rekrutteringsgebyr til agent og har gjeld til arbeidsgiver",
        "Pass og ID-papirer holdes tilbake av ledelsen",
        "Overtid pålagt under trussel om trekk i lønn",
        "Råvare kan ikke spores; risiko for tvangsarbeid i underleverandørledd",
    ),
    "child_labour": (
        "Mindreårige under 15 år funnet i produksjonen",
        "Manglende alderskontroll ved ansettelse",
        "Barnearbeid avdekket hos underleverandør i høstingen",
    ),
    "discrimination": (
        "Graviditetstest ved ansettelse",
        "Kvinner får lavere lønn for likt arbeid",
        "Migrantarbeidere får dårligere vilkår enn lokale ansatte",
    ),
    "freedom_of_association": (
        "Arbeidere hindres i å organisere seg",
        "Arbeiderrepresentanter utpekt av ledelsen uten valg",
        "Ingen fungerende arbeiderkomité",
    ),
    "wages": (
        "Lønn under lovfestet minstelønn",
        "Overtid ikke kompensert i henhold til lov",
        "Forsinket lønnsutbetaling",
        "Lønnsslipper mangler",
    ),
    "working_hours": (
        "Arbeidstid over 60 timer per uke i høysesong",
        "Mangler én fridag per uke",
        "Overtid er ikke frivillig",
    ),
    "health_safety": (
        "Nødutganger blokkert",
        "Mangelfullt verneutstyr ved kjemikaliehåndtering",
        "Brannøvelser ikke gjennomført",
        "Manglende førstehjelpsutstyr",
        "Elektriske installasjoner ikke sikret",
    ),
    "social_dialogue": (
        "Sosial dialog ikke startet innen fristen",
        "Opplæring av arbeidere i rettigheter ikke dokumentert",
        "Arbeiderkomité ikke etablert",
    ),
    "management_system": (
        "Leverandør mangler rutiner for aktsomhetsvurderinger",
        "Ingen ansvarlig person for etisk handel hos leverandør",
        "Mangelfull risikovurdering av leverandørkjeden",
    ),
    "documentation": (
        "Mangelfull oversikt over produksjonssteder",
        "Egenerklæring om etiske krav ikke levert",
        "Sporbarhet til råvare ikke dokumentert",
        "Timelister ufullstendige",
    ),
    "other": (
        "Underleverandør ikke meldt til oppdragsgiver",
        "Uklar eierstruktur hos underleverandør",
        "Avvik fra miljøkrav i kontrakten",
    ),
}
_PART1_TEXT = {
    "wages": ("Lønn under allmenngjort minstelønn", "Manglende overtidstillegg"),
    "working_hours": ("Brudd på arbeidstidsbestemmelsene", "Manglende turnusplaner"),
    "health_safety": ("Manglende HMS-kort på byggeplass", "Mangelfull sikring av arbeid i høyden"),
    "documentation": ("Manglende timelister", "Arbeidskontrakter ikke skriftlige"),
    "management_system": ("Ingen rutine for kontroll av underleverandører",),
    "other": ("Flere enn to ledd underleverandører", "Lærlingkrav ikke oppfylt"),
    "freedom_of_association": ("Ansatte frarådet å melde seg inn i fagforening",),
    "discrimination": ("Innleide arbeidere får dårligere vilkår enn faste ansatte",),
    "forced_labour": (
        "Indikasjoner på tvangsarbeid: arbeidere bor hos arbeidsgiver og skylder husleie",
    ),
    "child_labour": ("Mindreårig uten arbeidstillatelse på byggeplass",),
}

AREAS = tuple(TABLES["findings"].column("area").values)
SEVERITIES = tuple(TABLES["findings"].column("severity").values)

_SEVERITY_BY_AREA = {
    "forced_labour": (6, 3, 0.5, 0.2),
    "child_labour": (7, 2, 0.3, 0.2),
    "discrimination": (0.3, 4, 4, 1),
    "freedom_of_association": (0.5, 5, 3, 1),
    "wages": (0.5, 5, 4, 1),
    "working_hours": (0.2, 4, 5, 2),
    "health_safety": (1, 5, 6, 3),
    "social_dialogue": (0, 5, 3, 1),
    "management_system": (0, 2, 5, 4),
    "documentation": (0, 1, 5, 5),
    "other": (0, 1, 3, 5),
}
# Area weights per kind of audit, in the order of AREAS.
_AREA_WEIGHTS = {
    "onsite": (2, 1.5, 4, 6, 12, 14, 18, 3, 6, 6, 3),
    "desk": (1, 0.3, 1, 2, 3, 3, 2, 1, 10, 12, 2),
    "part1": (0.5, 0.1, 1, 1, 10, 8, 10, 0, 4, 10, 5),
}
# Known hotspots: (category short name, country) -> extra weight on an area.
_HOTSPOTS = {
    ("Solcellepaneler", "CN"): ("forced_labour", 8),
    ("Hansker", "MY"): ("forced_labour", 6),
    ("Medisinsk", "MY"): ("forced_labour", 4),
    ("Matvarer", "CI"): ("child_labour", 10),
    ("Matvarer", "GH"): ("child_labour", 8),
    ("Byggevarer", "IN"): ("child_labour", 6),
    ("Leker", "PK"): ("child_labour", 4),
    ("Medisinsk", "PK"): ("child_labour", 3),
    ("Arbeidstøy", "BD"): ("health_safety", 10),
}


# ---------------------------------------------------------------------------------------------
# Small helpers
# ---------------------------------------------------------------------------------------------

_MOD11_WEIGHTS = (3, 2, 7, 6, 5, 4, 3, 2)


def orgnr_check_digit(first8: str) -> int | None:
    """The Norwegian MOD11 check digit for the first eight digits, None when none exists."""
    r = sum(int(d) * w for d, w in zip(first8, _MOD11_WEIGHTS, strict=True)) % 11
    check = 0 if r == 0 else 11 - r
    return None if check == 10 else check


def _add_months(d: date, months: int) -> date:
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    for day in (d.day, 30, 29, 28):  # clamp the 31st to the month's last day
        try:
            return date(year, month, day)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def _fmt(v: object) -> str:
    if v is None:
        return ""
    if type(v) is str:  # the common case first: this runs for every cell
        return v
    if isinstance(v, bool):  # before int: bool is an int
        return "ja" if v else "nei"
    if isinstance(v, date):
        return v.isoformat()
    if isinstance(v, float):
        # Callers round (money to øre, coordinates to 5 decimals); repr is the shortest form.
        return str(int(v)) if v.is_integer() else repr(v)
    return str(v)


class _Out:
    """One csv writer per table; rows are written as they are drawn, never collected."""

    def __init__(self, out_dir: Path, stack: ExitStack):
        self.writers = {}
        self.columns = {}
        self.counts = {}
        for name in TABLE_ORDER:
            # Closed by the caller's ExitStack, which ruff does not see through.
            path = out_dir / f"{name}.csv"
            f = stack.enter_context(open(path, "w", encoding="utf-8", newline=""))  # noqa: SIM115
            self.writers[name] = csv.writer(f, delimiter=";", lineterminator="\n")
            self.columns[name] = TABLES[name].column_names
            self.writers[name].writerow(self.columns[name])
            self.counts[name] = 0

    def write(self, table: str, **row: object) -> None:
        unknown = row.keys() - set(self.columns[table])
        if unknown:
            raise KeyError(f"{table}: {sorted(unknown)}")
        self.writers[table].writerow([_fmt(row.get(c)) for c in self.columns[table]])
        self.counts[table] += 1

    def fast(self, table: str, *names: str):
        """A writer for the hottest table: takes formatted strings in the order of `names`."""
        unknown = set(names) - set(self.columns[table])
        if unknown:
            raise KeyError(f"{table}: {sorted(unknown)}")
        pos = [names.index(c) if c in names else None for c in self.columns[table]]
        writerow = self.writers[table].writerow
        counts = self.counts

        def emit(*values: str) -> None:
            writerow([values[i] if i is not None else "" for i in pos])
            counts[table] += 1

        return emit


@dataclass
class _Supplier:
    name: str
    org_nr: str
    quality: float


@dataclass
class _Factory:
    factory_id: str
    name: str
    country: str
    city: str
    lat: float | None
    lon: float | None
    workers: int


@dataclass
class _Contract:
    contract_id: str
    agency: Agency
    category: Category
    supplier: _Supplier
    value: float
    start: date
    end: date | None
    framework: bool
    part1: bool  # relevant, after the default rule
    part1_clauses: bool | None
    part2: bool
    part2_clauses: bool | None
    dialogue: bool


# ---------------------------------------------------------------------------------------------
# One block of the world
# ---------------------------------------------------------------------------------------------


class _Block:
    def __init__(self, rng: random.Random, block: int, out: _Out, used_orgnr: set[str]):
        self.r = rng
        self.sfx = "" if block == 0 else f"-{block:03d}"
        self.out = out
        self.used_orgnr = used_orgnr
        self.contract_ids: set[str] = set()
        self.seq: dict[tuple[str, int], int] = {}
        self.audit_seq: dict[int, int] = {}
        self.milestone_n = 0
        self.factory_ids: set[str] = set()
        self.suppliers: dict[str, list[_Supplier]] = {}
        self.supplier_names: set[str] = set()
        self.factory_pool: dict[str, list[_Factory]] = {}
        self.agency_weights = [a.weight for a in AGENCIES]

    # -- ids ------------------------------------------------------------------------------------

    def contract_id(self, code: str, year: int) -> str:
        n = self.seq.get((code, year), 0)
        while True:
            n += self.r.randint(1, 6)
            cid = f"{code}-{year}-{n:04d}{self.sfx}"
            if cid not in self.contract_ids:
                self.seq[(code, year)] = n
                self.contract_ids.add(cid)
                return cid

    def reserve(self, cid: str) -> str:
        cid += self.sfx
        assert cid not in self.contract_ids, cid
        self.contract_ids.add(cid)
        return cid

    def audit_id(self, year: int) -> str:
        n = self.audit_seq.get(year, 0) + 1
        self.audit_seq[year] = n
        return f"REV-{year}-{n:04d}{self.sfx}"

    def milestone_id(self) -> str:
        self.milestone_n += 1
        return f"FR-{self.milestone_n:05d}{self.sfx}"

    def org_nr(self) -> str:
        while True:
            first8 = str(self.r.choice((8, 9))) + f"{self.r.randrange(10**7):07d}"
            check = orgnr_check_digit(first8)
            nr = f"{first8}{check}"
            if check is not None and nr not in self.used_orgnr:
                self.used_orgnr.add(nr)
                return nr

    def factory_id(self, country: str, year: int) -> str:
        # Open Supply Hub style: country, year, day of year, seven characters.
        alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"
        while True:
            tail = "".join(self.r.choice(alphabet) for _ in range(7))
            fid = f"{country}{year}{self.r.randint(1, 365):03d}{tail}"
            if fid not in self.factory_ids:
                self.factory_ids.add(fid)
                return fid

    # -- parties --------------------------------------------------------------------------------

    def supplier(self, cat: Category) -> _Supplier:
        pool = self.suppliers.setdefault(cat.name, [])
        if len(pool) < 3 or self.r.random() < 0.3:
            name = self.supplier_name(cat)
            s = _Supplier(name, self.org_nr(), round(self.r.uniform(0.1, 1.0), 2))
            pool.append(s)
            return s
        return self.r.choice(pool)

    def supplier_name(self, cat: Category) -> str:
        r = self.r
        for _ in range(1000):
            stem = r.choice(cat.stems)
            u = r.random()
            if u < 0.45:
                name = f"{r.choice(_PREFIXES)} {stem} AS"
            elif u < 0.8:
                name = f"{r.choice(_SURNAMES)} {stem} AS"
            else:
                name = f"{stem} {r.choice(_REGIONS)} AS"
            if name not in self.supplier_names:
                self.supplier_names.add(name)
                return name
        # The name space is spent (only in huge categories): number the company.
        name = f"{r.choice(_PREFIXES)} {r.choice(cat.stems)} {len(self.supplier_names)} AS"
        self.supplier_names.add(name)
        return name

    def new_factory(self, cat: Category, year: int, country: str | None = None) -> _Factory:
        r = self.r
        if country is None:
            countries, weights = zip(*cat.countries, strict=True)
            country = r.choices(countries, weights)[0]
        city, lat, lon = r.choice(CITIES[country])
        words = _FACTORY_WORDS[_short(cat.name)]
        name = f"{r.choice(_FACTORY_NAMES)} {r.choice(words)} {_FACTORY_SUFFIX[country]}"
        if r.random() < 0.15:  # no coordinates: the map places it by country
            flat = flon = None
        else:
            flat = round(lat + r.uniform(-0.08, 0.08), 5)
            flon = round(lon + r.uniform(-0.08, 0.08), 5)
        lo, hi = cat.workers
        workers = int(math.exp(r.uniform(math.log(lo), math.log(hi))))
        return _Factory(self.factory_id(country, year), name, country, city, flat, flon, workers)

    def factory(self, cat: Category, year: int) -> _Factory:
        pool = self.factory_pool.setdefault(cat.name, [])
        if pool and self.r.random() < 0.2:  # the same factory serves several contracts
            return self.r.choice(pool)
        f = self.new_factory(cat, year)
        pool.append(f)
        return f

    # -- the random world -----------------------------------------------------------------------

    def random_contract(self) -> None:
        r = self.r
        agency = r.choices(AGENCIES, self.agency_weights)[0]
        cats, weights = _PROFILES.get(agency.code) or _PROFILES[agency.type]
        cat = r.choices(cats, weights)[0]
        p_framework = {"etat": 0.3, "bydel": 0.08, "foretak": 0.35}[agency.type]
        framework = r.random() < (0.85 if agency.code == "UKE" else p_framework)
        year = r.choices(range(2018, 2027), (8, 10, 11, 12, 13, 13, 13, 12, 8))[0]
        if framework:
            start = date(year, r.randint(1, 12), 1)
            end = _add_months(start, 12 * r.choice((2, 3, 4, 4))) - timedelta(days=1)
        else:
            start = date(year, 1, 1) + timedelta(days=r.randrange(365))
            end = start + timedelta(days=r.randint(60, 1100))
        if r.random() < 0.05:
            end = None
        value = self.value(agency, framework)
        title = r.choice(cat.titles).replace("{place}", r.choice(_PLACES))
        title = f"Rammeavtale {title}" if framework else title[0].upper() + title[1:]

        q = agency.quality
        high_risk: bool | None = cat.high_risk if r.random() > 0.03 else None
        # Oslo model part 1: mostly left to the default rule, sometimes decided explicitly.
        p1_explicit: bool | None = None
        if cat.name in ("Transport", "Vakttjenester") and value >= 100_000 and r.random() < 0.4:
            p1_explicit = True
        elif cat.part1 and r.random() < 0.08:
            p1_explicit = value >= 50_000
        part1 = p1_explicit if p1_explicit is not None else cat.part1 and value >= 100_000
        part1_clauses = self.clauses(part1, q)
        # Part 2 likewise: some agencies apply it below the threshold, a few opt out above it.
        p2_explicit: bool | None = None
        if high_risk and value < 500_000 and r.random() < 0.12:
            p2_explicit = True
        elif high_risk and value >= 500_000 and r.random() < 0.06:
            p2_explicit = r.random() < 0.5
        part2 = p2_explicit if p2_explicit is not None else bool(high_risk) and value >= 500_000
        part2_clauses = self.clauses(part2, q)
        dialogue: bool | None = None
        if part2 and cat.dialogue and framework and part2_clauses and start >= date(2019, 6, 1):
            dialogue = r.random() < (0.6 if agency.code == "UKE" else 0.3)
        elif part2 and r.random() < 0.5:
            dialogue = False

        c = _Contract(
            self.contract_id(agency.code, start.year),
            agency,
            cat,
            self.supplier(cat),
            value,
            start,
            end,
            framework,
            part1,
            part1_clauses,
            part2,
            part2_clauses,
            bool(dialogue),
        )
        self.write_contract(c, title, high_risk, p1_explicit, p2_explicit, dialogue)
        factories = self.random_factories(c)
        self.random_audits(c, factories)
        self.documentation(c)
        self.milestones(c, factories)
        self.calloffs(c)

    def value(self, agency: Agency, framework: bool) -> float:
        r = self.r
        u = r.random()
        if agency.code == "UKE" and framework:  # joint agreements are large
            v = float(round(math.exp(r.uniform(math.log(2e6), math.log(3e8))), -4))
        elif u < 0.04:
            v = 100_000.0
        elif u < 0.10:
            v = 500_000.0
        elif u < 0.25:
            v = float(r.randrange(80_000, 125_000, 500))
        elif u < 0.45:
            v = float(r.randrange(420_000, 590_000, 1_000))
        else:
            top = 6e7 if framework else 2.5e7 if agency.type != "bydel" else 3e6
            v = float(round(math.exp(r.uniform(math.log(30_000), math.log(top))), -3))
        if r.random() < 0.08:
            v += r.choice((0.5, 0.25, 0.75, 0.4))
        return v

    def clauses(self, relevant: bool, q: float) -> bool | None:
        r = self.r
        if relevant:
            if r.random() < 0.5 + 0.48 * q:
                return True
            return None if r.random() < 0.6 else False  # blank counts as not covered
        u = r.random()
        return True if u < 0.08 else False if u < 0.3 else None

    def write_contract(
        self,
        c: _Contract,
        title: str,
        high_risk: bool | None,
        p1: bool | None,
        p2: bool | None,
        dialogue: bool | None,
    ) -> None:
        self.out.write(
            "contracts",
            contract_id=c.contract_id,
            title=title,
            agency=c.agency.name,
            supplier_org_nr=c.supplier.org_nr,
            supplier_name=c.supplier.name,
            category=c.category.name,
            high_risk=high_risk,
            value_nok=c.value,
            start_date=c.start,
            end_date=c.end,
            contract_type="framework" if c.framework else "single",
            oslo_part1_relevant=p1,
            oslo_part1_clauses=c.part1_clauses,
            oslo_part2_relevant=p2,
            oslo_part2_clauses=c.part2_clauses,
            social_dialogue_required=dialogue,
        )

    def diligence(self, c: _Contract) -> float:
        return 0.5 * c.supplier.quality + 0.5 * c.agency.quality

    def random_factories(self, c: _Contract) -> list[tuple[_Factory, bool]]:
        r = self.r
        cat = c.category
        if not cat.countries:
            return []
        if c.dialogue:
            n = r.randint(2, 4)
        elif c.part2 and r.random() < 0.6 or r.random() < 0.06:
            n = r.choices((1, 2, 3), (5, 3, 1))[0]
        else:
            return []
        n_central = min(n, r.choice((1, 2, 2, 3))) if c.dialogue else 0
        d = self.diligence(c)
        result, seen = [], set()
        for i in range(n):
            f = self.factory(cat, c.start.year)
            if f.factory_id in seen:
                continue
            seen.add(f.factory_id)
            if c.dialogue:
                central: bool | None = i < n_central
            else:
                u = r.random()
                central = True if u < 0.4 else False if u < 0.7 else None
            self.write_factory(c, f, central, d)
            result.append((f, bool(central)))
        return result

    def write_factory(self, c: _Contract, f: _Factory, central: bool | None, d: float) -> None:
        r = self.r
        started: date | None = None
        planned = False
        if c.dialogue and central:
            if d > 0.65:
                delay = r.randint(40, 200)  # mostly within the six months
            elif d > 0.4:
                delay = r.randint(150, 520)
            else:
                delay = None if r.random() < 0.6 else r.randint(400, 900)
            if delay is not None:
                started = c.start + timedelta(days=delay)
            planned = r.random() < 0.45
        else:  # nothing required: some suppliers start anyway
            u = r.random()
            if u < 0.35:
                started = c.start + timedelta(days=r.randint(60, 900))
            planned = r.random() < 0.3
        if started is not None and started > EXPORT_DATE:
            started = None
        if started is not None:
            old = (EXPORT_DATE - started).days > 240
            status = "implemented" if old and r.random() < 0.65 else "in_progress"
        else:
            status = "planned" if planned else "not_started"
        if central is None and status == "not_started":
            # a factory list that marks neither centrality nor status (export contract v2);
            # decided without a draw, so the rest of the world stays as it was
            status = "not_reported"
        trained = committee = tool = partner = None
        if status in ("in_progress", "implemented"):
            share = r.uniform(0.1, 0.6) if status == "in_progress" else r.uniform(0.6, 1.0)
            trained = int(f.workers * share)
            committee = r.random() < (0.85 if status == "implemented" else 0.4)
            tools = TOOLS + ("Amader Kotha",) if f.country == "BD" else TOOLS
            tool = r.choice(tools)
            u = r.random()
            fair_wear = _short(c.category.name) == "Arbeidstøy"
            partner = (
                "Etisk Handel Norge"
                if u < 0.3
                else "amfori"
                if u < 0.55
                else "Fair Wear"
                if u < 0.7 and fair_wear
                else None
            )
        elif status == "planned":
            tool = r.choice(TOOLS) if r.random() < 0.5 else None
            committee = False if r.random() < 0.5 else None
        self.out.write(
            "factories",
            factory_id=f.factory_id,
            contract_id=c.contract_id,
            factory_name=f.name,
            country=f.country,
            city=f.city,
            latitude=f.lat,
            longitude=f.lon,
            workers=f.workers,
            central=central,
            dialogue_status=status,
            dialogue_tool=tool,
            dialogue_started=started,
            workers_trained=trained,
            worker_committee=committee,
            partner=partner,
        )
        if committee and started is not None and r.random() < 0.6:
            due = _add_months(c.start, 12)
            met = started + timedelta(days=r.randint(30, 250))
            self.milestone(c, "Sosial dialog: arbeiderkomité valgt", due, met, f.factory_id)

    def random_audits(self, c: _Contract, factories: list[tuple[_Factory, bool]]) -> None:
        r = self.r
        q = c.agency.quality
        if factories:
            if r.random() < 0.25 + 0.5 * q + (0.2 if c.dialogue else 0):
                when = c.start + timedelta(days=r.randint(120, 540))
                self.audit(c, "desk", when, None, r.choice(DESK_AUDITORS))
            if r.random() < 0.15 + 0.35 * q:
                f, _ = r.choice(factories)
                when = c.start + timedelta(days=r.randint(200, 900))
                severe = self.audit(c, "onsite", when, f, r.choice(SITE_AUDITORS))
                if severe and r.random() < 0.6:
                    later = when + timedelta(days=r.randint(120, 360))
                    self.audit(c, "follow_up", later, f, r.choice(SITE_AUDITORS))
        elif c.part1 and r.random() < 0.12 + 0.2 * q:
            when = c.start + timedelta(days=r.randint(60, 500))
            kind = r.choice(("onsite", "desk"))
            self.audit(c, kind, when, None, r.choice(PART1_AUDITORS), part1=True)
        elif c.category.high_risk and c.part2 and r.random() < 0.1:
            when = c.start + timedelta(days=r.randint(120, 540))
            self.audit(c, "desk", when, None, r.choice(DESK_AUDITORS))

    def audit(
        self,
        c: _Contract,
        kind: str,
        when: date,
        f: _Factory | None,
        auditor: str,
        part1: bool = False,
    ) -> bool:
        """Write an audit and its findings; True when a critical or major finding came up."""
        if when > EXPORT_DATE:
            return False
        r = self.r
        aid = self.audit_id(when.year)
        self.out.write(
            "audits",
            audit_id=aid,
            contract_id=c.contract_id,
            factory_id=f.factory_id if f else None,
            audit_type=kind,
            audit_date=when,
            auditor=auditor,
        )
        n = {"desk": r.randint(0, 4), "onsite": r.randint(1, 7), "follow_up": r.randint(0, 2)}
        weights = list(_AREA_WEIGHTS["part1" if part1 else "desk" if kind == "desk" else "onsite"])
        if c.dialogue:
            weights[AREAS.index("social_dialogue")] += 8
        if f is not None:
            hotspot = _HOTSPOTS.get((_short(c.category.name), f.country))
            if hotspot:
                weights[AREAS.index(hotspot[0])] += hotspot[1]
        severe = False
        d = self.diligence(c)
        for k in range(1, n[kind] + 1):
            area = r.choices(AREAS, weights)[0]
            severity = r.choices(SEVERITIES, _SEVERITY_BY_AREA[area])[0]
            texts = _PART1_TEXT if part1 else _FINDING_TEXT
            description = r.choice(texts.get(area) or _FINDING_TEXT[area])
            severe = severe or severity in ("critical", "major")
            self.finding(f"{aid}-{k:02d}", aid, area, severity, description, when, d)
        return severe

    def finding(
        self, fid: str, aid: str, area: str, severity: str, text: str, when: date, d: float
    ) -> None:
        r = self.r
        due: date | None
        if severity == "critical":
            due = when + timedelta(days=r.randint(30, 45))
        elif severity == "major":
            due = when + timedelta(days=r.randint(60, 120))
        elif severity == "minor":
            due = when + timedelta(days=r.randint(90, 180))
        else:
            due = None if r.random() < 0.6 else when + timedelta(days=180)
        closed: date | None = None
        if r.random() < 0.25 + 0.7 * d:
            base = due or when + timedelta(days=r.randint(30, 300))
            slip = r.randint(-40, 5) if r.random() < 0.2 + 0.8 * d else r.randint(1, 260)
            closed = max(base + timedelta(days=slip), when + timedelta(days=7))
            if closed > EXPORT_DATE:
                closed = None
        status = "closed" if closed else r.choice(("open", "in_progress"))
        self.out.write(
            "findings",
            finding_id=fid,
            audit_id=aid,
            area=area,
            severity=severity,
            description=text,
            status=status,
            due_date=due,
            closed_date=closed,
        )

    def documentation(self, c: _Contract) -> None:
        """Annual documentation of social dialogue, for contracts that require it."""
        if not c.dialogue:
            return
        r = self.r
        d = self.diligence(c)
        k = 1
        while True:
            anniversary = _add_months(c.start, 12 * k)
            if anniversary > EXPORT_DATE or (c.end and anniversary > c.end):
                return
            if r.random() < 0.3 + 0.65 * d:
                late = r.random() > d
                shift = r.randint(11, 200) if late else r.randint(-45, 10)
                received = anniversary + timedelta(days=shift)
                if received <= EXPORT_DATE:
                    self.out.write(
                        "documentation", contract_id=c.contract_id, received_date=received
                    )
            k += 1

    def milestones(self, c: _Contract, factories: list[tuple[_Factory, bool]]) -> None:
        r = self.r
        if c.part2_clauses:
            self.maybe_met(c, "Egenerklæring om etiske krav levert", c.start + timedelta(days=30))
            if factories:
                text = "Oversikt over produksjonssteder (fabrikkliste) levert"
                self.maybe_met(c, text, c.start + timedelta(days=60))
            if r.random() < 0.5:
                last = c.end or _add_months(EXPORT_DATE, 12)
                for k in range(1, 5):
                    due = _add_months(c.start, 12 * k)
                    if due > last:
                        break
                    self.maybe_met(c, f"Årlig oppfølgingsmøte om etiske krav (år {k})", due)
        if c.part1_clauses:
            self.maybe_met(
                c, "Oversikt over underleverandører levert", c.start + timedelta(days=30)
            )
            text = "Dokumentasjon av lønns- og arbeidsvilkår (seriøsitetskrav)"
            self.maybe_met(c, text, c.start + timedelta(days=90))

    def maybe_met(self, c: _Contract, text: str, due: date, factory_id: str | None = None) -> None:
        r = self.r
        d = self.diligence(c)
        met: date | None = None
        if r.random() < 0.35 + 0.6 * d:
            on_time = r.random() < 0.25 + 0.75 * d
            shift = r.randint(-30, 0) if on_time else r.randint(1, 200)
            met = due + timedelta(days=shift)
        self.milestone(c, text, due, met, factory_id)

    def milestone(
        self, c: _Contract, text: str, due: date, met: date | None, factory_id: str | None = None
    ) -> None:
        if met is not None and met > EXPORT_DATE:
            met = None
        self.out.write(
            "milestones",
            milestone_id=self.milestone_id(),
            contract_id=c.contract_id,
            factory_id=factory_id,
            description=text,
            due_date=due,
            met_date=met,
        )

    def calloffs(self, c: _Contract, buyers: list[Agency] | None = None) -> None:
        """Call-offs (avrop) on framework agreements: single orders by year and agency."""
        if not c.framework or c.start > EXPORT_DATE:
            return
        r = self.r
        if buyers is None:
            if c.agency.code == "UKE":
                buyers = r.sample(AGENCIES, r.randint(10, len(AGENCIES)))
            else:
                others = [a for a in AGENCIES if a is not c.agency]
                buyers = [c.agency, *r.sample(others, r.randint(0, 4))]
        last_year = min((c.end or EXPORT_DATE).year, EXPORT_DATE.year)
        years = range(c.start.year, last_year + 1)
        shares = [r.uniform(0.2, 3.0) for _ in buyers]
        total = sum(shares)
        emit = self.out.fast("calloffs", "contract_id", "agency", "year", "amount_nok")
        for year in years:
            for agency, share in zip(buyers, shares, strict=True):
                if r.random() > 0.9:
                    continue
                amount = c.value / len(years) * share / total * r.uniform(0.6, 1.4)
                orders = 1 + int(r.random() * 3.2)  # 1..4 orders a year
                for _ in range(orders):
                    part = amount / orders * r.uniform(0.7, 1.3)
                    part = float(round(part)) if r.random() < 0.75 else round(part, 2)
                    emit(c.contract_id, agency.name, str(year), _fmt(part))

    # -- the featured cases ---------------------------------------------------------------------

    def featured(self) -> None:
        self.seed_case()
        self.textile_case()
        self.gloves_case()
        self.solar_case()
        self.cocoa_case()
        self.stone_case()

    def featured_contract(
        self,
        cid: str,
        title: str,
        code: str,
        supplier: str,
        category: str,
        value: float,
        start: date,
        end: date | None,
        dialogue: bool,
        framework: bool = True,
    ) -> _Contract:
        cat = _CATEGORY[category]
        s = _Supplier(supplier, self.org_nr(), 0.5)
        self.supplier_names.add(supplier)
        c = _Contract(
            self.reserve(cid),
            _AGENCY[code],
            cat,
            s,
            value,
            start,
            end,
            framework,
            False,
            None,
            True,
            True,
            dialogue,
        )
        self.write_contract(c, title, True, None, True, dialogue)
        return c

    def featured_factory(self, c: _Contract, f: _Factory, central: bool | None, **row) -> None:
        self.out.write(
            "factories",
            factory_id=f.factory_id,
            contract_id=c.contract_id,
            factory_name=f.name,
            country=f.country,
            city=f.city,
            latitude=f.lat,
            longitude=f.lon,
            workers=f.workers,
            central=central,
            **row,
        )

    def featured_audit(
        self, c: _Contract, kind: str, when: date, f: _Factory | None, auditor: str, findings
    ) -> None:
        aid = self.audit_id(when.year)
        self.out.write(
            "audits",
            audit_id=aid,
            contract_id=c.contract_id,
            factory_id=f.factory_id if f else None,
            audit_type=kind,
            audit_date=when,
            auditor=auditor,
        )
        for k, (area, severity, text, status, due, closed) in enumerate(findings, 1):
            self.out.write(
                "findings",
                finding_id=f"{aid}-{k:02d}",
                audit_id=aid,
                area=area,
                severity=severity,
                description=text,
                status=status,
                due_date=due,
                closed_date=closed,
            )

    def seed_case(self) -> None:
        """UKE's framework agreement for work clothes, shoes and protective gear (DFØ's case)."""
        c = self.featured_contract(
            "UKE-2019-0147",
            "Rammeavtale arbeidsklær, sko og verneutstyr",
            "UKE",
            "Nordisk Arbeidstøy og Vern AS",
            "Arbeidstøy, fottøy og tekstil",
            40_000_000.0,
            date(2019, 9, 1),
            date(2023, 8, 31),
            dialogue=True,
        )
        bd = _Factory(
            self.factory_id("BD", 2019),
            "Gazipur Apparels Ltd.",
            "BD",
            "Gazipur",
            24.00231,
            90.42642,
            2350,
        )
        vn = _Factory(
            self.factory_id("VN", 2019),
            "Evergreen Footwear Co., Ltd.",
            "VN",
            "Thu Dau Mot",
            10.98042,
            106.65197,
            4100,
        )
        pk = _Factory(
            self.factory_id("PK", 2019),
            "Sialkot Safety Gloves (Pvt.) Ltd.",
            "PK",
            "Sialkot",
            32.49268,
            74.53134,
            320,
        )
        cn = _Factory(
            self.factory_id("CN", 2019),
            "Ningbo Golden Workwear Co., Ltd.",
            "CN",
            "Ningbo",
            None,
            None,
            880,
        )
        # Implemented with Etisk Handel Norge on one factory, after the action plan.
        self.featured_factory(
            c,
            bd,
            True,
            dialogue_status="implemented",
            dialogue_tool="TAOS, Quizrr",
            dialogue_started=date(2020, 10, 15),
            workers_trained=2100,
            worker_committee=True,
            partner="Etisk Handel Norge",
        )
        # The second central factory started later.
        self.featured_factory(
            c,
            vn,
            True,
            dialogue_status="in_progress",
            dialogue_tool="Quizrr",
            dialogue_started=date(2021, 4, 20),
            workers_trained=1650,
            worker_committee=False,
        )
        self.featured_factory(c, pk, False, dialogue_status="not_started")
        self.featured_factory(c, cn, False, dialogue_status="planned", dialogue_tool="Quizrr")
        self.featured_audit(
            c,
            "desk",
            date(2020, 6, 12),
            None,
            "Utviklings- og kompetanseetaten",
            (
                (
                    "social_dialogue",
                    "major",
                    (
                        "Leverandør har ikke startet med sosial dialog på fabrikkene, som kravet "
                        "var senest seks måneder etter kontraktsoppstart. Tiltaksplan utarbeidet."
                    ),
                    "closed",
                    date(2020, 12, 31),
                    date(2021, 5, 3),
                ),
                (
                    "management_system",
                    "minor",
                    "Ingen egen ressurs med ansvar for oppfølging av etiske krav hos leverandør",
                    "closed",
                    date(2020, 10, 1),
                    date(2020, 9, 14),
                ),
                (
                    "documentation",
                    "minor",
                    "Mangelfull oversikt over produksjonssteder",
                    "closed",
                    date(2020, 8, 31),
                    date(2020, 8, 20),
                ),
            ),
        )
        plan = (
            (
                "Tiltaksplan: leverandør velger ut to sentrale fabrikker for sosial dialog",
                date(2020, 8, 31),
                date(2020, 8, 20),
                None,
            ),
            (
                "Tiltaksplan: leverandør ansetter kvalitetsansvarlig med ansvar for etisk handel",
                date(2020, 10, 1),
                date(2020, 9, 14),
                None,
            ),
            (
                (
                    "Tiltaksplan: sosial dialog startet på første fabrikk, i samarbeid med "
                    "Etisk Handel Norge"
                ),
                date(2020, 10, 31),
                date(2020, 10, 15),
                bd.factory_id,
            ),
            (
                "Tiltaksplan: sosial dialog startet på andre fabrikk",
                date(2021, 3, 31),
                date(2021, 4, 20),
                vn.factory_id,
            ),
            (
                "Statusmøte om sosial dialog med leverandør",
                date(2021, 6, 15),
                date(2021, 6, 10),
                None,
            ),
        )
        for text, due, met, fid in plan:
            self.milestone(c, text, due, met, fid)
        for received in (date(2021, 1, 20), date(2021, 9, 24), date(2022, 8, 30)):
            self.out.write("documentation", contract_id=c.contract_id, received_date=received)
        # A joint agreement: most of the municipality buys on it.
        buyers = [a for a in AGENCIES if a.code not in ("PBE", "OHV", "KUL", "EBY")]
        self.calloffs(c, buyers)

    def textile_case(self) -> None:
        """A social-dialogue framework that went well: on time, documented, audited, closed."""
        c = self.featured_contract(
            "SYE-2021-0027",
            "Rammeavtale tekstiler og arbeidsklær til sykehjem",
            "SYE",
            "Fjell Tekstil AS",
            "Arbeidstøy, fottøy og tekstil",
            9_400_000.0,
            date(2021, 2, 1),
            date(2025, 1, 31),
            dialogue=True,
        )
        bd = _Factory(
            self.factory_id("BD", 2021),
            "Lotus Knitwear Ltd.",
            "BD",
            "Ashulia",
            23.90412,
            90.30877,
            1850,
        )
        india = _Factory(
            self.factory_id("IN", 2021),
            "Harmony Garments Pvt. Ltd.",
            "IN",
            "Tiruppur",
            11.10863,
            77.34115,
            940,
        )
        lk = self.new_factory(c.category, 2021, "LK")
        self.featured_factory(
            c,
            bd,
            True,
            dialogue_status="implemented",
            dialogue_tool="Amader Kotha",
            dialogue_started=date(2021, 6, 10),
            workers_trained=1790,
            worker_committee=True,
            partner="Fair Wear",
        )
        self.featured_factory(
            c,
            india,
            True,
            dialogue_status="implemented",
            dialogue_tool="WE Program",
            dialogue_started=date(2021, 7, 20),
            workers_trained=910,
            worker_committee=True,
            partner="amfori",
        )
        self.featured_factory(
            c,
            lk,
            False,
            dialogue_status="in_progress",
            dialogue_tool="Quizrr",
            dialogue_started=date(2022, 3, 1),
            workers_trained=lk.workers // 3,
        )
        for received in (date(2022, 1, 20), date(2023, 1, 25), date(2024, 1, 30)):
            self.out.write("documentation", contract_id=c.contract_id, received_date=received)
        self.milestone(
            c, "Egenerklæring om etiske krav levert", date(2021, 3, 3), date(2021, 2, 24)
        )
        self.milestone(
            c,
            "Oversikt over produksjonssteder (fabrikkliste) levert",
            date(2021, 4, 2),
            date(2021, 3, 30),
        )
        self.featured_audit(
            c,
            "onsite",
            date(2022, 9, 12),
            bd,
            "SGS",
            (
                (
                    "working_hours",
                    "minor",
                    "Mangler én fridag per uke",
                    "closed",
                    date(2022, 12, 15),
                    date(2022, 11, 28),
                ),
                (
                    "health_safety",
                    "observation",
                    "Manglende førstehjelpsutstyr",
                    "closed",
                    None,
                    date(2022, 10, 3),
                ),
            ),
        )
        buyers = [_AGENCY["SYE"], *(a for a in AGENCIES if a.type == "bydel")]
        self.calloffs(c, buyers)

    def gloves_case(self) -> None:
        """A second social-dialogue framework, badly followed: nothing started, long overdue."""
        c = self.featured_contract(
            "UKE-2024-0212",
            "Rammeavtale engangshansker og smittevernutstyr",
            "UKE",
            "Viken Smittevern AS",
            "Hansker og verneutstyr",
            62_000_000.0,
            date(2025, 1, 1),
            date(2028, 12, 31),
            dialogue=True,
        )
        cat = c.category
        my = self.new_factory(cat, 2024, "MY")
        th = self.new_factory(cat, 2024, "TH")
        cn = self.new_factory(cat, 2024, "CN")
        self.featured_factory(c, my, True, dialogue_status="not_started")
        self.featured_factory(c, th, True, dialogue_status="planned", worker_committee=False)
        self.featured_factory(c, cn, False, dialogue_status="not_started")
        self.milestone(
            c, "Plan for sosial dialog på sentrale fabrikker levert", date(2025, 4, 1), None
        )
        self.milestone(
            c, "Egenerklæring om etiske krav levert", date(2025, 1, 31), date(2025, 2, 27)
        )
        self.featured_audit(
            c,
            "desk",
            date(2026, 3, 10),
            None,
            "Utviklings- og kompetanseetaten",
            (
                (
                    "social_dialogue",
                    "major",
                    "Sosial dialog ikke startet innen fristen",
                    "open",
                    date(2026, 6, 30),
                    None,
                ),
                (
                    "documentation",
                    "minor",
                    "Årlig dokumentasjon av sosial dialog ikke levert",
                    "in_progress",
                    date(2026, 6, 30),
                    None,
                ),
            ),
        )
        self.featured_audit(
            c,
            "onsite",
            date(2026, 5, 19),
            my,
            "ELEVATE",
            (
                (
                    "forced_labour",
                    "critical",
                    "Arbeidere har betalt rekrutteringsgebyr til agent og har gjeld til arbeidsgiver",
                    "open",
                    date(2026, 7, 15),
                    None,
                ),
                (
                    "working_hours",
                    "major",
                    "Arbeidstid over 60 timer per uke i høysesong",
                    "in_progress",
                    date(2026, 8, 31),
                    None,
                ),
                (
                    "health_safety",
                    "minor",
                    "Manglende førstehjelpsutstyr",
                    "closed",
                    date(2026, 8, 31),
                    date(2026, 7, 2),
                ),
            ),
        )
        self.calloffs(c)

    def solar_case(self) -> None:
        c = self.featured_contract(
            "OBY-2023-0044",
            "Solcelleanlegg på skoletak",
            "OBY",
            "Solkraft Oslo AS",
            "Solcellepaneler",
            18_500_000.0,
            date(2023, 3, 1),
            date(2026, 2, 28),
            dialogue=False,
            framework=False,
        )
        f = self.new_factory(c.category, 2023, "CN")
        self.featured_factory(c, f, True, dialogue_status="not_started")
        self.featured_audit(
            c,
            "desk",
            date(2024, 2, 6),
            None,
            "Deloitte",
            (
                (
                    "forced_labour",
                    "critical",
                    "Polysilisium kan ikke spores; risiko for tvangsarbeid i Xinjiang",
                    "in_progress",
                    date(2024, 3, 15),
                    None,
                ),
                (
                    "documentation",
                    "minor",
                    "Sporbarhet til råvare ikke dokumentert",
                    "open",
                    date(2024, 5, 31),
                    None,
                ),
            ),
        )

    def cocoa_case(self) -> None:
        c = self.featured_contract(
            "SYE-2022-0031",
            "Rammeavtale kaffe, te og kakao til sykehjem",
            "SYE",
            "Fjord Kaffe og Mat AS",
            "Matvarer (kaffe, te, kakao, frukt)",
            7_800_000.0,
            date(2022, 5, 1),
            date(2026, 4, 30),
            dialogue=False,
        )
        cat = c.category
        ci, gh, br = (self.new_factory(cat, 2022, cc) for cc in ("CI", "GH", "BR"))
        for f in (ci, gh, br):
            self.featured_factory(c, f, True, dialogue_status="not_started")
        self.featured_audit(
            c,
            "onsite",
            date(2023, 11, 14),
            ci,
            "Bureau Veritas",
            (
                (
                    "child_labour",
                    "critical",
                    "Barnearbeid avdekket hos underleverandør i høstingen",
                    "open",
                    date(2024, 1, 31),
                    None,
                ),
                (
                    "wages",
                    "major",
                    "Lønn under lovfestet minstelønn",
                    "closed",
                    date(2024, 2, 29),
                    date(2024, 4, 12),
                ),
            ),
        )
        self.calloffs(c)

    def stone_case(self) -> None:
        c = self.featured_contract(
            "BYM-2021-0018",
            "Granittkantstein og brostein",
            "BYM",
            "Granitt Øst AS",
            "Byggevarer og naturstein",
            12_400_000.0,
            date(2021, 4, 1),
            date(2024, 3, 31),
            dialogue=False,
            framework=False,
        )
        india = self.new_factory(c.category, 2021, "IN")
        china = self.new_factory(c.category, 2021, "CN")
        self.featured_factory(c, india, True, dialogue_status="not_started")
        self.featured_factory(c, china, False, dialogue_status="not_started")
        self.featured_audit(
            c,
            "onsite",
            date(2022, 10, 4),
            india,
            "ELEVATE",
            (
                (
                    "child_labour",
                    "critical",
                    "Mindreårige under 15 år funnet i steinbruddet",
                    "closed",
                    date(2022, 11, 15),
                    date(2023, 3, 1),
                ),
                (
                    "health_safety",
                    "major",
                    "Mangelfullt verneutstyr ved steinkutting (silikastøv)",
                    "closed",
                    date(2022, 12, 31),
                    date(2022, 12, 20),
                ),
            ),
        )
        self.featured_audit(
            c,
            "follow_up",
            date(2023, 4, 18),
            india,
            "ELEVATE",
            (
                (
                    "health_safety",
                    "minor",
                    "Brannøvelser ikke gjennomført",
                    "closed",
                    date(2023, 7, 31),
                    date(2023, 7, 5),
                ),
            ),
        )


# ---------------------------------------------------------------------------------------------
# Public functions
# ---------------------------------------------------------------------------------------------


def generate(out_dir: Path, scale: int = 1, seed: int = 2020) -> dict[str, int]:
    """Write the clean demo export (one CSV per table) to out_dir; return rows per table."""
    if scale < 1:
        raise ValueError("scale must be at least 1")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    with ExitStack() as stack:
        out = _Out(out_dir, stack)
        for a in AGENCIES:
            out.write("agencies", agency=a.name, agency_type=a.type, department=a.department)
        used_orgnr: set[str] = set()
        for block in range(scale):
            # An integer seed per block: stable across Python versions and hash seeds.
            rng = random.Random(seed * 1_000_003 + block)
            b = _Block(rng, block, out, used_orgnr)
            if block == 0:
                b.featured()
            for _ in range(RANDOM_CONTRACTS_PER_BLOCK):
                b.random_contract()
    from .eforms.demo import add_notices  # the competitions' eForms notices (issue 15)

    return dict(out.counts) | add_notices(out_dir, seed, scale)


# ---------------------------------------------------------------------------------------------
# The messy export
# ---------------------------------------------------------------------------------------------

# Committed by hand, like tests/fixtures/handmade/: its README names every bad row on purpose,
# and tests/test_demo.py checks the README against what the importer rejects.
MESSY_DIR = Path(__file__).resolve().parent.parent / "data" / "demo-messy"


def write_messy(out_dir: Path) -> None:
    """Copy the small messy export and its README (Norwegian) to out_dir, byte for byte."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    for f in sorted(MESSY_DIR.iterdir()):
        shutil.copyfile(f, out_dir / f.name)
