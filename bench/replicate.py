#!/usr/bin/env python3
"""Replicates a generated region into a national-scale input folder: every copy gets new school ids.

usage: replicate.py SOURCE_DIR OUT_DIR COPIES

SOURCE_DIR is a folder written by `vpr-analyzer sample` (results.csv in Windows-1251 with `;`). The output is
UTF-8 with `;` (the contract allows both; DuckDB and polars, timed beside the analyzer, read only UTF-8, and all
three must read the same bytes). Copy k renames school sch1001 to sch1001k0007 and so on, in results.csv and
schools.csv; scales.csv and tasks.csv are copied.
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
        text = f.read().decode("cp1251").encode("utf-8")
    header, *lines = text.split(b"\n")
    lines = [line.rstrip(b"\r") for line in lines if line.strip()]
    # Split each line once around the school id (second field).
    parts = []
    for line in lines:
        first = line.index(b";")
        second = line.index(b";", first + 1)
        parts.append((line[:second], line[second:]))
    with open(os.path.join(out, "results.csv"), "wb", buffering=1 << 22) as f:
        f.write(header.rstrip(b"\r") + b"\n")
        for k in range(copies):
            suffix = b"k%04d" % k
            f.write(b"\n".join(head + suffix + tail for head, tail in parts) + b"\n")
    with open(os.path.join(source, "schools.csv"), "rb") as f:
        s_header, *s_lines = f.read().split(b"\n")
    s_lines = [line for line in s_lines if line.strip()]
    with open(os.path.join(out, "schools.csv"), "wb") as f:
        f.write(s_header + b"\n")
        for k in range(copies):
            suffix = b"k%04d" % k
            for line in s_lines:
                cut = line.index(b",") if b"," in line else len(line)
                f.write(line[:cut] + suffix + line[cut:] + b"\n")


if __name__ == "__main__":
    main()
