"""API latency and a bounded load test on a large store.

usage:
  python bench/api.py --db /tmp/bench100k.db [--build 100000] [--samples 300] [--requests 2000] [--clients 20]

``--db`` is a store holding the benchmark articles: the 100,000-article
database ``bench/search.py`` builds, or, with ``--build N`` (when the file
does not exist yet), N synthetic analysed articles made here (templated
Indonesian sentences over people, organisations and gazetteer places, each
with entities, a quote, numbers, times and an event, 12 outlets over two
years), written through the store's own row builder and writer.

The server is ``warta serve``'s app under uvicorn in a child process on
loopback.  It prints:
  1. p50/p95/max latency, one request at a time, of the search API
     (``/api/search?q=…``, and with ``facets=true``), the article API
     (``/api/articles/{id}``) and the two HTML pages (search and article);
  2. a load test: REQUESTS requests (search, article, entity, events, pages)
     from CLIENTS concurrent clients, with errors counted (status >= 400 or a
     failed connection) and the throughput;
and last, the figure against its target: API p95 <= 100 ms, errors == 0.
"""
from __future__ import annotations

import argparse
import os
import random
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TARGET_P95_MS = 100.0

FIRST = ["Agus", "Budi", "Citra", "Dewi", "Eko", "Fajar", "Gita", "Hadi", "Indah", "Joko", "Kartika", "Lestari",
         "Made", "Nur", "Oki", "Putri", "Rahmat", "Sari", "Teguh", "Umar", "Vina", "Wahyu", "Yusuf", "Zainal"]
LAST = ["Santoso", "Wibowo", "Hidayat", "Saputra", "Lubis", "Siregar", "Nugroho", "Kusuma", "Pratama", "Halim",
        "Suryadi", "Gunawan", "Rahman", "Setiawan", "Wijaya", "Harahap", "Purnomo", "Tanjung"]
ORGS = ["Kementerian Keuangan", "Kementerian Kesehatan", "Kementerian Perhubungan", "Badan Pusat Statistik",
        "Bank Indonesia", "Komisi Pemberantasan Korupsi", "Badan Nasional Penanggulangan Bencana", "Polda Metro Jaya",
        "Dewan Perwakilan Rakyat", "Mahkamah Konstitusi", "Pertamina", "PLN", "Badan Pengawas Obat dan Makanan",
        "Kejaksaan Agung", "Otoritas Jasa Keuangan", "Kementerian Pertanian", "Bulog", "Basarnas"]
ROLES = ["Kepala", "Direktur", "Juru bicara", "Ketua", "Sekretaris"]
TOPICS = {
    "banjir": ("Banjir Rendam {n} Kecamatan di {place}", "banjir merendam permukiman warga di {place}", "ASSAULT"),
    "harga": ("Harga Beras di {place} Naik Jelang Lebaran", "harga beras medium di pasar {place} naik", "DEMAND"),
    "korupsi": ("{org} Tahan Tersangka Korupsi Proyek Jalan di {place}", "penyidik menahan tersangka korupsi", "COERCE"),
    "gempa": ("Gempa Guncang {place}, Warga Berhamburan", "gempa mengguncang wilayah {place}", "ASSAULT"),
    "vaksin": ("Vaksinasi Anak Digelar di {place}", "vaksinasi anak sekolah digelar di {place}", "AID"),
    "kereta": ("Jadwal Kereta dari {place} Ditambah Saat Libur Panjang", "jadwal perjalanan kereta ditambah", "SUPPORT"),
    "listrik": ("Pemadaman Listrik Bergilir Terjadi di {place}", "pemadaman listrik bergilir terjadi di {place}",
                "PROTEST"),
    "pajak": ("{org} Perpanjang Batas Lapor Pajak", "batas waktu pelaporan pajak diperpanjang", "CONCEDE"),
    "sekolah": ("Sekolah Rusak di {place} Segera Diperbaiki", "puluhan ruang kelas rusak di {place}", "AID"),
    "pilkada": ("Debat Calon Kepala Daerah {place} Digelar Malam Ini", "debat calon kepala daerah {place}",
                "CONSULT"),
    "narkoba": ("Polisi Gagalkan Penyelundupan Sabu di {place}", "polisi menggagalkan penyelundupan sabu", "COERCE"),
    "pangan": ("Stok Pangan di {place} Dinyatakan Aman", "stok pangan menjelang hari raya aman", "AGREE"),
}
FILLER = ["Warga berharap pemerintah segera mengambil langkah cepat agar kegiatan ekonomi kembali normal.",
          "Sejumlah pedagang mengaku pendapatan mereka turun sejak pekan lalu.",
          "Petugas gabungan dikerahkan untuk membantu warga di lokasi terdampak.",
          "Data tersebut akan diperbarui setiap hari dan diumumkan kepada masyarakat.",
          "Rapat koordinasi dengan pemerintah daerah dijadwalkan berlangsung pekan depan.",
          "Sebagian jalan utama sempat ditutup dan arus lalu lintas dialihkan.",
          "Anggaran tambahan sedang dibahas bersama dewan perwakilan rakyat daerah."]
