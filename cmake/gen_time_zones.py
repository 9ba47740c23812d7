#!/usr/bin/env python3
"""Writes core/time_zone_table.cpp (into the build tree) from Debian's tzdata.

Usage: gen_time_zones.py ZONEINFO_DIR OUTPUT.cpp

Every name tzdata.zi lists (zones and links) gets the UTC offsets it had from
2000-01-01 on: the transitions up to the point from which the zone's POSIX rule
(the TZif footer, e.g. "CET-1CEST,M3.5.0,M10.5.0/3") reproduces every later one,
then that rule. Identical zones share their data. The core stays pure: this table is
compiled in, nothing is read at run time (see core/time_zone.h).
"""
import os
import re
import struct
import sys

# 2000-01-01 .. 2038-01-19. Retour's dates are all later than 2000 (order links must
# expire after it); each zone's 1970s-1990s history would double the table.
LO, HI = 946684800, 2**31


def read_tzif(path):
    """(transitions [(time, utoff)], initial utoff, footer) from a TZif v2+ file."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:4] != b"TZif" or data[4:5] < b"2":
        raise SystemExit(f"{path}: not a TZif version 2+ file")

    def header(at):
        return struct.unpack(">6l", data[at + 20:at + 44])

    isutc, isstd, leap, timecnt, typecnt, charcnt = header(0)
    skip = 44 + timecnt * 5 + typecnt * 6 + charcnt + leap * 8 + isstd + isutc
    isutc, isstd, leap, timecnt, typecnt, charcnt = header(skip)
    at = skip + 44
    times = struct.unpack(f">{timecnt}q", data[at:at + 8 * timecnt])
    at += 8 * timecnt
    idx = data[at:at + timecnt]
    at += timecnt
    types = [struct.unpack(">lBB", data[at + 6 * i:at + 6 * i + 6]) for i in range(typecnt)]
    at += 6 * typecnt + charcnt + leap * 12 + isstd + isutc
    footer = data[at:].decode().strip("\n")
    transitions = [(t, types[i][0]) for t, i in zip(times, idx)]
    return transitions, types[0][0], footer


OFFSET = r"([+-]?)(\d{1,3})(?::(\d{2}))?(?::(\d{2}))?"
NAME = r"(?:<[^>]*>|[A-Za-z]+)"


def seconds(sign, h, m, s):
    v = int(h) * 3600 + int(m or 0) * 60 + int(s or 0)
    return -v if sign == "-" else v


def parse_footer(tz):
    """(std_utoff, dst_utoff, start, end) or (std_utoff, None, None, None); a rule date
    is (month, week 1-5 with 5 = last, weekday 0 = Sunday, local seconds)."""
    m = re.fullmatch(f"{NAME}{OFFSET}(?:({NAME})(?:{OFFSET})?,(.*))?", tz)
    if not m:
        raise SystemExit(f"unsupported POSIX TZ string {tz!r}")
    std = -seconds(*m.group(1, 2, 3, 4))  # POSIX offsets are west-positive
    if not m.group(5):
        return std, None, None, None
    dst = -seconds(*m.group(6, 7, 8, 9)) if m.group(7) else std + 3600
    rules = []
    for part in m.group(10).split(","):
        r = re.fullmatch(r"M(\d+)\.(\d)\.(\d)(?:/" + OFFSET + ")?", part)
        if not r:
            raise SystemExit(f"unsupported rule {part!r} in {tz!r}")
        t = seconds(*r.group(4, 5, 6, 7)) if r.group(5) else 7200
        rules.append((int(r.group(1)), int(r.group(2)), int(r.group(3)), t))
    return std, dst, rules[0], rules[1]


def days_from_civil(y, m, d):
    # Howard Hinnant's algorithm, as core/date.cpp.
    y -= m <= 2
    era = (y if y >= 0 else y - 399) // 400
    yoe = y - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def rule_day(year, month, week, weekday):
    first = days_from_civil(year, month, 1)
    d = first + (weekday - (first + 4) % 7) % 7 + 7 * (week - 1)  # 1970-01-01 was a Thursday
    next_month = days_from_civil(year + month // 12, month % 12 + 1, 1)
    while d >= next_month:
        d -= 7
    return d


def rule_transitions(std, dst, start, end):
    out = []
    for year in range(1969, 2040):
        on = rule_day(year, *start[:3]) * 86400 + start[3] - std
        off = rule_day(year, *end[:3]) * 86400 + end[3] - dst
        out += [(on, dst), (off, std)]
    return sorted(out)


def zone_data(path):
    transitions, first_offset, footer = read_tzif(path)
    std, dst, start, end = parse_footer(footer)
    initial = first_offset
    for t, off in transitions:
        if t <= LO:
            initial = off
    kept, last = [], initial
    for t, off in transitions:
        if LO < t < HI and off != last:
            kept.append((t, off))
            last = off
    rule = None
    rule_from = None
    if dst is not None:
        rule = (std, dst, start, end)
        generated = [x for x in rule_transitions(std, dst, start, end) if x[0] < HI]
        i, j = len(kept) - 1, len(generated) - 1
        while i >= 0 and j >= 0 and kept[i] == generated[j]:
            i, j = i - 1, j - 1
        if i + 1 < len(kept):
            rule_from = kept[i + 1][0]
            kept = kept[:i + 1]
        else:
            rule_from = HI
    elif last != std:
        raise SystemExit(f"{path}: the footer {footer!r} disagrees with the last offset {last}")
    return initial, tuple(kept), rule, rule_from


def tz_names(zoneinfo):
    names = []
    with open(os.path.join(zoneinfo, "tzdata.zi")) as f:
        for line in f:
            parts = line.split()
            if parts and parts[0] == "Z":
                names.append(parts[1])
            elif parts and parts[0] == "L":
                names.append(parts[2])
    return sorted(set(names), key=lambda n: n.encode())


def main():
    zoneinfo, output = sys.argv[1], sys.argv[2]
    with open(os.path.join(zoneinfo, "tzdata.zi")) as f:
        version = f.readline().split()[-1]
    names = tz_names(zoneinfo)
    offsets, rules, zones, zone_index = [], [], [], {}
    transitions = bytearray()  # per zone: (varint seconds since the previous, offset index)
    transition_count = 0
    by_name = []

    def intern(table, value):
        if value not in table:
            table.append(value)
        return table.index(value)

    def varint(v):
        while v >= 0x80:
            transitions.append(v & 0x7F | 0x80)
            v >>= 7
        transitions.append(v)

    for name in names:
        initial, kept, rule, rule_from = zone_data(os.path.join(zoneinfo, name))
        key = (initial, kept, rule, rule_from)
        if key not in zone_index:
            zone_index[key] = len(zones)
            first, previous = len(transitions), LO
            for t, off in kept:
                varint(t - previous)
                transitions.append(intern(offsets, off))
                previous = t
            transition_count += len(kept)
            zones.append((first, len(kept), intern(offsets, initial),
                          intern(rules, rule) if rule else -1, rule_from if rule else 0))
        by_name.append((name, zone_index[key]))
    name_text = "".join(n + "\0" for n, _ in by_name)
    if (len(offsets) > 255 or len(rules) > 127 or len(transitions) >= 2**32 or len(name_text) > 65535
            or max(z[1] for z in zones) > 65535):
        raise SystemExit("table outgrew its integer types")

    def rule_text(r):
        std, dst, s, e = r
        return f"{{{std}, {dst}, {{{s[0]}, {s[1]}, {s[2]}, {s[3]}}}, {{{e[0]}, {e[1]}, {e[2]}, {e[3]}}}}}"

    def rows(items, per_line):
        return "\n".join("    " + " ".join(items[i:i + per_line]) for i in range(0, len(items), per_line))

    out = [
        f"// Generated by cmake/gen_time_zones.py from tzdata {version}: do not edit.",
        f"// {len(names)} names, {len(zones)} distinct zones, {transition_count} transitions "
        f"({len(transitions)} bytes), {len(rules)} rules.",
        '#include "core/time_zone_table.h"',
        "",
        "namespace retour::tz {",
        "",
        f'const char* const kVersion = "{version}";',
        f"const std::int64_t kFrom = {LO};",
        "",
        f"const std::int32_t kOffsets[{len(offsets)}] = {{",
        rows([f"{o}," for o in offsets], 10),
        "};",
        "",
        f"const Rule kRules[{max(len(rules), 1)}] = {{",
        rows([rule_text(r) + "," for r in rules] or ["{0, 0, {1, 1, 0, 0}, {1, 1, 0, 0}},"], 1),
        "};",
        "",
        f"const std::uint8_t kTransitions[{max(len(transitions), 1)}] = {{",
        rows([f"{b}," for b in transitions] or ["0,"], 24),
        "};",
        "",
        f"const Zone kZones[{len(zones)}] = {{",
        rows([f"{{{f}, {rf}, {n}, {i}, {r}}}," for f, n, i, r, rf in zones], 4),
        "};",
        "",
        f"const char kNameText[{len(name_text) + 1}] =",
        "\n".join(f'    "{n}\\0"' for n, _ in by_name) + ";",
        f"const std::uint16_t kNameStart[{len(by_name)}] = {{",
        rows([f"{sum(len(m) + 1 for m, _ in by_name[:k])}," for k in range(len(by_name))], 12),
        "};",
        f"const std::uint16_t kNameZone[{len(by_name)}] = {{",
        rows([f"{z}," for _, z in by_name], 16),
        "};",
        f"const std::size_t kNameCount = {len(by_name)};",
        "",
        "}  // namespace retour::tz",
        "",
    ]
    text = "\n".join(out)
    if not os.path.exists(output) or open(output).read() != text:
        with open(output, "w") as f:
            f.write(text)


if __name__ == "__main__":
    main()
