#!/usr/bin/env python3
"""Writes a synthetic timeline file of N events (default 10,000) for the benchmark.

Realistic sizes: headlines of 50-110 characters, bodies of two or three paragraphs (300-900
characters) with a link, one to four sources each, all categories, a few spans and month or year
precision. Deterministic (seeded), so every run measures the same bytes. Example URLs use
example.org: this is test data, not journalism.
"""
import random
import sys

CATEGORIES = ["deal", "regulatory-review", "executive-action", "litigation", "political-statement",
              "diplomacy", "shareholder-vote", "legislation", "trade-measure"]
WORDS = ("steel tariff review panel court ruling merger offer union vote ministry trade agreement "
         "investment export quota hearing order appeal senator governor plant workers shares board "
         "committee inquiry import duty subsidy talks summit deadline filing notice security").split()


def sentence(rng, lo, hi):
    words = [rng.choice(WORDS) for _ in range(rng.randint(lo, hi))]
    return " ".join(words).capitalize() + "."


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    rng = random.Random(42)
    out = sys.stdout
    out.write("# Synthetic benchmark timeline; see bench/generate.py.\n")
    out.write("slug: bench-10k\ntitle: Benchmark timeline\nsummary: A generated timeline for load tests.\nstatus: published\n")
    out.write("actors:\n")
    for a in range(40):
        out.write(f"  - id: actor-{a}\n    name: Actor number {a}\n")
    out.write("events:\n")
    for i in range(n):
        year = 1990 + i * 35 // n
        month = rng.randint(1, 12)
        day = rng.randint(1, 28)
        kind = rng.random()
        if kind < 0.05:
            date, end = f"{year}", None
        elif kind < 0.15:
            date, end = f"{year}-{month:02d}", None
        elif kind < 0.20:
            date, end = f"{year}-{month:02d}-{day:02d}", f"{year}-{month:02d}-28"
        else:
            date, end = f"{year}-{month:02d}-{day:02d}", None
        out.write(f"  - id: event-{i:05d}\n    date: '{date}'\n")
        if end:
            out.write(f"    end: '{end}'\n")
        out.write(f"    headline: \"{sentence(rng, 7, 14)[:110]}\"\n")
        out.write(f"    category: {rng.choice(CATEGORIES)}\n")
        out.write(f"    importance: {'major' if rng.random() < 0.3 else 'minor'}\n")
        actors = sorted(rng.sample(range(40), rng.randint(1, 4)))
        out.write("    actors: [" + ", ".join(f"actor-{a}" for a in actors) + "]\n")
        out.write("    body: |\n")
        for p in range(rng.randint(2, 3)):
            text = " ".join(sentence(rng, 8, 20) for _ in range(rng.randint(2, 4)))
            if p == 0:
                text += f" See [the filing](https://example.org/filings/{i})."
            out.write(f"      {text}\n\n")
        out.write("    sources:\n")
        for s in range(rng.randint(1, 4)):
            out.write(f"      - publisher: Wire {s}\n        title: \"{sentence(rng, 5, 12)}\"\n"
                      f"        date: '{year}-{month:02d}-{day:02d}'\n        url: https://example.org/news/{i}/{s}\n")


if __name__ == "__main__":
    main()
