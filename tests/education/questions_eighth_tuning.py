"""The tuning half of 150 questions written blind (from the articles' titles and summaries
only) by a eighth writer on 2026-12-05; split once by article with seed 20261206
(docs/education-search.md). ``also`` names a second article that answers the question as well."""

from __future__ import annotations

from tests.education.questions import Question

EIGHTH_TUNING: tuple[Question, ...] = (
    Question(
        "should i go to aa or see a therapist while im on naltrexone", "counselling-and-therapy"
    ),
    Question(
        "my clinic keeps pushing groups on me can i just get the shot and skip them",
        "counselling-and-therapy",
    ),
    Question("how do i deal with urges now that im off the shot", "cravings-after-stopping"),
    Question(
        "came off naltrexone and the cravings are back hard what do i do", "cravings-after-stopping"
    ),
    Question(
        "my husband gets the vivitral shot and still went out drinking friday night with his buddys, is that dangerous or is it just not working on him",
        "drinking-on-naltrexone",
    ),
    Question(
        "will naltrexone help with the shakes and sweats when i quit drinking",
        "drinking-on-naltrexone",
    ),
    Question("sinclair method ok to drink on the tablet", "drinking-on-naltrexone"),
    Question(
        "had like 4 glasses of wine by accident forgot i took my pill this morning what happens now",
        "drinking-on-naltrexone",
    ),
    Question(
        "does naltrexone make u throw up if u drink like antabuse does", "drinking-on-naltrexone"
    ),
    Question(
        "whats the normal length of treatment with revia for alcohol", "how-long-treatment-lasts"
    ),
    Question("how long do you have to stay on naltrexone", "how-long-treatment-lasts"),
    Question(
        "can i stop once i feel better or is there a set time i have to take it",
        "how-long-treatment-lasts",
    ),
    Question("receptors naltrexone", "how-naltrexone-works"),
    Question(
        "does it block every opiate or just some of them, like would fent still work",
        "how-naltrexone-works",
    ),
    Question("opiate blocker how", "how-naltrexone-works"),
    Question("what happens if you do dope while on vivitrol", "how-naltrexone-works"),
    Question(
        "my insurance denied the vivitrol injection, what should i ask them", "insurance-and-cost"
    ),
    Question("naltrexone price", "insurance-and-cost"),
    Question("is naltrexone covered by medicaid", "insurance-and-cost"),
    Question("can you get addicted to naltrexone", "is-naltrexone-addictive"),
    Question("is vivitrol an opioid", "is-naltrexone-addictive"),
    Question(
        "isnt naltrexone just trading one drug for another",
        "is-naltrexone-addictive",
        also="myths-and-facts",
    ),
    Question(
        "my husband has a fatty liver from 20 years of drinking and his doctor wants to put him on naltrexone, wont that make his liver worse",
        "liver-safety",
    ),
    Question("i have hep c can i still take naltrexone", "liver-safety"),
    Question("how often do they check your liver on this med", "liver-safety"),
    Question("is naltrexone bad for your liver", "liver-safety"),
    Question("what happens if i miss a shot", "missed-dose"),
    Question(
        "my boyfriend missed his shot last month and i'm scared he's going to use again, how risky is it for him right now",
        "missed-dose",
    ),
    Question("should i take 2 pills today if i forgot one", "missed-dose"),
    Question("skipped a few days of my pills is the block gone", "missed-dose"),
    Question("naltrexone myths", "myths-and-facts"),
    Question(
        "my son is on vivitrol should i keep narcan in the house", "naltrexone-for-family-members"
    ),
    Question("how can i support my husband on naltrexone", "naltrexone-for-family-members"),
    Question("what can family do to help someone on the shot", "naltrexone-for-family-members"),
    Question("precipitated withdrawal naltrexone", "opioid-free-before-starting"),
    Question("coming off subs how long till i can get the shot", "opioid-free-before-starting"),
    Question(
        "my son used fent 3 days ago, he finally wants help and says he wants the pills. can he start now or will it make him sick",
        "opioid-free-before-starting",
    ),
    Question(
        "what if i took naltrexone and still had opiates in my system",
        "opioid-free-before-starting",
    ),
    Question(
        "do i need to tell my dentist and my regular doctor that im on naltrexone",
        "other-medicines",
        also="pain-surgery-emergencies",
    ),
    Question("cough syrup with codeine on naltrexone ok?", "other-medicines"),
    Question("naltrexone drug interactions", "other-medicines"),
    Question(
        "how can you tell if someone is overdosing and what are you supposed to do",
        "overdose-and-naloxone",
    ),
    Question("blue lips tiny pupils slow breathing what does that mean", "overdose-and-naloxone"),
    Question(
        "do you do rescue breaths after narcan or just call 911 and wait", "overdose-and-naloxone"
    ),
    Question("pain relief on naltrexone", "pain-surgery-emergencies"),
    Question(
        "will tylenol or ibuprofen still work on naltrexone",
        "pain-surgery-emergencies",
        also="other-medicines",
    ),
    Question("wallet card naltrexone", "pain-surgery-emergencies"),
    Question("having surgery next month on naltrexone", "pain-surgery-emergencies"),
    Question(
        "broke my wrist and the er gave me norco and it did nothing at all. im on revia. why",
        "pain-surgery-emergencies",
    ),
    Question("breastfeeding on naltrexone safe for baby?", "pregnancy-and-breastfeeding"),
    Question("can i take naltrexone while pregnant", "pregnancy-and-breastfeeding"),
    Question("pregnant on revia", "pregnancy-and-breastfeeding"),
    Question(
        "i quit the pills over the summer and want to start them again for drinking is that allowed",
        "restarting-naltrexone",
    ),
    Question("can i go back on naltrexone after stopping", "restarting-naltrexone"),
    Question("relapsed after stopping vivitrol can i get the shot again", "restarting-naltrexone"),
    Question("feel so tired and dizzy on the 50mg pill", "side-effects"),
    Question(
        "my girlfriend has been super on edge and jittery ever since she started naltrexone a couple weeks back, shes not sleeping great either. could it be the med",
        "side-effects",
    ),
    Question("naltrexone side effects", "side-effects"),
    Question("when should i call the doctor about side efects", "side-effects"),
    Question(
        "quit my pills cold turkey two weeks ago am i gonna get withdrawals from it",
        "stopping-naltrexone",
    ),
    Question("is it more dangerous to use after coming off vivitrol", "stopping-naltrexone"),
    Question("what happens if i just stop taking my naltrexone", "stopping-naltrexone"),
    Question(
        "can i just not show up for my next injection if i feel done with it", "stopping-naltrexone"
    ),
    Question(
        "my brother stopped his naltrexone last month without telling anyone. his tolerance is gone now right? what is the risk if he uses again",
        "stopping-naltrexone",
    ),
    Question("does the injection work for alcohol too or only for opioids", "tablets-or-injection"),
    Question(
        "my dad drinks and the clinic offered him a shot in the butt once a month. is that the same stuff as the pills",
        "tablets-or-injection",
    ),
    Question(
        "i keep forgetting my daily pill, like half the week i dont take it. would the monthly injection be better for someone like me",
        "tablets-or-injection",
    ),
    Question("how often do you get the vivitrol shot", "tablets-or-injection"),
    Question("can i cut my pill in half for a week before stopping", "tapering-naltrexone"),
    Question("should i wean off the 50 mg slowly or just stop", "tapering-naltrexone"),
    Question("is naltrexone for alcohol or for opioids", "what-is-naltrexone"),
    Question("what is vivitrol", "what-is-naltrexone"),
    Question(
        "will they drug test me before they give me naltrexone", "what-to-expect-at-the-first-visit"
    ),
    Question("what happens at the first vivitrol appointment", "what-to-expect-at-the-first-visit"),
)
