"""The tuning half of 150 questions written blind (from the articles' titles and summaries
only) by a sixteenth writer on 2026-12-05; split once by article with seed 20261214
(docs/education-search.md). ``also`` names a second article that answers the question as well."""

from __future__ import annotations

from tests.education.questions import Question

SIXTEENTH_TUNING: tuple[Question, ...] = (
    Question(
        "my son says the shot is enough and he doesnt need meetings or a therapist, is he right",
        "counselling-and-therapy",
    ),
    Question("does naltrexone work without AA or counselling", "counselling-and-therapy"),
    Question(
        "how to deal with urges to drink after coming off naltrexone", "cravings-after-stopping"
    ),
    Question("off the shot now and really wanting to use, what helps", "cravings-after-stopping"),
    Question(
        "sinclair method, you drink on the pill? is that a real thing", "drinking-on-naltrexone"
    ),
    Question(
        "had 3 beers by accident on my naltrexone tablets what happens", "drinking-on-naltrexone"
    ),
    Question(
        "fell off the wagon last weekend while on vivitrol. is it gonna make me sick like antabuse does",
        "drinking-on-naltrexone",
    ),
    Question("drinking while on naltraxone", "drinking-on-naltrexone"),
    Question("will naltrexone help the shakes when i quit drinking", "drinking-on-naltrexone"),
    Question(
        "my husband has been sober a year on revia and wants to know how much longer he should keep going with it",
        "how-long-treatment-lasts",
    ),
    Question("been on vivitrol 8 months when can i be done", "how-long-treatment-lasts"),
    Question("how long do you stay on naltrexone", "how-long-treatment-lasts"),
    Question("can you still get high on percs while on naltrexone", "how-naltrexone-works"),
    Question(
        "so my daughter is starting this med for pills, how exactly does it keep her from getting high",
        "how-naltrexone-works",
    ),
    Question("if i use heroin on vivitrol will i feel it", "how-naltrexone-works"),
    Question("naltrexone mechanism in plain english pls", "how-naltrexone-works"),
    Question(
        "why dont beers feel good anymore since i started revia",
        "how-naltrexone-works",
        also="drinking-on-naltrexone",
    ),
    Question("does insurance pay for naltrexone pills", "insurance-and-cost"),
    Question("naltrexone price without insurance", "insurance-and-cost"),
    Question("is naltrexone covered by medicaid", "insurance-and-cost"),
    Question("is naltrexone an opioid", "is-naltrexone-addictive"),
    Question("will i get hooked on vivitrol", "is-naltrexone-addictive"),
    Question("is naltrexone addictive", "is-naltrexone-addictive"),
    Question("naltrexone liver damage", "liver-safety"),
    Question("is naltrexone bad for your liver", "liver-safety"),
    Question(
        "why do they need bloodwork before naltrexone",
        "liver-safety",
        also="what-to-expect-at-the-first-visit",
    ),
    Question("late for my monthly shot is that dangerous", "missed-dose"),
    Question("forgot to take my naltrexone yesterday", "missed-dose"),
    Question("skipped a couple pills is it still working", "missed-dose"),
    Question(
        "i was supposed to get my injection on the 3rd but couldnt get a ride and now its the 12th, am i still protected or not",
        "missed-dose",
    ),
    Question(
        "is it true naltrexone only works for opioids not alcohol",
        "myths-and-facts",
        also="what-is-naltrexone",
    ),
    Question("naltrexone myths", "myths-and-facts"),
    Question(
        "my son just got his first vivitrol shot, what should i be doing as his mom",
        "naltrexone-for-family-members",
    ),
    Question(
        "my wife is on the shot and i keep checking up on her all the time, how do i help without being controlling",
        "naltrexone-for-family-members",
    ),
    Question("what should family know about naltrexone", "naltrexone-for-family-members"),
    Question(
        "can you take naltrexone while your still withdrawing from heroin",
        "opioid-free-before-starting",
    ),
    Question(
        "coming off suboxone how long before the vivitrol shot", "opioid-free-before-starting"
    ),
    Question("why do i have to wait 7 to 10 days before naltrexone", "opioid-free-before-starting"),
    Question("switching from methadone to naltrexone", "opioid-free-before-starting"),
    Question("my doctor wants to put me on tramadol but im on revia", "other-medicines"),
    Question("can i take cough syrup with codeine on naltrexone", "other-medicines"),
    Question("naltrexone and antidepressants", "other-medicines"),
    Question(
        "how can you tell if someone is overdosing or just really high", "overdose-and-naloxone"
    ),
    Question("signs of an opioid overdose", "overdose-and-naloxone"),
    Question(
        "should we keep naloxone in the house if my partner is on naltrexone",
        "overdose-and-naloxone",
        also="naltrexone-for-family-members",
    ),
    Question(
        "im on vivitrol and need a root canal, what can they give me for the pain",
        "pain-surgery-emergencies",
    ),
    Question("surgery while on naltrexone", "pain-surgery-emergencies"),
    Question(
        "what if im in a car wreck and need morphine but im on naltrexone",
        "pain-surgery-emergencies",
    ),
    Question("pain relief on naltrexone", "pain-surgery-emergencies"),
    Question(
        "just found out im pregnant and im on vivitrol should i stop", "pregnancy-and-breastfeeding"
    ),
    Question("naltrexone pregnant", "pregnancy-and-breastfeeding"),
    Question("can i breastfeed on naltrexone", "pregnancy-and-breastfeeding"),
    Question("restart naltrexone dose", "restarting-naltrexone"),
    Question(
        "my son quit his naltrexone and now wants to try again, is it like starting over from scratch",
        "restarting-naltrexone",
    ),
    Question(
        "stopped vivitrol 3 months ago and used a few times, can i get the shot again",
        "restarting-naltrexone",
    ),
    Question("do naltrexone side effects go away", "side-effects"),
    Question("naltrexone nausea how long does it last", "side-effects"),
    Question("hard lump and pain where i got the vivitrol injection", "side-effects"),
    Question("feel sick to my stomach every morning since starting revia normal?", "side-effects"),
    Question("what happens if i just stop taking naltrexone", "stopping-naltrexone"),
    Question("quit vivitrol cold turkey any withdrawl", "stopping-naltrexone"),
    Question("side effects of coming off naltrexone", "stopping-naltrexone"),
    Question("overdose risk after stopping naltrexone", "stopping-naltrexone"),
    Question("why is using so dangerous after coming off the shot", "stopping-naltrexone"),
    Question("how often do you get the vivitrol shot", "tablets-or-injection"),
    Question("is the monthly shot better than taking a pill every day", "tablets-or-injection"),
    Question("vivitrol vs pills which is better", "tablets-or-injection"),
    Question("shot or tablets for alcohol", "tablets-or-injection"),
    Question("taper schedule naltrexone", "tapering-naltrexone"),
    Question("do i need to taper off naltrexone", "tapering-naltrexone"),
    Question("wean off vivitrol slowly or just stop", "tapering-naltrexone"),
    Question("is revia the same thing as naltrexone", "what-is-naltrexone"),
    Question(
        "my doctor mentioned naltrexone for my drinking what even is that", "what-is-naltrexone"
    ),
    Question(
        "will they drug test me before giving me vivitrol", "what-to-expect-at-the-first-visit"
    ),
    Question(
        "nervous about my first visit for the shot, what are they going to ask me",
        "what-to-expect-at-the-first-visit",
    ),
)
