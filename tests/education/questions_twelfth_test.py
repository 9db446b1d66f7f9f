"""The test half of 150 questions written blind (never tuned on)
(from the articles' titles and summaries only) by a twelfth writer on 2026-12-05; split once by
article with seed 20261210 (docs/education-search.md). ``also`` names a second article that
answers the question as well.
"""

from __future__ import annotations

from tests.education.questions import Question

TWELFTH_TEST: tuple[Question, ...] = (
    Question("is the pill enough or do i have to do therapy too", "counselling-and-therapy"),
    Question("aa meetings plus naltrexone", "counselling-and-therapy"),
    Question(
        "how do i handle urges now that im off the pills and who should i call",
        "cravings-after-stopping",
    ),
    Question(
        "stopped revia a month ago and the itch is back bad, should i go back on it",
        "cravings-after-stopping",
        also="restarting-naltrexone",
    ),
    Question("came off the shot and i want a drink so bad", "cravings-after-stopping"),
    Question(
        "will i get violently sick if i drink on naltrexone like with antabuse",
        "drinking-on-naltrexone",
    ),
    Question(
        "do i have to be totally sober before starting naltrexone for alcohol or can i just cut down first",
        "drinking-on-naltrexone",
    ),
    Question(
        "does naltrexone help with the shakes when you quit drinking", "drinking-on-naltrexone"
    ),
    Question(
        "so ive been on naltrexone about 3 weeks for the alcohol and last night was my buddys bday and i ended up having like 6 or 7 beers and honestly didnt feel much different, is that safe and is the med even doing anything",
        "drinking-on-naltrexone",
    ),
    Question(
        "fell off the wagon this weekend while on the pills. what happens when you drink on them",
        "drinking-on-naltrexone",
    ),
    Question("how many months of vivitrol shots do people usually get", "how-long-treatment-lasts"),
    Question("how long do you stay on naltrexone", "how-long-treatment-lasts"),
    Question("will i have to take this forever", "how-long-treatment-lasts"),
    Question("how long should my son be on vivitrol", "how-long-treatment-lasts"),
    Question("how does naltrexone actually work", "how-naltrexone-works"),
    Question("why does nalterxone kill the buzz", "how-naltrexone-works"),
    Question("my son is on the shot. if he uses dope will he even feel it", "how-naltrexone-works"),
    Question(
        "whats the point of naltrexone if it doesnt make you stop drinking",
        "how-naltrexone-works",
        also="drinking-on-naltrexone",
    ),
    Question("prior authorization for vivitrol got denied", "insurance-and-cost"),
    Question("is generic naltrexone cheap", "insurance-and-cost"),
    Question("cant afford the shot any cheaper options", "insurance-and-cost"),
    Question("naltrexone price", "insurance-and-cost"),
    Question("can you get high off naltrexone pills", "is-naltrexone-addictive"),
    Question("is naltrexone addictive", "is-naltrexone-addictive"),
    Question(
        "my liver enzymes are already high from drinking will vivitrol make it worse",
        "liver-safety",
    ),
    Question("naltrexone liver ok?", "liver-safety"),
    Question("is naltrexone bad for your liver", "liver-safety"),
    Question("do they check your liver on naltrexone", "liver-safety"),
    Question(
        "my boyfriend skipped his shot on purpose so he could use, how worried should i be",
        "missed-dose",
        also="stopping-naltrexone",
    ),
    Question("forgot to take my naltrexone yesterday", "missed-dose"),
    Question(
        "was supposed to get my shot last week but couldnt get a ride, am i still protected",
        "missed-dose",
    ),
    Question("missed a dose of naltrexone do i double up", "missed-dose"),
    Question("naltrexone myths", "myths-and-facts"),
    Question("things people get wrong about naltrexone", "myths-and-facts"),
    Question(
        "my dad is on the pills for his drinking and i dont know how to help or what to say",
        "naltrexone-for-family-members",
    ),
    Question(
        "my wife just started vivitrol what can i do to support her",
        "naltrexone-for-family-members",
    ),
    Question("how can i help my son on naltrexone", "naltrexone-for-family-members"),
    Question("what is precipitated withdrawal", "opioid-free-before-starting"),
    Question("how long after opiates can i start naltrexone", "opioid-free-before-starting"),
    Question(
        "coming off subs how long before i can get the vivitrol shot", "opioid-free-before-starting"
    ),
    Question(
        "been clean off oxys for 4 days and the clinic says i have to wait longer before they give me the shot, why cant i just start now i feel ready",
        "opioid-free-before-starting",
    ),
    Question("naltrexone and tramadol", "other-medicines"),
    Question("can i take naltrexone with my antidepressant", "other-medicines"),
    Question("naltrexone drug interactions", "other-medicines"),
    Question(
        "do you do rescue breaths for an overdose or just give narcan and call 911",
        "overdose-and-naloxone",
    ),
    Question("signs of opioid overdose", "overdose-and-naloxone"),
    Question(
        "how can you tell if someone is odding like blue lips or what", "overdose-and-naloxone"
    ),
    Question("do i tell my dentist im on naltrexone", "pain-surgery-emergencies"),
    Question("pain relief options on naltrexone", "pain-surgery-emergencies"),
    Question("surgery next month and im on naltrexone", "pain-surgery-emergencies"),
    Question("can i breastfeed on vivitrol", "pregnancy-and-breastfeeding"),
    Question("trying to get pregnant should i stop naltrexone", "pregnancy-and-breastfeeding"),
    Question("nursing mom can i take naltrexone", "pregnancy-and-breastfeeding"),
    Question("does naltrexone get in breast milk", "pregnancy-and-breastfeeding"),
    Question("do i need another urine test to start again", "restarting-naltrexone"),
    Question("restart naltrexone at 25mg?", "restarting-naltrexone"),
    Question("anxious and jittery ever since the vivitrol shot", "side-effects"),
    Question("so tired and dizzy on naltrexone does it go away", "side-effects"),
    Question("headakes on revia every day", "side-effects"),
    Question(
        "my wife started the pills last week and she's been throwing up and snapping at everyone, when do we call the doctor",
        "side-effects",
    ),
    Question("naltrexone side effects", "side-effects"),
    Question("what happens if i stop naltrexone", "stopping-naltrexone"),
    Question("can i just quit vivitrol cold turkey", "stopping-naltrexone"),
    Question("why is it dangerous to use after stopping naltrexone", "stopping-naltrexone"),
    Question(
        "my daughter quit her shot and says shell only use once to see how it feels, is her tolerance lower now",
        "stopping-naltrexone",
    ),
    Question(
        "terrified of needles do i have to get the shot or is there another way",
        "tablets-or-injection",
    ),
    Question("does the vivitrol shot work for alcohol too or only opiates", "tablets-or-injection"),
    Question(
        "is the shot stronger than the pills and how often do you get it", "tablets-or-injection"
    ),
    Question("can i go from the shot back to pills", "tablets-or-injection"),
    Question("pill or shot which is better", "tablets-or-injection"),
    Question("how to wean off naltrexone 50mg", "tapering-naltrexone"),
    Question("step down dose before stopping revia", "tapering-naltrexone"),
    Question("doc wants to put me on naltrexone for my drinking whats that", "what-is-naltrexone"),
    Question("what is naltrexone", "what-is-naltrexone"),
    Question("wat is revia for", "what-is-naltrexone"),
    Question(
        "will they drug test me at my first visit for naltrexone",
        "what-to-expect-at-the-first-visit",
    ),
    Question(
        "what happens at the first naltrexone appointment", "what-to-expect-at-the-first-visit"
    ),
)
