"""The tuning half of 150 questions written blind (from the articles' titles and summaries
only) by a fourteenth writer on 2026-12-05; split once by article with seed 20261212
(docs/education-search.md). ``also`` names a second article that answers the question as well."""

from __future__ import annotations

from tests.education.questions import Question

FOURTEENTH_TUNING: tuple[Question, ...] = (
    Question("what kind of counseling goes with naltrexone", "counselling-and-therapy"),
    Question("do i need counseling if im on naltrexone", "counselling-and-therapy"),
    Question("is therapy required with vivitrol", "counselling-and-therapy"),
    Question(
        "my friend finished her naltrexone and now she really wants to use again, how can she get through the cravings",
        "cravings-after-stopping",
    ),
    Question("how to deal with cravings after quitting naltrexone", "cravings-after-stopping"),
    Question("tips for cravings once your off the meds", "cravings-after-stopping"),
    Question(
        "had like 3 beers last nite and forgot i took my revia that morning am i gonna be ok",
        "drinking-on-naltrexone",
    ),
    Question("can i drink on naltrexone", "drinking-on-naltrexone"),
    Question(
        "will naltrexone help with the shakes and sweats when i quit drinking",
        "drinking-on-naltrexone",
    ),
    Question(
        "my husband gets the vivitrol shot every month and he still drinks most nights so is it even doing anything if hes still drinking",
        "drinking-on-naltrexone",
    ),
    Question("glass of wine w dinner on naltrexon ok?", "drinking-on-naltrexone"),
    Question("how long do you stay on naltrexone", "how-long-treatment-lasts"),
    Question("how many months of vivitrol shots do you need", "how-long-treatment-lasts"),
    Question("is naltrexone for life", "how-long-treatment-lasts"),
    Question("what does naltrexone actually do to your brain", "how-naltrexone-works"),
    Question("naltrexone blocks what exactly", "how-naltrexone-works"),
    Question("why would a pill stop heroin from working", "how-naltrexone-works"),
    Question("can you get high on percs if your taking naltrexone", "how-naltrexone-works"),
    Question("naltrexone price without insurance", "insurance-and-cost"),
    Question("what should i ask my insurance before starting naltrexone", "insurance-and-cost"),
    Question("my sons insurance denied his vivitrol what now", "insurance-and-cost"),
    Question("is naltrexone an opioid", "is-naltrexone-addictive"),
    Question("can you get high off naltrexone", "is-naltrexone-addictive"),
    Question(
        "my mom says vivitrol is just trading one drug for another is that true",
        "is-naltrexone-addictive",
        also="myths-and-facts",
    ),
    Question("does naltrexone hurt your liver like tylenol does", "liver-safety"),
    Question("liver enzymes high on naltrexone", "liver-safety"),
    Question(
        "i have a fatty liver from years of drinking can i still take naltrexone", "liver-safety"
    ),
    Question("missed a dose of naltrexone should i double up", "missed-dose"),
    Question(
        "i was late getting my monthly injection and now im worried, am i still protected",
        "missed-dose",
    ),
    Question("missed my vivitrol shot by a week what do i do", "missed-dose"),
    Question("forgot to take my naltrexone yesterday", "missed-dose"),
    Question("facts vs myths about the naltrexone shot", "myths-and-facts"),
    Question("is it true naltrexone makes you unable to feel any pleasure", "myths-and-facts"),
    Question("family member on naltrexone what should i know", "naltrexone-for-family-members"),
    Question("how can i support my husband on naltrexone", "naltrexone-for-family-members"),
    Question(
        "my daughter just started the vivitrol shot, what can i do as her mom to help her",
        "naltrexone-for-family-members",
    ),
    Question(
        "my son wants the vivitrol shot but hes still using pills, does he have to be clean first",
        "opioid-free-before-starting",
    ),
    Question("can i start naltrexone if i used yesterday", "opioid-free-before-starting"),
    Question(
        "why do i have to wait 7 to 10 days before my first naltrexone",
        "opioid-free-before-starting",
    ),
    Question("switching from subs to vivitrol how long do i wait", "opioid-free-before-starting"),
    Question("can i take naltrexone with my antidepressant", "other-medicines"),
    Question("naltrexone drug interactions", "other-medicines"),
    Question("naltrexone and suboxone together", "other-medicines"),
    Question("where do i get naloxone", "overdose-and-naloxone"),
    Question("signs of opioid overdose", "overdose-and-naloxone"),
    Question("rescue breaths for overdose how", "overdose-and-naloxone"),
    Question("broke my ankle on naltrexone so pain killers wont work?", "pain-surgery-emergencies"),
    Question("naltrexone wallet card", "pain-surgery-emergencies"),
    Question(
        "getting my wisdom teeth out next week and im on naltrexone what can they even give me for the pain",
        "pain-surgery-emergencies",
    ),
    Question(
        "what if i get in a car wreck and need pain meds while im on the shot",
        "pain-surgery-emergencies",
    ),
    Question("naltrexone while pregnant", "pregnancy-and-breastfeeding"),
    Question(
        "my daughter is expecting and she takes revia for her drinking, is that safe for the baby",
        "pregnancy-and-breastfeeding",
    ),
    Question("trying to get pregnant on naltrexone", "pregnancy-and-breastfeeding"),
    Question(
        "stopped naltrexone for a month and want to start again, do i have to wait all over again",
        "restarting-naltrexone",
    ),
    Question("can i go back on naltrexone after stopping", "restarting-naltrexone"),
    Question("restarting naltrexone do i start at 25mg again", "restarting-naltrexone"),
    Question("does vivitrol make you depressed", "side-effects"),
    Question("naltrexone side effects", "side-effects"),
    Question(
        "been on revia a week and i get headaches and im so tired all day, does that go away",
        "side-effects",
    ),
    Question("dizzy after taking naltrexone", "side-effects"),
    Question("what happens if i just stop taking naltrexone", "stopping-naltrexone"),
    Question("if i come off naltrexone will my tolerance be lower", "stopping-naltrexone"),
    Question(
        "stopped revia 3 days ago and feel off is that withdrawl from it", "stopping-naltrexone"
    ),
    Question("quitting naltrexone cold turkey is there withdrawal", "stopping-naltrexone"),
    Question(
        "does the shot work for alcohol too or is it just for opioids", "tablets-or-injection"
    ),
    Question("vivitrol or revia", "tablets-or-injection"),
    Question("how often do you get the vivitrol shot", "tablets-or-injection"),
    Question("do you need to taper naltrexone", "tapering-naltrexone"),
    Question("my doctor wants me to taper off revia is that necessary", "tapering-naltrexone"),
    Question("naltrexone taper schedule", "tapering-naltrexone"),
    Question("naltrexone is it for alcohol or drugs", "what-is-naltrexone"),
    Question("what is naltrexone", "what-is-naltrexone"),
    Question(
        "my son has his first visit for the shot tomorrow what should he expect",
        "what-to-expect-at-the-first-visit",
    ),
    Question(
        "what happens at the first naltrexone appointment", "what-to-expect-at-the-first-visit"
    ),
    Question(
        "will they check my liver at the first appointment",
        "what-to-expect-at-the-first-visit",
        also="liver-safety",
    ),
)
