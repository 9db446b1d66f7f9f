"""The test half (never tuned on) of 150 questions written blind (from the articles' titles
and summaries only) by a tenth writer on 2026-12-05; split once by article with seed 20261208
(docs/education-search.md). ``also`` names a second article that answers the question as well."""

from __future__ import annotations

from tests.education.questions import Question

TENTH_TEST: tuple[Question, ...] = (
    Question("is therapy required to get vivitrol", "counselling-and-therapy"),
    Question("what kind of therapy goes with naltrexone", "counselling-and-therapy"),
    Question("plan for urges after finishing naltrexone", "cravings-after-stopping"),
    Question("how do i deal with cravings once im off naltrexone", "cravings-after-stopping"),
    Question(
        "my wife stopped her naltrexone in the spring and now she says the cravings are as bad as ever, how do we get through this",
        "cravings-after-stopping",
    ),
    Question("drank by accident on naltrexone is that bad", "drinking-on-naltrexone"),
    Question(
        "one glass of champagne at my sisters wedding on revia ok or no", "drinking-on-naltrexone"
    ),
    Question("fell off the wagon saturday while on naltrexone, what now", "drinking-on-naltrexone"),
    Question(
        "do I have to be totally sober before naltrexone or can it help me just cut back",
        "drinking-on-naltrexone",
    ),
    Question(
        "does naltrexone make u throw up if you drink like antabuse does", "drinking-on-naltrexone"
    ),
    Question("do i have to take naltrexone forever", "how-long-treatment-lasts"),
    Question(
        "been on the wagon 6 months with naltrexone how much longer do i need it",
        "how-long-treatment-lasts",
    ),
    Question("how long do people stay on naltrexone", "how-long-treatment-lasts"),
    Question("how does a pill make you want to drink less, sounds fake", "how-naltrexone-works"),
    Question(
        "does it block every opioid or just some of them like fentanyl", "how-naltrexone-works"
    ),
    Question("what does naltrexone actually do to your brain", "how-naltrexone-works"),
    Question("if i do dope while im on vivitrol will i even feel it", "how-naltrexone-works"),
    Question("cant afford my naltrexone anymore, help", "insurance-and-cost"),
    Question("insurance denied the prior auth for vivitrol, now what", "insurance-and-cost"),
    Question("naltrexone price without insurance", "insurance-and-cost"),
    Question("how much is vivitril a month", "insurance-and-cost"),
    Question(
        "my mom keeps telling me im trading one addiction for another by taking revia and it really gets to me. is she right",
        "is-naltrexone-addictive",
    ),
    Question("can you get high off naltrexone", "is-naltrexone-addictive"),
    Question("will i get hooked on the shot", "is-naltrexone-addictive"),
    Question("does naltrexone mess up your liver", "liver-safety"),
    Question("i have hep c can i still be on naltrexone", "liver-safety"),
    Question(
        "my liver enzymes came back a little high, is naltrexone still ok for me", "liver-safety"
    ),
    Question("nalterxone liver damage", "liver-safety"),
    Question(
        'My son skipped his shot this month because he was "too busy". Is he at risk now?',
        "missed-dose",
    ),
    Question("missed my vivitrol appointment by a week what happens now", "missed-dose"),
    Question("skipped a couple days of revia, is the block gone", "missed-dose"),
    Question("things people get wrong about naltrexone", "myths-and-facts"),
    Question(
        "is it true naltrexone makes you unable to enjoy anything ever again", "myths-and-facts"
    ),
    Question(
        "my dad just started the pills for his drinking, how do us kids support him",
        "naltrexone-for-family-members",
    ),
    Question("how can i help my husband while hes on naltrexone", "naltrexone-for-family-members"),
    Question("gf on naltrexone how to be supportive", "naltrexone-for-family-members"),
    Question(
        "what happens if you take naltrexone with opiates still in your system",
        "opioid-free-before-starting",
    ),
    Question("how long after opioids can i start naltrexone", "opioid-free-before-starting"),
    Question("precipitated withdrawal naltrexone", "opioid-free-before-starting"),
    Question("coming off suboxone how long till i can get vivitrol", "opioid-free-before-starting"),
    Question("can i take cough syrup with codeine while on naltrexone", "other-medicines"),
    Question("ibuprofen ok with vivitrol?", "other-medicines", also="pain-surgery-emergencies"),
    Question("is it ok to take my antidepressant with naltrexone", "other-medicines"),
    Question("what does narcan do", "overdose-and-naloxone"),
    Question("do you give narcan first or call 911 first", "overdose-and-naloxone"),
    Question(
        "how can you tell if someone is overdosing or just really high", "overdose-and-naloxone"
    ),
    Question(
        "knee replacement scheduled in march, when do i stop my naltrexone before the operation",
        "pain-surgery-emergencies",
    ),
    Question("naltrexone wallet card", "pain-surgery-emergencies"),
    Question(
        "broke my wrist skateboarding, the ER gave me morphine and it did NOTHING, im on the shot. why",
        "pain-surgery-emergencies",
    ),
    Question("can i breastfeed on naltrexone", "pregnancy-and-breastfeeding"),
    Question(
        "my daughter is expecting and she takes naltrexone for her drinking. is the baby going to be ok",
        "pregnancy-and-breastfeeding",
    ),
    Question(
        "we're trying for a baby, should i stay on my revia or come off",
        "pregnancy-and-breastfeeding",
    ),
    Question("stopped revia a few months back, want to get on it again", "restarting-naltrexone"),
    Question(
        "relapsed on opiates after i stopped vivitrol, can i start it again",
        "restarting-naltrexone",
    ),
    Question("naloxone challenge before going back on naltrexone", "restarting-naltrexone"),
    Question("headache every single day on naltrexone 50mg", "side-effects"),
    Question(
        "been really anxious and jittery ever since i started naltrexone, is that the med or me",
        "side-effects",
    ),
    Question(
        "which naltrexone side effects mean i should call the clinic right away", "side-effects"
    ),
    Question("naltrexon side efects", "side-effects"),
    Question("is it dangerous to stop taking naltrexone all of a sudden", "stopping-naltrexone"),
    Question("stopped my revia 5 days ago will i get withdrawls", "stopping-naltrexone"),
    Question("what happens if i stop naltrexone cold turkey", "stopping-naltrexone"),
    Question(
        "feeling great for months now and thinking of coming off naltrexone. what should i watch out for once im off it",
        "stopping-naltrexone",
    ),
    Question(
        "I travel constantly for work and I'm trying to decide between the daily naltrexone tablet and the monthly injection, which makes more sense",
        "tablets-or-injection",
    ),
    Question("vivitrol vs pills which is better", "tablets-or-injection"),
    Question("is the once a month shot better than a pill every day", "tablets-or-injection"),
    Question("can i switch from the tabs to the monthly shot", "tablets-or-injection"),
    Question("do you have to taper naltrexone", "tapering-naltrexone"),
    Question(
        "doc wants me to step down to 25 mg before quitting naltrexone why", "tapering-naltrexone"
    ),
    Question(
        "my sister gets vivitrol for her drinking, does that same shot work for pills too or is that a different med",
        "what-is-naltrexone",
    ),
    Question("revia what is it", "what-is-naltrexone"),
    Question("what is vivitrol used for", "what-is-naltrexone"),
    Question(
        "what tests do they do before you start vivitrol", "what-to-expect-at-the-first-visit"
    ),
    Question(
        "what should i bring to my first naltrexone visit", "what-to-expect-at-the-first-visit"
    ),
)
