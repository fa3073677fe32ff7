#!/usr/bin/env python3
"""Draws the packages' icon (build/package/icon.png, 128x128): a blue rounded square with a stack of three white
message bars, a batch of messages. Plain Python (zlib), so anyone can redraw it: python3 build/package/make-icon.py"""
import os
import struct
import zlib

SIZE, RADIUS = 128, 24
TOP, BOTTOM = (0x1F, 0x6F, 0xEB), (0x0B, 0x3D, 0x91)
BARS = [(30, 98, 30, 46), (30, 82, 56, 72), (30, 62, 82, 98)]  # x0, x1, y0, y1


def inside_rounded(x, y):
    cx = min(max(x, RADIUS), SIZE - 1 - RADIUS)
    cy = min(max(y, RADIUS), SIZE - 1 - RADIUS)
    return (x - cx) ** 2 + (y - cy) ** 2 <= RADIUS ** 2


def pixel(x, y):
    if not inside_rounded(x + 0.5, y + 0.5):
        return (0, 0, 0, 0)
    if any(x0 <= x < x1 and y0 <= y < y1 for x0, x1, y0, y1 in BARS):
        return (255, 255, 255, 255)
    t = y / (SIZE - 1)
    return tuple(round(a + (b - a) * t) for a, b in zip(TOP, BOTTOM)) + (255,)


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


rows = b"".join(b"\x00" + bytes(c for x in range(SIZE) for c in pixel(x, y)) for y in range(SIZE))
png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", SIZE, SIZE, 8, 6, 0, 0, 0))
       + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "icon.png"), "wb") as out:
    out.write(png)
