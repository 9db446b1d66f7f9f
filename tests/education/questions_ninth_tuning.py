"""The tuning half of 150 questions written blind (from the articles' titles and summaries
only) by a ninth writer on 2026-12-05; split once by article with seed 20261207
(docs/education-search.md). ``also`` names a second article that answers the question as well."""

from __future__ import annotations

from tests.education.questions import Question

NINTH_TUNING: tuple[Question, ...] = (
    Question(
        "is AA enough or do i need a therapist too while on the shot", "counselling-and-therapy"
    ),
    Question("what kind of counseling goes with vivitrol", "counselling-and-therapy"),
    Question("naltrexone plus therapy", "counselling-and-therapy"),
    Question("cravings came back after stopping naltrexone", "cravings-after-stopping"),
    Question("coping skills for cravings", "cravings-after-stopping"),
    Question("drank on naltrexone by accident", "drinking-on-naltrexone"),
    Question("will naltrexone help with the shakes when i quit drinking", "drinking-on-naltrexone"),
    Question(
        "so i'm supposed to stop drinking first before i start the pills or can i take them while i'm still drinking daily",
        "drinking-on-naltrexone",
    ),
    Question(
        "why do i not get buzzed anymore since starting naltrexone",
        "drinking-on-naltrexone",
        also="how-naltrexone-works",
    ),
    Question(
        "my wife is on the vivitrol shot and still drinks every weekend so whats the point of it",
        "drinking-on-naltrexone",
    ),
    Question("how many months of vivitrol do most people need", "how-long-treatment-lasts"),
    Question(
        "my brother has been on the shot for almost two years and keeps asking when he's done. who decides that",
        "how-long-treatment-lasts",
    ),
    Question("been on it a year is that long enough", "how-long-treatment-lasts"),
    Question("how does naltrexone actually work", "how-naltrexone-works"),
    Question("naltrexone mechanism", "how-naltrexone-works"),
    Question(
        "my husband drinks way too much, how does the shot work on alcohol", "how-naltrexone-works"
    ),
    Question(
        "can you still get high on percs with naltrexone in your system", "how-naltrexone-works"
    ),
    Question("how much does vivitrol cost", "insurance-and-cost"),
    Question("medicaid cover vivitrol?", "insurance-and-cost"),
    Question(
        "what questions should i ask my pharmacy before i fill naltrexone", "insurance-and-cost"
    ),
    Question("can you get high off naltrexone", "is-naltrexone-addictive"),
    Question("is naltrexone an opioid", "is-naltrexone-addictive"),
    Question("will my body get dependent on the pills", "is-naltrexone-addictive"),
    Question("naltrexon liver damage", "liver-safety", also="myths-and-facts"),
    Question(
        "my liver enzymes were a bit high on my last bloodwork will they still let me have vivitrol",
        "liver-safety",
    ),
    Question(
        "my mom has fatty liver from years of drinking and her doctor wants her on naltrexone isnt that gonna make it worse",
        "liver-safety",
    ),
    Question("can i double up on naltrexone if i skipped a day", "missed-dose"),
    Question("shot was due on the 3rd its the 10th", "missed-dose"),
    Question(
        "skipped a couple days of revia while on vacation, am i at risk of overdose", "missed-dose"
    ),
    Question("late for my shot is the block wearing off", "missed-dose"),
    Question("is it true naltrexone doesnt work for alcohol", "myths-and-facts"),
    Question("naltrexone myths", "myths-and-facts"),
    Question("friend on vivitrol how to help", "naltrexone-for-family-members"),
    Question(
        "my mom is 68 and on naltrexone for alcohol, how do i support her",
        "naltrexone-for-family-members",
    ),
    Question(
        "should i keep narcan at home if my partner is on naltrexone",
        "naltrexone-for-family-members",
        also="overdose-and-naloxone",
    ),
    Question(
        "why do you have to be clean for a week before naltrexone", "opioid-free-before-starting"
    ),
    Question(
        "took naltrexone with oxy still in my system and got violently sick",
        "opioid-free-before-starting",
    ),
    Question("what is precipitated withdrawal", "opioid-free-before-starting"),
    Question("naltrexone and antidepressants", "other-medicines"),
    Question(
        "is it ok to take ibuprofen or tylenol with naltrexone",
        "other-medicines",
        also="pain-surgery-emergencies",
    ),
    Question("drug interactions naltrexone", "other-medicines"),
    Question("should i do rescue breaths after giving narcan", "overdose-and-naloxone"),
    Question(
        "what do i do if someone overdoses",
        "overdose-and-naloxone",
        also="naltrexone-for-family-members",
    ),
    Question(
        "naloxone vs naltrexone whats the difference",
        "overdose-and-naloxone",
        also="what-is-naltrexone",
    ),
    Question("surgery while on vivitrol", "pain-surgery-emergencies"),
    Question("do i need to tell my dentist i take naltrexone", "pain-surgery-emergencies"),
    Question(
        "broke my wrist last month and the ER couldnt really do much because of the shot. next time what should i do so i actually get pain relief",
        "pain-surgery-emergencies",
    ),
    Question(
        "if i'm in a car crash and they can't give me morphine what happens",
        "pain-surgery-emergencies",
    ),
    Question("can i breastfeed on naltrexone", "pregnancy-and-breastfeeding"),
    Question(
        "just found out im pregnant and i'm on vivitrol do i need to stop",
        "pregnancy-and-breastfeeding",
    ),
    Question(
        "my daughter is 5 months pregnant and in recovery, her doctor mentioned naltrexone but i thought pregnant women couldnt take that stuff",
        "pregnancy-and-breastfeeding",
    ),
    Question(
        "what is a naloxone challenge",
        "restarting-naltrexone",
        also="what-to-expect-at-the-first-visit",
    ),
    Question("can i go back on naltrexone", "restarting-naltrexone"),
    Question(
        "do i have to do the whole wait and drug test again to restart", "restarting-naltrexone"
    ),
    Question("can naltrexone make you depressed or mess with your mood", "side-effects"),
    Question(
        "my dad started naltrexone last week and he's been grumpy and can't sleep is that the med",
        "side-effects",
    ),
    Question("headache every day on naltrexone", "side-effects"),
    Question(
        "really tired and kinda dizzy since the first pill, is this from the naltrexone or something else",
        "side-effects",
    ),
    Question("what happens if i just stop taking naltrexone", "stopping-naltrexone"),
    Question(
        "my son stopped his vivitrol shots without telling anyone and i'm scared he'll use again, is he more at risk now",
        "stopping-naltrexone",
    ),
    Question(
        "will i get withdrawals if i stop my naltrexone",
        "stopping-naltrexone",
        also="tapering-naltrexone",
    ),
    Question("stopped naltrexone 2 weeks ago feel fine is that normal", "stopping-naltrexone"),
    Question("does the vivitrol shot work for alcohol too or only opioids", "tablets-or-injection"),
    Question("vivitral vs oral naltrexone", "tablets-or-injection"),
    Question("pill or shot which is better", "tablets-or-injection"),
    Question("should i wean off naltrexone slowly", "tapering-naltrexone"),
    Question("do you need to taper naltrexone", "tapering-naltrexone"),
    Question(
        "my doc wants me to cut down gradually but i read you can just stop, which is it",
        "tapering-naltrexone",
    ),
    Question("whats vivitrol for", "what-is-naltrexone"),
    Question("wat is naltrexone exactly", "what-is-naltrexone"),
    Question("revia", "what-is-naltrexone"),
    Question("first vivitrol visit what to expect", "what-to-expect-at-the-first-visit"),
    Question(
        "nervous about my intake appointment tomorrow for naltrexone, what kind of questions will they ask me",
        "what-to-expect-at-the-first-visit",
    ),
    Question(
        "what should i bring to my first naltrexone appt", "what-to-expect-at-the-first-visit"
    ),
)
