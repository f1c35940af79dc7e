#!/usr/bin/env python3
"""Independent synthetic ВПР region generator (robustness test data).

Model (written without looking at the analyzer's own generator):

* Works: Математика and Русский язык, grades 4-7, year 2025. Each work gets its
  own task list (10-20 tasks, ids like 1, 2, 4.1, 4.2; max_points 1-3; levels
  Б/П/В with 1-3 В tasks at the end), max_score = sum of max_points and a
  conversion scale with mark 3/4/5 at ~30-35 / 55-60 / 80-85 % of max_score.
* Responses follow a graded-response (2PL) IRT model. Task k of a work has a
  discrimination a in [0.6, 2.0] and cumulative thresholds b_1 < ... < b_m for
  its m points; P(score >= j) = logistic(a * (theta - b_j - d_school - d_class))
  where d_school ~ N(0, 0.2) per school x task and d_class ~ N(0, 0.15) per
  class x task. One uniform per cell is compared with the cumulative curve.
  Each work's difficulty is shifted so that the regional mean percent correct
  lands at a random target of 52-60 %.
* Ability theta = school effect (+ small subject tilt) + class x subject effect
  N(0, 0.25) + individual N(0, 1); the individual maths and Russian parts are
  bivariate normal with correlation 0.7. School effect: Student t(5) * 0.4 for
  ordinary schools, +1.0..+1.6 for gymnasiums/lyceums, -0.8..-1.2 for weak
  schools and about +0.5 for "strong_city" schools.
* Journal (term) mark: latent = theta + school generosity N(0, 0.25) + teacher
  (class x subject) generosity N(0, 0.15) + N(0, 0.6), cut at the abilities
  where the test characteristic curve reaches each scale boundary, shifted
  so that teachers give fewer 2s and slightly more 4s than the ВПР.
  "strict_*" gymnasiums/lyceums have a clearly negative generosity.
* About 4 % of student x work rows are absent ("отсутствовал", no scores) and
  about 3 % of present rows have no journal mark.
* Manipulation schemes (boundaryPulling, inflatedJournal, helpDuringTest,
  copying, bentToJournal) are applied after the honest data is drawn, from a
  separate random stream, so a seed gives the same honest base with and
  without --scheme. Every row stays consistent (task <= max, primary = sum,
  mark = scale(primary)).
"""
import argparse
import csv
import json
import os

import numpy as np

YEAR = 2025
SUBJECTS = ("Математика", "Русский язык")
GRADES = (4, 5, 6, 7)
LETTERS = "АБВГ"
ABSENT = "отсутствовал"
SCHEMES = ("boundaryPulling", "inflatedJournal", "helpDuringTest", "copying", "bentToJournal")
# scheme -> strength -> parameters
STRENGTHS = {
    "boundaryPulling": {"weak": (0.2, 2), "moderate": (0.4, 2), "strong": (0.7, 3)},
    "inflatedJournal": {"weak": 0.3, "moderate": 0.6, "strong": 0.9},
    "helpDuringTest": {"weak": 0.3, "moderate": 0.5, "strong": 0.8},
    "copying": {"weak": (3, 1), "moderate": (5, 1), "strong": (8, 2)},
    "bentToJournal": {"weak": 0.3, "moderate": 0.6, "strong": 0.9},
}
JOURNAL_SHIFT = np.array([-0.95, -0.20, 0.05])  # added to the ВПР-equivalent cuts
VILLAGES = ("Берёзовская", "Никольская", "Покровская", "Сосновская", "Ивановская",
            "Красноярская", "Михайловская", "Луговская", "Озёрная", "Васильевская",
            "Троицкая", "Калиновская", "Знаменская", "Липовская", "Дубровская",
            "Петровская", "Рябиновская", "Заозёрная", "Горская", "Вознесенская",
            "Ключевская", "Медведевская", "Ольховская", "Полянская", "Садовая",
            "Тихоновская", "Ульяновская", "Чистопольская", "Яблоновская", "Лесная")
DISTRICTS = ("Северный район", "Приречный район", "Степной район")
CITY = "городской округ Светлогорск"


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


def task_ids(rng, n_items):
    """Ids 1, 2, 3, 4.1, 4.2, ... with n_items leaves in total."""
    ids, num = [], 1
    while len(ids) < n_items:
        if n_items - len(ids) >= 2 and rng.random() < 0.15:
            ids += [f"{num}.1", f"{num}.2"]
        else:
            ids.append(str(num))
        num += 1
    return ids


