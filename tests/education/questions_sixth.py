"""100 questions written blind (from the articles' titles and summaries only) by a sixth
writer on 2026-12-05, after the search's last change; never tuned on (docs/education-search.md).
``also`` names a second article that answers the question as well."""

from __future__ import annotations

from tests.education.questions import Question

SIXTH: tuple[Question, ...] = (
    # drinking-on-naltrexone
    Question("can i drink on naltrexone", "drinking-on-naltrexone"),
    Question(
        "had 3 beers last nite and forgot i took my revia that morning am i ok",
        "drinking-on-naltrexone",
    ),
    Question(
        "my husband is on vivitrol and still drinks every single night so is it even doing anything",
        "drinking-on-naltrexone",
    ),
    Question("can u still get drunk on naltrexon", "drinking-on-naltrexone"),
    Question(
        "will naltrexone help with the shakes and sweats when i quit drinking",
        "drinking-on-naltrexone",
    ),
    # how-naltrexone-works
    Question("how does naltrexone actually work", "how-naltrexone-works"),
    Question("what happens if you use heroin while on the vivitrol shot", "how-naltrexone-works"),
    Question("can you still get high on fent with the shot", "how-naltrexone-works"),
    Question(
        "why would a pill make beer less fun whats the science behind it",
        "how-naltrexone-works",
    ),
    Question("what does naltrexone block in the brain", "how-naltrexone-works"),
    # stopping-naltrexone
    Question("what happens if i just stop taking naltrexone", "stopping-naltrexone"),
    Question(
        "will i get withdrawls if i quit naltrexone cold turkey",
        "stopping-naltrexone",
        also="tapering-naltrexone",
    ),
    Question(
        "my son stopped getting his vivitrol shots without telling anyone and im scared hes"
        " going to use again what happens now",
        "stopping-naltrexone",
    ),
    Question("is it dangerous to use opiates after coming off naltrexone", "stopping-naltrexone"),
    Question("went off naltrexone last week what should i watch out for", "stopping-naltrexone"),
    # side-effects
    Question("naltrexone side effects", "side-effects"),
    Question(
        "been nauseous ever since starting revia is that normal will it go away", "side-effects"
    ),
    Question("naltrexone headache dizzy", "side-effects"),
    Question("feel so tired and jittery on naltrexone", "side-effects"),
    Question(
        "vivitrol injection spot is a hard red lump and it hurts should i worry", "side-effects"
    ),
    # tablets-or-injection
    Question("pills vs vivitrol shot which is better", "tablets-or-injection"),
    Question("whats the difference between revia and vivitrol", "tablets-or-injection"),
    Question(
        "i keep forgetting my pill every day would the once a month shot be easier",
        "tablets-or-injection",
    ),
    Question("does the vivitrol shot work for alcohol too or just opiates", "tablets-or-injection"),
    Question("how often do you get the naltrexone injection", "tablets-or-injection"),
    # liver-safety
    Question("is naltrexone bad for your liver", "liver-safety"),
    Question("my liver enzymes came back a bit high can i still take naltrexone", "liver-safety"),
    Question("i have hep c is naltrexone safe for me", "liver-safety"),
    Question("how often do they check your liver on vivitrol", "liver-safety"),
    Question("naltrexone liver damage warning", "liver-safety"),
    # pain-surgery-emergencies
    Question(
        "getting my wisdom teeth out while on naltrexone what pain meds can the dentist give me",
        "pain-surgery-emergencies",
    ),
    Question("im on vivitrol and need knee surgery next month", "pain-surgery-emergencies"),
    Question(
        "what if i get in a car accident and need pain medicine while im on naltrexone",
        "pain-surgery-emergencies",
    ),
    Question(
        "does naltrexone block tylenol or ibuprofen",
        "pain-surgery-emergencies",
        also="other-medicines",
    ),
    Question("naltrexone wallet card", "pain-surgery-emergencies"),
    # overdose-and-naloxone
    Question("signs of an opioid overdose", "overdose-and-naloxone"),
    Question("how do you use narcan", "overdose-and-naloxone"),
    Question(
        "what does an overdose look like is it the blue lips and tiny pupils thing",
        "overdose-and-naloxone",
    ),
    Question(
        "if someone ods do you do rescue breaths or just give narcan and call 911",
        "overdose-and-naloxone",
    ),
    Question("how to tell if someone is overdosing or just really high", "overdose-and-naloxone"),
    # pregnancy-and-breastfeeding
    Question("naltrexone and pregnancy", "pregnancy-and-breastfeeding"),
    Question(
        "just found out im pregnant and im on vivitrol do i stop", "pregnancy-and-breastfeeding"
    ),
    Question("can i breastfeed on naltrexone", "pregnancy-and-breastfeeding"),
    Question("does naltrexone get into breastmilk", "pregnancy-and-breastfeeding"),
    Question(
        "my girlfriend and i are trying for a baby is her shot safe for the baby",
        "pregnancy-and-breastfeeding",
    ),
    # insurance-and-cost
    Question("how much does vivitrol cost without insurance", "insurance-and-cost"),
    Question("does medicaid cover naltrexone", "insurance-and-cost"),
    Question("naltrexone pills price", "insurance-and-cost"),
    Question("insurance denied my vivitrol what am i supposed to ask them", "insurance-and-cost"),
    Question("is the shot way more expensive than the tablets", "insurance-and-cost"),
    # how-long-treatment-lasts
    Question("how long do you have to be on naltrexone", "how-long-treatment-lasts"),
    Question("can you take naltrexone for years", "how-long-treatment-lasts"),
    Question("been on vivitrol 6 months when do i get to stop", "how-long-treatment-lasts"),
    Question(
        "how long does naltrexone treatment usually last for alcohol", "how-long-treatment-lasts"
    ),
    # missed-dose
    Question("forgot to take my naltrexone yesterday", "missed-dose"),
    Question("missed my vivitrol shot by a week what now", "missed-dose"),
    Question("i missed 3 days of pills am i still blocked", "missed-dose"),
    Question("late for my monthly injection is that dangerous", "missed-dose"),
    # other-medicines
    Question("can i take cough medicine with naltrexone", "other-medicines"),
    Question("naltrexone and antidepressants", "other-medicines"),
    Question("can you take suboxone and naltrexone together", "other-medicines"),
    Question("does naltrexone interact with my adhd meds", "other-medicines"),
    # opioid-free-before-starting
    Question(
        "how long after using do i have to wait to start naltrexone",
        "opioid-free-before-starting",
    ),
    Question("what is precipitated withdrawal", "opioid-free-before-starting"),
    Question(
        "coming off methadone how long before i can get vivitrol", "opioid-free-before-starting"
    ),
    Question(
        "took a couple percs 2 days ago can i still start the shot tomorrow",
        "opioid-free-before-starting",
    ),
    # what-is-naltrexone
    Question("what is naltrexone", "what-is-naltrexone"),
    Question("what is revia used for", "what-is-naltrexone"),
    Question("is naltrexone for alcohol or for opioids", "what-is-naltrexone"),
    Question(
        "my dr wants to put me on naltrexone what even is it is it like a perscription",
        "what-is-naltrexone",
    ),
    # is-naltrexone-addictive
    Question("is naltrexone addictive", "is-naltrexone-addictive"),
    Question("can you get high off naltrexone", "is-naltrexone-addictive"),
    Question("is naltrexone an opioid", "is-naltrexone-addictive"),
    Question(
        "isnt it just swapping one drug for another",
        "is-naltrexone-addictive",
        also="myths-and-facts",
    ),
    # naltrexone-for-family-members
    Question("how can i support my wife on naltrexone", "naltrexone-for-family-members"),
    Question(
        "my brother is on naltrexone now should we still keep narcan in the house",
        "naltrexone-for-family-members",
    ),
    Question(
        "our 19 yr old son is starting vivitrol what should we as parents know",
        "naltrexone-for-family-members",
    ),
    Question(
        "how do i help my partner stick with it without nagging him",
        "naltrexone-for-family-members",
    ),
    # restarting-naltrexone
    Question("can i go back on naltrexone after stopping", "restarting-naltrexone"),
    Question("relapsed and want to get back on vivitrol", "restarting-naltrexone"),
    Question("do i have to start at 25mg again", "restarting-naltrexone"),
    Question(
        "stopped naltrexone 2 months ago can i just start taking the ones i have left",
        "restarting-naltrexone",
    ),
    # cravings-after-stopping
    Question("cravings came back after i stopped naltrexone", "cravings-after-stopping"),
    Question("off vivitrol now and really want a drink what do i do", "cravings-after-stopping"),
    Question("how to deal with urges after coming off naltrexone", "cravings-after-stopping"),
    Question("finished my treatment but still craving pills any tips", "cravings-after-stopping"),
    # tapering-naltrexone
    Question("do i need to taper off naltrexone", "tapering-naltrexone"),
    Question("how to wean off naltrexone 50mg", "tapering-naltrexone"),
    Question("can i cut down to half a pill before i stop", "tapering-naltrexone"),
    # what-to-expect-at-the-first-visit
    Question("what happens at the first vivitrol appointment", "what-to-expect-at-the-first-visit"),
    Question("will they drug test me before i get naltrexone", "what-to-expect-at-the-first-visit"),
    Question("first appt for naltrexone what do i bring", "what-to-expect-at-the-first-visit"),
    Question(
        "do they take blood at the first naltrexone visit", "what-to-expect-at-the-first-visit"
    ),
    # counselling-and-therapy
    Question("do i have to do counseling to get naltrexone", "counselling-and-therapy"),
    Question("is therapy worth it if im already on naltrexone", "counselling-and-therapy"),
    Question(
        "my son only wants the shot and refuses any rehab groups or talking to someone is"
        " that enough on its own",
        "counselling-and-therapy",
    ),
    Question("should i still go to aa meetings on naltrexone", "counselling-and-therapy"),
    # myths-and-facts
    Question("naltrexone myths", "myths-and-facts"),
    Question(
        "heard naltrexone makes it so you can never feel happy or any pleasure again is that true",
        "myths-and-facts",
    ),
    Question("people online say vivitrol is a scam is that true", "myths-and-facts"),
)
