#!/usr/bin/env python3
"""The bare aggregation the analyzer's work starts from, done by DuckDB or polars, for comparison.

usage: aggregate.py duckdb|polars RESULTS_CSV

Per school, subject, class and primary score: the number of participants, the journal comparison (VPR mark
below, equal to, above the journal mark) and the sum of every task column. Prints the seconds taken
(reading the CSV included) and the number of groups.
"""
import sys
import time


def task_columns(path):
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split(";")
    fixed = {"Год", "Код ОО", "Класс", "Предмет", "Код участника", "Вариант", "Первичный балл", "Отметка",
             "Отметка по журналу", "Пол"}
    return [h for h in header if h not in fixed]


def with_duckdb(path, tasks):
    import duckdb
    sums = ", ".join(f'sum(TRY_CAST("{t}" AS INTEGER)) AS "t_{t}"' for t in tasks)
    sql = f"""
        SELECT "Код ОО", "Предмет", "Класс", "Первичный балл", count(*) AS n,
               sum(CASE WHEN "Отметка" < "Отметка по журналу" THEN 1 ELSE 0 END) AS lowered,
               sum(CASE WHEN "Отметка" = "Отметка по журналу" THEN 1 ELSE 0 END) AS confirmed,
               sum(CASE WHEN "Отметка" > "Отметка по журналу" THEN 1 ELSE 0 END) AS raised,
               {sums}
        FROM read_csv('{path}', delim=';', header=true, all_varchar=true)
        GROUP BY ALL
    """
    con = duckdb.connect()
    con.execute("PRAGMA threads=2")
    return len(con.execute(sql).fetchall())


def with_polars(path, tasks):
    import polars as pl
    frame = pl.scan_csv(path, separator=";", infer_schema=False)
    mark = pl.col("Отметка").cast(pl.Int32, strict=False)
    journal = pl.col("Отметка по журналу").cast(pl.Int32, strict=False)
    result = frame.group_by(["Код ОО", "Предмет", "Класс", "Первичный балл"]).agg(
        [pl.len().alias("n"), (mark < journal).sum().alias("lowered"), (mark == journal).sum().alias("confirmed"),
         (mark > journal).sum().alias("raised")]
        + [pl.col(t).cast(pl.Int32, strict=False).sum().alias(f"t_{t}") for t in tasks]).collect()
    return result.height


def main():
    engine, path = sys.argv[1], sys.argv[2]
    tasks = task_columns(path)
    start = time.perf_counter()
    groups = (with_duckdb if engine == "duckdb" else with_polars)(path, tasks)
    print(f"{time.perf_counter() - start:.2f} {groups}")


if __name__ == "__main__":
    main()
