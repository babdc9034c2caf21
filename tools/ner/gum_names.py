#!/usr/bin/env python3
"""Turns GUM's mention annotation into named-entity tags, for training newsflow's name recogniser.

    python3 tools/ner/gum_names.py OUT.bio GUM_*.conllu

GUM (Zeldes 2017; amir-zeldes/gum, annotations CC BY 4.0) marks every mention (names, pronouns, common nouns) with
an entity type in the MISC column (CorefUD `Entity=`). A mention is taken as a name when its syntactic head (the one
token whose head lies outside the span) is a proper noun (NNP, NNPS); the span is trimmed to the proper-noun run around
the head, bridging "of", "and", "the", "for", "&", "de" between proper nouns; person -> PER, place -> LOC,
organization -> ORG; leading titles are left out of person names ("President", "Mr.", "Dr."), as news annotation
does; the outermost name wins. Output: token<TAB>tag (IOB2), a blank line after each sentence and
"-DOCSTART-" before each file. Python 3 standard library only.
"""
import re
import sys

MAP = {'person': 'PER', 'place': 'LOC', 'organization': 'ORG'}
BRIDGES = ('of', 'and', 'the', 'for', '&', 'de')
TITLES = {'president', 'vice', 'prime', 'minister', 'chancellor', 'mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'dr', 'dr.',
          'sir', 'dame', 'lord', 'lady', 'king', 'queen', 'prince', 'princess', 'pope', 'saint', 'st.', 'general', 'gen.',
          'senator', 'sen.', 'governor', 'gov.', 'judge', 'justice', 'secretary', 'professor', 'prof.', 'rev.',
          'reverend', 'captain', 'capt.', 'colonel', 'col.', 'lieutenant', 'lt.', 'sergeant', 'sgt.', 'officer',
          'detective', 'mayor', 'chairman', 'ambassador', 'coach', 'father', 'brother', 'sister', 'uncle', 'aunt',
          'emperor', 'empress', 'duke', 'duchess', 'count', 'countess', 'archbishop', 'bishop', 'cardinal', 'rabbi',
          'imam', 'sheikh', 'representative', 'rep.', 'congressman', 'congresswoman', 'speaker', 'premier',
          'commissioner', 'director', 'ceo', 'chief', 'admiral', 'major', 'corporal', 'private', 'agent', 'deputy'}
ENTITY = re.compile(r'\(([^()]+)\)|\(([^()]+)|([^()]+)\)')


def names(sent):
    open_, spans = {}, []
    for i, t in enumerate(sent):
        m = re.search(r'(?:^|\|)Entity=([^|]*)', t[9])
        if not m:
            continue
        for single, opening, closing in ENTITY.findall(m.group(1)):
            if single:
                spans.append((i, i, single))
            elif opening:
                open_.setdefault(opening.split('-')[0], []).append((i, opening))
            else:
                eid = closing.strip()
                if open_.get(eid):
                    s, desc = open_[eid].pop()
                    spans.append((s, i, desc))
    proper = lambda k: sent[k][4] in ('NNP', 'NNPS')
    found = []
    for s, e, desc in spans:
        parts = desc.split('-')
        etype = parts[1] if len(parts) > 1 else '?'
        if etype not in MAP:
            continue
        ids = [int(sent[k][0]) for k in range(s, e + 1)]
        heads = [k for k in range(s, e + 1) if int(sent[k][6]) not in ids]
        if len(heads) != 1 or not proper(heads[0]):
            continue
        a = b = heads[0]
        while a - 1 >= s and (proper(a - 1) or (a - 2 >= s and proper(a - 2) and sent[a - 1][1].lower() in BRIDGES)):
            a -= 1
        while b + 1 <= e and (proper(b + 1) or (b + 2 <= e and proper(b + 2) and sent[b + 1][1].lower() in BRIDGES)):
            b += 1
        while a < b and not proper(a):
            a += 1
        if MAP[etype] == 'PER':
            while a < b and sent[a][1].lower() in TITLES:
                a += 1
        found.append((a, b, MAP[etype]))
    found.sort(key=lambda x: (x[0], -(x[1] - x[0])))
    tags, taken = ['O'] * len(sent), set()
    for s, e, ty in found:
        if any(k in taken for k in range(s, e + 1)):
            continue
        for k in range(s, e + 1):
            taken.add(k)
            tags[k] = ('B-' if k == s else 'I-') + ty
    return tags


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    with open(sys.argv[1], 'w', encoding='utf-8') as out:
        for name in sys.argv[2:]:
            out.write('-DOCSTART-\tO\n\n')
            sent = []
            with open(name, encoding='utf-8') as f:
                lines = f.read().split('\n') + ['']
            for line in lines:
                if not line:
                    if sent:
                        for t, tag in zip(sent, names(sent)):
                            out.write(f'{t[1]}\t{tag}\n')
                        out.write('\n')
                        sent = []
                    continue
                if line.startswith('#'):
                    continue
                cols = line.split('\t')
                if '-' in cols[0] or '.' in cols[0]:
                    continue
                sent.append(cols)


if __name__ == '__main__':
    main()
