#!/usr/bin/env python3
"""Makes the bilingual version of a benchmark corpus: the same site published
in English and French, one briefing in five translated.

usage: bilingual.py SITREP_DIR [HUGO_DIR]
  (writes SITREP_DIR-bilingual, HUGO_DIR-bilingual and HUGO_DIR-bilingual-every)

sitrep: `languages: fr` in site.yaml, and beside every fifth briefing (in
file order) `x.fr.md` carrying its words only: a French title and summary and
a body as long as the original's. Every page is built in both languages
(an untranslated briefing shows its original text in the French interface).

Hugo: the same two languages in its config (`defaultContentLanguage = "en"`,
`[languages.fr]`), and the same translated files; since Hugo keeps no facts
apart from words, each translation carries the original's whole front matter
with the French title. Hugo publishes a French page only for what has a
French file, so from the same files it builds fewer pages than sitrep,
which publishes every page in every language; `-bilingual-every` gives Hugo
a French file for every briefing (a copy of the untranslated ones), the
files a Hugo desk needs to publish what sitrep publishes.
"""
import os
import re
import shutil
import sys


def briefings(root):
    found = []
    for d, _, files in os.walk(os.path.join(root, "content", "briefings")):
        found += [os.path.join(d, f) for f in files if f.endswith(".md") and not f.endswith(".fr.md") and f != "_index.md"]
    return sorted(found)


def split(text):
    """(front matter, body) of a file that starts with `---`."""
    _, front, body = text.split("---\n", 2)
    return front, body


def french(title):
    return "FR " + title


def make_sitrep(src):
    dst = src.rstrip("/") + "-bilingual"
    if os.path.exists(dst):
        return dst
    shutil.copytree(src, dst, ignore=shutil.ignore_patterns("output", ".git"))
    with open(os.path.join(dst, "site.yaml"), "a", encoding="utf-8") as f:
        f.write("languages:\n  fr:\n    title: Bulletin de sécurité du Sahel\n    description: Briefings sourcés.\n")
    for i, path in enumerate(briefings(dst)):
        if i % 5:
            continue
        front, body = split(open(path, encoding="utf-8").read())
        title = re.search(r"^title: (.*)$", front, re.M).group(1).strip().strip('"').replace('"', "'")
        words = f'---\ntitle: "{french(title)}"\nsummary: "Résumé en français."\n---\n{body}'
        with open(path[:-3] + ".fr.md", "w", encoding="utf-8") as f:
            f.write(words)
    return dst


def make_hugo(src, every=False):
    """Hugo's version; with `every`, every briefing has a French file (the
    untranslated ones a copy of the original), so that Hugo, which publishes
    a page in a language only from a file in it, builds every page in both
    languages, as sitrep does."""
    dst = src.rstrip("/") + ("-bilingual-every" if every else "-bilingual")
    if os.path.exists(dst):
        return dst
    shutil.copytree(src, dst, ignore=shutil.ignore_patterns("public", "resources"))
    config = os.path.join(dst, "config.toml")
    text = open(config, encoding="utf-8").read()
    head, sep, rest = text.partition("[taxonomies]")
    languages = (
        "[languages]\n  [languages.en]\n    weight = 1\n"
        '  [languages.fr]\n    weight = 2\n    languageCode = "fr"\n    title = "Bulletin de sécurité du Sahel"\n'
    )
    with open(config, "w", encoding="utf-8") as f:
        f.write(head + 'defaultContentLanguage = "en"\n' + sep + rest + languages)
    for i, path in enumerate(briefings(dst)):
        if i % 5:
            if every:
                shutil.copyfile(path, path[:-3] + ".fr.md")
            continue
        front, body = split(open(path, encoding="utf-8").read())
        front = re.sub(r"^title: (.*)$", lambda m: f'title: "{french(m.group(1).strip().strip(chr(34)))}"', front, count=1, flags=re.M)
        with open(path[:-3] + ".fr.md", "w", encoding="utf-8") as f:
            f.write(f"---\n{front}---\n{body}")
    return dst


if __name__ == "__main__":
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    print(make_sitrep(sys.argv[1]))
    if len(sys.argv) > 2:
        print(make_hugo(sys.argv[2]))
        print(make_hugo(sys.argv[2], every=True))
