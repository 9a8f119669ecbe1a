#!/usr/bin/env python3
"""Derive the built-in word-segmentation lexicon under src/lexicon/data/.

  scripts/derive-lexicon.py --pyvi WORDS_TXT --train TRAIN_CONLLU [--out DIR]

WORDS_TXT is `pyvi/models/words.txt` from the pyvi 0.1.1 wheel on PyPI
(`pip download --no-deps pyvi==0.1.1`, then unzip), MIT licence.
TRAIN_CONLLU is `vi_vtb-ud-train.conllu` of UD_Vietnamese-VTB (CC BY-SA 4.0),
as in ../shared/wordseg/.

Writes, sorted and de-duplicated:
  words.txt      multi-syllable entries of the pyvi word list;
  words-vtb.txt  multi-syllable words (FORM column) of the treebank's training
                 split, without proper names (every syllable capitalised):
                 names are grouped by rule, and no person is named in the data.
Only words whose syllables are all letters are kept: the tokeniser never
joins digits or punctuation into words. No sentence of either source is
copied. Standard library only.
"""
import argparse
import os
import unicodedata

PYVI_HEADER = """\
# Multi-syllable Vietnamese words, one per line, syllables separated by spaces.
# Source: the word list `pyvi/models/words.txt` of pyvi 0.1.1 (Python Vietnamese
# Toolkit, https://pypi.org/project/pyvi/), multi-syllable entries whose
# syllables are all letters, NFC. Derived by scripts/derive-lexicon.py.
# Licence of the source (MIT):
#
#   Copyright (c) 2016 Viet-Trung Tran
#
#   Permission is hereby granted, free of charge, to any person obtaining a copy
#   of this software and associated documentation files (the "Software"), to
#   deal in the Software without restriction, including without limitation the
#   rights to use, copy, modify, merge, publish, distribute, sublicense, and/or
#   sell copies of the Software, and to permit persons to whom the Software is
#   furnished to do so, subject to the following conditions:
#
#   The above copyright notice and this permission notice shall be included in
#   all copies or substantial portions of the Software.
#
#   THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
#   IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
#   FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
#   AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
#   LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING
#   FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS
#   IN THE SOFTWARE.
"""

VTB_HEADER = """\
# Multi-syllable Vietnamese words, one per line, syllables separated by spaces.
# Source: the FORM column of vi_vtb-ud-train.conllu, the training split of
# UD_Vietnamese-VTB (Universal Dependencies, converted from the VLSP Vietnamese
# treebank; Nguyen et al., 2009; contributors Nguyễn Thị Lương, Hà Mỹ Linh,
# Lê Hồng Phương, Nguyễn Thị Minh Huyền). Words whose syllables are all letters,
# proper names (every syllable capitalised) left out, NFC, de-duplicated; no
# sentence is copied. Derived by scripts/derive-lexicon.py.
# Licence: CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/).
# This file, as a derivative of the treebank, is under the same licence.
"""


def letters_only(syllables):
    return all(s and all(unicodedata.category(c)[0] in "LM" for c in s) for s in syllables)


def write(path, header, words):
    with open(path, "w", encoding="utf-8") as out:
        out.write(header)
        for w in sorted(words):
            out.write(w + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pyvi", required=True)
    ap.add_argument("--train", required=True)
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "src", "lexicon", "data"))
    a = ap.parse_args()

    dictionary = set()
    for line in open(a.pyvi, encoding="utf-8"):
        syl = unicodedata.normalize("NFC", line).split()
        if len(syl) >= 2 and letters_only(syl):
            dictionary.add(" ".join(syl))

    treebank = set()
    for line in open(a.train, encoding="utf-8"):
        cols = line.rstrip("\n").split("\t")
        if len(cols) < 2 or line.startswith("#") or "-" in cols[0] or "." in cols[0]:
            continue
        syl = unicodedata.normalize("NFC", cols[1]).split()
        if len(syl) < 2 or not letters_only(syl):
            continue
        if all(s[0].isupper() for s in syl):
            continue
        treebank.add(" ".join(syl))

    write(os.path.join(a.out, "words.txt"), PYVI_HEADER, dictionary)
    write(os.path.join(a.out, "words-vtb.txt"), VTB_HEADER, treebank)
    print(f"words.txt {len(dictionary)}  words-vtb.txt {len(treebank)}")


if __name__ == "__main__":
    main()
