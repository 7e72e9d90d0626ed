"""Times scipy.optimize.linear_sum_assignment(maximize=True) on float64 matrices written by matching.bench.ts.

Usage: python3 matching-scipy.py FILE:ROWS:COLS [...]; prints one JSON line per matrix: {"seconds", "total"}.
Only the solve is timed (not the import, not reading the file).
"""
import json
import sys
import time

import numpy as np
import scipy
from scipy.optimize import linear_sum_assignment

print(json.dumps({"scipy": scipy.__version__, "numpy": np.__version__}), flush=True)
for arg in sys.argv[1:]:
    path, rows, cols = arg.rsplit(":", 2)
    matrix = np.fromfile(path, dtype="<f8").reshape(int(rows), int(cols))
    started = time.perf_counter()
    r, c = linear_sum_assignment(matrix, maximize=True)
    seconds = time.perf_counter() - started
    print(json.dumps({"seconds": seconds, "total": float(matrix[r, c].sum())}), flush=True)
