#!/usr/bin/env python3
"""Replicates a generated region into a national-scale input folder: every copy gets new school ids.

usage: replicate.py SOURCE_DIR OUT_DIR COPIES

SOURCE_DIR is a folder written by `vpr-analyzer sample` (results.csv in Windows-1251 with `;`).
Copy k renames school sch1001 to sch1001k0007 and so on, in results.csv and schools.csv; scales.csv and
tasks.csv are copied. Works on bytes: school ids are ASCII, the rest of each line is kept as it is.
"""
import os
import shutil
import sys


def main():
    source, out, copies = sys.argv[1], sys.argv[2], int(sys.argv[3])
    os.makedirs(out, exist_ok=True)
    for name in ("scales.csv", "tasks.csv"):
        shutil.copy(os.path.join(source, name), os.path.join(out, name))
    with open(os.path.join(source, "results.csv"), "rb") as f:
        header, *lines = f.read().split(b"\n")
    lines = [line for line in lines if line]
    with open(os.path.join(out, "results.csv"), "wb", buffering=1 << 22) as f:
        f.write(header + b"\n")
        for k in range(copies):
            suffix = b"k%04d" % k
            chunk = []
            for line in lines:
                first = line.index(b";")
                second = line.index(b";", first + 1)
                chunk.append(line[:second] + suffix + line[second:])
            f.write(b"\n".join(chunk) + b"\n")
    with open(os.path.join(source, "schools.csv"), "rb") as f:
        s_header, *s_lines = f.read().split(b"\n")
    s_lines = [line for line in s_lines if line]
    with open(os.path.join(out, "schools.csv"), "wb") as f:
        f.write(s_header + b"\n")
        for k in range(copies):
            suffix = b"k%04d" % k
            for line in s_lines:
                cut = line.index(b",") if b"," in line else len(line)
                f.write(line[:cut] + suffix + line[cut:] + b"\n")


if __name__ == "__main__":
    main()
