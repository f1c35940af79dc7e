import csv, os, collections, json, sys
# Tally of scripts/robustness/gen3.sh: false inclusions and recall from the regions truth.csv and the risk lists.
# Usage: evaluate.py OUT_DIR REGIONS_DIR (written by the gen3 session; kept as it ran).
OUT = sys.argv[1] if len(sys.argv) > 1 else 'out'; REG = sys.argv[2] if len(sys.argv) > 2 else 'regions'
def read(p, bom=False):
    with open(p, encoding='utf-8-sig') as f:
        return list(csv.DictReader(f, delimiter=';'))
rows=[]
for name in sorted(os.listdir(OUT)):
    rl=os.path.join(OUT,name,'risk-list.csv')
    if not os.path.exists(rl): continue
    truth={r['school_id']:r for r in read(os.path.join(REG,name,'truth.csv'))}
    risk={r['school_id']:r for r in read(rl)}
    scheme=name.split('_')[0]; strength='' if scheme=='honest' else name.split('_')[1]
    for sid,t in truth.items():
        r=risk.get(sid)
        rows.append(dict(region=name, scheme=scheme, strength=strength, sid=sid,
            kind=t['kind'], manip=int(t['manipulated']), tscheme=t['scheme'],
            flag=int(r['risk_group'])==1 if r else False, missing=r is None,
            score=r['risk_score'] if r else '', cats=r['categories'] if r else '',
            inds=r['indicators'] if r else '', works=r['flagged_works'] if r else '',
            part=r['participants'] if r else ''))
def rate(sel):
    n=len(sel); k=sum(x['flag'] for x in sel)
    return f"{k}/{n} ({100*k/n:.1f} %)" if n else "–"
L=[]
L.append("### Honest regions (scheme none, seeds 1–6)\n")
h=[x for x in rows if x['scheme']=='honest']
L.append("| school kind | flagged / schools |\n|---|---|")
for k in ['big','ordinary','gymnasium','weak','tiny']:
    L.append(f"| {k} | {rate([x for x in h if x['kind']==k])} |")
L.append(f"| **all** | **{rate(h)}** |\n")
L.append("Per region: " + ", ".join(f"{r}: {sum(x['flag'] for x in h if x['region']==r)}" for r in sorted(set(x['region'] for x in h))) + "\n")
L.append("### Manipulated regions (share 0.15 of non-tiny schools)\n")
L.append("| scheme | strength | regions | FP among honest | recall among manipulated |\n|---|---|---|---|---|")
m=[x for x in rows if x['scheme']!='honest']
for sch in ['boundary','help','copying','bent','inflated','mixed']:
    for st in ['moderate','strong']:
        sel=[x for x in m if x['scheme']==sch and x['strength']==st]
        if not sel: continue
        regs=len(set(x['region'] for x in sel))
        L.append(f"| {sch} | {st} | {regs} | {rate([x for x in sel if not x['manip']])} | {rate([x for x in sel if x['manip']])} |")
L.append("")
mx=[x for x in m if x['scheme']=='mixed' and x['manip']]
if mx:
    L.append("Mixed regions, recall by the scheme each school actually got:\n")
    L.append("| scheme | recall |\n|---|---|")
    for sch in ['boundary','help','copying','bent','inflated']:
        L.append(f"| {sch} | {rate([x for x in mx if x['tscheme']==sch])} |")
    L.append("")
L.append("Recall by school kind (all manipulated regions pooled):\n")
L.append("| kind | recall | FP among honest |\n|---|---|---|")
for k in ['big','ordinary','gymnasium','weak','tiny']:
    L.append(f"| {k} | {rate([x for x in m if x['kind']==k and x['manip']])} | {rate([x for x in m if x['kind']==k and not x['manip']])} |")
L.append("")
L.append("Indicators present on detected manipulated schools, by scheme (count of schools with the code):\n")
L.append("| scheme | strength | indicator counts |\n|---|---|---|")
for sch in ['boundary','help','copying','bent','inflated','mixed']:
    for st in ['moderate','strong']:
        sel=[x for x in m if x['scheme']==sch and x['strength']==st and x['manip'] and x['flag']]
        c=collections.Counter(i for x in sel for i in x['inds'].split('|') if i)
        if sel: L.append(f"| {sch} | {st} | {', '.join(f'{a}:{b}' for a,b in c.most_common())} |")
L.append("")
L.append("Honest schools pooled over all 29 regions (6 honest + 23 manipulated):\n")
L.append("| kind | FP |\n|---|---|")
for k in ['big','ordinary','gymnasium','weak','tiny']:
    L.append(f"| {k} | {rate([x for x in rows if x['kind']==k and not x['manip']])} |")
L.append(f"| **all** | **{rate([x for x in rows if not x['manip']])}** |\n")
fl=[x for x in m if x['flag']]
L.append(f"Share of false inclusions among all inclusions in manipulated regions: {sum(not x['manip'] for x in fl)}/{len(fl)} ({100*sum(not x['manip'] for x in fl)/len(fl):.1f} %)\n")
L.append("### All false positives (honest schools with risk_group = 1)\n")
L.append("| region | school_id | kind | participants | risk_score | categories | indicators | flagged_works |\n|---|---|---|---|---|---|---|---|")
for x in rows:
    if x['flag'] and not x['manip']:
        L.append(f"| {x['region']} | {x['sid']} | {x['kind']} | {x['part']} | {x['score']} | {x['cats'].replace('|',', ')} | {x['inds'].replace('|',', ')} | {x['works'].replace('|',', ')} |")
miss=sum(x['missing'] for x in rows)
L.append(f"\n(schools in truth but absent from risk-list: {miss})")
# The school-level (pooled) p of INVERSION, PERSONFIT and BOUNDARY among honest schools by kind: calibrated when about 1 %
# fall below 0.01 in every kind (docs/calibration.md, section 7, cites these lines). results.json keeps every test
# of risk-group schools and the tests with p < 0.05 of the others, so a school without a listed pooled test has
# p >= 0.05.
for code in ['INVERSION', 'PERSONFIT', 'BOUNDARY']:
    n = collections.Counter(); below01 = collections.Counter(); below001 = collections.Counter()
    for name in sorted(os.listdir(OUT)):
        path = os.path.join(OUT, name, 'results.json')
        if not os.path.exists(path): continue
        truth = {r['school_id']: r for r in read(os.path.join(REG, name, 'truth.csv'))}
        for s in json.load(open(path, encoding='utf-8'))['schools']:
            t = truth.get(s['school']['id'])
            if not t or t['manipulated'] == '1': continue
            kind = t['kind']
            n[kind] += 1
            tests = s.get('tests') or s.get('notableTests') or []
            p = [x['pValue'] for x in tests if x['code'] == code and x.get('work') is None]
            below01[kind] += bool(p and p[0] < 0.01); below001[kind] += bool(p and p[0] < 0.001)
    L.append(f"\n{code} pooled p among honest gymnasiums and lyceums (all regions): < 0.01 in {below01['gymnasium']}/{n['gymnasium']}, < 0.001 in {below001['gymnasium']}/{n['gymnasium']}")
    others = [k for k in sorted(n) if k != 'gymnasium']
    L.append(f"{code} pooled p < 0.01 among other honest schools: " + ", ".join(f"{k} {below01[k]}/{n[k]}" for k in others))
print("\n".join(L))
