"""Render the safe consultation counts as a small, self-contained HTML report."""

import csv
import html
import pathlib

SOURCE = pathlib.Path("output/safe/consultations.csv")
TARGET = pathlib.Path("output/report.html")


def bar(value, largest):
    if not value.isdigit() or largest == 0:
        return ""
    width = round(300 * int(value) / largest)
    return f'<div class="bar" style="width:{width}px"></div>'


def main():
    with SOURCE.open(newline="") as f:
        rows = list(csv.DictReader(f))
    counts = [int(r["consultations"]) for r in rows if r["consultations"].isdigit()]
    largest = max(counts, default=0)
    body = "\n".join(
        "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>".format(
            html.escape(r["region"]),
            html.escape(r["consultations"]),
            html.escape(r["patients"]),
            bar(r["consultations"], largest),
        )
        for r in rows
    )
    TARGET.write_text(
        f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Consultations by region</title>
<style>
body {{ font-family: sans-serif; margin: 2em; }}
td, th {{ padding: 0.2em 0.8em; text-align: left; }}
.bar {{ background: #4a7ebb; height: 0.9em; }}
</style>
</head>
<body>
<h1>Consultations by region</h1>
<p>Counts are rounded to the nearest 5; counts below 8 are redacted. Generated from dummy data.</p>
<table>
<tr><th>Region</th><th>Consultations</th><th>Patients</th><th></th></tr>
{body}
</table>
</body>
</html>
""",
        encoding="utf-8",
    )
    print(f"report written to {TARGET} ({len(rows)} regions)")


if __name__ == "__main__":
    main()