OUTLETS = ["Kompas", "Detik", "Tempo", "Republika", "Antara", "CNN Indonesia", "Liputan6", "Okezone", "Tribunnews",
           "Kumparan", "Suara", "Merdeka"]


# ---------------------------------------------------------------- corpus ---

def _places() -> list[tuple[str, float, float, str]]:
    out = []
    for line in (ROOT / "warta" / "data" / "places.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        cols = line.split("\t")
        if len(cols) > 5 and cols[3] == "ID" and cols[2] in ("city", "regency") and cols[4] and cols[5]:
            out.append((cols[1], float(cols[4]), float(cols[5]), cols[2]))
    return out


class Body:
    """A body built piece by piece, remembering the offsets of marked pieces."""

    def __init__(self):
        self.parts, self.size, self.marks = [], 0, []

    def add(self, text: str, mark: str | None = None, data=None) -> tuple[int, int]:
        start = self.size
        self.parts.append(text)
        self.size += len(text)
        if mark:
            self.marks.append((mark, start, self.size, text, data))
        return start, self.size

    @property
    def text(self) -> str:
        return "".join(self.parts)


def synthetic_analysis(i: int, rng: random.Random, places: list, people: list):
    from warta.records import (Actor, Analysis, Article, Author, Entity, Event, Mention, Quantity, Quote, Speaker,
                               TimeExpression)

    topic = rng.choice(list(TOPICS))
    title_t, lead_t, event_type = TOPICS[topic]
    place = rng.choice(places[:120] if rng.random() < 0.7 else places)
    org = rng.choice(ORGS)
    person = rng.choice(people if rng.random() < 0.5 else people[:40])
    role = rng.choice(ROLES)
    n = rng.randint(2, 40)
    day = 1_700_000_000 + rng.randint(0, 730) * 86400 + rng.randint(6, 22) * 3600
    published = time.strftime("%Y-%m-%dT%H:%M:00+07:00", time.gmtime(day + 7 * 3600))
    b = Body()
    b.add(lead_t.format(place=place[0]).capitalize() + " pada ")
    b.add(time.strftime("%d/%m/%Y", time.gmtime(day)), "time", ("DATE", published[:10]))
    b.add(". ")
    b.add(org, "ORG", org)
    b.add(" mencatat sedikitnya ")
    b.add(f"{n * 37} warga", "qty", (float(n * 37), "warga"))
    b.add(" terdampak di ")
    b.add(place[0], "LOC", place)
    b.add(".\n\n\"Kami terus memantau perkembangan dan berkoordinasi dengan semua pihak,\" kata ")
    b.add(f"{role} ")
    b.add(person, "PER", person)
    b.add(".\n\n")
    for _ in range(rng.randint(3, 8)):
        b.add(rng.choice(FILLER) + " ")
    b.add("\n\n")
    b.add(org, "ORG", org)
    b.add(" ")
    b.add("meminta", "event", None)
    b.add(" pemerintah daerah ")
    b.add(place[0], "LOC", place)
    b.add(f" menyiapkan {n} posko tambahan dalam ")
    b.add("tiga hari", "time", ("DURATION", "P3D"))
    b.add(" ke depan.")
    body = b.text
    q_start = body.index("\"Kami")
    q_end = body.index(",\" kata") + 2
    ents: dict[str, Entity] = {}
    quantities, times, events = [], [], []
    for kind, start, end, text, data in b.marks:
        if kind in ("PER", "ORG", "LOC"):
            name = text
            ent = ents.get(kind + name)
            if ent is None:
                ent = Entity(f"e{len(ents) + 1}", name, kind, [])
                if kind == "LOC":
                    ent.country, ent.lat, ent.lon, ent.kind = "ID", data[1], data[2], data[3]
                ents[kind + name] = ent
            ent.mentions.append(Mention(text, start, end))
        elif kind == "qty":
            quantities.append(Quantity(text, start, end, data[0], data[1], "at-least"))
        elif kind == "time":
            times.append(TimeExpression(text, start, end, data[0], data[1]))
        elif kind == "event":
            events.append(Event(type=event_type, mode=None, cameo=None, goldstein=None, quad_class=None,
                                actor=Actor(org, country="ID", sector="GOV"),
                                target=Actor("pemerintah daerah", country="ID", sector="GOV"),
                                trigger=Mention(text, start, end), sentence=Mention(text, start, end),
                                date=published[:10]))
    per = ents["PER" + person]
    quotes = [Quote(body[q_start:q_end], q_start, q_end, "direct", "kata", Speaker(person, per.id, f"{role} {org}"))]
    title = title_t.format(n=n % 9 + 2, place=place[0], org=org)
    art = Article(id=f"bench-{i:06d}", source="bench", url=f"https://bench.example/{i}", outlet=OUTLETS[i % 12],
                  title=title, published=published, authors=[Author(rng.choice(people), "reporter")], body=body)
    return Analysis(art, list(ents.values()), quotes, quantities, times, events)


def _rows(analysis):
    from warta.store.rows import article_rows

    try:
        return article_rows(analysis, with_signature=False)
    except AttributeError:  # a row builder that reads events as plain dicts
        analysis.events = [dict(e.to_dict(), text=e.trigger.text, start=e.trigger.start, end=e.trigger.end,
                                actor=e.actor.name if e.actor else None) for e in analysis.events]
        return article_rows(analysis, with_signature=False)


def build(db: str, n: int, seed: int = 7) -> None:
    from warta.store import open_store
    from warta.store.base import Result

    rng = random.Random(seed)
    places = _places()
    rng.shuffle(places)
    people = [f"{f} {last}" for f in FIRST for last in LAST]
    rng.shuffle(people)
    started = time.monotonic()
    with open_store(db) as store:
        batch = []
        for i in range(n):
            a = synthetic_analysis(i, rng, places, people)
            batch.append(Result(f"bench:{i}", a.article.id, rows=_rows(a)))
            if len(batch) == 1000:
                store.write_batch(batch, None)
                batch = []
                print(f"\r  built {i + 1}/{n} ({(i + 1) / (time.monotonic() - started):.0f}/s)", end="",
                      file=sys.stderr)
        if batch:
            store.write_batch(batch, None)
        # Stories: the same topic in the same place on the same day (a stand-in for clustering).
        with store.transaction():
            store.execute("UPDATE articles SET story_id = 'sb' || substr(published_utc, 1, 10) || '-' || "
                          "substr(title, 1, 12) WHERE id LIKE 'bench-%'")
            store.execute("DELETE FROM stories WHERE id LIKE 'sb%'")
            store.execute("INSERT INTO stories (id, title, first_seen, last_seen, size, outlets, entities) "
                          "SELECT story_id, min(title), min(published_utc), max(published_utc), count(*), '[]', '[]' "
                          "FROM articles WHERE story_id LIKE 'sb%' GROUP BY story_id")
        if hasattr(store, "optimize"):
            store.optimize()
    print(f"\n  built {n} articles in {time.monotonic() - started:.0f} s", file=sys.stderr)


# ---------------------------------------------------------------- server ---

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: str, port: int, workers: int = 1) -> subprocess.Popen:
    env = dict(os.environ, WARTA_SERVE_DB=db)
    env.pop("WARTA_SERVE_TOKEN", None)
    proc = subprocess.Popen([sys.executable, "-m", "uvicorn", "warta.commands.serve:app_from_env", "--factory",
                             "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning",
                             "--workers", str(workers)],
                            env=env, cwd=str(ROOT))
    deadline = time.monotonic() + 60
    import httpx

    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=30).status_code == 200:
                return proc
        except httpx.TransportError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("the server did not start")


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def queries(rng: random.Random, k: int) -> list[str]:
    words = ["banjir", "harga beras", "korupsi", "gempa", "vaksinasi anak", "kereta", "pemadaman listrik", "pajak",
             "sekolah rusak", "debat calon", "sabu", "stok pangan", "posko", "warga terdampak", "\"kepala daerah\"",
             "pedagang", "jalan OR kereta", "banjir -gempa", "koordinasi", "anggaran"]
    places = [p[0] for p in _places()[:200]]
    out = []
    for _ in range(k):
        r = rng.random()
        out.append(rng.choice(words) if r < 0.6 else f"{rng.choice(words)} {rng.choice(places)}" if r < 0.85
                   else rng.choice(places))
    return out


