"""Half of 150 questions written for this library by someone who had seen only the articles'
titles, never their text: in people's own voices (family members, slang, misspellings, third
person, long rambling questions). They were split once, by article, with a fixed seed
(20261204), into a tuning half (questions_tuning.py) and a held-back half (questions_held_out.py);
this is the held-back half: never tune on it; it measures what tuning did not see
(docs/education-search.md). ``also`` names a second article that answers the question as well.
"""

from __future__ import annotations

from tests.education.questions import Question

HELD_OUT: tuple[Question, ...] = (
    Question("do i need counseling with naltrexone", "counselling-and-therapy"),
    Question(
        "my wife doesnt want to do counselling will the naltrexone still work on its own",
        "counselling-and-therapy",
    ),
    Question("cravings came back after stopping naltrexone", "cravings-after-stopping"),
    Question(
        "really bad cravings since i stopped the shot should i go back on it",
        "cravings-after-stopping",
        also="restarting-naltrexone",
    ),
    Question("how to deal with cravings after coming off vivitrol", "cravings-after-stopping"),
    Question("drinking while on vivi", "drinking-on-naltrexone"),
    Question("can i drink on naltrexone", "drinking-on-naltrexone"),
    Question(
        "My mom takes naltrexone for her drinking and she had a few drinks at Christmas. Is that dangerous for her?",
        "drinking-on-naltrexone",
    ),
    Question(
        "does naltrexone make you sick if you drink like antabuse",
        "drinking-on-naltrexone",
        also="myths-and-facts",
    ),
    Question(
        "What happens if you drink alcohol while taking naltrexone?", "drinking-on-naltrexone"
    ),
    Question(
        "My doctor said I can keep drinking while I start the pills, which seems crazy to me. Isn't the whole point to stop drinking? Is it actually ok to drink on it?",
        "drinking-on-naltrexone",
    ),
    Question("how long do you stay on naltrexone", "how-long-treatment-lasts"),
    Question("is naltrexone for life", "how-long-treatment-lasts"),
    Question("is naltrexone like a blocker for opioids", "how-naltrexone-works"),
    Question("how does it stop the high", "how-naltrexone-works"),
    Question("how does a pill make you want to drink less", "how-naltrexone-works"),
    Question("how does naltrexone work", "how-naltrexone-works"),
    Question("why cant you get high on naltrexone", "how-naltrexone-works"),
    Question("does insurance cover naltrexone", "insurance-and-cost"),
    Question("my dad is on medicare will it pay for his naltrexone", "insurance-and-cost"),
    Question(
        "my mom worries ill get hooked on naltrexone is that possible", "is-naltrexone-addictive"
    ),
    Question("can you get high on naltrexone", "is-naltrexone-addictive"),
    Question(
        "isnt naltrexone just swapping one drug for another",
        "is-naltrexone-addictive",
        also="myths-and-facts",
    ),
    Question("naltrexone liver enzimes", "liver-safety"),
    Question("signs of liver damage on naltrexone", "liver-safety", also="side-effects"),
    Question("do i need liver blood tests on naltrexone", "liver-safety"),
    Question(
        "my brother missed his monthly injection appointment is he still protected", "missed-dose"
    ),
    Question("forgot to take my naltrexone", "missed-dose"),
    Question("took two naltrexone pills by accident", "missed-dose"),
    Question("common misconceptions about vivitrol", "myths-and-facts"),
    Question("is it true naltrexone makes you unable to feel any pleasure", "myths-and-facts"),
    Question(
        "how can i help my brother remember his monthly shot", "naltrexone-for-family-members"
    ),
    Question("how can i support my husband on naltrexone", "naltrexone-for-family-members"),
    Question("my son is on vivitrol what can i do to help", "naltrexone-for-family-members"),
    Question(
        "as a parent how do i support my adult kid on the shot", "naltrexone-for-family-members"
    ),
    Question("why do i have to be off opioids before naltrexone", "opioid-free-before-starting"),
    Question(
        "my daughter is on suboxone and wants to switch to vivitrol how long does she have to wait",
        "opioid-free-before-starting",
    ),
    Question("precipitated withdrawal naltrexone", "opioid-free-before-starting"),
    Question(
        "what happens if you take naltrexone with opioids still in your system",
        "opioid-free-before-starting",
    ),
    Question("my girlfriend takes adhd meds is it ok with naltrexone", "other-medicines"),
    Question("can i take naltrexone with antidepressants", "other-medicines"),
    Question("imodium while on naltrexone", "other-medicines"),
    Question("how to use narcan", "overdose-and-naloxone"),
    Question("should i keep narcan at home if my son is on vivitrol", "overdose-and-naloxone"),
    Question("what does an overdose look like", "overdose-and-naloxone"),
    Question("when should i stop naltrexone before surgery", "pain-surgery-emergencies"),
    Question("car accident on naltrexone how will the er treat pain", "pain-surgery-emergencies"),
    Question("will morphine work if im on naltrexone", "pain-surgery-emergencies"),
    Question(
        "I'm having my wisdom teeth out in two weeks and I'm on the monthly shot. The oral surgeon asked what pain meds I can take. What do I tell him?",
        "pain-surgery-emergencies",
    ),
    Question("can i take naltrexone while pregnant", "pregnancy-and-breastfeeding"),
    Question("trying to get pregnant on naltrexone", "pregnancy-and-breastfeeding"),
    Question("naltrexone breastfeeding", "pregnancy-and-breastfeeding"),
    Question(
        "my son used again after stopping naltrexone can he start it again",
        "restarting-naltrexone",
        also="opioid-free-before-starting",
    ),
    Question("can i restart naltrexone after stopping", "restarting-naltrexone"),
    Question(
        "my girlfriend has been really tired and down since she started naltrexone could it be the medicine",
        "side-effects",
    ),
    Question("revia side affects headache", "side-effects"),
    Question("feel nauseous after taking naltrexone", "side-effects"),
    Question("my dad says the shot made his butt sore for a week is that normal", "side-effects"),
    Question("cant sleep since starting naltrexone", "side-effects"),
    Question("is it dangerous to stop naltrexone cold turkey", "stopping-naltrexone"),
    Question("stopped vivitrol what happens now", "stopping-naltrexone"),
    Question("will i get withdrawal if i stop naltrexone", "stopping-naltrexone"),
    Question("i want to stop the shot is my tolerance lower now", "stopping-naltrexone"),
    Question("i keep forgetting pills is the shot better for me", "tablets-or-injection"),
    Question("should i get the monthly injection or daily tablets", "tablets-or-injection"),
    Question("difference between revia and vivitrol", "tablets-or-injection"),
    Question("naltrexone tabs vs vivi", "tablets-or-injection"),
    Question("vivitrol vs oral naltrexone", "tablets-or-injection"),
    Question("can i come off naltrexone gradually", "tapering-naltrexone"),
    Question("naltrexone taper schedule", "tapering-naltrexone"),
    Question("my girlfriend just got prescribed naltrexone what is that", "what-is-naltrexone"),
    Question("what is vivitrol used for", "what-is-naltrexone"),
    Question("what should i bring to my first visit", "what-to-expect-at-the-first-visit"),
    Question("first vivitril visit what to expect", "what-to-expect-at-the-first-visit"),
    Question(
        "my brother has his first appointment for the shot next week what will they do",
        "what-to-expect-at-the-first-visit",
    ),
)
