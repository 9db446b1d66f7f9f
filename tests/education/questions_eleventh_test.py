"""The test half of 150 questions written blind (from the articles' titles and summaries
only) by an eleventh writer on 2026-12-05; split once by article with seed 20261209
(docs/education-search.md) (never tuned on). ``also`` names a second article that answers the question as well."""

from __future__ import annotations

from tests.education.questions import Question

ELEVENTH_TEST: tuple[Question, ...] = (
    Question("what kind of therapy goes with naltrexone", "counselling-and-therapy"),
    Question(
        "is the shot enough by itself or should my son also see a counselor",
        "counselling-and-therapy",
    ),
    Question("how do i deal with cravings once im off naltrexone", "cravings-after-stopping"),
    Question(
        "my fiance finished his vivitrol and now he says he thinks about drinking all day, how do we get through this",
        "cravings-after-stopping",
    ),
    Question("coping skills for craving after vivitrol", "cravings-after-stopping"),
    Question(
        "had 3 glasses of wine by accident last night on my revia pill am i ok",
        "drinking-on-naltrexone",
    ),
    Question("drinking on naltrexone", "drinking-on-naltrexone"),
    Question("does booze still get you buzzed on the pill", "drinking-on-naltrexone"),
    Question(
        "fell off the wagon while taking naltrexone what happens now", "drinking-on-naltrexone"
    ),
    Question("can i still have a beer on naltrexon", "drinking-on-naltrexone"),
    Question("how long do u have to be on naltrexone", "how-long-treatment-lasts"),
    Question(
        "my son has been on the shot a year now, when does he get to stop or is this forever",
        "how-long-treatment-lasts",
    ),
    Question("who decides when im done with naltrexone", "how-long-treatment-lasts"),
    Question("is naltrexone for life", "how-long-treatment-lasts"),
    Question(
        "why would a pill make drinking less fun, like whats it doing in the brain",
        "how-naltrexone-works",
    ),
    Question(
        "if my son uses heroin while hes on naltrexone will he feel it at all",
        "how-naltrexone-works",
    ),
    Question("mechanism of naltrexone for alcohol and opiates", "how-naltrexone-works"),
    Question(
        "is it true you cant get high on percs once your on naltrexone", "how-naltrexone-works"
    ),
    Question(
        "what should i ask my insurance before starting the monthly injection", "insurance-and-cost"
    ),
    Question(
        "i lost my job and my insurance, how am i supposed to pay for my naltrexone now",
        "insurance-and-cost",
    ),
    Question("medicaid cover vivitrol?", "insurance-and-cost"),
    Question(
        "is the pill cheaper than the shot", "insurance-and-cost", also="tablets-or-injection"
    ),
    Question(
        "isnt it just swapping one drug for another like methadone",
        "is-naltrexone-addictive",
        also="myths-and-facts",
    ),
    Question("is naltrexone an opioid", "is-naltrexone-addictive"),
    Question("naltrexone liver damage", "liver-safety"),
    Question("is naltrexone bad for ur liver", "liver-safety"),
    Question("does the black box warning about the liver still apply", "liver-safety"),
    Question("why do they keep doing blood work on me, is it my liver", "liver-safety"),
    Question("skipped a couple days of my pills is the block gone", "missed-dose"),
    Question("missed my vivitrol shot by a week what do i do", "missed-dose"),
    Question("should i take two pills if i missed one", "missed-dose"),
    Question(
        "my husband was supposed to get his shot on monday and he keeps putting it off, is he at risk",
        "missed-dose",
    ),
    Question("naltrexone myths", "myths-and-facts"),
    Question("things people get wrong about vivitrol", "myths-and-facts"),
    Question(
        "how to help a friend taking naltrexone without nagging", "naltrexone-for-family-members"
    ),
    Question(
        "my son just started vivitrol, what should i as a parent do to help",
        "naltrexone-for-family-members",
    ),
    Question("what is precipitated withdrawal", "opioid-free-before-starting"),
    Question(
        "my son used percs on saturday, can he still get the shot on wednesday like planned",
        "opioid-free-before-starting",
    ),
    Question(
        "i'm on suboxone and want to switch to vivitrol, how long do i have to be off subs first",
        "opioid-free-before-starting",
    ),
    Question(
        "why do i have to be clean for a week before the first shot", "opioid-free-before-starting"
    ),
    Question("can you be on suboxone and naltrexone at the same time", "other-medicines"),
    Question("is it ok to take my antidepressant with naltrexone", "other-medicines"),
    Question("drug interactions naltrexone", "other-medicines"),
    Question("how do i use narcan", "overdose-and-naloxone"),
    Question(
        "should i do rescue breaths or just give naloxone and call 911", "overdose-and-naloxone"
    ),
    Question(
        "my sister came off the vivitrol shot and i'm terrified she'll OD, what does an overdose look like so i know",
        "overdose-and-naloxone",
    ),
    Question("wallet card for naltrexone", "pain-surgery-emergencies"),
    Question(
        "i need my wisdom teeth out and im on naltrexone what do i tell the dentist",
        "pain-surgery-emergencies",
    ),
    Question(
        "broke my wrist, will they be able to give me pain meds if im on naltrexone",
        "pain-surgery-emergencies",
    ),
    Question(
        "i have a knee replacement scheduled in two months and i get vivitrol every month, how do we plan this",
        "pain-surgery-emergencies",
    ),
    Question(
        "trying to get pregnant, do i need to stop my revia first", "pregnancy-and-breastfeeding"
    ),
    Question("nursing mom on naltrexone", "pregnancy-and-breastfeeding"),
    Question(
        "just found out im pregnant and im on vivitrol what now", "pregnancy-and-breastfeeding"
    ),
    Question(
        "my girlfriend is 4 months along and wants to stay on the shot, is that going to hurt the baby",
        "pregnancy-and-breastfeeding",
    ),
    Question("do i need the urine test again if i'm restarting", "restarting-naltrexone"),
    Question(
        "stopped vivitrol 3 months ago and relapsed, can i start the shot again",
        "restarting-naltrexone",
    ),
    Question("can i go back on naltrexone after stopping", "restarting-naltrexone"),
    Question("headache and dizzy after taking naltrexone, will it go away", "side-effects"),
    Question("naltrexzone side effects", "side-effects"),
    Question("been nauseous every morning since starting revia is that normal", "side-effects"),
    Question(
        "my mom started naltrexone for drinking and shes been jittery and nervous all week, is it the medicine",
        "side-effects",
    ),
    Question(
        "ran out of pills last week and just never refilled, is that dangerous",
        "stopping-naltrexone",
    ),
    Question(
        "i feel great and want to come off it, anything bad happen when you stop",
        "stopping-naltrexone",
    ),
    Question("stopping naltrexone suddenly", "stopping-naltrexone"),
    Question("wat happens if i just stop taking naltrexone", "stopping-naltrexone"),
    Question("pill or shot wich is better", "tablets-or-injection"),
    Question("whats the difference between revia and vivitrol", "tablets-or-injection"),
    Question("can i switch from the tablets to the shot", "tablets-or-injection"),
    Question(
        "my brother travels for work constantly and keeps losing his pill bottle, would the injection make more sense for someone like him",
        "tablets-or-injection",
    ),
    Question("wean off naltrexone", "tapering-naltrexone"),
    Question("do i need to taper naltrexone", "tapering-naltrexone"),
    Question("is naltrexone for alcohol or for opioids", "what-is-naltrexone"),
    Question(
        "my doctor mentioned naltrexone today and i never heard of it, what is it",
        "what-is-naltrexone",
    ),
    Question(
        "what happens at the first naltrexone appointment", "what-to-expect-at-the-first-visit"
    ),
    Question(
        "nervous about my intake tomorrow for naltrexone, what kinda questions will they ask",
        "what-to-expect-at-the-first-visit",
    ),
)
