"""Rewrites: each strategy, the guarantees, and meaning kept."""

from __future__ import annotations

import importlib
import re

import pytest

from coach import InvalidTextError, analyze, rewrite
from coach.analyzer import extract
from coach.errors import InvalidArgumentError
from coach.result import Marker

rewrite_module = importlib.import_module("coach.rewrite")

UNSAFE = [
    ("You never listen to me.", None),
    ("Just do the dishes, you lazy slob. You always leave them.", None),
    ("Whatever.", "I feel like you never make time for me."),
    ("Something came up at work, what do you want me to say.", "You missed my presentation."),
    ("I'm sorry but your mom is impossible at Christmas.", None),
    ("ur always on ur phone at dinner, its so rude", None),
    ("Well, you forgot my birthday last year.", "You forgot to call my mom on her birthday."),
    ("We're deciding about the budget tonight, end of discussion.", None),
    ("Calm down, it's not a big deal. Just call your sister back.", "My sister hung up on me."),
]


def _texts(text: str, context: str | None = None, n: int = 3) -> list[str]:
    """The texts of the suggestions for a reply (three unless `n` says otherwise)."""
    return [s.text for s in rewrite(text, context=context, n=n)]


def _says(texts: list[str], said: str | None, not_said: str | None) -> None:
    """Some suggestion says `said`, and none says `not_said` (either may be None)."""
    if said is not None:
        assert any(said in t for t in texts), texts
    if not_said is not None:
        assert not any(not_said in t for t in texts), texts


@pytest.mark.parametrize(("text", "context"), UNSAFE)
def test_every_suggestion_is_safe_and_safer(text: str, context: str | None) -> None:
    suggestions = rewrite(text, context=context)
    original = analyze(text, context=context)
    assert suggestions, suggestions.note
    assert len(suggestions) <= 3
    assert len({s.strategy for s in suggestions}) == len(suggestions), "one skill each"
    for s in suggestions:
        rescored = analyze(s.text, context=context)
        assert s.label == rescored.label == "safe"
        assert s.score == rescored.score < original.score
        assert s.explanation


@pytest.mark.parametrize(("text", "context"), UNSAFE)
def test_suggestions_are_well_formed(text: str, context: str | None) -> None:
    for s in rewrite(text, context=context):
        assert s.text[0].isupper() and s.text[-1] in ".?!"
        assert "  " not in s.text and " ," not in s.text and " ." not in s.text
        assert not re.search(r"\b(\w+) \1\b", s.text, flags=re.IGNORECASE), "doubled word"
        assert not re.search(r"\b(ur|u)\b", s.text), "texting shorthand is expanded"
        assert "{" not in s.text


@pytest.mark.parametrize(
    ("text", "context", "topic"),
    [
        ("Just do the dishes, you lazy slob.", None, "dishes"),
        ("I'm sorry but your mom is impossible at Christmas.", None, "mom"),
        ("ur always on ur phone at dinner", None, "phone"),
        ("You blew the whole budget again, genius.", None, "budget"),
        # a role in the family they took on is the matter, not "the dad"
        (
            "You're a dad now, your weekends are different.",
            "I miss my Saturday football since the twins came.",
            "being a dad",
        ),
        # "the savings thing" is the savings
        (
            "Here we go again, lecture time.",
            "Could we go over the savings thing tonight?",
            "the savings together",
        ),
        # what a verdict is about is the matter ("on weekends" is when it is pinned on them)
        ("You're paranoid over one late payment.", None, "the late payment"),
        ("Ugh, the party was a disaster because of you.", None, "party"),
        # what is played down or asked about is still the topic
        ("moving in together isn't that deep lol", "I'm nervous about it.", "moving in together"),
        ("She was just teasing, relax.", "Your sister mocked my accent all night.", "teasing"),
        # a name's second word the tagger read as a verb is still the name
        (
            "Well if you didn't get Uber Eats five nights a week we'd be fine. Your spending "
            "is the problem, not mine.",
            "The credit card is maxed out again and I'm really anxious.",
            "Uber Eats",
        ),
        # "one more game" is the game (not "the more game")
        (
            "Ugh, I'm mid-raid, stop hovering over me like a warden.",
            "You said one more game an hour ago and dinner's going cold.",
            "the game",
        ),
        # "starts" after a bare adjective is the noun it looks like
        (
            "ugh fine, I'll tiptoe round like a ghost then",
            "Could you keep the hoover off before nine? I've got late starts at the depot.",
            "late starts",
        ),
        (
            "With what money? Get real.",
            "I want to take a pottery course.",
            "the pottery course and money",
        ),
        ("You never iron, so washing is the least you can do.", None, "about washing"),
        (
            "sure whatever u say",
            "Can we have a screen-free evening tomorrow?",
            "screen-free evening",
        ),
        ("lol trains are quicker than buses anyway", "I hate the bus to work.", "and trains"),
        # "the baby" and "our child" are someone at home; "a baby" is a name they are called
        ("I start at seven, you don't.", "I need more help with the baby at night.", "the baby"),
        ("It's a cold, he'll live.", "Our child has a fever again.", "our child"),
        # a "how" clause is carried whole, not as "often my mum visits"
        (
            "Not this again. I'm going for a run.",
            "Can we talk about how often your mum visits?",
            "how often my mum visits",
        ),
        # a laugh after it is not the thing itself ("a quiz night lol")
        (
            "its only a quiz night lol ur overreacting",
            "my sister didn't ask me to her quiz night and im gutted",
            "the quiz night",
        ),
        # a capital inside a sentence is kept, whatever the tagger calls the word
        (
            "Sure, like the Italian classes you quit after two weeks.",
            "I've been looking at a pottery course.",
            "the Italian classes",
        ),
    ],
)
def test_the_topic_survives(text: str, context: str | None, topic: str) -> None:
    suggestions = rewrite(text, context=context)
    assert any(topic in s.text for s in suggestions), [s.text for s in suggestions]


def test_insults_and_absolutes_are_dropped() -> None:
    for s in rewrite("You're so lazy, you never do the dishes."):
        # as words: "Whenever you're ready" holds no "never"
        assert not re.search(r"\b(lazy|never)\b", s.text, re.IGNORECASE), s.text


@pytest.mark.parametrize(
    ("text", "topic", "verdict"),
    [
        ("Honestly your curries are garbage and you know it.", "your curries", "garbage"),
        ("ur band is a joke and everyone can see it", "your band", "joke"),
    ],
)
def test_a_verdict_on_their_things_is_dropped_and_the_thing_kept(
    text: str, topic: str, verdict: str
) -> None:
    texts = _texts(text)
    assert any(topic in t for t in texts), texts
    assert not any(verdict in t for t in texts), texts


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("take your bloody boots off the sofa, you slob", "take your boots off the sofa"),
        ("just wipe the fucking counter for once", "wipe the counter"),
    ],
)
def test_a_swear_is_not_carried_into_the_request(text: str, asked: str) -> None:
    texts = _texts(text, n=7)
    assert any(asked in t for t in texts), texts
    assert not any(re.search(r"bloody|fucking", t) for t in texts), texts


@pytest.mark.parametrize(
    "text",
    [
        "You left the gate open again and the dog got out, you absolute muppet.",
        "Parked across the drive AGAIN. Worst neighbour-annoyer alive, you numpty.",
    ],
)
def test_calling_them_names_raises_the_deed_not_a_need_for_respect(text: str) -> None:
    first = rewrite(text, n=1)[0]
    assert first.strategy == "i_statement", first.text
    assert "respect" not in first.text, first.text
    assert not re.search(r"muppet|numpty|worst", first.text), first.text


@pytest.mark.parametrize(
    "text",
    [
        "Oh wow, the towels are on the floor again. Lovely.",
        "Must be lovely having a free Saturday while I do the food shop again.",
    ],
)
def test_a_sneer_raising_a_matter_tells_the_hurt_under_it(text: str) -> None:
    said = next(s for s in rewrite(text, n=7) if s.strategy == "i_statement").text
    assert "hurt" in said, said
    assert "respect" not in said, said


@pytest.mark.parametrize(
    ("text", "observed"),
    [
        # asked about the past: told in the past
        ("Why did you lend your cousin our car?", "When you lent your cousin our car"),
        ("why did you move my plants off the windowsill", "When you moved my plants"),
        # the oath is no part of the deed
        ("Why the hell did you sell my bike?", "When you sold my bike"),
        ("why didn't you ring the plumber yesterday?", "When you didn't ring the plumber"),
    ],
)
def test_a_why_question_about_the_past_is_told_as_what_happened(text: str, observed: str) -> None:
    first = rewrite(text, n=1)[0]
    assert first.text.startswith(observed), first.text
    assert "hell" not in first.text


def test_how_rarely_it_is_done_is_neither_the_deed_nor_the_matter() -> None:
    texts = _texts("you never hoover the stairs for once", n=7)
    assert any("When you don't hoover the stairs," in t for t in texts), texts
    assert any("Could you hoover the stairs?" in t for t in texts), texts
    assert not any(re.search(r"\bfor\b[,.?]|once", t) for t in texts), texts
    # praise in mockery is no deed, and "a change" is no topic
    for text in ("Gosh, you emptied the bins for once.", "wow you actually ironed for a change"):
        for t in _texts(text, n=7):
            assert not re.search(r"When you (emptied|ironed)|\bchange\b|for once", t), t


def test_praise_in_mockery_after_an_opener_is_no_deed() -> None:
    for t in _texts("Oh wow, you actually emptied the dishwasher this week.", n=7):
        assert not t.startswith("When you emptied"), t


def test_after_a_sarcastic_opener_the_matter_and_the_deed_are_still_told() -> None:
    first = rewrite("Oh wow, you've left the back door unlocked again. Superb.", n=1)[0]
    assert first.text.startswith("When you've left the back door unlocked"), first.text
    texts = _texts("Oh great, the recycling is overflowing again. Lovely surprise.")
    assert any("the recycling" in t for t in texts), texts
    assert not any("surprise" in t.lower() for t in texts), texts


def test_the_day_they_put_their_matter_on_is_heard() -> None:
    texts = _texts(
        "It's just a check-up, stop catastrophising.",
        context="My scan got moved to Friday and I'm really anxious about it.",
        n=7,
    )
    assert any("anxious about your scan on Friday" in t for t in texts), texts
    # the time of what they ask for is not the time of their feeling
    texts = _texts(
        "nah not tonight, ur just being dramatic",
        context="could we talk tonight? i feel like we're drifting apart",
        n=7,
    )
    assert not any("apart tonight" in t for t in texts), texts


def test_something_begun_with_delight_is_good_news() -> None:
    texts = _texts(
        "Spanish? You can barely order a coffee in English.",
        context="I've just enrolled in a Spanish evening class, it starts in March!",
    )
    assert "wonderful news about the Spanish evening class" in texts[0], texts
    assert not any("upset" in t for t in texts), texts


@pytest.mark.parametrize(
    ("text", "matter", "held_up"),
    [
        ("My cousin's boyfriend irons all her shirts, what's your excuse?", "her shirts", "cousin"),
        ("Dev's wife books the holidays. What's your excuse?", "the holidays", "Dev"),
    ],
)
def test_who_they_are_held_up_beside_is_neither_the_matter_nor_a_point(
    text: str, matter: str, held_up: str
) -> None:
    texts = _texts(text)
    assert matter in texts[0], texts
    assert not any(held_up in t or "From my side" in t for t in texts), texts


def test_thanks_for_a_job_keep_what_the_reply_raised_beside_it() -> None:
    first = _texts(
        "brilliant, and you've dyed my white shirt pink. genius", "I washed your shirts!"
    )[0]
    assert first.startswith("Thank you for washing my shirts."), first
    assert "talk about my white shirt" in first, first


@pytest.mark.parametrize(
    ("text", "context", "thanks"),
    [
        (
            "about time lol, only took six months",
            "Finally put up the shelves in the hall!",
            "Thank you for putting up the shelves in the hall",
        ),
        # a name they call the person by is no part of the job
        (
            "about time lol, only took six months",
            "Jo, I finally fixed the wobbly gate!",
            "Thank you for fixing the wobbly gate",
        ),
        # the first job of several, and theirs said as the person says it
        (
            "wow. alert the newspapers",
            "I mopped my studio and scrubbed the oven!",
            "Thank you for mopping your studio",
        ),
    ],
)
def test_a_job_for_the_home_told_with_delight_is_thanked(
    text: str, context: str, thanks: str
) -> None:
    texts = _texts(text, context)
    assert len(texts) == 3 and all(thanks in t for t in texts), texts
    assert not any("upset" in t or "news" in t for t in texts), texts


@pytest.mark.parametrize(
    ("text", "context", "thing"),
    [
        # the tagger reads "5k" as a number and "flat" as an adjective: still things
        (
            "ok and? people swim further than that every day",
            "I'm so proud, I did my first 5k today!",
            "wonderful news about your first 5k",
        ),
        (
            "Classic. I hoovered the whole flat and you haven't said a single word.",
            None,
            "the flat",
        ),
        # and an activity read as a verb after the thing it is of
        ("Come to couples counselling or I'm leaving.", None, "couples counselling"),
    ],
)
def test_a_thing_the_tagger_misreads_is_still_named(
    text: str, context: str | None, thing: str
) -> None:
    assert thing in _texts(text, context)[0]


@pytest.mark.parametrize(
    ("text", "opening"),
    [
        # the feeling they are made to have is theirs to name; the deed is in the "when"
        ("You make me so angry when you ignore my texts.", "When you ignore my texts, I feel"),
        # where it happened is no sweep
        (
            "You corrected my grammar in front of everyone at dinner.",
            "When you corrected my grammar in front of everyone",
        ),
    ],
)
def test_a_raised_complaint_opens_on_the_deed(text: str, opening: str) -> None:
    first = rewrite(text, n=1)[0]
    assert first.text.startswith(opening), first.text


@pytest.mark.parametrize(
    ("text", "deed", "asked"),
    [
        (
            "Honestly the recycling is everywhere and you still can't put the glass out.",
            "When you don't put the glass out,",
            "Could you put the glass out?",
        ),
        (
            "You can't even be bothered to answer my calls on your lunch break. Pathetic.",
            "When you don't answer my calls on your lunch break,",
            "Could you answer my calls on your lunch break?",
        ),
        (
            "You can't even water the tomatoes while I'm away, useless.",
            "When you don't water the tomatoes while I'm away,",
            "Could you water the tomatoes while I'm away?",
        ),
    ],
)
def test_what_they_still_cant_be_bothered_to_do_is_told_as_undone(
    text: str, deed: str, asked: str
) -> None:
    first = rewrite(text, n=1)[0]
    assert first.text.startswith(deed) and asked in first.text, first.text


@pytest.mark.parametrize(
    ("text", "opening"),
    [
        (
            "You humiliated me mocking my cooking in front of your whole family.",
            "When you were mocking my cooking in front of your whole family, I felt humiliated",
        ),
        # where they did it stays when the likeness goes
        (
            "You frightened me overtaking like a lunatic on the bypass.",
            "When you were overtaking on the bypass, I felt frightened",
        ),
    ],
)
def test_what_they_were_doing_when_they_made_the_person_feel_it_is_the_deed(
    text: str, opening: str
) -> None:
    first = rewrite(text, n=1)[0]
    assert first.text.startswith(opening), first.text


@pytest.mark.parametrize(
    ("text", "context"),
    [
        # forbidding is no deed
        ("You can't talk to me like that, idiot.", None),
        # after their words, a jab at what they could do is no thing left undone
        (
            "lol you can't even boil an egg, a dinner party is a stupid idea",
            "Let's host a dinner party!",
        ),
    ],
)
def test_what_they_cannot_do_is_no_deed_when_it_forbids_or_mocks(
    text: str, context: str | None
) -> None:
    for s in rewrite(text, context):
        assert "When you don't" not in s.text, s.text


@pytest.mark.parametrize(
    ("text", "opening"),
    [
        # how late stays; the sweep of "to everything" and "without fail" go
        (
            "Without fail you're half an hour late to every dinner we book.",
            "When you're half an hour late,",
        ),
        ("you're always a good hour late, honestly it's so rude", "When you're a good hour late,"),
    ],
)
def test_how_late_they_are_is_observed_and_without_fail_is_an_always(
    text: str, opening: str
) -> None:
    texts = _texts(text)
    assert texts[0].startswith(opening), texts
    assert not any("fail" in t for t in texts), texts


@pytest.mark.parametrize(
    ("text", "context", "not_said"),
    [
        # how it is said is no matter, and neither is calling it a row
        (
            "i was at the gym. not doing this over text",
            "You didn't reply all day and I was worried.",
            "text",
        ),
        (
            "ugh. I'm not having this row over whatsapp",
            "You forgot to ring my mum on her birthday.",
            "row",
        ),
    ],
)
def test_the_medium_and_the_row_are_no_topic(text: str, context: str, not_said: str) -> None:
    for t in _texts(text, context):
        assert not re.search(rf"\b{not_said}\b", t), t


def test_a_state_told_without_a_subject_is_the_deed_and_a_sneers_prop_no_matter() -> None:
    first = rewrite("Oh fantastic, late again. Do you even own a clock?", n=1)[0]
    assert first.text.startswith("When you're late,"), first.text
    assert "clock" not in first.text, first.text


def test_a_raised_complaint_names_the_feeling_it_was_made_to_have() -> None:
    first = rewrite("You make me so angry when you ignore my texts.", n=1)[0]
    assert "I feel angry" in first.text, first.text
    assert first.text.count("ignore") == 1, first.text


def test_thanks_said_in_a_sneer_are_not_the_persons_side() -> None:
    texts = _texts(
        "Thanks for telling me your brother's staying all week. Oh wait, you didn't.", n=7
    )
    assert texts
    assert not any(re.search(r"(?:my side|where I stand), thanks", t) for t in texts), texts


def test_after_their_fear_no_i_statement_on_their_matter_comes_first() -> None:
    # "When it comes to uni and savings, I feel hurt" answers their fear with the
    # person's own grievance about it
    first = rewrite(
        "With what savings? Get real.",
        context="I'd love to go back to uni next year, but I'm scared you'll think it's silly.",
    )[0]
    assert first.strategy != "i_statement", first.text


def test_their_complaint_of_a_habit_is_told_back_when_heard() -> None:
    texts = _texts(
        "Maybe if you cooked once in a while I'd have time to talk.",
        context="You've been really quiet with me since the holiday.",
        n=7,
    )
    assert any(
        "It makes sense that you're upset that I've been really quiet with you since the holiday"
        in t
        for t in texts
    ), texts


def test_a_complaint_opened_with_i_know_is_still_owned() -> None:
    texts = _texts(
        "Whatever, I was busy.",
        context="I know it's daft, but I was hurt you bought me a scarf for my birthday.",
        n=7,
    )
    assert any(t.startswith("You're right, I bought you a scarf") for t in texts), texts


def test_it_is_the_thing_the_sentence_is_about() -> None:
    texts = _texts("The hedge is out of control because you never trim it.", n=7)
    assert any(t.startswith("When you don't trim the hedge,") for t in texts), texts
    assert any("Could you trim the hedge?" in t for t in texts), texts
    # what the thing is called is not another thing ("a tip"), and "it" after a preposition
    first = rewrite("The spare room is a tip because you game in it every night.", n=1)[0]
    assert first.text.startswith("When you game in the room,"), first.text
    # with two things before it, "it" is left as it is
    texts = _texts("My bike has a flat tyre because you borrowed it without asking, again.", n=7)
    assert not any("borrowed the tyre" in t or "borrowed the flat" in t for t in texts), texts


@pytest.mark.parametrize(
    ("text", "deed", "not_said"),
    [
        # "them" for things, and for the people who were let
        ("The tomatoes are dying because you never water them.", "water the tomatoes", None),
        (
            "Thanks to you the twins were awake till one, you let them watch horror films.",
            "you let the twins watch horror films",
            None,
        ),
        # "him" and "her" for a pet or a relative of the right kind only
        ("the puppy is chewing everything because you never walk him", "walk the puppy", None),
        (
            "Your sister texted three times and you ignored her.",
            "When you ignored your sister",
            "being ignored",
        ),
        ("My brother asked for help and you laughed at him.", "laughed at my brother", None),
        ("my dad is a terrible driver and you let him take the van", "let my dad take", None),
        # "them" is the plural named before it, whatever else is named
        ("the boys were awake past midnight because you let them play", "let the boys play", None),
        # "it" is a thing named on its own just before
        ("The lawnmower. You broke it and never said.", "When you broke the lawnmower", None),
        ("My brother asked for help and you laughed at her.", None, "laughed at my brother"),
    ],
)
def test_a_pronoun_in_the_deed_is_the_thing_or_one_it_fits(
    text: str, deed: str | None, not_said: str | None
) -> None:
    _says(_texts(text, n=7), deed, not_said)


@pytest.mark.parametrize(
    ("text", "deed", "likened"),
    [
        (
            "you slammed my laptop shut like a toddler",
            "When you slammed my laptop shut,",
            "toddler",
        ),
        ("you answered my mum like a sulky teenager", "When you answered my mum,", "teenager"),
    ],
)
def test_what_they_are_likened_to_is_no_part_of_the_deed(
    text: str, deed: str, likened: str
) -> None:
    texts = _texts(text, n=7)
    assert any(t.startswith(deed) for t in texts), texts
    assert not any(likened in t for t in texts), texts
    # without it, "you treat me" tells no deed
    assert not any(
        t.startswith("When you treat me,") for t in _texts("you treat me like a servant", n=7)
    )


@pytest.mark.parametrize(
    ("text", "topic", "not_said"),
    [
        # what a verdict is about is the matter, and so is a fragment beside it
        (
            "you are so careless with the car keys, that's the third set this year",
            "the car keys",
            None,
        ),
        ("you're so lazy with chores, another weekend on the sofa", "chores", None),
        # a doer judged: the doing is the matter
        ("You're an awful cook and everyone knows it", "your cooking", None),
        ("you're honestly the worst texter I've ever met", "your texting", None),
        # not a doer of theirs, nor one with no verdict
        ("Oh sorry, I forgot you were the only parent here.", None, "your parenting"),
        ("my dad is a terrible driver and you let him take the van", None, "your driving"),
        # a sneer before a comma is no part of the thing; a grand word in it is the sneer
        ("wow amazing, another dent in the car", "dents", None),
        # after a mock yes, what follows is a claim thrown back, not a thing
        ("Oh sure, just one more episode. It's 2am.", None, "episode"),
        # a thing called rubbish is the thing; the verdict is neither topic nor point
        ("the pasta was garbage again. maybe let me cook", "the pasta", "garbage"),
        # what a sum went on is part of it
        ("bank statement came. 250 quid on vapes?? unreal", "250 quid on vapes", None),
        ("Oh wow, the famous lasagne. Cant wait.", None, "famous lasagne"),
    ],
)
def test_the_matter_under_a_verdict_is_carried(
    text: str, topic: str | None, not_said: str | None
) -> None:
    _says(_texts(text, n=7), topic, not_said)


