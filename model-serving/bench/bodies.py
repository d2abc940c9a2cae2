#!/usr/bin/python3
"""Writes request bodies for bench/repository-bench.sh: one JSON request per line, inputs drawn inside the ranges
of the model's model.json (training-like for the store model).

    bodies.py MODEL RECORDS OUT_FILE [--predict]
"""
import json
import random
import sys

model, records, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
predict = "--predict" in sys.argv
rng = random.Random(42)


def store():
    return [rng.randint(1000, 2750), rng.randint(200, 1600)]


def order():
    return [rng.randint(1, 20), round(rng.random() * 0.6, 3), rng.randint(0, 2), rng.randint(0, 3000)]


make, names, types = {
    "store-success": (store, ["items_count", "customers_count"], ["INT32", "INT32"]),
    "order-return": (order, ["items_in_order", "discount_ratio", "channel", "customer_tenure_days"],
                     ["INT32", "FP32", "INT32", "INT32"]),
}[model]
with open(out, "w") as f:
    for _ in range(200 if records == 1 else 20):
        rows = [make() for _ in range(records)]
        if predict:
            recs = [{"items_count": r[0], "customers_count": r[1]} for r in rows]
            body = recs[0] if records == 1 else {"records": recs}
        else:
            body = {"inputs": [{"name": n, "shape": [records], "datatype": t, "data": [r[i] for r in rows]}
                               for i, (n, t) in enumerate(zip(names, types))]}
        f.write(json.dumps(body, separators=(",", ":")) + "\n")
