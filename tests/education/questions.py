"""Questions as people really type them, with the article that must answer them.

Used by tests/education/test_search_questions.py and bench/education_search.py. Each question
names the article that must come first; ``top3=True`` marks the few where two articles fairly
compete (both answer it), and there the named one must be in the first three.

Written from what patients and families ask (typos, slang, no punctuation), not from the
articles' wording. Add a question whenever a reader's search is known to have missed.
"""

from __future__ import annotations

from typing import NamedTuple


class Question(NamedTuple):
    text: str
    slug: str
    top3: bool = False
    # A second article that answers the question as well: either coming first counts as first.
    also: str = ""

    def answered_by(self, slugs: list[str]) -> bool:
        return bool(slugs) and slugs[0] in {self.slug, self.also} - {""}

    def in_top3(self, slugs: list[str]) -> bool:
        return bool({self.slug, self.also} - {""} & set(slugs[:3]))


QUESTIONS: tuple[Question, ...] = (
    # what it is
    Question("what is naltrexone", "what-is-naltrexone"),
    Question("whats naltrexone used for", "what-is-naltrexone"),
    Question("what does naltrexon treat", "what-is-naltrexone"),
    Question("revia what is it", "what-is-naltrexone"),
    Question("is naltrexone a narcotic", "is-naltrexone-addictive", top3=True),
    # how it works
    Question("how does naltrexone work", "how-naltrexone-works"),
    Question("how does vivitrol block opioids", "how-naltrexone-works"),
    Question("opioid receptor blocker how it works", "how-naltrexone-works"),
    Question(
        "why dont i feel a buzz from alcohol on naltrexone", "how-naltrexone-works", top3=True
    ),
    Question("does naltrexone stop cravings", "how-naltrexone-works", top3=True),
    # tablets or injection
    Question("pill or shot which is better", "tablets-or-injection"),
    Question("tablets vs vivitrol", "tablets-or-injection"),
    Question("should i get the shot or take pills", "tablets-or-injection"),
    Question("difference between revia and vivitrol", "tablets-or-injection"),
    Question("how often do you get the vivitrol shot", "tablets-or-injection", top3=True),
    # addictive
    Question("is the shot addictive", "is-naltrexone-addictive"),
    Question("can you get high on naltrexone", "is-naltrexone-addictive"),
    Question("is naltrexone habit forming", "is-naltrexone-addictive"),
    Question("am i just trading one drug for another", "is-naltrexone-addictive"),
    Question("will i get hooked on naltrexone", "is-naltrexone-addictive"),
    # how long
    Question("how long do i have to take naltrexone", "how-long-treatment-lasts"),
    Question("do i need to be on vivitrol forever", "how-long-treatment-lasts"),
    Question("how many months should i stay on naltrexone", "how-long-treatment-lasts"),
    Question("does naltrexone actually work", "how-long-treatment-lasts", top3=True),
    # side effects
    Question("naltrexone side affects", "side-effects"),
    Question("vivitrol makes me nauseous", "side-effects"),
    Question("headache from naltrexone", "side-effects"),
    Question("lump where i got the shot", "side-effects"),
    Question("cant sleep on naltrexone", "side-effects"),
    Question("does naltrexone make you tired", "side-effects"),
    Question("does the shot hurt", "side-effects"),
    # liver
    Question("naltroxone and my liver", "liver-safety"),
    Question("is naltrexone bad for your livr", "liver-safety"),
    Question("i have hep c can i take naltrexone", "liver-safety"),
    Question("do i need liver tests on vivitrol", "liver-safety"),
    Question("my lfts are high", "liver-safety"),
    # opioid-free first
    Question("how long after heroin can i start vivitrol", "opioid-free-before-starting"),
    Question("what is precipitated withdrawal", "opioid-free-before-starting"),
    Question("how many days clean before the shot", "opioid-free-before-starting"),
    Question("can i switch from suboxone to vivitrol", "opioid-free-before-starting"),
    Question("why do i have to wait to start naltrexone", "opioid-free-before-starting"),
    # other medicines
    Question("can i take naltrexone with other meds", "other-medicines"),
    Question("naltrexone and antidepressants", "other-medicines"),
    Question("is it ok to take cough syrup with naltrexone", "other-medicines"),
    Question("drug interactions with naltrexone", "other-medicines"),
    Question("can i take antabuse and naltrexone together", "other-medicines", top3=True),
    # pain, surgery, emergencies
    Question("i need surgery and im on vivitrol", "pain-surgery-emergencies"),
    Question("what if i get hurt and need pain meds on naltrexone", "pain-surgery-emergencies"),
    Question("going to the dentist on naltrexone", "pain-surgery-emergencies"),
    Question("wallet card naltrexone", "pain-surgery-emergencies"),
    Question("what happens in the er if im on the shot", "pain-surgery-emergencies"),
    # drinking
    Question("can i drink on vivitrol", "drinking-on-naltrexone"),
    Question("is it ok to have a beer on naltrexone", "drinking-on-naltrexone"),
    Question("what happens if you drink alcohol while taking naltrexone", "drinking-on-naltrexone"),
    Question("can i drink alchohol on naltrexon pills", "drinking-on-naltrexone"),
    Question("is it safe to drink on naltrexone", "drinking-on-naltrexone"),
    # stopping
    Question("what happens if i stop naltrexon cold turkey", "stopping-naltrexone"),
    Question("can i just quit taking naltrexone", "stopping-naltrexone"),
    Question("coming off vivitrol", "stopping-naltrexone"),
    Question("will i have withdrawl if i stop naltrexone", "stopping-naltrexone"),
    Question("stopped taking my pills what happens now", "stopping-naltrexone"),
    # tapering
    Question("do i need to taper off naltrexone", "tapering-naltrexone"),
    Question("tapering off vivitrol", "tapering-naltrexone"),
    Question("how to wean off naltrexone", "tapering-naltrexone"),
    Question("should i cut my dose in half before stopping", "tapering-naltrexone"),
    # restarting
    Question("can i go back on vivitrol after i relapsed", "restarting-naltrexone"),
    Question("restart naltrexone", "restarting-naltrexone"),
    Question("i stopped the shot can i start it again", "restarting-naltrexone"),
    Question("i relapsed on fent", "restarting-naltrexone", top3=True),
    # cravings after stopping
    Question("cravings after stopping naltrexone", "cravings-after-stopping"),
    Question("how do i deal with urges after i quit the shot", "cravings-after-stopping"),
    Question(
        "i want to drink again after stopping naltrexone", "cravings-after-stopping", top3=True
    ),
    # counselling
    Question("do i need counseling with naltrexone", "counselling-and-therapy"),
    Question("is therapy required on vivitrol", "counselling-and-therapy"),
    Question("aa meetings and naltrexone", "counselling-and-therapy"),
    # insurance and cost
    Question("how much does vivitrol cost", "insurance-and-cost"),
    Question("does insurance cover naltrexone", "insurance-and-cost"),
    Question("medicaid vivitrol", "insurance-and-cost"),
    Question("cant afford the shot", "insurance-and-cost"),
    Question("is naltrexone covered by medicare", "insurance-and-cost"),
    # pregnancy and breastfeeding
    Question("can i take naltrexone while pregnant", "pregnancy-and-breastfeeding"),
    Question("naltrexone breastfeeding", "pregnancy-and-breastfeeding"),
    Question("im nursing can i take vivitrol", "pregnancy-and-breastfeeding"),
    Question("pregnent on the shot", "pregnancy-and-breastfeeding"),
    Question("trying to get pregnant on naltrexone", "pregnancy-and-breastfeeding"),
    # overdose and naloxone
    Question("what does an od look like", "overdose-and-naloxone"),
    Question("where do i get narcan", "overdose-and-naloxone"),
    Question("what is narcan", "overdose-and-naloxone"),
    Question("signs of overdose", "overdose-and-naloxone"),
    Question("someone overdosed what do i do", "overdose-and-naloxone"),
    # myths and facts
    Question("is it true stopping naltrexone causes withdrawal", "myths-and-facts", top3=True),
    Question("naltrexone myths", "myths-and-facts"),
    Question("does stopping naltrexone cause a dopamine surge", "myths-and-facts", top3=True),
    Question("ldn for chronic pain", "myths-and-facts"),
    # missed doses
    Question("i forgot my naltrexone pill", "missed-dose"),
    Question("missed my vivitrol shot", "missed-dose"),
    Question("late for my shot", "missed-dose"),
    Question("what if i miss a pill", "missed-dose"),
    # first visit
    Question("what happens at my first appointment", "what-to-expect-at-the-first-visit"),
    Question("what to bring to my first vivitrol visit", "what-to-expect-at-the-first-visit"),
    Question(
        "what should i expect at my first vivitrol appointment",
        "what-to-expect-at-the-first-visit",
    ),
    # family
    Question("how can i help my son on naltrexone", "naltrexone-for-family-members"),
    Question("my mom is on vivitrol", "naltrexone-for-family-members"),
    Question("my husband is on vivitrol how do i support him", "naltrexone-for-family-members"),
)


class Figures(NamedTuple):
    total: int
    first: int
    top3: int
    misses: list[tuple[Question, list[str]]]  # question, the slugs that came first (up to 3)
    mean_seconds: float

    @property
    def first_share(self) -> float:
        return self.first / self.total

    @property
    def top3_share(self) -> float:
        return self.top3 / self.total


def evaluate(questions: tuple[Question, ...] = QUESTIONS, repeat: int = 1) -> Figures:
    """Ask every question of the search and count where the expected article came."""
    from naltrack.education.search import search_articles

    first = top3 = 0
    misses: list[tuple[Question, list[str]]] = []
    seconds: list[float] = []
    for question in questions:
        for _ in range(repeat):
            outcome = search_articles(question.text)
            seconds.append(outcome.seconds)
        slugs = [result.article.slug for result in outcome.results]
        if question.answered_by(slugs):
            first += 1
        else:
            misses.append((question, slugs[:3]))
        if question.in_top3(slugs):
            top3 += 1
    return Figures(
        total=len(questions),
        first=first,
        top3=top3,
        misses=misses,
        mean_seconds=sum(seconds) / len(seconds),
    )