@pytest.mark.parametrize(
    ("text", "context", "opening"),
    [
        (
            "typical, you forgot my dentist appointment. you're useless",
            "Sorry, I forgot to drive you to the dentist.",
            "When my dentist appointment gets forgotten,",
        ),
        (
            "of course you ignored my voice notes. you're hopeless",
            "Sorry, I was at the gym.",
            "When my voice notes get ignored,",
        ),
    ],
)
def test_a_thing_of_the_persons_forgotten_or_ignored_is_named(
    text: str, context: str, opening: str
) -> None:
    texts = _texts(text, context=context, n=7)
    assert any(t.startswith(opening) for t in texts), texts


def test_a_promise_that_it_will_pass_is_no_charge() -> None:
    texts = _texts(
        "You're fine, everyone gets nervous at interviews. Have a biscuit and you'll forget"
        " about it by tea time.",
        context="I froze in my interview today and I still feel awful.",
        n=7,
    )
    assert not any("forgotten" in t for t in texts), texts
    assert texts[0].startswith("It makes sense that you feel awful"), texts


@pytest.mark.parametrize(
    ("text", "context", "one_thing", "not_said"),
    [
        (
            "why is there a red wine stain on the new rug",
            None,
            "the red wine stain on the new rug",
            None,
        ),
        (
            "ugh everyone gets nervous, just breathe",
            "I had a meltdown in the lift at work and I still feel wobbly.",
            "the meltdown in the lift",
            None,
        ),
        # not how, when, or a place cut from what it goes on to say
        (
            "My apologies, I'll do my stretches in total silence from now on.",
            "Please don't do your yoga videos at six in the morning.",
            None,
            "in total silence",
        ),
        ("Sam's husband does the whole garden on Sundays. Just saying.", None, None, "on Sundays"),
    ],
)
def test_a_thing_and_where_it_is_are_one_thing(
    text: str, context: str | None, one_thing: str | None, not_said: str | None
) -> None:
    _says(_texts(text, context=context, n=7), one_thing, not_said)


@pytest.mark.parametrize(
    ("text", "context", "not_said"),
    [
        # a reward in mockery is neither topic nor request
        (
            "The entire garage? Gold star. Want a medal?",
            "I sorted out the entire garage today!",
            "medal",
        ),
        (
            "The entire garage? Gold star. Want a medal?",
            "I sorted out the entire garage today!",
            "gold star",
        ),
        # texting asides and sneering set phrases name nothing
        ("have u tried going for a run lol jk", "I've been feeling really flat this week.", "jk"),
        (
            "another evening of u glued to the golf. living the dream",
            "I'm going to watch the golf with Dave tonight.",
            "dream",
        ),
        # their feeling judged useless is neither the person's point nor a thing
        (
            "Just walk more and skip the biscuits. Complain also won't help.",
            "I hate how I look lately.",
            "complain",
        ),
        # "k." on its own is no part of the person's point
        (
            "k. gotta run, the dentist is at 4",
            "I miss you, this week apart has been so long.",
            "k.",
        ),
        # an opinion they are charged with is no deed of not thinking of the person
        (
            "Not everything is about you. You honestly think I'm that petty?",
            "I feel like you left me off the group chat on purpose.",
            "thoughts",
        ),
    ],
)
def test_sneers_and_asides_are_not_carried(text: str, context: str, not_said: str) -> None:
    texts = _texts(text, context=context, n=7)
    assert texts and not any(not_said in t.lower() for t in texts), texts


def test_what_was_seen_done_is_told_as_done() -> None:
    first = rewrite("I saw you wink at the waitress when I was paying the bill. Real classy.", n=1)[
        0
    ]
    assert first.text.startswith("When you winked at the waitress when I was paying the bill,"), (
        first.text
    )
    assert "I felt" in first.text, first.text
    # not what they did not notice themselves
    first = rewrite("You didn't even notice my new glasses.", n=1)[0]
    assert first.text.startswith("When you didn't notice my new glasses,"), first.text


def test_a_promise_not_kept_is_told_as_not_kept() -> None:
    first = rewrite("You swore you'd clear the gutters and you still haven't.", n=1)[0]
    assert first.text.startswith(
        "When you swore you'd clear the gutters and it still hasn't happened, I felt"
    ), first.text
    texts = _texts("you said you would book the vet but you didn't, typical", n=7)
    assert any("you said you would book the vet and it didn't happen," in t for t in texts), texts


def test_a_brush_off_is_no_side_of_the_persons() -> None:
    texts = _texts(
        "I don't have time for this right now.", context="I feel like we never talk anymore.", n=7
    )
    assert texts and not any("time for this" in t for t in texts), texts


def test_a_wish_to_have_them_along_is_neither_owned_nor_a_hurt() -> None:
    texts = _texts(
        "Great, I'll rearrange my whole weekend for your sister then.",
        context="My sister is over from Canada on Saturday and I'd love for you to be there.",
        n=7,
    )
    assert not any(t.startswith("You're right") or "upset" in t for t in texts), texts


def test_a_change_of_subject_brings_no_topic_and_good_news_is_met_first() -> None:
    texts = _texts(
        "Oh. Sad. Anyway, did you remember to book the MOT?",
        context="My uncle has been taken into hospital.",
        n=7,
    )
    assert texts and not any("MOT" in t for t in texts), texts
    first = rewrite(
        "That's nice. Anyway, did you pick up the milk?",
        context="I got the lead in the village pantomime!",
        n=1,
    )[0]
    assert first.text.startswith(
        "That's wonderful news about the lead in the village pantomime!"
    ), first.text


def test_the_need_a_skill_names_is_not_counted_as_the_persons_words() -> None:
    # "how big this feels to you" carries no "big" of "not a big deal": hearing them leads
    first = rewrite(
        "It's not a big deal, just ring your brother back.",
        context="My brother and I had a massive row and he hung up on me.",
        n=3,
    )[0]
    assert first.strategy == "validate_first", first


def test_a_doing_about_a_thing_is_about_the_thing() -> None:
    texts = _texts(
        "I'm not going to keep asking about the boiler. Either you ring someone this week or I will.",
        n=7,
    )
    assert any("the boiler" in t for t in texts), texts
    assert not any("the asking" in t for t in texts), texts


def test_their_word_echoed_back_is_no_advice() -> None:
    texts = _texts(
        "Book what? You already booked the cottage without me.",
        context="We need to book something for half term.",
        n=7,
    )
    assert not any("book what" in t.lower() for t in texts), texts


@pytest.mark.parametrize(
    ("text", "kept", "not_said"),
    [
        # a jab is neither the deed nor the matter
        ("The recycling is still by the door. You had one job.", "the recycling", "one job"),
        # a verdict the tagger read as an order asks for nothing
        ("you left the hob on again. so careless", "the hob", "Could you careless"),
        # a bare "pass" turns it down
        ("another spin class with your sister? pass", "spin class", "passing"),
        # texting's asides and a thing called a disaster are not the matter
        ("lmao and the barbecue was a total disaster thanks to you", "the barbecue", "disaster"),
    ],
)
def test_jabs_and_asides_are_neither_deed_nor_topic(text: str, kept: str, not_said: str) -> None:
    texts = _texts(text)
    assert any(kept.lower() in t.lower() for t in texts), texts
    assert not any(not_said.lower() in t.lower() for t in texts), texts


def test_pronouns_flip_when_owning_their_complaint() -> None:
    suggestions = rewrite(
        "It's not my fault, traffic was insane.", context="You missed my recital."
    )
    owned = [s for s in suggestions if s.strategy == "own_your_part"]
    assert owned and "I missed your recital" in owned[0].text


def test_request_is_carried_into_the_rewrite() -> None:
    texts = _texts("Just take out the trash for once, it's not hard.", n=7)
    assert any("take out the trash" in t or "taking out the trash" in t for t in texts), texts


def test_stonewalling_gets_a_repair_break_first() -> None:
    suggestions = rewrite("I'm done talking about this.", context="Can we talk about last night?")
    assert suggestions[0].strategy == "repair_break"
    assert "come back" in suggestions[0].text


@pytest.mark.parametrize(
    ("reply", "context"),
    [
        ("Not tonight, I've got a work call.", "Want to bake something together tonight?"),
        ("meh, maybe another time", "I made your favourite curry, come sit with me?"),
    ],
)
def test_a_bid_turned_down_gets_no_break_and_no_frustration(reply: str, context: str) -> None:
    # a bid to spend time together is no fight to step out of, and "When it comes to the
    # curry, I feel frustrated" answers none of it
    texts = _texts(reply, context=context, n=7)
    assert texts
    assert not any("overwhelmed" in t or "I feel frustrated" in t for t in texts), texts
    assert not any("you're upset" in t for t in texts), texts


def test_longing_they_act_out_is_heard_and_the_action_is_no_topic() -> None:
    texts = _texts(
        "Can you not? I'm trying to watch this.",
        context="*wraps arms around you* I missed you today.",
        n=7,
    )
    assert any(t.startswith("It makes sense that you missed me.") for t in texts), texts
    assert not any("arms" in t for t in texts), texts


def test_a_brush_off_of_what_they_feel_hears_them_before_any_break() -> None:
    # "k" to a tender message is no fight to step out of: hearing them comes first (a
    # refusal to talk, above, still gets the break first)
    suggestions = rewrite("kk", context="I get lonely on the nights you work late.")
    assert suggestions[0].strategy == "validate_first", [s.text for s in suggestions]
    assert "lonely" in suggestions[0].text


def test_already_safe_reply_comes_back_with_a_note() -> None:
    suggestions = rewrite("That makes sense. What would help most tonight?")
    assert list(suggestions) == []
    assert "already" in suggestions.note and "safe" in suggestions.note


def test_crisis_gets_no_rewrites() -> None:
    suggestions = rewrite("he said he'll hurt me if I leave, just tell me what to text him")
    assert list(suggestions) == []
    assert suggestions.crisis is not None and suggestions.crisis.crisis


def test_n_limits_the_count_and_is_checked() -> None:
    assert len(rewrite("You never help with anything.", n=1)) == 1
    with pytest.raises(InvalidArgumentError):
        rewrite("You never help.", n=0)
    with pytest.raises(InvalidTextError):
        rewrite("")


def test_to_dict() -> None:
    data = rewrite("You never listen to me.").to_dict()
    assert set(data) == {"original", "suggestions", "note", "crisis"}
    assert data["original"]["label"] == "unsafe"
    assert set(data["suggestions"][0]) == {"text", "strategy", "score", "label", "explanation"}


@pytest.mark.parametrize(
    ("reply", "carried"),
    [
        ("Sorry, but I had to finish the report for work.", "I had to finish the report for work"),
        (
            "ugh fine, I was at the gym with Sam, you never let me have a life",
            "I was at the gym with Sam",
        ),
        ("I was on the phone to my boss, stop making it a thing.", "I was on the phone to my boss"),
        # a trailing interjection is not part of the point
        ("i was at the dentist jeez, you never believe me", "I was at the dentist,"),
        (
            "Sorry, but I'd reminded Sam twice to put his boots away. Stop making it a thing.",
            "I'd reminded Sam twice to put his boots away",
        ),
        # "like that" is how, not a hedge
        (
            "I didn't hear it like that, honestly. I think he was only teasing.",
            "I didn't hear it like that",
        ),
    ],
)
def test_the_persons_own_point_is_carried_without_the_attack(reply: str, carried: str) -> None:
    suggestions = rewrite(reply, n=7)
    assert any(carried in s.text for s in suggestions), [s.text for s in suggestions]
    for s in suggestions:
        assert not re.search(r"\b(never|making)\b|Sorry, but", s.text), s.text


@pytest.mark.parametrize(
    ("reply", "context", "carried"),
    [
        (
            "My mum rang in tears, she needed someone to listen. Stop acting like I abandoned you.",
            "You left me sitting alone at the restaurant for half an hour.",
            "my mum rang in tears, and she needed someone to listen",
        ),
        (
            "I missed the bus, so I walked the whole way. Stop acting like I planned it.",
            "You were forty minutes late to the dinner.",
            "I missed the bus, so I walked the whole way",
        ),
        # a clause of when, hung on the one before it, is no fragment of its own
        (
            "The garage only picks up before eight, when I'm already at the depot. What more do you want?",
            "The MOT ran out last week and you told me you'd handle it.",
            "the garage picks up before eight, when I'm already at the depot",
        ),
    ],
)
def test_a_clause_that_leans_on_the_one_before_is_carried_with_it(
    reply: str, context: str, carried: str
) -> None:
    texts = _texts(reply, context=context, n=3)
    assert carried in texts[0], texts


def test_a_verdict_on_the_persons_side_is_not_joined_to_it() -> None:
    texts = _texts(
        "Whatever. I turned down the gym trip, that's the end of it.",
        context="You always cancel on my friends.",
        n=7,
    )
    assert any("I turned down the gym trip" in t for t in texts), texts
    assert not any("end of it" in t for t in texts), texts


def test_what_they_would_not_do_in_the_past_is_still_their_side() -> None:
    texts = _texts(
        "My dad asked me outright, I wasn't going to hide it from him. Stop acting like I betrayed you.",
        context="You told your dad about our money problems.",
        n=7,
    )
    assert any("I wasn't going to hide it from him" in t for t in texts), texts


def test_the_persons_own_deed_is_their_point_before_a_longer_one_about_someone_else() -> None:
    texts = _texts(
        "i filled it up on friday!! my brother borrowed it and drove it round all weekend, not my fault. stop blaming me",
        context="The car's out of petrol again.",
        n=7,
    )
    assert any("From my side, I filled it up on Friday" in t for t in texts), texts
    assert not any("From my side, my brother" in t for t in texts), texts


def test_irony_with_not_exactly_is_not_carried_as_the_persons_point() -> None:
    for s in rewrite(
        "I can't exactly hang the shelves with my bare hands, the drill's broken.",
        context="The shelves are still on the floor after a month.",
        n=7,
    ):
        assert "exactly" not in s.text and "bare hands" not in s.text, s.text


def test_what_they_did_is_not_carried_as_the_persons_point() -> None:
    for s in rewrite("I only let her go because you were being far too harsh.", n=7):
        assert "harsh" not in s.text, s.text


def test_a_denial_is_not_carried_as_the_persons_point() -> None:
    for s in rewrite(
        "It's not my fault, traffic was insane.", context="You missed my recital.", n=7
    ):
        assert "fault" not in s.text, s.text


def test_owning_their_complaint_flips_every_subject_and_its_verb() -> None:
    owned = [
        s.text
        for s in rewrite(
            "I packed the garage while you watched TV.",
            context="Cleaning up alone while you're at the gym is making me bitter.",
            n=7,
        )
        if s.strategy == "own_your_part"
    ]
    assert owned and "while I'm at the gym is making you bitter" in owned[0], owned


def test_the_first_suggestion_keeps_the_persons_words() -> None:
    first = rewrite("Honestly, I was at my mom's for maybe two hours. Relax.")[0]
    assert "mom" in first.text, first.text


def test_an_opener_shaped_like_a_command_is_not_a_request() -> None:
    for s in rewrite("Every weekend? Come on. You hog the duvet too, you know.", n=7):
        assert "come on" not in s.text.lower(), s.text
    # a word of address the tagger reads as a verb
    for s in rewrite("bruh u buggin, she liked one pic", "Why is your ex liking your photos?", n=7):
        assert "bruh" not in s.text.lower(), s.text


def test_a_sneer_is_not_a_topic() -> None:
    for s in rewrite("Pot, meet kettle. You spend half the night on your tablet.", n=7):
        assert "pot" not in s.text.lower().split(), s.text


def test_an_i_statement_names_what_they_did_when_nothing_else_is_named() -> None:
    suggestions = rewrite("You are shouting at me again.")
    i_statement = next(s for s in suggestions if s.strategy == "i_statement")
    assert "when it comes to the shouting" in i_statement.text.lower()
    # Other skills do not turn the charge into what the partner is upset about.
    assert all("shouting" not in s.text.lower() for s in suggestions if s is not i_statement)


def test_owning_a_part_needs_a_complaint_about_you() -> None:
    # The partner speaks of their own readiness, not of anything the person did.
    suggestions = rewrite(
        "A whole year has passed. When do we get to move on?",
        context="I can't face calling my father yet.",
    )
    assert suggestions
    assert not any(s.text.startswith("You're right about") for s in suggestions)


@pytest.mark.parametrize(
    ("text", "context", "not_carried"),
    [
        ("Fine, I'll just cook for myself then.", "Can we eat out less this month?", "myself"),
        ('So my music is "noise" now.', "Could you turn the music down after ten?", '"'),
        (
            "I'm not your secretary, you know.",
            "I need you to book the vet appointment.",
            "secretary",
        ),
        ("Ugh, it's only a scratch on the door.", "You scraped the car in the garage.", "side"),
        # a tit-for-tat's own content is not what the partner is upset about (it may be
        # set aside for later)
        (
            "Says the guy who reads his phone at the dinner table.",
            "You were on your phone during the film.",
            "about the dinner table",
        ),
        (
            "Calm down, it is just a parking ticket.",
            "I got a parking ticket and I feel so stupid.",
            "From my side",
        ),
        ("Relax, it was one glass.", "You had wine before the parent meeting.", "one glass"),
        # a send-off, a charge shaped like a request, what something is said not to be
        (
            "Fine, go to the lake. Have a great time without me I guess.",
            "I'll go to the lake on Saturday.",
            "without me",
        ),
        (
            "Seriously, why do you have to pick a fight at dinner every time?",
            "I felt small at dinner tonight.",
            "Could you pick",
        ),
        (
            "You're being silly. It's a game, not a betrayal.",
            "It hurts when you game all night.",
            "betrayal",
        ),
        # a request stops before the charge after it
        (
            "Well maybe you should have told me sooner instead of moping around all week.",
            "I've been low since you cancelled our trip.",
            "moping",
        ),
        # a name they are called by is not a topic
        ("Whatever you say, boss.", "Please put the lid back on the toothpaste.", "boss"),
        # nor is a mocking title ("Mr. Perfect")
        (
            "Here we go, Miss Organised is at it again.",
            "Can we plan the week on Sunday?",
            "Organised",
        ),
        # "you blew me off" is not about "the blowing"
        ("Wow, you just blew me off again.", None, "the blowing"),
        # "stop drinking coffee" is about the coffee; "the drinking" would read as alcohol
        ("Just stop drinking coffee at night, problem solved.", "I can't sleep.", "the drinking"),
        # hyperbole is not the person's point
        (
            "Not again. We've been over the mortgage a hundred times.",
            "Could we go through the mortgage papers on Sunday?",
            "hundred",
        ),
        # what an insult is pinned on is not what they are upset about
        ("He was kidding. And you are a bit lazy on Sundays.", "Your brother mocked me.", "Sunday"),
        # knowing is no habit ("the knowing")
        (
            "I'm not a cuddler, you knew that when we met.",
            "I wish you'd cuddle me more.",
            "knowing",
        ),
        # a sweeping verdict names no topic
        (
            "I didn't mock it. Honestly, everything's a drama with you.",
            "It hurt when you mocked my painting.",
            "drama",
        ),
        # a door shut is no topic
        ("She's my sister. End of discussion.", "Can we talk about her visits?", "discussion"),
        # after minimizing, a reassurance that shrinks their worry is not carried
        (
            "Relax, most moles are harmless.",
            "The dermatologist wants to biopsy a mole.",
            "harmless",
        ),
        ("Calm down, trains are safer than cars.", "I'm scared of the trip on Friday.", "safer"),
        # the person's own "I have to" is no request to the partner, even beside "you don't"
        (
            "I have to work at seven, you don't.",
            "Could you get up with the twins tonight?",
            "Could you work",
        ),
        # a time frame is when, not what they are upset about
        (
            "I literally picked them up on Thursday, remember?",
            "It bothers me that you never ask how the kids are.",
            "about Thursday",
        ),
        ("Sorry, I have a deadline in the morning.", "Can we talk tonight?", "about the morning"),
        # "in public" says where, not what
        (
            "I'm not a cuddly person, deal with it.",
            "I wish you'd hold my hand in public sometimes.",
            "and public",
        ),
        # where they are off to is the way out, not the matter
        (
            "Not this again. I'm off to the gym.",
            "Can we talk about how often your brother visits?",
            "and the gym",
        ),
        # what they ask for more of is not what they are upset about (it is what they need)
        (
            "Not now, I've got a deadline tomorrow.",
            "I need more support with the wedding.",
            "about more support",
        ),
        # "stop acting like a child" is the insult, not a doing to talk about
        (
            "Stop acting like a child about it, everybody gets parking fines.",
            "I got a parking fine in town and I'm fuming.",
            "the acting",
        ),
        # asking them to believe or picture something asks nothing of the person
        ("Ugh, stop being so clingy.", "Can you believe she said that?", "you'd like me to"),
        # "Excuse me?" and "See if I care" ask for nothing
        (
            "Excuse me? I did the laundry all weekend while you were playing games.",
            "You never help around the house.",
            "xcus",
        ),
        (
            "Fine, cancel the trip then. See if I care.",
            "I'm worried we can't afford the trip to Italy.",
            "you see",
        ),
        # "nobody was looking" waves their embarrassment away
        (
            "You're such a drama queen, nobody was looking at you.",
            "I was so embarrassed when you yelled at the waiter.",
            "nobody",
        ),
        # a character they refuse to play is no point of theirs
        (
            "Ugh!! I was tired, I can't be Prince Charming for your friends every single night of the week",
            "I felt hurt when you ignored my friends at dinner.",
            "Charming",
        ),
        # the deadline is the pressure, not part of the request
        (
            "You need to decide right now, the dealer won't hold the car forever.",
            "I'm not sure we should buy a new car yet.",
            "right now",
        ),
        # "and I didn't say a word" is a jab, not the person's side
        (
            "Well you spent twice that on shoes last month and I didn't say a word. The controller "
            "broke, I needed a new one.",
            "Why is there a £90 charge from a gaming shop on the card?",
            "say a word",
        ),
        # a currency sign stays with its number
        (
            "Well you spent more than that on boots. My headset broke.",
            "Why is there a £60 charge from the game shop?",
            "£ 60",
        ),
        # a texted "k." is an opener, not part of the person's point
        (
            "k. im not arguing about this over text. im at the dentist",
            "did you tell your mum about the money??",
            "k.",
        ),
        # what was already said, counted, is exasperation; what happened with someone else
        # is still the person's side (below)
        (
            "ugh I've apologised like five times already, drop it",
            "You didn't put the bins out this morning.",
            "five times",
        ),
        # "Good luck with that" wishes nothing
        (
            "Oh sure, with YOUR shopping habits? Good luck with that 🙄",
            "I think we should start saving for a deposit.",
            "luck",
        ),
    ],
)
def test_sulks_jabs_labels_and_minimising_are_not_carried(
    text: str, context: str | None, not_carried: str
) -> None:
    suggestions = rewrite(text, context=context, n=7)
    assert suggestions, suggestions.note
    assert not any(not_carried in s.text for s in suggestions), [s.text for s in suggestions]


