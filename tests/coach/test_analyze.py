"""The analyser's contract and the hard cases real messages bring."""

from __future__ import annotations

import json

import pytest

import coach
from coach import InvalidTextError, analyze
from coach.normalize import normalize

# (reply, context, expected label)
HARD_CASES = [
    # negation
    ("I'm not saying you never help. I just miss you.", None, "safe"),
    # a feeling named beside an attack does not make the attack safe to hear
    ("I feel so left out when you make plans without me, it's pathetic.", None, "unsafe"),
    ("I get so lonely at night, thanks for nothing as usual.", None, "unsafe"),
    ("I feel invisible to you. Pathetic, really.", None, "unsafe"),
    ("You don't care about anyone but yourself.", None, "unsafe"),
    # disgust at their habits is contempt, however calmly it starts
    ("I hate how loud you chew, it's disgusting.", None, "unsafe"),
    # the partner's context
    ("ok.", "I cried in the car after work today. I feel like nobody sees me.", "unsafe"),
    ("you're right", "You said you'd call the landlord and you didn't.", "safe"),
    # mixed replies: a "but" erases the validation
    ("I hear you, but you always twist what I say.", None, "unsafe"),
    ("I get why you're upset, but honestly you're the one who started it.", None, "unsafe"),
    # accusatory closed questions versus open ones
    ("Why would you do that?", None, "unsafe"),
    ("Seriously? Are you kidding me?", None, "unsafe"),
    ("What was that like for you?", None, "safe"),
    ("How are you feeling about the move now?", None, "safe"),
    # non-apologies versus apologies
    ("I'm sorry you feel that way.", None, "unsafe"),
    ("I'm sorry. I was wrong to cancel on you.", None, "safe"),
    # sarcasm and polite-sounding contempt
    ("With all due respect, you're being ridiculous.", None, "unsafe"),
    ("Oh wow, thanks SO much for noticing I exist.", None, "unsafe"),
    # safe replies full of negative words
    ("I'm scared I've pushed you away.", None, "safe"),
    ("I hate that I hurt you. I feel awful and I don't want to lose us.", None, "safe"),
    # texting style
    ("u never listen to me omg", None, "unsafe"),
    ("ur right babe, i shouldve texted u back 😔", None, "safe"),
    ("k", "I really needed you at the hospital today.", "unsafe"),
    # long multi-sentence messages
    (
        "I've been thinking about last night. You were right that I checked out when your "
        "dad came up. I think I get scared when we talk about him because I don't know what "
        "to say. That's not fair to you. Could we try again this weekend, just the two of us?",
        None,
        "safe",
    ),
    (
        "Honestly I'm so tired of this. Every time I try to relax you find something else I "
        "did wrong. You nag about the dishes, the laundry, the dog. Maybe if you did half of "
        "what I do you'd have less time to complain. Whatever. Do what you want.",
        None,
        "unsafe",
    ),
]


@pytest.mark.parametrize(("reply", "context", "label"), HARD_CASES)
def test_hard_cases(reply: str, context: str | None, label: str) -> None:
    analysis = analyze(reply, context=context)
    assert analysis.label == label, (analysis.score, [m.kind for m in analysis.markers])


@pytest.mark.parametrize(
    ("reply", "context"),
    [
        ("Yes, I'll book the vet for Thursday morning.", "Can you book Biscuit's checkup?"),
        ("I'm at the pharmacy now, anything else you need?", None),
        ("Sounds good, let's leave at eight.", "Should we head out early tomorrow?"),
        ("Oops, I forgot the bread. I'll swing by the bakery.", "Did you get bread?"),
        ("i can do pickup today, u take friday?", "who's getting the kids today"),
    ],
)
def test_ordinary_cooperative_replies_are_safe(reply: str, context: str | None) -> None:
    result = analyze(reply, context=context)
    assert result.label == "safe", (reply, result.score)


def test_a_bare_ok_after_a_hurt_is_still_stonewalling() -> None:
    assert analyze("ok", context="Lately I feel invisible to you, and it hurts.").label == "unsafe"


