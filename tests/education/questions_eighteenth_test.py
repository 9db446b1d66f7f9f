"""The test half (never tuned on) of 150 questions written blind (from the articles' titles and summaries
only) by a eighteenth writer on 2026-12-05; split once by article with seed 20261216
(docs/education-search.md). ``also`` names a second article that answers the question as well."""

from __future__ import annotations

from tests.education.questions import Question

EIGHTEENTH_TEST: tuple[Question, ...] = (
    Question(
        "i feel hopeless and lonely in recovery even on the medication, who can i talk to",
        "counselling-and-therapy",
    ),
    Question("do i need counseling if im on naltrexone", "counselling-and-therapy"),
    Question(
        "off revia a month and i want a drink so bad every night what do i do",
        "cravings-after-stopping",
    ),
    Question("how do i deal with urges now that im off vivitrol", "cravings-after-stopping"),
    Question("coping with cravings without the medicine", "cravings-after-stopping"),
    Question(
        "my husband is on the vivitrol shot and still drinking every weekend, is that dangerous or does the shot just not work for him",
        "drinking-on-naltrexone",
    ),
    Question("fell off the wagon while on naltrexone what now", "drinking-on-naltrexone"),
    Question("will naltrexone help with the shakes when i quit drinking", "drinking-on-naltrexone"),
    Question(
        "do i have to be sober before i start revia or can i cut down while on it",
        "drinking-on-naltrexone",
    ),
    Question("can i have a beer on naltrexone", "drinking-on-naltrexone"),
    Question("who decides when treatment ends", "how-long-treatment-lasts"),
    Question(
        "been on revia a year now and doing great when do i get to come off it",
        "how-long-treatment-lasts",
    ),
    Question("how long do you stay on naltrexone", "how-long-treatment-lasts"),
    Question("what does it do to your brain", "how-naltrexone-works"),
    Question(
        "my son says he can still get high on the vivitrol shot if he uses enough is that true",
        "how-naltrexone-works",
        also="myths-and-facts",
    ),
    Question("does it block heroin and fent both", "how-naltrexone-works"),
    Question(
        "so it doesnt stop me wanting to drink it just makes it less fun? how",
        "how-naltrexone-works",
        also="drinking-on-naltrexone",
    ),
    Question("if i take percs on naltrexone will i feel anything", "how-naltrexone-works"),
    Question("what should i ask my insurance before starting naltrexone", "insurance-and-cost"),
    Question("does medicaid cover naltrexone", "insurance-and-cost"),
    Question("insurance denied my vivitrol what do i do", "insurance-and-cost"),
    Question("how much does vivitrol cost without insurance", "insurance-and-cost"),
    Question("can you get high off naltrexone", "is-naltrexone-addictive"),
    Question("is naltrexone addictive", "is-naltrexone-addictive"),
    Question("i have hep c can i still take naltrexone", "liver-safety"),
    Question(
        "black box warning liver naltrexone still true?", "liver-safety", also="myths-and-facts"
    ),
    Question("is naltrexone bad for ur liver", "liver-safety"),
    Question(
        "my dad has fatty liver from years of drinking and his doctor wants him on naltrexone, wont that make it worse",
        "liver-safety",
    ),
    Question(
        "my partner keeps skipping his naltrexone on weekends so he can party, what does that mean for him",
        "missed-dose",
    ),
    Question("forgot to take my naltrexone yesterday", "missed-dose"),
    Question("late for injection overdose risk?", "missed-dose", also="stopping-naltrexone"),
    Question("should i take 2 pills if i missed one", "missed-dose"),
    Question("naltrexone myths", "myths-and-facts"),
    Question(
        "heard on reddit naltrexone kills all pleasure forever, true or just people talking",
        "myths-and-facts",
    ),
    Question("family role in naltrexone treatment", "naltrexone-for-family-members"),
    Question(
        "my best friend just started the shot and i want to be there for her but dont know anything about it",
        "naltrexone-for-family-members",
    ),
    Question(
        "how long after using do i have to wait to start naltrexone", "opioid-free-before-starting"
    ),
    Question(
        "took naltrexone too soon after heroin and got really sick", "opioid-free-before-starting"
    ),
    Question(
        "my brother was on methadone for years how long before he can start naltrexone",
        "opioid-free-before-starting",
    ),
    Question("i used oxy 3 days ago can i get the shot today", "opioid-free-before-starting"),
    Question(
        "do i need to tell my other doctors im on naltrexone",
        "other-medicines",
        also="pain-surgery-emergencies",
    ),
    Question("is it ok with my antidepressants", "other-medicines"),
    Question(
        "my grandma takes like 10 pills a day, blood pressure and all that, can she add naltrexone or does it mess with them",
        "other-medicines",
    ),
    Question("pinpoint pupils blue lips not waking up what is that", "overdose-and-naloxone"),
    Question("how do u use narcan", "overdose-and-naloxone"),
    Question("what to do if someone od's on fentanyl", "overdose-and-naloxone"),
    Question("going to the er on naltrexone", "pain-surgery-emergencies"),
    Question(
        "my mom is on the shot and has knee replacement coming up in march, who do we tell and when",
        "pain-surgery-emergencies",
    ),
    Question("tell dentist about naltrexone?", "pain-surgery-emergencies"),
    Question("surgery while on vivitrol", "pain-surgery-emergencies"),
    Question("nursing mom naltrexone", "pregnancy-and-breastfeeding"),
    Question("does naltrexone go into breast milk", "pregnancy-and-breastfeeding"),
    Question(
        "my girlfriend is on revia and we are trying for a baby is that ok",
        "pregnancy-and-breastfeeding",
    ),
    Question("naloxone challenge before restarting what is it", "restarting-naltrexone"),
    Question(
        "relapsed after quitting the shot, can i start vivitrol again", "restarting-naltrexone"
    ),
    Question(
        "ive been so tired and foggy since starting naltrexone does that go away", "side-effects"
    ),
    Question("when should i call the doctor about naltrexone side effects", "side-effects"),
    Question("naltrexone side effects", "side-effects"),
    Question("feel nauseous every morning since starting revia", "side-effects"),
    Question("cant sleep on naltrexon insomnia", "side-effects"),
    Question(
        "quit revia cold turkey will i get withdrawals",
        "stopping-naltrexone",
        also="tapering-naltrexone",
    ),
    Question("stopping naltrexone side effects", "stopping-naltrexone"),
    Question(
        "my daughter stopped going for her vivitrol shots and her tolerance must be gone right, how worried should i be",
        "stopping-naltrexone",
    ),
    Question(
        "i stopped my pills 2 weeks ago and want to use once, is it more dangerous now",
        "stopping-naltrexone",
    ),
    Question(
        "does vivitrol work for alcohol too or just opiates",
        "tablets-or-injection",
        also="what-is-naltrexone",
    ),
    Question("how often do you get the naltrexone injection", "tablets-or-injection"),
    Question("is the shot stronger than the tablets", "tablets-or-injection"),
    Question("vivatrol vs oral naltrexone", "tablets-or-injection"),
    Question("do i need to taper naltrexone or can i just stop", "tapering-naltrexone"),
    Question("wean off naltrexone slowly?", "tapering-naltrexone"),
    Question("naltrexone vs naloxone difference", "what-is-naltrexone"),
    Question("is revia the same as naltrexone", "what-is-naltrexone"),
    Question("what is vivitrol used for", "what-is-naltrexone"),
    Question("what to bring to my first naltrexone visit", "what-to-expect-at-the-first-visit"),
    Question("first appointment for naltrexone what happens", "what-to-expect-at-the-first-visit"),
)
