"""Entries packed into files: small entries share a shard chosen by a hash of their key, big entries get a
file of their own. The browser computes the same hash to know which one file to fetch for a key.

Shard format (all integers LEB128 varints): number of keys; per key its first, second and third code
points (0 where the key is shorter) and its entry's length; then the entries in the same order.
"""
from __future__ import annotations

from functools import lru_cache

from converter.search.entries import Entries

SHARD_BYTES = 16 * 1024
BIG_BYTES = 8 * 1024


def key_hash(key: str) -> int:
    """32-bit FNV-1a over the key's code points (engine.js: `keyHash`)."""
    h = 0x811C9DC5
    for char in key:
        h = ((h ^ ord(char)) * 0x01000193) & 0xFFFFFFFF
    return h


def big_key_name(key: str) -> str:
    return "-".join(f"{ord(c):x}" for c in key)


def pack(entries: Entries) -> tuple[list[bytes], dict[str, bytes]]:
    """(shard files by number, big entries by key)."""
    big, small = {}, []
    for i, key in enumerate(entries.keys):
        if entries.offsets[i + 1] - entries.offsets[i] > BIG_BYTES:
            big[key] = entries.entry(i)
        else:
            small.append(i)
    total = sum(entries.offsets[i + 1] - entries.offsets[i] for i in small)
    count = max(1, round(total / SHARD_BYTES))
    members: list[list[int]] = [[] for _ in range(count)]
    for i in small:
        members[key_hash(entries.keys[i]) % count].append(i)
    return [_shard(entries, chosen) for chosen in members], big


def _shard(entries: Entries, chosen: list[int]) -> bytes:
    header, data, offsets = [varint(len(chosen))], memoryview(entries.data), entries.offsets
    for i in chosen:
        key = entries.keys[i]
        header += (*(varint(ord(key[k]) if len(key) > k else 0) for k in range(3)), varint(offsets[i + 1] - offsets[i]))
    return b"".join(header + [data[offsets[i] : offsets[i + 1]] for i in chosen])


@lru_cache(maxsize=65536)
def varint(n: int) -> bytes:
    out = bytearray()
    while n >= 0x80:
        out.append((n & 0x7F) | 0x80)
        n >>= 7
    out.append(n)
    return bytes(out)