def test_a_phrase_with_of_is_kept_whole() -> None:
    suggestions = rewrite(
        "Honestly it was two glasses of wine, calm down.",
        context="You drank a lot at the wedding.",
    )
    texts = " ".join(s.text for s in suggestions)
    assert "two glasses of wine" in texts
    assert "glasses and wine" not in texts


def test_a_phrase_with_about_is_kept_whole() -> None:
    texts = " ".join(
        s.text
        for s in rewrite(
            "I'm sorry you took the weight comment the wrong way.",
            context="That comment about my weight really hurt me.",
        )
    )
    assert "that comment about your weight" in texts, texts


def test_owning_a_request_turns_its_pronouns() -> None:
    suggestions = rewrite(
        "I'm not your secretary, you know.", context="I need you to book the vet appointment."
    )
    owned = [s.text for s in suggestions if s.strategy == "own_your_part"]
    assert owned and "you need me to book the vet appointment" in owned[0]


def test_the_first_suggestion_keeps_the_persons_own_topic() -> None:
    # The fitting skill (owning the complaint) is offered, but not ahead of a version
    # that keeps what the person themself talked about.
    suggestions = rewrite(
        "Seriously? I play the drum kit one night a week and you make a federal case of it.",
        context="You played the drums until midnight and I couldn't sleep.",
    )
    assert suggestions, suggestions.note
    assert "drum kit" in suggestions[0].text
    assert any(s.strategy == "own_your_part" for s in suggestions)


def test_what_both_of_them_named_leads_the_topics() -> None:
    # The laundry is in their ask and in the reply: it is what they are talking about,
    # however many other things the reply lists first.
    texts = _texts(
        "I already walk the dog and do the school run most days, the laundry isn't the only "
        "job around here.",
        context="Could you do more of the laundry?",
    )
    assert texts and "the laundry" in texts[0], texts
    assert not any("the school and" in t or "and the school?" in t for t in texts), texts


@pytest.mark.parametrize(
    ("context", "reply", "asked", "prop"),
    [
        (
            "Could you water the tomatoes while I'm away?",
            "Of course, shall I read them a bedtime story and tuck them into the greenhouse too?",
            "the tomatoes",
            "bedtime story",
        ),
        (
            "can u sort the recycling tonight",
            "yes boss. want a spreadsheet of every yoghurt pot too",
            "the recycling",
            "spreadsheet",
        ),
        # and so are the things a verdict on them points at
        (
            "Can we get the boiler serviced before winter?",
            "You're such a worrier, honestly. Every little noise from the pipes and you panic.",
            "the boiler",
            "noises",
        ),
    ],
)
def test_what_they_asked_about_comes_before_the_props_of_a_sneer(
    context: str, reply: str, asked: str, prop: str
) -> None:
    # the things a sneer piles up are not what they asked about; the reply's words may
    # follow, but their matter is named, and first
    texts = _texts(reply, context=context)
    assert texts, texts
    for t in texts:
        if prop in t:
            assert asked in t and t.index(asked) < t.index(prop), t
    assert any(asked in t for t in texts), texts


def test_a_bare_word_for_a_thing_of_theirs_is_said_as_they_said_it() -> None:
    # "growths on dogs" plays down the growth they told of: it is about that one
    texts = _texts(
        "growths on dogs are super common, don't stress",
        context="The vet found a growth on Milo's leg. They want to test it.",
    )
    assert texts and all("the growth" in t and "growths" not in t for t in texts), texts


def test_a_thing_of_theirs_the_excuse_runs_on_to_is_still_a_topic() -> None:
    # the service is in their worry and in the reply's long "I'm the one who..." sentence:
    # the sentence is the person's side, but the service is still what they talk about
    texts = _texts(
        "I'm the one who drives them to football every Saturday, and not once have you "
        "offered to take the car in for its service yourself.",
        context="I'm worried the car hasn't had a service in two years.",
    )
    assert any("the car and its service" in t for t in texts), texts


def _i_statement(text: str, context: str | None = None) -> str:
    found = [s.text for s in rewrite(text, context=context) if s.strategy == "i_statement"]
    assert found, f"no I-statement for {text!r}"
    return found[0]


def test_an_i_statement_retells_the_deed_without_the_absolute() -> None:
    said = _i_statement("You always cancel our plans at the last minute.")
    assert said.startswith("When you cancel our plans at the last minute, I feel ")
    assert "always" not in said


def test_never_becomes_a_plain_negative_in_the_right_tense() -> None:
    said = _i_statement("You never put your dishes in the dishwasher.")
    assert said.startswith("When you don't put your dishes in the dishwasher, I feel ")
    assert "forever" not in _i_statement("Ugh, you spend forever in the shower every morning.")


@pytest.mark.parametrize(
    ("text", "opening"),
    [
        # where they are is observable; "never" is a plain "not"
        ("You're never in the mood anymore.", "When you're not in the mood"),
        ("ur always at the gym on saturdays", "When you're at the gym on saturdays"),
        # one "when" to a sentence
        ("You're always on your laptop when I talk.", "When you're on your laptop while I talk"),
    ],
)
def test_a_state_they_are_in_is_retold_like_a_deed(text: str, opening: str) -> None:
    assert _i_statement(text).startswith(opening + ", I feel ")


def test_a_verdict_on_who_they_are_is_still_not_retold() -> None:
    for s in rewrite("You're always so rude to my mother."):
        assert not s.text.startswith("When you're"), s.text


@pytest.mark.parametrize(
    ("text", "context"),
    [
        # a forecast is nothing they did
        ("It's one afternoon a year. You'll live.", "I'm dreading the office picnic."),
        # the person's own guess about them is not an observation
        ("Because you like cooking! I assumed you loved it.", "I always end up cooking."),
        # how much is the verdict
        ("You stress way too much. It'll be fine.", "I'm nervous about the inspection."),
        # after their complaint, a sneer at what they do is no deed to retell
        ("Appreciate it? You answer phones all day.", "I feel like you don't value my work."),
        # what the person might have let them do is no deed of theirs
        (
            "You were wrong though. Should I have let you look silly?",
            "I hated it when you corrected me at the dinner party.",
        ),
    ],
)
def test_forecasts_and_guesses_are_not_retold_as_deeds(text: str, context: str) -> None:
    for s in rewrite(text, context=context, n=7):
        assert not s.text.startswith("When you"), s.text
        assert "for me when you" not in s.text, s.text


@pytest.mark.parametrize(
    "context",
    [
        "I'm scared you'll get bored of me one day.",
        "Sometimes I feel like you don't love me anymore.",
    ],
)
def test_a_fear_about_their_love_is_never_owned(context: str) -> None:
    suggestions = rewrite("Don't be ridiculous.", context=context, n=7)
    assert suggestions
    for s in suggestions:
        assert not s.text.startswith("You're right,"), s.text
        assert "I don't love you" not in s.text, s.text


@pytest.mark.parametrize(
    ("context", "owned"),
    [
        ("Why didn't you tell me about the parking fine?", "You're right, I didn't tell you about"),
        ("why didnt u pick me up from the station", "You're right, I didn't pick you up from"),
    ],
)
def test_why_didnt_you_is_owned_as_what_was_not_done(context: str, owned: str) -> None:
    texts = _texts("It's not a big deal, relax.", context=context, n=7)
    assert any(t.startswith(owned) for t in texts), texts


@pytest.mark.parametrize(
    ("context", "owned"),
    [
        ("I'm frustrated that you left the gate open again.", "You're right, I left the gate open"),
        ("It upset me that you didn't call on my birthday.", "You're right, I didn't call on your"),
        # a "before" further in is part of the deed
        (
            "I'm hurt you announced our engagement before I could.",
            "You're right, I announced our engagement before you could,",
        ),
    ],
)
def test_a_feeling_about_a_deed_owns_the_deed(context: str, owned: str) -> None:
    texts = _texts("Oh come on, seriously?", context=context, n=7)
    assert any(t.startswith(owned) for t in texts), texts


def test_a_refusal_they_name_is_not_owned_as_a_promise() -> None:
    texts = _texts(
        "Not this again.", context="It hurts that you won't meet my parents at Christmas.", n=7
    )
    assert texts and not any(t.startswith("You're right, I won't") for t in texts), texts


def test_a_question_without_its_mark_is_not_owned_as_a_statement() -> None:
    for s in rewrite("Ugh, not now.", context="can u book the vet for tuesday", n=7):
        assert not s.text.startswith("You're right, can"), s.text


def test_after_an_apology_with_a_but_owning_it_is_offered() -> None:
    suggestions = rewrite(
        "I said I'm sorry, but you keep dragging it up.",
        context="I still don't feel like I can rely on you after last month.",
    )
    assert any(s.strategy == "own_your_part" for s in suggestions), [s.text for s in suggestions]
    assert all(" but " not in s.text for s in suggestions)


def test_a_past_deed_is_felt_in_the_past() -> None:
    said = _i_statement("Thanks a lot, you showed my brother our wedding photos.")
    assert said.startswith("When you showed my brother our wedding photos, I felt ")


@pytest.mark.parametrize(
    ("text", "context"),
    [
        ("You're being so dramatic about the rent.", None),  # a verdict, not a deed
        ("If you didn't stay late at the office, I'd plan more dates.", None),  # by its opposite
        ("Well, you left the car on empty last week.", "You let the water bill go unpaid."),
    ],
)
def test_verdicts_opposites_and_counter_charges_are_not_retold(
    text: str, context: str | None
) -> None:
    for s in rewrite(text, context=context):
        assert not s.text.startswith("When you"), s.text
        assert "left on my own" not in s.text  # "left the car" is not about the person


@pytest.mark.parametrize(
    ("context", "reply", "deferred"),
    [
        # what the partner did, without the absolute and in its tense
        (
            "You spend too much on takeout.",
            "Oh really? You bought three pairs of sneakers last month.",
            "I want to hear you first; another time, I'd like to talk about how it felt for me "
            "when you bought three pairs of sneakers last month.",
        ),
        (
            "I hate that you never call when you're running late.",
            "You never text me back when I'm at the gym either.",
            "how it feels for me when you don't text me back when I'm at the gym.",
        ),
        (
            "You forgot to pay the water bill again.",
            "Well you left the car on empty twice this week.",
            "when you left the car on empty twice this week.",
        ),
        # the deed inside a "says the one who..." retort, told to the partner
        (
            "Could you stop scrolling at dinner?",
            "Says the one who takes his laptop to bed every night.",
            "how it feels for me when you take your laptop to bed.",
        ),
        (
            "You were late to pick me up again.",
            "This is coming from the person who forgot my birthday.",
            "how it felt for me when you forgot my birthday.",
        ),
        # the time spent is the deed, not an absolute to drop
        (
            "You never help me plan the holidays.",
            "Well you spent all weekend on your laptop.",
            "when you spent the weekend on your laptop.",
        ),
        # "just as much" keeps its "just as"
        (
            "It feels like you care more about your tablet than me.",
            "With all due respect, you're on yours just as much.",
            "how it feels for me when you're on yours just as much.",
        ),
        # the likening after the deed is the jab, not part of it
        (
            "You keep leaving the porch light on all night.",
            "And you keep turning the heating up like we live in the tropics, so we're even.",
            "how it feels for me when you keep turning the heating up.",
        ),
        # what the person did themselves, without "at least" or what the partner did meanwhile
        (
            "You never ask about my day.",
            "At least I walked the dog this morning while you slept in.",
            "I'd like to tell you my side too, that I walked the dog this morning.",
        ),
    ],
)
def test_a_counter_complaint_is_set_aside_for_later_in_the_persons_words(
    context: str, reply: str, deferred: str
) -> None:
    texts = _texts(reply, context=context, n=7)
    assert any(deferred in t and t.startswith("It makes sense") for t in texts), texts


def test_a_counter_complaint_first_hears_what_the_partner_said_was_done() -> None:
    first = rewrite(
        "Well, you didn't text me once during your conference.",
        context="You didn't ring me after you landed.",
    )[0].text
    assert first.startswith(
        "It makes sense that you're upset that I didn't ring you after I landed. "
        "I want to hear you first; another time,"
    ), first


def test_after_their_complaint_hearing_it_comes_before_frustration_about_its_topic() -> None:
    # "When it comes to your new haircut, I feel frustrated" names nothing the partner did:
    # it reads as being fed up with their complaint
    suggestions = rewrite(
        "God, you can't take a joke anymore.",
        context="You mocked my new haircut in front of your brother.",
    )
    assert suggestions[0].text.startswith(
        "It makes sense that you're upset that I mocked your new haircut"
    ), suggestions[0].text


def test_frustration_about_their_possessive_topic_also_comes_after_hearing_them() -> None:
    # "your cousin's remark" is retold as "my cousin's remark": the same words as theirs
    suggestions = rewrite(
        "Oh poor you, Theo made a joke. How will you ever survive.",
        context="Your cousin's remark at lunch really stung.",
    )
    assert suggestions[0].strategy != "i_statement", [s.text for s in suggestions]


def test_a_charge_felt_is_heard_not_called_understandable() -> None:
    # "I feel like you ignore my work" is heard ("I hear that..."), never "It makes sense
    # that you feel like I ignore your work", which would agree with it
    for t in _texts("That's ridiculous.", context="I feel like you ignore my work.", n=7):
        assert "makes sense that you feel like I" not in t, t


def test_a_wish_to_end_things_is_not_called_understandable() -> None:
    for t in _texts("Fine, go then, see if I care.", context="I want to leave you.", n=7):
        assert "you want to leave" not in t, t


def test_thanks_brushed_off_are_taken_first() -> None:
    suggestions = rewrite("Whatever, someone had to.", context="Thanks for doing the school run.")
    assert suggestions[0].text.startswith("Thank you for saying that"), suggestions[0].text
    # they were thanking, not upset
    assert not any("upset" in s.text for s in suggestions), [s.text for s in suggestions]


def test_validation_hears_what_was_done_and_carries_the_persons_side() -> None:
    texts = _texts(
        "I forgot, ok?? I've got a lot going on, give me a break.",
        context="You didn't even ask how the dentist went.",
    )
    assert texts[0] == (
        "It makes sense that you're upset that I didn't ask how the dentist went. From my "
        "side, I've got a lot going on, and I want to understand how it's been for you."
    ), texts


def test_a_short_capitalised_noun_is_owned_as_written() -> None:
    texts = _texts("I'm sorry, but work has been insane.", context="You promised you'd fix the TV.")
    assert any("I promised I'd fix the TV" in t for t in texts), texts


def test_the_persons_excuse_is_their_point_not_what_the_partner_is_upset_about() -> None:
    suggestions = rewrite(
        "Sorry, but I was on a client call with Berlin.",
        context="You didn't answer when the school phoned about Noah.",
        n=7,
    )
    texts = [s.text for s in suggestions]
    assert any("I was on a client call with Berlin" in t for t in texts), texts
    for t in texts:
        assert "upset about" not in t or "client call" not in t.split("upset about")[1][:40], t


@pytest.mark.parametrize(
    ("context", "reply", "point", "excuse"),
    [
        # an excuse beside a rhetorical question is still the person's side
        (
            "You forgot to pick up the kids again.",
            "I had a meeting, what was I supposed to do?",
            "From my side, I had a meeting",
            "meeting",
        ),
        # what the person did themselves is not what the partner is upset about
        (
            "Can you put your phone away during dinner?",
            "I'm checking one email, chill.",
            None,
            "email",
        ),
    ],
)
def test_what_the_person_did_is_their_side_not_the_partners_trouble(
    context: str, reply: str, point: str | None, excuse: str
) -> None:
    texts = _texts(reply, context=context, n=7)
    assert texts
    if point:
        assert any(point in t for t in texts), texts
    for t in texts:
        for upset in re.findall(r"upset about ([^.]*)\.", t):
            assert excuse not in upset, t


def test_a_sneer_or_a_mere_retort_is_not_set_aside_for_later() -> None:
    for context, reply in [
        ("You were late to the recital.", "Says the guy who missed my graduation, you hypocrite."),
        ("You're on your phone all the time.", "I get that, but so are you."),
    ]:
        for s in rewrite(reply, context=context, n=7):
            assert "another time" not in s.text, s.text


@pytest.mark.parametrize(
    ("context", "reply", "told_back"),
    [
        # the feeling and what it is about, in the person's voice
        (
            "I've been really worried about your drinking.",
            "Here we go again, it's two beers.",
            "It makes sense that you've been worried about my drinking.",
        ),
        (
            "I feel guilty about missing your mom's party.",
            "Yeah, you should.",
            "It makes sense that you feel guilty about missing my mom's party.",
        ),
        # a fear with what it fears, in the person's voice
        (
            "I'm worried that you don't like my friends.",
            "Oh great, this again.",
            "It makes sense that you're worried that I don't like your friends.",
        ),
        (
            "I'm worried about how much you're gaming lately.",
            "I'm an adult, I can play a few games.",
            "It makes sense that you're worried about how much I'm gaming lately.",
        ),
        ("I'm so tired.", "Ok.", "It makes sense that you're tired."),
        # a feeling one does not have "about" a thing is told back on its own
        (
            "I'm exhausted from doing bedtime alone every night.",
            "Welcome to parenting.",
            "It makes sense that you're exhausted.",
        ),
        (
            "I'm so nervous about the interview tomorrow.",
            "You'll be fine, stop worrying.",
            "It makes sense that you're nervous about the interview tomorrow.",
        ),
        # the moment the feeling comes, in the person's voice
        (
            "I get anxious when you drive that fast.",
            "I've been driving for twenty years, relax.",
            "It makes sense that you get anxious when I drive that fast.",
        ),
        (
            "I feel invisible whenever your friends come over.",
            "That's ridiculous, you're being dramatic.",
            "It makes sense that you feel invisible whenever my friends come over.",
        ),
        # where it was felt, and a feeling that is one only after "felt"
        (
            "I felt really alone at the party last night.",
            "You were literally talking to my friends the whole time.",
            "It makes sense that you felt alone at the party.",
        ),
        (
            "I was scared at the hospital.",
            "You're fine now, it was nothing.",
            "It makes sense that you were scared at the hospital.",
        ),
        # missing the person, told back to them
        ("I miss you.", "ok", "It makes sense that you miss me."),
        (
            "I miss how we used to talk before bed.",
            "Not this again.",
            "It makes sense that you miss how we used to talk before bed.",
        ),
        # what they wish the person would do, not "upset about your hand"
        (
            "I wish you'd hold my hand when we walk.",
            "I'm not a teenager, that's embarrassing.",
            "It makes sense that you wish I'd hold your hand when we walk. From my side, I'm not a teenager,",
        ),
        (
            "I need you to help with the laundry.",
            "Fine, I'll do everything, happy now?",
            "It makes sense that you need me to help with the laundry.",
        ),
        (
            "I'd like you to meet my sister.",
            "No way, your sister is a nightmare.",
            "It makes sense that you'd like me to meet your sister.",
        ),
        # a feeling read as a passive ("I'm still hurt about ...") is still theirs
        (
            "I'm hurt about the joke you made at dinner.",
            "Are we really doing this again?",
            "It makes sense that you're hurt about the joke I made at dinner.",
        ),
        # how things feel between them, not "upset about the move"
        (
            "I feel like we've stopped laughing together since the move.",
            "Well I'm busy too, you know.",
            "It makes sense that you feel like we've stopped laughing together since the move.",
        ),
        # what they were hoping for ("hoping" is no form of "hop")
        (
            "I was hoping you'd come to the school play.",
            "I had work, you know that.",
            "It makes sense that you were hoping I'd come to the school play.",
        ),
        # not being ready or sure yet, which is no being upset
        (
            "I'm not ready to go over the accident again yet.",
            "It's been weeks. Get it off your chest already.",
            "It makes sense that you're not ready to go over the accident again yet.",
        ),
        (
            "I don't know whether I want to stay in this city.",
            "Well I'm not moving again, so decide.",
            "It makes sense that you don't know whether you want to stay in this city.",
        ),
        (
            "I don't think I'm ready to tell my boss about the baby yet.",
            "You're being paranoid, just tell her.",
            "It makes sense that you don't think you're ready to tell your boss about the baby yet.",
        ),
        # what they think the person should do, heard (not agreed with)
        (
            "I think you should apologise to my brother.",
            "Wow, thanks for your input, I'll add it to my list.",
            "It makes sense that you think I should apologise to your brother.",
        ),
        # what they need to do for themself
        (
            "Could I skip the party? I just need to sleep properly for once.",
            "Wow, fine, I'll go on my own then.",
            "It makes sense that you need to sleep properly for once.",
        ),
        # and how it seems to them: "it feels like", of "we" or of themself
        (
            "Since the promotion it feels like we only talk about logistics.",
            "That's what adults do, they plan things.",
            "It makes sense that it feels like we only talk about logistics.",
        ),
        (
            "Some evenings it felt like I was invisible at my own birthday.",
            "You're exaggerating again.",
            "It makes sense that it felt like you were invisible at your own birthday.",
        ),
        # what their feeling is about, even when the parser hangs the feeling from it
        (
            "I'm annoyed you told your brother about the money.",
            "He asked nicely, what was I meant to do?",
            "It makes sense that you're annoyed I told my brother about the money.",
        ),
        # what they ask of both of them, not "you care about football"
        (
            "Could we spend Saturday morning just the two of us?",
            "Saturday is football. You know that.",
            "It makes sense that you'd like us to spend Saturday morning just the two of us.",
        ),
        # what they want to do, not "you care about your family"
        (
            "I want to see my sister at Easter this year.",
            "We always do what your family wants.",
            "It makes sense that you want to see your sister at Easter this year.",
        ),
        # a wish put as "I'd love it if you...", not "upset about your choir"
        (
            "I'd really love it if you came to hear my choir sing one night.",
            "Choir? Really? Not my thing.",
            "It makes sense that you'd really love it if I came to hear your choir sing one night.",
        ),
        # what they need for themself, not "upset about the break"
        (
            "I need a quiet night to myself on Friday.",
            "Great, so now you need a break from me too.",
            "It makes sense that you need a quiet night to yourself on Friday.",
        ),
        # what they say the person did, not "upset about the interrupting"
        (
            "You keep interrupting me.",
            "Sorry, but what you were saying was wrong.",
            "It makes sense that you're upset that I keep interrupting you.",
        ),
        (
            "You embarrassed me in front of my boss.",
            "I'm sorry you feel that way.",
            "It makes sense that you're upset that I embarrassed you in front of your boss.",
        ),
        # a hurt told as what it did to them, in the person's voice
        (
            "It hurt when you laughed at my idea in front of your brother.",
            "Because you never take me seriously.",
            "It makes sense that it hurt when I laughed at your idea in front of my brother.",
        ),
        (
            "It hurt my feelings when you called my painting silly in front of Dana.",
            "You're too sensitive, it was a compliment.",
            "It makes sense that it hurt your feelings when I called your painting silly",
        ),
        # what they asked for, told back as what they would like
        (
            "Could you text me when you're running late? I worry.",
            "yes boss, i'll report in every hour",
            "It makes sense that you'd like me to text you when I'm running late.",
        ),
        (
            "Can you please stop leaving wet towels on the bed?",
            "Oh great, another lecture about towels.",
            "It makes sense that you'd like me to stop leaving wet towels on the bed.",
        ),
        # "so tired I cried" keeps its "so"
        (
            "I've been up with the twins every night. I'm so tired I cried in the car.",
            "Every parent is tired. That's just how it is.",
            "It makes sense that you're so tired you cried in the car.",
        ),
        # their exclamation marks are not carried into the middle of a sentence
        (
            "You left the stove on again!!",
            "omg chill its not a big deal",
            "It makes sense that you're upset that I left the stove on again.",
        ),
        # a promise they hold the person to matters to them; they are not upset that it
        # was made (but with what went wrong told, they are upset that it did)
        (
            "You swore you'd sort the gate before the weekend.",
            "I've been flat out at work, stop going on about it.",
            "It makes sense that it matters to you that I swore I'd sort the gate before the "
            "weekend.",
        ),
        (
            "You promised you'd ring the vet and the cat still hasn't been seen.",
            "I've been flat out at work, stop going on about it.",
            "It makes sense that you're upset that I promised I'd ring the vet and the cat "
            "still hasn't been seen.",
        ),
        # a sentence texted on without a stop is not part of what they asked
        (
            "can u book the garage tomorrow its making that noise again",
            "omg fine, want me to hold its hand too",
            "It makes sense that you'd like me to book the garage tomorrow.",
        ),
        # "about it" points back at what they named first: that is what is told back
        (
            "The vet moved the cat's operation to Monday and I'm worried about it.",
            "Vets do that op every day, stop fretting.",
            "It makes sense that you're worried about the cat's operation on Monday.",
        ),
        (
            "My brother's wedding speech is next week. I'm anxious about all that.",
            "You'll be fine, it's five minutes.",
            "It makes sense that you're anxious about your brother's wedding speech next week.",
        ),
    ],
)
def test_validation_tells_back_what_they_said(context: str, reply: str, told_back: str) -> None:
    texts = _texts(reply, context=context, n=7)
    assert any(t.startswith(told_back) for t in texts), texts
    assert not any("!," in t for t in texts), texts


