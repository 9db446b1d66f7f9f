"""The tuning half of 150 questions written blind (from the articles' titles and summaries
only) by a fifteenth writer on 2026-12-05; split once by article with seed 20261213
(docs/education-search.md). ``also`` names a second article that answers the question as well."""

from __future__ import annotations

from tests.education.questions import Question

FIFTEENTH_TUNING: tuple[Question, ...] = (
    Question("do i need counseling if im already on naltrexone", "counselling-and-therapy"),
    Question("what kind of therapy goes with vivitrol", "counselling-and-therapy"),
    Question(
        "cravings came back after stopping naltrexone what do i do", "cravings-after-stopping"
    ),
    Question(
        "off vivitrol now and the urge to drink is creeping back any tips",
        "cravings-after-stopping",
    ),
    Question(
        "does naltrexone make you throw up if you drink like antabuse", "drinking-on-naltrexone"
    ),
    Question(
        "one glass of champagne at my daughters wedding ok if im on naltrexone?",
        "drinking-on-naltrexone",
    ),
    Question(
        "fell off the wagon this weekend while on revia does drinking cancel it out",
        "drinking-on-naltrexone",
    ),
    Question("will naltrexone help with the shakes when i stop drinking", "drinking-on-naltrexone"),
    Question("still got drunk on naltrexone so whats the point", "drinking-on-naltrexone"),
    Question("is naltrexone for life", "how-long-treatment-lasts"),
    Question(
        "how long does naltrexone treatment usually go for alcohol", "how-long-treatment-lasts"
    ),
    Question("been on revia a year now when do i get to be done", "how-long-treatment-lasts"),
    Question(
        "what does blocking the opioid receptors mean in normal words", "how-naltrexone-works"
    ),
    Question("naltrexone mechanism simple explanation", "how-naltrexone-works"),
    Question(
        "will percs still get me high if im taking the naltrexone pill", "how-naltrexone-works"
    ),
    Question("if i did dope on naltrexone would i even feel it", "how-naltrexone-works"),
    Question(
        "so my brother relapsed on fent again and the rehab wants to put him on the vivitrol shot. what does it actually do to stop him using, like does it just block it",
        "how-naltrexone-works",
    ),
    Question("what should i ask my insurance before starting naltrexone", "insurance-and-cost"),
    Question("naltrexone price", "insurance-and-cost"),
    Question("is the shot more expensive than the pills", "insurance-and-cost"),
    Question("will my body get dependent on naltrexone", "is-naltrexone-addictive"),
    Question("is naltrexone addictive", "is-naltrexone-addictive"),
    Question("is naltrexone an opiate", "is-naltrexone-addictive"),
    Question("how often do they check your liver on naltrexone", "liver-safety"),
    Question(
        "heard naltrexone wrecks your liver is that true", "liver-safety", also="myths-and-facts"
    ),
    Question("i have fatty liver can i still take naltrexone", "liver-safety"),
    Question("im late for my monthly injection am i still covered", "missed-dose"),
    Question("if i miss a pill can i double up the next day", "missed-dose"),
    Question("forgot to take my naltrexone yesterday what do i do", "missed-dose"),
    Question("missed my vivitrol shot by a week", "missed-dose"),
    Question(
        "people at my meeting say vivitrol is a scam and doesnt work whats the truth",
        "myths-and-facts",
    ),
    Question(
        "how do i help my best friend stay on his meds without nagging him",
        "naltrexone-for-family-members",
    ),
    Question(
        "my son is on vivitrol what should i know as a parent", "naltrexone-for-family-members"
    ),
    Question(
        "my dad just started naltrexone and i have no idea how to talk to him about it or what to do",
        "naltrexone-for-family-members",
    ),
    Question(
        "how long after my last bag can i get the vivitrol shot", "opioid-free-before-starting"
    ),
    Question("subs to vivitrol how many days in between", "opioid-free-before-starting"),
    Question(
        "why do i have to wait 7 days off opiates before my first dose",
        "opioid-free-before-starting",
    ),
    Question(
        "been on methadone 2 yrs and want to switch to naltrexone how long do i have to wait",
        "opioid-free-before-starting",
    ),
    Question("can i take naltrexone with my antidepressant", "other-medicines"),
    Question("can you be on suboxone and naltrexone at the same time", "other-medicines"),
    Question(
        "do i have to tell all my other doctors im on naltrexone",
        "other-medicines",
        also="pain-surgery-emergencies",
    ),
    Question("signs of an opioid overdose", "overdose-and-naloxone"),
    Question("what are you supposed to do if someone overdoses", "overdose-and-naloxone"),
    Question("pinpoint pupils and blue lips what does that mean", "overdose-and-naloxone"),
    Question("how do they treat pain if your on naltrexone", "pain-surgery-emergencies"),
    Question("getting wisdom teeth out while on the shot", "pain-surgery-emergencies"),
    Question(
        "having surgery next month and im on vivitrol what do i do", "pain-surgery-emergencies"
    ),
    Question("going to the ER on naltrexone what should i tell them", "pain-surgery-emergencies"),
    Question("is naltrexone safe when breastfeeding", "pregnancy-and-breastfeeding"),
    Question(
        "just found out im pregnant and im on vivitrol what do i do", "pregnancy-and-breastfeeding"
    ),
    Question(
        "my daughter is expecting and shes on the shot for opioids, will it hurt the baby",
        "pregnancy-and-breastfeeding",
    ),
    Question("restarting naltrexone dose", "restarting-naltrexone"),
    Question(
        "do i have to do the whole wait and pee test again to restart", "restarting-naltrexone"
    ),
    Question(
        "why do i have to start back at 25 mg when i was on 50 before", "restarting-naltrexone"
    ),
    Question("been nauseous ever since i started naltrexone does it go away", "side-effects"),
    Question("when should i call the doctor about naltrexone side effects", "side-effects"),
    Question("anxiety from naltrexone??", "side-effects"),
    Question(
        "can naltrexone cause depression my mom seems really down since she started it",
        "side-effects",
    ),
    Question(
        "feeling dizzy and jittery after my first week on the naltrexone pills", "side-effects"
    ),
    Question(
        "my girlfriend stopped getting her shots 2 months ago and now says she can handle using a little, is her tolerance gone",
        "stopping-naltrexone",
    ),
    Question(
        "will i get withdrawals if i quit naltrexone cold turkey",
        "stopping-naltrexone",
        also="tapering-naltrexone",
    ),
    Question("is it more dangerous to use after coming off vivitrol", "stopping-naltrexone"),
    Question("overdose risk after stopping naltrexone", "stopping-naltrexone"),
    Question(
        "dont want to take this stuff anymore what happens to me when i come off it",
        "stopping-naltrexone",
    ),
    Question("can i switch from the tablets to the shot", "tablets-or-injection"),
    Question("vivitrol vs pills which is better", "tablets-or-injection"),
    Question(
        "i always forget my meds would the injection be easier for me", "tablets-or-injection"
    ),
    Question(
        "my dad hates needles but he keeps skipping his pills, what are his options",
        "tablets-or-injection",
    ),
    Question(
        "my doctor said i can just stop vivitrol without tapering is that right",
        "tapering-naltrexone",
        also="stopping-naltrexone",
    ),
    Question("do i need to taper off naltrexone", "tapering-naltrexone"),
    Question(
        "my doctor wants to put me on something called revia for my drinking what even is that",
        "what-is-naltrexone",
    ),
    Question(
        "do you need a prescription for naltrexone or can you get it over the counter",
        "what-is-naltrexone",
    ),
    Question("is naltrexone the same thing as naloxone", "what-is-naltrexone"),
    Question(
        "what blood work do they do before starting naltrexone",
        "what-to-expect-at-the-first-visit",
        also="liver-safety",
    ),
    Question(
        "nervous about my intake tomorrow for naltrexone what are they going to ask me",
        "what-to-expect-at-the-first-visit",
    ),
    Question("first vivitrol appt what to expect", "what-to-expect-at-the-first-visit"),
)
