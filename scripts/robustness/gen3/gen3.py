#!/usr/bin/env python3
"""gen3.py -- independent synthetic generator of VPR (ВПР) school results.

Written from scratch against /work/shared/input-format.md only.

Model summary (see REPORT.md for the full list):
  * 8 works: Математика and Русский язык, grades 4..7; 2 years (2025, 2026);
    cohorts move up one grade with the same school, class letter and most
    students (5 % turnover).
  * Tasks: generalized partial-credit model (GPCM) with 2PL-type
    discrimination; 12..18 tasks per work, 1..3 points each; levels Б/П/В
    drive the step difficulties.  Two variants with per-task difficulty
    perturbations.  Task parameters are fixed (same for every region) and a
    per-work difficulty offset is calibrated on a fixed theta grid.
  * Ability: heavy-tailed (Student t, df=6) individual abilities, correlated
    between subjects (rho=0.7), school and class effects, test-day noise;
    gymnasiums/lyceums +1 SD with strongly left-skewed (skew-normal) spread.
  * Journal marks: each teacher (per class x subject; one class teacher for
    both subjects in grade 4) has a generosity drawn from a mixture
    (lenient / strict / typical), plus a school-level generosity, partial
    grading on the class curve and noise.
  * Manipulations: boundary, help, copying, bent, inflated, mixed.
"""
import argparse
import csv
import hashlib
import math
import os
import sys

import numpy as np

YEARS = [2025, 2026]
SUBJECTS = ["Математика", "Русский язык"]
GRADES = [4, 5, 6, 7]

# (subject, grade) -> (n_tasks, max_score, (min3, min4, min5))   -- our own scales
SCALES = {
    ("Математика", 4): (12, 20, (6, 10, 15)),
    ("Математика", 5): (14, 20, (5, 10, 15)),
    ("Математика", 6): (13, 16, (5, 9, 13)),
    ("Математика", 7): (16, 19, (6, 11, 16)),
    ("Русский язык", 4): (15, 38, (14, 24, 33)),
    ("Русский язык", 5): (17, 45, (18, 29, 39)),
    ("Русский язык", 6): (18, 51, (25, 34, 45)),
    ("Русский язык", 7): (17, 47, (20, 30, 40)),
}
# 2026 scale tweaks (the federal scale changes a little between years)
SCALE_TWEAK_2026 = {
    ("Русский язык", 4): (14, 25, 33),
    ("Математика", 5): (5, 10, 14),
}
# target mean fraction of max score for an average (theta=0) student
TARGET_FRAC = {
    ("Математика", 4): 0.56, ("Математика", 5): 0.54, ("Математика", 6): 0.54,
    ("Математика", 7): 0.53, ("Русский язык", 4): 0.62, ("Русский язык", 5): 0.61,
    ("Русский язык", 6): 0.63, ("Русский язык", 7): 0.60,
}
MAX_TASKS = 18
# diagnostic ablation switches (defaults = the model used for the study)
SLIP_RATE = float(os.environ.get("GEN3_SLIP", "0.02"))
RASCH = os.environ.get("GEN3_RASCH", "0") == "1"
LETTERS = "АБВГД"

MUNICIPALITIES = [
    "г. Заречный", "г. Северск-на-Оке", "Берёзовский район", "Каменский район",
    "Озёрный район", "г. Новоуральск", "Лесной район", "Полевской район",
    "Сосновский район", "Крутоярский район",
]
VILLAGES = ["Ивановка", "Сосновка", "Берёзовка", "Каменка", "Озерки", "Луговое",
            "Покровка", "Никольское", "Кривцово", "Ракитное", "Дубки", "Раздолье"]

