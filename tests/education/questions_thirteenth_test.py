"""The test half (never tuned on) of 150 questions written blind (from the articles' titles
and summaries only) by a thirteenth writer on 2026-12-05; split once by article with seed
20261211 (docs/education-search.md). ``also`` names a second article that answers the question
as well."""

from __future__ import annotations

from tests.education.questions import Question

THIRTEENTH_TEST: tuple[Question, ...] = (
    Question("do i have to do counseling with naltrexone", "counselling-and-therapy"),
    Question("naltrexone and AA meetings do i need both", "counselling-and-therapy"),
    Question("urges to use after stopping naltrexone", "cravings-after-stopping"),
    Question(
        "feeling really down and craving since i quit the naltrexone, who do i call",
        "cravings-after-stopping",
    ),
    Question(
        "its been 2 weeks off the blocker and i want a drink so bad, was doing so good for 6 months, what now",
        "cravings-after-stopping",
    ),
    Question(
        "had 3 glasses of wine last night by accident forgot i took my pill this morning am i ok",
        "drinking-on-naltrexone",
    ),
    Question(
        "fell off the wagon saturday, do i keep taking naltrexone or stop till im sober again",
        "drinking-on-naltrexone",
    ),
    Question(
        "i still get the shakes in the morning when i dont drink, will the naltrexone help with that",
        "drinking-on-naltrexone",
    ),
    Question("drinking while on vivitral", "drinking-on-naltrexone"),
    Question(
        "my husband still drinks every night even on the revia so is it even doing anything",
        "drinking-on-naltrexone",
        also="how-naltrexone-works",
    ),
    Question("how many months of vivitrol do most people get", "how-long-treatment-lasts"),
    Question("is naltrexone forever or", "how-long-treatment-lasts"),
    Question("length of naltrexone treatment", "how-long-treatment-lasts"),
    Question("can u still get high on percs if ur taking naltrexone", "how-naltrexone-works"),
    Question("if i use dope while im on the shot will i feel it at all", "how-naltrexone-works"),
    Question(
        "my wife is on vivitrol for drinking, how does a shot stop someone from wanting alcohol",
        "how-naltrexone-works",
    ),
    Question("what does naltrexone block in ur brain exactly", "how-naltrexone-works"),
    Question("naltrexone price", "insurance-and-cost"),
    Question("does medicaid cover naltrexone", "insurance-and-cost"),
    Question(
        "is the pill cheaper than the shot", "insurance-and-cost", also="tablets-or-injection"
    ),
    Question(
        "cant afford my meds anymore lost my job and my coverage, any way to keep getting naltrexone",
        "insurance-and-cost",
    ),
    Question("is naltrexone an opioid", "is-naltrexone-addictive", also="what-is-naltrexone"),
    Question(
        "isnt naltrexone just trading one drug for another",
        "is-naltrexone-addictive",
        also="myths-and-facts",
    ),
    Question("i have hep c can i still take naltrexone", "liver-safety"),
    Question(
        "my dad drank for 30 yrs and his liver is probably shot, is this med going to make it worse",
        "liver-safety",
    ),
    Question("yellow eyes on naltrexone", "liver-safety", also="side-effects"),
    Question("naltrexone liver damage black box warning", "liver-safety", also="myths-and-facts"),
    Question("forgot to take my naltrexone yesterday do i take 2 today", "missed-dose"),
    Question("how late can you be for the monthly shot", "missed-dose"),
    Question(
        "missed a few days of my pills and then used, why did it hit me so hard",
        "missed-dose",
        also="stopping-naltrexone",
    ),
    Question("common misconceptions about vivitrol", "myths-and-facts"),
    Question(
        "people on reddit say naltrexone doesnt work and just makes you miserable, whats true",
        "myths-and-facts",
    ),
    Question("how can i support my husband on naltrexone", "naltrexone-for-family-members"),
    Question(
        "should i keep narcan in the house if my daughter is on the shot",
        "naltrexone-for-family-members",
        also="overdose-and-naloxone",
    ),
    Question(
        "i did fent 3 days ago can i still get my first shot friday", "opioid-free-before-starting"
    ),
    Question("what is precipitated withdrawal", "opioid-free-before-starting"),
    Question("how long after oxys can i start naltrexone", "opioid-free-before-starting"),
    Question(
        "im on suboxone and want to switch to vivitrol how long do i wait",
        "opioid-free-before-starting",
        also="other-medicines",
    ),
    Question("can you take subs and naltrexone at the same time", "other-medicines"),
    Question("naltrexone drug interactions list", "other-medicines"),
    Question("ibuprofen with naltrexone ok?", "other-medicines", also="pain-surgery-emergencies"),
    Question("how to tell if someone is od'ing or just nodding out", "overdose-and-naloxone"),
    Question("how do you use narcan", "overdose-and-naloxone"),
    Question("pinpoint pupils blue lips what does that mean", "overdose-and-naloxone"),
    Question(
        "im getting my wisdom teeth out next month and im on naltrexone what do i do for pain",
        "pain-surgery-emergencies",
    ),
    Question(
        "broke my wrist and the hydrocodone did nothing. is that the revia",
        "pain-surgery-emergencies",
        also="how-naltrexone-works",
    ),
    Question("do i need a medical alert card for naltrexone", "pain-surgery-emergencies"),
    Question("surgery while on vivitrol", "pain-surgery-emergencies"),
    Question("can i breastfeed on naltrexone", "pregnancy-and-breastfeeding"),
    Question(
        "just found out im pregnant and ive been on vivitrol for 5 months what do i do",
        "pregnancy-and-breastfeeding",
    ),
    Question("does naltrexone go into breast milk", "pregnancy-and-breastfeeding"),
    Question("can i go back on naltrexone after relapsing", "restarting-naltrexone"),
    Question(
        "what is a naloxone challenge",
        "restarting-naltrexone",
        also="what-to-expect-at-the-first-visit",
    ),
    Question(
        "got off the shot, slipped up with pills, now i want back on, how does that work",
        "restarting-naltrexone",
    ),
    Question("headache every day on revia does it go away", "side-effects"),
    Question(
        "my butt is swollen and red where they gave me the shot is that bad",
        "side-effects",
        also="tablets-or-injection",
    ),
    Question("feel so nauseous since starting naltrexone is this normal", "side-effects"),
    Question("been really tired and dizzy since the vivitrol shot last week", "side-effects"),
    Question("when should i call the doctor about naltrexone side effects", "side-effects"),
    Question(
        "ran out of naltrexone pills what happens to my body",
        "stopping-naltrexone",
        also="missed-dose",
    ),
    Question(
        "quit my naltrexone cold turkey 4 days ago anything i should watch for",
        "stopping-naltrexone",
    ),
    Question(
        "will i get withdrawals coming off naltrexone",
        "stopping-naltrexone",
        also="tapering-naltrexone",
    ),
    Question(
        "my son stopped getting his vivitrol shots and im scared hes going to use again, what happens now that its out of his system",
        "stopping-naltrexone",
    ),
    Question("pill vs shot which is better", "tablets-or-injection"),
    Question(
        "i always forget my pills so would the monthly injection be better for me",
        "tablets-or-injection",
    ),
    Question("can i switch from revia tablets to the injection", "tablets-or-injection"),
    Question("is the shot stronger than the tablets", "tablets-or-injection"),
    Question("should i go down to 25mg before stopping", "tapering-naltrexone"),
    Question("naltrexone wean off schedule", "tapering-naltrexone"),
    Question("revia what is it", "what-is-naltrexone"),
    Question("is naltrexone for alcohol or opioids or both", "what-is-naltrexone"),
    Question("what is vivitrol used for", "what-is-naltrexone"),
    Question(
        "what happens at the first naltrexone appointment", "what-to-expect-at-the-first-visit"
    ),
    Question(
        "nervous about my intake tomorrow for the shot what will they ask me",
        "what-to-expect-at-the-first-visit",
    ),
)
