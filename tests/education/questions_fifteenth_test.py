"""The test half (never tuned on) of 150 questions written blind (from the articles' titles
and summaries only) by a fifteenth writer on 2026-12-05; split once by article with seed
20261213 (docs/education-search.md). ``also`` names a second article that answers the
question as well."""

from __future__ import annotations

from tests.education.questions import Question

FIFTEENTH_TEST: tuple[Question, ...] = (
    Question("is the pill enough or do i need therapy too", "counselling-and-therapy"),
    Question(
        "why does my clinic keep pushing me to go to groups when im taking the medicine",
        "counselling-and-therapy",
    ),
    Question("how to deal with cravings without naltrexone", "cravings-after-stopping"),
    Question(
        "finished my naltrexone a month ago and now im scared ill slip, how do i cope",
        "cravings-after-stopping",
    ),
    Question("coping skills for cravings after coming off the shot", "cravings-after-stopping"),
    Question(
        "do i have to be totally dry before i start the tablets or can i just cut back on them",
        "drinking-on-naltrexone",
    ),
    Question(
        "my wife is on vivitrol and she still has wine every night, is that dangerous or is the shot just not working on her",
        "drinking-on-naltrexone",
    ),
    Question("can u drink on naltrexone", "drinking-on-naltrexone"),
    Question(
        "had a few beers last nite by accident forgot i took my pill this morning am i gonna be ok",
        "drinking-on-naltrexone",
    ),
    Question("beer on naltrexon", "drinking-on-naltrexone"),
    Question("how many months should you stay on vivitrol", "how-long-treatment-lasts"),
    Question(
        "my wife has been on the shot 18 months and doing great, does she need to keep going forever or is there an end date",
        "how-long-treatment-lasts",
    ),
    Question("how long do i have to be on naltrexone", "how-long-treatment-lasts"),
    Question("how does naltrexone actually work in your brain", "how-naltrexone-works"),
    Question("how can a pill take away the buzz from booze", "how-naltrexone-works"),
    Question(
        "my husband drinks way too much and the doc mentioned a shot, how does that shot even work",
        "how-naltrexone-works",
    ),
    Question(
        "why does drinking feel kinda pointless since i started naltrexone", "how-naltrexone-works"
    ),
    Question("cant afford my vivitrol copay anymore what can i do", "insurance-and-cost"),
    Question("does medicaid cover naltrexone", "insurance-and-cost"),
    Question("how much is vivitrol without insurance", "insurance-and-cost"),
    Question("can you get high off naltrexone", "is-naltrexone-addictive"),
    Question(
        "my aunt says vivitrol is just trading one drug for another and ill get hooked on it",
        "is-naltrexone-addictive",
    ),
    Question(
        "ive been a heavy drinker for 20 years will the vivatrol shot hurt my liver on top of that",
        "liver-safety",
    ),
    Question("is naltrexone bad for your liver", "liver-safety"),
    Question("my husband has hep c and he drinks, is naltrexone safe for him", "liver-safety"),
    Question("elevated liver enzymes naltrexone", "liver-safety"),
    Question("missed dose naltrexone", "missed-dose"),
    Question("skipped a couple days of revia is that bad", "missed-dose"),
    Question(
        "my son missed his shot appointment and im terrified hes going to use, is he at risk right now",
        "missed-dose",
    ),
    Question("is it true naltrexone means you can never feel pleasure again", "myths-and-facts"),
    Question("naltrexone myths", "myths-and-facts"),
    Question(
        "should we keep narcan in the house if someone in the family is on naltrexone",
        "naltrexone-for-family-members",
    ),
    Question("how can i support my husband on naltrexone", "naltrexone-for-family-members"),
    Question("can i take naltrexone if i used oxys 2 days ago", "opioid-free-before-starting"),
    Question(
        "heard the naltrexone can throw you into instant withdrawl is that true",
        "opioid-free-before-starting",
    ),
    Question(
        "what happens if u take naltrexone with opioids still in ur system",
        "opioid-free-before-starting",
    ),
    Question(
        "my son got out of detox last week and they want him on vivitrol but say he has to wait longer first, why are they making him wait so long im scared he relapses before he even gets it",
        "opioid-free-before-starting",
    ),
    Question("what is precipitated withdrawal", "opioid-free-before-starting"),
    Question("naltrexone and tramadol", "other-medicines"),
    Question("is it ok to take advil with naltrexone", "other-medicines"),
    Question("will codeine cough syrup work if im on naltrexone", "other-medicines"),
    Question("how do you use narcan", "overdose-and-naloxone"),
    Question(
        "how can you tell if someone is just nodding out or actually od ing",
        "overdose-and-naloxone",
    ),
    Question("do you give rescue breaths or just the narcan and call 911", "overdose-and-naloxone"),
    Question("naltrexone wallet card", "pain-surgery-emergencies"),
    Question(
        "broke my wrist and im on naltrexone what painkillers can i even have",
        "pain-surgery-emergencies",
    ),
    Question(
        "if i get in a bad car wreck and they give me morphine will it work with the naltrexone in me",
        "pain-surgery-emergencies",
    ),
    Question(
        "my mom is on naltrexone and needs a knee replacement, when should she stop it before the operation",
        "pain-surgery-emergencies",
    ),
    Question("does naltrexone get into breast milk", "pregnancy-and-breastfeeding"),
    Question("we are trying for a baby and im on naltrexone", "pregnancy-and-breastfeeding"),
    Question("can i take naltrexone while pregnant", "pregnancy-and-breastfeeding"),
    Question("what is a naloxone challenge", "restarting-naltrexone"),
    Question("can i go back on naltrexone after stopping", "restarting-naltrexone"),
    Question(
        "stopped vivitrol 3 months ago and relapsed, can i start again", "restarting-naltrexone"
    ),
    Question("naltrexone side effects", "side-effects"),
    Question("my butt is swollen and hot where i got the vivitrol shot", "side-effects"),
    Question("does naltrexone make you tired all the time", "side-effects"),
    Question("does naltrexone make you feel flat like nothing is fun anymore", "side-effects"),
    Question("headache every day on revia normal", "side-effects"),
    Question("what happens if i just stop taking naltrexone", "stopping-naltrexone"),
    Question("quit naltrexone last week what should i watch out for", "stopping-naltrexone"),
    Question("can i stop naltrexone whenever i want or is that bad", "stopping-naltrexone"),
    Question(
        "stopped my revia a few days ago and the cravings are back already is that from stopping",
        "stopping-naltrexone",
        also="cravings-after-stopping",
    ),
    Question("difference between revia and vivitrol", "tablets-or-injection"),
    Question(
        "does the vivitrol shot work for alcohol or only opioids",
        "tablets-or-injection",
        also="what-is-naltrexone",
    ),
    Question("naltrexone injection or oral", "tablets-or-injection"),
    Question("is the monthly shot better then taking a pill every day", "tablets-or-injection"),
    Question("naltrexone wean off schedule", "tapering-naltrexone"),
    Question("should i cut my naltrexone down slowly before i stop", "tapering-naltrexone"),
    Question("naltrexone what is it for", "what-is-naltrexone"),
    Question("what is naltrexone", "what-is-naltrexone"),
    Question("what is vivitrol used for", "what-is-naltrexone"),
    Question(
        "do they drug test you before they give you naltrexone", "what-to-expect-at-the-first-visit"
    ),
    Question(
        "what happens at the first naltrexone appointment", "what-to-expect-at-the-first-visit"
    ),
)