# school kinds: (share of region, params)
KINDS = {
    "big":       dict(share=0.20, classes=(2, 4), size=(20, 30), mu=0.10, mu_sd=0.25,
                      cls_sd=0.18, abs=0.07, loc="город", types=["СОШ"]),
    "ordinary":  dict(share=0.35, classes=(1, 2), size=(14, 28), mu=0.0, mu_sd=0.30,
                      cls_sd=0.20, abs=0.08, loc=None, types=["СОШ"]),
    "gymnasium": dict(share=0.10, classes=(2, 3), size=(22, 30), mu=1.0, mu_sd=0.20,
                      cls_sd=0.12, abs=0.04, loc="город", types=["гимназия", "лицей"]),
    "weak":      dict(share=0.15, classes=(1, 2), size=(12, 25), mu=-0.70, mu_sd=0.25,
                      cls_sd=0.22, abs=0.13, loc=None, types=["СОШ"]),
    "tiny":      dict(share=0.20, classes=(1, 1), size=(3, 10), mu=-0.30, mu_sd=0.40,
                      cls_sd=0.0, abs=0.08, loc="село", types=["ООШ"]),
}

# manipulation parameters per strength
STRENGTH = {
    "boundary": {"weak": 0.2, "moderate": 0.4, "strong": 0.7},
    # (share of students helped, prob. a failed task is turned to full marks)
    "help": {"weak": (0.20, 0.25), "moderate": (0.40, 0.45), "strong": (0.65, 0.65)},
    # (n groups range, group size range)
    "copying": {"weak": ((1, 1), (2, 3)), "moderate": ((1, 2), (3, 5)),
                "strong": ((2, 3), (4, 7))},
    # share of mark-disagreeing papers moved to the journal mark band
    "bent": {"weak": 0.30, "moderate": 0.60, "strong": 0.90},
    # (share of students with journal +1, share of those with +2)
    "inflated": {"weak": (0.25, 0.0), "moderate": (0.45, 0.05), "strong": (0.70, 0.15)},
}
SCHEMES = ["boundary", "help", "copying", "bent", "inflated"]


def stable_seed(*parts):
    h = hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()
    return int(h[:12], 16)


# ---------------------------------------------------------------- tasks
def gpcm_probs(theta, a, steps):
    """theta: (n,), a: scalar, steps: (m,) -> (n, m+1) category probabilities."""
    cum = np.zeros((theta.shape[0], len(steps) + 1))
    cum[:, 1:] = np.cumsum(a * (theta[:, None] - steps[None, :]), axis=1)
    cum -= cum.max(axis=1, keepdims=True)
    p = np.exp(cum)
    return p / p.sum(axis=1, keepdims=True)


class Work:
    def __init__(self, subject, grade):
        self.subject, self.grade = subject, grade
        n, mx, cuts = SCALES[(subject, grade)]
        rng = np.random.default_rng(stable_seed("tasks", subject, grade))
        # points: start at 1 and distribute the remainder, max 3
        pts = np.ones(n, dtype=int)
        rem = mx - n
        while rem > 0:
            j = rng.integers(n)
            if pts[j] < 3:
                pts[j] += 1
                rem -= 1
        # levels: first ~55 % basic, ~30 % advanced, rest high; multi-point
        # tasks tend to be later
        order = np.argsort(pts + rng.uniform(0, 1.5, n), kind="stable")
        pts = pts[order]
        nb = int(round(n * 0.55)); npv = int(round(n * 0.30))
        levels = ["Б"] * nb + ["П"] * npv + ["В"] * (n - nb - npv)
        self.n, self.max_score, self.pts, self.levels = n, mx, pts, levels
        loc = {"Б": -1.1, "П": 0.3, "В": 1.4}
        self.a = np.exp(rng.normal(0.15, 0.3, n))  # discrimination
        if RASCH:  # diagnostic ablation only: equal discriminations
            self.a = np.full(n, 1.16)
        self.base_b = np.array([loc[l] + rng.normal(0, 0.35) for l in levels])
        self.step_off = [np.sort(rng.normal(0, 0.5, p)) if p > 1 else np.zeros(1)
                         for p in pts]
        # variants: per-task difficulty perturbations
        self.var_shift = {1: rng.normal(0, 0.2, n), 2: rng.normal(0, 0.2, n)}
        self.offset = 0.0
        self._calibrate()

    def steps(self, j, variant):
        return self.base_b[j] + self.offset + self.var_shift[variant][j] + self.step_off[j]

    def expected(self, theta, variant=1):
        e = np.zeros_like(theta)
        for j in range(self.n):
            p = gpcm_probs(theta, self.a[j], self.steps(j, variant))
            e += p @ np.arange(self.pts[j] + 1)
        return e

    def _calibrate(self):
        target = TARGET_FRAC[(self.subject, self.grade)]
        grid = np.linspace(-4, 4, 161)
        w = np.exp(-grid ** 2 / 2); w /= w.sum()
        lo, hi = -3.0, 3.0
        for _ in range(40):
            self.offset = (lo + hi) / 2
            f = (self.expected(grid) * w).sum() / self.max_score
            if f > target:
                lo = self.offset
            else:
                hi = self.offset
        self.offset = (lo + hi) / 2

    def cuts(self, year):
        if year == 2026 and (self.subject, self.grade) in SCALE_TWEAK_2026:
            return SCALE_TWEAK_2026[(self.subject, self.grade)]
        return SCALES[(self.subject, self.grade)][2]

    def simulate(self, theta, variants, rng):
        out = np.zeros((theta.shape[0], self.n), dtype=int)
        for v in (1, 2):
            idx = np.where(variants == v)[0]
            if len(idx) == 0:
                continue
            for j in range(self.n):
                p = gpcm_probs(theta[idx], self.a[j], self.steps(j, v))
                c = p.cumsum(axis=1)
                u = rng.uniform(size=(len(idx), 1))
                out[idx, j] = (u > c).sum(axis=1)
        # careless slips on basic one-point tasks (2 %)
        for j in range(self.n):
            if self.levels[j] == "Б":
                slip = rng.uniform(size=theta.shape[0]) < SLIP_RATE
                out[slip, j] = 0
        return np.minimum(out, self.pts[None, :])


