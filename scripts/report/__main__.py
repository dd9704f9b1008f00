"""`python3 -m report ...` from scripts/: see main.py."""
import sys

from .main import main

sys.exit(main())
