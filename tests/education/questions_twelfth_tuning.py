"""The tuning half of 150 questions written blind
(from the articles' titles and summaries only) by a twelfth writer on 2026-12-05; split once by
article with seed 20261210 (docs/education-search.md). ``also`` names a second article that
answers the question as well.
"""

from __future__ import annotations

from tests.education.questions import Question

TWELFTH_TUNING: tuple[Question, ...] = (
    Question("do i need counseling with naltrexone", "counselling-and-therapy"),
    Question(
        "why does my clinic want me in group if im already on the shot", "counselling-and-therapy"
    ),
    Question(
        "cravings came back after stopping naltrexone what do i do", "cravings-after-stopping"
    ),
    Question("tips for cravings after finishing vivitrol", "cravings-after-stopping"),
    Question(
        "my husband takes naltrexone and still drinks every night so is it even working",
        "drinking-on-naltrexone",
        also="how-naltrexone-works",
    ),
    Question("can u drink on naltrexone", "drinking-on-naltrexone"),
    Question("drinking while on the vivitrol shot", "drinking-on-naltrexone"),
    Question(
        "sinclair method where you drink on purpose with the pill, does that actually work",
        "drinking-on-naltrexone",
    ),
    Question("still getting buzzed on naltrexon why", "drinking-on-naltrexone"),
    Question("is naltrexone for life", "how-long-treatment-lasts"),
    Question("naltrexone treatment length", "how-long-treatment-lasts"),
    Question(
        "been on revia 6 months and sober the whole time when can i come off",
        "how-long-treatment-lasts",
    ),
    Question(
        "my husband drinks way too much, how does the shot work exactly", "how-naltrexone-works"
    ),
    Question("what does naltrexone do to your brain", "how-naltrexone-works"),
    Question("can you still get high on vivitrol", "how-naltrexone-works"),
    Question("can u push through the block if u take enough percs", "how-naltrexone-works"),
    Question(
        "vivitrol is like a thousand bucks a shot?? how do people afford that without insurance",
        "insurance-and-cost",
    ),
    Question("what should i ask my insurance before starting vivitrol", "insurance-and-cost"),
    Question("does medicaid cover naltrexone", "insurance-and-cost"),
    Question("will my body get hooked on revia", "is-naltrexone-addictive"),
    Question("is naltrexone an opiate", "is-naltrexone-addictive"),
    Question("isnt vivitrol just swapping one drug for another one", "is-naltrexone-addictive"),
    Question(
        "my dad has fatty liver from years of drinking, is revia safe for him", "liver-safety"
    ),
    Question("i have hep c can i still take naltrexone", "liver-safety"),
    Question("how often do you need bloodwork on naltrexone", "liver-safety"),
    Question("naltrexone liver damage black box warning", "liver-safety"),
    Question("10 days late for my vivitrol injection", "missed-dose"),
    Question("forgot my pill twice this week by accident", "missed-dose"),
    Question("missd my vivitrol shot appt ugh now what", "missed-dose"),
    Question("skipped 3 days of pills is the block gone", "missed-dose"),
    Question(
        "heard naltrexone makes it so you can never feel pleasure again true or not",
        "myths-and-facts",
    ),
    Question(
        "my mom keeps saying vivitrol is a crutch and isnt real recovery. is that true or just something people say",
        "myths-and-facts",
    ),
    Question(
        "parent of an addict on vivitrol what do we need to know", "naltrexone-for-family-members"
    ),
    Question(
        "should we keep narcan at home if my brother is on naltrexone",
        "naltrexone-for-family-members",
        also="overdose-and-naloxone",
    ),
    Question(
        "my wife has been on revia for 2 months and shes doing better but i never know if i should ask her about drinking or just leave it alone, i dont want to be the bad guy",
        "naltrexone-for-family-members",
    ),
    Question("used fent 3 days ago can i take naltrexone today", "opioid-free-before-starting"),
    Question(
        "took naltrexone too soon after using and got super sick, why",
        "opioid-free-before-starting",
    ),
    Question("do you have to detox first before naltrexone", "opioid-free-before-starting"),
    Question(
        "switching from methadone to naltrexone how long do i wait", "opioid-free-before-starting"
    ),
    Question("cough syrup with codeine on naltrexone", "other-medicines"),
    Question("can i take ibuprofen while on revia", "other-medicines"),
    Question("is it ok to take suboxone and vivitrol together", "other-medicines"),
    Question("how do you use narcan", "overdose-and-naloxone"),
    Question(
        "my brother is on vivitrol and i want to be ready, what does an overdose look like",
        "overdose-and-naloxone",
        also="naltrexone-for-family-members",
    ),
    Question("should i carry a card that says im on naltrexone", "pain-surgery-emergencies"),
    Question(
        "what if i get in a car wreck and need pain meds while on the shot",
        "pain-surgery-emergencies",
    ),
    Question(
        "getting wisdom teeth out and im on vivitrol what pain meds can i have",
        "pain-surgery-emergencies",
    ),
    Question(
        "broke my ankle and the morphine at the er did nothing, i take revia",
        "pain-surgery-emergencies",
    ),
    Question(
        "my girlfriend is 8 weeks pregnant and takes revia for drinking is that bad for the baby",
        "pregnancy-and-breastfeeding",
    ),
    Question(
        "just found out im pregnant and im on the shot what now", "pregnancy-and-breastfeeding"
    ),
    Question("pregnant on naltrexone", "pregnancy-and-breastfeeding"),
    Question(
        "was on revia last year for drinking can i just start taking my old pills again",
        "restarting-naltrexone",
    ),
    Question(
        "relapsed on heroin after my shot wore off, can i get back on vivitrol",
        "restarting-naltrexone",
    ),
    Question("can i go back on naltrexone after stopping", "restarting-naltrexone"),
    Question("is naltrexone making me depressed", "side-effects"),
    Question("cant sleep on naltrexone", "side-effects"),
    Question("nauseous all day since starting naltrexone is that normal", "side-effects"),
    Question("sore hard lump where i got the shot", "side-effects"),
    Question(
        "my son was doing great on the vivitrol shots for like 8 months then he just stopped going, says he doesnt need it anymore. hes been off about 6 weeks. what happens when you stop and is he in danger now",
        "stopping-naltrexone",
    ),
    Question("do you get withdrawals coming off naltrexone", "stopping-naltrexone"),
    Question("side effects from stopping naltrexone suddenly", "stopping-naltrexone"),
    Question("stopped my pills 2 weeks ago and feel fine is that ok", "stopping-naltrexone"),
    Question(
        "if i stop naltrexone will the cravings come back",
        "stopping-naltrexone",
        also="cravings-after-stopping",
    ),
    Question("monthly naltrexone injection", "tablets-or-injection"),
    Question(
        "daily tablet or vivitral for my son who wont take pills reliably", "tablets-or-injection"
    ),
    Question("vivitrol vs oral naltrexone", "tablets-or-injection"),
    Question(
        "i keep forgetting my pills should i switch to the monthly injection",
        "tablets-or-injection",
    ),
    Question("do i need to taper off naltrexone", "tapering-naltrexone"),
    Question("can i cut my pill in half for a while to come off slowly", "tapering-naltrexone"),
    Question("naltrexone vs naloxone same thing??", "what-is-naltrexone"),
    Question("is naltrexone for opioids or alcohol or both", "what-is-naltrexone"),
    Question(
        "what do i bring to my first appointment to start naltrexone",
        "what-to-expect-at-the-first-visit",
    ),
    Question("first vivitrol appointment what to expect", "what-to-expect-at-the-first-visit"),
)
