"""The tuning half of 150 questions written blind (from the articles' titles and summaries
only) by an eleventh writer on 2026-12-05; split once by article with seed 20261209
(docs/education-search.md). ``also`` names a second article that answers the question as well."""

from __future__ import annotations

from tests.education.questions import Question

ELEVENTH_TUNING: tuple[Question, ...] = (
    Question("do i have to do counseling to get naltrexone", "counselling-and-therapy"),
    Question(
        "why does my clinic want me in therapy if the medicine works", "counselling-and-therapy"
    ),
    Question("cravings r back after stopping naltrexone", "cravings-after-stopping"),
    Question(
        "off the shot 2 months and the urges are bad, what can i do right now",
        "cravings-after-stopping",
    ),
    Question("when should i call my clinic about cravings after i stop", "cravings-after-stopping"),
    Question(
        "my husband is on the vivitrol shot and he still drinks every weekend, is the shot even doing anything if he keeps drinking",
        "drinking-on-naltrexone",
    ),
    Question(
        "im shaking and sweating when i dont drink will the naltrexone help with the shakes",
        "drinking-on-naltrexone",
    ),
    Question(
        "my wife says she only drinks half as much since starting revia, is that how it's supposed to go or should she be totally sober",
        "drinking-on-naltrexone",
    ),
    Question(
        "do i have to quit drinking completely before i start naltrexone or can i cut down",
        "drinking-on-naltrexone",
    ),
    Question("does naltrexone make you sick if you drink like antabuse", "drinking-on-naltrexone"),
    Question("length of naltrexone treatment", "how-long-treatment-lasts"),
    Question("how many months of vivitrol do most people get", "how-long-treatment-lasts"),
    Question(
        "been sober 6 months on revia, how much longer should i stay on it",
        "how-long-treatment-lasts",
    ),
    Question("opioid receptor blocker how", "how-naltrexone-works"),
    Question("what does it block exactly", "how-naltrexone-works"),
    Question("how does naltrexone actualy work", "how-naltrexone-works"),
    Question(
        "my boyfriend drinks way too much and his doctor wants him on the shot, how does the shot even work on alcohol",
        "how-naltrexone-works",
    ),
    Question("does insurance cover naltrexone", "insurance-and-cost"),
    Question(
        "pharmacy said my plan needs prior authorization for the shot what does that mean",
        "insurance-and-cost",
    ),
    Question("naltrexone price without insurance", "insurance-and-cost"),
    Question("how much is vivitral", "insurance-and-cost"),
    Question("can you get high off naltrexone", "is-naltrexone-addictive"),
    Question(
        "my mom wont take it cause she thinks she'll get hooked on it, will she",
        "is-naltrexone-addictive",
    ),
    Question("is naltrexone addicting", "is-naltrexone-addictive"),
    Question("i have hep c can i still take naltrexone", "liver-safety"),
    Question(
        "my liver enzymes were a little high, should i be worried about the naltrexone",
        "liver-safety",
    ),
    Question("how often do they check liver on this med", "liver-safety"),
    Question(
        "my dad drank for 30 years and his liver isnt great, his doctor wants to start him on naltrexone and im worried its going to finish his liver off",
        "liver-safety",
    ),
    Question("missed dose naltrexone", "missed-dose"),
    Question("late for my injection appointment, how late is too late", "missed-dose"),
    Question(
        "so we went to my cousins wedding out of state and i left my pills at home for like 4 days and ended up using one night with old friends, nothing bad happened but how risky was that with missing the doses",
        "missed-dose",
    ),
    Question("forgot my naltrexone pill yestrday", "missed-dose"),
    Question(
        "people at my meeting say naltrexone doesnt count as real sobriety, is that true or just stuff people say",
        "myths-and-facts",
    ),
    Question(
        "should family keep narcan in the house if someone is on naltrexone",
        "naltrexone-for-family-members",
    ),
    Question("how can i support my husband on naltrexone", "naltrexone-for-family-members"),
    Question(
        "my dad is 68 and on revia for drinking, what should us kids know",
        "naltrexone-for-family-members",
    ),
    Question(
        "7 to 10 days opiate free before naltrexone really necessary", "opioid-free-before-starting"
    ),
    Question("coming off methadone to naltrexone how many days", "opioid-free-before-starting"),
    Question(
        "took naltrexone 2 days after my last fent and got super sick why",
        "opioid-free-before-starting",
    ),
    Question(
        "how long after using do i have to wait to start naltrexone", "opioid-free-before-starting"
    ),
    Question(
        "do i have to tell my regular doctor im on naltrexone",
        "other-medicines",
        also="pain-surgery-emergencies",
    ),
    Question("naltrexone and cough syrup with codeine", "other-medicines"),
    Question("can i take tylenol w naltrexone", "other-medicines"),
    Question("signs of a opiod overdose", "overdose-and-naloxone"),
    Question(
        "found my roommate passed out with blue lips what do i do first", "overdose-and-naloxone"
    ),
    Question("pinpoint pupils and slow breathing is that an od", "overdose-and-naloxone"),
    Question(
        "will oxycodone work on naltrexone after an operation",
        "pain-surgery-emergencies",
        also="other-medicines",
    ),
    Question(
        "what if im in a car accident and cant tell the er im on the shot",
        "pain-surgery-emergencies",
    ),
    Question("surgery while on vivitrol", "pain-surgery-emergencies"),
    Question("what pain relief can i use if opioids are blocked", "pain-surgery-emergencies"),
    Question("is naltrexone safe while breastfeeding", "pregnancy-and-breastfeeding"),
    Question("does naltrexone get into breast milk", "pregnancy-and-breastfeeding"),
    Question("can i take naltrexone while pregant", "pregnancy-and-breastfeeding"),
    Question("restart naltrexone dose", "restarting-naltrexone"),
    Question(
        "what is a naloxone challenge",
        "restarting-naltrexone",
        also="what-to-expect-at-the-first-visit",
    ),
    Question(
        "my wife quit her pills last spring and wants back on, does she just pick up where she left off",
        "restarting-naltrexone",
    ),
    Question("when should i call the clinic about a side effect", "side-effects"),
    Question(
        "does naltrexone mess with your mood, ive been really anxious and on edge since i started",
        "side-effects",
    ),
    Question("so tired on this med all i want to do is sleep", "side-effects"),
    Question("feeling flat and kinda down on naltrexone is that a thing", "side-effects"),
    Question(
        "if i quit naltrexone will the cravings come back",
        "stopping-naltrexone",
        also="cravings-after-stopping",
    ),
    Question(
        "my daughter stopped her vivitrol and i'm scared she'll use again, what's the risk now that it's out of her system",
        "stopping-naltrexone",
    ),
    Question("will i get withdrawals if i quit naltrexone cold turkey", "stopping-naltrexone"),
    Question(
        "is it more dangerous to use dope after you stop the shot than before you ever started",
        "stopping-naltrexone",
        also="overdose-and-naloxone",
    ),
    Question(
        "i always forget meds, should i get the monthly injection instead of daily tablets",
        "tablets-or-injection",
    ),
    Question(
        "does the monthly shot work for alcohol too or only for opioids", "tablets-or-injection"
    ),
    Question("daily naltrexone vs once a month", "tablets-or-injection"),
    Question("is the vivitrol shot stronger than the pills", "tablets-or-injection"),
    Question(
        "my doctor wants me to go from 50mg to 25 for a couple weeks before stopping, why if it's not needed",
        "tapering-naltrexone",
    ),
    Question(
        "can i just stop or do i have to step down the dose",
        "tapering-naltrexone",
        also="stopping-naltrexone",
    ),
    Question("what is naltrexone", "what-is-naltrexone"),
    Question("what's vivitrol used for", "what-is-naltrexone"),
    Question("do they drug test you before starting vivitrol", "what-to-expect-at-the-first-visit"),
    Question("what should i bring to my first appointment", "what-to-expect-at-the-first-visit"),
    Question("first visit blood test liver naltrexone", "what-to-expect-at-the-first-visit"),
)
