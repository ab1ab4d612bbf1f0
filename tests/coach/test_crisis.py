"""Crisis detection: each kind, the look-alikes, resources and the result's shape."""

from __future__ import annotations

import pytest

from coach import InvalidTextError, check_crisis
from coach.crisis import CRISIS_KINDS, load_resources

DISCLOSURES = [
    ("he hid my car keys again and says I can't go to my sister's", "abuse"),
    ("She checks my phone every night and I have to ask before I spend anything", "abuse"),
    ("he always reads my texts and decides who I'm allowed to see", "abuse"),
    ("he hands me cash for the week and wants every receipt back", "abuse"),
    ("he dragged me out to the car by my hair", "abuse"),
    ("She pushed me to the floor and kicked me.", "abuse"),
    ("I'm honestly afraid to go home tonight", "abuse"),
    ("he put his hands around my neck during the fight. it only lasted a second", "abuse"),
    ("he slammed me into the fridge at work drinks and laughed it off", "abuse"),
    ("I have to wear long sleeves so nobody sees the bruises", "abuse"),
    ("everyone would be better off without me tbh", "self_harm"),
    ("I've been saving up my sleeping pills and I know when I'd do it", "self_harm"),
    ("i just want to go to sleep and not wake up", "self_harm"),
    ("I started cutting myself again last week", "self_harm"),
    ("he said if I leave he'll make sure I never see the kids again", "threat"),
    ("my ex keeps showing up outside my work, I never told him where I moved", "threat"),
    ("He brought the gun out while we were arguing", "threat"),
    ("I'm going to make her pay for this, I know where she parks", "threat"),
    ("his van has been parked across the road from my flat every night", "threat"),
    # held by the throat, told with the scream it stopped: not "I could scream"
    ("He grabbed me by the throat before I could scream.", "abuse"),
    ("he grabbed me by the neck and shoved me against the door", "abuse"),
    # held back, but to keep them from leaving
    ("he grabbed my arm to stop me walking out of the flat", "abuse"),
]

LOOK_ALIKES = [
    # a car left in the way, not someone watching
    "you parked across the drive again and I couldn't get the car out",
    "I could kill him for forgetting the milk lol",
    "this week is killing me",
    "I'm dying of embarrassment, I called her by my ex's name",
    "the finale of that show was so violent, he strangled the guy in the last scene",
    "Years ago my ex hit me. I got out, I've done a lot of therapy and I'm safe and happy now.",
    "He has never once laid a hand on me, he's just really quiet when he's upset",
    "she took my phone charger again and I'm annoyed",
    "We argued about the budget and he wants to cut back on takeout",
    "I'm not suicidal, just really tired of doing all the laundry",
    "She'll murder me if I'm late to her mom's again 😂",
    # Everyday injuries, idioms, comparisons, escape fantasies and chosen arrangements.
    "I sliced my thumb making the salad and she bandaged it like a pro",
    "I sprained my ankle playing five-a-side and he's been driving me everywhere",
    "She fired me a quick text from the meeting saying she was running late",
    "Honestly I'd rather die than sit through another of his uncle's slideshows",
    "I want to disappear to a cabin for a week with zero emails",
    "I could scream, he booked the wrong weekend for the trip",
    "He keeps our car keys in his bag on nights out because we agreed he drives",
    "she has my bank card this month since I asked her to help me stop impulse buying",
    "I'm sorry I snapped, but you drove me into saying it.",
    "Sorry, I've been slammed at work all week, the gutters can wait.",
    "Maybe if the twins listened the first time I wouldn't have to shout.",
    # "give me a ..." is an idiom, not money handed out
    "Oh give me a break, I had a double shift and forgot the bins.",
    "Give me a minute to finish this email and I'm all yours.",
    # reading messages once is a breach of trust to talk through; as a habit (above) it
    # is control
    "You went through my phone while I was in the bath and I'm furious about it.",
    # more idioms that borrow a violent verb, and an offer
    "Hit me up when the meeting's over and we'll grab food.",
    "You'd have to drag me to that karaoke night, honestly.",
    "She pushed me to apply for the nursing course and I got in!",
    "Take my car tomorrow, I'll cycle to the office.",
    # an animal's bite, and tiredness
    "My sister's puppy bit me on the thumb when I took his sock away.",
    "Our neighbour's dog bit me on the ankle on the way home.",
    "Honestly I want to sleep for a whole week after this move.",
    # grief for someone else is not a plan to be gone
    "My grandad has been gone since the spring and I still set his place at Sunday lunch.",
    "She's been gone two years and I still can't delete her number.",
    # held back from danger
    "She grabbed my arm to stop me stepping off the curb into traffic, thank god.",
    "He grabbed my arm to stop me stepping into the road while I was on my phone.",
    "He caught my hand before I slipped on the ice outside the bakery.",
]


# Words that once tripped the patterns on their own.
def test_saying_or_asking_is_not_a_disclosure_by_itself() -> None:
    for text in (
        "He said my curry was fine. Just fine.",
        "I signed the permission slip for the school trip",
    ):
        result = check_crisis(text)
        assert not result.crisis, text


def test_a_cover_story_for_an_injury_still_stops_coaching() -> None:
    result = check_crisis("I told the nurse I slipped in the shower. I didn't slip.")
    assert result.crisis


