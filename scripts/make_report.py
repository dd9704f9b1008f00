#!/usr/bin/env python3
"""Regenerates REPORT.md, its detail pages (docs/report/) and the graphs
(results/plots/*.svg) from a results directory written by `actbench`: the
entry point of the package scripts/report/ (see its __init__.py for the
modules). Python 3 standard library only; graphs need gnuplot.

usage: make_report.py --results DIR --report FILE [--pages DIR] [--actbench BIN]
                      [--gnuplot BIN] [--list-json FILE]
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from report.main import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
