"""The test half (never tuned on) of 150 questions written blind (from the articles' titles and summaries
only) by a ninth writer on 2026-12-05; split once by article with seed 20261207
(docs/education-search.md). ``also`` names a second article that answers the question as well."""

from __future__ import annotations

from tests.education.questions import Question

NINTH_TEST: tuple[Question, ...] = (
    Question("do i have to go to counseling to get naltrexone", "counselling-and-therapy"),
    Question("why does my clinic want me in therapy if the pill works", "counselling-and-therapy"),
    Question(
        "it's been three weeks since my last vivitrol and the thoughts about using are getting louder every day, i have people i could call but i don't know if this is the point where i call the clinic",
        "cravings-after-stopping",
    ),
    Question("off naltrexone and want to drink again what do i do", "cravings-after-stopping"),
    Question("how do i deal with urges now that im off the shot", "cravings-after-stopping"),
    Question("fell off the wagon on naltrexone", "drinking-on-naltrexone"),
    Question(
        "does naltrexone make you sick if you drink like antabuse does",
        "drinking-on-naltrexone",
        also="myths-and-facts",
    ),
    Question("is it dangerous to mix alcohol and naltrexone", "drinking-on-naltrexone"),
    Question("can i have a beer on naltrexone", "drinking-on-naltrexone"),
    Question(
        "had 3 glasses of wine last night and forgot i took my revia this morning am i ok",
        "drinking-on-naltrexone",
    ),
    Question("when will my doctor let me come off naltrexone", "how-long-treatment-lasts"),
    Question("is naltrexone a lifelong thing", "how-long-treatment-lasts"),
    Question("how long treatment naltrexone alcohol", "how-long-treatment-lasts"),
    Question("how long do you stay on naltrexone", "how-long-treatment-lasts"),
    Question("does naltrexone take away the urge or just the high", "how-naltrexone-works"),
    Question("why cant opioids work after taking naltrexone", "how-naltrexone-works"),
    Question(
        "what does blocking opioid receptors even mean in normal words", "how-naltrexone-works"
    ),
    Question("if i use heroin while on vivitrol what happens", "how-naltrexone-works"),
    Question(
        "lost my job and my coverage, can't afford the monthly injection anymore what are my options",
        "insurance-and-cost",
    ),
    Question("does insurance cover naltrexone", "insurance-and-cost"),
    Question(
        "is the shot more expensive than the pills",
        "insurance-and-cost",
        also="tablets-or-injection",
    ),
    Question("naltrexone price without insurance", "insurance-and-cost"),
    Question("is naltrexone addicitve", "is-naltrexone-addictive"),
    Question(
        "isnt vivitrol just trading one drug for another",
        "is-naltrexone-addictive",
        also="myths-and-facts",
    ),
    Question(
        "people at my meeting say naltrexone is still using. is it habit forming",
        "is-naltrexone-addictive",
    ),
    Question("i have hep c can i still take naltrexone", "liver-safety"),
    Question("is naltrexone bad for your liver", "liver-safety"),
    Question("how often do they check your liver on naltrexone", "liver-safety"),
    Question(
        "liver test before starting naltrexone why",
        "liver-safety",
        also="what-to-expect-at-the-first-visit",
    ),
    Question("forgot to take my naltrexone yesterday", "missed-dose"),
    Question("what if i miss a dose of naltrexone", "missed-dose"),
    Question("missed my vivitrol appointment by a week what now", "missed-dose"),
    Question(
        "my uncle says vivitrol is just a way for clinics to make money and doesnt do anything, is any of that true",
        "myths-and-facts",
    ),
    Question("things people get wrong about naltrexone", "myths-and-facts"),
    Question(
        "supporting someone in recovery on naltrexone without nagging",
        "naltrexone-for-family-members",
    ),
    Question("how can i help my husband on naltrexone", "naltrexone-for-family-members"),
    Question(
        "my teenage son just started vivitrol what should we do as parents",
        "naltrexone-for-family-members",
    ),
    Question(
        "coming off methadone, how long till i can start naltrexone", "opioid-free-before-starting"
    ),
    Question("switching from suboxone to vivitrol how many days", "opioid-free-before-starting"),
    Question(
        "last used fent 3 days ago can i get the shot tomorrow", "opioid-free-before-starting"
    ),
    Question(
        "how long do i have to wait after using to start naltrexone", "opioid-free-before-starting"
    ),
    Question("can you take suboxone and naltrexone together", "other-medicines"),
    Question(
        "my psychiatrist doesnt know i'm on vivitrol, do i need to tell her before she changes my meds",
        "other-medicines",
    ),
    Question("can i take cough syrup with codeine on naltrexone", "other-medicines"),
    Question("signs of opioid overdose", "overdose-and-naloxone"),
    Question("how to use narcan", "overdose-and-naloxone"),
    Question("blue lips pinpoint pupils wont wake up what does that mean", "overdose-and-naloxone"),
    Question(
        "will painkillers work on naltrexone", "pain-surgery-emergencies", also="other-medicines"
    ),
    Question(
        "getting my wisdom teeth out and i'm on naltrexone what will they give me for pain",
        "pain-surgery-emergencies",
    ),
    Question("naltrexone wallet card", "pain-surgery-emergencies"),
    Question("is naltrexone safe for the baby", "pregnancy-and-breastfeeding"),
    Question("naltrexone pregnacy", "pregnancy-and-breastfeeding"),
    Question("does naltrexone get into breast milk", "pregnancy-and-breastfeeding"),
    Question("trying to get pregnant should i stay on naltrexone", "pregnancy-and-breastfeeding"),
    Question("restart naltrexone dose 25mg", "restarting-naltrexone"),
    Question("relapsed after stopping vivitrol, can i get the shot again", "restarting-naltrexone"),
    Question("stopped naltrexone months ago and want to start again", "restarting-naltrexone"),
    Question("feel so nauseous since i started revia does it go away", "side-effects"),
    Question("vivitrol made me anxious and jittery", "side-effects"),
    Question("when should i call the doctor about naltrexone side effects", "side-effects"),
    Question("naltrexone side efects", "side-effects"),
    Question(
        "ok so I decided I'm done with the pills. I've been good for six months and I don't really want to take something every day forever. what should I expect when I stop",
        "stopping-naltrexone",
    ),
    Question("is it dangerous to use dope after coming off naltrexone", "stopping-naltrexone"),
    Question("quit naltrexone cold turkey", "stopping-naltrexone"),
    Question("why is overdose risk higher after you stop naltrexone", "stopping-naltrexone"),
    Question(
        "my girlfriend hates needles, can she just take tablets instead of the shot",
        "tablets-or-injection",
    ),
    Question("difference between revia and vivitrol", "tablets-or-injection"),
    Question(
        "i keep forgetting my pills should i switch to the monthly injection",
        "tablets-or-injection",
    ),
    Question("is the once a month shot stronger than the daily pill", "tablets-or-injection"),
    Question("how to come off naltrexone step down", "tapering-naltrexone"),
    Question("going from 50mg to 25mg before stopping is that needed", "tapering-naltrexone"),
    Question("is naltrexone for alcohol or for opiates", "what-is-naltrexone"),
    Question("my doctor said naltrexone for my drinking what even is that", "what-is-naltrexone"),
    Question("do you need a prescription for naltrexone", "what-is-naltrexone"),
    Question(
        "will they drug test me before giving me naltrexone",
        "what-to-expect-at-the-first-visit",
        also="opioid-free-before-starting",
    ),
    Question(
        "what happens at the first naltrexone appointment", "what-to-expect-at-the-first-visit"
    ),
)
