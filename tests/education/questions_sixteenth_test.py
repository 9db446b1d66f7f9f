"""The test half of 150 questions written blind (from the articles' titles and summaries
only) by a sixteenth writer on 2026-12-05; split once by article with seed 20261214
(docs/education-search.md), never tuned on. ``also`` names a second article that answers
the question as well."""

from __future__ import annotations

from tests.education.questions import Question

SIXTEENTH_TEST: tuple[Question, ...] = (
    Question("is therapy necessary if im on vivitrol", "counselling-and-therapy"),
    Question("do i have to do counseling with naltrexone", "counselling-and-therapy"),
    Question("coping skills for cravings once naltrexone ends", "cravings-after-stopping"),
    Question(
        "my wife stopped naltrexone and now she wants a drink all the time what can she do",
        "cravings-after-stopping",
    ),
    Question("cravings came back after stopping vivitrol", "cravings-after-stopping"),
    Question("is one glass of wine with dinner ok when your on the shot", "drinking-on-naltrexone"),
    Question(
        "ok so ive been on the 50mg pill about two weeks and went to my cousins wedding saturday and had some wine, honestly didnt really feel a buzz at all. is that the pill and is it ok to keep having a couple",
        "drinking-on-naltrexone",
    ),
    Question("can u drink on naltrexone", "drinking-on-naltrexone"),
    Question("does naltrexone stop you from getting drunk", "drinking-on-naltrexone"),
    Question(
        "my husband takes revia and still drinks every night is that dangerous or is it just not working",
        "drinking-on-naltrexone",
    ),
    Question("is naltrexone for life", "how-long-treatment-lasts"),
    Question("how many months of naltrexone do most people need", "how-long-treatment-lasts"),
    Question("do i have to take this stuff forever", "how-long-treatment-lasts"),
    Question("does naltrexone block fentanyl", "how-naltrexone-works"),
    Question("how does naltrexone work", "how-naltrexone-works"),
    Question("what does it mean when they say it blocks opioid receptors", "how-naltrexone-works"),
    Question(
        "my husband drinks, how does the shot actually work on the brain", "how-naltrexone-works"
    ),
    Question("cant afford the shot any cheaper options", "insurance-and-cost"),
    Question("how much does vivitrol cost", "insurance-and-cost"),
    Question(
        "my son lost his job and his insurance with it, how do we keep paying for his naltrexone",
        "insurance-and-cost",
    ),
    Question("prior authorization vivitrol what do i ask", "insurance-and-cost"),
    Question(
        "isnt naltrexone just trading one drug for another",
        "is-naltrexone-addictive",
        also="myths-and-facts",
    ),
    Question("can you get high off naltrexone", "is-naltrexone-addictive"),
    Question("liver tests on vivitrol how often", "liver-safety"),
    Question("i have hep c can i still take naltrexone", "liver-safety"),
    Question(
        "my dad drank for 30 years and his liver numbers are high, his doctor wants him on naltrexone but wont that make it worse",
        "liver-safety",
    ),
    Question("fatty liver and naltrexone safe?", "liver-safety"),
    Question("what to do if you miss a dose of naltrexone", "missed-dose"),
    Question("missed 2 days of revia can i double up", "missed-dose"),
    Question("missed my vivitrol shot by a week what now", "missed-dose"),
    Question("things people get wrong about vivitrol", "myths-and-facts"),
    Question("true or false naltrexone is only for people who already quit", "myths-and-facts"),
    Question("how can i support my husband on naltrexone", "naltrexone-for-family-members"),
    Question(
        "boyfriend on revia for drinking how do i help without nagging him",
        "naltrexone-for-family-members",
    ),
    Question(
        "ways to help a friend in recovery whos taking naltrexone", "naltrexone-for-family-members"
    ),
    Question("how long after oxy can i start naltrexone", "opioid-free-before-starting"),
    Question("started vivitrol too soon after using what happens", "opioid-free-before-starting"),
    Question("what is precipitated withdrawal", "opioid-free-before-starting"),
    Question(
        "my boyfriend used fent 3 days ago and has his vivitrol appointment tomorrow, should he tell them or just go",
        "opioid-free-before-starting",
    ),
    Question("drug interactions naltrexone", "other-medicines"),
    Question("is it ok to take allergy meds and sleeping pills with naltrexone", "other-medicines"),
    Question("can you take suboxone and naltrexone together", "other-medicines"),
    Question("what should you do if someone overdoses on opioids", "overdose-and-naloxone"),
    Question("pinpoint pupils slow breathing is that an overdose", "overdose-and-naloxone"),
    Question("narcan how to use", "overdose-and-naloxone"),
    Question(
        "broke my wrist while on the shot and the pain meds at the er did nothing",
        "pain-surgery-emergencies",
    ),
    Question("do i need a wallet card for naltrexone", "pain-surgery-emergencies"),
    Question(
        "can i take ibuprofen for a bad headache on naltrexone",
        "pain-surgery-emergencies",
        also="other-medicines",
    ),
    Question(
        "my mom is having a knee replacement next month and takes naltrexone for drinking, when does she have to stop it",
        "pain-surgery-emergencies",
    ),
    Question(
        "my daughter is 5 months pregnant and wants the shot for heroin, is that ok for the baby",
        "pregnancy-and-breastfeeding",
    ),
    Question("does naltrexone get into breast milk", "pregnancy-and-breastfeeding"),
    Question("trying to get pregnant while taking revia is it safe", "pregnancy-and-breastfeeding"),
    Question(
        "naloxone challenge before going back on naltrexone what is it", "restarting-naltrexone"
    ),
    Question("can i go back on naltrexone after relapsing", "restarting-naltrexone"),
    Question(
        "do i have to do the whole opioid free wait again if i restart", "restarting-naltrexone"
    ),
    Question("headaches from vivitrol shot", "side-effects"),
    Question("dizzy and anxious on naltrexone when should i call the doctor", "side-effects"),
    Question("does naltrexone make you depressed", "side-effects"),
    Question(
        "my wife has been so tired and moody since she started naltrexone, could that be the med",
        "side-effects",
    ),
    Question("naltrexone side effects", "side-effects"),
    Question(
        "stopped revia last week and feel fine do i need to worry about anything",
        "stopping-naltrexone",
    ),
    Question(
        "my son stopped his shots 2 months ago and im scared hell use again, is it more dangerous for him now than before",
        "stopping-naltrexone",
    ),
    Question("can i stop naltrexone whenever i want", "stopping-naltrexone"),
    Question(
        "im pretty much done with naltrexone i think what happens once it wears off",
        "stopping-naltrexone",
    ),
    Question("whats the difference between revia and vivitrol", "tablets-or-injection"),
    Question("does the injection work as good as oral naltrexone", "tablets-or-injection"),
    Question("i keep forgetting my pills would the injection be easier", "tablets-or-injection"),
    Question(
        "my brother is terrible at taking pills, can he get the shot instead for his opioid problem",
        "tablets-or-injection",
    ),
    Question(
        "my doc said i can just stop the pills no step down, is that right", "tapering-naltrexone"
    ),
    Question("should i go from 50 to 25mg before i stop revia", "tapering-naltrexone"),
    Question("what is naltrexone", "what-is-naltrexone"),
    Question("what is vivitrol used for", "what-is-naltrexone"),
    Question("naltrexone uses", "what-is-naltrexone"),
    Question(
        "what to bring to my first appointment for naltrexone", "what-to-expect-at-the-first-visit"
    ),
    Question(
        "what happens at the first naltrexone appointment", "what-to-expect-at-the-first-visit"
    ),
)
