"""Build warta/web/static/world.json: a coarse land mask for the map page.

Source: the GLOBE-derived land mask shipped in the PyPI package
``global-land-mask`` (MIT licence; GLOBE data by NOAA NGDC, public domain).
It is a 1 km grid; we keep one cell per STEP degrees (land when at least
LAND_SHARE of the fine cells inside are land) and store each row as runs of
land cells, which the map draws as rectangles on an equirectangular grid,
the same projection the place dots use.

    pip install global-land-mask   # build time only
    python scripts/build_world_outline.py [--step 0.5]
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

OUT = Path(__file__).resolve().parents[1] / "warta" / "web" / "static" / "world.json"
LAND_SHARE = 0.35


def land_grid(step: float) -> np.ndarray:
    """Boolean grid, row 0 = the band just below 90°N, column 0 = the band just east of 180°W."""
    import global_land_mask.globe as globe

    mask, lat = ~globe._mask, globe._lat  # the package's mask is True over water
    if lat[0] < lat[-1]:  # make row 0 the north
        mask, lat = mask[::-1], lat[::-1]
    rows, cols = int(round(180 / step)), int(round(360 / step))
    fy, fx = mask.shape[0] // rows, mask.shape[1] // cols
    cut = mask[: rows * fy, : cols * fx]
    share = cut.reshape(rows, fy, cols, fx).mean(axis=(1, 3))
    return share >= LAND_SHARE


def runs(row: np.ndarray) -> list[list[int]]:
    out, start = [], None
    for i, land in enumerate(list(row) + [False]):
        if land and start is None:
            start = i
        elif not land and start is not None:
            out.append([start, i])
            start = None
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--step", type=float, default=0.25, help="cell size in degrees")
    args = parser.parse_args()
    grid = land_grid(args.step)
    rows = [[i, r] for i, row in enumerate(grid) if (r := runs(row))]
    data = {"step": args.step, "source": "global-land-mask (GLOBE, NOAA NGDC; MIT package), "
                                          "built by scripts/build_world_outline.py", "rows": rows}
    OUT.write_text(json.dumps(data, separators=(",", ":")))
    print(f"{OUT}: {len(rows)} rows, {sum(len(r) for _, r in rows)} runs, {OUT.stat().st_size} bytes")


if __name__ == "__main__":
    main()
