#!/usr/bin/env python3
"""Writes an input folder as one XLSX workbook per work, as ФИС ОКО exports come: bench/xlsx.sh times the
analysis of such a folder (several workbooks are decoded on both cores).

Usage: xlsx_split.py SOURCE_FOLDER TARGET_FOLDER [COPIES]
SOURCE_FOLDER holds results.csv (UTF-8 or Windows-1251, ';') and the side tables; the side tables are copied,
results.csv is split by (subject, grade) into «ВПР <subject> <grade>.xlsx» with the same header. With COPIES > 1
the rows are repeated with new school ids (as bench/replicate.py does), so the workbooks grow.
"""
import csv
import io
import shutil
import sys
from pathlib import Path

from openpyxl import Workbook


def read_text(path: Path) -> str:
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "cp1251"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise SystemExit(f"cannot decode {path}")


def main() -> None:
    source, target = Path(sys.argv[1]), Path(sys.argv[2])
    copies = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    target.mkdir(parents=True, exist_ok=True)
    for side in ("schools.csv", "scales.csv", "tasks.csv"):
        if (source / side).exists():
            shutil.copy(source / side, target / side)
    rows = list(csv.reader(io.StringIO(read_text(source / "results.csv")), delimiter=";"))
    header, body = rows[0], rows[1:]
    school = header.index("Код ОО")
    subject, klass = header.index("Предмет"), header.index("Класс")
    groups: dict[tuple[str, str], list[list[str]]] = {}
    for copy in range(copies):
        for row in body:
            if not row:
                continue
            grade = "".join(ch for ch in row[klass] if ch.isdigit())
            out = list(row)
            if copy > 0:
                out[school] = f"{row[school]}c{copy}"
            groups.setdefault((row[subject], grade), []).append(out)
    for (subj, grade), group in sorted(groups.items()):
        book = Workbook(write_only=True)
        sheet = book.create_sheet("Результаты")
        sheet.append(header)
        for row in group:
            sheet.append([int(v) if v.isdigit() and len(v) < 10 else v for v in row])
        book.save(target / f"ВПР {subj} {grade}.xlsx")
        print(f"{subj} {grade}: {len(group)} rows", file=sys.stderr)


if __name__ == "__main__":
    main()
