"""Reading what a question asks: the asking sentence over the scene-setting ones, a mentioned
relative only when the question is about helping them, and the kind of question it is."""

from __future__ import annotations

import pytest

from naltrack.education.search import search_articles
from naltrack.education.search.question import (
    CONTEXT_WEIGHT,
    INTENT_WEIGHT,
    MENTION_WEIGHT,
    read_question,
)


def weights(question: str) -> dict[str, float]:
    return {group.typed: group.weight for group in read_question(question).groups}


def first(question: str) -> str:
    return search_articles(question).results[0].article.slug


def test_a_relative_mentioned_in_passing_counts_little() -> None:
    assert weights("can my wife have wine at dinner if she is on the shot")["wife"] == (
        MENTION_WEIGHT
    )
    assert weights("is my husband's liver ok on naltrexone")["husbands"] == MENTION_WEIGHT
    # the word itself is not among the question's words compared with the titles
    assert "wife" not in read_question("can my wife have wine on the shot").words


def test_a_relative_counts_in_full_when_the_question_is_about_helping_them() -> None:
    assert weights("how can i support my wife on the shot")["wife"] == 1.0
    assert weights("what do i say to my dad about his drinking")["dad"] == 1.0
    assert weights("should i ask her about drinking or leave it alone, my wife")["wife"] == 1.0


def test_reporting_what_a_relative_says_is_not_asking_how_to_help_them() -> None:
    # "says" is not "what do i say": the uncle is only mentioned.
    assert weights("my uncle says naltrexone is a crutch")["uncle"] == MENTION_WEIGHT


def terms(question: str, typed: str) -> list[str]:
    group = next(g for g in read_question(question).groups if g.typed == typed)
    return [term.text for term in group.terms]


def test_what_is_stopped_is_what_the_next_words_name() -> None:
    # Stopping an opioid asks about the wait before naltrexone ...
    for question, typed in [
        ("coming off subs how long till i can get the shot", "coming off"),
        ("quit heroin last week can i start vivitrol", "quit"),
        ("stopped using methadone when can i get the shot", "stopped"),
    ]:
        assert terms(question, typed)[-2:] == ["opioid free", "wait"], question
    # ... stopping naltrexone is stopping naltrexone.
    assert "stop" in terms("coming off naltrexone after a year", "coming off")
    assert "opioid free" not in terms("quit naltrexone and then used heroin", "quit")


def test_being_off_the_medicine_is_having_stopped_it() -> None:
    assert terms("off vivitrol now and really want a drink", "off") == ["stop"]
    assert terms("off the shot for two months now", "off") == ["stop"]
    # "off" before anything else is still only a stopword
    assert "off" not in weights("i took the day off work, can i drink")


def test_an_asking_part_that_says_nothing_asks_about_its_scene() -> None:
    assert weights("if i use heroin while on vivitrol what happens")["heroin"] == 1.0
    assert weights("my uncle says naltrexone is a crutch. is he right?")["crutch"] == 1.0
    # an asking part with words of its own keeps the scene as scene
    assert weights("my husband is on vivitrol. can he drink?")["vivitrol"] == CONTEXT_WEIGHT


def test_the_pattern_of_a_question_of_time_or_of_using_on_the_block() -> None:
    assert "how long treatment lasts" in weights("been on revia a year, when can i come off it")
    assert "how long treatment lasts" in weights("when will my doctor let me come off naltrexone")
    # "when" in the middle is not a question of time
    assert "how long treatment lasts" not in weights("what happens when you come off naltrexone")
    assert "how it works" in weights("if i use heroin while on vivitrol what happens")
    assert "how it works" in weights("can u still get high off percs if ur on naltrexone")
    # an opioid for pain is not using on the block, and "how it works" needs an opioid named
    assert "how it works" not in weights("will morphine work if im on naltrexone")
    assert "how it works" not in weights("can you get high on naltrexone")
    assert "what it treats" in weights(
        "does the vivitrol shot work for alcohol too or only opioids"
    )
    assert "what it treats" not in weights("does the vivitrol shot work for alcohol")
    assert "start again" in weights("can i go back on naltrexone after a slip")
    assert "start again" not in weights("can i take percs for my back on naltrexone")
    # "still" getting high is through the block, not from naltrexone
    assert "how it works" in weights("can you still get high on vivitrol")


def test_an_urge_once_naltrexone_is_stopped_asks_about_cravings_after_stopping() -> None:
    for question in [
        "came off the shot and i want a drink so bad",
        "2 weeks off the blocker and i really want to drink, what now",
        "its been three weeks since my last vivitrol and the thoughts about using are loud",
    ]:
        assert "cravings after stopping" in weights(question), question
    # the urge alone, or a stop of something else, is not it
    assert "cravings after stopping" not in weights("i want a drink, can i have one on the shot")
    assert "cravings after stopping" not in weights("stopped drinking and want to start the shot")
    assert "cravings after stopping" not in weights("since my last drink i want the shot")


def test_the_last_of_an_opioid_is_stopping_it() -> None:
    assert terms("how long after my last bag can i get the shot", "last")[-2:] == [
        "opioid free",
        "wait",
    ]
    assert terms("how long after my last shot can i drink", "last") == ["last"]


