#!/usr/bin/env python3
"""Writes an input folder's results.csv as one results file per subject (results-0.csv, results-1.csv, …),
each with the header, and copies the side tables: the same rows through the many-files path.

Usage: bench/split_by_subject.py SOURCE_DIR TARGET_DIR   (UTF-8 input, as bench/replicate.py writes it)
Then: /usr/bin/time -v vpr-analyzer validate TARGET_DIR (docs/performance.md, the two-exports row).
"""
import os
import shutil
import sys

source, target = sys.argv[1], sys.argv[2]
os.makedirs(target, exist_ok=True)
for name in ("scales.csv", "schools.csv", "tasks.csv"):
    if os.path.exists(os.path.join(source, name)):
        shutil.copy(os.path.join(source, name), target)
with open(os.path.join(source, "results.csv"), "rb") as src:
    header = src.readline()
    columns = header.decode("utf-8-sig").rstrip("\r\n").split(";")
    subject = next(i for i, c in enumerate(columns) if c in ("subject", "Предмет"))
    outputs = {}
    for line in src:
        key = line.split(b";")[subject]
        out = outputs.get(key)
        if out is None:
            out = outputs[key] = open(os.path.join(target, f"results-{len(outputs)}.csv"), "wb")
            out.write(header)
        out.write(line)
    for out in outputs.values():
        out.close()
