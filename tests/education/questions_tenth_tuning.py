"""The tuning half of 150 questions written blind (from the articles' titles and summaries
only) by a tenth writer on 2026-12-05; split once by article with seed 20261208
(docs/education-search.md). ``also`` names a second article that answers the question as well."""

from __future__ import annotations

from tests.education.questions import Question

TENTH_TUNING: tuple[Question, ...] = (
    Question(
        "why does my clinic make me see a counselor if the medicine does the work",
        "counselling-and-therapy",
    ),
    Question("do i need counseling with naltrexone", "counselling-and-therapy"),
    Question(
        "can i just take the pill and skip the AA meetings and therapy stuff",
        "counselling-and-therapy",
    ),
    Question(
        "stopped the pills and the urges are back big time. what do i do", "cravings-after-stopping"
    ),
    Question("off vivitrol 2 months now and i want to drink so bad", "cravings-after-stopping"),
    Question("cravings came back after i stopped naltrexone", "cravings-after-stopping"),
    Question(
        "My wife gets the Vivitrol shot every month but she still has wine most nights. Is that dangerous for her or does it just mean the shot isnt working",
        "drinking-on-naltrexone",
    ),
    Question("can i drink on naltrexone", "drinking-on-naltrexone"),
    Question(
        "had like 4 beers last nite and totally forgot i took my revia that morning am i ok??",
        "drinking-on-naltrexone",
    ),
    Question("still getting a buzz even on naltrexone is that normal", "drinking-on-naltrexone"),
    Question(
        "quit drinking two days ago and Im shaking and sweating bad, will starting naltrexone take the withdrawal away",
        "drinking-on-naltrexone",
    ),
    Question("how many months of vivitrol shots do you usually need", "how-long-treatment-lasts"),
    Question(
        "who decides when im finished with naltrexone, me or the doctor", "how-long-treatment-lasts"
    ),
    Question(
        "been on it a year, sober the whole time, when do i get to be done",
        "how-long-treatment-lasts",
    ),
    Question(
        "my husband drinks way too much and his doctor wants to put him on the shot. how is a shot supposed to make him stop??",
        "how-naltrexone-works",
    ),
    Question(
        "why dont beers feel as good since i started the naltrexone",
        "how-naltrexone-works",
        also="drinking-on-naltrexone",
    ),
    Question("so it just blocks the high. thats it? thats the whole thing", "how-naltrexone-works"),
    Question("how does vivitrol work and how long does one shot last", "how-naltrexone-works"),
    Question("how does naltrexone work", "how-naltrexone-works"),
    Question("does medicaid pay for the vivitrol shot", "insurance-and-cost"),
    Question(
        "what should i ask my insurance company before i start naltrexone", "insurance-and-cost"
    ),
    Question("is the pill cheaper than the shot", "insurance-and-cost"),
    Question("is naltrexone an opioid", "is-naltrexone-addictive"),
    Question("isnt naltrexone just swapping one drug for another", "is-naltrexone-addictive"),
    Question("is naltrexone addictive", "is-naltrexone-addictive"),
    Question("why do they keep taking my blood for liver tests on vivitrol", "liver-safety"),
    Question(
        "isnt there a black box warning about the liver on naltrexone or is that old news",
        "liver-safety",
    ),
    Question(
        "My dad has a fatty liver from 30 years of drinking and now they want him on naltrexone. Wouldnt that make his liver worse?",
        "liver-safety",
    ),
    Question("missed my naltrexone dose", "missed-dose"),
    Question(
        "So I was supposed to get my shot on the 3rd but my car broke down and then work got crazy and now its the 20th and honestly im kind of scared. what should i do",
        "missed-dose",
    ),
    Question("forgot to take my naltrexone yesterday, should i take 2 today", "missed-dose"),
    Question("missed dose naltrexone overdose risk", "missed-dose"),
    Question("naltrexone myths", "myths-and-facts"),
    Question(
        "heard naltrexone is just a crutch and doesnt really work. true or not", "myths-and-facts"
    ),
    Question(
        "how do i support my best friend on naltrexone without nagging her",
        "naltrexone-for-family-members",
    ),
    Question(
        "our son starts vivitrol next week, what should we know as parents",
        "naltrexone-for-family-members",
    ),
    Question(
        "should i keep narcan in the house if my daughter is on naltrexone",
        "naltrexone-for-family-members",
    ),
    Question("last took oxys 3 days ago can i get the shot today", "opioid-free-before-starting"),
    Question("switching from methadone to naltrexone", "opioid-free-before-starting"),
    Question(
        "my brother took a naltrexone a day after he used fentanyl and got violently sick, puking and sweating, what happened to him",
        "opioid-free-before-starting",
    ),
    Question(
        "why do i have to wait 7 to 10 days before vivitrol, thats forever when youre trying to get clean",
        "opioid-free-before-starting",
    ),
    Question("can you take suboxone and naltrexone together", "other-medicines"),
    Question(
        "do i need to tell my other doctors im on naltrexone when they prescribe me stuff",
        "other-medicines",
    ),
    Question("naltrexone drug interactions", "other-medicines"),
    Question("signs of an opioid overdose", "overdose-and-naloxone"),
    Question("tiny pupils and slow breathing what does that mean", "overdose-and-naloxone"),
    Question(
        "if i ever found my son passed out and barely breathing what should i do first",
        "overdose-and-naloxone",
    ),
    Question("surgery while on naltrexone", "pain-surgery-emergencies"),
    Question(
        "what if im in a car wreck and need pain meds while im on vivitrol",
        "pain-surgery-emergencies",
    ),
    Question(
        "getting my wisdom teeth out next month and im on naltrexone, what do i tell the dentist",
        "pain-surgery-emergencies",
    ),
    Question(
        "can i take percs for my back on naltrexone",
        "pain-surgery-emergencies",
        also="other-medicines",
    ),
    Question(
        "just found out im pregnant and i got my vivitrol shot 2 weeks ago what do i do",
        "pregnancy-and-breastfeeding",
    ),
    Question("does naltrexone get into breast milk", "pregnancy-and-breastfeeding"),
    Question("naltrexone pregnancy", "pregnancy-and-breastfeeding"),
    Question(
        "do i have to do the whole waiting period again before restarting naltrexone",
        "restarting-naltrexone",
    ),
    Question("what dose do you restart naltrexone at", "restarting-naltrexone"),
    Question("can i go back on naltrexone", "restarting-naltrexone"),
    Question("does naltrexone make you feel tired or kinda down all the time", "side-effects"),
    Question("so nauseous since starting revia does it ever go away", "side-effects"),
    Question(
        "my mom started the pills last week and now shes dizzy and napping all afternoon, should i be worried",
        "side-effects",
    ),
    Question("overdose risk after quitting naltrexone", "stopping-naltrexone"),
    Question("can i just quit naltrexone whenever i want or is that bad", "stopping-naltrexone"),
    Question("why do people say your tolerance is gone after vivitrol", "stopping-naltrexone"),
    Question(
        "My son stopped going for his vivitrol shots and I think hes using again. Is he more likely to overdose now than before he ever started?",
        "stopping-naltrexone",
    ),
    Question(
        "whats the difference between oral naltrexone and the injectable", "tablets-or-injection"
    ),
    Question(
        "i ALWAYS forget pills. should i be getting the injection instead", "tablets-or-injection"
    ),
    Question("vivitrol or revia for drinking", "tablets-or-injection"),
    Question(
        "my boyfriend cant be trusted to take a pill every day, is there a shot for opioids he could get instead",
        "tablets-or-injection",
    ),
    Question(
        "should i cut my naltrexone pills in half for a while before i stop", "tapering-naltrexone"
    ),
    Question("taper schedule naltrexone 50mg", "tapering-naltrexone"),
    Question("how to wean off naltrexone", "tapering-naltrexone"),
    Question(
        "my doctor brought up something called naltrexone at my checkup today, what kind of medicine is that",
        "what-is-naltrexone",
    ),
    Question("what is naltrexone", "what-is-naltrexone"),
    Question("do they drug test you before naltrexone", "what-to-expect-at-the-first-visit"),
    Question("first naltrexone appointment what to expect", "what-to-expect-at-the-first-visit"),
    Question(
        "nervous about my first appointment for naltrexone tomorrow. what do they do",
        "what-to-expect-at-the-first-visit",
    ),
)
