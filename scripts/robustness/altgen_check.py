#!/usr/bin/env python3
"""Read an altgen.py output folder back, check row consistency, print sanity stats.

Usage: altgen_check.py DIR
Checks: task <= max_points, primary = sum of tasks, mark = scale(primary), journal in 2..5.
Prints per school kind: participants, pooled share of ВПР marks 2/3/4/5 and share of
students with journal mark >, =, < the ВПР mark (rows with a journal mark only).
"""
import csv
import json
import sys
from collections import defaultdict


def main(d):
    scales = {}
    with open(f"{d}/scales.csv", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            scales[(r["subject"], int(r["grade"]))] = [int(r[k]) for k in ("min_mark3", "min_mark4", "min_mark5")]
    maxp = defaultdict(dict)
    with open(f"{d}/tasks.csv", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            maxp[(r["subject"], int(r["grade"]))][r["task"]] = int(r["max_points"])
    kind = {t["schoolID"]: t["kind"] for t in json.load(open(f"{d}/truth.json", encoding="utf-8"))}
    manip = {t["schoolID"] for t in json.load(open(f"{d}/truth.json", encoding="utf-8")) if t["manipulations"]}
    raw = open(f"{d}/results.csv", "rb").read()
    assert raw.count(b"\r\n") == raw.count(b"\n"), "not CRLF"
    rows = list(csv.reader(raw.decode("cp1251").splitlines(), delimiter=";"))
    head, body = rows[0], rows[1:]
    h = {c: i for i, c in enumerate(head)}
    tcols = [c for c in head if c[0].isdigit()]
    stats = defaultdict(lambda: defaultdict(int))
    errors = absent = nojournal = 0
    for r in body:
        work = (r[h["Предмет"]], int(r[h["Класс"]][:-1]))
        if r[h["Отметка"]] == "отсутствовал":
            absent += 1
            errors += any(r[h[c]] for c in tcols) or bool(r[h["Первичный балл"]])
            continue
        vals = {c: r[h[c]] for c in tcols if r[h[c]] != ""}
        ok = set(vals) == set(maxp[work]) and all(0 <= int(v) <= maxp[work][c] for c, v in vals.items())
        p = int(r[h["Первичный балл"]])
        ok &= p == sum(int(v) for v in vals.values())
        m = 2 + sum(p >= b for b in scales[work])
        ok &= m == int(r[h["Отметка"]])
        errors += not ok
        groups = [kind[r[h["Код ОО"]]], "ALL"] + (["(manipulated)"] if r[h["Код ОО"]] in manip else [])
        j = r[h["Отметка по журналу"]]
        for g in groups:
            st = stats[g]
            st["n"] += 1
            st[m] += 1
            if j:
                errors += int(j) not in (2, 3, 4, 5)
                st["j"] += 1
                st[">" if int(j) > m else "=" if int(j) == m else "<"] += 1
        nojournal += not j
    n_present = len(body) - absent
    print(f"{d}: {len(body)} rows, absent {absent / len(body):.1%}, "
          f"no journal {nojournal / max(1, n_present):.1%} of present, inconsistent rows: {errors}")
    print(f"{'kind':<18}{'n':>7}{'2':>7}{'3':>7}{'4':>7}{'5':>7}  |{'J>V':>7}{'J=V':>7}{'J<V':>7}")
    for g in sorted(stats, key=lambda g: (g == "ALL", g)):
        st = stats[g]
        sh = [st[k] / st["n"] for k in (2, 3, 4, 5)]
        jj = [st[k] / max(1, st["j"]) for k in (">", "=", "<")]
        print(f"{g:<18}{st['n']:>7}" + "".join(f"{x:>7.1%}" for x in sh) + "  |" + "".join(f"{x:>7.1%}" for x in jj))
    return errors


if __name__ == "__main__":
    sys.exit(1 if main(sys.argv[1]) else 0)
