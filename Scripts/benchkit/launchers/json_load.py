"""The reference for the `load` section: Python's json.load on a scenario file.

Usage: json_load.py FILE"""

import json
import sys

with open(sys.argv[1], "rb") as f:
    json.load(f)
