"""Command line: read KTP photos and print one JSON object per image, one per line (ktp.md).

    python -m ocr.ktp IMAGE [IMAGE ...] [--max-bytes N]

A bad image (not an image, truncated, too large, missing) gives an object with "error" for that
image; the others still run. Exit status 0 when every image was read, 1 when any had an error.
"""
from __future__ import annotations

import argparse
import json
import sys


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m ocr.ktp", description="Read Indonesian KTP photos.")
    p.add_argument("images", nargs="+", metavar="IMAGE")
    p.add_argument("--max-bytes", type=int, default=None,
                   help="largest accepted file (default: ocr.max_image_bytes from config.yaml)")
    args = p.parse_args(argv)
    max_bytes = args.max_bytes
    if max_bytes is None:
        try:
            from settings import load_settings

            max_bytes = load_settings().ocr_max_image_bytes
        except Exception:  # config unreadable: the CLI still works with the default
            from ocr.engine import DEFAULT_MAX_BYTES

            max_bytes = DEFAULT_MAX_BYTES
    from ocr.engine import load_reader, read_path

    reader = load_reader(threads=1)
    failed = False
    for image in args.images:
        out = read_path(reader, image, max_bytes)
        failed |= "error" in out
        print(json.dumps(out, ensure_ascii=False), flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