def mark_of(score, cuts):
    m3, m4, m5 = cuts
    return np.where(score >= m5, 5, np.where(score >= m4, 4, np.where(score >= m3, 3, 2)))


# ---------------------------------------------------------------- school model
def teacher_generosity(rng):
    u = rng.uniform()
    if u < 0.15:
        return rng.normal(0.55, 0.2)   # lenient
    if u < 0.25:
        return rng.normal(-0.45, 0.2)  # strict
    return rng.normal(0.0, 0.18)


def individual_ability(rng, n, kind):
    if kind == "gymnasium":
        # skew-normal, alpha=-5, standardised to mean 0, sd 0.85
        alpha = -5.0
        d = alpha / math.sqrt(1 + alpha ** 2)
        u0 = rng.normal(size=n); v = rng.normal(size=n)
        z = d * np.abs(u0) + math.sqrt(1 - d * d) * v   # left-skewed for alpha<0
        mean = d * math.sqrt(2 / math.pi)
        sd = math.sqrt(1 - 2 * d * d / math.pi)
        return (z - mean) / sd * 0.85
    t = rng.standard_t(6, size=n) * math.sqrt(4 / 6)  # unit variance t6
    return t * (1.05 if kind == "weak" else 0.95)


def build_region(seed, n_schools):
    rng = np.random.default_rng(seed)
    kinds_list = list(KINDS)
    shares = np.array([KINDS[k]["share"] for k in kinds_list])
    counts = np.floor(shares * n_schools).astype(int)
    while counts.sum() < n_schools:
        counts[rng.integers(len(counts))] += 1
    kinds = np.repeat(kinds_list, counts)
    rng.shuffle(kinds)
    schools = []
    used_names = set()
    for i, kind in enumerate(kinds):
        p = KINDS[kind]
        sid = f"{(seed % 90) + 10:02d}{i + 1:04d}"
        muni = MUNICIPALITIES[rng.integers(len(MUNICIPALITIES))]
        loc = p["loc"] or ("село" if rng.uniform() < 0.35 else "город")
        stype = p["types"][rng.integers(len(p["types"]))]
        num = i + 1
        if stype == "гимназия":
            name = f"МАОУ «Гимназия № {num}»"
        elif stype == "лицей":
            name = f"МАОУ «Лицей № {num}»"
        elif stype == "ООШ":
            name = f"МКОУ «ООШ с. {VILLAGES[rng.integers(len(VILLAGES))]}» ({num})"
        elif loc == "село":
            name = f"МКОУ «СОШ с. {VILLAGES[rng.integers(len(VILLAGES))]}» ({num})"
        else:
            name = f"МБОУ «СОШ № {num}»"
        schools.append(dict(school_id=sid, kind=kind, name=name, muni=muni,
                            loc=loc, stype=stype,
                            mu=p["mu"] + rng.normal(0, p["mu_sd"]),
                            gen=rng.normal(0, 0.22),   # school journal generosity
                            abs=p["abs"] * math.exp(rng.normal(0, 0.3))))
    return schools