def expected_score(work, theta, shift=0.0):
    p = sigmoid(work["a"][None, :, None] * (theta[:, None, None] - work["thr"][None] - shift))
    return p.sum(axis=(1, 2))


def make_work(rng, subject, grade):
    n = int(rng.integers(10, 21))
    ids = task_ids(rng, n)
    n_v = int(rng.integers(1, 4))
    n_p = int(rng.integers(2, 5))
    level = ["Б"] * (n - n_v - n_p) + ["П"] * n_p + ["В"] * n_v
    # a couple of П tasks drift into the basic block, as in real variants
    for i in rng.choice(n - n_v, size=min(2, n - n_v), replace=False):
        j = int(rng.integers(0, n - n_v))
        level[i], level[j] = level[j], level[i]
    probs = {"Б": (0.55, 0.35, 0.10), "П": (0.35, 0.45, 0.20), "В": (0.15, 0.45, 0.40)}
    if subject == "Русский язык":
        probs["Б"] = (0.35, 0.40, 0.25)
    maxp = np.array([rng.choice([1, 2, 3], p=probs[lv]) for lv in level])
    loc = {"Б": (-0.9, 0.5), "П": (0.4, 0.4), "В": (1.3, 0.4)}
    b = np.array([rng.normal(*loc[lv]) for lv in level])
    a = rng.uniform(0.6, 2.0, size=n)
    thr = np.full((n, 3), np.inf)
    for k in range(n):
        m = maxp[k]
        steps = np.sort(rng.uniform(0.4, 1.1, size=m)).cumsum()
        thr[k, :m] = b[k] + steps - steps.mean()
    work = {"subject": subject, "grade": grade, "ids": ids, "maxp": maxp, "level": level,
            "a": a, "max_score": int(maxp.sum())}
    # shift the difficulty so that the region's mean percent hits a target
    target = rng.uniform(0.52, 0.60) * work["max_score"]
    pop = np.random.default_rng(7).normal(0.0, 1.1, size=4000)
    lo, hi = -3.0, 3.0
    for _ in range(40):
        mid = (lo + hi) / 2
        work["thr"] = thr + mid
        lo, hi = (mid, hi) if expected_score(work, pop).mean() > target else (lo, mid)
    ms = work["max_score"]
    cuts = [int(round(ms * rng.uniform(*r))) for r in ((0.30, 0.35), (0.55, 0.60), (0.80, 0.85))]
    cuts[1] = max(cuts[1], cuts[0] + 1)
    cuts[2] = min(max(cuts[2], cuts[1] + 1), ms)
    work["scale"] = np.array(cuts)
    grid = np.linspace(-5, 5, 2001)
    tcc = expected_score(work, grid)
    work["theta_cuts"] = np.interp(work["scale"] - 0.5, tcc, grid)
    return work


def school_plan(m):
    """Kinds for m schools, following the requested proportions."""
    n_tiny, n_rural = round(0.15 * m), round(0.25 * m)
    n_elite, n_weak = max(1, round(0.06 * m)), max(1, round(0.06 * m))
    n_city = round(0.40 * m)
    n_strong = max(0, m - n_tiny - n_rural - n_elite - n_weak - n_city)
    n_city = m - n_tiny - n_rural - n_elite - n_weak - n_strong
    elite = []
    for i in range(n_elite):
        base = "gymnasium" if i % 2 == 0 else "lyceum"
        elite.append(("strict_" + base) if i % 3 == 2 else base)
    return (["city"] * n_city + ["rural"] * n_rural + ["tiny"] * n_tiny + elite
            + ["weak"] * n_weak + ["strong_city"] * n_strong)


