"""100 more questions written blind (from the articles' titles only, as forum posts and text
messages), by a third writer, after the reader questions' second dozen was written and its weight
chosen; never tuned on: the last measure of questions the search has never seen
(docs/education-search.md). ``also`` names a second article that answers the question as well.
"""

from __future__ import annotations

from tests.education.questions import Question

FINAL: tuple[Question, ...] = (
    Question(
        "my husband is on vivitrol can he have a beer at our daughters wedding or is that gonna make him sick",
        "drinking-on-naltrexone",
    ),
    Question("can u drink on naltrexone", "drinking-on-naltrexone"),
    Question("naltrexon and wine ok??", "drinking-on-naltrexone"),
    Question(
        "Been on the tablets for my drinking about 2 weeks. Last night had 4 beers and barely felt a buzz, kind of weird. Is it actually dangerous to drink while on it or is that just the pill doing its thing?",
        "drinking-on-naltrexone",
        also="how-naltrexone-works",
    ),
    Question("will revia make me throw up if i drink like antabuse does", "drinking-on-naltrexone"),
    Question("can you still get wasted on vivi", "drinking-on-naltrexone"),
    Question(
        "my mom takes naltrexone for alcohol but she still drinks every night bc she says the doctor said its fine?? is it safe",
        "drinking-on-naltrexone",
    ),
    Question(
        "take the pill an hour before drinking sinclair method is that legit",
        "drinking-on-naltrexone",
    ),
    Question(
        "shot hurts and theres a hard lump where they injected it 4 days ago normal??",
        "side-effects",
    ),
    Question("naltrexone nausea how long does it last", "side-effects"),
    Question(
        "my son started vivitrol last week and now he cant sleep and is jittery all the time, could that be from the shot",
        "side-effects",
    ),
    Question("headache and dizzy after revia", "side-effects"),
    Question("side affects of naltrexon", "side-effects"),
    Question(
        "I am 67 years old and my doctor put me on naltrexone 50 mg for alcohol. I feel tired all day and my stomach is upset. Are these common and when do they go away?",
        "side-effects",
    ),
    Question(
        "feeling kinda flat and blah since i started the pills, idk if its the med or just me being sober",
        "side-effects",
    ),
    Question("what does naltrexone actually do in your brain", "how-naltrexone-works"),
    Question("how does it stop the high", "how-naltrexone-works"),
    Question(
        "if i pop a couple percs while im on naltrexone will i feel anything at all",
        "how-naltrexone-works",
    ),
    Question(
        "how can a pill make you want to drink less thats what i dont get", "how-naltrexone-works"
    ),
    Question(
        "my girlfriend read online that naltrexone blocks endorphins so she wont be able to feel happy anymore, is that really how it works",
        "how-naltrexone-works",
        also="myths-and-facts",
    ),
    Question(
        "opioid receptor blocker mechanism naltrexone explained simple", "how-naltrexone-works"
    ),
    Question("does it take the cravings away or just kill the buzz", "how-naltrexone-works"),
    Question("what happens if i just stop taking naltrexone", "stopping-naltrexone"),
    Question("quit naltrexone cold turkey will i get withdrawl", "stopping-naltrexone"),
    Question(
        "my brother stopped going for his vivitrol shots like a month ago and wont tell us why, what happens to him now is he at risk",
        "stopping-naltrexone",
        also="overdose-and-naloxone",
    ),
    Question(
        "stopped revia 3 days ago and feel off, is that from stopping it", "stopping-naltrexone"
    ),
    Question("is it dangerous to suddenly come off naltrexone", "stopping-naltrexone"),
    Question("pill vs shot which is better", "tablets-or-injection"),
    Question(
        "vivitrol or daily tablets for someone who always forgets stuff", "tablets-or-injection"
    ),
    Question(
        "my dad keeps 'forgetting' his naltrexone pills if u know what i mean. would the monthly injection work better for him",
        "tablets-or-injection",
    ),
    Question("is the injection stronger than the tablet", "tablets-or-injection"),
    Question(
        "Ive been on oral naltrexone for a month and honestly its fine but my counselor keeps bringing up vivitrol. whats the real difference, should i switch or not",
        "tablets-or-injection",
    ),
    Question("difference between revia and vivitral", "tablets-or-injection"),
    Question(
        "why do i have to wait 7-10 days off opiates before vivitrol thats forever",
        "opioid-free-before-starting",
    ),
    Question(
        "what happens if u take naltrexone with fent still in ur system",
        "opioid-free-before-starting",
    ),
    Question(
        "my son used heroin 2 days ago and the clinic wont give him the shot yet, we drove an hour, why are they making him wait",
        "opioid-free-before-starting",
    ),
    Question("precipitated withdrawal naltrexone", "opioid-free-before-starting"),
    Question(
        "can i start naltrexone while still on suboxone or do i have to come off first",
        "opioid-free-before-starting",
    ),
    Question(
        "been on methadone 3 years want to switch to the shot how long do i have to be clean first",
        "opioid-free-before-starting",
    ),
    Question(
        "im on vivitrol and need a tooth pulled what can the dentist even give me for pain",
        "pain-surgery-emergencies",
    ),
    Question(
        "my wife is on naltrexone and has knee replacement surgery next month, what do we tell the surgeon",
        "pain-surgery-emergencies",
    ),
    Question(
        "if i get in a car accident on naltrexone will the painkillers work at the hospital",
        "pain-surgery-emergencies",
    ),
    Question("naltrexone wallet card emergency", "pain-surgery-emergencies"),
    Question("how many days before surgery stop naltrexone", "pain-surgery-emergencies"),
    Question(
        "i have a bad back and sometimes need tramadol for flare ups, if i start naltrexone for my drinking what happens when my back goes out",
        "pain-surgery-emergencies",
        also="other-medicines",
    ),
    Question("how can i support my husband on naltrexone", "naltrexone-for-family-members"),
    Question(
        "what can i do to help my son keep going to his vivitrol shots",
        "naltrexone-for-family-members",
    ),
    Question(
        "my daughter just started naltrexone what should we as a family NOT do or say",
        "naltrexone-for-family-members",
    ),
    Question(
        "boyfriend on naltrexone how do i help without nagging him to death",
        "naltrexone-for-family-members",
    ),
    Question(
        "as a parent how do i be there for my kid on the shot without being a cop about it",
        "naltrexone-for-family-members",
    ),
    Question("do i really need therapy if im already taking naltrexone", "counselling-and-therapy"),
    Question(
        "why does my doctor want me in counseling the pill should be enough right",
        "counselling-and-therapy",
    ),
    Question(
        "naltrexone plus aa meetings or a counsellor, do i need both", "counselling-and-therapy"
    ),
    Question(
        "off naltrexone now and the cravings are back hard what do i do", "cravings-after-stopping"
    ),
    Question(
        "my husband finished his vivitrol course in march and now hes craving beer again, how does he cope with that",
        "cravings-after-stopping",
    ),
    Question("urges to drink came back after stopping revia tips??", "cravings-after-stopping"),
    Question("how long do ppl usually stay on naltrexone", "how-long-treatment-lasts"),
    Question("is naltrexone for life", "how-long-treatment-lasts"),
    Question(
        "my mom has been getting the vivitrol injection for 2 years now, is that too long to be on it",
        "how-long-treatment-lasts",
    ),
    Question("how many months should i get the shot for", "how-long-treatment-lasts"),
    Question("vivitrol cost without insurance", "insurance-and-cost"),
    Question("does medicaid cover naltrexone", "insurance-and-cost"),
    Question(
        "my sons insurance denied the vivitrol shot, prior authorization or something, what do we even ask them",
        "insurance-and-cost",
    ),
    Question("is naltrexone addictive", "is-naltrexone-addictive"),
    Question("can you get high off naltrexone if you take a bunch", "is-naltrexone-addictive"),
    Question(
        "my dad refuses naltrexone bc he says hes just trading one addiction for another. is he right",
        "is-naltrexone-addictive",
    ),
    Question("is naltrexone a narcotic or controlled", "is-naltrexone-addictive"),
    Question("naltrexone liver damage", "liver-safety"),
    Question("liver enzimes went up after starting naltrexone should i worry", "liver-safety"),
    Question("i have hep c, is it safe for me to take naltrexone", "liver-safety"),
    Question(
        "my husband has fatty liver from years of drinking and the doctor wants him on naltrexone, isnt that bad for the liver",
        "liver-safety",
    ),
    Question("forgot my naltrexone pill yesterday do i take 2 today", "missed-dose"),
    Question("missed my vivitrol shot by a week what now", "missed-dose"),
    Question("late for the shot", "missed-dose"),
    Question(
        "my son missed his monthly injection appointment on friday, is he still protected or not",
        "missed-dose",
    ),
    Question("naltrexone myths vs facts", "myths-and-facts"),
    Question(
        "people in my NA group say if ur on naltrexone ur not really clean, is that true",
        "myths-and-facts",
    ),
    Question(
        "my aunt keeps saying naltrexone is a cure and after a few months hell never want to drink again, true or a myth",
        "myths-and-facts",
    ),
    Question("what does an opioid overdose look like", "overdose-and-naloxone"),
    Question("signs someone is overdosing and what to do", "overdose-and-naloxone"),
    Question(
        "my brother just came off the shot, should we have narcan in the house and how do we use it",
        "overdose-and-naloxone",
    ),
    Question("can i take ibuprofen with naltrexone", "other-medicines"),
    Question("naltrexone and antidepressants together ok? im on zoloft", "other-medicines"),
    Question("cough syrup with codeine while on naltrexone", "other-medicines"),
    Question(
        "my mom takes naltrexone and also like 10 other pills for heart and sugar, is it ok to mix all that",
        "other-medicines",
    ),
    Question("pregnant on naltrexone is it safe for baby", "pregnancy-and-breastfeeding"),
    Question("can i breastfeed on vivitrol", "pregnancy-and-breastfeeding"),
    Question(
        "my girlfriend just found out shes pregnant and shes on the naltrexone shot, does she have to stop",
        "pregnancy-and-breastfeeding",
    ),
    Question("can i go back on naltrexone after stopping", "restarting-naltrexone"),
    Question("relapsed after quitting vivitrol can i get the shot again", "restarting-naltrexone"),
    Question(
        "i was off naltrexone for a few months and used some opioids in between, now i want to start again what do i need to do",
        "restarting-naltrexone",
        also="opioid-free-before-starting",
    ),
    Question("do you have to taper naltrexone", "tapering-naltrexone"),
    Question(
        "my husband wants to get off his naltrexone, does he need to wean down slowly or can he just stop",
        "tapering-naltrexone",
    ),
    Question("naltrexone 50mg taper schedule", "tapering-naltrexone"),
    Question("what is naltrexone", "what-is-naltrexone"),
    Question("what is vivitrol used for", "what-is-naltrexone"),
    Question("is naltrexone the same as narcan", "what-is-naltrexone"),
    Question("what happens at first vivitrol appointment", "what-to-expect-at-the-first-visit"),
    Question(
        "do they drug test you at the first naltrexone visit and what do they ask",
        "what-to-expect-at-the-first-visit",
    ),
    Question(
        "my son has his first appt to get on naltrexone tomorrow what should he bring, he is nervous",
        "what-to-expect-at-the-first-visit",
    ),
)
