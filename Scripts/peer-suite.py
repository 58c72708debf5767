#!/usr/bin/env python3
"""Runs the English number and percentage specs of Microsoft Recognizers-Text (a peer test suite kept
beside the repository, see its README) through `answer-eval quantities -` and prints recall and precision.

- recall: the fraction of expected results found — a quantity with the same text and, numerically, the
  same value (percentages as their number: "100%" is 100);
- precision: the fraction of extracted quantities that are expected results.

Every case counts (the suite's NotSupported flags name other platforms). Exits 1 when overall recall is
below 0.90, 2 when the suite or the binary is missing.

Usage: Scripts/peer-suite.py [-v]    (-v lists every miss and every unexpected quantity)
Environment: ANSWER_EVAL_BIN (default .build/debug/answer-eval), PEER_SUITE (default
<repo>/../shared/peer-suites/recognizers-text/english).
"""
import concurrent.futures
import json
import math
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SUITE = os.environ.get(
    "PEER_SUITE", os.path.join(ROOT, "..", "shared", "peer-suites", "recognizers-text", "english"))
BINARY = os.environ.get("ANSWER_EVAL_BIN", os.path.join(ROOT, ".build", "debug", "answer-eval"))
FILES = ["NumberModel.json", "PercentModel.json"]
FLOOR = 0.90


def expected_value(text):
    """The number a Resolution.value stands for: "192", "1E-12", "100%" → 192.0, 1e-12, 100.0."""
    text = text.strip()
    percent = text.endswith("%")
    return float(text.rstrip("%")), percent


def close(a, b):
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


def extract(text):
    result = subprocess.run(
        [BINARY, "quantities", "-", "--stdin-name", "peer-case"], input=text.encode("utf-8"),
        capture_output=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"answer-eval quantities failed on {text!r}: {result.stderr.decode()}")
    return json.loads(result.stdout)


def score(case, quantities):
    """(expected, found, extracted, matched extracted, misses, unexpected) for one case."""
    used = set()
    misses = []
    for expected in case["Results"]:
        value, percent = expected_value(expected["Resolution"]["value"])
        hit = None
        for k, quantity in enumerate(quantities):
            if k in used or quantity["text"] != expected["Text"] or not close(quantity["value"], value):
                continue
            if percent and quantity["unit"] != "%":
                continue
            hit = k
            break
        if hit is None:
            misses.append(f'{expected["Text"]!r} = {expected["Resolution"]["value"]}')
        else:
            used.add(hit)
    unexpected = [f'{q["text"]!r} = {q["value"]:g}' for k, q in enumerate(quantities) if k not in used]
    return len(case["Results"]), len(used), len(quantities), len(used), misses, unexpected


def main():
    verbose = "-v" in sys.argv[1:]
    if not os.path.isdir(SUITE):
        print(f"peer suite not found at {SUITE}; set PEER_SUITE", file=sys.stderr)
        return 2
    if not os.access(BINARY, os.X_OK):
        print(f"{BINARY} not found; run `swift build` first or set ANSWER_EVAL_BIN", file=sys.stderr)
        return 2
    totals = [0, 0, 0, 0]
    for name in FILES:
        with open(os.path.join(SUITE, name), encoding="utf-8") as handle:
            cases = json.load(handle)
        with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
            outputs = list(pool.map(lambda case: extract(case["Input"]), cases))
        counts = [0, 0, 0, 0]
        for case, quantities in zip(cases, outputs):
            expected, found, extracted, matched, misses, unexpected = score(case, quantities)
            for i, n in enumerate((expected, found, extracted, matched)):
                counts[i] += n
            if verbose and (misses or unexpected):
                print(f"  {name} {case['Input']!r}: missed {misses or '-'}; unexpected {unexpected or '-'}")
        for i in range(4):
            totals[i] += counts[i]
        report(name, counts)
    recall = report("overall", totals)
    if recall < FLOOR:
        print(f"recall {recall:.3f} is below {FLOOR:.2f}", file=sys.stderr)
        return 1
    return 0


def report(label, counts):
    expected, found, extracted, matched = counts
    recall = found / expected if expected else 1.0
    precision = matched / extracted if extracted else 1.0
    print(f"{label:18s} recall {recall:.3f} ({found}/{expected})  precision {precision:.3f} ({matched}/{extracted})")
    return recall


if __name__ == "__main__":
    sys.exit(main())
