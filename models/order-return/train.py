#!/usr/bin/python3
"""Trains the order-return model with scikit-learn and writes it as a version of a model repository.

    /usr/bin/python3 models/order-return/train.py --out DIR [--seed N]

writes DIR/order-return/model.json (this folder's) and DIR/order-return/<version>/{model.onnx, artifact.json}, the
version folder filled under a temporary name and renamed into place whole. Needs Debian's python3-sklearn and
python3-onnx (scripts/install-deps.sh --test). skl2onnx is not packaged by Debian, so the ONNX graph of the fitted
StandardScaler + one-hot + LogisticRegression is written here with onnx.helper, in the repository's convention:
input "input" FLOAT [N, 4] (the inputs in model.json's order), output "probabilities" FLOAT [N, 2].
"""
import argparse
import hashlib
import json
import os
import shutil
import sys
import tempfile

try:
    import numpy as np
    import onnx
    from onnx import TensorProto, helper
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import accuracy_score, roc_auc_score
    from sklearn.preprocessing import StandardScaler
    import sklearn
except ImportError as e:
    sys.exit("train.py: %s: install Debian's python3-sklearn and python3-onnx (scripts/install-deps.sh --test)" % e)

HERE = os.path.dirname(os.path.abspath(__file__))
ROWS = 5000
TRAIN_SHARE = 0.8
BINS = 10
NUMERIC = [0, 1, 3]  # items_in_order, discount_ratio, customer_tenure_days
CHANNEL = 2
CHANNELS = 3


def generate(seed):
    """Orders drawn from a fixed process: bigger, more discounted, marketplace orders come back more often."""
    rng = np.random.default_rng(seed)
    items = rng.poisson(3.0, ROWS) + 1
    discount = np.round(rng.beta(1.5, 6.0, ROWS), 3)
    channel = rng.choice(CHANNELS, ROWS, p=[0.5, 0.35, 0.15])
    tenure = rng.integers(0, 3000, ROWS)
    logit = (-2.2 + 0.35 * items + 3.0 * discount + np.array([0.0, -0.4, 1.2])[channel] - 0.0006 * tenure
             + rng.normal(0, 0.5, ROWS))
    label = (rng.random(ROWS) < 1 / (1 + np.exp(-logit))).astype(int)
    x = np.column_stack([items, discount, channel, tenure]).astype(np.float64)
    return x, label


def features(x, scaler):
    one_hot = (x[:, [CHANNEL]] == np.arange(CHANNELS)).astype(np.float64)
    return np.hstack([scaler.transform(x[:, NUMERIC]), one_hot])


def reference(sample, bins=BINS):
    """The same bins as the Java side's ReferenceDistribution.fromSample: cuts at the quantiles, shares floored."""
    s = np.sort(np.asarray(sample, dtype=np.float64))
    cuts = []
    for q in range(1, bins):
        cut = s[int(np.ceil(q * len(s) / bins)) - 1]
        if (not cuts or cut > cuts[-1]) and cut < s[-1]:
            cuts.append(round(float(cut), 6))
    counts = np.zeros(len(cuts) + 1)
    for v in s:
        counts[np.searchsorted(cuts, v, side="left")] += 1
    shares = np.maximum(1e-4, counts / len(s))
    shares = [round(float(v), 6) for v in shares / shares.sum()]
    shares[-1] = max(1e-4, round(1 - sum(shares[:-1]), 6))
    return {"upper_bounds": cuts, "shares": shares}


def label_reference(returned):
    """The predicted class: bin 0 holds code 0 (kept), the open bin above 0 code 1 (returned)."""
    share = min(1 - 1e-4, max(1e-4, round(float(np.mean(returned)), 6)))
    return {"upper_bounds": [0.0], "shares": [round(1 - share, 6), share]}


