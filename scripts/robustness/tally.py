#!/usr/bin/env python3
"""Tally the analyzer's risk lists against the truth of generated regions.

Usage: tally.py RUN_DIR
RUN_DIR holds one sub-folder per analysed region, each with `input/truth.json` (list of
{schoolID, kind, manipulations: [{scheme, strength}]}) and `output/risk-list.csv` (the contract's list).
The sub-folder name is `<scenario>__<seed>`, e.g. `honest__1` or `copying-moderate__12`.

Prints two Markdown tables (Russian, for docs/calibration.md): false inclusions of honest schools by kind, and
recall of manipulated schools by scenario, each with a Clopper–Pearson 95 % interval.
"""
import csv
import json
import math
import os
import sys
from collections import defaultdict

from scipy.stats import binomtest

SCHEMES = {
    "boundaryPulling": "дотягивание до границы",
    "inflatedJournal": "завышение отметок в журнале",
    "helpDuringTest": "помощь на работе",
    "copying": "списывание (одинаковые ответы)",
    "bentToJournal": "подгонка ВПР под журнал",
}
STRENGTHS = {"weak": "слабое", "moderate": "умеренное", "strong": "сильное"}
KINDS = {
    "city": "городские СОШ", "strong_city": "сильные городские", "rural": "сельские", "tiny": "малокомплектные",
    "gymnasium": "гимназии", "lyceum": "лицеи", "strict_gymnasium": "гимназии со строгим журналом", "strict_lyceum": "лицеи со строгим журналом",
    "weak": "слабые",
}


def interval(k, n):
    """Clopper–Pearson 95 % interval (scipy.stats.binomtest(k, n).proportion_ci(method='exact'))."""
    if n == 0: return (float("nan"), float("nan"))
    ci = binomtest(k, n).proportion_ci(confidence_level=0.95, method="exact")
    return ci.low, ci.high


def regions_word(n):
    """«1 регион», «2 региона», «5 регионов»."""
    if n % 10 == 1 and n % 100 != 11: return f"{n} регион"
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14: return f"{n} региона"
    return f"{n} регионов"


def pct(x):
    return f"{x * 100:.1f}".replace(".", ",") + " %"


def share(k, n):
    if n == 0: return "—"
    lo, hi = interval(k, n)
    return f"{k} из {n} ({pct(k / n)}; 95 % ДИ {pct(lo)} – {pct(hi)})"


def read_run(folder):
    """The truth, the listed schools and every school's p-value after the within-school step."""
    truth = json.load(open(os.path.join(folder, "input", "truth.json"), encoding="utf-8"))
    with open(os.path.join(folder, "output", "risk-list.csv"), encoding="utf-8-sig") as f:
        listed = {row["school_id"] for row in csv.DictReader(f, delimiter=";") if row["risk_group"] == "1"}
    results = json.load(open(os.path.join(folder, "output", "results.json"), encoding="utf-8"))
    school_p = {s["school"]["id"]: s["schoolPValue"] for s in results["schools"]}
    return truth, listed, school_p


def main(run_dir):
    honest = defaultdict(lambda: [0, 0])      # kind -> [flagged, total], honest schools of honest regions
    honest_in_manip = [0, 0]                   # honest schools in manipulated regions
    below_alpha = [0, 0, 0]                    # honest schools of honest regions: p ≤ 1 %, p ≤ 0.1 %, all
    recall = defaultdict(lambda: [0, 0])      # (scheme, strength) -> [found, total]
    mixed = defaultdict(lambda: [0, 0])       # scheme -> [found, total], regions where each school has its own
    regions = defaultdict(int)
    for name in sorted(os.listdir(run_dir)):
        folder = os.path.join(run_dir, name)
        if not os.path.isfile(os.path.join(folder, "output", "risk-list.csv")):
            continue
        scenario = name.split("__")[0]
        regions[scenario] += 1
        truth, listed, school_p = read_run(folder)
        for school in truth:
            if scenario == "honest":
                p = school_p.get(school["schoolID"], 1.0)
                below_alpha[0] += p <= 0.01; below_alpha[1] += p <= 0.001; below_alpha[2] += 1
            flagged = school["schoolID"] in listed
            if school["manipulations"]:
                m = school["manipulations"][0]
                cell = mixed[m["scheme"]] if scenario.startswith("mixed") else recall[(m["scheme"], m["strength"])]
                cell[0] += flagged; cell[1] += 1
            elif scenario == "honest":
                cell = honest[school["kind"]]
                cell[0] += flagged; cell[1] += 1
            else:
                honest_in_manip[0] += flagged; honest_in_manip[1] += 1

    print(f"**Честные ОО, регионы без искажений** ({regions_word(regions['honest'])}):\n")
    print("| Вид ОО | Включены в перечень |")
    print("|---|---|")
    total = [0, 0]
    for kind in sorted(honest, key=lambda k: list(KINDS).index(k) if k in KINDS else 99):
        k, n = honest[kind]
        total[0] += k; total[1] += n
        print(f"| {KINDS.get(kind, kind)} | {share(k, n)} |")
    print(f"| **все** | {share(*total)} |")
    print(f"| честные ОО в регионах с искажениями | {share(*honest_in_manip)} |")
    print()
    print("**Первый шаг решения (внутри ОО) на честных регионах** — доля ОО, чьё p-значение ОО не больше уровня; "
          "по построению она не больше самого уровня, шаг BH затем ещё уменьшает число включённых:\n")
    print("| p-значение ОО | Доля честных ОО |")
    print("|---|---|")
    print(f"| ≤ 1 % (α) | {share(below_alpha[0], below_alpha[2])} |")
    print(f"| ≤ 0,1 % | {share(below_alpha[1], below_alpha[2])} |")
    print()
    print("**ОО с искажениями** (искажения в 15 % немалокомплектных ОО региона):\n")
    print("| Схема | Сила | Регионов | Выявлено |")
    print("|---|---|---|---|")
    for scheme in SCHEMES:
        for strength in STRENGTHS:
            if (scheme, strength) not in recall: continue
            k, n = recall[(scheme, strength)]
            count = regions.get(f"{scheme}-{strength}", 0)
            print(f"| {SCHEMES[scheme]} | {STRENGTHS[strength]} | {count} | {share(k, n)} |")
    if mixed:
        print()
        print(f"**Смешанные регионы** ({regions_word(regions.get('mixed-moderate', 0))}, умеренная сила; у каждой ОО с "
              "искажениями — одна из пяти схем, выбранная случайно, как в реальном регионе, где схемы встречаются "
              "вместе):\n")
        print("| Схема | Выявлено |")
        print("|---|---|")
        total = [0, 0]
        for scheme in SCHEMES:
            if scheme not in mixed: continue
            k, n = mixed[scheme]
            total[0] += k; total[1] += n
            print(f"| {SCHEMES[scheme]} | {share(k, n)} |")
        print(f"| **все** | {share(*total)} |")


if __name__ == "__main__":
    main(sys.argv[1])
