"""The test half (never tuned on) of 150 questions written blind (from the articles' titles and summaries
only) by a nineteenth writer on 2026-12-05; split once by article with seed 20261217
(docs/education-search.md). ``also`` names a second article that answers the question as well."""

from __future__ import annotations

from tests.education.questions import Question

NINETEENTH_TEST: tuple[Question, ...] = (
    Question("naltrexone plus counselling", "counselling-and-therapy"),
    Question("do i need therapy too or is the pill enough", "counselling-and-therapy"),
    Question("tips for cravings after coming off naltrexone", "cravings-after-stopping"),
    Question(
        "cravings came back after stopping naltrexone what do i do", "cravings-after-stopping"
    ),
    Question(
        "my husband stopped his naltrexone and now he keeps talking about wanting a drink, how can we get through this",
        "cravings-after-stopping",
        also="naltrexone-for-family-members",
    ),
    Question("booze + naltrexone ok??", "drinking-on-naltrexone"),
    Question(
        "will naltrexone help me with the shakes when i quit drinking", "drinking-on-naltrexone"
    ),
    Question(
        "does naltrexone make you throw up if you drink like antabuse does",
        "drinking-on-naltrexone",
        also="myths-and-facts",
    ),
    Question(
        "fell off the wagon while on naltrexone will it make me sick", "drinking-on-naltrexone"
    ),
    Question("can i have a beer on naltrexone", "drinking-on-naltrexone"),
    Question("how long do i have to stay on naltrexone", "how-long-treatment-lasts"),
    Question("how many months of vivitrol do people usually get", "how-long-treatment-lasts"),
    Question("length of naltrexone treatment", "how-long-treatment-lasts"),
    Question("naltrexone mechanism", "how-naltrexone-works"),
    Question("what does naltrexone do to opioid receptors", "how-naltrexone-works"),
    Question("my wife drinks way too much, how does the shot work exactly", "how-naltrexone-works"),
    Question("how does naltrexone actually work in the brain", "how-naltrexone-works"),
    Question(
        "my insurance denied the injection what are my options, can the pharmacy or clinic help with cost",
        "insurance-and-cost",
    ),
    Question("how much does vivitrol cost", "insurance-and-cost"),
    Question("does medicaid cover naltrexone", "insurance-and-cost"),
    Question("what should i ask my insurance before starting naltrexone", "insurance-and-cost"),
    Question("is naltrexone addictive", "is-naltrexone-addictive"),
    Question("is naltrexone an opioid", "is-naltrexone-addictive"),
    Question(
        "my mom thinks im trading one addiction for another by taking revia is she right",
        "is-naltrexone-addictive",
    ),
    Question(
        "read online that naltrexone wrecks your liver, true?",
        "liver-safety",
        also="myths-and-facts",
    ),
    Question("how often do you need liver blood work on vivitrol", "liver-safety"),
    Question("is naltrexone bad for your liver", "liver-safety"),
    Question("why do they keep taking my blood for liver tests on naltrexone", "liver-safety"),
    Question("skipped a few days of naltrexone is the blocker still working", "missed-dose"),
    Question("late for shot", "missed-dose"),
    Question(
        "my daughter missed her injection appointment and wont reschedule, how risky is that",
        "missed-dose",
    ),
    Question("common misconceptions about naltrexone", "myths-and-facts"),
    Question(
        "people say vivitrol is just a quick fix, what's true and what isnt", "myths-and-facts"
    ),
    Question("how can i help my son on naltrexone", "naltrexone-for-family-members"),
    Question(
        "my dad is 60 and just started naltrexone for drinking, me and my sister want to help but dont know what the med does or how to be there for him",
        "naltrexone-for-family-members",
    ),
    Question("what should parents know about vivitrol", "naltrexone-for-family-members"),
    Question("how long after methadone can you take naltrexone", "opioid-free-before-starting"),
    Question("can i start vivitrol the day after my last fent", "opioid-free-before-starting"),
    Question(
        "took naltrexone while still having oxys in my system and got really sick, why",
        "opioid-free-before-starting",
    ),
    Question("opioid free before starting", "opioid-free-before-starting"),
    Question("can you be on suboxone and naltrexone at the same time", "other-medicines"),
    Question("drug interactions naltrexone", "other-medicines"),
    Question("will imodium or tramadol work while on naltrexone", "other-medicines"),
    Question("how do i use narcan", "overdose-and-naloxone"),
    Question("signs of an opioid overdose", "overdose-and-naloxone"),
    Question("pinpoint pupils slow breathing what does it mean", "overdose-and-naloxone"),
    Question(
        "i need my wisdom teeth out and im on naltrexone what will they give me for pain",
        "pain-surgery-emergencies",
    ),
    Question("pain relief options when opioids are blocked", "pain-surgery-emergencies"),
    Question(
        "my mom is on the shot and has knee replacement scheduled in two months what should we tell the surgeon",
        "pain-surgery-emergencies",
    ),
    Question("nursing mom naltrexone", "pregnancy-and-breastfeeding"),
    Question("trying to get pregnant should i stay on my revia", "pregnancy-and-breastfeeding"),
    Question("can i take naltrexone wile pregant", "pregnancy-and-breastfeeding"),
    Question(
        "just found out im pregnant and im on vivitrol what now", "pregnancy-and-breastfeeding"
    ),
    Question(
        "do i need to do the 7 day wait again if i restart naltrexone",
        "restarting-naltrexone",
        also="opioid-free-before-starting",
    ),
    Question(
        "stopped revia a few months ago, drinking again, is it ok to just start the pills back up",
        "restarting-naltrexone",
    ),
    Question("can i go back on naltrexone after stopping", "restarting-naltrexone"),
    Question("anxious jittery on naltrexone", "side-effects"),
    Question(
        "my girlfriend gets dizzy and super tired on her naltrexone should she worry",
        "side-effects",
    ),
    Question(
        "been on revia 4 days and feel sick to my stomach all the time is that normal",
        "side-effects",
    ),
    Question("nausia from naltrexone how long does it last", "side-effects"),
    Question(
        "thinking of coming off naltrexone next week because i feel fine, any risks",
        "stopping-naltrexone",
    ),
    Question(
        "does the block go away right away when you stop the pills or does it last",
        "stopping-naltrexone",
    ),
    Question("stopping naltrexone suddenly", "stopping-naltrexone"),
    Question("quit my naltrexone cold turkey will i get withdrawals", "stopping-naltrexone"),
    Question("is the injection stronger than taking it by mouth every day", "tablets-or-injection"),
    Question(
        "been on the wagon 3 weeks, is the monthly shot for drinking a thing",
        "tablets-or-injection",
    ),
    Question(
        "my brother is getting out of rehab and they asked if he wants daily tablets or the injection, how do we choose",
        "tablets-or-injection",
    ),
    Question("can the shot be used for alcohol or only opioids", "tablets-or-injection"),
    Question("do you need to taper naltrexone", "tapering-naltrexone"),
    Question("can i go from 50 to 25 mg before stopping", "tapering-naltrexone"),
    Question("naltrexone what is it for", "what-is-naltrexone"),
    Question(
        "my brother got prescribed something called naltrexone after detox, what even is that",
        "what-is-naltrexone",
    ),
    Question("do you need a prescription for naltrexone", "what-is-naltrexone"),
    Question(
        "do they do bloodwork at the intake for naltrexone", "what-to-expect-at-the-first-visit"
    ),
    Question(
        "what happens at the first naltrexone appointment", "what-to-expect-at-the-first-visit"
    ),
)
