"""`doffin-fetch` against a fake Doffin on 127.0.0.1: paging, a 429, a resumed run."""

from __future__ import annotations

import json
import threading
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import pytest

from etikkmonitor.eforms import doffin

BUYER = "976819837"
KEY = "test-key-123"


class FakeDoffin:
    """250 notices issued in March 2024, every other one by BUYER; 100 hits a page."""

    def __init__(self):
        self.hits = [
            {
                "id": f"2024-{100000 + i}",
                "buyer": [{"organizationId": BUYER if i % 2 == 0 else "996922766", "name": "x"}],
                "heading": f"notice {i}",
            }
            for i in range(250)
        ]
        self.log: list[str] = []
        self.keys: set[str] = set()
        self.throttle_next_download = True
        self.broken: set[str] = set()  # ids that answer 500 (a server in trouble)

    def handle(self, h: BaseHTTPRequestHandler):
        url = urlparse(h.path)
        self.log.append(h.path)
        self.keys.add(h.headers.get("Ocp-Apim-Subscription-Key") or "")
        if h.headers.get("Ocp-Apim-Subscription-Key") != KEY:
            return self.send(h, 401, {"statusCode": 401, "message": "Access denied"})
        if url.path == "/public/v2/search":
            q = {k: v[0] for k, v in parse_qs(url.query).items()}
            page, size = int(q["page"]), int(q["numHitsPerPage"])
            assert q["issueDateFrom"] == "2024-03-01" and q["issueDateTo"] == "2024-03-31"
            chunk = self.hits[(page - 1) * size : page * size]
            return self.send(h, 200, {"numHitsTotal": 250, "numHitsAccessible": 250, "hits": chunk})
        if url.path.startswith("/public/v2/download/"):
            notice_id = url.path.rsplit("/", 1)[1]
            if self.throttle_next_download:
                self.throttle_next_download = False
                h.send_response(429)
                h.send_header("Retry-After", "4")
                h.end_headers()
                h.wfile.write(b'{"statusCode": 429, "message": "Rate limit is exceeded."}')
                return None
            if notice_id in self.broken:
                return self.send(h, 500, {"statusCode": 500})
            h.send_response(200)
            h.send_header("Content-Type", "application/octet-stream")
            h.end_headers()
            h.wfile.write(f"<notice id='{notice_id}'/>".encode())
            return None
        return self.send(h, 404, {"statusCode": 404, "message": "Resource not found"})

    @staticmethod
    def send(h, status, body):
        data = json.dumps(body).encode()
        h.send_response(status)
        h.send_header("Content-Type", "application/json")
        h.send_header("Content-Length", str(len(data)))
        h.end_headers()
        h.wfile.write(data)


@pytest.fixture
def fake():
    state = FakeDoffin()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            state.handle(self)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    state.base = f"http://127.0.0.1:{server.server_address[1]}/public/v2"
    yield state
    server.shutdown()
    server.server_close()


def run(fake, out, monkeypatch, waits):
    monkeypatch.setenv(doffin.KEY_ENV, KEY)
    return doffin.fetch(
        buyer=BUYER,
        date_from=date(2024, 3, 1),
        date_to=date(2024, 3, 31),
        out=out,
        base_url=fake.base,
        rate=1000.0,
        sleep=waits.append,
    )


def test_paging_429_and_resume(fake, tmp_path, monkeypatch):
    out = tmp_path / "notices"
    # 250 hits over 3 pages (100, 100, 50); the buyer has every other one: 125 notices.
    # One id answers 500 on every try: the run stops there with an error, keeping what it had.
    fake.broken = {"2024-100200"}
    waits: list[float] = []
    with pytest.raises(doffin.FetchError):
        run(fake, out, monkeypatch, waits)
    searches = [p for p in fake.log if p.startswith("/public/v2/search")]
    assert [parse_qs(urlparse(p).query)["page"] for p in searches] == [["1"], ["2"], ["3"]]
    # the 429 was waited out for its Retry-After (4 s), then the download retried
    assert 4.0 in waits
    first = sorted(p.name for p in out.glob("*.xml"))
    # ids 2024-100000, 100002, ... 100198 downloaded before the broken 100200: 100 files
    assert len(first) == 100 and first[-1] == "2024-100198.xml"
    assert not list(out.glob(".*.part"))  # no half-written file left
    assert fake.keys == {KEY}

    # resumed: no new search (kept in the state file), only the 25 missing downloads
    fake.broken = set()
    fake.log.clear()
    result = run(fake, out, monkeypatch, waits)
    assert all(p.startswith("/public/v2/download/") for p in fake.log)
    assert len(fake.log) == 25
    assert (result["found"], result["downloaded"], result["already_there"]) == (125, 25, 100)
    assert result["searched"] is False
    assert len(list(out.glob("*.xml"))) == 125
    assert (out / "2024-100248.xml").read_text() == "<notice id='2024-100248'/>"


def test_key_missing_or_refused(fake, tmp_path, monkeypatch):
    march = {"buyer": BUYER, "date_from": date(2024, 3, 1), "date_to": date(2024, 3, 31),
             "out": tmp_path, "base_url": fake.base}  # fmt: skip
    monkeypatch.delenv(doffin.KEY_ENV, raising=False)
    with pytest.raises(doffin.FetchError, match=doffin.KEY_ENV):
        doffin.fetch(**march)
    monkeypatch.setenv(doffin.KEY_ENV, "wrong")
    with pytest.raises(doffin.FetchError, match="401"):
        doffin.fetch(**march, sleep=lambda s: None)


def test_hostile_ids_are_refused(fake, tmp_path, monkeypatch):
    fake.hits[0]["id"] = "../../etc/passwd"
    with pytest.raises(doffin.FetchError, match="not one"):
        run(fake, tmp_path / "n", monkeypatch, [])
    assert not (tmp_path / "etc").exists()


def test_cli_doffin_fetch(fake, tmp_path, monkeypatch, capsys):
    from etikkmonitor.cli import main

    monkeypatch.setenv(doffin.KEY_ENV, KEY)
    monkeypatch.setattr(doffin.time, "sleep", lambda s: None)
    code = main(
        [
            "doffin-fetch",
            "--buyer",
            "976 819 837",
            "--from",
            "2024-03-01",
            "--to",
            "2024-03-31",
            "--out",
            str(tmp_path / "n"),
            "--base-url",
            fake.base,
            "--rate",
            "1000",
        ]
    )
    assert code == 0
    out = json.loads(capsys.readouterr().out)
    assert out["found"] == 125 and out["downloaded"] == 125
    assert KEY not in json.dumps(out)