@pytest.mark.parametrize(
    ("context", "reply", "told_back"),
    [
        # what something makes them feel is still their feeling
        (
            "Your comments about my cooking make me feel useless.",
            "Relax, it was a joke.",
            "It makes sense that you feel useless",
        ),
        (
            "The way you talked to the waiter last night made me feel embarrassed.",
            "Oh please, he deserved it.",
            "It makes sense that you felt embarrassed",
        ),
        # missing a good feeling is a hurt too, told back with what they left out
        (
            "I don't feel wanted anymore.",
            "Not this again, seriously.",
            "It makes sense that you don't feel wanted",
        ),
        (
            "I haven't felt appreciated since the baby came.",
            "Like I have time to throw you a parade.",
            "It makes sense that you haven't felt appreciated",
        ),
        (
            "I don't feel safe raising money with you.",
            "Because you always make it a drama.",
            "It makes sense that you don't feel safe raising money with me",
        ),
        # a hurt, with what caused it as they named it
        (
            "Your remark about my accent at the party really stung.",
            "God, you can't take a joke.",
            "It makes sense that my remark about your accent at the party really stung.",
        ),
        (
            "What you told your brother about our savings upset me.",
            "It's not a state secret.",
            "It makes sense that what I told my brother about our savings upset you.",
        ),
        (
            "Finding those receipts in your coat really shook me.",
            "Why were you going through my coat?",
            "It makes sense that finding those receipts in my coat really shook you.",
        ),
        (
            "This silence between us frightens me.",
            "There's no silence, you're imagining it.",
            "It makes sense that the silence between us frightens you.",
        ),
        # what stays on their mind
        (
            "I still think about the night you walked out on our holiday.",
            "You're obsessed with the past, it's pathetic.",
            "It makes sense that you still think about the night I walked out on our holiday.",
        ),
        (
            "I've been thinking about the scan results all week.",
            "Worrying won't change anything.",
            "It makes sense that you've been thinking about the scan results all week.",
        ),
        (
            "I keep thinking about what your mum said at the wedding.",
            "She didn't mean it, drop it.",
            "It makes sense that you keep thinking about what my mum said at the wedding.",
        ),
        # a feeling that sets the moment for a request is not the matter: the request is
        (
            "When I'm anxious, could you just sit with me for a bit before fixing things?",
            "You can't keep relying on me for this.",
            "It makes sense that you'd like me to sit with you for a bit before fixing things",
        ),
        # what they were trying to do, when they explain themself
        (
            "I wasn't checking up on you, I was trying to make sure you got home okay.",
            "Sure you weren't. You're so controlling.",
            "It makes sense that you were trying to make sure I got home",
        ),
        (
            "I only wanted to cheer you up with the party.",
            "Well it was a stupid idea.",
            "It makes sense that you only wanted to cheer me up with the party.",
        ),
        # a sense of how others treat them
        (
            "I feel like your parents have never accepted me.",
            "Oh here we go, they've been nothing but nice to you.",
            "It makes sense that you feel like my parents have never accepted you.",
        ),
        (
            "Honestly I feel like nobody in this house notices the bins.",
            "Well the bins are your thing, so.",
            "It makes sense that you feel like nobody in this house notices the bins.",
        ),
        # "too tired for" keeps its "too"
        (
            "I'm too tired for the cinema tonight, sorry.",
            "Again? You're always too tired for anything fun.",
            "It makes sense that you're too tired for the cinema",
        ),
        # a feeling texted without its "I"
        (
            "been feeling kinda lonely since the job ended",
            "meh everyone gets like that, just go for a run",
            "It makes sense that you've been feeling lonely",
        ),
        # a wish with "I reckon" before it, the hedge left out
        (
            "I reckon I want to try surfing lessons.",
            "lol you and your phases. give it a week",
            "It makes sense that you want to try surfing lessons",
        ),
        # a feeling in a clause of its own after "and"
        (
            "The agency gave the flat to another couple and im gutted",
            "There are loads of other flats, relax.",
            "It makes sense that you're gutted",
        ),
        # a feeling made whole by its particle; the tense of "was"; "you all" is "we all"
        (
            "Honestly I'm burnt out from work.",
            "Everyone gets tired, that's just life.",
            "It makes sense that you're burnt out",
        ),
        (
            "I feel stressed out about the wedding.",
            "lol ok",
            "It makes sense that you feel stressed out about the wedding",
        ),
        (
            "I was hurt that you never asked about my exam.",
            "fine.",
            "It makes sense that you were hurt that I never asked about your exam",
        ),
        (
            "I was left out when you all went for drinks.",
            "You're too sensitive.",
            "It makes sense that you were left out when we all went for drinks",
        ),
        # what they miss, "home" read as an adverb
        (
            "I miss home so much lately.",
            "You were the one who wanted to move here.",
            "It makes sense that you miss home",
        ),
        # good news of paying something off
        (
            "I paid off the car loan today, at last!",
            "Cool, congrats I guess. Shame you never put anything toward the holiday.",
            "That's wonderful news",
        ),
        # told to the first comma (what follows runs on), but ", not just..." is the same
        # wish, with its comma and its "just"
        (
            "can u pick up bread from the bakery, need it for tomorrow",
            "ugh fine",
            "It makes sense that you'd like me to pick up bread from the bakery.",
        ),
        (
            "I want us to keep the phones out of the bedroom, not just at dinner.",
            "lol ok",
            "It makes sense that you want us to keep the phones out of the bedroom, not just at dinner.",
        ),
        # gladness names their news, in their words
        (
            "I finished my first half marathon!!",
            "cool",
            "That's wonderful news about your first half marathon!",
        ),
        # a thing shared because it made them think of the person is a calm bid
        (
            "Saw this video of a sloth and thought of you 😂",
            "already seen it lol",
            "It makes sense that you care about this video of the sloth.",
        ),
        # what they would rather not do is heard, not met with "you're upset"
        (
            "I honestly don't want to get into the wedding list tonight.",
            "Here we go, the sulking again.",
            "It makes sense that you honestly don't want to get into the wedding list tonight.",
        ),
        (
            "I'd rather not go over the budget again this evening.",
            "Fine, be like that.",
            "It makes sense that you'd rather not go over the budget again this evening.",
        ),
        # a doubt or fear about the two of them is heard, not met with "you're upset"
        (
            "I sometimes wonder if you still fancy me.",
            "Oh please, not this again.",
            "It makes sense that you sometimes wonder if I still fancy you.",
        ),
        (
            "I worry you'll tire of me once the baby comes.",
            "Stop being so insecure.",
            "It makes sense that you worry I'll tire of you once the baby comes.",
        ),
        # a chore asked for with "do" is a wish ("how could you do this?" is not)
        (
            "Could you do the big shop on Saturday?",
            "No. I did it last time.",
            "It makes sense that you'd like me to do the big shop on Saturday.",
        ),
        # a hyphen inside a word is no dash to stop at
        (
            "Could you cook a meat-free dinner on Monday?",
            "Ugh, fine.",
            "It makes sense that you'd like me to cook a meat-free dinner on Monday.",
        ),
        # a possessive's apostrophe is told back with it
        (
            "Can you help more with the twins' school runs?",
            "ugh, fine",
            "It makes sense that you'd like me to help more with the twins' school runs.",
        ),
        # (also where the tagger took it for a closing quote)
        (
            "Could we leave your grandparents' before nine this year?",
            "we'll leave when we leave",
            "It makes sense that you'd like us to leave my grandparents' before nine this year.",
        ),
        # news that lifts a worry is shared as a relief, not met as a trouble
        (
            "The dermatologist rang, the mole on my back was benign!",
            "ok and? is dinner ready or not",
            "I'm so relieved about the mole",
        ),
        # a piece of theirs taken, a first, after a name they call the person by: good
        # news all the same ("Shame it doesn't pay" is no topic)
        (
            "My short story got shortlisted for the county prize!",
            "Nice. Shame it doesn't pay though.",
            "That's wonderful news about your short story!",
        ),
        (
            "Priya, I got a first in my final exams!!",
            "Well done. Shame a certificate won't pay the gas bill.",
            "That's wonderful news about your final exams!",
        ),
        # "got into" is good news as "got in" is
        (
            "I got into the community orchestra, second violins!",
            "cool. thought u said u hated singing in front of people tho",
            "That's wonderful news about the community orchestra!",
        ),
        # and so is joy in the family, which is no achievement to be proud of
        (
            "My brother and Jess are expecting! I'm going to be an uncle!",
            "ok and?",
            "That's wonderful news about your brother! How are you feeling?",
        ),
        # their own trouble leads, before what the reply turned to
        (
            "My sister's wedding got cancelled last minute and I'm gutted.",
            "ok but are we still going to the pub quiz",
            "It makes sense that you're gutted about your sister's wedding",
        ),
        # where it was felt, even when the parse hangs it from "felt"; the sentence spliced
        # on after a comma is not run into it
        (
            "I felt lonely at your office party, I didn't know a soul.",
            "You should have mingled more.",
            "It makes sense that you felt lonely at my office party.",
        ),
    ],
)
def test_what_they_named_is_heard(context: str, reply: str, told_back: str) -> None:
    texts = _texts(reply, context=context, n=7)
    assert any(t.startswith(told_back) for t in texts), texts


def test_wanting_to_leave_is_not_called_understandable() -> None:
    texts = _texts(
        "Go on then, nobody's stopping you.", context="I wanted to leave you last spring."
    )
    assert not any("wanted to leave" in t for t in texts), texts


def test_a_charge_put_as_a_feeling_is_not_called_understandable() -> None:
    texts = _texts("Wow, okay.", context="I feel like you never take my side.", n=7)
    assert not any("you feel like I never" in t for t in texts), texts


@pytest.mark.parametrize(
    ("context", "not_told"),
    [
        # a plan, or a question asking for time, is not something weighing on them
        ("I'm thinking of signing up for a choir.", "you're thinking of"),
        ("Can I think about it over the weekend?", "you think about it"),
        # the person as a subject inside what they feel is not flipped into "makes I"
        ("I feel like my anxiety makes you tired of me.", "makes I"),
        # in a texted "lowkey hurt u didnt..." the thing that hurt is not its subject
        ("lowkey hurt u didnt come to my gig", "lowkey hurt"),
        # "at these things" names nothing: the topic says it better
        ("Could you come to the work barbecue with me? I get shy at these things.", "these things"),
    ],
)
def test_what_is_not_on_their_mind_is_not_told_back_as_such(context: str, not_told: str) -> None:
    texts = _texts("Honestly, you overthink everything.", context=context, n=7)
    assert texts and not any(not_told in t for t in texts), texts


def test_a_person_who_hurt_them_is_not_told_back_as_a_thing() -> None:
    texts = _texts("I apologised already.", context="You hurt me and your sister hurt me.", n=7)
    assert not any(re.search(r"makes sense that (I|my sister) hurt", t) for t in texts), texts


def test_a_good_feeling_or_a_denied_one_is_not_called_a_hurt() -> None:
    for context in (
        "I feel safe with you, but the budget worries me.",
        "I'm not angry, I'm tired.",
    ):
        texts = _texts("Whatever, you always overthink it.", context=context, n=7)
        assert not any(
            re.search(r"you (feel|don't feel) safe|you're (not )?angry", t) for t in texts
        ), texts


def test_hearing_what_they_named_is_offered_even_when_other_skills_keep_more_words() -> None:
    # Pushed to decide, the reply's own words (the buyer) fill the other skills; hearing
    # that they are not ready yet keeps none of them, and is still among the three.
    suggestions = rewrite(
        "You need to decide today, the buyer won't wait.",
        context="I'm not sure I'm ready to sell the flat.",
    )
    assert len(suggestions) == 3
    assert any(
        s.strategy == "validate_first"
        and s.text.startswith("It makes sense that you're not sure you're ready to sell the flat.")
        for s in suggestions
    ), [s.text for s in suggestions]
    # the skill that best answers pressure is still there too
    assert any(s.strategy == "invite" for s in suggestions), [s.text for s in suggestions]


def test_frustration_named_at_their_own_pain_comes_after_hearing_it() -> None:
    suggestions = rewrite(
        "It's been weeks, you can't keep avoiding it forever.",
        context="I'm not ready to go over the accident again yet.",
    )
    assert suggestions[0].strategy == "validate_first", [s.text for s in suggestions]


def test_a_doubt_the_parser_cuts_short_is_not_told_back_shortened() -> None:
    # "the same" hangs from "know": told back without it, the doubt would say less
    texts = _texts(
        "ur being silly, nothing changed",
        context="i don't know whether you still fancy me the same",
    )
    assert texts and not any("whether I still fancy you" in t for t in texts), texts


def test_a_stretch_of_time_is_granted_beside_what_they_are_unsure_of() -> None:
    texts = _texts(
        "It's been a year. Let it go already.",
        context="I don't know whether I can forgive you for the lie.",
    )
    assert texts[0] == (
        "It makes sense that you don't know whether you can forgive me for the lie. I know it's "
        "been a year, and I can see it still matters to you."
    ), texts


def test_what_would_not_have_happened_had_they_listened_is_no_side_of_the_person() -> None:
    for reply in (
        "Oh great. If you'd stuck to the plan, we wouldn't be broke now.",
        "We wouldn't be broke now if you had stuck to the plan.",
    ):
        texts = _texts(reply, context="Why did you tell your mum about our money trouble?", n=7)
        assert texts and not any("broke" in t for t in texts), texts


def test_a_fact_about_being_alone_is_not_told_back_as_a_feeling() -> None:
    texts = _texts("I have to work, what do you want.", context="I'm alone with the kids.", n=7)
    assert texts and not any("you're alone" in t for t in texts), texts


def test_a_feeling_they_deny_is_not_told_back() -> None:
    for s in rewrite("Then stop complaining.", context="I'm not angry, I'm just tired.", n=7):
        assert "angry" not in s.text, s.text
        assert "you're tired about" not in s.text, s.text


def test_owning_the_complaint_drops_its_intensifiers() -> None:
    suggestions = rewrite("I was busy, obviously.", context="You didn't even call me back today.")
    owned = [s.text for s in suggestions if s.strategy == "own_your_part"]
    assert owned and owned[0].startswith("You're right, I didn't call you back today")


def test_a_repair_break_keeps_the_persons_exit_and_promises_to_return() -> None:
    breaks = [
        s.text
        for s in rewrite("I'm going to bed.", context="Can we talk about moving closer to my mom?")
        if s.strategy == "repair_break"
    ]
    assert breaks and breaks[0].startswith("I'm getting overwhelmed, so I'm going to bed for now")
    assert breaks[0].endswith("Can we come back to it tomorrow?")


@pytest.mark.parametrize(
    ("reply", "pause"),
    [
        ("I'm done talking.", "so I need to stop talking for now, but"),
        ("I'm done with this conversation.", "so I need a break from this conversation for now"),
    ],
)
def test_being_done_becomes_a_pause_not_a_wall(reply: str, pause: str) -> None:
    breaks = [
        s.text
        for s in rewrite(reply, context="Can we talk about the credit card bill?")
        if s.strategy == "repair_break"
    ]
    assert breaks and pause in breaks[0], breaks
    assert "done" not in breaks[0]


def test_a_repair_break_keeps_the_time_they_cannot_talk_in() -> None:
    breaks = [
        s.text
        for s in rewrite("Not doing this tonight.", context="I want to talk about the holidays.")
        if s.strategy == "repair_break"
    ]
    assert breaks and "tonight" in breaks[0] and breaks[0].endswith("tomorrow?")


def test_a_counterfactual_is_not_retold_as_what_happened() -> None:
    # "if you tidied up" says they do not: retelling it as a deed would invert it.
    for s in rewrite(
        "Maybe if you tidied up once in a while I wouldn't need to remind you.",
        context="I hate it when you remind me about the kitchen.",
    ):
        assert not s.text.startswith("When you tidied"), s.text


def test_minimising_a_worry_is_answered_about_what_worries_them() -> None:
    suggestions = rewrite(
        "Stop worrying and just go to bed.", context="The redundancies are all I can think about."
    )
    assert suggestions and "the redundancies" in suggestions[0].text


def test_one_thing_is_not_named_twice() -> None:
    for s in rewrite(
        "Your essay is fine, stop stressing over the essay.",
        context="I'm so nervous about my essay.",
    ):
        assert not re.search(r"essay and (the |your |my )?essay", s.text), s.text
    # "work" is already in "my work dinner"
    texts = _texts(
        "It was work, you'd have been bored anyway.",
        context="I'm hurt you didn't invite me to your work dinner.",
        n=7,
    )
    assert texts
    for text in texts:
        assert "dinner and work" not in text and "work and my work" not in text, text


def test_without_their_words_the_persons_complaint_is_not_handed_to_them() -> None:
    # "your muddy boots" are what the person complains of: "you're upset about your muddy boots"
    # would make it the partner's grievance
    texts = _texts("You always drop your muddy boots on the landing and I'm fed up with it.", n=7)
    assert texts
    assert not any("upset about your" in t for t in texts), texts


@pytest.mark.parametrize(
    ("text", "context", "upset"),
    [
        ("Ugh, not this again.", "Can we plan the summer trip this weekend?", False),
        (
            "Wow, must be nice to have money to burn.",
            "I booked us a table at the new place!",
            False,
        ),
        ("Ugh, not this again.", "You forgot the summer trip deposit again.", True),
        ("Ugh, not this again.", "Can we talk? I'm sad about the summer trip.", True),
        # a plan checked on, after a greeting
        ("depends if ur in a mood again", "hey, are we still doing the cinema thursday?", False),
        ("ugh. maybe.", "Do you fancy a walk by the canal later?", False),
        # leave asked for, and an invitation passed on or asked after its plan
        (
            "Oh brilliant, another houseguest.",
            "Would it be alright if Tomas slept over Saturday?",
            False,
        ),
        ("why would I want that", "Dev has invited us to the coast for the bank holiday.", False),
        (
            "Do I have to? They're so boring.",
            "My aunt's doing a roast this Sunday, want to come?",
            False,
        ),
        (
            "Do I have to? They're so boring.",
            "My aunt's roast on Sunday was awful without you.",
            True,
        ),
    ],
)
def test_validation_says_upset_only_when_they_are(text: str, context: str, upset: bool) -> None:
    validations = [
        s.text for s in rewrite(text, context=context, n=7) if s.strategy == "validate_first"
    ]
    assert validations
    # the feeling they named is told back when there is one ("you're sad about...")
    hurt = re.search(r"you're (upset|sad about the summer trip)", validations[0])
    assert bool(hurt) is upset, validations[0]


def test_the_explanation_names_each_left_out_phrase_once() -> None:
    suggestions = rewrite("You always make every trip about you.")
    assert suggestions
    explanation = suggestions[0].explanation
    assert explanation.count("You always") == 1, explanation


def test_should_have_is_neither_a_request_nor_a_charge_to_retell() -> None:
    texts = _texts(
        "You should have thought of that before you signed up.",
        context="I'm swamped by all the volunteering I took on.",
    )
    assert texts
    assert not any("Could you think" in t or "in your thoughts" in t for t in texts), texts


def test_a_walk_out_becomes_a_break_about_what_they_raised() -> None:
    suggestions = rewrite(
        "Not again. I'm going for a run.", context="We need to talk about the loan."
    )
    breaks = [s.text for s in suggestions if s.strategy == "repair_break"]
    assert breaks and breaks[0].startswith(
        "I'm getting overwhelmed, so I'm going for a run for now"
    )
    assert any("the loan" in s.text for s in suggestions)


