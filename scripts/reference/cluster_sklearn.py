#!/usr/bin/env python3
"""Reference clustering results from scikit-learn (and SciPy) for the clustering engine's agreement tests.

Usage:  python3 scripts/reference/cluster_sklearn.py > test/fixtures/cluster-sklearn.reference.json
Needs Debian's python3-sklearn (scikit-learn 1.2, NumPy, SciPy). Reads ../shared/data relative to the
repository root. The JSON it printed is committed; the tests read the committed file, never this script.

Data and preparation (the engine's `prepareFeatures` with transforms "log1p", scaling "zscore",
outliers "keep" does the same: log1p, then mean and population standard deviation):
- wholesale: UCI Wholesale customers, the six annual spend columns (Fresh … Delicassen), 440 clients.
- rfm: UCI Online Retail, recency / frequency / monetary per customer by the rules of test/support/rfm.ts,
  implemented here separately: lines with a CustomerID, an InvoiceNo not starting with "C", Quantity > 0
  and UnitPrice > 0; reference day = the day after the file's last invoice; recency = days from the
  customer's last purchase day; frequency = distinct invoices; monetary = sum of Quantity x UnitPrice
  (in exact thousandths).

What is recorded: KMeans (k-means++, tol 1e-4, lloyd, random_state 0) inertia, centres and labels;
silhouette_score of those labels; inertia and silhouette for k = 2 … 8; AgglomerativeClustering ward
labels and SciPy's ward linkage heights; adjusted_rand_score between labellings.
"""
import csv
import datetime
import gzip
import json
import os
import sys

import numpy as np
from scipy.cluster.hierarchy import linkage
from sklearn.cluster import AgglomerativeClustering, KMeans
from sklearn.metrics import adjusted_rand_score, silhouette_score

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = os.path.join(os.path.dirname(ROOT), "shared", "data")


def zscore(X):
    return (X - X.mean(axis=0)) / X.std(axis=0)


def wholesale():
    with open(os.path.join(DATA, "wholesale-customers", "wholesale_customers.csv"), newline="") as f:
        rows = list(csv.DictReader(f))
    columns = ["Fresh", "Milk", "Grocery", "Frozen", "Detergents_Paper", "Delicassen"]
    X = np.array([[float(r[c]) for c in columns] for r in rows])
    return columns, X


def rfm():
    path = os.path.join(DATA, "online-retail", "online_retail.csv.gz")
    last_day_in_file = None
    customers = {}
    order = []
    lines = 0
    with gzip.open(path, "rt", encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            day = datetime.date.fromisoformat(r["InvoiceDate"][:10])
            if last_day_in_file is None or day > last_day_in_file:
                last_day_in_file = day
            customer = r["CustomerID"]
            quantity = int(r["Quantity"])
            price_milli = round(float(r["UnitPrice"]) * 1000)
            if customer == "" or r["InvoiceNo"].startswith("C") or quantity <= 0 or price_milli <= 0:
                continue
            lines += 1
            if customer not in customers:
                customers[customer] = {"last": day, "invoices": set(), "milli": 0}
                order.append(customer)
            c = customers[customer]
            c["last"] = max(c["last"], day)
            c["invoices"].add(r["InvoiceNo"])
            c["milli"] += quantity * price_milli
    reference = last_day_in_file + datetime.timedelta(days=1)
    X = np.array([[(reference - customers[c]["last"]).days, len(customers[c]["invoices"]), customers[c]["milli"] / 1000]
                  for c in order])
    return X, lines, reference.isoformat()


def kmeans_reference(Xs, k, n_init):
    model = KMeans(n_clusters=k, init="k-means++", n_init=n_init, tol=1e-4, max_iter=300, algorithm="lloyd",
                   random_state=0).fit(Xs)
    return model


def main():
    out = {"sklearn": __import__("sklearn").__version__}

    columns, X = wholesale()
    Xs = zscore(np.log1p(X))
    best = kmeans_reference(Xs, 4, 50)
    ward = AgglomerativeClustering(n_clusters=4, linkage="ward").fit(Xs)
    heights = linkage(Xs, method="ward")[:, 2]
    sweep = []
    for k in range(2, 9):
        m = kmeans_reference(Xs, k, 20)
        sweep.append({"k": k, "inertia": m.inertia_, "silhouette": float(silhouette_score(Xs, m.labels_))})
    out["wholesale"] = {
        "columns": columns,
        "items": len(X),
        "totalSumOfSquares": float(((Xs - Xs.mean(axis=0)) ** 2).sum()),
        "k4": {
            "nInit": 50,
            "inertia": best.inertia_,
            "centroids": best.cluster_centers_.tolist(),
            "labels": best.labels_.tolist(),
            "silhouette": float(silhouette_score(Xs, best.labels_)),
        },
        "sweep": sweep,
        "ward4": {
            "labels": ward.labels_.tolist(),
            "topHeights": heights[-5:].tolist(),
            "kmeansAgreement": adjusted_rand_score(best.labels_, ward.labels_),
        },
    }

    R, lines, reference = rfm()
    Rs = zscore(np.log1p(R))
    m = kmeans_reference(Rs, 4, 20)
    out["rfm"] = {
        "lines": lines,
        "customers": len(R),
        "referenceDay": reference,
        "sums": R.sum(axis=0).tolist(),
        "k4": {
            "nInit": 20,
            "inertia": m.inertia_,
            "centroids": m.cluster_centers_.tolist(),
            "sizes": sorted(np.bincount(m.labels_).tolist(), reverse=True),
            "labels": m.labels_.tolist(),
        },
    }
    json.dump(out, sys.stdout, separators=(",", ":"))
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
