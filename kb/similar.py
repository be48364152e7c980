"""Group questions by similar wording: "口罩在哪里买？", "哪里可以买到口罩" and "在哪買口罩" are one group.

A question is compared by what it is about: simplified, lower-cased, punctuation and question words dropped, then
its characters and character bigrams (word order matters little, a shared word counts twice). Similarity is the
Jaccard index of those sets. Grouping is greedy: the most frequent wording founds a group, and each further wording
joins the group of the most similar wording already grouped, if that similarity reaches the threshold.
"""
from __future__ import annotations

import re

import zhconv

THRESHOLD = 0.35
# They say a question is asked, not what about; longest first so that 什么时候 goes before 什么.
_QUESTION_WORDS = sorted(
    "请问 什么时候 为什么 什么 怎么样 怎么 怎样 如何 哪里 哪儿 哪个 哪些 哪天 多少 几号 几点 几 是不是 有没有 "
    "能不能 可不可以 可以 是否 一下 吗 呢 吧 啊 呀 的 了 么 在 是 能 要 想 我 你".split(), key=len, reverse=True)
_NOT_WORD = re.compile(r"[\W_]+")


def about(text: str) -> str:
    """What a question is about: simplified, lower case, no punctuation, spaces or question words."""
    text = _NOT_WORD.sub("", zhconv.convert(text, "zh-cn").lower())
    for word in _QUESTION_WORDS:
        text = text.replace(word, "")
    return text


def features(text: str) -> frozenset[str]:
    core = about(text)
    return frozenset(core) | frozenset(core[i:i + 2] for i in range(len(core) - 1))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 1.0


def group_similar(texts: list[str], threshold: float = THRESHOLD) -> list[list[int]]:
    """Indices of `texts` in groups of similar wording, the largest group first (ties: in order of founding)."""
    by_wording: dict[frozenset[str], list[int]] = {}
    for i, text in enumerate(texts):
        by_wording.setdefault(features(text), []).append(i)
    group_of: dict[frozenset[str], int] = {}  # wording → its group
    members: list[list[int]] = []
    wordings_with: dict[str, set[frozenset[str]]] = {}  # feature → grouped wordings that have it: the candidates
    for wording, indices in sorted(by_wording.items(), key=lambda item: (-len(item[1]), item[1][0])):
        candidates = set().union(*(wordings_with.get(f, set()) for f in wording))
        score, nearest = max(((jaccard(wording, other), other) for other in candidates),
                             key=lambda pair: (pair[0], -group_of[pair[1]]), default=(0.0, None))
        if nearest is not None and score >= threshold:
            group_of[wording] = group_of[nearest]
            members[group_of[wording]].extend(indices)
        else:
            group_of[wording] = len(members)
            members.append(list(indices))
        for feature in wording:
            wordings_with.setdefault(feature, set()).add(wording)
    return [sorted(group) for group in sorted(members, key=len, reverse=True)]  # stable: ties keep their order