def test_planning_to_escape_is_not_read_as_resolved() -> None:
    result = check_crisis("I keep a bag packed at work with cash in case I need to get out fast")
    assert result.crisis or result.check_in


@pytest.mark.parametrize(
    "text",
    [
        "He grabbed me by the throat before I could scream.",
        "she held me by the neck against the wall until I stopped arguing",
    ],
)
def test_a_hold_on_the_throat_always_stops_coaching(text: str) -> None:
    # strangling is among the strongest warning signs: never only a check-in, even next
    # to words that borrow from frustration ("I could scream")
    assert check_crisis(text).crisis, text


@pytest.mark.parametrize(
    "text",
    [
        "Soon I'll be gone and nobody will have to put up with me.",
        "some nights I want to sleep and never wake up",
        "I just want to sleep forever",
    ],
)
def test_wanting_to_be_gone_stops_coaching(text: str) -> None:
    result = check_crisis(text)
    assert result.crisis and result.kind == "self_harm"


def test_an_animal_in_the_message_does_not_hide_a_person_hitting() -> None:
    assert check_crisis("He hit me and then his dog bit me.").crisis


@pytest.mark.parametrize(("text", "kind"), DISCLOSURES)
def test_disclosures_are_caught(text: str, kind: str) -> None:
    result = check_crisis(text)
    assert result.crisis or result.check_in, text
    assert result.kind == kind
    assert result.message and result.resources


@pytest.mark.parametrize("text", LOOK_ALIKES)
def test_look_alikes_do_not_stop_coaching(text: str) -> None:
    result = check_crisis(text)
    assert not result.crisis, (text, result.kind)
    if not result.check_in:
        assert result.kind is None and result.resources == []


@pytest.mark.parametrize("text", ["k", "You never listen to me", "Can we talk about the dishes?"])
def test_everyday_messages_pass_quietly(text: str) -> None:
    result = check_crisis(text)
    assert not result.crisis and not result.check_in and result.resources == []


@pytest.mark.parametrize(
    "text",
    [
        "No. I'm tired and I have to be up for the early shift. Night.",
        "I'm not arguing about this. It was the only one near my office. End of discussion.",
    ],
)
def test_the_classifier_alone_stops_coaching_only_when_sure(text: str) -> None:
    # Tired, shutting a talk down: the words lean the classifier's way, and help may be
    # offered gently, but no pattern matched, so coaching goes on.
    assert not check_crisis(text).crisis


def test_a_check_in_offers_help_without_stopping() -> None:
    result = check_crisis("i have to send him a pic of where i am whenever i go out")
    assert result.crisis or result.check_in
    assert result.resources and result.message


def test_ongoing_harm_is_not_mistaken_for_resolved() -> None:
    assert check_crisis("He hit me years ago and last night he did it again").crisis


@pytest.mark.parametrize(
    ("locale", "expected", "number"),
    [
        ("en-US", "en-US", "988"),
        ("en_US", "en-US", "988"),
        ("en-GB", "en-GB", "116 123"),
        ("en-UK", "en-GB", "116 123"),
        ("fr-FR", "international", "findahelpline.com"),
        (None, "international", "findahelpline.com"),
        ("not a locale!", "international", "findahelpline.com"),
    ],
)
def test_resources_follow_the_locale(locale: str | None, expected: str, number: str) -> None:
    result = check_crisis("everyone would be better off without me", locale=locale)
    assert result.locale == expected
    assert any(number in r.contact for r in result.resources)


@pytest.mark.parametrize("locale", ["en-US", "en-GB", "international"])
@pytest.mark.parametrize("kind", CRISIS_KINDS)
def test_every_kind_has_emergency_and_specialist_help(locale: str, kind: str) -> None:
    served = [r for k, r in load_resources(locale) if k == kind]
    assert len(served) >= 2, "an emergency line and at least one specialist service"
    assert all(r.source.startswith("https://") for r in served)


def test_result_shape() -> None:
    data = check_crisis("he took my passport and won't give it back").to_dict()
    assert set(data) == {"crisis", "check_in", "kind", "message", "resources", "locale"}
    assert data["crisis"] is True and data["kind"] == "abuse"
    assert {"name", "contact", "when", "source"} == set(data["resources"][0])


def test_message_does_not_blame() -> None:
    for text, _ in DISCLOSURES:
        message = check_crisis(text).message.lower()
        assert "your fault" not in message.replace("not your fault", "")
        assert "should have" not in message


def test_empty_text_is_refused() -> None:
    with pytest.raises(InvalidTextError):
        check_crisis("  ")


def test_a_long_calm_explanation_does_not_stop_coaching() -> None:
    text = (
        "The meeting ran way over and I couldn't get away without losing the client. I know "
        "that's not what she'll remember, though. I'll talk to her tonight and say sorry myself."
    )
    assert not check_crisis(text).crisis


def test_a_kick_in_ones_sleep_is_a_complaint_about_the_bed_not_a_blow() -> None:
    for text in (
        "Sorry I steal the duvet, but you kick me all night and I never say a word.",
        "well u kick me in ur sleep so we're square",
    ):
        assert not check_crisis(text).crisis, text
    # a blow is still a blow, in the night or in their sleep
    for text in (
        "He hits me every night after the pub.",
        "She punches me in her sleep and then says she can't remember.",
        "He kicked me because I wouldn't get out of bed.",
    ):
        assert check_crisis(text).crisis, text
