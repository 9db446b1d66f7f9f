"""How well the education library's search answers real questions, and how fast.

Loads the real articles (src/naltrack/education/articles) into a fresh database made the way the
test suite makes one (in-memory SQLite; PostgreSQL with --postgres URL), asks every question of
one set (--set own: the library's own suite; tuning / held-out: the two halves of the questions
written blind; fresh: 100 more written blind later) and prints: first-place share, top-3 share, the misses and the mean time of one
search (parsing, full-text queries, ranking and highlighted passages).

    .venv/bin/python bench/education_search.py [--set own] [--repeat 5] [--postgres URL]

Results are recorded in docs/education-search.md.
"""

from __future__ import annotations

import argparse
import platform
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]


QUESTION_SETS = {
    "own": ("tests.education.questions", "QUESTIONS"),
    "tuning": ("tests.education.questions_tuning", "TUNING"),
    "held-out": ("tests.education.questions_held_out", "HELD_OUT"),
    "fresh": ("tests.education.questions_fresh", "FRESH"),
}


def question_set(name: str):
    """The questions of one set, imported only when asked for (the held-out half stays unread
    while tuning)."""
    import importlib

    module, attribute = QUESTION_SETS[name]
    return getattr(importlib.import_module(module), attribute)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="times each question is asked")
    parser.add_argument("--postgres", metavar="URL", help="run on this PostgreSQL server")
    parser.add_argument(
        "--set",
        choices=sorted(QUESTION_SETS),
        default="own",
        help="own: the library's own suite; tuning / held-out: the two halves of the unseen set",
    )
    args = parser.parse_args(argv)

    from bench.database import django_for, fresh_database

    django_for(args.postgres)
    from tests.education.questions import evaluate

    from naltrack.education.loader import load_library
    from naltrack.education.models import Article

    # Every migration runs, the data migration loading the articles among them.
    with fresh_database(on_file=False) as database:
        load_library()
        articles = Article.objects.published().count()
        figures = evaluate(question_set(args.set), repeat=args.repeat)

    print(f"Education search bench — {database}, Python {platform.python_version()}")
    print(f"question set: {args.set}")
    print(f"articles: {articles}   questions: {figures.total}   runs per question: {args.repeat}")
    print(f"first place: {figures.first}/{figures.total} = {figures.first_share:.1%}")
    print(f"top three:   {figures.top3}/{figures.total} = {figures.top3_share:.1%}")
    print(f"mean time of one search: {figures.mean_seconds * 1000:.2f} ms")
    if figures.misses:
        print("not first:")
        for question, slugs in figures.misses:
            mark = "top-3 ok" if question.in_top3(slugs) else "MISSED TOP 3"
            allowed = " (may compete)" if question.top3 else ""
            print(
                f"  {question.text!r} → {question.slug}{allowed}: got {', '.join(slugs) or 'nothing'} [{mark}]"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