def test_nothing_is_owned_when_they_spoke_only_of_their_own_plans() -> None:
    suggestions = rewrite(
        "idc anymore, do whatever", context="I'd love to host my cousins in June."
    )
    assert suggestions
    assert all(s.strategy != "own_your_part" for s in suggestions), suggestions


def test_a_wish_said_in_pain_is_still_pain() -> None:
    validations = [
        s.text
        for s in rewrite(
            "idc anymore, do whatever", context="I want to scream, this job is unbearable.", n=7
        )
        if s.strategy == "validate_first"
    ]
    assert validations and "you're upset" in validations[0]


def test_nothing_is_owned_when_they_share_their_own_pain() -> None:
    # "tell you" does not make their panic attacks something the person did.
    suggestions = rewrite(
        "Again? I thought the panic stuff was behind us.",
        context="My panic attacks are back. I didn't want to tell you because I felt like a burden.",
        n=7,
    )
    assert suggestions
    assert all(s.strategy != "own_your_part" for s in suggestions), [s.text for s in suggestions]


def test_unasked_advice_is_offered_as_a_question_not_a_request() -> None:
    suggestions = rewrite(
        "You should just phone your brother and apologize.",
        context="I had a fight with my brother and I feel awful.",
        n=7,
    )
    texts = [s.text for s in suggestions]
    assert any("Would it help to phone your brother" in t for t in texts), texts
    assert not any("Could you phone your brother" in t for t in texts), texts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("You come home late every night.", "When you come home late, I feel "),
        (
            "You leave wet towels on the floor all the time.",
            "When you leave wet towels on the floor, I feel ",
        ),
    ],
)
def test_how_often_is_left_out_of_the_deed(text: str, expected: str) -> None:
    assert _i_statement(text).startswith(expected)


def test_a_vague_deed_is_not_retold() -> None:
    for s in rewrite("Ugh, you always do this."):
        assert not s.text.startswith("When you do this"), s.text


def test_gerunds_double_a_stressed_final_consonant() -> None:
    from coach.rewrite import _gerund

    assert [_gerund(v) for v in ("forget", "nag", "admit", "open", "visit")] == [
        "forgetting",
        "nagging",
        "admitting",
        "opening",
        "visiting",
    ]


def test_owning_never_agrees_with_a_charge_against_them() -> None:
    for s in rewrite("Here we go again.", context="You never support my promotion plans.", n=7):
        assert "right about your" not in s.text, s.text


def test_no_fragment_that_leans_on_a_cut_clause() -> None:
    suggestions = rewrite("I see that, I truly do, yet you are exhausting to argue with.")
    assert suggestions
    for s in suggestions:
        assert "I truly do," not in s.text and "I truly do." not in s.text, s.text


def test_a_named_kind_of_night_is_a_topic() -> None:
    texts = _texts("Ugh, seriously, you bailed on game night again.")
    assert any("game night" in t for t in texts), texts


def test_what_they_like_is_not_told_back_as_a_wish() -> None:
    texts = [
        s.text for s in rewrite("Ugh, not now.", context="I like it when you cook for us.", n=7)
    ]
    assert not any("you like me to" in t or "you'd like" in t for t in texts), texts


def test_a_guess_at_how_they_would_react_is_not_retold_as_a_deed() -> None:
    texts = _texts(
        "Because you'd just freak out like always.",
        context="Why didn't you tell me about the job offer?",
        n=7,
    )
    assert texts
    for text in texts:
        assert "freak" not in text and not re.search(r"\blike[,.]", text), text


def test_texting_exclamations_are_not_part_of_a_topic() -> None:
    texts = _texts("im at work wtf, stop blowing up my phone", context="u never text back")
    assert texts and not any("wtf" in t.lower() for t in texts), texts


def test_missing_a_bus_is_not_missing_someone() -> None:
    texts = _texts("Not my problem.", context="I missed the bus because you took the car.", n=7)
    assert texts and not any(t.startswith("It makes sense that you miss") for t in texts), texts


def test_a_feeling_is_not_validated_as_a_deed() -> None:
    texts = [
        s.text for s in rewrite("Not now.", context="I feel lonely when you game all night.", n=7)
    ]
    assert texts and not any("upset that you feel" in t for t in texts), texts


def test_quotation_marks_are_not_left_dangling_when_owning() -> None:
    texts = _texts(
        "What was I supposed to say?",
        context="You said 'whatever' when I told you about my award.",
        n=7,
    )
    assert texts
    for text in texts:
        assert not re.search(r"\w' \w|\s'\s", text), text


@pytest.mark.parametrize(
    ("context", "text", "told_to", "theirs"),
    [
        ("I'm stuck at home all day and going crazy.", "So get a hobby.", "hobby", None),
        (
            "You never help with the dishes.",
            "Then stop leaving them in the sink!",
            "sink",
            "dishes",
        ),
        ("My sister keeps calling me at work.", "Just block her number.", "number", "sister"),
    ],
)
def test_what_the_reply_tells_them_to_do_is_not_what_they_are_upset_about(
    context: str, text: str, told_to: str, theirs: str | None
) -> None:
    texts = _texts(text, context=context, n=7)
    assert texts
    for t in texts:
        if t.startswith("It makes sense that you're upset about"):
            assert told_to not in t, t
            assert theirs is not None and theirs in t, t


@pytest.mark.parametrize(
    "context",
    [
        # cut short by a quotation mark: no "when I called your painting."
        "It hurt my feelings when you called my painting 'cute.'",
        # a hurt they deny is no hurt to tell back
        "It doesn't hurt when you tease me about my accent, it's fine.",
    ],
)
def test_a_hurt_is_told_back_only_when_whole_and_meant(context: str) -> None:
    texts = _texts("You're too sensitive, it was a joke.", context=context, n=7)
    assert texts
    assert not any(t.startswith("It makes sense that it hurt") for t in texts), texts


def test_it_is_not_like_is_a_brush_off_not_a_point() -> None:
    texts = _texts(
        "Sorry, but I was on a call with my manager, it's not like I was gaming or anything.",
        context="You ignored me all evening.",
        n=7,
    )
    assert any("From my side, I was on a call with my manager" in t for t in texts), texts
    # nor is the excuse what they are upset about
    assert not any("upset about the call" in t for t in texts), texts
    for s in rewrite(
        "You're overreacting, it's not like I forgot on purpose.",
        context="You forgot to pay the electric bill again.",
        n=7,
    ):
        assert "it's not I" not in s.text and "not like" not in s.text, s.text
        # "on purpose" is how, not what: no "upset about purpose"
        assert "purpose" not in s.text, s.text


def test_the_persons_side_is_carried_without_the_jab_beside_it() -> None:
    texts = _texts(
        "I cleaned the entire kitchen this morning while you were asleep, so don't start.",
        context="I'm tired of doing all the housework by myself.",
        n=7,
    )
    assert any("From my side, I cleaned the entire kitchen this morning," in t for t in texts), (
        texts
    )
    assert not any("asleep" in t for t in texts), texts


def test_a_counter_complaint_after_sorry_but_is_set_aside_in_the_persons_words() -> None:
    texts = _texts(
        "Sorry, but I mowed the whole lawn yesterday while you sat on the couch.",
        context="You never help around the house.",
        n=7,
    )
    assert any(
        "tell you my side too, that I mowed the whole lawn yesterday." in t for t in texts
    ), texts


def test_what_it_is_comes_from_their_message_when_they_named_it() -> None:
    # "bottling it up": "it" is the layoff they named, not "the bottling"
    texts = _texts(
        "You can't keep bottling it up forever, talk to me.",
        context="I'm not ready to talk about the layoff yet.",
        n=7,
    )
    assert any("the layoff" in t for t in texts), texts
    assert not any("the bottling" in t for t in texts), texts
    # with nothing named, what they keep doing is still the topic
    texts = _texts("Stop checking it every five minutes, it's annoying.", n=7)
    assert any("the checking" in t for t in texts), texts


def test_a_name_beside_its_noun_is_one_topic() -> None:
    texts = _texts(
        "Sure, because your friends are so perfect.",
        context="Your friend Mark was rude to me at the barbecue.",
        n=7,
    )
    assert any("my friend Mark" in t for t in texts), texts
    assert not any("my friend and Mark" in t for t in texts), texts


def test_a_label_the_person_gives_themself_is_not_their_point() -> None:
    texts = _texts(
        "Cool, so I'm the bad guy again.",
        context="It hurt when you left the dinner early to watch the game.",
        n=7,
    )
    assert texts and not any("bad guy" in t for t in texts), texts
    # what hurt them is the deed to own, not "it hurt"
    assert any(
        t.startswith("You're right, I left the dinner early to watch the game, and I'm sorry.")
        for t in texts
    ), texts


def test_a_deed_that_only_sounds_wrong_is_not_owned_as_the_complaint() -> None:
    texts = _texts(
        'Seriously? I can\'t even say "babysit" now?',
        context="When you say you'll \"babysit\" the kids, it sounds like they're only mine.",
        n=7,
    )
    assert texts and not any(t.startswith("You're right, I say") for t in texts), texts


def test_a_plural_possessive_is_a_topic_written_whole() -> None:
    texts = _texts(
        "I'm not doing this again. Goodnight.",
        context="Can we talk about what happened at your parents' house?",
        n=7,
    )
    assert any("my parents' house" in t for t in texts), texts
    # a send-off is no topic
    assert not any("Goodnight" in t or "goodnight" in t for t in texts), texts


def test_a_wish_is_heard_not_owned_as_a_deed() -> None:
    texts = _texts(
        "Honestly I don't even know why I bother.",
        context="I wish you'd plan a date night for once.",
        n=7,
    )
    assert any(t.startswith("It makes sense that you wish I'd plan a date night") for t in texts)
    assert not any(t.startswith("You're right, you wish") for t in texts), texts


def test_their_own_pain_is_heard_first() -> None:
    suggestions = rewrite(
        "You're seriously crying about a parking ticket?",
        context="I got a $90 parking ticket and I'm so frustrated with myself.",
    )
    assert suggestions and suggestions[0].strategy == "validate_first", [
        s.text for s in suggestions
    ]


@pytest.mark.parametrize(
    ("context", "reply", "expected"),
    [
        # a hyphenated word does not cut the person's point in two
        (
            "You fell asleep during the film I picked.",
            "Sorry, but I'd worked a ten-hour day, I'm not a robot.",
            "From my side, I'd worked a ten-hour day,",
        ),
        # what they knew is the person's point
        (
            "You missed my brother's graduation.",
            "I'm sorry, but you knew I had the exam that day.",
            "From my side, I had the exam that day,",
        ),
        # "I felt ignored", with "felt" read as an auxiliary, is still a feeling told back
        (
            "I felt ignored when you were on your laptop all evening.",
            "Oh come on, I was answering one email.",
            "It makes sense that you felt ignored when I was on my laptop all evening.",
        ),
        # nor with the feeling read as the complement of "felt"
        (
            "I felt humiliated when you laughed at my accent.",
            "Relax, you've gotta admit it was a bit funny.",
            "It makes sense that you felt humiliated when I laughed at your accent.",
        ),
        # and the deed in its "when" clause is what is owned
        (
            "I felt dismissed when you checked your phone during my story.",
            "Sorry, I'm only human.",
            "You're right, I checked my phone during your story, and I'm sorry.",
        ),
        # a verb the tagger read as a plural noun is not part of the topic
        (
            "Honestly it seems like your phone matters more than me.",
            "That's ridiculous, you're being needy.",
            "upset about my phone.",
        ),
    ],
)
def test_clauses_feelings_and_topics_read_through_tagger_slips(
    context: str, reply: str, expected: str
) -> None:
    texts = _texts(reply, context=context, n=7)
    assert any(expected in t for t in texts), texts


def test_an_order_is_not_retold_as_what_they_did() -> None:
    for s in rewrite(
        "You have to pick a date today, I'm sick of waiting.",
        context="I'm not sure I'm ready to set a wedding date.",
        n=7,
    ):
        assert not s.text.startswith("When you have to"), s.text


def test_you_before_a_contracted_verb_is_retold_as_i() -> None:
    owned = [
        s.text
        for s in rewrite(
            "Not now.", context="You said you'd hoover before my parents arrived.", n=7
        )
        if s.strategy == "own_your_part"
    ]
    assert owned and owned[0].startswith("You're right, I said I'd hoover"), owned


def test_like_after_a_sense_verb_is_a_comparison_not_a_hedge() -> None:
    texts = _texts(
        "Well you left your gym kit in the washer for two days, it smelled like a swamp.",
        context="You left the dishes in the sink overnight again.",
        n=7,
    )
    assert any("it smelled like a swamp" in t for t in texts), texts
    assert not any("smelled a swamp" in t for t in texts), texts


