"""The tuning half of 150 questions written blind (from the articles' titles and summaries
only) by a seventh writer on 2026-12-05; split once by article with seed 20261205
(docs/education-search.md). ``also`` names a second article that answers the question as well."""

from __future__ import annotations

from tests.education.questions import Question

SEVENTH_TUNING: tuple[Question, ...] = (
    Question(
        "my husband says the pill is enough and he doesnt need meetings or therapy is he right",
        "counselling-and-therapy",
    ),
    Question("is therapy really needed with vivitrol", "counselling-and-therapy"),
    Question(
        "off naltrexone 3 weeks and the craving for a drink is crazy what do i do",
        "cravings-after-stopping",
    ),
    Question("how to deal with urges after coming off vivitrol", "cravings-after-stopping"),
    Question(
        "sinclair method take naltrexone an hour before drinking does that work",
        "drinking-on-naltrexone",
    ),
    Question("fell off the wagon while on naltrexone what happens", "drinking-on-naltrexone"),
    Question(
        "will naltrexone help me cut back on drinking or do i have to quit completely first",
        "drinking-on-naltrexone",
    ),
    Question(
        "took my pill and still got drunk saturday is it even working", "drinking-on-naltrexone"
    ),
    Question("can u drink on naltrexone", "drinking-on-naltrexone"),
    Question("how many months of vivitrol shots do people usually get", "how-long-treatment-lasts"),
    Question("how long do you stay on naltrexone", "how-long-treatment-lasts"),
    Question("is naltrexone for life", "how-long-treatment-lasts"),
    Question(
        "my counselor explained it too fast, so naltrexone sits on the receptors and then what, how does that help with both booze and pills",
        "how-naltrexone-works",
    ),
    Question("can u get high on fent with the vivitrol shot in you", "how-naltrexone-works"),
    Question("if i use heroin on vivatrol will i feel anything", "how-naltrexone-works"),
    Question("opiate blocker mechanism", "how-naltrexone-works"),
    Question("my husband drinks, how does the shot work", "how-naltrexone-works"),
    Question("what should i ask my pharmacy about paying for naltrexone", "insurance-and-cost"),
    Question("naltrexone price without insurance", "insurance-and-cost"),
    Question("does medicaid cover naltrexone", "insurance-and-cost"),
    Question(
        "isnt naltrexone just trading one drug for another",
        "is-naltrexone-addictive",
        also="myths-and-facts",
    ),
    Question("is naltrexone an opioid", "is-naltrexone-addictive"),
    Question("does vivitrol get you high", "is-naltrexone-addictive"),
    Question("how often do they check your liver on vivitrol", "liver-safety"),
    Question(
        "my liver enzymes are a bit high from drinking will they still give me naltrexone",
        "liver-safety",
    ),
    Question("naltexone liver", "liver-safety"),
    Question("naltrexone liver damage warning", "liver-safety"),
    Question("im late for my injection appointment is the block still working", "missed-dose"),
    Question("how late can you get your vivitrol shot", "missed-dose"),
    Question("missed a dose naltrexone take two?", "missed-dose"),
    Question(
        "my brother skipped his pills for like 4 days is he at risk if he uses", "missed-dose"
    ),
    Question(
        "heard naltrexone makes you never feel pleasure again is that true", "myths-and-facts"
    ),
    Question(
        "wife on revia for drinking how can i help her stick with it",
        "naltrexone-for-family-members",
    ),
    Question("how can i support my husband on naltrexone", "naltrexone-for-family-members"),
    Question(
        "my son just started vivitrol what should i do as a parent", "naltrexone-for-family-members"
    ),
    Question("coming off methadone onto vivitrol wait time", "opioid-free-before-starting"),
    Question(
        "im on suboxone and want to switch to vivitrol how long do i have to wait",
        "opioid-free-before-starting",
    ),
    Question("how long after my last oxy can i start naltrexone", "opioid-free-before-starting"),
    Question(
        "why do i have to be clean 7 to 10 days before naltrexone", "opioid-free-before-starting"
    ),
    Question("naltrexone drug interactions", "other-medicines"),
    Question("do i have to tell my regular doctor im on naltrexone", "other-medicines"),
    Question("can i take other meds with naltrexone", "other-medicines"),
    Question("rescue breaths for an overdose how", "overdose-and-naloxone"),
    Question("pinpoint pupils slow breathing what does that mean", "overdose-and-naloxone"),
    Question("can i have an operation on revia do i stop it first", "pain-surgery-emergencies"),
    Question("surgery while on the shot", "pain-surgery-emergencies"),
    Question(
        "what if i get in a car accident and need morphine but im on naltrexone",
        "pain-surgery-emergencies",
    ),
    Question(
        "broke my ankle last night and im on naltrexone, they gave me tramadol and it isnt doing anything",
        "pain-surgery-emergencies",
        also="other-medicines",
    ),
    Question(
        "ibuprofen ok for pain on naltrexone", "pain-surgery-emergencies", also="other-medicines"
    ),
    Question("naltrexone breastfeeding safe for baby", "pregnancy-and-breastfeeding"),
    Question("can i take naltrexone while pregnant", "pregnancy-and-breastfeeding"),
    Question(
        "pregnant and on naltrexone for alcohol will it hurt the baby",
        "pregnancy-and-breastfeeding",
    ),
    Question("can i go back on naltrexone after stopping", "restarting-naltrexone"),
    Question(
        "my son quit his shots last year and wants back on is it the same process as the first time",
        "restarting-naltrexone",
    ),
    Question("restart naltrexone 25mg", "restarting-naltrexone"),
    Question(
        "my wife is exhausted all the time since she started naltrexone and kind of flat, she says shes fine but is this a side efect or something else",
        "side-effects",
    ),
    Question("vivitrol headache how long does it last", "side-effects"),
    Question("does naltrexone make you depressed", "side-effects"),
    Question("dizzy on naltrexone", "side-effects"),
    Question("what happens if i just stop taking naltrexone", "stopping-naltrexone"),
    Question("can i quit naltrexone whenever i want", "stopping-naltrexone"),
    Question("does your tolerance go down while ur on naltrexone", "stopping-naltrexone"),
    Question(
        "stopped my pills 2 weeks ago feel totally fine is that normal", "stopping-naltrexone"
    ),
    Question("monthly naltrexone injection", "tablets-or-injection"),
    Question("pill or shot which is better", "tablets-or-injection"),
    Question(
        "my son wont take pills reliably can he get the vivitrol shot instead and does it work for drinking too",
        "tablets-or-injection",
    ),
    Question("is the shot stronger than the tablets", "tablets-or-injection"),
    Question("wean off naltrexone slowly or just stop", "tapering-naltrexone"),
    Question("should i cut my naltrexone dose in half before quitting", "tapering-naltrexone"),
    Question("is vivitrol the same thing as naltrexone", "what-is-naltrexone"),
    Question("do you need a prescription for naltrexone", "what-is-naltrexone"),
    Question("what happens at first naltrexone appointment", "what-to-expect-at-the-first-visit"),
    Question(
        "will they drug test me before giving naltrexone", "what-to-expect-at-the-first-visit"
    ),
)
