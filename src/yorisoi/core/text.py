"""Normalizing Japanese text so search ignores width, case and hiragana/katakana differences."""

import re
import unicodedata

_KATAKANA = "".join(chr(c) for c in range(ord("ァ"), ord("ヶ") + 1))
_HIRAGANA = "".join(chr(c) for c in range(ord("ぁ"), ord("ゖ") + 1))
_KATA_TO_HIRA = str.maketrans(_KATAKANA, _HIRAGANA)
_SPACES = re.compile(r"\s+")
_WORD_RUNS = re.compile(r"\w+")


def normalize_text(text: str) -> str:
    """NFKC (full/half width) and lower case: how notes are indexed and queried."""
    return unicodedata.normalize("NFKC", text or "").lower()


def normalize_name(text: str) -> str:
    """Names also ignore spaces and the difference between hiragana and katakana."""
    return _SPACES.sub("", normalize_text(text).translate(_KATA_TO_HIRA))


def bigrams(text: str) -> list[str]:
    """Overlapping character pairs of each run of word characters, plus each run's last character.

    The last character lets a one-character query match a word that ends in it; pairs never
    span punctuation or spaces. ``text`` must already be normalized.
    """
    grams: list[str] = []
    for run in _WORD_RUNS.findall(text):
        grams.extend(run[i : i + 2] for i in range(len(run) - 1))
        grams.append(run[-1])
    return grams


def query_terms(query: str) -> list[str]:
    """The words of a search query, normalized; words are separated by spaces."""
    return [term for term in _SPACES.split(normalize_text(query)) if term]