# ---------------------------------------------------------------- manipulations
def add_points(row, pts, k, rng, prefer_multi=True):
    """add k points to a task-score row (in place), random tasks with slack."""
    for _ in range(k):
        slack = np.where(row < pts)[0]
        if len(slack) == 0:
            return
        w = np.where(pts[slack] > 1, 2.0, 1.0) if prefer_multi else np.ones(len(slack))
        j = rng.choice(slack, p=w / w.sum())
        row[j] += 1


def remove_points(row, k, rng):
    for _ in range(k):
        have = np.where(row > 0)[0]
        if len(have) == 0:
            return
        row[rng.choice(have)] -= 1


def manip_boundary(S, cuts, rate, rng, work):
    sc = S.sum(1)
    for i in range(S.shape[0]):
        for b in cuts:
            gap = b - sc[i]
            if gap in (1, 2):
                if rng.uniform() < rate:
                    add_points(S[i], work.pts, gap, rng)
                break


def manip_help(S, params, rng, work):
    share, p = params
    n = S.shape[0]
    helped = rng.uniform(size=n) < share
    for i in np.where(helped)[0]:
        for j in range(work.n):
            if S[i, j] < work.pts[j]:
                # hard tasks are helped at least as often (teacher dictates
                # solutions to the tasks students can't do)
                pj = p * (1.15 if work.levels[j] != "Б" else 1.0)
                if rng.uniform() < min(pj, 0.95):
                    S[i, j] = work.pts[j]


def manip_copying(S, params, rng, work):
    (g_lo, g_hi), (s_lo, s_hi) = params
    n = S.shape[0]
    free = list(rng.permutation(n))
    for _ in range(rng.integers(g_lo, g_hi + 1)):
        size = int(rng.integers(s_lo, s_hi + 1))
        if len(free) < max(2, size):
            break
        grp = [free.pop() for _ in range(size)]
        leader = max(grp, key=lambda i: S[i].sum())
        for i in grp:
            if i == leader:
                continue
            S[i] = S[leader]
            if rng.uniform() < 0.35:  # near-identical: one task differs by one point
                j = rng.integers(work.n)
                if S[i, j] > 0 and rng.uniform() < 0.5:
                    S[i, j] -= 1
                elif S[i, j] < work.pts[j]:
                    S[i, j] += 1


def manip_bent(S, journal, cuts, rate, rng, work):
    m3, m4, m5 = cuts
    bands = {2: (0, m3 - 1), 3: (m3, m4 - 1), 4: (m4, m5 - 1), 5: (m5, work.max_score)}
    sc = S.sum(1)
    mk = mark_of(sc, cuts)
    for i in range(S.shape[0]):
        if journal[i] == 0 or mk[i] == journal[i]:
            continue
        if rng.uniform() >= rate:
            continue
        lo, hi = bands[int(journal[i])]
        if sc[i] < lo:
            target = min(hi, lo + int(rng.integers(0, 3)))
            add_points(S[i], work.pts, target - sc[i], rng)
        else:
            target = max(lo, hi - int(rng.integers(0, 3)))
            remove_points(S[i], sc[i] - target, rng)


def manip_inflated(journal, params, rng):
    share, share2 = params
    for i in range(len(journal)):
        if journal[i] in (2, 3, 4) and rng.uniform() < share:
            journal[i] += 2 if (rng.uniform() < share2 and journal[i] <= 3) else 1


