"""The test half (never tuned on) of 150 questions written blind (from the articles' titles
and summaries only) by a seventeenth writer on 2026-12-05; split once by article with seed 20261215
(docs/education-search.md). ``also`` names a second article that answers the question as well."""

from __future__ import annotations

from tests.education.questions import Question

SEVENTEENTH_TEST: tuple[Question, ...] = (
    Question("do i need counseling with naltrexone", "counselling-and-therapy"),
    Question("why does my clinic make me go to groups to get vivitrol", "counselling-and-therapy"),
    Question("coping with cravings without naltrexone", "cravings-after-stopping"),
    Question(
        "my wife stopped her shot and shes craving again what can we do", "cravings-after-stopping"
    ),
    Question("off revia and wanting a drink every night tips", "cravings-after-stopping"),
    Question("one glass of wine on naltrexone ok?", "drinking-on-naltrexone"),
    Question("can i drink on naltrexone", "drinking-on-naltrexone"),
    Question(
        "fell off the wagon at my cousins wedding while on naltrexone, what happens now",
        "drinking-on-naltrexone",
    ),
    Question(
        "had like 3 beers last nite by accident totally forgot i took my revia that morning am i ok",
        "drinking-on-naltrexone",
    ),
    Question(
        "does naltrexone make you throw up if you drink like antabuse does",
        "drinking-on-naltrexone",
    ),
    Question("when can i come off naltrexone", "how-long-treatment-lasts"),
    Question(
        "my son has been on the shot 6 months, how do they decide when he's done",
        "how-long-treatment-lasts",
    ),
    Question(
        "been on revia a year now and doing good is that long enough", "how-long-treatment-lasts"
    ),
    Question("naltrexone treatment length", "how-long-treatment-lasts"),
    Question("blocks opioid receptors meaning", "how-naltrexone-works"),
    Question(
        "why does naltrexone make alcohol less fun",
        "how-naltrexone-works",
        also="drinking-on-naltrexone",
    ),
    Question("my husband drinks, how does the shot work", "how-naltrexone-works"),
    Question("is naltrexone a blocker", "how-naltrexone-works"),
    Question("what should i ask my insurance before i start vivitrol", "insurance-and-cost"),
    Question("naltrexone price without insurance", "insurance-and-cost"),
    Question("is naltrexone covered by medicaid", "insurance-and-cost"),
    Question("cant afford the shot are the pills cheaper", "insurance-and-cost"),
    Question(
        "my mom says im just trading one drug for another with vivitrol",
        "is-naltrexone-addictive",
        also="myths-and-facts",
    ),
    Question("will i get hooked on revia", "is-naltrexone-addictive"),
    Question("why do they keep taking my blood for naltrexone", "liver-safety"),
    Question("i have fatty liver can i still take naltrexone", "liver-safety"),
    Question("naltrexone liver damage warning", "liver-safety"),
    Question("does vivitrol hurt ur liver", "liver-safety"),
    Question("forgot to take my naltrexone yesterday", "missed-dose"),
    Question("what if i skip a day of my naltrexone pills", "missed-dose"),
    Question("missed my vivitrol shot by a week", "missed-dose"),
    Question("is it true naltrexone doesnt really work", "myths-and-facts"),
    Question("naltrexone myths", "myths-and-facts"),
    Question(
        "my daughter started vivitrol what should the family do", "naltrexone-for-family-members"
    ),
    Question("how can i help my husband on naltrexone", "naltrexone-for-family-members"),
    Question(
        "im on suboxone and want to switch to vivitrol how long do i have to wait",
        "opioid-free-before-starting",
    ),
    Question(
        "how long after using do i have to wait to start naltrexone", "opioid-free-before-starting"
    ),
    Question("7 to 10 days clean before naltrexone why", "opioid-free-before-starting"),
    Question("why cant i start the shot right after methadone", "opioid-free-before-starting"),
    Question("can i take other meds with naltrexone", "other-medicines"),
    Question("naltrexone with antidepressants", "other-medicines"),
    Question("how to use narcan", "overdose-and-naloxone"),
    Question(
        "my friend is on naltrexone should i still keep narcan in the house",
        "overdose-and-naloxone",
        also="naltrexone-for-family-members",
    ),
    Question("signs of opioid overdose", "overdose-and-naloxone"),
    Question("surgery while on vivitrol", "pain-surgery-emergencies"),
    Question(
        "knee replacement next month do i need to stop my naltrexone first",
        "pain-surgery-emergencies",
    ),
    Question(
        "what if i get in a car crash and need pain meds while im on the shot",
        "pain-surgery-emergencies",
    ),
    Question(
        "can i take ibuprofen for pain on naltrexone",
        "pain-surgery-emergencies",
        also="other-medicines",
    ),
    Question(
        "just found out im pregnant and im on vivitrol what do i do", "pregnancy-and-breastfeeding"
    ),
    Question("can i breastfeed on naltrexone", "pregnancy-and-breastfeeding"),
    Question("does naltrexone get into breast milk", "pregnancy-and-breastfeeding"),
    Question("naltrexone pregnancy", "pregnancy-and-breastfeeding"),
    Question("restarting naltrexone dose 25 mg", "restarting-naltrexone"),
    Question("do i need the urine test again to restart naltrexone", "restarting-naltrexone"),
    Question("vivitrol has me so tired i can barely get out of bed", "side-effects"),
    Question("naltrexone side effects", "side-effects"),
    Question(
        "does naltrexone cause depression ive felt really flat and down since i started it",
        "side-effects",
    ),
    Question("when should i call the doctor about naltrexone side effects", "side-effects"),
    Question("headache and dizzy on naltrexone first week will it go away", "side-effects"),
    Question(
        "my son just stopped his shot and his buddies told him he can use the same amount as before is that true",
        "stopping-naltrexone",
    ),
    Question("what happens to ur body when you stop naltrexone", "stopping-naltrexone"),
    Question("off vivitrol now what changes", "stopping-naltrexone"),
    Question("quit taking revia is my tolerance lower now", "stopping-naltrexone"),
    Question("how often do u get the vivitrol shot", "tablets-or-injection"),
    Question("does the daily tablet work as good as the shot", "tablets-or-injection"),
    Question(
        "is vivitrol the same thing as naltrexone",
        "tablets-or-injection",
        also="what-is-naltrexone",
    ),
    Question(
        "my boyfriend is terrified of needles is there a pill version of vivitrol",
        "tablets-or-injection",
    ),
    Question("vivitrol vs oral naltrexone", "tablets-or-injection"),
    Question("do you have to taper naltrexone", "tapering-naltrexone"),
    Question("can i go down from 50mg to 25mg before stopping", "tapering-naltrexone"),
    Question("do you need a prescription for naltrexone", "what-is-naltrexone"),
    Question("naltrexone vs naloxone whats the difference", "what-is-naltrexone"),
    Question(
        "my doctor brought up naltrexone for my drinking what even is it", "what-is-naltrexone"
    ),
    Question(
        "nervous about my intake for naltrexone tomorrow what will they ask me",
        "what-to-expect-at-the-first-visit",
    ),
    Question("first vivitrol appointment what do i bring", "what-to-expect-at-the-first-visit"),
)