def test_not_wanting_to_talk_about_it_is_stonewalling_and_talking_later_is_not() -> None:
    shut = analyze("Honestly I don't want to talk about the move.")
    assert "stonewalling" in [m.kind for m in shut.markers]
    later = analyze("I don't want to talk about the move tonight, can we talk tomorrow after work?")
    assert "stonewalling" not in [m.kind for m in later.markers]


def test_result_contract() -> None:
    a = analyze("You never listen to me", context="I had such a rough day")
    assert isinstance(a.score, int) and 0 <= a.score <= 100
    assert a.label == ("safe" if a.score < 50 else "unsafe")
    data = json.loads(json.dumps(a.to_dict()))
    assert set(data) == {"text", "context", "score", "label", "markers", "flags"}
    assert data["markers"], "an unsafe reply explains itself"
    for m in data["markers"]:
        assert set(m) == {"kind", "start", "end", "text", "polarity", "tip"}
        assert m["kind"] in coach.KINDS
        assert m["polarity"] == ("help" if m["kind"] in coach.HELP_KINDS else "harm")


def test_safe_replies_score_below_unsafe_ones() -> None:
    safe = analyze("That makes sense. What would help most tonight?")
    unsafe = analyze("You're being dramatic again, calm down.")
    assert safe.score < 50 <= unsafe.score


def test_mixed_reply_drops_the_erased_validation() -> None:
    a = analyze("I hear you, but you always twist what I say.")
    kinds = [m.kind for m in a.markers]
    assert "validation" not in kinds
    assert any(m.polarity == "harm" for m in a.markers)


def test_texting_offsets_map_back_to_the_original() -> None:
    text = "ur always on ur phone when i talk 2 u"
    a = analyze(text)
    assert a.text == text
    absolute = next(m for m in a.markers if m.kind == "absolute")
    assert "always" in absolute.text
    assert text[absolute.start : absolute.end] == absolute.text


@pytest.mark.parametrize(
    ("texted", "read"),
    [
        ("ill ring u after work", "I'll ring you after work"),
        ("ok ill just sort it myself then", "ok I'll just sort it myself then"),
        ("been ill all week tbh", "been ill all week to be honest"),
        ("im ill, can u grab milk", "I'm ill, can you grab milk"),
        # when, texted short
        ("back tmrw night, 2nite im out", "back tomorrow night, tonight I'm out"),
        # "its" is "it's" where a possessive could not stand
        ("its just a quiz night lol", "it's just a quiz night lol"),
        (
            "Its not late, the cat knocked its bowl over",
            "It's not late, the cat knocked its bowl over",
        ),
        ("the app lost its own backup", "the app lost its own backup"),
        # and before the verbs texted on as "its doing my head in"
        ("its doing my head in tbh", "it's doing my head in to be honest"),
        ("hes late and shes livid, u'll see", "he's late and she's livid, you'll see"),
    ],
)
def test_texting_shorthand_is_read_as_words(texted: str, read: str) -> None:
    # a texted "ill" is "I'll" only before a verb
    assert normalize(texted).text == read


@pytest.mark.parametrize("text", ["", "   ", "\n\t "])
def test_empty_text_is_refused(text: str) -> None:
    with pytest.raises(InvalidTextError, match="empty"):
        analyze(text)


def test_too_long_text_is_refused_with_the_limit() -> None:
    with pytest.raises(InvalidTextError, match="5000"):
        analyze("You never listen. " * 300)


def test_wrong_type_is_refused() -> None:
    with pytest.raises(InvalidTextError, match="string"):
        analyze(42)  # type: ignore[arg-type]


def test_control_characters_are_stripped() -> None:
    a = analyze("You never\x00 listen\x07 to me\x1b")
    assert "\x00" not in a.text and "\x07" not in a.text and "\x1b" not in a.text
    assert a.text == "You never listen to me"
    assert all(a.text[m.start : m.end] == m.text for m in a.markers)