# ---------------------------------------------------------------- main
def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--schools", type=int, default=200)
    ap.add_argument("--out", required=True)
    ap.add_argument("--scheme", default="none",
                    choices=["none", "mixed"] + SCHEMES)
    ap.add_argument("--strength", default="moderate", choices=["weak", "moderate", "strong"])
    ap.add_argument("--share", type=float, default=0.15)
    args = ap.parse_args()

    rng = np.random.default_rng(stable_seed("region", args.seed))
    works = {(s, g): Work(s, g) for s in SUBJECTS for g in GRADES}
    schools = build_region(args.seed, args.schools)

    # choose manipulated schools among non-tiny ones
    for s in schools:
        s["manip"] = None
    if args.scheme != "none":
        cand = [s for s in schools if s["kind"] != "tiny"]
        k = int(round(args.share * len(cand)))
        chosen = rng.choice(len(cand), size=k, replace=False)
        for c in chosen:
            sch = SCHEMES[rng.integers(len(SCHEMES))] if args.scheme == "mixed" else args.scheme
            cand[c]["manip"] = sch
            # manipulated works: each (year, subject, grade) with prob .65, >=2
            allw = [(y, s_, g) for y in YEARS for s_ in SUBJECTS for g in GRADES]
            sel = [w for w in allw if rng.uniform() < 0.65]
            while len(sel) < 2:
                w = allw[rng.integers(len(allw))]
                if w not in sel:
                    sel.append(w)
            cand[c]["manip_works"] = set(sel)

    os.makedirs(args.out, exist_ok=True)
    header = (["year", "school_id", "class", "subject", "student_id", "variant",
               "primary_score", "mark", "journal_mark", "gender"]
              + [f"task_{j + 1}" for j in range(MAX_TASKS)])
    fres = open(os.path.join(args.out, "results.csv"), "w", encoding="utf-8", newline="")
    wr = csv.writer(fres, delimiter=";", lineterminator="\n")
    wr.writerow(header)
    truth_works = []

    for sc in schools:
        kind = sc["kind"]
        p = KINDS[kind]
        srng = np.random.default_rng(stable_seed("school", args.seed, sc["school_id"]))
        # cohorts: entry year e -> grade = year - e ; cohorts 2018..2022
        for cohort in range(2018, 2023):
            ncls = int(srng.integers(p["classes"][0], p["classes"][1] + 1))
            for ci in range(ncls):
                letter = LETTERS[ci]
                size = int(srng.integers(p["size"][0], p["size"][1] + 1))
                cls_eff = srng.normal(0, p["cls_sd"])
                # students of this class (persist across years, 5 % turnover)
                def new_students(m, start):
                    z1 = individual_ability(srng, m, kind)
                    z2 = 0.7 * z1 + math.sqrt(1 - 0.49) * individual_ability(srng, m, kind)
                    g = srng.uniform(size=m) < 0.5
                    return [dict(id=f"{sc['school_id']}-{cohort}{letter}-{start + k:02d}",
                                 th={"Математика": sc["mu"] + cls_eff + z1[k] + (0.0 if g[k] else 0.05),
                                     "Русский язык": sc["mu"] + cls_eff + z2[k] + (0.18 if g[k] else -0.05)},
                                 gender="ж" if g[k] else "м") for k in range(m)]
                studs = new_students(size, 1)
                next_no = size + 1
                teachers = {}
                prev_grade = None
                for year in YEARS:
                    grade = year - cohort
                    if prev_grade is not None:
                        # turnover and ability drift
                        keep = [st for st in studs if srng.uniform() > 0.05]
                        nnew = len(studs) - len(keep)
                        if nnew:
                            keep += new_students(nnew, next_no)
                            next_no += nnew
                        studs = keep
                        for st in studs:
                            for s_ in SUBJECTS:
                                st["th"][s_] += srng.normal(0, 0.25)
                    prev_grade = grade
                    if grade not in GRADES:
                        continue
                    cls_name = f"{grade}{letter}"
                    # teachers: grade 4 one class teacher; 5+ subject teachers
                    if grade == 4:
                        t = teacher_generosity(srng)
                        teachers = {s_: t for s_ in SUBJECTS}
                    else:
                        for s_ in SUBJECTS:
                            if s_ not in teachers or grade == 5 or srng.uniform() < 0.3:
                                teachers[s_] = teacher_generosity(srng)
                    for subj in SUBJECTS:
                        work = works[(subj, grade)]
                        cuts = work.cuts(year)
                        n = len(studs)
                        theta = np.array([st["th"][subj] for st in studs])
                        day = theta + srng.normal(0, 0.22, n) + srng.normal(0, 0.08)
                        variants = np.where(np.arange(n) % 2 == 0, 1, 2)
                        srng.shuffle(variants)
                        S = work.simulate(day, variants, srng)
                        # journal marks: teacher + school generosity, class curve
                        cm = theta.mean()
                        jl = (0.65 * theta + 0.35 * (theta - cm) + sc["gen"]
                              + teachers[subj] + srng.normal(0, 0.45, n))
                        journal = np.digitize(jl, [-1.9, -0.45, 0.85]) + 2
                        # manipulation
                        mw = sc["manip"] and (year, subj, grade) in sc["manip_works"]
                        scheme = sc["manip"]
                        if mw and srng.uniform() < 0.85:
                            st_ = args.strength
                            if scheme == "boundary":
                                manip_boundary(S, cuts, STRENGTH["boundary"][st_], srng, work)
                            elif scheme == "help":
                                manip_help(S, STRENGTH["help"][st_], srng, work)
                            elif scheme == "copying":
                                manip_copying(S, STRENGTH["copying"][st_], srng, work)
                            elif scheme == "bent":
                                manip_bent(S, journal, cuts, STRENGTH["bent"][st_], srng, work)
                            elif scheme == "inflated":
                                manip_inflated(journal, STRENGTH["inflated"][st_], srng)
                            truth_works.append((sc["school_id"], year, subj, grade, cls_name, scheme))
                        score = S.sum(1)
                        assert (S <= work.pts[None, :]).all() and (S >= 0).all()
                        mk = mark_of(score, cuts)
                        absent = srng.uniform(size=n) < sc["abs"]
                        for i, st in enumerate(studs):
                            if absent[i]:
                                if srng.uniform() < 0.4:
                                    continue  # not in the export at all
                                row = [year, sc["school_id"], cls_name, subj, st["id"], "",
                                       "", "отсутствовал", int(journal[i]), st["gender"]]
                                row += [""] * MAX_TASKS
                            else:
                                row = [year, sc["school_id"], cls_name, subj, st["id"],
                                       int(variants[i]), int(score[i]), int(mk[i]),
                                       int(journal[i]), st["gender"]]
                                row += [int(x) for x in S[i]] + [""] * (MAX_TASKS - work.n)
                            wr.writerow(row)
    fres.close()

    with open(os.path.join(args.out, "schools.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter=";", lineterminator="\n")
        w.writerow(["school_id", "school_name", "municipality", "locality", "school_type"])
        for s in schools:
            w.writerow([s["school_id"], s["name"], s["muni"], s["loc"], s["stype"]])
    with open(os.path.join(args.out, "scales.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter=";", lineterminator="\n")
        w.writerow(["year", "subject", "grade", "max_score", "min_mark3", "min_mark4", "min_mark5"])
        for y in YEARS:
            for (s_, g), wk in works.items():
                c = wk.cuts(y)
                w.writerow([y, s_, g, wk.max_score, c[0], c[1], c[2]])
    with open(os.path.join(args.out, "tasks.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter=";", lineterminator="\n")
        w.writerow(["year", "subject", "grade", "task", "max_points", "level"])
        for y in YEARS:
            for (s_, g), wk in works.items():
                for j in range(wk.n):
                    w.writerow([y, s_, g, j + 1, int(wk.pts[j]), wk.levels[j]])
    with open(os.path.join(args.out, "truth.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter=";", lineterminator="\n")
        w.writerow(["school_id", "manipulated", "scheme", "strength", "kind"])
        for s in schools:
            m = s["manip"]
            w.writerow([s["school_id"], 1 if m else 0, m or "none",
                        args.strength if m else "", s["kind"]])
    with open(os.path.join(args.out, "truth-works.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter=";", lineterminator="\n")
        w.writerow(["school_id", "year", "subject", "grade", "class", "scheme"])
        for t in truth_works:
            w.writerow(t)


if __name__ == "__main__":
    main()
