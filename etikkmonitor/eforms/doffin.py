"""`etikkmonitor doffin-fetch`: a buyer's notices from Doffin's public API, as eForms XML files
that `etikkmonitor import` reads. The dashboard itself never touches the network.

The API (DFØ's "Public API", https://dof-notices-prod-api.developer.azure-api.net, subscription
key in the `Ocp-Apim-Subscription-Key` header) has two calls:
  GET {base}/search?issueDateFrom=YYYY-MM-DD&issueDateTo=YYYY-MM-DD&numHitsPerPage=N&page=P
      -> {"numHitsTotal": n, "numHitsAccessible": m, "hits": [{"id": "2024-110265",
          "buyer": [{"organizationId": "976819837", "name": ...}], ...}]}
  GET {base}/download/{id} -> the notice's eForms XML
DFØ publishes no machine-readable description; what we rely on is documented in
docs/dataeksport.md ("Hente kunngjøringer fra Doffin"), with what is assumed:
  * pages are 1-based and a query reaches only its first 1 000 hits, so a period is searched
    in windows (a month, halved while a window holds more than 1 000 hits);
  * there is no filter by buyer: the hits are filtered here on buyer[].organizationId;
  * a 429 answer carries Retry-After in seconds.
Politeness: at most `rate` requests a second, Retry-After honoured, retries with backoff on
429, 5xx and network errors. Resumable: a downloaded notice is kept (written atomically) and
not fetched again; the search's result is kept in the folder's state file.
"""

from __future__ import annotations

import json
import os
import re
import time
from datetime import date, timedelta
from pathlib import Path

import httpx

from .notices import MAX_NOTICE_BYTES

BASE_URL = "https://api.doffin.no/public/v2"
KEY_ENV = "DOFFIN_API_KEY"
PAGE_SIZE = 100
MAX_ACCESSIBLE = 1000  # hits one query can page through
MAX_RETRIES = 6
MAX_WAIT = 120.0  # seconds: a longer Retry-After is cut to this
STATE_FILE = ".doffin-fetch.json"
_ID = re.compile(r"[0-9A-Za-z][0-9A-Za-z_-]{0,63}")  # safe as a file name


class FetchError(Exception):
    """The fetch stopped; what was downloaded is kept and a new run resumes from there."""


class _Client:
    def __init__(self, base: str, key: str, rate: float, sleep, transport=None):
        self.base = base.rstrip("/")
        self.interval = 1.0 / rate if rate > 0 else 0.0
        self.sleep = sleep
        self.last = 0.0
        self.requests = 0
        self.retries = 0
        self.http = httpx.Client(
            headers={"Ocp-Apim-Subscription-Key": key, "Accept": "application/json, */*"},
            timeout=httpx.Timeout(30.0),
            transport=transport,
            follow_redirects=False,  # the key is never sent anywhere but the API named
        )

    def close(self) -> None:
        self.http.close()

    def get(self, path: str, params: dict | None = None, limit: int = 50 * 1024 * 1024) -> bytes:
        for attempt in range(MAX_RETRIES + 1):
            wait = self.last + self.interval - time.monotonic()
            if wait > 0:
                self.sleep(wait)
            self.last = time.monotonic()
            self.requests += 1
            try:
                with self.http.stream("GET", f"{self.base}{path}", params=params) as r:
                    if r.status_code == 200:
                        body = bytearray()
                        for chunk in r.iter_bytes():
                            body += chunk
                            if len(body) > limit:
                                raise FetchError(f"{path}: answer larger than {limit} bytes")
                        return bytes(body)
                    r.read()
                    status, headers, text = r.status_code, r.headers, r.text[:300]
            except httpx.TransportError as e:
                status, headers, text = None, {}, str(e)
            if attempt == MAX_RETRIES or not (status is None or status == 429 or status >= 500):
                raise FetchError(f"GET {path}: {status or 'no answer'} {text}".strip())
            self.retries += 1
            self.sleep(_retry_after(headers.get("Retry-After"), attempt))
        raise AssertionError("unreachable")


def _retry_after(header: str | None, attempt: int) -> float:
    try:
        seconds = float(header) if header is not None else None
    except ValueError:
        seconds = None
    if seconds is None or seconds < 0:
        seconds = min(2.0**attempt, 30.0)
    return min(seconds, MAX_WAIT)


