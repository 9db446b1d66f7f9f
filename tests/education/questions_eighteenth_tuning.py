"""The tuning half of 150 questions written blind (from the articles' titles and summaries
only) by a eighteenth writer on 2026-12-05; split once by article with seed 20261216
(docs/education-search.md). ``also`` names a second article that answers the question as well."""

from __future__ import annotations

from tests.education.questions import Question

EIGHTEENTH_TUNING: tuple[Question, ...] = (
    Question("do i have to go to AA meetings too or is the pill enough", "counselling-and-therapy"),
    Question("therapy with vivitrol", "counselling-and-therapy"),
    Question("what kind of therapy works best with naltrexone", "counselling-and-therapy"),
    Question("cravings came back after stopping naltrexone", "cravings-after-stopping"),
    Question(
        "my wife quit naltrexone and is white knuckling it, how can i help with the cravings",
        "cravings-after-stopping",
        also="naltrexone-for-family-members",
    ),
    Question(
        "dr said take the pill an hour before drinking instead of stopping completely is that a real thing",
        "drinking-on-naltrexone",
    ),
    Question(
        "drank 3 glasses of wine last night by accident forgot i was on revia am i ok",
        "drinking-on-naltrexone",
    ),
    Question("alcohol on naltrexone", "drinking-on-naltrexone"),
    Question(
        "does naltrexone make u sick if u drink like antabuse",
        "drinking-on-naltrexone",
        also="myths-and-facts",
    ),
    Question("i still get drunk on it so whats the point", "drinking-on-naltrexone"),
    Question(
        "how many months of vivitrol shots do people usually need", "how-long-treatment-lasts"
    ),
    Question("is naltrexone for life", "how-long-treatment-lasts"),
    Question("naltrexone how long treatment", "how-long-treatment-lasts"),
    Question("why does a beer feel like nothing since i started this med", "how-naltrexone-works"),
    Question("receptors blocked meaning", "how-naltrexone-works"),
    Question("how does naltrexone actually work", "how-naltrexone-works"),
    Question(
        "my husband drinks, how does the shot work on the drinking part", "how-naltrexone-works"
    ),
    Question("opioid blocker how it works", "how-naltrexone-works"),
    Question(
        "my son lost his job and cant afford his monthly shot anymore is there any help or a cheaper way",
        "insurance-and-cost",
    ),
    Question("naltrexone price", "insurance-and-cost"),
    Question(
        "is the pill cheaper than the shot", "insurance-and-cost", also="tablets-or-injection"
    ),
    Question(
        "isnt it just trading one drug for another like methadone",
        "is-naltrexone-addictive",
        also="myths-and-facts",
    ),
    Question(
        "my mom thinks naltrexone is a narcotic and wont let me take it, is it an opioid",
        "is-naltrexone-addictive",
    ),
    Question("will i get hooked on revia", "is-naltrexone-addictive"),
    Question("how often do they check your liver on naltrexone", "liver-safety"),
    Question("my liver enzymes were a bit high will they still give me revia", "liver-safety"),
    Question("liver blood test naltrexone why", "liver-safety"),
    Question("missed dose naltrexone", "missed-dose"),
    Question(
        "my shot was due last friday and i couldnt get there, am i still protected", "missed-dose"
    ),
    Question("skipped a few days of my pills is the block gone", "missed-dose"),
    Question("missed my vivitrol appointment by a week what happens", "missed-dose"),
    Question("is it true vivitrol makes you overdose more", "myths-and-facts"),
    Question("how can i support my husband on naltrexone", "naltrexone-for-family-members"),
    Question(
        "parent of someone on naltrexone how to help without nagging",
        "naltrexone-for-family-members",
    ),
    Question(
        "my son is on vivitrol should i keep narcan in the house",
        "naltrexone-for-family-members",
        also="overdose-and-naloxone",
    ),
    Question("can i go straight from suboxone to vivitrol", "opioid-free-before-starting"),
    Question("detox before vivitrol how many days", "opioid-free-before-starting"),
    Question("what is precipitated withdrawal", "opioid-free-before-starting"),
    Question("why do i have to be clean 7 to 10 days first", "opioid-free-before-starting"),
    Question("can you take suboxone and naltrexone together", "other-medicines"),
    Question("can i take cough syrup with codeine on naltrexone", "other-medicines"),
    Question("imodium on naltrexone does it still work", "other-medicines"),
    Question("naltrexone drug interactions", "other-medicines"),
    Question("rescue breathing for overdose how", "overdose-and-naloxone"),
    Question("signs of an opioid overdose", "overdose-and-naloxone"),
    Question("do i still call 911 after giving narcan if they wake up", "overdose-and-naloxone"),
    Question("if i break my leg and need morphine will it work", "pain-surgery-emergencies"),
    Question(
        "what pain meds can i take on naltrexone",
        "pain-surgery-emergencies",
        also="other-medicines",
    ),
    Question("should i carry a card that says im on naltrexone", "pain-surgery-emergencies"),
    Question(
        "im getting my wisdom teeth out and im on naltrexone what do they give me for pain",
        "pain-surgery-emergencies",
    ),
    Question("breastfeeding on naltrexone safe for baby", "pregnancy-and-breastfeeding"),
    Question(
        "just found out im pregnant and im on vivitrol should i stop", "pregnancy-and-breastfeeding"
    ),
    Question("can i take naltrexon while pregant", "pregnancy-and-breastfeeding"),
    Question("can i go back on naltrexone after stopping", "restarting-naltrexone"),
    Question("restart naltrexone dose", "restarting-naltrexone"),
    Question(
        "stopped my pills for a couple months, do i have to do the whole wait and urine test again to get back on",
        "restarting-naltrexone",
    ),
    Question("headache wont go away on naltrexone been 4 days", "side-effects"),
    Question(
        "my wife has been really down and crying a lot since she started naltrexone, can it cause depression",
        "side-effects",
    ),
    Question(
        "does the vivitrol shot hurt and my butt is swollen where they gave it", "side-effects"
    ),
    Question("anxious and jittery on naltrexone normal?", "side-effects"),
    Question("dizzy lightheaded naltrexone", "side-effects"),
    Question(
        "is it safe to quit the shot after 6 months if i feel good",
        "stopping-naltrexone",
        also="how-long-treatment-lasts",
    ),
    Question("what happens if i just stop taking naltrexone", "stopping-naltrexone"),
    Question("ran out of naltrexone a week ago feel fine is that normal", "stopping-naltrexone"),
    Question("coming off naltrexone what to expect", "stopping-naltrexone"),
    Question("pill or shot which is better", "tablets-or-injection"),
    Question("switch from tablets to vivitrol", "tablets-or-injection"),
    Question(
        "i keep forgetting my pill would the monthly injection be easier", "tablets-or-injection"
    ),
    Question(
        "my brother travels for work all month can he get the injection instead of daily pills",
        "tablets-or-injection",
    ),
    Question(
        "can i go from 50mg to 25mg before stopping, the nausea is bad", "tapering-naltrexone"
    ),
    Question(
        "my doctor wants me to step down my revia dose instead of just quitting, why if its not needed",
        "tapering-naltrexone",
    ),
    Question(
        "my sons counselor mentioned naltrexone, we never heard of it, is it for drinking or drugs",
        "what-is-naltrexone",
    ),
    Question("what is naltrexone", "what-is-naltrexone"),
    Question(
        "nervous about my intake appt tomorrow, will they ask when i last used",
        "what-to-expect-at-the-first-visit",
    ),
    Question(
        "will they drug test me before the vivitrol shot", "what-to-expect-at-the-first-visit"
    ),
)