@pytest.mark.parametrize(
    ("text", "context", "not_said"),
    [
        # an emoji read as a noun is no topic
        (
            "maybe sunday, if u can stop being weird about my mum for 2 sec 🤷",
            "can we see ur mum a bit less",
            "🤷",
        ),
        # "stop acting like" is a verdict on them, not a doing to talk about
        (
            "She's staying for ten days, stop acting like it's a prison sentence.",
            "I don't want your sister staying with us for so long.",
            "acting",
        ),
        # an idiom: "point fingers" is not about fingers
        (
            "You booked the hotel, so don't point fingers at me about the bill.",
            "The hotel bill was way more than we agreed.",
            "fingers",
        ),
        # "a waste of an evening" judges it; the evening is not "the waste"
        (
            "Book club is a waste of a perfectly good Thursday and you know it.",
            "I'd really like you to come to book club with me once.",
            "waste",
        ),
        # "I don't care anymore" shrugs it off; it is no side to carry
        (
            "Fine, book whatever restaurant you want, I don't care anymore.",
            "I'd love to pick the restaurant for our anniversary this time.",
            "care anymore",
        ),
        # "however will we cope" is irony, not the person's point
        (
            "Oh no, the bread's gone stale. However will we cope.",
            "You left the bread out again.",
            "However will",
        ),
        # a sneer about the partner's things is no side of the person's
        (
            "Sure, I forgot a drone needs sign-off. Your handbag collection must have paid for itself.",
            "You spent $300 on a drone without asking me.",
            "handbag collection",
        ),
        # a flat denial is no side either
        (
            "Nothing happened at the party. Stop going on about it.",
            "Can we go over what happened at the party?",
            "Nothing happened",
        ),
        # nor is what everyone does
        (
            "Honestly, you're blowing this out of proportion. Tons of couples argue about money.",
            "I'm scared about how often we fight about money.",
            "couples argue",
        ),
        # "can't wait to..." is sarcasm
        (
            "Can't wait to lose another Saturday to your aunt's garden party.",
            "We're going to my aunt's garden party on Saturday.",
            "wait to lose",
        ),
        # idioms name no topic: "a mountain out of a molehill", "a hanging offence"
        (
            "You're making a mountain out of a molehill about the new job in Leeds.",
            "I'm anxious about you taking the new job in Leeds.",
            "molehill",
        ),
        (
            "I was reading the cricket scores, hardly a hanging offence.",
            "You scrolled your phone through the whole film.",
            "offence",
        ),
        # "for you to decide" is no deed, and "When you to decide" no sentence
        (
            "I'm not waiting forever for you to make up your mind.",
            "I'm on the fence about moving abroad.",
            "you to",
        ),
        # the other branch of a threat is no deed to talk about later
        (
            "My mum's paying for the venue, so either we invite her friends or you tell her why not.",
            "I don't think we can afford a big wedding.",
            "when you tell her",
        ),
        # a refusal to talk is no side of the matter
        (
            "I'm not arguing about this. I booked it because it was cheaper.",
            "Why did you book the flights without asking me?",
            "not arguing",
        ),
        # "like always" is how often, the verdict said another way
        (
            "Because you never check the balance. I paid my share on Friday like always.",
            "The joint account is overdrawn again.",
            "always",
        ),
        # "hers" names nothing
        (
            "It's no biggie, she asked because she's picking hers in May.",
            "Why did you show your cousin our wedding invitations?",
            "about hers",
        ),
        # an order the tagger read as a name is no topic
        (
            "Book a plumber. Sorted.",
            "The boiler's making that noise again and I'm so stressed.",
            "about book",
        ),
        # a number beside a pet name is not one thing
        (
            "He was 16, babe, he had a long life. Try not to dwell on it.",
            "I can't stop crying about Rufus.",
            "16, babe",
        ),
        # "try not to dwell on it" is a brush-off however it is wrapped
        (
            "He was 16, babe, he had a long life. Try not to dwell on it.",
            "I can't stop crying about Rufus.",
            "dwell",
        ),
        # "ud" is "you'd": retold, it is "I'd", not "I said ud"
        ("omg i forgot ok, ur acting like the world ended", "u said ud grab bread", " ud "),
        # a verdict names no topic: "a waste of money", "stop overthinking", "a fuss"
        (
            "We tried that once and it was a waste of money.",
            "I'd like us to try a budgeting app.",
            "money",
        ),
        (
            "They're lovely, stop overthinking.",
            "I'm anxious about meeting your cousins on Friday.",
            "overthinking",
        ),
        (
            "Because you'd have made a fuss, like you're doing now.",
            "Why didn't you tell me your brother was visiting?",
            "fuss",
        ),
        # a feeling judged as a doing is no topic: "Stressing won't fix it"
        (
            "Stressing won't fix anything, so stop.",
            "I'm terrified about the scan results.",
            "stressing",
        ),
        # a charge against someone else, "never" and all, is no side of the person's
        (
            "ugh do i have to, he never stops bragging",
            "r u coming to my brothers on saturday",
            "never stops",
        ),
        # "somebody has to..." is a jab at who doesn't
        (
            "I'm sorry, but somebody has to keep the lights on around here.",
            "You missed Leo's school play.",
            "somebody has to",
        ),
        # what "some of us" really have is the jab
        (
            "I was on a site visit. Some of us have real responsibilities.",
            "You didn't answer any of my messages this afternoon.",
            "responsibilities",
        ),
        # a door shut on them
        ("None of your business.", "Who were you on the phone with for an hour?", "business"),
        # how they treat the person is no doing to talk about, and "on read" is no thing
        ("Ugh, whatever.", "can you stop leaving me on read all day", "the leaving"),
        ("Ugh, whatever.", "can you stop leaving me on read all day", "with read"),
        ("Ugh, whatever.", "can you stop leaving me on read all day", "about read"),
        # what they are likened to is neither a deed nor a topic
        ("You're exactly like your mother.", "", "your mother"),
        (
            "Sure, I'll report in like a schoolboy.",
            "Could you message me when your train is delayed?",
            "schoolboy",
        ),
        # mock alarm is no request
        (
            "Oh no, not the mugs. Call the police.",
            "You keep leaving dirty mugs on the desk.",
            "police",
        ),
        # what "this" is said not to be is a sneer, not the matter
        (
            "Relax, nobody's going to steal it, this isn't a heist movie.",
            "You left your bike unlocked outside the station again.",
            "heist",
        ),
        # what they are told to stop doing as a verdict is not what their worry is about
        (
            "Stop catastrophising, the scan will be clear.",
            "I'm lying awake worrying about the scan results.",
            "catastroph",
        ),
        # advice put as what they should do is the person's answer, not their trouble
        (
            "You should see a doctor then.",
            "I've been feeling pretty flat for weeks.",
            "the doctor.",
        ),
        # what someone was told about is not part of who was told
        (
            "She asked, was I supposed to lie?",
            "Why did you tell your mum about our row?",
            "with my mum about",
        ),
        # a texted "its" ("it's") before "my" is not part of the topic
        (
            "its my only hobby, leave me alone",
            "You spend every evening on that console.",
            "its my",
        ),
        # what they "can't take" is a verdict on them, not the matter
        (
            "Wow, you can't take any teasing these days.",
            "You laughed at my new haircut in front of your brother.",
            "teasing",
        ),
        # what an excuse blames is the person's side, not the partner's trouble to ask about
        (
            "The roadworks were a nightmare, what was I meant to do?",
            "You promised you'd be back by six and it's gone nine.",
            "roadworks",
        ),
        # a concession demanded is neither a request nor a habit of theirs
        (
            "It was a joke, you have to admit.",
            "It stung when you teased me about my cooking at the barbecue.",
            "admit",
        ),
        # how it is said is no thing it is about
        (
            "With love, you're always fishing for compliments.",
            "Can you tell me you're proud of me sometimes?",
            "love and",
        ),
        # mock alarm: a sneer all through, neither a topic nor the person's side
        (
            "Wow, alert the press, someone forgot to buy milk.",
            "You forgot the milk again.",
            "someone forgot",
        ),
        (
            "Somebody call the cops, I left a plate in the sink.",
            "There's a plate in the sink again.",
            "cops",
        ),
        # a label the person puts on themself is no side of theirs, nor a title's flourish
        # a topic
        (
            "Wow. Worst husband in history. Sorry I'm such a letdown.",
            "I was hoping you'd remember my gig was tonight.",
            "letdown",
        ),
        (
            "Wow. Worst husband in history. Sorry I'm such a letdown.",
            "I was hoping you'd remember my gig was tonight.",
            "history",
        ),
        # a sulk is no side of the person's
        (
            "Two years together and still no? Wow. I guess I know where I stand.",
            "I'm not sure I'm ready to meet your family yet.",
            "where I stand",
        ),
        # sarcastic thanks "for your input" name no topic
        ("Thanks for your input, Dr Phil.", "I think you should apologise to my brother.", "input"),
        # "in my head" is where, not what
        (
            "nobody asked u to do all the admin lol",
            "I'm holding everything in my head and I'm exhausted.",
            "your head",
        ),
        # a verdict on the person put as a title
        (
            "Yep, best boyfriend ever, clearly.",
            "You forgot to pick me up from the station.",
            "boyfriend",
        ),
        # a set phrase's noun names no thing of the matter
        (
            "If you want to plan the whole wedding alone, be my guest.",
            "I'm exhausted from doing all the wedding planning.",
            "guest",
        ),
        (
            "Thanks for sharing, but the limp is a you problem now.",
            "The dog's limp is getting worse and I'm at a loss.",
            "sharing",
        ),
        # a refusal, now or from now on, is not the person's side
        (
            "The boss rang first, so I'm not cancelling the trip. Stop guilting me.",
            "You promised we'd go to the coast this weekend.",
            "not cancelling",
        ),
        (
            "I worked late all week, I won't apologise for it, so quit sulking.",
            "You barely spoke to me this week.",
            "won't apologise",
        ),
        # nor is exasperation at being asked again
        (
            "Honestly this is getting old, you bring up the car every single week.",
            "Can we talk about selling the car?",
            "getting old",
        ),
        # a texted "kinda hurt" ("kind of hurt", read as a noun) is no thing to talk about
        ("Honestly, you overthink everything.", "kinda hurt u didnt call me back", "of hurt"),
        # nor a texted "u'll" the tokenizer left whole, nor what is left of an emoji
        ("sydney's not mars, u'll facetime me", "I'm scared of us doing long distance.", "u'll"),
        ("omg the detective is back 🕵️‍♀️", "I feel lonely lately.", "detective and"),
        # a sentence-final "I." the tokenizer left whole is no topic, nor is a texted "k"
        ("You've been busy, so what, so have I.", "it's midnight and you're still out", "I."),
        ("k dad", "My dad thinks we should save more.", "k dad"),
        # a question texted without its "?" is no complaint to own
        ("You had a long day, so what, so did I.", "its 2am where are u", "where are I"),
        # how they treat the person ("talking over me") is the complaint itself, no doing;
        # and a verdict put as a habit ("you overthink") is no behaviour to talk about
        ("Fine, whatever you say.", "Can you stop talking over me at dinner parties?", "talking?"),
        ("Honestly, you overthink everything.", "kinda hurt u didnt call me back", "overthinking"),
        # thanks or apologies said in passing are no matter
        (
            "Great, another night of you deciding what we do. Thanks.",
            "You made me feel like my job doesn't matter.",
            "with thanks",
        ),
        # nor is a time of day, or a texted "its" ("it's")
        ("You had a long day, so what, so did I.", "its 2am where are u", "2 am"),
        ("its one beer lol, relax", "You said you'd stopped drinking on weeknights.", "its"),
        # a shouted "YOU'RE", left whole by the tokenizer, is no topic
        (
            "ok but then YOU'RE telling my sister we're not coming",
            "I don't want to go to your sister's wedding.",
            "you're and",
        ),
        # "too tired for" is not told as "tired for"
        (
            "Again? You're always too tired for anything fun.",
            "I'm too tired for the cinema tonight, sorry.",
            "you're tired for",
        ),
        # below, patterns, matched as written (the rows above are words, found in any case)
        # a stretch of time is no topic
        (
            "Well I'd talk more if you weren't always so grumpy.",
            "It feels like we haven't talked properly in ages. I really miss you.",
            re.compile(r"\b(with|about|to) ages\b"),
        ),
        # a friend addressed (Indian English), read as an object
        (
            "Relax yaar, it's only a quiz night, nobody remembers who came last.",
            "I'm embarrassed about how badly our team did at the quiz.",
            re.compile(r"(?i)yaar"),
        ),
        # mock alarm: a sneer all through, no advice in it
        (
            "Hold the front page, you emptied the dishwasher.",
            "I did all the washing up tonight.",
            re.compile(r"(?i)front page"),
        ),
        # a pet name read as the noun of the phrase; how many, not what; swearing for emphasis
        (
            "its only a dentist appointment hun, relax",
            "I'm so nervous about the dentist.",
            re.compile(r"\bhun\b"),
        ),
        # (a guard: the code before the change said this one right too)
        (
            "You had about six coffees today, obviously you can't sleep.",
            "I can't sleep again.",
            re.compile(r"\b(to|with|about) about\b"),
        ),
        (
            "Every month it's the same flipping row about your cousins' barbecue.",
            "Your cousins invited us to their barbecue again.",
            re.compile(r"\bflipping\b"),
        ),
        # a noun the same in the plural
        (
            "ugh another cooking series, u never stop",
            "Want to watch something?",
            re.compile(r"serieses"),
        ),
        # what is left of advice, and "it's easy", are no side of the person's
        (
            "What you should do is cook her a proper dinner, just the three of you, no phones. "
            "Honestly it's easy, you overcomplicate everything with your dad.",
            "I feel like I'm losing touch with my dad since he remarried.",
            re.compile(r"the three of you|it's easy"),
        ),
        # an order the parser read as a name
        (
            "Easy, what you do is book a massage and stop moaning about your back.",
            "My back has been killing me all week.",
            re.compile(r"\bbook\b|massage"),
        ),
        # a deed whose object was dropped is no behaviour
        (
            "Whatever, you always find an excuse.",
            "I'm too wiped out for another argument tonight.",
            re.compile(r"the finding"),
        ),
        # a refusal is no side
        (
            "I have no interest in rehashing the budget again, you always overspend.",
            "Can we go over the budget together tonight?",
            re.compile(r"no interest"),
        ),
        # what they may not do is no deed to observe
        (
            "no. u dont get to back out now, ur coming to the wedding",
            "can we skip the wedding? im shattered",
            re.compile(r"When you don't get to"),
        ),
        # an order, and a good-luck jab, are no side of the person's
        (
            "Big deal, team captain of six people. Don't let the captaincy go to your head.",
            "I got made captain of the netball team!",
            re.compile(r"(?i)don't let"),
        ),
        (
            "haha after the running phase and the baking one? good luck with the drums i guess",
            "I'm thinking of taking up the drums.",
            re.compile(r"(?i)good luck"),
        ),
        # a virtue they are said to lack is a verdict, not a deed
        (
            "You have no tact at all, now the whole office knows about the IVF.",
            "I mentioned our IVF to my manager.",
            re.compile(r"When you have no tact"),
        ),
        # a plan they float is not met with "you're upset"
        (
            "lol sure, like the knitting phase. this will last a week",
            "i think i'd like to learn to sail",
            re.compile(r"you're upset"),
        ),
        (
            "lol sure, like the knitting phase. this will last a week",
            "I reckon we could try camping this summer.",
            re.compile(r"you're upset"),
        ),
        # an ask passed on is not their upset
        (
            "Ugh, your sister always turns up with her whole circus of kids.",
            "My sister asked if she can stay with us over half-term.",
            re.compile(r"you're upset"),
        ),
        # none at all, "others" and a season are no topics
        (
            "lol give it time, ull find people",
            "I haven't had a single visitor since the operation.",
            re.compile(r"\bsingle\b"),
        ),
        (
            "You should have mingled more.",
            "I felt lonely at your office party, I didn't know a soul.",
            re.compile(r"\bsoul\b"),
        ),
        # a feeling they named without its matter is not pinned on the reply's topic
        (
            "ok but can u still make it to my leaving do tmrw",
            "my dad's scan got moved up to tomorrow morning, I'm terrified",
            re.compile(r"terrified about"),
        ),
        # praise of the person is no good news of theirs, and nothing to be sorry for
        (
            "Someone had to, since you just stood there.",
            "I'm so proud of how you handled the landlord today.",
            re.compile(r"wonderful news|I'm sorry"),
        ),
        # a side that leaned on a cut "if" clause; a mock offer ending "shall I?"
        (
            "I'd be less tense if you weren't on my case every evening.",
            "You've seemed really tense around me lately.",
            re.compile(r"less tense"),
        ),
        (
            "Fine, I'll fill in a request form next time, shall I?",
            "Can you check with me before inviting people over?",
            re.compile(r"(side|stand), I'll fill in"),
        ),
        # a wish in "would" that leaned on a cut "if"; a tag question after the side
        (
            "Honestly I'd love it if you sorted out a weekend yourself for once.",
            "You never seem excited about our weekends any more.",
            re.compile(r"I'd love it"),
        ),
        # a verdict on them put in the first person
        (
            "Typical. I can't rely on you for anything, can I.",
            "I lost the spare key again, sorry.",
            re.compile(r"rely on you"),
        ),
        (
            "im home every night this week arent i",
            "I feel like we barely see each other lately.",
            re.compile(r"aren't I"),
        ),
        # a shouted word is said plainly; half of a hyphenated word is no topic
        (
            "omg I had ONE cigarette at the party, relax",
            "You said you'd quit but your coat smells of smoke.",
            re.compile(r"\bONE\b"),
        ),
        (
            "Right, because the gas bill is single-handedly my doing.",
            "You left the heating on all day again.",
            re.compile(r"handedly|my doing"),
        ),
        # an order read as a name is no topic; a clause whose object stands before it is
        # no observation ("you talked that quilt about")
        (
            "Simple. Volunteer at the food bank, take up yoga, and finish that quilt you always talked about.",
            "I've felt so aimless since the kids left home.",
            re.compile(r"\bvolunteer\b|talked that"),
        ),
        # "it's not like you've ever..." says they never have: no deed to observe; "keep
        # track of" names no thing
        (
            "I was stuck at work late on Friday. But it's not like you've ever emptied the "
            "dishwasher without being asked either.",
            "You said you'd empty the dishwasher and it's still full.",
            re.compile(r"When you've emptied"),
        ),
        (
            "u keeping track of my shoes now? ok",
            "you left ur shoes in the hallway again",
            re.compile(r"track of"),
        ),
        # a month is when, not what; a plural of capitals keeps them
        (
            "Sure, I'll start wrapping presents now. It's only March.",
            "Can we not leave the presents until the last week?",
            re.compile(r"\bMarch\b"),
        ),
        (
            "Lovely, shall we just swap secondhand DVDs then? Very festive.",
            "I'd like us to set a limit on presents this year.",
            re.compile(r"\bdvds\b"),
        ),
        # "add it to the list" asks nothing; "up the wall" is exasperation; "Gasp." is an
        # opener; "a bunch of" is an amount
        (
            "Add it to the list. At this point you could write a book about it.",
            "You forgot the school trip money.",
            re.compile(r"add it to the list"),
        ),
        (
            "Sorry, but the dog was driving me up the wall all morning.",
            "You shouted at the dog.",
            re.compile(r"\bwall\b"),
        ),
        (
            "Gasp. A sock. On the floor. How will we cope?",
            "You left your socks on the floor again.",
            re.compile(r"\bgasp\b", re.IGNORECASE),
        ),
        (
            "Seriously? That's what you're upset about?",
            "I saw you've saved a bunch of old photos of your ex.",
            re.compile(r"the bunch"),
        ),
        # "Got it." is a sulk, not an order to offer back
        (
            "So you think I'm lying. Got it.",
            "I'd rather you didn't go to your ex's party alone.",
            re.compile(r"\bgot+ing\b|got it", re.IGNORECASE),
        ),
        # "none of my mates" is nobody, and "take it to heart" an idiom
        (
            "People are busy, don't take it to heart.",
            "None of my mates remembered my birthday.",
            re.compile(r"none of|\bheart\b"),
        ),
        # their "another X" is one more X, not Xs in general
        (
            "hm ok",
            "Another rejection letter came. I'm not sure how much more of this I can take.",
            re.compile(r"rejection letters"),
        ),
        # a question texted without its "?" is no side of the person's
        (
            "ok but are we still going to the pub quiz",
            "My sister's wedding got cancelled last minute and I'm gutted.",
            re.compile(r"From (my side|where I stand), are we"),
        ),
        # everyone of a kind is a generalisation or a comparison: no topic, no side
        (
            "Every dad misses a game now and then, that's life.",
            "I missed another of Leo's football games and I feel awful.",
            re.compile(r"\bdads\b"),
        ),
        (
            "Each mum at school manages it, so can you.",
            "I can't keep up with the school runs and work.",
            re.compile(r"\bmums?\b"),
        ),
        (
            "Other couples split the bills fine, why can't we?",
            "I don't want to split everything fifty-fifty.",
            re.compile(r"other couples"),
        ),
        # (a guard, as above)
        (
            "Meh, it's one audition, there'll be others.",
            "I didn't get the part in the play.",
            re.compile(r"\bothers\b"),
        ),
        # "a good innings" is an idiom and a season no topic ("in summer" may stay in the
        # person's own words)
        (
            "He was a twelve-year-old dog, he had a good innings. A new puppy in summer will help.",
            "I still keep looking for Rusty by the door.",
            re.compile(r"innings|\b(and|with|about) summer\b"),
        ),
        # "some balloons" are "the balloons" in a topic
        (
            "Absolutely, I'll hire a brass band and some balloons for the next family dinner.",
            "Would you take my side when your dad teases me?",
            re.compile(r"some balloons"),
        ),
        # "every single weekend" is about weekends; a clause whose verb was cut is no side
        (
            "Typical. Your golf always comes before this family. It has since the day we met. "
            "Every single weekend.",
            "The club asked me to captain the seniors team this season.",
            re.compile(r"single weekend|(?i:it has since)"),
        ),
        # mock horror is no side of the person's
        (
            "Oh sure, I'll drop everything to wipe one spoon. God forbid the hob has a crumb "
            "on it.",
            "Could you wipe the hob after you cook?",
            re.compile(r"(?i)forbid"),
        ),
        # a "mate" said to them is no part of the thing
        (
            "Welcome to retail mate, I did nights for years. Just sleep in at the weekend.",
            "I'm shattered, I did three closing shifts in a row this week.",
            "mate",
        ),
        # what something is likened to is a verdict: neither a topic nor the person's side
        (
            "Typical. Honestly you're hopeless, it's like sharing a flat with a goldfish.",
            "Sorry, the table for Saturday never got reserved, that's on me.",
            re.compile(r"flat|goldfish"),
        ),
        # a part of something is no topic without the thing ("the middle")
        (
            "Because you kept shouting at me, obviously. You always make it a scene.",
            "You just got up and left in the middle of an argument again.",
            re.compile(r"(with|about|to) the middle\b(?! of)"),
        ),
        # what follows if they go on is a threat, not something asked of them
        (
            "Carry on nagging and I'll head over to Sam's to play. I'm mid-raid, I can't stop now.",
            "You promised one more game forty minutes back. Dinner's on the table.",
            "nagging",
        ),
        # an offer made in mockery, texted without its "?", asks nothing either
        (
            "Fine, I'll creep about in the dark like a burglar. Want me to tiptoe too",
            "Could you keep the lights off in the hall after eleven? The baby wakes up.",
            "me to tiptoe",
        ),
        # "like your butler" says how they feel treated: there is no butler to talk about
        (
            "lol the butler drama over three plates on the counter",
            "I feel like your butler. I tidy the kitchen every night on my own.",
            "butler",
        ),
        # what they are told not to do is no matter of theirs ("don't waste tears")
        (
            "honestly u two were never close. dont waste tears on her",
            "Jo left me off the list for her leaving drinks and I'm really hurt",
            "tears",
        ),
        # what they are told to take is the advice, not their trouble (however the parser
        # hangs the order on what follows it)
        (
            "Just grab an ibuprofen and lie down, you'll live.",
            "My back has gone again and I can barely stand up.",
            re.compile(r"(with|about) [^.?]*ibuprofen"),
        ),
        # a softened order is advice all the same: offered, never their trouble
        (
            "Maybe take up pilates, keep your mind off it.",
            "I can't stop replaying the interview in my head.",
            re.compile(r"(with|about) [^.?]*pilates"),
        ),
        # a mock alarm sneers all through its sentence: its nouns are no topic and it is no
        # side of the person's
        (
            "Wow, one weekend on a jigsaw. Somebody call the Louvre.",
            "You spent the whole weekend on that jigsaw instead of helping me paint the hall.",
            "Louvre",
        ),
        (
            "Gosh, one damp towel on the duvet. Somebody phone the coastguard.",
            "Your soggy bath towel is on my pillow, again.",
            "coastguard",
        ),
        # what would have been, had they done as the person said, is blame, not a side
        (
            "We missed the ferry thanks to your snack stop. If we'd set off when I told you "
            "to, we'd be on the island already.",
            "The ferry left without us and the booking's gone.",
            "on the island already",
        ),
        # what is granted before a "but" ("I know I promised...") is not the person's side
        (
            "Look, I know I promised I'd come, but the shift ran late and I couldn't leave. "
            "Why do you always expect the worst of me?",
            "You missed my brother's engagement dinner.",
            "I know I promised",
        ),
        # an ultimatum is no deed of theirs to tell back ("When you choose the school...")
        (
            "Stop dithering. You choose the school for Amara by Friday or I'm choosing it for us.",
            "I still can't decide between the two schools for Amara.",
            "When you choose",
        ),
        # an ultimatum asks for nothing and offers nothing
        (
            "Choose a venue by Friday or forget it.",
            "I keep going back and forth between the two venues for the party.",
            "to choose a venue",
        ),
        # the order after a deed ("so don't...") is no part of it
        (
            "You bought a new bike in March so don't start on my allotment.",
            "Could we look at what the allotment costs us?",
            "don't start",
        ),
        # whom they are likened to is the verdict, not a matter to talk about
        (
            "Wow, you sound exactly like your father.",
            "Could you text me before you invite people over?",
            "father",
        ),
        # one person under two names is one topic, and what someone is called is none
        (
            "Well my mother is an angel next to yours.",
            "Your mom made another comment about my cooking.",
            re.compile(r"my mom and my mother|angel"),
        ),
        # a scoff is no topic, and a one-word verdict no order
        (
            "Lonely? Pfft. Take up darts or something.",
            "It gets lonely when you're away at sea for months.",
            "pfft",
        ),
        (
            "cringe. just order a pizza like everyone else",
            "What if we cooked something fancy together for Valentine's?",
            "cringe",
        ),
        # an insult's degrees are insults too ("From my side, that's the stupidest...")
        (
            "That's the stupidest spreadsheet anyone has ever made.",
            "I put together a spreadsheet for the holiday money.",
            "stupidest",
        ),
        # leave given in spite asks for nothing and offers nothing, and is no side of theirs
        (
            "Fine. Cancel the caravan booking. See if I care.",
            "Honestly I've gone off the idea of the caravan week in August.",
            "cancel the caravan",
        ),
        (
            "Go on then, flog the bike, see if I care.",
            "I was thinking of selling your old bike, it just sits in the shed.",
            "see if I care",
        ),
    ],
)
def test_what_is_no_topic_or_point_is_left_out(
    text: str, context: str, not_said: str | re.Pattern[str]
) -> None:
    texts = _texts(text, context=context, n=7)
    assert texts
    for t in texts:
        if isinstance(not_said, re.Pattern):
            assert not not_said.search(t), t
        else:
            assert not_said.lower() not in t.lower(), t


@pytest.mark.parametrize(
    ("text", "context", "carried"),
    [
        # "chill" and "yes" open the reply; what follows is the person's side
        (
            "chill im literally on the bus rn, stop texting me every two minutes 🙄",
            "where are you?? the film starts in ten minutes",
            "From my side, I'm on the bus right now",
        ),
        (
            "yes I locked it obviously, do you think I'm stupid?",
            "Did you lock the back door before we left?",
            "From my side, I locked it",
        ),
    ],
)
def test_the_persons_side_is_carried_after_a_brush_off_opener(
    text: str, context: str, carried: str
) -> None:
    texts = _texts(text, context=context, n=7)
    assert any(carried in t for t in texts), texts


def test_quitting_offered_after_their_trouble_at_work_is_advice_to_ask_about() -> None:
    texts = _texts(
        "So quit. It's not like anyone's chaining you to that desk.",
        context="My manager piled three more projects on me today and I can't breathe.",
        n=3,
    )
    assert any("Would it help to quit, or" in t for t in texts), texts


def test_how_often_is_left_out_of_advice_as_the_jab() -> None:
    texts = _texts(
        "You should stop texting her every ten minutes.",
        context="My sister still hasn't answered my messages and I'm worried sick.",
        n=3,
    )
    assert any("Would it help to stop texting her, or" in t for t in texts), texts
    assert not any("ten minutes" in t for t in texts), texts


def test_advice_in_two_steps_is_offered_whole_but_not_a_jab_tacked_on() -> None:
    context = "I've had a pounding headache all afternoon."
    texts = _texts("Just drink some water and lie down for a bit.", context=context, n=3)
    assert any("Would it help to drink some water and lie down for a bit," in t for t in texts)
    texts = _texts("Take some painkillers and stop moping about it.", context=context, n=7)
    assert any("Would it help to take some painkillers, or" in t for t in texts), texts
    assert not any("moping" in t for t in texts), texts
    # a shrug after a comma ("..., not a big deal") undoes neither step, whichever verb the
    # parser hangs its "not" on
    for reply, advice in (
        ("just eat some soup and go to bed, not a big deal", "eat some soup and go to bed"),
        ("just drink some water and go to sleep, not a big deal", "drink some water and go to"),
    ):
        texts = _texts(reply, context=context, n=3)
        assert any(f"Would it help to {advice}" in t for t in texts), texts


def test_advice_softened_with_maybe_is_still_offered_as_advice() -> None:
    texts = _texts(
        "Maybe take up swimming again? I've said it a hundred times.",
        context="My back has been killing me all week and I'm so fed up.",
        n=7,
    )
    assert any("Would it help to take up swimming, or" in t for t in texts), texts


def test_i_told_you_so_is_not_carried_as_the_persons_side() -> None:
    texts = _texts(
        "just sell it then lol, i've been warning u for weeks",
        context="The car broke down again on the motorway, I'm so fed up.",
        n=7,
    )
    assert not any("warning you" in t for t in texts), texts
    assert any("Would it help to sell it, or" in t for t in texts), texts


def test_what_they_never_help_with_is_named_in_the_i_statement() -> None:
    texts = _texts("You never help with the laundry.", n=3)
    assert any("When I end up handling the laundry on my own," in t for t in texts), texts


def test_what_they_never_try_to_do_is_the_charge() -> None:
    texts = _texts("You never even try to understand me.", n=7)
    assert any(t.startswith("When I don't feel understood,") for t in texts), texts
    # trying to do something else is no charge of leaving the person to try alone
    texts = _texts(
        "You barely tried to talk to anyone though.",
        context="I felt so invisible at the office party.",
        n=7,
    )
    assert not any("trying on my own" in t for t in texts), texts


@pytest.mark.parametrize(
    "text",
    [
        "I'm not getting into this by text.",
        "I don't want to get into the whole thing with your brother.",
        "I'm not going to discuss my salary with you.",
    ],
)
def test_not_getting_into_it_is_no_side_to_carry(text: str) -> None:
    ex = extract(text, "Why didn't you tell me your brother is moving in?")
    assert rewrite_module._point(ex, [], rewrite_module._config(), set()) is None


def test_where_they_go_is_the_break_and_is_not_said_twice() -> None:
    texts = _texts("I'm done. I'm heading to my brother's.", n=3)
    assert texts[0].startswith("I'm getting overwhelmed, so I'm heading to my brother's for now")
    assert not any("From my side" in t or "From where I stand" in t for t in texts), texts
    assert not any("about my brother" in t for t in texts), texts


def test_an_idiom_of_getting_it_together_names_no_thing() -> None:
    texts = _texts("You have to get your act together with the bills.", n=3)
    assert any("the bills" in t for t in texts), texts
    assert not any("your act" in t for t in texts), texts


def test_news_of_a_new_job_or_a_raise_is_met_with_gladness_and_a_jab_is_not_carried() -> None:
    texts = _texts("Finally. About time somebody noticed.", context="I got the raise!", n=3)
    assert texts[0].startswith("That's wonderful news"), texts
    assert not any("about time" in t.lower() for t in texts), texts