def make_schools(rng, m):
    kinds = list(rng.permutation(school_plan(m)))
    n_mun = int(rng.integers(2, 5))
    districts = list(DISTRICTS[: n_mun - 1])
    villages = list(rng.permutation(VILLAGES))
    number = iter(rng.permutation(np.arange(1, m + 40)))
    schools, sid_next = [], int(rng.integers(10000, 20000))
    for i, kind in enumerate(kinds):
        s = {"id": f"alt{i + 1:04d}", "kind": kind}
        base = kind.replace("strict_", "")
        if base in ("gymnasium", "lyceum"):
            s["eff"] = rng.uniform(1.0, 1.6)
        elif kind == "weak":
            s["eff"] = rng.uniform(-1.2, -0.8)
        elif kind == "strong_city":
            s["eff"] = 0.5 + 0.1 * rng.standard_t(5)
        else:
            s["eff"] = 0.4 * rng.standard_t(5) - (0.15 if kind in ("rural", "tiny") else 0.0)
        s["tilt"] = rng.normal(0, 0.12, size=2)
        s["gen"] = -rng.uniform(0.5, 0.8) if kind.startswith("strict_") else rng.normal(0, 0.25)
        rural = kind in ("rural", "tiny") or (kind == "weak" and rng.random() < 0.5)
        s["locality"] = "село" if rural else "город"
        in_district = rural or rng.random() < 0.2  # some town schools sit in district centres
        s["municipality"] = districts[int(rng.integers(len(districts)))] if in_district else CITY
        if base in ("gymnasium", "lyceum"):
            word = "Гимназия" if base == "gymnasium" else "Лицей"
            s["type"] = "гимназия" if base == "gymnasium" else "лицей"
            s["name"] = f'МАОУ "{word} № {next(number)}"' + (", г. Светлогорск" if rng.random() < 0.5 else "")
        elif rural:
            s["type"] = "НОШ" if kind == "tiny" and rng.random() < 0.3 else (
                "ООШ" if kind == "tiny" or rng.random() < 0.4 else "СОШ")
            name = villages.pop() if villages else f"Сельская № {next(number)}"
            s["name"] = f"МКОУ {name} {s['type']}"
        else:
            s["type"] = "СОШ"
            extra = " с углублённым изучением отдельных предметов" if kind == "strong_city" else ""
            s["name"] = f"МБОУ СОШ № {next(number)}{extra}"
        s["classes"] = {}
        for g in GRADES:
            if kind == "tiny":
                empty = (g > 4 and s["type"] == "НОШ") or (g > 4 and rng.random() < 0.1)
                sizes = [0 if empty else int(rng.integers(1, 8))]
            elif kind == "rural" or (kind == "weak" and rural):
                sizes = [int(rng.integers(6, 19))]
            elif kind == "weak":
                sizes = list(rng.integers(14, 26, size=int(rng.integers(1, 3))))
            else:
                sizes = list(rng.integers(18, 31, size=int(rng.integers(2, 5))))
            cls = []
            for j, n in enumerate(sizes):
                if n == 0:
                    continue
                ids = sid_next + np.cumsum(rng.integers(1, 4, size=n))
                sid_next = int(ids[-1]) + int(rng.integers(5, 40))
                ind = rng.multivariate_normal([0, 0], [[1, 0.7], [0.7, 1]], size=n)
                cls.append({"label": f"{g}{LETTERS[j]}", "ids": ids, "ind": ind,
                            "eff": rng.normal(0, 0.25, size=2), "gen": rng.normal(0, 0.15, size=2)})
            s["classes"][g] = cls
        schools.append(s)
    return schools


def draw_work(rng, work, schools):
    """Honest rows of one work: a dict of parallel arrays."""
    si = SUBJECTS.index(work["subject"])
    T = len(work["ids"])
    out = {k: [] for k in ("school", "cls", "label", "sid", "scores", "absent", "journal")}
    for s_idx, s in enumerate(schools):
        d_school = rng.normal(0, 0.2, size=T)
        for c_idx, c in enumerate(s["classes"][work["grade"]]):
            n = len(c["ids"])
            theta = s["eff"] + s["tilt"][si] + c["eff"][si] + c["ind"][:, si]
            dev = d_school + rng.normal(0, 0.15, size=T)
            p = sigmoid(work["a"][None, :, None]
                        * (theta[:, None, None] - work["thr"][None] - dev[None, :, None]))
            u = rng.random((n, T))
            scores = (u[:, :, None] < p).sum(axis=2)
            latent = theta + s["gen"] + c["gen"][si] + rng.normal(0, 0.6, size=n)
            journal = 2 + (latent[:, None] > work["theta_cuts"] + JOURNAL_SHIFT).sum(axis=1)
            journal[rng.random(n) < 0.03] = 0
            out["school"] += [s_idx] * n
            out["cls"] += [c_idx] * n
            out["label"] += [c["label"]] * n
            out["sid"].append(c["ids"])
            out["scores"].append(scores)
            out["absent"].append(rng.random(n) < 0.04)
            out["journal"].append(journal)
    rows = {"school": np.array(out["school"], dtype=int), "cls": np.array(out["cls"], dtype=int),
            "label": out["label"]}
    for k in ("sid", "absent", "journal"):
        rows[k] = np.concatenate(out[k]) if out[k] else np.zeros(0, dtype=int)
    rows["scores"] = np.vstack(out["scores"]) if out["scores"] else np.zeros((0, T), dtype=int)
    rows["journal"][rows["absent"]] = 0
    return rows


