#!/usr/bin/env python3
"""scikit-learn's KMeans on one data file, in a process of its own, for `npm run bench:cluster`.

Usage: python3 bench/cluster_sklearn.py <mode> <file> <items> <dimensions> <k> <restarts> <seed>
  mode: "single" (one thread: threadpoolctl limits plus OMP/BLAS variables set by the caller) or
        "multi" (all cores).
Prints one JSON line: {ms, centroids, iterations, peakKb}. Settings: k-means++ (greedy, 2 + ln k trials),
n_init = restarts, tol 1e-4, max_iter 300, algorithm "lloyd", random_state = seed. peakKb is the peak
resident memory during fit() above what the process held just before it (Linux's peak counter reset
through /proc/self/clear_refs), as bench/clusterChild.ts measures the JavaScript engines.
"""
import gc
import json
import sys
import time

import numpy as np
from sklearn.cluster import KMeans
from threadpoolctl import threadpool_limits

mode, path, items, dimensions, k, restarts, seed = sys.argv[1:8]


def resident_kb(field):
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return None


def start_peak_measure():
    gc.collect()
    try:
        with open("/proc/self/clear_refs", "w") as refs:
            refs.write("5")
        return resident_kb("VmRSS")
    except OSError:
        return None


X = np.fromfile(path, dtype="<f8").reshape(int(items), int(dimensions))
model = KMeans(n_clusters=int(k), init="k-means++", n_init=int(restarts), max_iter=300, tol=1e-4,
               algorithm="lloyd", random_state=int(seed))
limits = threadpool_limits(limits=1) if mode == "single" else None
before = start_peak_measure()
start = time.perf_counter()
model.fit(X)
elapsed = time.perf_counter() - start
peak = None if before is None else max(0, resident_kb("VmHWM") - before)
if limits is not None:
    limits.restore_original_limits()
print(json.dumps({"ms": elapsed * 1000, "centroids": model.cluster_centers_.ravel().tolist(),
                  "iterations": int(model.n_iter_), "peakKb": peak}))
