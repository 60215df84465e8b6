"""Round and redact the counts in the consultations extract so that they can be released.

Counts below `redact_below` are replaced by "[REDACTED]"; the rest are rounded to the nearest
`round_to`. Both come from the action's `config` in project.yaml (passed as --config JSON).
"""

import argparse
import csv
import json
import pathlib

SOURCE = pathlib.Path("output/raw/consultations.csv")
TARGET = pathlib.Path("output/safe/consultations.csv")
REDACTED = "[REDACTED]"


def make_safe(value, round_to, redact_below):
    count = int(value)
    if count < redact_below:
        return REDACTED
    return str(round_to * round(count / round_to))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", type=json.loads, default={})
    config = parser.parse_args().config
    round_to = int(config.get("round_to", 5))
    redact_below = int(config.get("redact_below", 8))
    count_columns = config.get("count_columns", [])

    with SOURCE.open(newline="") as f:
        reader = csv.DictReader(f)
        fieldnames = reader.fieldnames
        rows = list(reader)

    redacted = 0
    for row in rows:
        for column in count_columns:
            row[column] = make_safe(row[column], round_to, redact_below)
            redacted += row[column] == REDACTED

    TARGET.parent.mkdir(parents=True, exist_ok=True)
    with TARGET.open("w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames)
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} rows made safe (rounded to {round_to}, {redacted} counts redacted) -> {TARGET}")


if __name__ == "__main__":
    main()