def test_not_being_a_mind_reader_is_no_side_to_carry() -> None:
    texts = _texts(
        "I was stuck in traffic, I'm not a mind reader.",
        context="You didn't even text me that you'd be late.",
        n=7,
    )
    assert not any("mind reader" in t for t in texts), texts
    assert any("I was stuck in traffic" in t for t in texts), texts


def test_the_feeling_they_are_blamed_for_is_no_observation_but_what_they_did_is() -> None:
    texts = _texts("You make me so furious when you leave the gate open.", n=3)
    assert any(t.startswith("When you leave the gate open, I feel") for t in texts), texts
    assert not any("make me" in t or "makes me" in t for t in texts), texts


def test_an_absolute_is_dropped_from_the_persons_side() -> None:
    texts = _texts("Honestly I'm tired of always being the one who books the vet.", n=3)
    assert any("I'm tired of being the one who books the vet" in t for t in texts), texts
    assert not any("always" in t for t in texts), texts


def test_what_they_feel_is_heard_and_what_happened_is_agreed_with() -> None:
    felt = rewrite(
        "Sorry, but I've been slammed at work.",
        context="I feel like you don't value my friendships.",
        n=7,
    )
    owned = [s.text for s in felt if s.strategy == "own_your_part"]
    assert owned and owned[0].startswith("I hear that you feel like I"), owned
    done = rewrite(
        "Sorry, but I've been slammed at work.",
        context="The cat went without food all weekend because you forgot to feed her.",
        n=7,
    )
    owned = [s.text for s in done if s.strategy == "own_your_part"]
    assert owned and owned[0].startswith("You're right, "), owned


def test_when_something_is_stopped_is_no_doing_to_talk_about() -> None:
    texts = _texts("I was busy, relax.", context="Can you stop ignoring me when I'm talking?", n=7)
    assert not any("the talking" in t for t in texts), texts


def test_such_a_verdict_is_no_topic() -> None:
    texts = _texts(
        "Ugh, you're such a killjoy.", context="Could we agree on a budget for the trip?", n=7
    )
    assert not any("killjoy" in t for t in texts), texts
    assert any("the budget" in t for t in texts), texts


def test_reassurance_after_their_worry_is_no_deed_to_observe() -> None:
    texts = _texts(
        "Relax, you'll smash it, you always ace these things.",
        context="I'm so nervous about my driving test on Friday.",
        n=7,
    )
    assert not any(t.startswith("When you ace") for t in texts), texts


def test_a_push_for_an_answer_is_not_offered_back_as_advice() -> None:
    # "you need to say yes" inside pressure is the push itself, not a fix to offer them
    for s in rewrite(
        "I've already paid for the festival tickets, so you need to say yes right now.",
        context="I'm unsure about going to the festival with your friends.",
        n=7,
    ):
        assert "say yes" not in s.text, s.text


def test_what_they_bring_up_in_return_waits_while_theirs_leads() -> None:
    # a tit-for-tat question names the person's own grievance; it is for another time,
    # and what the partner asked about leads
    texts = _texts(
        "How about you sorting the gutters and the shed?",
        context="I'd like you to do more of the school lunches.",
        n=7,
    )
    deferred = [t for t in texts if "another time" in t]
    assert deferred, texts
    assert "the gutters and the shed too" in deferred[0], deferred
    assert "school lunches" in deferred[0].split("another time")[0], deferred
    assert not any("about the school lunches and the gutters" in t for t in texts), texts


@pytest.mark.parametrize(
    ("text", "context", "granted"),
    [
        (
            "It was twenty minutes. Nobody even noticed.",
            "You were on a work call through my dad's retirement speech.",
            "I know it was twenty minutes, and I can see it still matters to you.",
        ),
        (
            "It's been two years. Time to move on.",
            "I still miss my grandad every day.",
            "I know it's been two years, and I can see it still matters to you.",
        ),
    ],
)
def test_a_fact_used_to_shrink_it_is_granted_beside_their_feeling(
    text: str, context: str, granted: str
) -> None:
    texts = _texts(text, context=context, n=7)
    assert any(granted in t for t in texts), texts


def test_an_amount_or_a_rate_is_not_granted() -> None:
    # after their first half marathon, "only 13 miles" is no fact to grant, nor is a rate
    for text, context in [
        ("lol it's only 13 miles", "I ran my first half marathon today!"),
        (
            "It's a few dollars a week, you're making a big thing of it.",
            "I'm worried about the new phone plan.",
        ),
    ]:
        for t in _texts(text, context=context, n=7):
            assert "I know it" not in t, t


def _sentence_marked(text: str, kind: str) -> list[Marker]:
    """A marker over the whole reply, as the scorer (not a rule) gives one."""
    return [Marker(kind, 0, len(text), text, "harm", "")]


@pytest.mark.parametrize("kind", ["minimizing", "criticism", "counter_complaint"])
def test_the_persons_deed_beside_a_denial_is_their_point_when_the_whole_sentence_is_marked(
    kind: str,
) -> None:
    text = "That's not true, I took every Friday off this month."
    ex = extract(text, "I feel like your work always comes first.")
    point = rewrite_module._point(ex, _sentence_marked(text, kind), rewrite_module._config(), set())
    assert point == "I took every Friday off this month", point


def test_the_persons_side_is_their_point_when_the_scorer_marks_it_as_a_push() -> None:
    text = "Look, we booked the cabin back in March, you can't back out on me now."
    ex = extract(text, "A week away with your cousins sounds exhausting to me.")
    marked = _sentence_marked(text, "pressure")
    point = rewrite_module._point(ex, marked, rewrite_module._config(), set())
    assert point == "we booked the cabin back in March", point


def test_what_the_partner_knew_is_the_persons_side_when_the_scorer_marks_the_sentence() -> None:
    text = "Sorry, but you knew I was on call that weekend."
    ex = extract(text, "You missed my sister's engagement dinner.")
    marked = _sentence_marked(text, "criticism")
    point = rewrite_module._point(ex, marked, rewrite_module._config(), set())
    assert point == "I was on call that weekend", point


def test_what_someone_else_was_going_through_is_the_persons_side_beside_a_jab() -> None:
    text = "He was exhausted from the flight, you take everything personally."
    ex = extract(text, "Your brother ignored me the whole evening.")
    point = rewrite_module._point(
        ex, _sentence_marked(text, "criticism"), rewrite_module._config(), set()
    )
    assert point == "he was exhausted from the flight", point


def test_how_the_person_unwinds_is_their_side_without_the_just() -> None:
    text = "It's just how I decompress after work, not everything is a statement about you."
    for t in _texts(text, context="You play that game every night instead of talking to me.", n=3):
        assert "it's how I decompress after work" in t, t


def test_a_consequence_cut_from_its_condition_is_not_carried_but_a_wish_is() -> None:
    threat = "If you pull out now I lose the whole booking fee, so don't even start."
    ex = extract(threat, "I don't want to go on the trip with your friends.")
    marked = _sentence_marked(threat, "pressure")
    assert rewrite_module._point(ex, marked, rewrite_module._config(), set()) is None
    wish = "I'd cook more often if you didn't criticise every meal I make."
    texts = _texts(wish, context="I'm tired of cooking every night on my own.", n=3)
    assert any("I'd cook more often." in t for t in texts), texts


def test_words_the_parser_hung_on_the_persons_verb_after_the_jab_go_with_the_jab() -> None:
    text = "i'd help with dinner more if u didnt hover over me the whole time"
    texts = _texts(text, context="I'm tired of cooking every night on my own.", n=3)
    assert any("I'd help with dinner more," in t for t in texts), texts
    assert not any("more the whole time" in t for t in texts), texts


@pytest.mark.parametrize(
    "text",
    [
        # contempt over all of it: "Sure, I'll do X too" is sarcasm, the deed included
        "Oh sure, I'll do the school run too.",
        # the cushion before a "but" is not the point
        "I say this as a friend, but you need to be told everything twice.",
        # a denial of their own is no deed
        "Whatever, I don't see why that's my job.",
    ],
)
def test_a_whole_sentence_marker_still_bars_sarcasm_cushions_and_denials(text: str) -> None:
    kind = "contempt" if text.startswith("Oh sure") else "criticism"
    ex = extract(text, "Could you help more with the kids?")
    assert (
        rewrite_module._point(ex, _sentence_marked(text, kind), rewrite_module._config(), set())
        is None
    )


@pytest.mark.parametrize(
    ("text", "context", "carried"),
    [
        (
            "Not tonight. I'm done talking about the wedding budget.",
            "Can we go over the wedding budget?",
            "I can't talk about the wedding budget well tonight.",
        ),
        (
            "Plan the holidays yourself, I'm going to bed.",
            "We need to plan the summer holidays.",
            "I'm not walking away from talking about the summer holidays.",
        ),
    ],
)
def test_a_repair_break_names_what_it_will_come_back_to(
    text: str, context: str, carried: str
) -> None:
    breaks = [s.text for s in rewrite(text, context=context, n=7) if s.strategy == "repair_break"]
    assert breaks and carried in breaks[0], breaks


def test_giving_something_up_is_offered_as_advice_without_the_sign_off() -> None:
    texts = _texts(
        "just stop inviting him then tbh",
        context="Sam bailed on me again, that's the fourth time.",
        n=7,
    )
    assert any(
        "Would it help to stop inviting him, or would you rather I just listen" in t for t in texts
    ), texts
    texts = _texts("just unfollow her lol", context="My cousin keeps posting digs about me.", n=7)
    assert any("Would it help to unfollow her, or" in t for t in texts), texts


@pytest.mark.parametrize(
    ("text", "context"),
    [
        ("Then stop picking fights with me.", "I'm so tired of how we've been arguing."),
        ("Just stop taking everything so personally.", "What you said at dinner really stung."),
    ],
)
def test_stopping_how_they_are_with_the_person_is_no_advice_to_offer(
    text: str, context: str
) -> None:
    for t in _texts(text, context=context, n=7):
        assert "Would it help to stop" not in t, t


@pytest.mark.parametrize(
    ("text", "context", "not_asked"),
    [
        ("Nothing's wrong with my mum. Drop it.", "Can we talk about your mum's visit?", "drop"),
        ("Then book the vet yourself.", "The cat still hasn't seen the vet.", "yourself"),
        (
            "You seriously need to toughen up.",
            "It stung when your friends laughed at me.",
            "toughen",
        ),
        (
            "Do what you want with the garden, I'm done.",
            "I'd like us to plan the garden.",
            "do what",
        ),
        # a fix tossed off ("...or something") is never asked for
        (
            "Mate, the contract pays the mortgage. Join a gym or something.",
            "I miss you when you're working away.",
            "join",
        ),
        # the matter handed back to them
        (
            "Sort the garage however you like, I'm off to the pub.",
            "Can we decide what to do about the garage this weekend?",
            "sort",
        ),
        # a question that only recalls what they dropped
        (
            "You never stick at anything. Remember the rowing machine? And the Spanish course?",
            "I'm thinking of training to be a paramedic.",
            "remember",
        ),
    ],
)
def test_a_retort_is_never_asked_for_as_a_request(text: str, context: str, not_asked: str) -> None:
    for t in _texts(text, context=context, n=7):
        assert not re.search(rf"(Could you|up for) [^?]*{not_asked}", t, re.IGNORECASE), t


def test_a_fix_is_offered_without_the_jab_or_what_follows_a_texted_n() -> None:
    texts = _texts(
        "just buy a fan like a normal person", context="I can't sleep, it's so hot.", n=7
    )
    assert any("Would it help to buy a fan, or" in t for t in texts), texts
    texts = _texts(
        "just write a list n stop stressing lol", context="I'm so behind on the move.", n=7
    )
    assert any("Would it help to write a list, or" in t for t in texts), texts
    # put as a question ("Have you tried...?"), with a hyphen inside a word; and what it
    # offers is no trouble of theirs ("upset about admin and the to-do list")
    texts = _texts(
        "Have you tried writing a to-do list?",
        context="I'm drowning in admin at work this week.",
        n=7,
    )
    assert any("Would it help to write a to-do list, or" in t for t in texts), texts
    assert not any("the to-do list" in t for t in texts), texts
    texts = _texts(
        "Why don't you just ring the council?", context="The bins weren't collected again.", n=7
    )
    assert any("Would it help to ring the council, or" in t for t in texts), texts
    assert not any("the council" in t and "Would it help" not in t for t in texts), texts
    # a fix declared easy ("job done") names no job
    texts = _texts(
        "Just ring the council, job done.", context="The bins weren't collected again.", n=7
    )
    assert not any(re.search(r"\bjob\b", t) for t in texts), texts


def test_a_proper_chat_is_about_what_it_is_about() -> None:
    texts = _texts(
        "Not this again. I'm not doing this tonight, I'm going to bed.",
        context="Can we have a proper chat about moving closer to my parents?",
        n=7,
    )
    assert not any("the proper chat" in t for t in texts), texts


def test_a_push_for_a_decision_is_not_asked_back_as_a_request() -> None:
    for t in _texts(
        "You need to decide tonight, the deposit's due in the morning.",
        context="I'm undecided about booking the cottage for August.",
        n=7,
    ):
        assert "decid" not in t, t


def test_what_they_brought_up_themselves_is_not_set_aside_as_the_persons() -> None:
    texts = _texts(
        "My nan could go any day and you're moaning about a drive?",
        context="I know your nan is ill, but I'm worn out from driving up there every Sunday.",
        n=7,
    )
    assert not any("talk about the drive too" in t for t in texts), texts


def test_a_comparison_keeps_its_like_and_a_refusal_is_no_point() -> None:
    texts = _texts(
        "I'm a grown man, I don't need to check in like a teenager.",
        context="Could you ring me if you'll be home late?",
        n=7,
    )
    assert not any("check in a teenager" in t for t in texts), texts
    assert not any("I don't need to" in t for t in texts), texts


def test_a_point_left_dangling_once_the_jab_is_cut_is_not_carried() -> None:
    for t in _texts(
        "That's so unfair. I listen to you complain about your boss every single night and I never say a word.",
        context="I feel like I do all the emotional work in this relationship.",
        n=7,
    ):
        assert not re.search(r"I listen to[.,]", t), t


def test_their_own_words_in_another_number_are_still_theirs() -> None:
    # "Kittens get colds" answers "the kitten has a cold": not the person's own matter
    for t in _texts(
        "Kittens get colds all the time, you worry too much.",
        context="The kitten has a cold and I'm scared.",
        n=7,
    ):
        assert "another time" not in t, t


def test_an_intensifier_goes_with_the_insult_it_modified() -> None:
    texts = _texts(
        "And your brother asked if I'd lost my job at Easter, so we're even.",
        context="Your mum made a really rude comment about my hair at lunch.",
        n=7,
    )
    assert not any("really comment" in t for t in texts), texts


def test_the_if_of_a_threat_is_no_deed_to_observe() -> None:
    for t in _texts(
        "If you go out with them tonight, don't expect me to be here.",
        context="I'm meeting the girls for drinks later.",
        n=7,
    ):
        assert not t.startswith("When you go out"), t


def test_owning_a_deed_they_were_hurt_by_owns_the_deed_not_their_hurt() -> None:
    texts = _texts(
        "Sorry, but I was slammed at work all day.",
        context="I'm hurt you didn't call me on my birthday.",
        n=7,
    )
    owned = [t for t in texts if t.startswith("You're right")]
    assert owned and owned[0].startswith("You're right, I didn't call you on your birthday"), texts


def test_what_they_care_about_is_what_they_asked_about() -> None:
    texts = _texts(
        "ur always on ur phone, its so rude",
        context="can we plan the holiday this weekend?",
        n=7,
    )
    cared = [t for t in texts if "you care about" in t or "you'd like us to" in t]
    assert cared and re.search(r"you care about|you'd like us to plan", cared[0]), texts
    assert "the holiday" in cared[0], texts


@pytest.mark.parametrize(
    ("reply", "context"),
    [
        ("Noted. Again.", "I'm really sorry I used the last of the petrol and didn't tell you."),
        ("whatever, u always say that", "sorry i forgot to ring your nan on her birthday"),
    ],
)
def test_their_apology_is_taken_first(reply: str, context: str) -> None:
    suggestions = rewrite(reply, context=context)
    assert suggestions[0].text.startswith("Thank you for saying sorry"), suggestions[0].text
    # and not answered with an apology of the person's own
    assert all(s.strategy != "own_your_part" for s in rewrite(reply, context=context, n=7))


def test_a_loss_of_theirs_is_heard_before_how_the_person_feels() -> None:
    # "I failed...", "I didn't get the job": their own trouble, though no feeling is named
    suggestions = rewrite(
        "Maybe you shouldn't have stayed out the night before.",
        context="I failed my citizenship test, so I have to resit in May.",
    )
    assert suggestions[0].strategy == "validate_first", [s.text for s in suggestions]


def test_a_fix_after_their_own_trouble_is_offered_not_asked_for() -> None:
    texts = _texts(
        "Move her into assisted living, honestly, it's the only way.",
        context="My mum's memory is slipping and I'm at a loss.",
        n=7,
    )
    assert not any(re.search(r"Could you move|up for moving", t) for t in texts), texts
    assert any("Would it help to move her into assisted living, or" in t for t in texts), texts


def test_an_acronym_keeps_its_capitals_and_today_is_no_topic() -> None:
    texts = _texts(
        "Maybe redo your CV properly this time.",
        context="I got turned down for the job again.",
        n=7,
    )
    assert any("your CV" in t for t in texts) and not any("your cv" in t for t in texts), texts
    for t in _texts(
        "You need to stop dwelling on it, it was ages ago.",
        context="Today would have been my brother's fortieth birthday.",
        n=7,
    ):
        assert "with today" not in t and "about today" not in t, t


def test_a_demand_to_talk_after_they_asked_for_time_is_neither_request_nor_advice() -> None:
    for t in _texts(
        "It's been weeks, you can't keep shutting down. Talk to me.",
        context="I can't face talking about the diagnosis yet.",
        n=7,
    ):
        assert not re.search(r"(Could you|up for|help to) talk", t), t
    for t in _texts(
        "How long is a while? Give me a date.",
        context="I need a while before I decide about the move.",
        n=7,
    ):
        assert "give me a date" not in t.lower() and "giving me a date" not in t.lower(), t


def test_a_shouted_word_is_no_name() -> None:
    texts = _texts(
        "i was DRIVING. not everyone stares at a phone all day",
        context="why didnt u answer me all afternoon",
        n=7,
    )
    assert not any("DRIVING" in t for t in texts), texts
    assert not any("not everyone" in t for t in texts), texts


def test_their_good_news_is_met_with_gladness_first() -> None:
    texts = _texts("about time, took you long enough", context="I passed my driving test!!", n=3)
    assert texts and "wonderful news" in texts[0], texts
    assert not any("upset" in t for t in texts), texts
    # bad news that starts the same way is no good news
    texts = _texts(
        "Honestly, you should have seen that coming.",
        context="They gave the promotion to someone else today.",
        n=7,
    )
    assert not any("wonderful news" in t for t in texts), texts


def test_a_shrug_at_their_good_news_gives_way_to_celebrating_it() -> None:
    texts = _texts(
        "Big whoop. Just don't let the pay rise go to your head.",
        context="I got a pay rise today!",
        n=7,
    )
    assert texts and texts[0].startswith("That's wonderful news"), texts
    assert not any("whoop" in t.lower() or "your head" in t for t in texts), texts


def test_advice_put_as_what_to_do_offers_the_deed() -> None:
    texts = _texts(
        "Look, what you need to do is ring the school first thing and ask for a meeting.",
        context="I'm really worried about how our son is coping at school.",
        n=7,
    )
    assert any("Would it help to ring the school first thing" in t for t in texts), texts
    assert not any("help to do," in t for t in texts), texts


def test_a_texted_nope_is_no_topic_and_no_part_of_the_persons_side() -> None:
    texts = _texts("nope", context="Can we talk about the parking fine?", n=7)
    assert texts and not any("nope" in t.lower() for t in texts), texts
    assert any("the parking fine" in t for t in texts), texts


def test_a_compound_the_parser_split_is_one_topic() -> None:
    texts = _texts(
        "Not this again. Figure it out yourself.",
        context="Can we work out who's doing the nursery run on Fridays?",
        n=7,
    )
    assert any("the nursery run" in t for t in texts), texts
    assert not any("the nursery and run" in t for t in texts), texts


def test_a_capital_inside_their_words_is_kept_when_told_back() -> None:
    texts = _texts(
        "Nobody asks more of me than you. I handle every bath time already.",
        context="I can't keep doing every bedtime. I need you to take Wednesdays.",
        n=7,
    )
    told = [t for t in texts if "you need me to take" in t]
    assert told and all("take Wednesdays" in t for t in told), texts


@pytest.mark.parametrize(
    ("text", "context", "said", "not_said"),
    [
        # the person's emoji is not the coach's
        ("ugh fine sorry 😒", "u haven't looked away from that laptop all evening 😕", "", "😕"),
        # "u'd" is "you'd", told back as "I'd"
        ("i was swamped ok", "u said u'd book the table for friday", "I'd book the table", "u'd"),
        # a "so" trailing off goes; a day written small is written as a name
        (
            "u never even asked how my exam went on friday so 🤷",
            "You didn't text me back last night.",
            "my exam went on Friday.",
            " so.",
        ),
    ],
)
def test_texted_words_are_written_out_in_the_suggestions(
    text: str, context: str, said: str, not_said: str
) -> None:
    texts = _texts(text, context=context, n=7)
    assert texts and any(said in t for t in texts), texts
    assert not any(not_said in t for t in texts), texts


def test_hearing_a_feeling_also_names_what_else_they_told_of() -> None:
    # "so tired you fell asleep at your desk" names the desk, not the twins they are up with;
    # what the reply brought up ("kids") is not added to their feeling
    texts = _texts(
        "Everyone with kids is tired, that's just how it is.",
        context="The twins have had me up every night this month. I'm so tired I fell "
        "asleep at my desk.",
    )
    heard = [t for t in texts if t.startswith("It makes sense that you're so tired")]
    assert heard and "with the twins," in heard[0] and "kids" not in heard[0], texts


@pytest.mark.parametrize(
    ("text", "context", "offered"),
    [
        (
            "Book physio. Sorted.",
            "My shoulder has been agony since the fall and I'm shattered.",
            "Would it help to book physio,",
        ),
        (
            "Change gyms then lol",
            "The new gym is always packed and I hate going now.",
            "Would it help to change gyms,",
        ),
    ],
)
def test_a_short_order_the_parser_misread_is_offered_as_advice(
    text: str, context: str, offered: str
) -> None:
    # the tagger read "Book" and "Change" as nouns
    texts = _texts(text, context=context)
    assert any(offered in t for t in texts), texts
    assert not any("about change gyms" in t for t in texts), texts


