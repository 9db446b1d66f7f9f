"""The tuning half of 150 questions written blind (from the articles' titles and summaries
only) by a seventeenth writer on 2026-12-05; split once by article with seed 20261215
(docs/education-search.md). ``also`` names a second article that answers the question as well."""

from __future__ import annotations

from tests.education.questions import Question

SEVENTEENTH_TUNING: tuple[Question, ...] = (
    Question("what kind of therapy goes with naltrexone", "counselling-and-therapy"),
    Question("is the pill enough or do i need therapy too", "counselling-and-therapy"),
    Question("how to deal with urges after coming off vivitrol", "cravings-after-stopping"),
    Question("cravings came back after stopping naltrexone", "cravings-after-stopping"),
    Question(
        "whats it like drinking on vivitrol do you still get a buzz",
        "drinking-on-naltrexone",
        also="how-naltrexone-works",
    ),
    Question("will naltrexone help with the shakes when i quit drinking", "drinking-on-naltrexone"),
    Question(
        "my mom takes naltrexone for her drinking and she says she can still get drunk on it so is it broken or what",
        "drinking-on-naltrexone",
    ),
    Question(
        "do i have to be totally sober before i start naltrexone for alcohol or can i still be drinking some",
        "drinking-on-naltrexone",
    ),
    Question(
        "my husband gets the vivitrol shot but hes still drinking every weekend. is it even doing anything if he keeps drinking",
        "drinking-on-naltrexone",
    ),
    Question("do i have to take naltrexone for the rest of my life", "how-long-treatment-lasts"),
    Question("how long do you stay on naltrexone", "how-long-treatment-lasts"),
    Question("how many months do i need to take vivitrol", "how-long-treatment-lasts"),
    Question("what does naltrexone actually do in ur brain", "how-naltrexone-works"),
    Question("if i use dope while on vivitrol will i feel anything", "how-naltrexone-works"),
    Question(
        "how can a pill stop me wanting booze and pills at the same time, it doesnt make sense to me",
        "how-naltrexone-works",
    ),
    Question("can u get high on percs while taking naltrexone", "how-naltrexone-works"),
    Question("how does naltrexone work", "how-naltrexone-works"),
    Question("does insurance cover naltrexone", "insurance-and-cost"),
    Question("how much does vivitrol cost", "insurance-and-cost"),
    Question(
        "pharmacy said my copay for the injection is crazy high what can i do", "insurance-and-cost"
    ),
    Question("is naltrexone just another opioid", "is-naltrexone-addictive"),
    Question("is naltrexone addictive", "is-naltrexone-addictive"),
    Question("can you get high off naltrexone", "is-naltrexone-addictive"),
    Question(
        "my dad has hep c and drank for 30 years, the doctor wants him on naltrexone but wont that wreck what's left of his liver",
        "liver-safety",
    ),
    Question("is naltrexone bad for your liver", "liver-safety"),
    Question("naltrexone liver blood test how often", "liver-safety"),
    Question("high liver enzymes and naltrexone", "liver-safety"),
    Question("missed a dose should i take two tomorrow", "missed-dose"),
    Question(
        "i was in the hospital for a week and missed my shot appointment what now", "missed-dose"
    ),
    Question("does missing naltrexone raise your overdose risk", "missed-dose"),
    Question("im late for my monthly injection am i still protected", "missed-dose"),
    Question(
        "people in my NA group say vivitrol isnt real recovery is that true", "myths-and-facts"
    ),
    Question(
        "my best friend just started the shot how can i be there for him",
        "naltrexone-for-family-members",
    ),
    Question(
        "what should i know as a parent if my kid is taking naltrexone",
        "naltrexone-for-family-members",
    ),
    Question(
        "how to support someone on naltrexone without nagging them", "naltrexone-for-family-members"
    ),
    Question(
        "what happens if you take naltrexone with opiates still in your system",
        "opioid-free-before-starting",
    ),
    Question("do i have to detox first before naltrexone", "opioid-free-before-starting"),
    Question("what is precipitated withdrawal", "opioid-free-before-starting"),
    Question(
        "my brother used fent 3 days ago can he get the vivitrol shot tomorrow",
        "opioid-free-before-starting",
    ),
    Question("can i take naltrexone and suboxone together", "other-medicines"),
    Question(
        "do i need to tell my dentist and my other doctors i take naltrexone",
        "other-medicines",
        also="pain-surgery-emergencies",
    ),
    Question("cough syrup with codeine while on naltrexone", "other-medicines"),
    Question(
        "how do you tell if someone is overdosing pinpoint pupils slow breathing",
        "overdose-and-naloxone",
    ),
    Question("steps if someone ods naloxone call 911 rescue breaths", "overdose-and-naloxone"),
    Question("what does an od look like", "overdose-and-naloxone"),
    Question("how will the ER know im on naltrexone if im passed out", "pain-surgery-emergencies"),
    Question(
        "broke my wrist and the pain pills arent doing anything, im on revia",
        "pain-surgery-emergencies",
    ),
    Question(
        "getting my wisdom teeth out and im on naltrexone what can they give me for pain",
        "pain-surgery-emergencies",
    ),
    Question("naltrexone wallet card", "pain-surgery-emergencies"),
    Question(
        "my daughter is expecting and takes naltrexone for her drinking should she keep taking it",
        "pregnancy-and-breastfeeding",
    ),
    Question("is naltrexone safe for the baby", "pregnancy-and-breastfeeding"),
    Question(
        "me and my husband are trying to get pregnant should i stop my revia",
        "pregnancy-and-breastfeeding",
    ),
    Question("relapsed after quitting vivitrol can i restart it", "restarting-naltrexone"),
    Question("can i go back on naltrexone after stopping", "restarting-naltrexone"),
    Question(
        "stopped the pills 3 months ago want to start again what do i do", "restarting-naltrexone"
    ),
    Question("so nauseous since starting revia is that normal", "side-effects"),
    Question("sore hard lump where i got the vivitrol shot", "side-effects"),
    Question("naltrexone mood swings cranky all the time", "side-effects"),
    Question(
        "my wife seems anxious and jittery ever since she started the pills could that be the naltrexone",
        "side-effects",
    ),
    Question("what happens if i stop naltrexone cold turkey", "stopping-naltrexone"),
    Question("will i get withdrawls coming off naltrexone", "stopping-naltrexone"),
    Question("why is overdose more likely after you stop naltrexone", "stopping-naltrexone"),
    Question(
        "can i just stop taking naltrexone", "stopping-naltrexone", also="tapering-naltrexone"
    ),
    Question(
        "stopped my vivitrol shots 2 months ago and my old friends keep coming around. how risky is it to use now that im off it",
        "stopping-naltrexone",
    ),
    Question("monthly injection for drinking problem", "tablets-or-injection"),
    Question("can the shot be used for alcohol or only for opioids", "tablets-or-injection"),
    Question("pill or shot which is better", "tablets-or-injection"),
    Question(
        "i keep forgetting my pills would the monthly injection be easier for me",
        "tablets-or-injection",
    ),
    Question(
        "step down naltrexone slowly or stop all at once",
        "tapering-naltrexone",
        also="stopping-naltrexone",
    ),
    Question("wean off naltrexone schedule", "tapering-naltrexone"),
    Question("what is naltrexone", "what-is-naltrexone"),
    Question("what is naltrexone used for", "what-is-naltrexone"),
    Question("is revia the same as naltrexone", "what-is-naltrexone"),
    Question(
        "what happens at the first naltrexone appointment", "what-to-expect-at-the-first-visit"
    ),
    Question(
        "will they drug test me at my first visit for naltrexone",
        "what-to-expect-at-the-first-visit",
    ),
)