def _windows(start: date, end: date) -> list[tuple[date, date]]:
    """Calendar months (cut to the period): a month of all Doffin's notices is some 1 000."""
    out = []
    d = start
    while d <= end:
        nxt = (d.replace(day=1) + timedelta(days=32)).replace(day=1)
        out.append((d, min(end, nxt - timedelta(days=1))))
        d = nxt
    return out


def _digits(s) -> str:
    return re.sub(r"\D", "", str(s or ""))


def _search(client: _Client, buyer: str, start: date, end: date) -> list[str]:
    ids: list[str] = []
    todo = _windows(start, end)
    while todo:
        a, b = todo.pop(0)
        page, seen_total = 1, None
        while True:
            body = client.get(
                "/search",
                {
                    "issueDateFrom": a.isoformat(),
                    "issueDateTo": b.isoformat(),
                    "numHitsPerPage": PAGE_SIZE,
                    "page": page,
                },
                limit=20 * 1024 * 1024,
            )
            try:
                data = json.loads(body)
                total = int(data["numHitsTotal"])
                hits = data.get("hits") or []
            except (ValueError, KeyError, TypeError) as e:
                raise FetchError(f"search {a}..{b}: not the answer expected ({e})") from None
            if page == 1 and total > MAX_ACCESSIBLE and a < b:
                # more than one query can reach: search the two halves instead
                mid = a + (b - a) // 2
                todo[:0] = [(a, mid), (mid + timedelta(days=1), b)]
                break
            if page == 1 and total > MAX_ACCESSIBLE:
                raise FetchError(f"{a}: {total} notices in one day, more than the API gives")
            seen_total = total
            for hit in hits:
                buyers = hit.get("buyer") or []
                if isinstance(buyers, dict):
                    buyers = [buyers]
                if any(
                    _digits(x.get("organizationId")) == buyer for x in buyers if isinstance(x, dict)
                ):
                    hid = str(hit.get("id") or "")
                    if not _ID.fullmatch(hid):
                        raise FetchError(
                            f"search {a}..{b}: a notice id that is not one: {hid[:80]!r}"
                        )
                    if hid not in ids:
                        ids.append(hid)
            reachable = min(seen_total, int(data.get("numHitsAccessible") or MAX_ACCESSIBLE))
            if not hits or page * PAGE_SIZE >= reachable:
                break
            page += 1
    return ids


def fetch(
    *,
    buyer: str,
    date_from: date,
    date_to: date,
    out: Path,
    base_url: str | None = None,
    rate: float = 2.0,
    sleep=None,
    transport=None,
) -> dict:
    """Download the buyer's notices issued in the period into `out` (one <id>.xml each)."""
    key = os.environ.get(KEY_ENV, "").strip()
    if not key:
        raise FetchError(f"set {KEY_ENV} to your Doffin API subscription key")
    buyer = _digits(buyer)
    if len(buyer) != 9:
        raise FetchError("--buyer must be a nine-digit organisation number")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    state_path = out / STATE_FILE
    query = {"buyer": buyer, "from": date_from.isoformat(), "to": date_to.isoformat()}
    state = {}
    if state_path.exists():
        try:
            state = json.loads(state_path.read_text(encoding="utf-8"))
        except ValueError:
            state = {}
    client = _Client(base_url or BASE_URL, key, rate, sleep or time.sleep, transport)
    try:
        if state.get("query") == query and isinstance(state.get("ids"), list):
            ids = [i for i in state["ids"] if isinstance(i, str) and _ID.fullmatch(i)]
            searched = False
        else:
            ids = _search(client, buyer, date_from, date_to)
            _write_atomic(state_path, json.dumps({"query": query, "ids": ids}).encode())
            searched = True
        downloaded = kept = 0
        for notice_id in ids:
            target = out / f"{notice_id}.xml"
            if target.exists():
                kept += 1
                continue
            body = client.get(f"/download/{notice_id}", limit=MAX_NOTICE_BYTES)
            _write_atomic(target, body)
            downloaded += 1
        return {
            **query,
            "searched": searched,
            "found": len(ids),
            "downloaded": downloaded,
            "already_there": kept,
            "requests": client.requests,
            "retries": client.retries,
            "out": str(out),
        }
    finally:
        client.close()


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.part")
    tmp.write_bytes(data)
    os.replace(tmp, path)
