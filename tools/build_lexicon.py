"""Build briefbot/data/related.tsv, the table of related words, from WordNet 3.0.

    apt-get install wordnet-base          # the WordNet 3.0 database files (Debian)
    python tools/build_lexicon.py [--wordnet /usr/share/wordnet]

A development tool: run it again only when the tokenizer's stemming changes (the table is
keyed by briefbot's own stems, so both sides meet on the same term).  For each single-word
lemma, only its few most frequent senses count (WordNet lists them in frequency order),
which keeps rare senses ("talk" as "lecture") from tying unrelated words together.  From
those senses it takes:

- the other single-word lemmas of the same synset (synonyms: "indispensable" ~ "essential");
- derivations and pertainyms, lexical links between word forms ("stably" ~ "stable",
  "stable" ~ "stability");
- adjective clusters ("similar to") and attributes (the noun an adjective measures);
- verb groups;
- for nouns and verbs, the lemmas of the direct hypernym ("weaponry" ~ "arms",
  "upgrade" ~ "improve");
- for irregular forms ("took"), their lemma and the lemma's relatives.

Synonyms and word-form links go both ways, hypernyms one way (specific to general); stopwords are left out, and each line reads
``stem<TAB>related related ...`` with lines sorted by stem, so the engine can look a stem
up by binary search without reading the whole file.

It also writes briefbot/data/concrete.txt: the stems of nouns one of whose most frequent
senses is a thing, a group, a place, a person, a quantity or a possession (by WordNet's
lexicographer files), as opposed to an act, an idea or a state.  A question asking for such a thing
("Which company ...?") is not answered by a text that never names one; an abstract one
("What precondition ...?") may be put in other words.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from briefbot.text import STOPWORDS, stem, words

POS_FILES = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}
SENSES = 2  # most frequent senses per lemma and part of speech
LEXICAL = {"+", "\\", "<"}  # derivation, pertainym, participle (word to word)
SEMANTIC = {"&", "=", "$"}  # similar to, attribute, verb group (synset to synset)
HYPERNYM = {"@", "@i"}
OUT = Path(__file__).resolve().parents[1] / "briefbot" / "data" / "related.tsv"
CONCRETE_OUT = OUT.with_name("concrete.txt")
# WordNet lexicographer files of concrete nouns: animal, artifact, body, food, group,
# location, object, person, plant, possession, quantity, substance.
DIRECTION = "08679972"  # the noun synset "direction, way": a line leading to a place
CONCRETE_FILES = {"05", "06", "08", "13", "14", "15", "17", "18", "20", "21", "23", "27"}


class Synset:
    __slots__ = ("lemmas", "pointers")

    def __init__(self, lemmas: list[str], pointers: list[tuple[str, str, int, int]]):
        self.lemmas = lemmas
        # (symbol, target key, source word number, target word number); 0 = whole synset
        self.pointers = pointers


def read_data(folder: Path) -> dict[str, Synset]:
    synsets: dict[str, Synset] = {}
    for name in POS_FILES.values():
        for line in (folder / f"data.{name}").read_text(encoding="latin-1").splitlines():
            if line.startswith("  "):
                continue  # the licence header
            fields = line.split(" | ")[0].split()
            offset, ss_type = fields[0], fields[2]
            count = int(fields[3], 16)
            lemmas = [fields[4 + 2 * i] for i in range(count)]
            at = 4 + 2 * count
            pointers = []
            for i in range(int(fields[at])):
                symbol, target, target_pos, source_target = fields[at + 1 + 4 * i : at + 5 + 4 * i]
                target_pos = "a" if target_pos == "s" else target_pos
                number = int(source_target, 16)  # two hex bytes: source word, target word
                source, far = number >> 8, number & 0xFF
                pointers.append((symbol, f"{target_pos}{target}", source, far))
            key_pos = "a" if ss_type == "s" else ss_type
            synsets[f"{key_pos}{offset}"] = Synset(lemmas, pointers)
    return synsets


def read_senses(folder: Path) -> dict[str, list[str]]:
    """lemma -> keys of its most frequent synsets, over all parts of speech."""
    senses: dict[str, list[str]] = defaultdict(list)
    for pos, name in POS_FILES.items():
        for line in (folder / f"index.{name}").read_text(encoding="latin-1").splitlines():
            if line.startswith("  "):
                continue
            fields = line.split()
            synset_count = int(fields[2])
            offsets = fields[len(fields) - synset_count :]
            # Senses seen in WordNet's tagged corpus come first; an untagged sense
            # (never seen in use) counts only when it is the word's only one.
            tagged = int(fields[len(fields) - synset_count - 1])
            keep = max(1, min(SENSES, tagged))
            senses[fields[0]].extend(f"{pos}{o}" for o in offsets[:keep])
    return senses


def read_exceptions(folder: Path) -> dict[str, set[str]]:
    """Irregular forms and their lemmas ("took" -> "take"), from WordNet's *.exc files."""
    forms: dict[str, set[str]] = defaultdict(set)
    for name in POS_FILES.values():
        for line in (folder / f"{name}.exc").read_text(encoding="latin-1").splitlines():
            form, *lemmas = line.split()
            forms[form].update(lemmas)
    return forms