def test_emoji_only_is_analysed() -> None:
    a = analyze("🙄🙄")
    assert 0 <= a.score <= 100
    assert "no_words" in a.flags


@pytest.mark.parametrize(
    "text",
    [
        "No entiendo por qué siempre llegas tarde a cenar",
        "Je suis vraiment fatigué de toujours faire la vaisselle",
        "Почему ты никогда меня не слушаешь",
    ],
)
def test_non_english_is_flagged(text: str) -> None:
    assert "non_english" in analyze(text).flags


@pytest.mark.parametrize("text", ["k cool thanks", "I'm scared I've pushed you away."])
def test_english_is_not_flagged(text: str) -> None:
    assert "non_english" not in analyze(text).flags


def test_nlp_is_the_cached_pipeline() -> None:
    assert coach.nlp() is coach.nlp()
    assert "parser" in coach.nlp().pipe_names


@pytest.mark.parametrize(
    ("text", "word", "lemma"),
    [
        ("It scares me when you drive that fast.", "scares", "scare"),
        ("You hated that restaurant.", "hated", "hate"),
        ("I texted you twice.", "texted", "text"),
        ("I'm scared.", "scared", "scared"),  # the adjective keeps its own lemma
    ],
)
def test_pipeline_lemmatises_the_verbs_the_model_gets_wrong(
    text: str, word: str, lemma: str
) -> None:
    token = next(t for t in coach.nlp()(text) if t.text == word)
    assert token.lemma_ == lemma


def test_a_repeated_n_gram_counts_once_as_in_fitting() -> None:
    # The models were fitted on present/absent features; a three-sentence reply has "u:."
    # three times, and summing each time pushed long messages over thresholds.
    from coach.scorer import LinearModel, text_features

    model = LinearModel(weights={"u:.": 1.0, "u:ok": 0.5}, bias=0.0)
    assert model.logit(["u:.", "u:.", "u:.", "u:ok"]) == 1.5
    features = text_features(coach.nlp()("Ok. Fine. Done."))
    assert features.count("u:.") == 3
    assert model.logit(features) == model.logit(set(features))


def test_being_somewhere_is_no_invitation() -> None:
    # "when you're" opens an invitation only with the readiness said ("when you're ready")
    text = "You never pick up when you're at your mum's, it's so inconsiderate."
    result = analyze(text)
    assert not any(m.kind == "invitation" for m in result.markers), result.markers
    assert result.label == "unsafe"
    assert any(
        m.kind == "invitation" for m in analyze("Ring me when you're free, no rush.").markers
    )


def test_a_deed_of_theirs_judged_as_a_trait_is_criticism() -> None:
    judged = analyze("You left the back gate unlatched again, honestly that's so careless.")
    assert any(
        m.kind == "criticism" and "careless" in judged.text[m.start : m.end] for m in judged.markers
    ), judged.markers
    # a fault owned is no verdict on them
    owned = analyze("You did nothing wrong, it was careless of me.")
    assert not any(m.kind == "criticism" for m in owned.markers), owned.markers


@pytest.mark.parametrize(
    ("text", "pushed"),
    [
        ("you've got till Friday to sort the MOT", "you've got till"),
        ("Sign the lease today, no arguments.", "no arguments"),
        ("Put the laundry away NOW.", "NOW"),
        ("Feed the cat. Now.", "Now"),
    ],
)
def test_a_deadline_or_an_order_pushed_is_pressure(text: str, pushed: str) -> None:
    result = analyze(text)
    assert any(
        m.kind == "pressure" and pushed in result.text[m.start : m.end] for m in result.markers
    ), result.markers


@pytest.mark.parametrize(
    "text",
    [
        "No excuses from me, I ought to have phoned back.",
        "I LOVE YOU NOW AND ALWAYS",
        "Now, about Saturday: is the cinema plan still happening?",
    ],
)
def test_owning_it_or_shouting_love_is_no_pressure(text: str) -> None:
    assert not any(m.kind == "pressure" for m in analyze(text).markers)
