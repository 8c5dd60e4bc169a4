"""The trained stance model as plain arrays: load it from its JSON file and score feature rows
with numpy alone (scikit-learn is needed only to train it, in `verify.train`).

Two stages, each a small network (a logistic regression is one with no hidden layer):
relatedness (is the passage about the claim?), then stance given that it is (supports,
contradicts or mentions), which also reads the page's bag of words (`Network.bag`, over the
file's `vocabulary`). Both are calibrated on out-of-fold predictions: relatedness with Platt
scaling, one for passages judged alone and one for passages read with their page (the two are
different populations: a short passage shares fewer words with the claim than a page does),
stance with a temperature. Large arrays are stored as base64 float32 (`_stored`).
"""

import base64
import functools
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from verify import stance_features
from verify.errors import InputError
from verify.stance_features import Bag, Lexicon

FORMAT = 3
PACKED = 4096  # arrays larger than this are stored as base64 float32, not as lists
MODEL_FILE = "stance-model.json"


@dataclass(frozen=True)
class Network:
    """Dense layers: ReLU between them, raw scores (logits) out. `bag`, when given, holds the
    first layer's weights for a page's bag of words (vocabulary × first layer's width): a
    sparse second input added to the first layer (`bag_input`)."""

    weights: tuple[np.ndarray, ...]
    biases: tuple[np.ndarray, ...]
    bag: np.ndarray | None = None

    def bag_input(self, bags: Sequence[Bag | None]) -> np.ndarray | None:
        """What each row's bag adds to the first layer (rows × width), or None without a bag."""
        if self.bag is None:
            return None
        out = np.zeros((len(bags), self.bag.shape[1]))
        done: dict[int, np.ndarray] = {}
        for i, bag in enumerate(bags):
            if bag is None or not bag[0]:
                continue
            row = done.get(id(bag))
            if row is None:
                row = done[id(bag)] = np.asarray(bag[1]) @ self.bag[list(bag[0])]
            out[i] = row
        return out

    def logits(self, x: np.ndarray, extra: np.ndarray | None = None) -> np.ndarray:
        """`extra`: what the rows' bags add to the first layer (`bag_input`)."""
        for k, (w, b) in enumerate(zip(self.weights[:-1], self.biases[:-1], strict=True)):
            z = x @ w + b
            if k == 0 and extra is not None:
                z = z + extra
            x = np.maximum(z, 0.0)
        out: np.ndarray = x @ self.weights[-1] + self.biases[-1]
        if len(self.weights) == 1 and extra is not None:
            out = out + extra
        return out

    def slopes(self, x: np.ndarray, extra: np.ndarray | None = None) -> np.ndarray:
        """d logits / d input for one row (n_features × n_outputs): the weights of a logistic
        regression, the local slope of a ReLU network (`extra`: the row's bag input)."""
        if len(self.weights) == 1:
            return self.weights[0]
        jacobian: np.ndarray | None = None  # the identity: the first layer's is its weights
        for k, (w, b) in enumerate(zip(self.weights[:-1], self.biases[:-1], strict=True)):
            z = x @ w + b
            if k == 0 and extra is not None:
                z = z + extra
            jacobian = (w if jacobian is None else jacobian @ w) * (z > 0)
            x = np.maximum(z, 0.0)
        assert jacobian is not None
        out: np.ndarray = jacobian @ self.weights[-1]
        return out

    def as_json(self) -> dict[str, Any]:
        layers = [
            {"weights": _stored(w), "bias": _stored(b)}
            for w, b in zip(self.weights, self.biases, strict=True)
        ]
        return {"layers": layers} | ({} if self.bag is None else {"bag": _stored(self.bag)})

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Network":
        layers = data["layers"]
        return cls(
            tuple(_loaded(layer["weights"]) for layer in layers),
            tuple(_loaded(layer["bias"]) for layer in layers),
            _loaded(data["bag"]) if "bag" in data else None,
        )