def single_stem(lemma: str) -> str | None:
    """briefbot's stem of a one-word lemma, or None for phrases, stopwords and odd forms."""
    lemma = lemma.split("(")[0]  # adjective markers such as "(a)"
    if "_" in lemma or "-" in lemma:
        return None
    forms = words(lemma)
    if len(forms) != 1 or forms[0] in STOPWORDS or len(forms[0]) < 3 or forms[0].isdigit():
        return None
    return stem(forms[0])


def build(folder: Path, synsets: dict[str, Synset]) -> dict[str, set[str]]:
    related: dict[str, set[str]] = defaultdict(set)

    def link(a: str | None, b: str | None, *, both: bool = True) -> None:
        if a and b and a != b:
            related[a].add(b)
            if both:
                related[b].add(a)

    for lemma, keys in read_senses(folder).items():
        source = single_stem(lemma)
        if source is None:
            continue
        for key in keys:
            synset = synsets[key]
            number = next(
                (i + 1 for i, x in enumerate(synset.lemmas) if x.split("(")[0].lower() == lemma),
                0,
            )
            for other in synset.lemmas:
                link(source, single_stem(other))
            for symbol, target, src, dst in synset.pointers:
                far = synsets.get(target)
                if far is None:
                    continue
                if symbol in LEXICAL and src == number and dst:
                    link(source, single_stem(far.lemmas[dst - 1]))
                elif symbol in SEMANTIC and src == 0:
                    for other in far.lemmas:
                        link(source, single_stem(other))
                elif symbol in HYPERNYM and key[0] in "nv":
                    # One way only: a word leads to its broader term, not to every
                    # narrower term of a broad word.
                    for other in far.lemmas:
                        link(source, single_stem(other), both=False)
    # An irregular form ("took", "went") leads where its lemma leads, and to the lemma.
    for form, lemmas in read_exceptions(folder).items():
        source = single_stem(form)
        for lemma in lemmas:
            target = single_stem(lemma)
            if source and target and source != target:
                related[source] |= {target} | (related.get(target, set()) - {source})
    return related


def concrete(folder: Path, synsets: dict[str, Synset]) -> set[str]:
    """Stems of one-word nouns one of whose most frequent senses is concrete."""
    files = {}
    for line in (folder / "data.noun").read_text(encoding="latin-1").splitlines():
        if not line.startswith("  "):
            fields = line.split(maxsplit=2)
            files[fields[0]] = fields[1]
    # WordNet files directions ("trend", "course", "tendency") with places: they are no
    # place a text would have to name.
    abstract, todo = set(), [DIRECTION]
    while todo:
        offset = todo.pop()
        if offset not in abstract:
            abstract.add(offset)
            narrower = synsets[f"n{offset}"].pointers  # its hyponyms, among its pointers
            todo.extend(t[1:] for symbol, t, _, _ in narrower if symbol == "~" and t[0] == "n")
    for offset in abstract:
        files[offset] = "direction"
    # Several nouns may share a stem ("soil", "soiling"): the shortest, the base word, decides.
    base: dict[str, tuple[int, bool]] = {}
    for line in (folder / "index.noun").read_text(encoding="latin-1").splitlines():
        if line.startswith("  "):
            continue
        fields = line.split()
        source = single_stem(fields[0])
        if source is None:
            continue
        count = int(fields[2])
        frequent = fields[len(fields) - count :][:SENSES]
        if source not in base or len(fields[0]) < base[source][0]:
            base[source] = (len(fields[0]), any(files.get(o) in CONCRETE_FILES for o in frequent))
    return {stem for stem, (_, is_concrete) in base.items() if is_concrete}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wordnet", type=Path, default=Path("/usr/share/wordnet"))
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    synsets = read_data(args.wordnet)
    related = build(args.wordnet, synsets)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    lines = [f"{k}\t{' '.join(sorted(v))}\n" for k, v in sorted(related.items())]
    args.out.write_text("".join(lines), encoding="utf-8")
    print(f"{len(lines)} stems, {args.out.stat().st_size / 1e6:.1f} MB -> {args.out}")
    things = sorted(concrete(args.wordnet, synsets))
    concrete_out = args.out.with_name(CONCRETE_OUT.name)
    concrete_out.write_text("".join(f"{t}\n" for t in things), encoding="utf-8")
    print(f"{len(things)} concrete nouns -> {concrete_out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
