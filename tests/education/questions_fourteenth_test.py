"""The test half (never tuned on) of 150 questions written blind (from the articles' titles and summaries
only) by a fourteenth writer on 2026-12-05; split once by article with seed 20261212
(docs/education-search.md). ``also`` names a second article that answers the question as well."""

from __future__ import annotations

from tests.education.questions import Question

FOURTEENTH_TEST: tuple[Question, ...] = (
    Question("can i just take the pill without seeing a counselor", "counselling-and-therapy"),
    Question(
        "why does my clinic keep pushing therapy when im already on the shot",
        "counselling-and-therapy",
    ),
    Question("cravings came back after stopping naltrexone", "cravings-after-stopping"),
    Question(
        "stopped the shot last month and i cant stop thinking about drinking, can i go back on it",
        "cravings-after-stopping",
        also="restarting-naltrexone",
    ),
    Question("off vivitrol now and the urges are crazy what do i do", "cravings-after-stopping"),
    Question(
        "do i have to stop drinking completely before i start naltrexone or can i still be drinking when i start",
        "drinking-on-naltrexone",
    ),
    Question(
        "why dont i get a buzz anymore when i drink on naltrexone",
        "drinking-on-naltrexone",
        also="how-naltrexone-works",
    ),
    Question(
        "fell off the wagon on naltrexone this weekend, does one night of drinking ruin it",
        "drinking-on-naltrexone",
    ),
    Question(
        "sinclair method take the pill an hour before you drink is that legit",
        "drinking-on-naltrexone",
    ),
    Question("is it dangerous to mix naltrexone and alcohol", "drinking-on-naltrexone"),
    Question("naltrexone how long treatment", "how-long-treatment-lasts"),
    Question("been on it a year now when can i come off", "how-long-treatment-lasts"),
    Question(
        "my husband has been on naltrexone 6 months and his doctor wants him to keep going, is there a normal amount of time people take it",
        "how-long-treatment-lasts",
    ),
    Question("how does naltrexone work", "how-naltrexone-works"),
    Question("if u use dope while on vivatrol do u still feel it", "how-naltrexone-works"),
    Question(
        "my wife drinks way too much and her dr brought up a shot for it, how does that shot even work on alcohol",
        "how-naltrexone-works",
    ),
    Question("opioid receptor blocker meaning", "how-naltrexone-works"),
    Question("is naltrexone covered by insurance", "insurance-and-cost"),
    Question("does medicaid pay for vivitrol", "insurance-and-cost"),
    Question(
        "cant afford the shot, is the pill cheaper",
        "insurance-and-cost",
        also="tablets-or-injection",
    ),
    Question("how much does vivitrol cost", "insurance-and-cost"),
    Question("will i get hooked on revia", "is-naltrexone-addictive"),
    Question("does your body get dependent on naltrexone", "is-naltrexone-addictive"),
    Question("is naltrexone addictive", "is-naltrexone-addictive"),
    Question("my dad has hep c is the vivitrol shot safe for him", "liver-safety"),
    Question("why do they keep taking my blood on naltrexone", "liver-safety"),
    Question("naltrexone liver damage", "liver-safety"),
    Question("is naltrexone bad for your liver", "liver-safety"),
    Question("forgot pill 2 days in a row", "missed-dose"),
    Question(
        "skipped naltrexone for a few days am i at risk of overdosing if i slip", "missed-dose"
    ),
    Question(
        "my wife missed her shot appointment because she had the flu, should she just wait till next month",
        "missed-dose",
    ),
    Question("naltrexone myths", "myths-and-facts"),
    Question(
        "people at my meeting say being on vivitrol isnt real sobriety, is that true",
        "myths-and-facts",
    ),
    Question("ways friends can help someone on naltrexone", "naltrexone-for-family-members"),
    Question(
        "how do i not judge my partner whos in recovery on meds", "naltrexone-for-family-members"
    ),
    Question(
        "my adult son is on naltrexone and lives with us, should we keep narcan in the house and what else should we be doing",
        "naltrexone-for-family-members",
        also="overdose-and-naloxone",
    ),
    Question("how long after opiates can i start naltrexone", "opioid-free-before-starting"),
    Question(
        "coming off methadone and want to get on the shot how long", "opioid-free-before-starting"
    ),
    Question("what is precipitated withdrawal", "opioid-free-before-starting"),
    Question(
        "last week my buddy took a naltrexone pill like 2 days after doing fent and got super sick throwing up sweating everything, why did that happen",
        "opioid-free-before-starting",
    ),
    Question("do i have to tell my other doctors im taking naltrexone", "other-medicines"),
    Question(
        "can i take ibuprofen on naltrexone for my back",
        "other-medicines",
        also="pain-surgery-emergencies",
    ),
    Question("cough syrup with codeine while on naltrexone", "other-medicines"),
    Question("what are you supposed to do if someone ods on opioids", "overdose-and-naloxone"),
    Question("what is narcan and how do you use it", "overdose-and-naloxone"),
    Question("how do you tell if someone is overdosing or just sleeping", "overdose-and-naloxone"),
    Question("do i need to tell my dentist im on naltrexone", "pain-surgery-emergencies"),
    Question("surgery while on vivitrol", "pain-surgery-emergencies"),
    Question(
        "how long before an operation do i have to stop naltrexone", "pain-surgery-emergencies"
    ),
    Question("does naltrexone get into breast milk", "pregnancy-and-breastfeeding"),
    Question("can i breastfeed on naltrexone", "pregnancy-and-breastfeeding"),
    Question(
        "just found out im pregnant and im on vivitrol what do i do", "pregnancy-and-breastfeeding"
    ),
    Question("nursing mom on the shot", "pregnancy-and-breastfeeding"),
    Question("relapsed after quitting vivitrol can i get the shot again", "restarting-naltrexone"),
    Question("second time starting naltrexone", "restarting-naltrexone"),
    Question("do i have to do the naloxone test again if i restart", "restarting-naltrexone"),
    Question("when should i call the doctor about side effects from naltrexone", "side-effects"),
    Question(
        "my girlfriend started naltrexone last month and shes been really moody and down and snapping at everyone, could it be the medicine doing that",
        "side-effects",
    ),
    Question("nausea on naltrexone first week normal?", "side-effects"),
    Question("naltrexone making me anxious and jittery", "side-effects"),
    Question(
        "my son stopped going for his vivitrol shots 2 months ago and i am so scared hes going to use again, is his overdose risk higher now than before",
        "stopping-naltrexone",
    ),
    Question("can i stop naltrexone whenever i want", "stopping-naltrexone"),
    Question("what happens when the vivitrol wears off", "stopping-naltrexone"),
    Question(
        "thinking about quitting the pills bc i feel fine now is that a bad idea",
        "stopping-naltrexone",
        also="how-long-treatment-lasts",
    ),
    Question("daily tablet or monthly jab", "tablets-or-injection"),
    Question("pill vs shot naltrexone which is better", "tablets-or-injection"),
    Question(
        "i always forget my pills would the monthly injection be better for me",
        "tablets-or-injection",
    ),
    Question(
        "my brother keeps skipping his naltrexone pills, can he switch to the shot instead",
        "tablets-or-injection",
    ),
    Question("wean off naltrexone slowly or just stop", "tapering-naltrexone"),
    Question("should i step down from 50mg to 25mg before i stop", "tapering-naltrexone"),
    Question("whats revia used for", "what-is-naltrexone"),
    Question("my doctor mentioned naltrexone what even is that", "what-is-naltrexone"),
    Question("is vivitrol the same thing as naltrexone", "what-is-naltrexone"),
    Question("do they drug test you before vivitrol", "what-to-expect-at-the-first-visit"),
    Question(
        "first appointment for naltrexone what will they ask me",
        "what-to-expect-at-the-first-visit",
    ),
)