def to_mark(scale, primary):
    return 2 + (np.asarray(primary)[..., None] >= scale).sum(axis=-1)


def shift_points(rng, row, maxp, delta):
    """Add (delta > 0) or remove (delta < 0) points one at a time on random tasks."""
    for _ in range(abs(delta)):
        room = np.flatnonzero(row < maxp) if delta > 0 else np.flatnonzero(row > 0)
        if room.size == 0:
            return
        row[rng.choice(room)] += 1 if delta > 0 else -1


def manipulate(rng, scheme, strength, work, rows, targets):
    par = STRENGTHS[scheme][strength]
    maxp, scale, ms = work["maxp"], work["scale"], work["max_score"]
    sc = rows["scores"]
    present = ~rows["absent"]
    idx = np.flatnonzero(np.isin(rows["school"], list(targets)) & present)
    if scheme == "boundaryPulling":
        prob, gap = par
        for r in idx:
            p = sc[r].sum()
            for b in scale:
                if b - gap <= p < b:
                    if rng.random() < prob:
                        shift_points(rng, sc[r], maxp, int(b - p))
                    break
    elif scheme == "inflatedJournal":
        j = rows["journal"]
        for r in idx:
            if 2 <= j[r] < 5 and rng.random() < par:
                j[r] += 1
    elif scheme == "helpDuringTest":
        hard = np.array([lv != "Б" for lv in work["level"]])
        for r in idx:
            if rng.random() < par:
                lift = (sc[r] < maxp) & (rng.random(len(maxp)) < np.where(hard, 0.6, 0.4))
                sc[r][lift] = maxp[lift]
    elif scheme == "copying":
        size, n_cls = par
        for s_idx in sorted(targets):
            mine = idx[rows["school"][idx] == s_idx]
            classes = [c for c in np.unique(rows["cls"][mine]) if (rows["cls"][mine] == c).sum() >= 2]
            if not classes:
                continue
            big = [c for c in classes if (rows["cls"][mine] == c).sum() > size] or classes
            for c in rng.choice(big, size=min(n_cls, len(big)), replace=False):
                members = mine[rows["cls"][mine] == c]
                src = rng.choice(members)
                others = members[members != src]
                for r in rng.choice(others, size=min(size, len(others)), replace=False):
                    sc[r] = sc[src]
                    if rng.random() < 1 / 3:
                        k = int(rng.integers(len(maxp)))
                        sc[r, k] += 1 if sc[r, k] == 0 or (sc[r, k] < maxp[k] and rng.random() < 0.5) else -1
    elif scheme == "bentToJournal":
        lower = {2: 0, 3: scale[0], 4: scale[1], 5: scale[2]}
        upper = {2: scale[0] - 1, 3: scale[1] - 1, 4: scale[2] - 1, 5: ms}
        for r in idx:
            j, p = int(rows["journal"][r]), int(sc[r].sum())
            m = int(to_mark(scale, p))
            if j and j != m and rng.random() < par:
                target = lower[j] if j > m else upper[j]
                shift_points(rng, sc[r], maxp, int(target - p))


def id_key(t):
    return tuple(int(x) for x in t.split("."))


