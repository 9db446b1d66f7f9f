"""100 more questions written blind, like questions_tuning.py and questions_held_out.py (from the
articles' titles only, in people's own voices), by a second writer after the first held-back
half had been measured. Never tuned on: a second, fresh measure of what the search does with
questions it has never seen (docs/education-search.md). ``also`` names a second article that
answers the question as well.
"""

from __future__ import annotations

from tests.education.questions import Question

FRESH: tuple[Question, ...] = (
    Question("my husband is on vivitrol can he have a beer", "drinking-on-naltrexone"),
    Question("can i drink on naltrexone", "drinking-on-naltrexone"),
    Question("is it dangerous to get wasted while on the shot", "drinking-on-naltrexone"),
    Question("naltrexon and alcohol together ok??", "drinking-on-naltrexone"),
    Question(
        "I've been taking naltrexone for about two weeks for my drinking. My best friend's wedding is this weekend and I'd like one glass of champagne for the toast. Will it make me violently sick like Antabuse does?",
        "drinking-on-naltrexone",
    ),
    Question(
        "me take naltrexone pill, is ok drink little wine with dinner?", "drinking-on-naltrexone"
    ),
    Question("naltrexone side effects", "side-effects"),
    Question("feel nauseous since starting revia is that normal", "side-effects"),
    Question("shot hurts and theres a hard lump where they injected", "side-effects"),
    Question(
        "my mom started naltrexone last week and now she gets headaches and cant sleep. is that from the medicine",
        "side-effects",
    ),
    Question("does vivitrol make you tired or depressed", "side-effects"),
    Question("how does naltrexone stop the high", "how-naltrexone-works"),
    Question("what does it do in your brain", "how-naltrexone-works"),
    Question("how can a pill make you want to drink less??", "how-naltrexone-works"),
    Question(
        "opioid receptor antagonist in simple words for a patient - how does naltrexone work",
        "how-naltrexone-works",
    ),
    Question("bruh why cant u get high on vivi", "how-naltrexone-works"),
    Question(
        "My son is getting the Vivitrol injection next week. Can someone explain how it actually works - does it block something in the body?",
        "how-naltrexone-works",
    ),
    Question("what happens if i just stop taking naltrexone", "stopping-naltrexone"),
    Question("will i get withdrawl if i quit vivitrol", "stopping-naltrexone"),
    Question(
        "my brother stopped his shots without telling anyone is he in danger now",
        "stopping-naltrexone",
        also="overdose-and-naloxone",
    ),
    Question("stopped naltrexone cold turkey", "stopping-naltrexone"),
    Question(
        "I ran out of my tablets three days ago and the pharmacy can't refill until next week. Is stopping suddenly like this going to do anything bad to my body?",
        "stopping-naltrexone",
    ),
    Question("pills or shot which is better", "tablets-or-injection"),
    Question("vivitrol vs oral naltrexone", "tablets-or-injection"),
    Question("is the monthly injection stronger than the tablets", "tablets-or-injection"),
    Question("i always forget pills should i just get the shot instead", "tablets-or-injection"),
    Question(
        "my girlfriend is terrified of needles can she do naltrexone as a tablet instead of vivitrol",
        "tablets-or-injection",
    ),
    Question("differense between revia and vivitral", "tablets-or-injection"),
    Question(
        "why do i have to wait 7-10 days off opioids before the shot", "opioid-free-before-starting"
    ),
    Question(
        "what happens if you take naltrexone with fent still in your system",
        "opioid-free-before-starting",
    ),
    Question("can i start vivitrol while im still on percs", "opioid-free-before-starting"),
    Question(
        "my son used heroin two days ago can he get the vivitrol shot tomorrow",
        "opioid-free-before-starting",
    ),
    Question(
        "naloxone challenge test before naltrexone what is it",
        "opioid-free-before-starting",
        also="what-to-expect-at-the-first-visit",
    ),
    Question(
        "I've been on Suboxone for a year and want to switch to the monthly shot. Why do they keep saying I need to be completely off it first, and for how long?",
        "opioid-free-before-starting",
    ),
    Question("can i get pain meds if im on vivitrol", "pain-surgery-emergencies"),
    Question(
        "having surgery next month and on naltrexone what do i tell the surgeon",
        "pain-surgery-emergencies",
    ),
    Question(
        "my dad is on naltrexone and he fell and broke his hip. will morphine even work for him?",
        "pain-surgery-emergencies",
    ),
    Question(
        "what if i get in a car crash and need pain relief while on the shot",
        "pain-surgery-emergencies",
    ),
    Question(
        "dentist wants to give me hydrocodone after wisdom teeth but i take naltrexone",
        "pain-surgery-emergencies",
        also="other-medicines",
    ),
    Question(
        "should i carry a card or wear a bracelet saying im on naltrexone",
        "pain-surgery-emergencies",
    ),
    Question("how can i support my husband on naltrexone", "naltrexone-for-family-members"),
    Question("my son is on vivitrol what can i do to help him", "naltrexone-for-family-members"),
    Question("ways family can help someone stay on the shot", "naltrexone-for-family-members"),
    Question(
        "should i remind my wife to take her pill every day or is that just nagging",
        "naltrexone-for-family-members",
    ),
    Question(
        "Our daughter just came home from rehab and started naltrexone. We want to help her but we don't know what to say or do. Any advice for parents?",
        "naltrexone-for-family-members",
    ),
    Question("is naltrexone bad for your liver", "liver-safety"),
    Question("i have hep c can i still take naltrexone", "liver-safety"),
    Question("liver enzimes high on naltrexone", "liver-safety"),
    Question(
        "my mom drinks heavy and the doctor says her liver is already damaged, is naltrexone safe for her liver",
        "liver-safety",
    ),
    Question("forgot to take my naltrexone yesterday", "missed-dose"),
    Question("missed my vivitrol appointment by a week what now", "missed-dose"),
    Question("should i take 2 pills if i missed one", "missed-dose"),
    Question(
        "My husband is late for his monthly injection, he was supposed to get it 5 days ago. Is he still protected or not?",
        "missed-dose",
    ),
    Question("can i take tylenol with naltrexone", "other-medicines"),
    Question("naltrexone and antidepressants", "other-medicines"),
    Question("can i take ibuprofen and allergy meds while on the shot", "other-medicines"),
    Question(
        "My grandmother is 74 and takes several pills for her heart and diabetes. Would it be safe for her to also take naltrexone?",
        "other-medicines",
    ),
    Question(
        "isnt naltrexone just replacing one drug with another",
        "myths-and-facts",
        also="is-naltrexone-addictive",
    ),
    Question("myths about vivitrol", "myths-and-facts"),
    Question(
        "i heard the shot makes you never able to feel happy again is that true", "myths-and-facts"
    ),
    Question(
        "my uncle says taking naltrexone is a crutch and real recovery means no meds. is he right",
        "myths-and-facts",
    ),
    Question("what is naltrexone", "what-is-naltrexone"),
    Question("what is vivitrol used for", "what-is-naltrexone"),
    Question("naltrexone is it for alcohol or for drugs", "what-is-naltrexone"),
    Question(
        "doctor mentioned naltrexone for my husbands drinking what kind of medicine is that",
        "what-is-naltrexone",
    ),
    Question("is naltrexone addictive", "is-naltrexone-addictive"),
    Question("can you get hooked on vivitrol", "is-naltrexone-addictive"),
    Question("can u get high off naltrexone is it a narcotic", "is-naltrexone-addictive"),
    Question(
        "My parents are worried I'll become dependent on the shot. Is it habit forming?",
        "is-naltrexone-addictive",
    ),
    Question("cravings came back after stopping naltrexone", "cravings-after-stopping"),
    Question("how to deal with urge to drink after finishing the shots", "cravings-after-stopping"),
    Question(
        "off vivi 2 months now and i think about using all the time, what helps",
        "cravings-after-stopping",
    ),
    Question(
        "my wife finished her naltrexone course and now shes craving wine every evening again what can she do",
        "cravings-after-stopping",
    ),
    Question("naltrexone pregnant", "pregnancy-and-breastfeeding"),
    Question("can i breastfeed on vivitrol", "pregnancy-and-breastfeeding"),
    Question(
        "just found out im pregnant and im on the shot should i stop it",
        "pregnancy-and-breastfeeding",
    ),
    Question(
        "my girlfriend is pregnant and on naltrexone is that safe for the baby",
        "pregnancy-and-breastfeeding",
    ),
    Question("do i have to go to counseling to get naltrexone", "counselling-and-therapy"),
    Question("why do i need therapy if the medicine works", "counselling-and-therapy"),
    Question("is naltrexone enough by itself or do i need AA too", "counselling-and-therapy"),
    Question(
        "my son says he doesnt need his counsellor anymore now that hes on the shot. is he right?",
        "counselling-and-therapy",
    ),
    Question(
        "what happens at the first appointment for vivitrol", "what-to-expect-at-the-first-visit"
    ),
    Question(
        "what tests do they do before starting naltrexone", "what-to-expect-at-the-first-visit"
    ),
    Question("first naltrexone visit what to bring", "what-to-expect-at-the-first-visit"),
    Question(
        "I'm driving my brother to his first appointment to get on naltrexone next week. What will they ask him, and will he get the shot that same day?",
        "what-to-expect-at-the-first-visit",
    ),
    Question("can i go back on naltrexone after relapsing", "restarting-naltrexone"),
    Question("restart vivitrol after 3 months off", "restarting-naltrexone"),
    Question(
        "my boyfriend stopped the shot and started using again can he get back on it",
        "restarting-naltrexone",
        also="opioid-free-before-starting",
    ),
    Question("do i need to taper off naltrexone", "tapering-naltrexone"),
    Question("how to wean off revia", "tapering-naltrexone"),
    Question(
        "should i lower my dose slowly before stopping or just stop",
        "tapering-naltrexone",
        also="stopping-naltrexone",
    ),
    Question("how long do you stay on naltrexone", "how-long-treatment-lasts"),
    Question("is vivitrol for life", "how-long-treatment-lasts"),
    Question(
        "my mom has been on naltrexone for 2 years now is it ok to take it that long",
        "how-long-treatment-lasts",
    ),
    Question("how much does vivitrol cost without insurance", "insurance-and-cost"),
    Question("does medicaid cover naltrexone", "insurance-and-cost"),
    Question("cant afford the shot what are my options", "insurance-and-cost"),
    Question("what does an opioid overdose look like", "overdose-and-naloxone"),
    Question("signs of overdose and should i have narcan", "overdose-and-naloxone"),
    Question(
        "My son is on Vivitrol but I worry he'll use after it wears off. Should we keep naloxone at home, and how do I use it?",
        "overdose-and-naloxone",
    ),
)