@dataclass(frozen=True)
class Platt:
    """Platt scaling of the relatedness logit, p(related) = sigmoid(a * logit + b): one (a, b)
    for a passage judged alone, one for a passage read with its page."""

    alone: tuple[float, float]
    page: tuple[float, float]

    def probability(self, logits: np.ndarray, has_page: np.ndarray) -> np.ndarray:
        """p(related) for each row's logit, by whether the row has a page."""
        a = np.where(has_page, self.page[0], self.alone[0])
        b = np.where(has_page, self.page[1], self.alone[1])
        out: np.ndarray = 1.0 / (1.0 + np.exp(-(a * logits + b)))
        return out

    def as_json(self) -> dict[str, list[float]]:
        return {"alone": list(self.alone), "page": list(self.page)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Platt":
        alone, page = data["alone"], data["page"]
        return cls((float(alone[0]), float(alone[1])), (float(page[0]), float(page[1])))


@dataclass(frozen=True)
class StanceModel:
    """Everything needed to turn pairs into calibrated probabilities."""

    lexicon: Lexicon
    vocabulary: tuple[str, ...]  # the words of a page's bag (stance stage), in column order
    features: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    relatedness: Network
    platt: Platt  # p(related) = sigmoid(a * logit + b), (a, b) by whether a page is read
    stance: Network
    classes: tuple[str, ...]  # supports, contradicts, mentions in the stance network's order
    temperature: float
    meta: dict[str, Any] = field(default_factory=dict)

    def standardise(self, x: np.ndarray) -> np.ndarray:
        out: np.ndarray = (x - self.mean) / self.scale
        return out

    @functools.cached_property
    def indices(self) -> dict[str, int]:
        """Each vocabulary word's column in a bag."""
        return {w: k for k, w in enumerate(self.vocabulary)}

    def probabilities(
        self, x: np.ndarray, extra: np.ndarray | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """(p(related), p(stance | related)) for feature rows x (n × features); `extra`: what
        the rows' page bags add to the stance stage (`Network.bag_input`)."""
        z = self.standardise(x)
        has_page = x[:, self.features.index("has_page")] > 0
        related = self.platt.probability(self.relatedness.logits(z)[:, 0], has_page)
        return related, softmax(self.stance.logits(z, extra) / self.temperature)

    def pushes(
        self,
        row: np.ndarray,
        label: str,
        stance_probs: np.ndarray,
        extra: np.ndarray | None = None,
    ) -> list[tuple[str, float, bool]]:
        """The features that pushed towards `label`, strongest first: (name, value, whether
        the value is above the training mean). For "unrelated" and against it, from the
        relatedness stage; else from the stance stage against the runner-up stance (the
        page's bag of words is not named)."""
        z = self.standardise(row)
        if label == "unrelated":
            push = -self.relatedness.slopes(z)[:, 0] * z
        else:
            slopes = self.stance.slopes(z, extra)
            mine = self.classes.index(label)
            other = int(np.argsort(-stance_probs)[1 if np.argmax(stance_probs) == mine else 0])
            push = (slopes[:, mine] - slopes[:, other]) * z
        order = [int(j) for j in np.argsort(-push) if push[j] > 0]
        return [(self.features[j], float(row[j]), bool(z[j] > 0)) for j in order]

    def as_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "features": list(self.features),
            "lexicon": {
                "unseen_idf": round(self.lexicon.unseen_idf, 5),
                "idf": {w: round(v, 4) for w, v in sorted(self.lexicon.idf.items())},
            },
            "vocabulary": list(self.vocabulary),
            "standardise": {"mean": _rounded(self.mean), "scale": _rounded(self.scale)},
            "relatedness": self.relatedness.as_json() | {"platt": self.platt.as_json()},
            "stance": self.stance.as_json()
            | {
                "classes": list(self.classes),
                "temperature": self.temperature,
            },
            **self.meta,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "StanceModel":
        if data.get("format") != FORMAT:
            raise InputError(
                f"stance model format {data.get('format')!r} is not {FORMAT} (written by another "
                "version of verify); run `make model` to retrain it"
            )
        known = {"format", "features", "lexicon", "vocabulary", "standardise", "relatedness",
                 "stance"}  # fmt: skip
        lexicon = data["lexicon"]
        return cls(
            lexicon=Lexicon(idf=dict(lexicon["idf"]), unseen_idf=float(lexicon["unseen_idf"])),
            vocabulary=tuple(data["vocabulary"]),
            features=tuple(data["features"]),
            mean=np.asarray(data["standardise"]["mean"], dtype=np.float64),
            scale=np.asarray(data["standardise"]["scale"], dtype=np.float64),
            relatedness=Network.from_json(data["relatedness"]),
            platt=Platt.from_json(data["relatedness"]["platt"]),
            stance=Network.from_json(data["stance"]),
            classes=tuple(data["stance"]["classes"]),
            temperature=float(data["stance"]["temperature"]),
            meta={k: v for k, v in data.items() if k not in known},
        )


def softmax(z: np.ndarray) -> np.ndarray:
    e = np.exp(z - z.max(axis=1, keepdims=True))
    out: np.ndarray = e / e.sum(axis=1, keepdims=True)
    return out


def _rounded(values: np.ndarray) -> Any:
    """Six significant digits: the file stays small and diffs stay readable."""
    return np.vectorize(lambda v: float(f"{v:.6g}"), otypes=[float])(values).tolist()


def _stored(values: np.ndarray) -> Any:
    """Small arrays as lists of numbers; large ones (the bag's weights) as little-endian
    float32 in base64 with their shape, which loads in a millisecond and is a third the size."""
    if values.size <= PACKED:
        return _rounded(values)
    packed = base64.b64encode(np.ascontiguousarray(values, dtype="<f4").tobytes()).decode()
    return {"shape": list(values.shape), "float32": packed}


def _loaded(stored: Any) -> np.ndarray:
    if isinstance(stored, dict):
        flat = np.frombuffer(base64.b64decode(stored["float32"]), dtype="<f4")
        return flat.astype(np.float64).reshape(tuple(stored["shape"]))
    return np.asarray(stored, dtype=np.float64)


def shipped_path() -> Path:
    return Path(str(resources.files("verify") / "data" / MODEL_FILE))


def read(path: Path) -> StanceModel:
    """The model in a JSON file; InputError if it is missing, malformed or does not fit this
    version's features."""
    try:
        model = StanceModel.from_json(json.loads(path.read_text(encoding="utf-8")))
    except OSError as exc:
        raise InputError(
            f"cannot read the stance model {path} ({exc.strerror}); run `make model`"
        ) from exc
    except (ValueError, KeyError, TypeError, IndexError) as exc:
        raise InputError(
            f"the stance model {path} is malformed ({exc}); run `make model` to rebuild it"
        ) from exc
    if model.features != stance_features.NAMES:
        raise InputError(
            f"the stance model {path} was trained on other features than this code computes; "
            "run `make model` to retrain it"
        )
    return model


@functools.cache
def shipped() -> StanceModel:
    """The model that ships inside the package, read once per process."""
    return read(shipped_path())
