"""How well the education library's search answers real questions, and how fast.

Loads the real articles (src/naltrack/education/articles) into a fresh database made the way the
test suite makes one (in-memory SQLite; PostgreSQL with --postgres URL), asks every question of
one set (--set own: the library's own suite; tuning / held-out: the two halves of the questions
written blind; fresh, final, sixth: 100 more each, written blind later; seventh-tuning /
seventh-test … nineteenth-tuning / nineteenth-test: thirteen more sets of 150 in two halves) and prints: first-place share, top-3 share, the misses and the mean time of one
search (parsing, full-text queries, ranking and highlighted passages).

    .venv/bin/python bench/education_search.py [--set own] [--repeat 5] [--postgres URL]

Results are recorded in docs/education-search.md.
"""

from __future__ import annotations

import argparse
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]


QUESTION_SETS = {
    "own": ("tests.education.questions", "QUESTIONS"),
    "tuning": ("tests.education.questions_tuning", "TUNING"),
    "held-out": ("tests.education.questions_held_out", "HELD_OUT"),
    "fresh": ("tests.education.questions_fresh", "FRESH"),
    "final": ("tests.education.questions_final", "FINAL"),
    "sixth": ("tests.education.questions_sixth", "SIXTH"),
    # The sets of 150 written since, each split once into a tuning half and a test half.
    **{
        f"{number}-{half}": (
            f"tests.education.questions_{number}_{half}",
            f"{number.upper()}_{half.upper()}",
        )
        for number in (
            "seventh",
            "eighth",
            "ninth",
            "tenth",
            "eleventh",
            "twelfth",
            "thirteenth",
            "fourteenth",
            "fifteenth",
            "sixteenth",
            "seventeenth",
            "eighteenth",
            "nineteenth",
        )
        for half in ("tuning", "test")
    },
}


READER_FOLDS = 8


def reader_questions_left_out(repeat: int):
    """Each of the library's reader questions asked of a classifier trained without it: the
    questions are dealt into eight folds, and each fold is asked of the classifier learnt from
    the other seven (with every article's title, summary and keywords). How the search does on a
    question like the ones it has, but not one of them; tunes the reader-questions step without
    touching any of the test sets."""
    from tests.education.questions import Figures, Question, evaluate

    from naltrack.education import search
    from naltrack.education.search import examples

    asked = examples.library_questions()
    articles = examples.library_examples_text()
    features = {slug: [examples.question_features(q) for q in qs] for slug, qs in articles.items()}
    numbered = [
        (number, slug, index, question)
        for number, (slug, index, question) in enumerate(
            (slug, index, question)
            for slug, questions in asked.items()
            for index, question in enumerate(questions)
        )
    ]
    total = Figures(total=0, first=0, top3=0, misses=[], mean_seconds=0.0)
    try:
        for fold in range(READER_FOLDS):
            held = {
                (slug, index)
                for number, slug, index, _ in numbered
                if number % READER_FOLDS == fold
            }
            without = examples.train(
                {
                    slug: [one for index, one in enumerate(rows) if (slug, index) not in held]
                    for slug, rows in features.items()
                }
            )
            search.library_examples = lambda without=without: without
            questions = tuple(
                Question(question, slug)
                for number, slug, _index, question in numbered
                if number % READER_FOLDS == fold
            )
            one = evaluate(questions, repeat=repeat)
            total = Figures(
                total=total.total + one.total,
                first=total.first + one.first,
                top3=total.top3 + one.top3,
                misses=total.misses + one.misses,
                mean_seconds=total.mean_seconds + one.mean_seconds * one.total,
            )
    finally:
        search.library_examples = examples.library_examples
    return Figures(
        total=total.total,
        first=total.first,
        top3=total.top3,
        misses=total.misses,
        mean_seconds=total.mean_seconds / max(total.total, 1),
    )


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
        choices=[*sorted(QUESTION_SETS), "reader"],
        default="own",
        help="own: the library's own suite; tuning / held-out / fresh: questions written blind; "
        "reader: the library's reader questions, each asked of a classifier learnt without its fold",
    )
    args = parser.parse_args(argv)

    from bench.database import django_for, fresh_database

    django_for(args.postgres)
    from tests.education.questions import evaluate

    from naltrack.education.loader import load_library
    from naltrack.education.models import Article
    from naltrack.education.search.examples import library_examples

    # Every migration runs, the data migration loading the articles among them.
    with fresh_database(on_file=False) as database:
        load_library()
        articles = Article.objects.published().count()
        # The classifier is learnt once per process, at the first search: timed on its own.
        started = time.perf_counter()
        library_examples()
        training = time.perf_counter() - started
        if args.set == "reader":
            figures = reader_questions_left_out(args.repeat)
        else:
            figures = evaluate(question_set(args.set), repeat=args.repeat)

    print(f"Education search bench — {database}, Python {platform.python_version()}")
    print(f"question set: {args.set}")
    print(f"articles: {articles}   questions: {figures.total}   runs per question: {args.repeat}")
    print(f"first place: {figures.first}/{figures.total} = {figures.first_share:.1%}")
    print(f"top three:   {figures.top3}/{figures.total} = {figures.top3_share:.1%}")
    print(f"mean time of one search: {figures.mean_seconds * 1000:.2f} ms")
    print(f"learning the reader-question classifier (once per process): {training:.2f} s")
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
