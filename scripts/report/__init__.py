"""The REPORT.md generator of actbench, in modules by job.

    data       reads a results directory (CSV, machine.json) and the actbench
               binary's JSON (`list --format json`, `recommend --format json`)
    fmt        numbers, units and Markdown tables
    graphs     gnuplot graphs (scripts/plots/*.gp) and their data files
    summary    REPORT.md's first screens: the picks per activation and profile
    glossary   the terms a reader needs
    method     how the figures were made, and the machine
    activation one page per activation (docs/report/<activation>.md)
    sweeps     the exhaustive sweeps and the declared-bound checks (a page)
    main       orchestration: what is written where

Every number comes from the results files or from actbench's JSON; the
hand-written text is explanation only, so it stays true when the results
are regenerated. Standard library only; graphs need gnuplot.
"""
