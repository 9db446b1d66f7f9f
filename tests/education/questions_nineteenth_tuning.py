"""The tuning half of 150 questions written blind (from the articles' titles and summaries
only) by a nineteenth writer on 2026-12-05; split once by article with seed 20261217
(docs/education-search.md). ``also`` names a second article that answers the question as well."""

from __future__ import annotations

from tests.education.questions import Question

NINETEENTH_TUNING: tuple[Question, ...] = (
    Question(
        "my daughter only wants the shot and refuses groups or a therapist, does the shot work without talking to someone",
        "counselling-and-therapy",
    ),
    Question(
        "why does my clinic make me go to counseling with vivitrol", "counselling-and-therapy"
    ),
    Question("stopped the pills and now i want to use again", "cravings-after-stopping"),
    Question("when to call the clinic about cravings", "cravings-after-stopping"),
    Question("off vivitrol two months and urges are getting bad", "cravings-after-stopping"),
    Question(
        "my doc said i can keep drinking on this pill and itll just make me want less is that true sounds too good",
        "drinking-on-naltrexone",
        also="how-naltrexone-works",
    ),
    Question(
        "do i have to be sober before i start naltrexone for alcohol or can i still be drinking",
        "drinking-on-naltrexone",
    ),
    Question(
        "had a few glasses of wine last night forgot i took my revia this morning am i ok",
        "drinking-on-naltrexone",
    ),
    Question("accidentally had a drink on naltexone", "drinking-on-naltrexone"),
    Question(
        "my husband is on the vivitrol shot and still drinking every weekend is that dangerous or does it just not work",
        "drinking-on-naltrexone",
    ),
    Question(
        "been sober 8 months on naltrexone when can i come off it",
        "how-long-treatment-lasts",
        also="stopping-naltrexone",
    ),
    Question("is naltrexone for life", "how-long-treatment-lasts"),
    Question(
        "my son has been on the shot a year, how long is he supposed to keep getting it, who decides that",
        "how-long-treatment-lasts",
    ),
    Question("so its a blocker? like it blocks the high from heroin?", "how-naltrexone-works"),
    Question("can you get high on percs if your on naltrexone", "how-naltrexone-works"),
    Question("if i shoot up while on vivitrol will i feel anything", "how-naltrexone-works"),
    Question(
        "why does alcohol feel less fun on naltrexone",
        "how-naltrexone-works",
        also="drinking-on-naltrexone",
    ),
    Question("naltrexone price without insurance", "insurance-and-cost"),
    Question(
        "is the shot more expensive than the pills",
        "insurance-and-cost",
        also="tablets-or-injection",
    ),
    Question("cant afford vivitrol anymore help", "insurance-and-cost"),
    Question("does naltrexone get u high lol", "is-naltrexone-addictive"),
    Question("can you get hooked on vivitrol", "is-naltrexone-addictive"),
    Question(
        "isnt naltrexone just swapping one drug for another",
        "is-naltrexone-addictive",
        also="myths-and-facts",
    ),
    Question(
        "my dad has a fatty liver from years of drinking, will this med make it worse",
        "liver-safety",
    ),
    Question("i have hep c can i still take naltrexone", "liver-safety"),
    Question("liver damage naltrexone", "liver-safety"),
    Question("missed dose naltrexone overdose risk", "missed-dose"),
    Question("should i double up if i missed a naltrexone pill", "missed-dose"),
    Question("missed my vivitrol shot by a week what do i do", "missed-dose"),
    Question("forgot my naltrexone yesterday by accident is that bad", "missed-dose"),
    Question("naltrexone myths", "myths-and-facts"),
    Question("family support naltrexone", "naltrexone-for-family-members"),
    Question(
        "my best friend is on naltrexone how do i not say the wrong thing",
        "naltrexone-for-family-members",
    ),
    Question(
        "my wife started vivitrol, what can i do to support her without nagging",
        "naltrexone-for-family-members",
    ),
    Question("why do i have to wait 7 days before naltrexone", "opioid-free-before-starting"),
    Question("what is precipitated withdrawal", "opioid-free-before-starting"),
    Question(
        "coming off suboxone how long before i can start naltrexone", "opioid-free-before-starting"
    ),
    Question(
        "my boyfriend used dope 3 days ago and wants to get the shot tomorrow is that too soon",
        "opioid-free-before-starting",
    ),
    Question(
        "do i need to tell my other doctors im on naltrexone",
        "other-medicines",
        also="pain-surgery-emergencies",
    ),
    Question("can i take naltrexone with my zoloft", "other-medicines"),
    Question("naltrexone and cough syrup with codeine", "other-medicines"),
    Question("rescue breathing overdose steps", "overdose-and-naloxone"),
    Question(
        "what do you do if someone wont wake up and their lips are blue", "overdose-and-naloxone"
    ),
    Question(
        "should i keep narcan at home if my son is on vivitrol",
        "overdose-and-naloxone",
        also="naltrexone-for-family-members",
    ),
    Question(
        "broke my wrist, on naltrexone, er gave me nothing that helped why",
        "pain-surgery-emergencies",
    ),
    Question("surgery on vivitrol", "pain-surgery-emergencies"),
    Question(
        "if i get in a car wreck and need pain meds will they work on naltrexone",
        "pain-surgery-emergencies",
    ),
    Question("do i need to carry a card saying i take naltrexone", "pain-surgery-emergencies"),
    Question(
        "my fiance is expecting and still on the monthly shot for alcohol, will it hurt the baby",
        "pregnancy-and-breastfeeding",
    ),
    Question("is naltrexone safe while breastfeeding", "pregnancy-and-breastfeeding"),
    Question("does naltrexone get into breast milk", "pregnancy-and-breastfeeding"),
    Question("what is a naloxone challenge", "restarting-naltrexone"),
    Question("restarting naltrexone dose", "restarting-naltrexone"),
    Question(
        "relapsed on heroin after stopping vivitrol can i get back on it", "restarting-naltrexone"
    ),
    Question("naltrexone side effects", "side-effects"),
    Question(
        "feeling really down and flat since starting naltrexone, is it the med", "side-effects"
    ),
    Question("when should i call the doctor about naltrexone side effects", "side-effects"),
    Question("does naltrexone cause headaches", "side-effects"),
    Question("what happens if i just stop taking naltrexone", "stopping-naltrexone"),
    Question(
        "my son stopped going for his vivitrol shots and i am scared he will go back to using what happens now",
        "stopping-naltrexone",
    ),
    Question("why is overdose risk higher after quitting vivitrol", "stopping-naltrexone"),
    Question(
        "is it dangerous to use heroin after you stop naltrexone",
        "stopping-naltrexone",
        also="overdose-and-naloxone",
    ),
    Question(
        "i keep forgetting my pills would the monthly injection be better for me",
        "tablets-or-injection",
    ),
    Question("pill or shot which is better", "tablets-or-injection"),
    Question(
        "is the vivitrol shot the same medicine as the pill",
        "tablets-or-injection",
        also="what-is-naltrexone",
    ),
    Question("vivitrol vs naltrexone tablets", "tablets-or-injection"),
    Question("how to wean off naltrexone", "tapering-naltrexone"),
    Question("step down dose naltrexone", "tapering-naltrexone"),
    Question(
        "doctor said no need to taper my naltrexone is that right, i thought you always had to come off slow",
        "tapering-naltrexone",
    ),
    Question("wat is naltrexzone", "what-is-naltrexone"),
    Question("is naltrexone for alcoholism or for drugs", "what-is-naltrexone"),
    Question("what is vivatrol", "what-is-naltrexone"),
    Question(
        "first appointment for the shot tomorrow nervous what will they ask",
        "what-to-expect-at-the-first-visit",
    ),
    Question("will they drug test me before giving vivitrol", "what-to-expect-at-the-first-visit"),
    Question(
        "what should i bring to my first visit for naltrexone", "what-to-expect-at-the-first-visit"
    ),
)
