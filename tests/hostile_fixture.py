"""A small export whose text values are hostile: Markdown, HTML, Streamlit's own syntax and
very long strings, in every text column the pages show. `write_export(folder, bait)` writes it
with `bait` (http://127.0.0.1:PORT, a server that records any request) in the links and images.

The browser test (test_browser_hostile.py) opens every page on it and checks that no request
reaches the bait, no link or image comes from data, and the values read as the text they are.
"""

from __future__ import annotations

import csv
from pathlib import Path

# name -> value; "{bait}" is the address of the recording server
HOSTILE = {
    "image": "![bilde]({bait}/md-image.png) Leverandør AS",
    "link": "[Klikk her]({bait}/md-link) Renhold AS",
    "a": '<a href="{bait}/html-link">Lenke AS</a>',
    "img": '<img src="{bait}/html-img.png" onerror="fetch(\'{bait}/onerror\')">Bilde AS',
    "comment": "Skjult <!-- kommentar --> AS",
    "code": "`kode` og ```blokk``` AS",
    "math": "$x^2$ og $$y$$ AS",
    "icon": ":material/home: ikon :red[rød] :smile: AS",
    "autolink": "www.example.com og {bait}/autolink og post@example.com",
    "entity": "&lt;b&gt;entitet&amp;co AS",
    "heading": "# Overskrift > sitat - liste",
    "plotly": "<b>fet</b><br>linje <i>kursiv</i>",
    "long": "Langt navn " + "ABCDEFGHIJ" * 200,
}
# valid org numbers (mod 11) from tests/fixtures/handmade/kontrakter.csv
ORG_NRS = ["974760673", "923609016", "987654325", "991122338", "812345672", "933445569",
           "918273646", "920000029", "955555554", "844556675", "910000020", "876543214",
           "960000013"]  # fmt: skip
COUNTRIES = ["CN", "BD", "IN", "TR", "VN", "PK"]


def values(bait: str) -> dict[str, str]:
    return {k: v.replace("{bait}", bait) for k, v in HOSTILE.items()}


def _write(path: Path, header: list[str], rows: list[list]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter=";", quoting=csv.QUOTE_ALL, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def contract_ids(bait: str) -> list[str]:
    """H01, H02, ... and one hostile id of its own (the last)."""
    return [f"H{i:02d}" for i in range(1, len(HOSTILE))] + [f"K-![id]({bait}/id.png)"]


def write_export(folder: Path, bait: str) -> dict[str, str]:
    """The export in `folder` (canonical headers, UTF-8, `;`); returns the hostile values.

    One contract per hostile value, the value as its title, supplier, category and agency (so
    every one reaches the sidebar's options, the filter caption, headers, cards and charts);
    a central factory each, with the value as factory, city, tool and partner; an audit with
    the value as auditor and an open overdue finding with it as description; a milestone with
    it as description; a call-off by another hostile agency.
    """
    folder.mkdir(parents=True, exist_ok=True)
    vals = list(values(bait).values())
    ids = contract_ids(bait)
    contracts, factories, audits, findings, milestones, calloffs = [], [], [], [], [], []
    for i, (cid, value) in enumerate(zip(ids, vals, strict=True)):
        contracts.append([cid, value, value, ORG_NRS[i % len(ORG_NRS)], value, value, "ja",
                          "750000", "2023-01-15", "2026-01-14", "Rammeavtale", "", "", "", "",
                          "ja"])  # fmt: skip
        fid = f"F{i:02d}"
        factories.append([fid, cid, value, COUNTRIES[i % len(COUNTRIES)], value, "", "", "250",
                          "ja", ["Ikke startet", "Planlagt", "Pågår", "Gjennomført"][i % 4],
                          value, "2023-09-01" if i % 4 == 3 else "", "", "", value])  # fmt: skip
        audits.append([f"R{i:02d}", cid, fid, "Fabrikkrevisjon", "2023-10-01", value])
        findings.append([f"A{i:02d}", f"R{i:02d}", "Lønn", "Alvorlig", value, "Åpen",
                         "2023-12-31", ""])  # fmt: skip
        milestones.append([f"M{i:02d}", cid, fid, value, "2024-03-01", ""])
        calloffs.append([cid, vals[(i + 1) % len(vals)], "2024", "100000"])
    _write(folder / "contracts.csv",
           ["contract_id", "title", "agency", "supplier_org_nr", "supplier_name", "category",
            "high_risk", "value_nok", "start_date", "end_date", "contract_type",
            "oslo_part1_relevant", "oslo_part1_clauses", "oslo_part2_relevant",
            "oslo_part2_clauses", "social_dialogue_required"], contracts)  # fmt: skip
    _write(folder / "factories.csv",
           ["factory_id", "contract_id", "factory_name", "country", "city", "latitude",
            "longitude", "workers", "central", "dialogue_status", "dialogue_tool",
            "dialogue_started", "workers_trained", "worker_committee", "partner"],
           factories)  # fmt: skip
    _write(folder / "audits.csv",
           ["audit_id", "contract_id", "factory_id", "audit_type", "audit_date", "auditor"],
           audits)  # fmt: skip
    _write(folder / "findings.csv",
           ["finding_id", "audit_id", "area", "severity", "description", "status", "due_date",
            "closed_date"], findings)  # fmt: skip
    _write(folder / "milestones.csv",
           ["milestone_id", "contract_id", "factory_id", "description", "due_date", "met_date"],
           milestones)  # fmt: skip
    _write(folder / "calloffs.csv", ["contract_id", "agency", "year", "amount_nok"], calloffs)
    return values(bait)