@pytest.mark.parametrize(
    ("text", "context", "said", "not_said"),
    [
        # a name with a capital inside it is told back as written
        ("ok sorry geez", "You were scrolling TikTok all through dinner.", "TikTok", "tiktok"),
        # a tag question is no part of the deed owned
        ("ugh sorry", "You forgot the bins, didn't you.", "that I forgot the bins.", "didn't I"),
        # a texted "k." is no topic
        ("sorry. k.", "You didn't text when you got to the hotel.", "the hotel", "k."),
    ],
)
def test_their_words_are_told_back_cleanly(
    text: str, context: str, said: str, not_said: str
) -> None:
    texts = _texts(text, context=context)
    assert any(said in t for t in texts), texts
    assert not any(not_said in t for t in texts), texts


# What a rewrite says when there is no message of the partner's to answer: the person
# raises a matter of their own, so there is no feeling of theirs to hear or thank them for.
_HEARD_OR_THANKED = re.compile(
    r"It makes sense that you|Thank you for telling me how you feel|"
    r"Can you tell me (?:what it's been like|more about how this has been)|"
    r"I can see my part in this, and I'm sorry"
)


@pytest.mark.parametrize(
    "text",
    [
        "You never refill the water filter jug, not once.",
        "ugh ur always glued to the laptop when I get home, so rude",
        "Honestly you're so tight with money, another fight over a £4 coffee?",
        "Wow, recycling day missed for the third week running. Shocking.",
        "Your brother takes the car whenever he fancies and you never say a word.",
        # a guilt trip's "don't worry about me" shrinks only the person's own feelings
        "Don't worry about me, I'll clean the whole flat myself again.",
    ],
)
def test_a_matter_raised_out_of_the_blue_is_not_answered_as_their_feelings(text: str) -> None:
    suggestions = rewrite(text)
    assert suggestions, suggestions.note
    assert not any(_HEARD_OR_THANKED.search(s.text) for s in suggestions), [
        s.text for s in suggestions
    ]


@pytest.mark.parametrize(
    "text",
    [
        # with no message beside it, a sour apology or a verdict on their reaction still
        # answers their displeasure
        "Sorry I'm such a burden to you, clearly.",
        "You're overreacting about one scratch on the bumper.",
    ],
)
def test_a_reply_with_no_message_beside_it_can_still_answer_them(text: str) -> None:
    assert any(s.text.startswith("It makes sense that you") for s in rewrite(text, n=7))


def test_an_order_raised_out_of_the_blue_is_asked_for_not_offered_as_advice() -> None:
    texts = _texts("Just ring the plumber today. Honestly.")
    assert not any("Would it help to" in t or "eager to help" in t for t in texts), texts
    assert any("ringing the plumber" in t or "ring the plumber" in t for t in texts), texts


@pytest.mark.parametrize(
    ("text", "said"),
    [
        # a "why" asked about a deed: the deed, without the question
        (
            "Why do you always dump your gym bag on the sofa?",
            "When you dump your gym bag on the sofa,",
        ),
        ("Why would you give my number to your cousin?", "When you give my number to your cousin,"),
        ("Why do you have to slam every cupboard door?", "When you slam every cupboard door,"),
        # what they never do is what the person would like
        (
            "Why can't you ever close the fridge door properly?",
            "When you don't close the fridge door properly, I feel",
        ),
        (
            "Why can't you ever close the fridge door properly?",
            "Could you close the fridge door properly?",
        ),
        ("u never phone my gran anymore", "Could you phone my gran?"),
        (
            "You never take me anywhere for my birthday.",
            "Could you take me somewhere for my birthday?",
        ),
        # an order to stop it, and weariness of it, name the deed
        (
            "Stop leaving the milk out on the counter, honestly.",
            "When you leave the milk out on the counter,",
        ),
        (
            "I'm so sick of you cancelling on my parents last minute.",
            "When you cancel on my parents last minute, I feel",
        ),
        # when they come is observable; how often is the verdict
        ("You're always late, it drives me up the wall.", "When you're late,"),
        # "why ... never": what is not done; outrage is no guess; how often is no deed
        (
            "Why do you never lock the back door at night?",
            "When you don't lock the back door at night, I feel",
        ),
        ("I can't believe you posted that photo of me.", "When you posted that photo of me,"),
        (
            "Every time I bring up money you just walk off.",
            "When you walk off,",
        ),
        # a time written as one word stays one
        ("You're always on that console till 2am.", "When you're on that console till 2am,"),
    ],
)
def test_a_matter_raised_out_of_the_blue_is_told_as_what_they_did(text: str, said: str) -> None:
    texts = _texts(text, n=7)
    assert any(said in t for t in texts), texts


def test_an_order_after_their_words_is_no_deed_of_theirs() -> None:
    texts = _texts(
        "Then stop cooking for me, nobody asked you to.",
        context="I always end up cooking for both of us.",
        n=7,
    )
    assert not any(t.startswith("When you cook") for t in texts), texts


@pytest.mark.parametrize(
    "text",
    [
        "quit buying gadgets we don't need. seriously.",
        "You leave the hall light on every single night, it's so careless.",
    ],
)
def test_a_complaint_raised_out_of_the_blue_is_first_put_as_an_i_statement(text: str) -> None:
    suggestions = rewrite(text)
    assert suggestions[0].strategy == "i_statement", [s.text for s in suggestions]


def test_someone_they_are_held_up_against_is_not_the_matter() -> None:
    texts = _texts("Even my cousin's husband remembered our anniversary.", n=7)
    assert any("our anniversary" in t for t in texts), texts
    assert not any("husband" in t or "cousin" in t for t in texts), texts


def test_an_order_pushed_with_now_is_asked_for_without_an_ultimatums_worry() -> None:
    texts = _texts("Hang your coat up. Now.", n=7)
    assert any("Could you hang your coat up?" in t for t in texts), texts
    assert not any("where we stand" in t for t in texts), texts


def test_what_they_had_to_do_is_no_request() -> None:
    texts = _texts("We were late for the wedding because you had to iron your shirt twice.", n=7)
    assert not any("iron your shirt" in t and "Could you" in t for t in texts), texts


def test_a_martyrs_promise_is_no_side_to_keep() -> None:
    texts = _texts(
        "Sure, go to your poker night. I'll just eat dinner on my own again, it's fine.", n=7
    )
    assert texts, "no rewrite"
    # the sulk is no side of the person's, and nobody's worry to understand
    assert not any("I'll eat dinner" in t or "I feel worried" in t for t in texts), texts
    assert not any(_HEARD_OR_THANKED.search(t) for t in texts), texts


def test_a_request_ends_where_a_clause_hung_on_it_begins() -> None:
    # it gave "Could you take your shoes off when you?"
    texts = _texts("Take your shoes off when you're inside, ugh.", n=7)
    assert any(t.endswith("Could you take your shoes off?") for t in texts), texts
    assert not any(re.search(r"\bwhen (?:you|I'm)\?", t) for t in texts), texts


@pytest.mark.parametrize(
    ("reply", "context"),
    [
        (
            "ugh leave it, it's just a headache, stop mothering me",
            "You've had your head in your hands all evening. Are you feeling okay?",
        ),
        (
            "Nothing's wrong. Quit asking me that every five minutes.",
            "You've barely touched your dinner. What's the matter, love?",
        ),
        ("I'm FINE. Drop it.", "r u ok? u went really quiet after the call with ur boss"),
    ],
)
def test_their_care_is_thanked_not_heard_as_a_complaint(reply: str, context: str) -> None:
    suggestions = rewrite(reply, context=context, n=7)
    assert suggestions, suggestions.note
    # they asked after the person: they are not upset about the headache, and asking how
    # it has been for them turns their question back on them
    assert re.search(r"\b(?:thank you|thanks) for (?:asking|checking)", suggestions[0].text, re.I)
    for s in suggestions:
        assert not re.search(r"you're upset|what it's been like for you", s.text), s.text
        assert "Quit asking" not in s.text, s.text  # an order is no side of the person's


def test_asking_leave_is_no_check_in() -> None:
    texts = _texts(
        "Are you serious? Obviously not. Stop asking.",
        context="Are you okay with me spending Saturday at my sister's?",
        n=7,
    )
    assert texts
    assert not any("asking about me" in t or "checking on me" in t for t in texts), texts


def test_their_own_trouble_is_met_with_worry_not_frustration() -> None:
    texts = _texts(
        "Honestly the vet told you she was old. Stop moping and get a puppy.",
        context="I keep crying about Pepper, the flat's so quiet without her.",
        n=7,
    )
    told = [t for t in texts if t.startswith("When ")]
    assert told, texts
    # their grief is no wrong done to the person: "I feel frustrated" would hold it against them
    assert all("I feel worried" in t for t in told), told


def test_a_deed_of_theirs_told_after_their_trouble_is_still_the_persons_frustration() -> None:
    texts = _texts(
        "You never put the recycling out, so of course it piles up.",
        context="I'm so fed up, the kitchen's overflowing with recycling again.",
        n=7,
    )
    assert any(
        t.startswith("When you don't put the recycling out, I feel frustrated") for t in texts
    ), texts
    # "of course" names nothing, and what was bound to happen is a told-you-so, no side
    assert not any(re.search(r"\bcourse\b", t) for t in texts), texts


def test_the_demand_of_an_ultimatum_is_no_deed_of_theirs() -> None:
    # it gave "When you tell your cousin she can't borrow the car again, I feel anxious"
    texts = _texts("Either you tell your cousin she can't borrow the car again, or I will.", n=7)
    assert texts
    assert not any(t.startswith("When you tell") for t in texts), texts


def test_a_plan_they_want_is_heard_as_a_plan() -> None:
    texts = _texts(
        "Salsa classes? With your two left feet? Okay then.",
        context="I want to start salsa classes on Thursday nights.",
        n=7,
    )
    heard = [t for t in texts if t.startswith("It makes sense that you want to")]
    assert heard, texts
    # a plan has not "been" anything for them yet: what they have in mind is what to hear
    assert all("what you have in mind" in t for t in heard), heard


def test_a_plain_request_is_no_hurt_to_answer_with_hurt() -> None:
    texts = _texts(
        "Shall I iron them too? Maybe fold them into little swans?",
        context="Could you bring the washing in before it rains?",
        n=7,
    )
    assert texts
    # they asked for a hand: "I feel hurt, because I need us to talk to each other with
    # respect" would pin the person's own sarcasm on them
    assert not any(re.search(r"I feel (hurt|frustrated)", t) for t in texts), texts
    assert not any("I'm getting overwhelmed" in t for t in texts), texts


def test_their_pain_is_met_by_listening_not_by_waiting_or_walking_away() -> None:
    texts = _texts(
        "Honestly the vet told you she was old. Stop moping and get a puppy.",
        context="I keep crying about Pepper, the flat's so quiet without her.",
        n=7,
    )
    assert any(t.startswith("I'm here and I'm listening") for t in texts), texts
    # they are already telling the person: "whenever you're ready" waits for nothing, and a
    # break leaves them alone with it
    assert not any("Whenever you're ready" in t or "overwhelmed" in t for t in texts), texts


def test_after_a_push_for_an_answer_inviting_still_leaves_them_the_time() -> None:
    texts = _texts(
        "I need to know by tonight whether you're coming to Lisbon or not.",
        context="I don't know if I'm up for a week away with your whole family.",
        n=7,
    )
    assert any(t.startswith("Whenever you're ready") for t in texts), texts


@pytest.mark.parametrize(
    ("reply", "context", "sneer"),
    [
        (
            "Oh wow, how generous of you. I'll have a plaque engraved for the hallway.",
            "I hoovered the stairs for you.",
            "have a plaque",
        ),
        (
            "I'm delighted. Truly. Can't you see my face? 😐",
            "You never seem glad when I cook.",
            "delighted",
        ),
    ],
)
def test_overdone_delight_beside_a_sneer_is_no_side_of_the_persons(
    reply: str, context: str, sneer: str
) -> None:
    texts = _texts(reply, context=context, n=7)
    assert texts
    assert not any(sneer in t for t in texts), texts


@pytest.mark.parametrize(
    ("reply", "context", "likened"),
    [
        (
            "ugh, great, now I'll catch it too",
            "I feel like death, it must be the flu going round",
            "death",
        ),
        ("You're slow as a snail with the washing up, every single night.", None, "snail"),
    ],
)
def test_a_likening_of_how_is_no_topic(reply: str, context: str | None, likened: str) -> None:
    texts = _texts(reply, context=context, n=7)
    assert texts
    assert not any(likened in t for t in texts), texts


def test_a_decision_of_theirs_is_not_heard_as_upset() -> None:
    texts = _texts(
        "Oh brilliant, another hobby for the cupboard. I'll clear a shelf for the kiln.",
        context="I've decided I'm taking up pottery on Tuesday evenings.",
        n=7,
    )
    assert texts
    assert not any("you're upset" in t or "I feel hurt" in t for t in texts), texts


def test_news_of_the_two_of_them_is_theirs_together_to_be_proud_of() -> None:
    texts = _texts(
        "Yeah, no thanks to your takeaway habit.",
        context="We finally cleared the overdraft this month!",
        n=7,
    )
    assert any("I'm proud of us too" in t for t in texts), texts
    assert not any("I'm proud of you" in t for t in texts), texts


def test_a_condition_set_for_later_is_no_deed_of_theirs() -> None:
    texts = _texts(
        "We'll sort the money out when you stop preaching at me.",
        context="We really have to cut back on takeaways, it's getting out of hand.",
        n=7,
    )
    assert texts
    # it gave "When you stop preaching at me, I feel frustrated": a jab put as a deed
    assert not any(t.startswith("When you stop") for t in texts), texts
    assert not re.search(r"\bhand\b", " ".join(texts)), texts  # "out of hand" names nothing


@pytest.mark.parametrize(
    ("context", "asked"),
    [
        ("I ran my first mile without stopping today!", "What was the best part of it for you?"),
        ("I got the scholarship for the Lisbon course!", "How does it feel?"),
    ],
)
def test_good_news_is_asked_about_as_done_or_as_given(context: str, asked: str) -> None:
    texts = _texts("cool. anyway what's for tea", context=context, n=7)
    assert any(t.startswith("That's wonderful news") and t.endswith(asked) for t in texts), texts
    # a question texted without its "?" is no side of the person's
    assert not any("what's for tea" in t for t in texts), texts


@pytest.mark.parametrize(
    ("text", "feeling", "need"),
    [
        (
            "I always feel invisible when your mates are round because you ignore me all night.",
            "I feel invisible",
            "to feel seen by you",
        ),
        ("You let me down again, as per usual.", "I feel let down", "count on you"),
        ("I'm so lonely these days, you're never around.", "I feel lonely", "close to you"),
        (
            "You humiliated me at the barbecue with your pathetic jokes.",
            "I feel humiliated",
            "to feel respected",
        ),
        ("Honestly it really hurts when you forget to ring, you never care.", "I feel hurt", ""),
    ],
)
def test_a_feeling_the_person_names_is_the_i_statements(text: str, feeling: str, need: str) -> None:
    suggestions = rewrite(text)
    statement = next(s.text for s in suggestions if s.strategy == "i_statement")
    felt = feeling.removeprefix("I feel ")
    assert re.search(rf"\bI fe(?:el|lt) {felt}\b", statement) and need in statement, statement
    # said once, in their word: not "I feel frustrated" beside "From my side, I feel..."
    assert "frustrated" not in statement and "From my side" not in statement, statement
    assert statement.count(felt.split()[-1]) == 1, statement


def test_what_was_done_to_them_is_told_once() -> None:
    statement = next(
        s.text
        for s in rewrite("You embarrassed me in front of my whole team, you clown.")
        if s.strategy == "i_statement"
    )
    assert statement.startswith("When that happened in front of my whole team, I felt embarrassed")


def test_a_feeling_denied_is_not_taken_as_named() -> None:
    statement = next(
        s.text
        for s in rewrite("I'm not even angry anymore, you just never bother ringing.")
        if s.strategy == "i_statement"
    )
    assert "angry" not in statement, statement
    # what is not done is the ringing, not the bother
    assert statement.startswith("When you don't ring,") and "Could you ring?" in statement


@pytest.mark.parametrize(
    ("text", "deed"),
    [
        ("Why are you always so late? Honestly, it's so inconsiderate.", "When you are late,"),
        (
            "Why are you always on the golf course when the baby's awake?",
            "When you are on the golf course while the baby's awake,",
        ),
    ],
)
def test_why_they_are_somewhere_or_late_is_the_deed(text: str, deed: str) -> None:
    suggestions = rewrite(text)
    assert suggestions[0].strategy == "i_statement", [s.text for s in suggestions]
    assert suggestions[0].text.startswith(deed), suggestions[0].text
    # raised out of the blue, the person is the one upset: nobody else's feelings to hear
    assert not any("you're upset" in s.text for s in suggestions), [s.text for s in suggestions]


def test_an_amount_is_told_without_the_verdict_on_it() -> None:
    suggestions = rewrite("You spend way too much money on stupid consoles.")
    statement = next(s.text for s in suggestions if s.strategy == "i_statement")
    assert statement.startswith("When you spend a lot of money on consoles,"), statement
    assert not any("much" in s.text or "stupid" in s.text for s in suggestions), suggestions


def test_asking_again_is_a_complaint_not_an_apology() -> None:
    suggestions = rewrite("How many times do I have to ask you to lock the shed?")
    assert suggestions[0].strategy == "i_statement", [s.text for s in suggestions]
    assert not any("sorry" in s.text or "you're upset" in s.text for s in suggestions), [
        s.text for s in suggestions
    ]


def test_where_a_named_feeling_comes_is_the_observation() -> None:
    suggestions = rewrite("You make me feel thick in front of your sisters.")
    statement = next(s.text for s in suggestions if s.strategy == "i_statement")
    assert statement.startswith("When we're in front of your sisters, I feel thick"), statement


def test_what_they_were_asked_again_is_the_request() -> None:
    suggestions = rewrite("Why do I always have to remind you to water the tomatoes?")
    statement = next(s.text for s in suggestions if s.strategy == "i_statement")
    assert statement.startswith("When I have to remind you more than once,"), statement
    assert statement.endswith("Could you water the tomatoes?"), statement


def test_a_sneering_question_is_no_charge_to_tell() -> None:
    statement = next(
        s.text
        for s in rewrite(
            "u left ur muddy boots on the rug AGAIN. do u think they clean themselves??"
        )
        if s.strategy == "i_statement"
    )
    # not "When it feels like I'm not in your thoughts", read from "do u think"
    assert "thoughts" not in statement, statement
    assert statement.startswith("When you left your muddy boots on the rug"), statement


def test_a_fright_put_as_an_idiom_is_the_feeling() -> None:
    statement = next(
        s.text
        for s in rewrite(
            "You scared the life out of me on the ring road, you always drive like an idiot."
        )
        if s.strategy == "i_statement"
    )
    assert statement.startswith("When that happened on the ring road, I felt scared,"), statement
    assert "life" not in statement and "idiot" not in statement, statement


def test_a_deed_told_in_the_past_is_felt_in_the_past() -> None:
    statement = next(
        s.text
        for s in rewrite("You forgot to renew the car insurance, you're useless.")
        if s.strategy == "i_statement"
    )
    assert statement.startswith("When you forgot to renew the car insurance, I felt"), statement


@pytest.mark.parametrize(
    "text",
    [
        "You never want to come to the allotment with me anymore.",
        "u never wanna come to the allotment with me anymore, so selfish",
    ],
)
def test_what_they_never_want_to_do_is_how_it_seems(text: str) -> None:
    statement = next(s.text for s in rewrite(text) if s.strategy == "i_statement")
    assert statement.startswith(
        "When it seems like you don't want to come to the allotment with me, I feel hurt,"
    ), statement


@pytest.mark.parametrize(
    ("text", "deed"),
    [
        # an order to stop, with the verdict hung after it
        ("Stop dumping your gym kit on the landing, it's vile.", "When you dump your gym kit"),
        # "after yourself" is where, not a retort's "do it yourself"
        ("You never tidy up after yourself. I'm not the cleaner.", "When you don't tidy up"),
    ],
)
def test_the_deed_is_found_past_a_verdict_or_a_yourself(text: str, deed: str) -> None:
    statement = next(s.text for s in rewrite(text) if s.strategy == "i_statement")
    assert statement.startswith(deed), statement


def test_an_order_is_no_side_of_the_persons() -> None:
    texts = [
        s.text
        for s in rewrite(
            "You're always on that tablet. Put it away when I'm talking to you, it's rude."
        )
    ]
    assert not any("From my side, put" in t or "From where I stand, put" in t for t in texts), texts


def test_a_raised_i_statement_asks_to_talk_about_what_its_opening_leaves_out() -> None:
    statement = next(
        s.text
        for s in rewrite("You never listen when I talk about my job, it's pathetic.")
        if s.strategy == "i_statement"
    )
    assert statement.startswith("When I don't feel heard,"), statement
    assert statement.endswith("Could we talk about my job together?"), statement


def test_why_they_have_to_be_somewhere_is_the_deed() -> None:
    statement = next(
        s.text
        for s in rewrite("Why do you always have to be on your laptop at breakfast?")
        if s.strategy == "i_statement"
    )
    assert statement.startswith("When you are on your laptop at breakfast,"), statement


def test_a_long_sentence_naming_the_feeling_is_not_said_again() -> None:
    statement = next(
        s.text
        for s in rewrite("I feel so alone in this flat every night, congrats on being useless.")
        if s.strategy == "i_statement"
    )
    assert statement.count("alone") == 1, statement
    # what it says of the feeling is said with it
    assert "I feel alone in this flat every night, because" in statement, statement
    assert "congrats" not in statement, statement


def test_a_raised_complaint_beside_what_the_person_does_is_not_an_answer() -> None:
    # "I do everything" is no account of something the person did: nothing said is answered
    suggestions = rewrite("You never help around the flat, I do everything.")
    assert suggestions[0].strategy == "i_statement", [s.text for s in suggestions]
    assert not any("you're upset" in s.text for s in suggestions), [s.text for s in suggestions]
    # asked for one, it is the I-statement too
    assert [
        s.strategy for s in rewrite("You never help around the flat, I do everything.", n=1)
    ] == ["i_statement"]


def test_not_lifting_a_finger_is_not_helping() -> None:
    statement = next(
        s.text
        for s in rewrite("You never lift a finger with the recycling, it's pathetic.")
        if s.strategy == "i_statement"
    )
    assert "finger" not in statement, statement
    assert statement.startswith("When you don't help with the recycling,"), statement
