#!/usr/bin/env python3
"""Derive src/lexicon/data/word-classes-vtb.txt: the word class of each word of
the UD Vietnamese VTB training split, as the quantity extractor reads it.

  scripts/derive-word-classes.py --train TRAIN_CONLLU [--out FILE]

TRAIN_CONLLU is `vi_vtb-ud-train.conllu` of UD_Vietnamese-VTB (CC BY-SA 4.0),
as in ../shared/wordseg/. For every word (FORM column, lower-cased, NFC, whose
syllables are all letters) the XPOS tags it carries are grouped into classes:

  N  noun (N, Nb, Ny)      C  classifier noun (Nc)     U  unit noun (Nu)
  V  verb (V)              A  adjective (Adj)
  F  function word (Pre, CC, SC, Adv, Pro, Det, AUX, Prt, I, Num)

and the word gets the class it carries most often; a tie goes to the noun
classes, then V, A, F. Proper names (NNP, or capitalised in every occurrence)
are left out, so no person of the treebank is named. No sentence is copied.
Standard library only.
"""
import argparse
import collections
import os
import unicodedata

HEADER = """\
# Word classes of the UD Vietnamese VTB training split: one word a line, a
# tab, and its class: N noun, C classifier noun, U unit noun, V verb,
# A adjective, F function word (preposition, conjunction, adverb, pronoun,
# determiner, auxiliary, particle, numeral). A word gets the class of most of
# its occurrences. Read by the quantity extractor to tell a counted noun after
# a number (`616 cộng đồng`) from a word that counts nothing (`5 và`, `3 tăng`).
# Source: the FORM and XPOS columns of vi_vtb-ud-train.conllu, the training
# split of UD_Vietnamese-VTB (Universal Dependencies, converted from the VLSP
# Vietnamese treebank; Nguyen et al., 2009; contributors Nguyễn Thị Lương,
# Hà Mỹ Linh, Lê Hồng Phương, Nguyễn Thị Minh Huyền). Words lower-cased, NFC,
# syllables all letters; proper names left out; no sentence is copied.
# Derived by scripts/derive-word-classes.py.
# Licence: CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/).
# This file, as a derivative of the treebank, is under the same licence.
"""

CLASS = {
    "N": "N", "Nb": "N", "Ny": "N",
    "Nc": "C",
    "Nu": "U",
    "V": "V",
    "Adj": "A",
    "Pre": "F", "CC": "F", "SC": "F", "Adv": "F", "Pro": "F", "Det": "F",
    "AUX": "F", "Prt": "F", "I": "F", "Num": "F",
}
ORDER = "NCUVAF"


def letters_only(syllables):
    return all(s and all(unicodedata.category(c)[0] in "LM" for c in s) for s in syllables)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--train", required=True)
    ap.add_argument("--out", default=os.path.join(
        os.path.dirname(__file__), "..", "src", "lexicon", "data", "word-classes-vtb.txt"))
    a = ap.parse_args()

    tags = collections.defaultdict(collections.Counter)
    lower_seen = set()
    for line in open(a.train, encoding="utf-8"):
        cols = line.rstrip("\n").split("\t")
        if len(cols) < 5 or line.startswith("#") or "-" in cols[0] or "." in cols[0]:
            continue
        syl = unicodedata.normalize("NFC", cols[1]).split()
        if not syl or not letters_only(syl):
            continue
        form = " ".join(syl).lower()
        if not all(s[0].isupper() for s in syl):
            lower_seen.add(form)
        tags[form][cols[4]] += 1

    out = []
    for form, c in tags.items():
        if form not in lower_seen or c["NNP"] > sum(c.values()) / 2:
            continue
        classes = collections.Counter()
        for tag, n in c.items():
            if tag in CLASS:
                classes[CLASS[tag]] += n
        if not classes:
            continue
        # Nouns first: a classifier or unit that is also a plain noun counts
        # with the noun classes together.
        nouns = classes["N"] + classes["C"] + classes["U"]
        best = max(ORDER[3:], key=lambda k: (classes[k], -ORDER.index(k)))
        if nouns >= classes[best]:
            best = max("NCU", key=lambda k: (classes[k], -ORDER.index(k)))
        out.append((form, best))

    with open(a.out, "w", encoding="utf-8") as f:
        f.write(HEADER)
        for form, cls in sorted(out):
            f.write(f"{form}\t{cls}\n")
    print(f"{a.out}: {len(out)} words")


if __name__ == "__main__":
    main()