def graph(scaler, model):
    mean = scaler.mean_.astype(np.float32)
    scale = scaler.scale_.astype(np.float32)
    weights = model.coef_.reshape(-1, 1).astype(np.float32)
    bias = model.intercept_.astype(np.float32)
    init = [
        helper.make_tensor("numeric_columns", TensorProto.INT64, [3], NUMERIC),
        helper.make_tensor("channel_column", TensorProto.INT64, [1], [CHANNEL]),
        helper.make_tensor("channel_codes", TensorProto.FLOAT, [CHANNELS], list(range(CHANNELS))),
        helper.make_tensor("scaler_mean", TensorProto.FLOAT, [3], mean.tolist()),
        helper.make_tensor("scaler_scale", TensorProto.FLOAT, [3], scale.tolist()),
        helper.make_tensor("coefficients", TensorProto.FLOAT, list(weights.shape), weights.ravel().tolist()),
        helper.make_tensor("intercept", TensorProto.FLOAT, [1], bias.tolist()),
        helper.make_tensor("one", TensorProto.FLOAT, [1], [1.0]),
    ]
    nodes = [
        helper.make_node("Gather", ["input", "numeric_columns"], ["numeric"], axis=1),
        helper.make_node("Sub", ["numeric", "scaler_mean"], ["centred"]),
        helper.make_node("Div", ["centred", "scaler_scale"], ["scaled"]),
        helper.make_node("Gather", ["input", "channel_column"], ["channel"], axis=1),
        helper.make_node("Equal", ["channel", "channel_codes"], ["channel_is"]),
        helper.make_node("Cast", ["channel_is"], ["one_hot"], to=TensorProto.FLOAT),
        helper.make_node("Concat", ["scaled", "one_hot"], ["features"], axis=1),
        helper.make_node("MatMul", ["features", "coefficients"], ["weighted"]),
        helper.make_node("Add", ["weighted", "intercept"], ["logit"]),
        helper.make_node("Sigmoid", ["logit"], ["p_returned"]),
        helper.make_node("Sub", ["one", "p_returned"], ["p_kept"]),
        helper.make_node("Concat", ["p_kept", "p_returned"], ["probabilities"], axis=1),
    ]
    g = helper.make_graph(nodes, "order-return", [helper.make_tensor_value_info("input", TensorProto.FLOAT, ["N", 4])],
                          [helper.make_tensor_value_info("probabilities", TensorProto.FLOAT, ["N", 2])], init)
    m = helper.make_model(g, producer_name="monitoring-lab models/order-return/train.py",
                          opset_imports=[helper.make_opsetid("", 13)])
    m.ir_version = 7
    onnx.checker.check_model(m)
    return m.SerializeToString()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True, help="the model repository to write the version into")
    parser.add_argument("--seed", type=int, default=20240611, help="seed of the generated orders (default %(default)s)")
    args = parser.parse_args()
    with open(os.path.join(HERE, "model.json")) as f:
        spec_text = f.read()
    spec = json.loads(spec_text)

    x, y = generate(args.seed)
    n_train = int(round(ROWS * TRAIN_SHARE))
    scaler = StandardScaler().fit(x[:n_train, NUMERIC])
    model = LogisticRegression(C=1.0, solver="lbfgs", max_iter=1000).fit(features(x[:n_train], scaler), y[:n_train])
    p_test = model.predict_proba(features(x[n_train:], scaler))[:, 1]
    p_train = model.predict_proba(features(x[:n_train], scaler))[:, 1]
    onnx_bytes = graph(scaler, model)

    # a few rows with scikit-learn's own answers: whoever runs the graph can check it computes the same
    checks = [[1, 0.0, 0, 0], [4, 0.2, 1, 365], [12, 0.6, 2, 30], [500, 1.0, 2, 36500], [1, 0.05, 1, 3000]]
    check_p = model.predict_proba(features(np.array(checks, dtype=np.float64), scaler))[:, 1]
    names = [i["name"] for i in spec["inputs"]]
    artifact = {
        "format": "onnx",
        "file": "model.onnx",
        "sha256": hashlib.sha256(onnx_bytes).hexdigest(),
        "library": "scikit-learn",
        "library_version": sklearn.__version__,
        "algorithm": "logistic regression (StandardScaler on the counts and the ratio, channel one-hot)",
        "training": {
            "data": "generated orders, seed %d, %d rows" % (args.seed, ROWS),
            "split": "first %d %% of rows train, the rest test" % round(TRAIN_SHARE * 100),
            "hyperparameters": {"C": 1.0, "solver": "lbfgs"},
            "onnx": "onnx %s, opset 13, written with onnx.helper" % onnx.__version__,
            "check_rows": [dict(zip(names, r), probability=round(float(p), 9)) for r, p in zip(checks, check_p)],
        },
        "metrics": {
            "accuracy": round(float(accuracy_score(y[n_train:], (p_test >= 0.5).astype(int))), 4),
            "roc_auc": round(float(roc_auc_score(y[n_train:], p_test)), 4),
            "heldout_rows": int(ROWS - n_train),
        },
        "reference": {
            "bins_from": "training split, %d bins at the deciles" % BINS,
            "inputs": {name: reference(x[:n_train, i]) for i, name in enumerate(names)},
            "outputs": {"label": label_reference(p_train >= 0.5), "probability": reference(p_train)},
        },
    }

    folder = os.path.join(os.path.abspath(args.out), spec["name"])
    os.makedirs(folder, exist_ok=True)
    fd, tmp_spec = tempfile.mkstemp(dir=folder, prefix=".model", suffix=".json.tmp")
    with os.fdopen(fd, "w") as f:
        f.write(spec_text)
    os.chmod(tmp_spec, 0o644)
    os.replace(tmp_spec, os.path.join(folder, "model.json"))
    tmp = tempfile.mkdtemp(dir=folder, prefix="." + spec["version"] + ".tmp")
    try:
        with open(os.path.join(tmp, "model.onnx"), "wb") as f:
            f.write(onnx_bytes)
        with open(os.path.join(tmp, "artifact.json"), "w") as f:
            json.dump(artifact, f, indent=2)
            f.write("\n")
        os.chmod(tmp, 0o755)
        target = os.path.join(folder, spec["version"])
        shutil.rmtree(target, ignore_errors=True)
        os.rename(tmp, target)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("trained %s version %s: held-out accuracy %.4f, ROC AUC %.4f -> %s" % (
        spec["name"], spec["version"], artifact["metrics"]["accuracy"], artifact["metrics"]["roc_auc"], target))


if __name__ == "__main__":
    main()