def test_what_kind_of_medicine_it_is_and_a_claim_to_check() -> None:
    assert "what kind of medicine" in weights("is vivitrol an opioid")
    assert "what kind of medicine" in weights("is naltrexone a narcotic")
    assert "what kind of medicine" not in weights("is it safe to take an opioid after the shot")
    # a claim to check points to the myths, but less than what the claim is about
    claim = weights("i heard it ruins your liver is that true")
    assert claim["heard"] == claim["true"] == 0.75
    assert claim["liver"] == 1.0


def test_a_point_in_time_is_not_a_length() -> None:
    assert "long" not in terms("stopped the pills 2 months ago can i start again", "months ago")
    assert "long" in terms("is it ok to take it for months", "for months")


def test_family_and_friends_as_the_topic_are_not_a_mention() -> None:
    assert weights("what should friends know about naltrexone")["friends"] == 1.0
    assert weights("can he drink at his friends party on the shot")["friends"] == MENTION_WEIGHT


def test_the_asking_sentence_counts_more_than_the_scene() -> None:
    question = (
        "I stopped drinking a year ago. My doctor wants me on the shot. Is it hard on the liver?"
    )
    read = weights(question)
    assert read["liver"] == 1.0
    # Each scene word counts at most half, and the scene all told no more than the question.
    assert read["stopped"] == read["drinking"] < CONTEXT_WEIGHT
    asked = read["hard"] + read["liver"]
    scene = sum(read.values()) - asked
    assert scene == pytest.approx(asked)
    # without a question mark: the clause opened by a question word and a verb asks
    run_on = weights("my sister says the shot is rough how long does it last")
    assert run_on["how long"] == 1.0
    assert run_on["the shot"] == CONTEXT_WEIGHT
    # two questions in one: both ask
    assert set(weights("what is naltrexone and how does it work").values()) == {1.0}
    # one sentence alone is all asking
    assert set(weights("i dont know what to say about the shot").values()) == {1.0}


def test_the_kind_of_question_is_read_from_its_pattern() -> None:
    assert weights("what does naltrexone do in the brain")["how it works"] == INTENT_WEIGHT
    assert weights("how does the shot block opioids")["how it works"] == INTENT_WEIGHT
    assert "how it works" not in weights("can you get high on naltrexone")
    assert weights("can i start the pills again after a slip")["start again"] == INTENT_WEIGHT
    # how long the block lasts is not how long treatment lasts; "how long" is not searched again
    lasts = weights("how long does vivitrol stay in your system")
    assert lasts["how long it lasts"] == INTENT_WEIGHT
    assert "how long" not in lasts
    assert "how long it lasts" not in weights("how long do i stay on vivitrol")


@pytest.mark.django_db
def test_what_is_asked_decides_not_who_is_mentioned(real_library: None) -> None:
    assert first("my wife is on the shot can she have wine at dinner") == "drinking-on-naltrexone"
    assert first("how do i support my wife while she is on the shot") == (
        "naltrexone-for-family-members"
    )
    assert first("my dad is getting his knee done is the surgery ok with vivitrol") == (
        "pain-surgery-emergencies"
    )


@pytest.mark.django_db
def test_kinds_of_question_find_the_article_that_answers_them(real_library: None) -> None:
    assert first("came off the shot and i want a drink so bad") == "cravings-after-stopping"
    assert first("people at my meeting say vivitrol is a scam whats the truth") == (
        "myths-and-facts"
    )
    assert first("how long after my last heroin can i get the vivitrol shot") == (
        "opioid-free-before-starting"
    )
    top3 = [r.article.slug for r in search_articles("is vivitrol an opioid").results[:3]]
    assert {"what-is-naltrexone", "is-naltrexone-addictive"} <= set(top3)
    # the claim asks about what the medicine does to opioids still in the body, as the myths do
    claim = "heard the naltrexone can throw you into instant withdrawl is that true"
    top3 = [r.article.slug for r in search_articles(claim).results[:3]]
    assert {"myths-and-facts", "opioid-free-before-starting"} <= set(top3)
    # names that sound alike, and question words typed in a hurry
    assert first("is naltrexone the same thing as naloxone") == "what-is-naltrexone"
    assert first("wat is naltrexone exactly") == "what-is-naltrexone"


@pytest.mark.django_db
def test_how_it_works_questions_find_how_it_works(real_library: None) -> None:
    assert first("what does naltrexone do in the brain") == "how-naltrexone-works"
    assert first("why cant you get high on the shot") == "how-naltrexone-works"
    assert first("how long does a 50 mg tablet block heroin") == "how-naltrexone-works"
    assert first("how long do i stay on vivitrol") == "how-long-treatment-lasts"


SCENE = (
    "My brother has been struggling for a long time and the whole family has tried everything. "
    "He finally went to a clinic last month after a bad weekend, and they started him on the "
    "pills, and things have been calmer at home since then. "
)


@pytest.mark.django_db
def test_a_long_question_is_read_to_its_end(real_library: None) -> None:
    assert len(SCENE) > 200
    outcome = search_articles(SCENE + "Can he have a beer at his birthday on naltrexone?")
    assert "beer" in outcome.understood
    assert "drinking-on-naltrexone" in [result.article.slug for result in outcome.results[:3]]


@pytest.mark.django_db
def test_a_cry_for_help_at_the_end_of_a_long_question_shows_help_first(client) -> None:
    response = client.get("/library/search/", {"q": SCENE + "honestly i want to die"})
    assert response.context["crisis"] is True
