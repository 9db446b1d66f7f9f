"""The tuning half of 150 questions written blind (from the articles' titles and summaries
only) by a thirteenth writer on 2026-12-05; split once by article with seed 20261211
(docs/education-search.md). ``also`` names a second article that answers the question as well."""

from __future__ import annotations

from tests.education.questions import Question

THIRTEENTH_TUNING: tuple[Question, ...] = (
    Question("is the medicine enough or do i need therapy too", "counselling-and-therapy"),
    Question(
        "why does my clinic keep pushing groups on me when i already take the pill",
        "counselling-and-therapy",
    ),
    Question(
        "stopped naltrexone and the cravings are back what do i do", "cravings-after-stopping"
    ),
    Question("tips for cravings after coming off vivitrol", "cravings-after-stopping"),
    Question(
        "how do i make a plan so i dont relapse now that im done with the shots",
        "cravings-after-stopping",
    ),
    Question("can i have a beer or 2 on naltrexon", "drinking-on-naltrexone"),
    Question(
        "do i have to quit drinking completely before starting naltrexone or can i just cut back",
        "drinking-on-naltrexone",
    ),
    Question(
        "ok so my doctor put me on 50mg naltrexone for my drinking and told me i can still drink but it wont feel as good, my friend says thats crazy and ill get alcohol poisoning, who is right",
        "drinking-on-naltrexone",
    ),
    Question(
        "will naltrexone make me sick if i drink like antabuse does",
        "drinking-on-naltrexone",
        also="myths-and-facts",
    ),
    Question("alcohol and naltrexone together dangerous??", "drinking-on-naltrexone"),
    Question("been on it a year, when can i come off", "how-long-treatment-lasts"),
    Question("how long do you have to stay on naltrexone", "how-long-treatment-lasts"),
    Question(
        "my brother has been sober 8 months on naltrexone and wants to know when hes done with it",
        "how-long-treatment-lasts",
    ),
    Question(
        "why doesnt drinking feel as good anymore since i started revia",
        "how-naltrexone-works",
        also="drinking-on-naltrexone",
    ),
    Question("does naltrexone take away cravings or just block the high", "how-naltrexone-works"),
    Question("whats the point of a blocker pill if i can just not take it", "how-naltrexone-works"),
    Question("how does naltrexone actually work", "how-naltrexone-works"),
    Question("mechanism of action naltrexone opioid receptor", "how-naltrexone-works"),
    Question("my insurance denied the vivitrol shot what can i do", "insurance-and-cost"),
    Question("what should i ask my insurance before i start naltrexone", "insurance-and-cost"),
    Question("how much does vivitrol cost w/o insurance", "insurance-and-cost"),
    Question("is naltrexone addictive", "is-naltrexone-addictive"),
    Question(
        "my mom thinks ill get hooked on the vivitrol like i was on pills, is that true",
        "is-naltrexone-addictive",
    ),
    Question("can you get high off naltrexone", "is-naltrexone-addictive"),
    Question("is naltrexone bad for your liver", "liver-safety"),
    Question(
        "my liver enzymes were a little high, will they still let me start the naltrexone",
        "liver-safety",
        also="what-to-expect-at-the-first-visit",
    ),
    Question("how often do they check your liver on vivitrol", "liver-safety"),
    Question(
        "my shot was due on the 3rd and i couldnt get there til the 12th am i still covered",
        "missed-dose",
    ),
    Question("skipped naltrexone for the weekend", "missed-dose"),
    Question("missed my vivitrol appointment by a week is that bad", "missed-dose"),
    Question("missed a dose of revia this morning and its 9pm now, still take it?", "missed-dose"),
    Question("naltrexone myths vs facts", "myths-and-facts"),
    Question("is it true naltrexone isnt real recovery", "myths-and-facts"),
    Question(
        "how to help a friend taking naltrexone without nagging", "naltrexone-for-family-members"
    ),
    Question(
        "my dad just started naltrexone for alcohol and me and my sister want to help, what can we do",
        "naltrexone-for-family-members",
    ),
    Question(
        "my son is on vivitrol what should i as a parent know", "naltrexone-for-family-members"
    ),
    Question("do you have to be detoxed before starting naltrexone", "opioid-free-before-starting"),
    Question(
        "why do i have to wait 7 days before the vivitrol shot", "opioid-free-before-starting"
    ),
    Question(
        "took naltrexone too soon after methadone and got super sick", "opioid-free-before-starting"
    ),
    Question(
        "my fiance is coming off heroin and the clinic says he has to be clean a week or more first, why cant they just give it now",
        "opioid-free-before-starting",
    ),
    Question("is it ok to take cough syrup with codeine on naltrexone", "other-medicines"),
    Question("can i take naltrexone with antidepressants", "other-medicines"),
    Question(
        "my psychiatrist doesnt know im on vivitrol, do i need to tell her", "other-medicines"
    ),
    Question(
        "should i do rescue breaths or just give the naloxone spray and call 911",
        "overdose-and-naloxone",
    ),
    Question("signs of an opioid overdose", "overdose-and-naloxone"),
    Question(
        "my roommate uses and i want to be ready, what am i supposed to do if i ever find him passed out and not breathing",
        "overdose-and-naloxone",
    ),
    Question("what pain meds work on naltrexone", "pain-surgery-emergencies"),
    Question(
        "if i get in a car accident and the er gives me morphine will it work",
        "pain-surgery-emergencies",
    ),
    Question(
        "can i take painkillers on naltrexone", "pain-surgery-emergencies", also="other-medicines"
    ),
    Question(
        "my mom has a hip replacement scheduled and she gets the monthly shot, when should she tell the surgeon",
        "pain-surgery-emergencies",
    ),
    Question(
        "trying to get pregnant should i come off the naltrexone first",
        "pregnancy-and-breastfeeding",
    ),
    Question(
        "my girlfriend is expecting and takes revia for alcohol will it hurt the baby",
        "pregnancy-and-breastfeeding",
    ),
    Question("is naltrexone safe in pregnancy", "pregnancy-and-breastfeeding"),
    Question(
        "do i have to do the whole waiting thing again to restart naltrexone",
        "restarting-naltrexone",
        also="opioid-free-before-starting",
    ),
    Question("i stopped my vivitrol 3 months ago and want to start again", "restarting-naltrexone"),
    Question("restart dose naltrexone 25mg", "restarting-naltrexone"),
    Question(
        "can naltrexone make you depressed or anxious, i been feeling low and kinda on edge since i started",
        "side-effects",
    ),
    Question(
        "so i started the naltrexone tuesday and since then i cant sleep, wake up at 3am every night heart racing and crazy dreams, is that the med or just me being sober",
        "side-effects",
    ),
    Question("naltrexone makes me feel jittery and on edge lol", "side-effects"),
    Question("naltrexone side effects", "side-effects"),
    Question(
        "what happens if i just stop taking naltrexone, like will my body freak out",
        "stopping-naltrexone",
    ),
    Question(
        "is it dangerous to use opiates after you stop the blocker",
        "stopping-naltrexone",
        also="overdose-and-naloxone",
    ),
    Question(
        "does your tolerance go down on naltrexone so if you relapse after its more likely to overdose",
        "stopping-naltrexone",
    ),
    Question("stopping naltrexone side affects", "stopping-naltrexone"),
    Question(
        "i feel fine now so can i stop the naltrexone",
        "stopping-naltrexone",
        also="how-long-treatment-lasts",
    ),
    Question(
        "how often do you get the vivitrol shot", "tablets-or-injection", also="what-is-naltrexone"
    ),
    Question("vivitrol or oral naltrexone for alcohol", "tablets-or-injection"),
    Question(
        "my daughter wants the shot for opioids and im wondering if the pills work just as good",
        "tablets-or-injection",
    ),
    Question("does the vivitrol shot hurt and how long does one last", "tablets-or-injection"),
    Question(
        "can i step down slowly off naltrexone because the nausea is bad", "tapering-naltrexone"
    ),
    Question("do i need to taper off naltrexone", "tapering-naltrexone"),
    Question("what is naltrexone", "what-is-naltrexone"),
    Question(
        "doctor mentioned naltrexone for my drinking, never heard of it before, what is this stuff",
        "what-is-naltrexone",
    ),
    Question(
        "will they drug test me before giving me vivitrol", "what-to-expect-at-the-first-visit"
    ),
    Question(
        "what should i bring to my first visit for naltrexone", "what-to-expect-at-the-first-visit"
    ),
    Question(
        "do they do blood work before you start naltrexone",
        "what-to-expect-at-the-first-visit",
        also="liver-safety",
    ),
)
