#!/usr/bin/env python3
"""scikit-learn's KMeans on one data file, in a process of its own, for `npm run bench:cluster`.

Usage: python3 bench/cluster_sklearn.py <mode> <file> <items> <dimensions> <k> <restarts> <seed>
  mode: "single" (one thread: threadpoolctl limits plus OMP/BLAS variables set by the caller),
        "multi" (all cores) or "none" (only imports scikit-learn and loads the input: the memory baseline).
Prints one JSON line: {ms, centroids, iterations, maxRssKb}. Settings: k-means++ (greedy, 2 + ln k trials),
n_init = restarts, tol 1e-4, max_iter 300, algorithm "lloyd", random_state = seed.
"""
import json
import resource
import sys
import time

import numpy as np
from sklearn.cluster import KMeans
from threadpoolctl import threadpool_limits

mode, path, items, dimensions, k, restarts, seed = sys.argv[1:8]
X = np.fromfile(path, dtype="<f8").reshape(int(items), int(dimensions))
out = {"ms": 0, "centroids": [], "iterations": 0}
if mode != "none":
    model = KMeans(n_clusters=int(k), init="k-means++", n_init=int(restarts), max_iter=300, tol=1e-4,
                   algorithm="lloyd", random_state=int(seed))
    if mode == "single":
        with threadpool_limits(limits=1):
            start = time.perf_counter()
            model.fit(X)
            elapsed = time.perf_counter() - start
    else:
        start = time.perf_counter()
        model.fit(X)
        elapsed = time.perf_counter() - start
    out = {"ms": elapsed * 1000, "centroids": model.cluster_centers_.ravel().tolist(), "iterations": int(model.n_iter_)}
out["maxRssKb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps(out))