def latency(client, urls: list[str]) -> list[float]:
    times = []
    for url in urls:
        t0 = time.perf_counter()
        r = client.get(url)
        times.append((time.perf_counter() - t0) * 1000)
        if r.status_code != 200:
            raise SystemExit(f"{url}: {r.status_code} {r.text[:200]}")
    return times


def load_test(base: str, urls: list[str], clients: int) -> dict:
    import httpx

    errors, times, lock = [], [], threading.Lock()
    todo = list(urls)

    def worker():
        with httpx.Client(base_url=base, timeout=30) as c:
            while True:
                with lock:
                    if not todo:
                        return
                    url = todo.pop()
                t0 = time.perf_counter()
                try:
                    status = c.get(url).status_code
                except httpx.HTTPError as exc:
                    status = f"{type(exc).__name__}"
                ms = (time.perf_counter() - t0) * 1000
                with lock:
                    times.append(ms)
                    if status != 200:
                        errors.append((url, status))

    started = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    seconds = time.perf_counter() - started
    return {"requests": len(times), "errors": errors, "seconds": seconds, "p50": pct(times, 50),
            "p95": pct(times, 95), "max": max(times)}


def main() -> None:
    from urllib.parse import quote

    import httpx

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--build", type=int, default=0, help="build N synthetic articles when --db does not exist")
    ap.add_argument("--samples", type=int, default=300)
    ap.add_argument("--requests", type=int, default=2000)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--workers", type=int, default=1, help="server processes (warta serve --workers)")
    args = ap.parse_args()
    if not Path(args.db).exists():
        if not args.build:
            raise SystemExit(f"{args.db} does not exist: build it with bench/search.py or pass --build N")
        build(args.db, args.build)
    rng = random.Random(11)
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    proc = start_server(args.db, port, args.workers)
    try:
        with httpx.Client(base_url=base, timeout=30) as c:
            n_articles = c.get("/api/health").json()["articles"]
            ids = [a["id"] for a in c.get("/api/articles", params={"limit": 100}).json()["items"]]
            ids += [a["id"] for a in c.get("/api/search", params={"q": "*", "limit": 100, "offset": 400}).json()["items"]]
            offsets = [rng.randint(0, max(0, n_articles - 100)) for _ in range(20)]
            for off in offsets:
                ids += [a["id"] for a in c.get("/api/articles", params={"limit": 20, "offset": min(off, 10_000)}).json()["items"]]
            entities = [e["id"] for e in c.get("/api/entities", params={"limit": 100}).json()["items"]]
            qs = queries(rng, args.samples)
            picks = [rng.choice(ids) for _ in range(args.samples)]
            for q in qs[:20] + picks[:20]:  # warm the page cache and the stemmer
                c.get("/api/search", params={"q": q})
                c.get(f"/api/articles/{quote(q, safe='')}")
            print(f"store: {args.db}, {n_articles} articles; server processes: {args.workers}; "
                  f"{args.samples} sequential requests per row")
            rows = {
                "search API": [f"/api/search?q={quote(q)}" for q in qs],
                "search API + facets": [f"/api/search?q={quote(q)}&facets=true" for q in qs],
                "article API": [f"/api/articles/{quote(i, safe='')}" for i in picks],
                "search page (HTML)": [f"/?q={quote(q)}" for q in qs],
                "article page (HTML)": [f"/articles/{quote(i, safe='')}" for i in picks],
            }
            results = {}
            for name, urls in rows.items():
                ms = latency(c, urls)
                results[name] = ms
                print(f"  {name:22} p50 {pct(ms, 50):6.1f} ms  p95 {pct(ms, 95):6.1f} ms  max {max(ms):7.1f} ms")
        mix = []
        for _ in range(args.requests):
            r = rng.random()
            if r < 0.35:
                mix.append(f"/api/search?q={quote(rng.choice(qs))}")
            elif r < 0.65:
                mix.append(f"/api/articles/{quote(rng.choice(ids), safe='')}")
            elif r < 0.75:
                mix.append(f"/articles/{quote(rng.choice(ids), safe='')}")
            elif r < 0.85:
                mix.append(f"/?q={quote(rng.choice(qs))}")
            elif r < 0.95:
                mix.append(f"/api/entities/{quote(rng.choice(entities), safe='')}?limit=10")
            else:
                mix.append("/api/events?limit=20")
        load = load_test(base, mix, args.clients)
        print(f"load test: {load['requests']} requests from {args.clients} clients in {load['seconds']:.1f} s "
              f"({load['requests'] / load['seconds']:.0f} req/s); p50 {load['p50']:.0f} ms, p95 {load['p95']:.0f} ms, "
              f"max {load['max']:.0f} ms; errors {len(load['errors'])}")
        for url, status in load["errors"][:10]:
            print(f"  error {status}: {url}")
    finally:
        proc.terminate()
        proc.wait(10)
    api_p95 = max(pct(results["search API"], 95), pct(results["article API"], 95))
    print(f"API p95 (search, article) = {api_p95:.1f} ms, target <= {TARGET_P95_MS:.0f} ms: "
          f"{api_p95 / TARGET_P95_MS:.2f} of the budget; load-test errors = {len(load['errors'])} (target 0)")


if __name__ == "__main__":
    main()