def write_outputs(out, works, schools, blocks, manip):
    os.makedirs(out, exist_ok=True)
    all_ids = sorted({t for w in works for t in w["ids"]}, key=id_key)
    col = {t: i for i, t in enumerate(all_ids)}
    with open(os.path.join(out, "results.csv"), "w", encoding="cp1251", newline="") as f:
        wr = csv.writer(f, delimiter=";", lineterminator="\r\n")
        wr.writerow(["Год", "Код ОО", "Класс", "Предмет", "Код участника", *all_ids,
                     "Первичный балл", "Отметка", "Отметка по журналу"])
        for w, rows in zip(works, blocks):
            for r in range(len(rows["sid"])):
                cells = [""] * len(all_ids)
                if rows["absent"][r]:
                    tail = ["", ABSENT, ""]
                else:
                    for t, v in zip(w["ids"], rows["scores"][r]):
                        cells[col[t]] = str(int(v))
                    p = int(rows["scores"][r].sum())
                    j = int(rows["journal"][r])
                    tail = [str(p), str(int(to_mark(w["scale"], p))), str(j) if j else ""]
                wr.writerow([YEAR, schools[rows["school"][r]]["id"], rows["label"][r], w["subject"],
                             int(rows["sid"][r]), *cells, *tail])
    with open(os.path.join(out, "schools.csv"), "w", encoding="utf-8-sig", newline="") as f:
        wr = csv.writer(f, lineterminator="\n")
        wr.writerow(["school_id", "school_name", "municipality", "locality", "school_type"])
        for s in schools:
            wr.writerow([s["id"], s["name"], s["municipality"], s["locality"], s["type"]])
    with open(os.path.join(out, "scales.csv"), "w", encoding="utf-8", newline="") as f:
        wr = csv.writer(f, lineterminator="\n")
        wr.writerow(["year", "subject", "grade", "max_score", "min_mark3", "min_mark4", "min_mark5"])
        for w in works:
            wr.writerow([YEAR, w["subject"], w["grade"], w["max_score"], *map(int, w["scale"])])
    with open(os.path.join(out, "tasks.csv"), "w", encoding="utf-8", newline="") as f:
        wr = csv.writer(f, lineterminator="\n")
        wr.writerow(["year", "subject", "grade", "task", "max_points", "level"])
        for w in works:
            for t, m, lv in zip(w["ids"], w["maxp"], w["level"]):
                wr.writerow([YEAR, w["subject"], w["grade"], t, int(m), lv])
    truth = [{"schoolID": s["id"], "kind": s["kind"], "manipulations": manip.get(i, [])}
             for i, s in enumerate(schools)]
    with open(os.path.join(out, "truth.json"), "w", encoding="utf-8") as f:
        json.dump(truth, f, ensure_ascii=False, indent=2)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--schools", type=int, required=True)
    ap.add_argument("--out", required=True)
    mode = ap.add_mutually_exclusive_group()
    mode.add_argument("--scheme", choices=SCHEMES + ("mixed",),
                      help="one scheme for every manipulated school, or mixed: each gets one of the five at random")
    mode.add_argument("--honest", action="store_true")
    ap.add_argument("--strength", choices=("weak", "moderate", "strong"), default="moderate")
    ap.add_argument("--share", type=float, default=0.15)
    args = ap.parse_args()
    if args.schools < 5:
        ap.error("--schools must be at least 5")
    # independent streams: design, honest responses, manipulation
    rng_design, rng_draw, rng_manip = np.random.Generator(np.random.PCG64(args.seed)).spawn(3)
    works = [make_work(rng_design, s, g) for s in SUBJECTS for g in GRADES]
    schools = make_schools(rng_design, args.schools)
    blocks = [draw_work(rng_draw, w, schools) for w in works]
    manip = {}
    if args.scheme and not args.honest:
        eligible = [i for i, s in enumerate(schools) if s["kind"] != "tiny"]
        n = min(len(eligible), max(1, int(round(args.share * len(eligible)))))
        targets = set(int(i) for i in rng_manip.choice(eligible, size=n, replace=False))
        if args.scheme == "mixed":
            ordered = sorted(targets)
            assigned = {i: SCHEMES[int(k)] for i, k in zip(ordered, rng_manip.integers(0, len(SCHEMES), size=len(ordered)))}
        else:
            assigned = {i: args.scheme for i in targets}
        for scheme in SCHEMES:
            group = {i for i, sch in assigned.items() if sch == scheme}
            if not group:
                continue
            for w, rows in zip(works, blocks):
                manipulate(rng_manip, scheme, args.strength, w, rows, group)
        manip = {i: [{"scheme": assigned[i], "strength": args.strength}] for i in targets}
    write_outputs(args.out, works, schools, blocks, manip)


if __name__ == "__main__":
    main()
