"""The test half (never tuned on) of 150 questions written blind (from the articles' titles
and summaries only) by a eighth writer on 2026-12-05; split once by article with seed 20261206
(docs/education-search.md). ``also`` names a second article that answers the question as well."""

from __future__ import annotations

from tests.education.questions import Question

EIGHTH_TEST: tuple[Question, ...] = (
    Question("naltrexone and therapy", "counselling-and-therapy"),
    Question("do i need counseling too or is the medicine enough", "counselling-and-therapy"),
    Question("tips for cravings after vivitrol", "cravings-after-stopping"),
    Question(
        "stopped my pills 2 months ago and now i want to drink every single day",
        "cravings-after-stopping",
    ),
    Question(
        "my brother finished his vivitrol and says hes craving again, how can we help him get through it",
        "cravings-after-stopping",
    ),
    Question(
        "fell off the wagon last weekend while on revia.. did i mess anything up",
        "drinking-on-naltrexone",
    ),
    Question(
        "my mom says she doesnt even enjoy her wine anymore since she started naltrexone, she just stops after one glass. is that the medicine doing that",
        "drinking-on-naltrexone",
        also="how-naltrexone-works",
    ),
    Question("drinking on naltrexone", "drinking-on-naltrexone"),
    Question(
        "do i have to be totally sober before starting the pills or can i still have a few",
        "drinking-on-naltrexone",
    ),
    Question("can i have a beer on naltrexone", "drinking-on-naltrexone"),
    Question("how many months is vivitrol treatment", "how-long-treatment-lasts"),
    Question(
        "my son has been on the shot for a year now and hes doing great, got a job, back in school. when does he get to come off it",
        "how-long-treatment-lasts",
    ),
    Question("is naltrexone for life", "how-long-treatment-lasts"),
    Question("naltrexone how long", "how-long-treatment-lasts"),
    Question("how does naltrexone actually work in your brain", "how-naltrexone-works"),
    Question(
        "my wife drinks way too much and her doctor wants her on the shot. how does the shot even stop someone drinking",
        "how-naltrexone-works",
    ),
    Question(
        "why does alcohol feel less good with naltrexone",
        "how-naltrexone-works",
        also="drinking-on-naltrexone",
    ),
    Question("can u still get high off percs if ur on naltrexone", "how-naltrexone-works"),
    Question("how much does vivitrol cost without insurance", "insurance-and-cost"),
    Question("cant afford the shot what are my options", "insurance-and-cost"),
    Question(
        "what should i ask the pharmacy about cost before i start naltrexone", "insurance-and-cost"
    ),
    Question(
        "are the pills cheaper than the monthly shot",
        "insurance-and-cost",
        also="tablets-or-injection",
    ),
    Question("will my body get hooked on the pills", "is-naltrexone-addictive"),
    Question("does naltrexone get you high", "is-naltrexone-addictive"),
    Question("why do they keep taking blood for liver tests", "liver-safety"),
    Question("liver damage naltrexone", "liver-safety"),
    Question("can naltrexone give you hepatitis", "liver-safety"),
    Question(
        "my liver enzymes came back a little high on my last bloodwork do i need to stop vivitrol",
        "liver-safety",
    ),
    Question("missed dose naltrexone", "missed-dose"),
    Question("forgot to take my naltrexone yesterday", "missed-dose"),
    Question("late for my injection is that dangerous", "missed-dose"),
    Question("missed my vivitrol appointment by a week what do i do", "missed-dose"),
    Question(
        "people at my meetings say being on vivitrol isnt real recovery, whats the truth",
        "myths-and-facts",
    ),
    Question(
        "i heard naltrexone makes you never feel happy again, is that true", "myths-and-facts"
    ),
    Question("parent of adult child on naltrexone tips", "naltrexone-for-family-members"),
    Question(
        "my wife just started naltrexone for her drinking and i never know what to say without it turning into nagging or a fight",
        "naltrexone-for-family-members",
    ),
    Question("last used oxy sunday when can i start revia", "opioid-free-before-starting"),
    Question("switching from methadone to naltrexone", "opioid-free-before-starting"),
    Question("why do i have to be clean 7 days before vivitrol", "opioid-free-before-starting"),
    Question(
        "why cant you start naltrexone right away after heroin", "opioid-free-before-starting"
    ),
    Question(
        "how long after using do i have to wait to start naltrexone", "opioid-free-before-starting"
    ),
    Question("suboxone and vivitrol together", "other-medicines"),
    Question("can i take my antidepressant with naltrexone", "other-medicines"),
    Question(
        "my sister just got out of rehab and is on the shot now. what does an overdose actually look like so i know if shes in trouble",
        "overdose-and-naloxone",
        also="naltrexone-for-family-members",
    ),
    Question("how to use narcan", "overdose-and-naloxone"),
    Question("signs of an opioid overdose", "overdose-and-naloxone"),
    Question(
        "my mom is getting a knee replacement in march and she takes naltrexone for alcohol. how are they going to handle her pain after",
        "pain-surgery-emergencies",
    ),
    Question("do i stop naltrexone before an operation", "pain-surgery-emergencies"),
    Question(
        "i need a tooth pulled and im on vivitrol what can they give me for the pain",
        "pain-surgery-emergencies",
    ),
    Question(
        "what if im in a car wreck and need pain meds but im on the shot",
        "pain-surgery-emergencies",
    ),
    Question(
        "my daughter is 5 months pregnet and wants to start the shot for her drinking, is that ok for the baby",
        "pregnancy-and-breastfeeding",
    ),
    Question(
        "just found out im pregnant and im on vivitrol do i have to stop",
        "pregnancy-and-breastfeeding",
    ),
    Question("does naltrexone get into breast milk", "pregnancy-and-breastfeeding"),
    Question("naltrexone trying to get pregnant", "pregnancy-and-breastfeeding"),
    Question("restarting revia do i start back at 50mg", "restarting-naltrexone"),
    Question(
        "do i have to do the whole waiting period and urine test again to restart",
        "restarting-naltrexone",
    ),
    Question(
        "does vivitrol mess with your mood? ive been kinda down and anxious since my shot",
        "side-effects",
    ),
    Question(
        "ever since the injection i cry at everything and cant sleep is that a side effect",
        "side-effects",
    ),
    Question("been nauseous every morning since starting revia is that from it", "side-effects"),
    Question("do the side effects go away after a while or is this it", "side-effects"),
    Question("headaches on naltrexone normal??", "side-effects"),
    Question(
        "dropped out of my program and didnt get my last shot what happens to me now",
        "stopping-naltrexone",
    ),
    Question("stopping naltrexone suddenly", "stopping-naltrexone"),
    Question("what happens when vivitrol wears off", "stopping-naltrexone"),
    Question(
        "if i stop the naltrexone will the cravings come back",
        "stopping-naltrexone",
        also="cravings-after-stopping",
    ),
    Question("monthly naltrexone injection", "tablets-or-injection"),
    Question("is the shot stronger than the tablets", "tablets-or-injection"),
    Question("pill vs shot which is better", "tablets-or-injection"),
    Question("vivitrol or revia", "tablets-or-injection"),
    Question("naltrexone taper schedule", "tapering-naltrexone"),
    Question("do i need to taper off naltrexone", "tapering-naltrexone"),
    Question(
        "my doctor mentioned something called naltrexone for my drinking whats that",
        "what-is-naltrexone",
    ),
    Question("is revia the same thing as naltrexone", "what-is-naltrexone"),
    Question("naltrexone what is it for", "what-is-naltrexone"),
    Question("first naltrexone appointment what to expect", "what-to-expect-at-the-first-visit"),
    Question(
        "my mom has her first appointment for naltrexone tomorrow, what kind of questions will they ask her",
        "what-to-expect-at-the-first-visit",
    ),
)
