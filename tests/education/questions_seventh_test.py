"""The test half (never tuned on) of 150 questions written blind (from the articles' titles and
summaries only) by a seventh writer on 2026-12-05; split once by article with seed 20261205
(docs/education-search.md). ``also`` names a second article that answers the question as well."""

from __future__ import annotations

from tests.education.questions import Question

SEVENTH_TEST: tuple[Question, ...] = (
    Question("naltrexone plus counselling better", "counselling-and-therapy"),
    Question("do i have to do counseling to get naltrexone", "counselling-and-therapy"),
    Question("coping with cravings when the shot wears off", "cravings-after-stopping"),
    Question("cravings came back after stopping naltrexone", "cravings-after-stopping"),
    Question("who do i call when cravings get bad after naltrexone", "cravings-after-stopping"),
    Question(
        "i get real bad shakes when i stop drinkin will naltrexone help with the withdrawl",
        "drinking-on-naltrexone",
    ),
    Question(
        "does naltrexone make you throw up if you drink like antabuse does",
        "drinking-on-naltrexone",
    ),
    Question("had a few beers on vivitrol by accident am i ok", "drinking-on-naltrexone"),
    Question(
        "my husband started revia last week and still had wine with dinner last night, is that dangerous or will the pills just not work now",
        "drinking-on-naltrexone",
    ),
    Question("drinking on the shot", "drinking-on-naltrexone"),
    Question("naltrexone how long treatment", "how-long-treatment-lasts"),
    Question(
        "my mom has been on the shot for 2 years now is that too long", "how-long-treatment-lasts"
    ),
    Question("who decides when youre done with naltrexone", "how-long-treatment-lasts"),
    Question(
        "been on revia a year and feeling good, when can i come off it", "how-long-treatment-lasts"
    ),
    Question("what does opioid antagonist mean in plain english", "how-naltrexone-works"),
    Question("how does naltrexone stop cravings", "how-naltrexone-works"),
    Question("what does naltrexone actually do in your brain", "how-naltrexone-works"),
    Question(
        "why does alcohol feel so blah since i started naltrexone",
        "how-naltrexone-works",
        also="drinking-on-naltrexone",
    ),
    Question("how much does vivitrol cost", "insurance-and-cost"),
    Question("my insurance denied the shot what now", "insurance-and-cost"),
    Question("is the pill cheaper than the injection", "insurance-and-cost"),
    Question("cant afford vivitrol any help", "insurance-and-cost"),
    Question("will my body get hooked on the pills", "is-naltrexone-addictive"),
    Question("can you get addicted to naltrexone", "is-naltrexone-addictive"),
    Question("is naltrexone safe with fatty liver", "liver-safety"),
    Question("does naltrexone hurt your liver", "liver-safety"),
    Question("i have hep c can i take naltrexone", "liver-safety"),
    Question(
        "my dad has cirrhosis from years of drinking and his doctor wants him on naltrexone, my sister read it wrecks your liver, is it safe for him",
        "liver-safety",
    ),
    Question("missed naltrexone dose what to do", "missed-dose"),
    Question("forgot my pill this morning can i take it tonight", "missed-dose"),
    Question("missed my vivitrol shot by a week what do i do", "missed-dose"),
    Question("forgot to take my naltrexone yesterday", "missed-dose"),
    Question(
        "my sister says vivitrol is a scam and everyone relapses anyway whats true and whats not",
        "myths-and-facts",
    ),
    Question("naltrexone myths", "myths-and-facts"),
    Question(
        "should i keep narcan in the house if my daughter is on naltrexone",
        "naltrexone-for-family-members",
        also="overdose-and-naloxone",
    ),
    Question("how to help a friend on naltrexone without nagging", "naltrexone-for-family-members"),
    Question(
        "took naltrexone 2 days after doing dope and got soooo sick sweating puking why",
        "opioid-free-before-starting",
    ),
    Question(
        "what happens if you take naltrexone with opiates still in your system",
        "opioid-free-before-starting",
    ),
    Question("precipitated withdrawal naltrexone", "opioid-free-before-starting"),
    Question("can i start revia while im still detoxing off percs", "opioid-free-before-starting"),
    Question(
        "my daughter used fentanyl 3 days ago and the clinic wont give her the shot yet, she is so frustrated, why do they make her wait when she wants to get clean now",
        "opioid-free-before-starting",
    ),
    Question(
        "my psychiatrist has me on an antidepressant and now the clinic wants to start vivitrol do they mix",
        "other-medicines",
    ),
    Question("is it ok to take cough syrup with codeine on revia", "other-medicines"),
    Question("naltrexone and suboxone together", "other-medicines"),
    Question("how do you know if someone is overdosing on opiates", "overdose-and-naloxone"),
    Question("how to use narcan nasal spray", "overdose-and-naloxone"),
    Question("signs of opioid overdose", "overdose-and-naloxone"),
    Question(
        "do i need a wallet card or medical alert thing for naltrexone", "pain-surgery-emergencies"
    ),
    Question("will pain meds work on naltrexone", "pain-surgery-emergencies"),
    Question(
        "i need my wisdom teeth out and im on vivitrol what do i tell the dentist",
        "pain-surgery-emergencies",
    ),
    Question("how do they treat pain in the er if youre on vivitrol", "pain-surgery-emergencies"),
    Question(
        "me and my partner are trying for a baby and im on the shot, is that a problem",
        "pregnancy-and-breastfeeding",
    ),
    Question("is revia ok when nursing", "pregnancy-and-breastfeeding"),
    Question(
        "just found out im pregnant and im on vivitrol should i stop", "pregnancy-and-breastfeeding"
    ),
    Question("does naltrexone get into breast milk", "pregnancy-and-breastfeeding"),
    Question(
        "stopped my pills a month ago and used a couple times, do i have to wait again before i restart",
        "restarting-naltrexone",
        also="opioid-free-before-starting",
    ),
    Question("relapsed after quitting vivitrol can i get the shot again", "restarting-naltrexone"),
    Question("feel nauseous every morning since starting naltrexone normal?", "side-effects"),
    Question("when should i call the doctor about naltrexone side effects", "side-effects"),
    Question(
        "ive been so anxious and jittery since starting revia is that the med", "side-effects"
    ),
    Question("naltrexzone mood swings", "side-effects"),
    Question("naltrexone side effects", "side-effects"),
    Question("overdose risk after stopping vivitrol", "stopping-naltrexone"),
    Question("quit naltrexone cold turkey withdrawal", "stopping-naltrexone"),
    Question("what if i stop the shot and go back to heroin", "stopping-naltrexone"),
    Question(
        "my boyfriend stopped getting his shots and i think he wants to use again, is it more dangerous for him now than before",
        "stopping-naltrexone",
    ),
    Question("thinking of switching from revia tablets to the shot", "tablets-or-injection"),
    Question(
        "i keep forgetting my pills would the monthly injection be better for me",
        "tablets-or-injection",
    ),
    Question(
        "does vivitrol work for alcohol or only opioids",
        "tablets-or-injection",
        also="what-is-naltrexone",
    ),
    Question("vivitrol vs oral naltrexone", "tablets-or-injection"),
    Question("step down off revia", "tapering-naltrexone"),
    Question("do you need to taper naltrexone", "tapering-naltrexone"),
    Question("naltrexone what is it for", "what-is-naltrexone"),
    Question("doc mentioned naltrexone for my drinking never heard of it", "what-is-naltrexone"),
    Question("whats revia", "what-is-naltrexone"),
    Question("first vivitrol appt what to expect", "what-to-expect-at-the-first-visit"),
    Question(
        "what tests do they do before you start naltrexone", "what-to-expect-at-the-first-visit"
    ),
)
