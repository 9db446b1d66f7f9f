"""Half of 150 questions written for this library by someone who had seen only the articles'
titles, never their text: in people's own voices (family members, slang, misspellings, third
person, long rambling questions). They were split once, by article, with a fixed seed
(20261204), into a tuning half (questions_tuning.py) and a held-back half (questions_held_out.py);
this is the tuning half: the search may be tuned on it. ``also`` names a second article that
answers the question as well.
"""

from __future__ import annotations

from tests.education.questions import Question

TUNING: tuple[Question, ...] = (
    Question("can i just take the pill without going to aa or therapy", "counselling-and-therapy"),
    Question("councelling and vivitrol required?", "counselling-and-therapy"),
    Question("why is therapy recommended with naltrexone", "counselling-and-therapy"),
    Question("urge to use after last shot wore off", "cravings-after-stopping"),
    Question(
        "my husband finished his naltrexone and now hes craving beer every night what can he do",
        "cravings-after-stopping",
    ),
    Question("will i still get drunk on naltrexone", "drinking-on-naltrexone"),
    Question("my husband is on vivitrol can he have a beer", "drinking-on-naltrexone"),
    Question("naltrexon and wine", "drinking-on-naltrexone"),
    Question("got wasted last night on naltrexone am i ok", "drinking-on-naltrexone"),
    Question(
        "can my son drink at his friends wedding if hes on the shot", "drinking-on-naltrexone"
    ),
    Question("can my boyfriend have one glass of wine on revia", "drinking-on-naltrexone"),
    Question(
        "my son has been on the shot for a year, how long is he supposed to keep getting it?",
        "how-long-treatment-lasts",
    ),
    Question("can you take naltrexone for years", "how-long-treatment-lasts"),
    Question("how many months of vivitrol shots", "how-long-treatment-lasts"),
    Question(
        "my brother says naltrexone blocks the buzz from alcohol how is that even possible",
        "how-naltrexone-works",
    ),
    Question(
        "I've read that naltrexone blocks opioids, but I'm on it for drinking. I don't understand how blocking opioids helps with alcohol. Can someone explain it simply?",
        "how-naltrexone-works",
    ),
    Question("how long does one naltrexone pill block opiates for", "how-naltrexone-works"),
    Question("what does it do in your brain", "how-naltrexone-works"),
    Question(
        "My insurance denied the Vivitrol injection and said I need prior authorization. I don't know what that means or what to ask them. What should I do?",
        "insurance-and-cost",
    ),
    Question("naltrexone cost without insurance", "insurance-and-cost"),
    Question("how much does vivitrol cost", "insurance-and-cost"),
    Question("is naltrexone a narcotic", "is-naltrexone-addictive"),
    Question("is naltrexone addictive", "is-naltrexone-addictive"),
    Question(
        "my husband has fatty liver from drinking, is naltrexone safe for him", "liver-safety"
    ),
    Question("i have hep c can i take naltrexone", "liver-safety"),
    Question("is naltrexone bad for your liver", "liver-safety"),
    Question("what if i miss a dose of naltrexone", "missed-dose"),
    Question("late for my shot by a week", "missed-dose"),
    Question("missed my vivitrol shot", "missed-dose"),
    Question("naltrexone myths", "myths-and-facts"),
    Question("my aunt says being on naltrexone isnt real recovery is that true", "myths-and-facts"),
    Question("family support naltrexone", "naltrexone-for-family-members"),
    Question(
        "what should friends know if someone is on naltrexone", "naltrexone-for-family-members"
    ),
    Question(
        "My mom started naltrexone for drinking and I don't know what to say to her or how to help. Any advice?",
        "naltrexone-for-family-members",
    ),
    Question(
        "how do i help my girlfriend stay on her meds without nagging",
        "naltrexone-for-family-members",
    ),
    Question(
        "naloxone challenge test before starting naltrexone what is it",
        "opioid-free-before-starting",
        also="what-to-expect-at-the-first-visit",
    ),
    Question(
        "my husband is still using percs, does he need to detox before he can get vivitrol?",
        "opioid-free-before-starting",
    ),
    Question("how many days clean before vivitrol", "opioid-free-before-starting"),
    Question("used fent 3 days ago can i start the shot", "opioid-free-before-starting"),
    Question(
        "will naltrexone make me dope sick if i still have oxy in me", "opioid-free-before-starting"
    ),
    Question(
        "can i take tylenol on naltrexone", "other-medicines", also="pain-surgery-emergencies"
    ),
    Question("naltrexzone drug interactions", "other-medicines"),
    Question("naltrexone and cough medicine", "other-medicines"),
    Question(
        "my brother uses again sometimes, what are the signs of an overdose I should watch for?",
        "overdose-and-naloxone",
    ),
    Question(
        "difference between naloxone and naltrexone",
        "overdose-and-naloxone",
        also="what-is-naltrexone",
    ),
    Question("what if i break a bone while on naltrexone", "pain-surgery-emergencies"),
    Question("can i get pain meds on naltrexone", "pain-surgery-emergencies"),
    Question("do i need a wallet card for naltrexone", "pain-surgery-emergencies"),
    Question(
        "my dad has knee replacement surgery next month and hes on the shot what do we tell the surgeon",
        "pain-surgery-emergencies",
    ),
    Question("surgery while on vivitrol", "pain-surgery-emergencies"),
    Question("found out im pregnant while on vivitrol", "pregnancy-and-breastfeeding"),
    Question(
        "my wife is pregnant and on naltrexone for drinking is it safe for the baby",
        "pregnancy-and-breastfeeding",
    ),
    Question(
        "I was on naltrexone for six months and stopped because I felt fine. Now I'm drinking like before. Can I just start taking the pills again?",
        "restarting-naltrexone",
    ),
    Question("getting back on the shot after a break", "restarting-naltrexone"),
    Question("i relapsed can i go back on vivitrol", "restarting-naltrexone"),
    Question("vivitral injection site red and swollen", "side-effects"),
    Question("shot hurts", "side-effects"),
    Question(
        "I started the tablets on Monday and I've had an upset stomach and a headache every day since. My doctor is on vacation. Is this normal and will it go away?",
        "side-effects",
    ),
    Question("lump where i got the vivitrol injection is that normal", "side-effects"),
    Question("naltrexone side effects", "side-effects"),
    Question("what happens if i stop naltrexone suddenly", "stopping-naltrexone"),
    Question("can i just quit taking naltrexone", "stopping-naltrexone"),
    Question("what happens to your body when you come off naltrexone", "stopping-naltrexone"),
    Question(
        "my son stopped getting his shots without telling anyone what should we watch for",
        "stopping-naltrexone",
        also="overdose-and-naloxone",
    ),
    Question(
        "my husband wont take his pills reliably can he get the injection instead",
        "tablets-or-injection",
    ),
    Question("is the shot stronger than the pill", "tablets-or-injection"),
    Question(
        "I work offshore for weeks at a time and can't always get to a clinic. Would tablets make more sense than the monthly injection for someone like me?",
        "tablets-or-injection",
    ),
    Question("pills or shot which is better", "tablets-or-injection"),
    Question("do i have to taper off naltrexone", "tapering-naltrexone"),
    Question(
        "does my husband need to wean off his naltrexone pills or can he just stop",
        "tapering-naltrexone",
        also="stopping-naltrexone",
    ),
    Question("naltrexone what is it for", "what-is-naltrexone"),
    Question("what is naltrexone", "what-is-naltrexone"),
    Question("my doctor mentioned revia for my drinking what is it", "what-is-naltrexone"),
    Question(
        "what happens at my first naltrexone appointment", "what-to-expect-at-the-first-visit"
    ),
    Question(
        "I'm nervous about my first appointment. Will they make me pee in a cup or do a blood test before I can start?",
        "what-to-expect-at-the-first-visit",
    ),
)
