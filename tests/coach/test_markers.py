"""Every marker kind, found where it should be and not where it shouldn't."""

from __future__ import annotations

import pytest

from coach import HELP_KINDS, KINDS, analyze

# (reply, partner's context or None, a kind that must be found)
FOUND = [
    ("That makes total sense, anyone would be hurt by that.", None, "validation"),
    ("no wonder ur exhausted, that week was brutal", None, "validation"),
    ("I can tell how much this stung you.", None, "validation"),
    ("I'm not going to dismiss that. Tell me more.", None, "validation"),
    ("How did the talk with your sister feel for you?", None, "open_question"),
    ("Can you tell me more about what happened at the clinic?", None, "open_question"),
    ("You're right, I forgot to book the table. That's on me.", None, "ownership"),
    ("I messed up with the budget and I should have told you sooner.", None, "ownership"),
    (
        "Thank you for handling the vet appointment, I noticed how much you juggled.",
        None,
        "appreciation",
    ),
    ("I'm scared that we've stopped being a team.", None, "vulnerability"),
    ("honestly i miss us, i feel lonely when we dont talk", None, "vulnerability"),
    ("I felt belittled in that meeting, and it stayed with me all day.", None, "vulnerability"),
    ("I've been feeling pretty low since the move.", None, "vulnerability"),
    ("Whenever you're ready, I'd love to hear how the interview went.", None, "invitation"),
    ("No pressure, but would you be up for a walk after dinner?", None, "invitation"),
    ("So what I'm hearing is that you felt left out of the decision.", None, "reflection"),
    ("It sounds like you felt alone with the kids all weekend.", None, "reflection"),
    (
        "I'm getting flooded. Can we take twenty minutes and come back to this after?",
        None,
        "repair_break",
    ),
    ("You're so selfish, you only think about yourself.", None, "criticism"),
    ("Why would you invite him without asking me?", None, "criticism"),
    # the excuse they are taken to have none for
    ("Your brother manages the school run, so what's your excuse?", None, "criticism"),
    # the tool of a duty they are asked if they own; a plain wish asked as too much
    ("do u even own a calendar??", None, "contempt"),
    ("Ring me when you land. Is that really too much to ask?", None, "contempt"),
    # a prize in mockery, however it is asked
    ("and? want a round of applause?", "I emptied the dishwasher.", "contempt"),
    ("Expecting a standing ovation for one load of washing?", None, "contempt"),
    # the blame put as a condition
    ("If you'd bothered to check the calendar, we'd be on time.", None, "criticism"),
    ("You never put your phone down at dinner.", None, "absolute"),
    ("Every single time I bring it up you change the subject.", None, "absolute"),
    ("It's not my fault the car broke down, I had no choice.", None, "defensiveness"),
    ("What was I supposed to do, read your mind?", None, "defensiveness"),
    ("Well, you forgot my mom's birthday last year.", None, "counter_complaint"),
    ("What about when you spent the whole weekend gaming?", None, "counter_complaint"),
    ("With all due respect, you're being ridiculous.", None, "contempt"),
    ("Oh great, another lecture about the dishes 🙄", None, "contempt"),
    ("whatever.", None, "stonewalling"),
    ("I'm done talking about this.", None, "stonewalling"),
    ("ok.", "I've been feeling really lonely and I didn't know how to tell you.", "stonewalling"),
    ("You're overreacting, it's not a big deal.", None, "minimizing"),
    ("At least you still have a job. Calm down.", None, "minimizing"),
    ("You should just tell your boss no and go to bed earlier.", None, "fixing"),
    ("Have you tried making a list?", "Work has me so overwhelmed I can't sleep.", "fixing"),
    ("We're talking about this right now, answer me.", None, "pressure"),
    ("If you really loved me you'd skip the trip.", None, "pressure"),
    ("I'm sorry, but you were yelling too.", None, "apology_but"),
    ("I'm sorry you feel that way.", None, "apology_but"),
    ("sorry if u got offended lol", None, "apology_but"),
    ("You must have felt so alone at the hospital.", None, "validation"),
    ("I hear how hard this month has been.", None, "validation"),
    ("I know the night shifts drain you.", None, "validation"),
    ("You sound so tired of all this.", None, "validation"),
    ("It's not silly to want a proper holiday.", None, "validation"),
    ("Caring for your dad and working is a lot to carry.", None, "validation"),
    ("Your opinion matters in this.", None, "validation"),
    ("Like you're one to lecture me about money.", None, "counter_complaint"),
    ("You lied to me about the loan.", None, "criticism"),
    ("Honestly, you're such a nag about the recycling.", None, "criticism"),
    ("You want a gold star for taking the bins out?", None, "contempt"),
    ("Should I sell my car too while we're at it?", None, "contempt"),
    ("I cook every night and this is the thanks I get.", None, "defensiveness"),
    ("You missed our anniversary dinner for a work drink.", None, "criticism"),
    ("What do you want, a written apology?", None, "contempt"),
    # insults said to them, their things called rubbish, being told to be quiet
    ("Thanks for clearing the table, you muppet.", None, "contempt"),
    ("ok you total dimwit, have it your way", None, "contempt"),
    ("What an absolute numpty, honestly.", None, "contempt"),
    ("i swear ur the messiest human on the planet", None, "contempt"),
    ("Worst navigator alive, we've passed that garage twice.", None, "contempt"),
    ("That's honestly the stupidest excuse I've heard all month.", None, "contempt"),
    ("Your taste in sofas is rubbish.", None, "contempt"),
    ("this holiday plan is a joke", None, "contempt"),
    ("Can you just shut up about the caravan for five minutes?", None, "contempt"),
    ("shut ur mouth, I'm on the phone", None, "contempt"),
    ("Walk your bloody dog yourself for once.", None, "contempt"),
    ("The hoover's still in the hall. You had one job.", None, "contempt"),
    ("Bin day is tomorrow, not that you'd ever notice.", None, "contempt"),
    ("Honestly your cousins are leeches, every single visit.", None, "contempt"),
    ("Cheers for wasting my whole Saturday at the tip.", None, "contempt"),
    ("Lovely of you to mention the dinner party. Oh wait, you didn't.", None, "contempt"),
    # a hard day shared, or given as the reason after a complaint
    ("I've had such a draining week, honestly.", None, "vulnerability"),
    ("I had a really long shift, okay?", "You never put the bins out.", "defensiveness"),
    ("You have to decide tonight.", None, "pressure"),
    ("Pick a date for the move today or I'm booking it myself.", None, "pressure"),
    # the choice taken from them, with no deadline word before the "or"
    ("You choose the school for Amara by Friday or I'm choosing it for us.", None, "pressure"),
    ("Either we book the cottage together or I book it alone.", None, "pressure"),
    ("Fine, Mr. Perfect, you plan the whole trip then.", None, "contempt"),
    ("I'll sort the insurance when I'm ready, drop it.", None, "stonewalling"),
    ("I'll ring the landlord when I feel like it.", None, "stonewalling"),
    ("It's my bonus, I'll spend it however I like.", None, "defensiveness"),
    ("Fine, and could you stop leaving the lights on?", None, "counter_complaint"),
    ("Maybe. Depends on my mood.", None, "stonewalling"),
    ("Eh, it is what it is with your boss.", None, "minimizing"),
    ("Oh well, there's always next season.", "I didn't make the team.", "minimizing"),
    ("If you need space that badly, then maybe we should split up.", None, "pressure"),
    ("That wasn't fair to you, and I'm sorry.", None, "ownership"),
    ("I couldn't have got through the move without you.", None, "appreciation"),
    ("Relax, it's only a parking ticket.", None, "minimizing"),
    ("You just need to sleep more.", None, "fixing"),
    ("You're nervous about everything lately.", None, "absolute"),
    ("You felt left out when we planned the trip.", None, "reflection"),
    ("My spending is not up for discussion.", None, "stonewalling"),
    ("Keep out of this, it's between me and my brother.", None, "stonewalling"),
    ("Maybe stop checking your email at night?", None, "fixing"),
    ("Perhaps a personal trainer would help.", None, "fixing"),
    ("I'm sorry I didn't ring you back.", None, "ownership"),
    ("sorry i shouted at u earlier", None, "ownership"),
    ("Sorry I'm not a mind reader.", None, "contempt"),
    ("Really mature.", None, "contempt"),
    ("Get over yourself, I was only teasing.", None, "contempt"),
    ("You're imagining it, she was only being friendly.", None, "minimizing"),
    ("Don't take this so personally, he's like that with everyone.", None, "minimizing"),
    ("I'm not shouting, you're just not listening.", None, "defensiveness"),
    ("It scares me when we go days without talking.", None, "vulnerability"),
    ("Fine, I'll call your sister. Satisfied now?", None, "contempt"),
    ("I cook every night. What more could you want?", None, "defensiveness"),
    ("Can we plan the garden together this weekend?", None, "invitation"),
    ("I miss cooking together on Sundays.", None, "vulnerability"),
    ("I don't owe anyone an explanation for my weekend.", None, "defensiveness"),
    (
        "I'll sort the gutters when I get around to it.",
        "You said you'd do the gutters in May.",
        "stonewalling",
    ),
    # others called as witnesses, the task handed back
    ("Nobody else minds how I load the dishwasher.", None, "defensiveness"),
    ("If the lawn bugs you so much, then do it yourself.", None, "defensiveness"),
    # disgust at the partner's own ways
    ("Honestly the way you slurp your soup is gross.", None, "contempt"),
    ("Ugh, I can hear how loud you breathe, it's revolting.", None, "contempt"),
    # A verdict on their character, whichever trait it names.
    ("You're so forgetful, that's the third bill this month.", None, "criticism"),
    ("honestly ur so unreliable w anything involving money", None, "criticism"),
    ("You're being really judgemental about my brother's job.", None, "criticism"),
    ("you are so disorganised it drives me up the wall", None, "criticism"),
    ("Honestly that's so typical of you, telling my boss before me.", None, "criticism"),
    # a virtue they are said to lack
    ("You have no tact at all, now the whole office knows.", None, "criticism"),
    # a texted order opening the sentence
    ("just start cycling to work and stop moaning about it", "I feel so unfit lately.", "fixing"),
    # "Sorry. But..." is still a "but"
    ("Sorry. But you were the one who shouted first.", None, "apology_but"),
]

# (reply, context, a kind that must NOT be found)
FOUND += [
    (
        "No point crying over it now, it's gone.",
        "I left my grandad's watch on the train.",
        "minimizing",
    ),
    ("there's no point being so down about it, come to the pub", None, "minimizing"),
    ("Is this the bit where you tell me I never help?", "Can we talk about Sunday?", "contempt"),
    ("A new job in Leeds. Lovely for the rest of us.", None, "contempt"),
    ("Should've let me paint it, honestly.", None, "criticism"),
    (
        "Worrying won't change the scan results, so try to sleep.",
        "I'm scared about Friday's scan.",
        "minimizing",
    ),
    (
        "That's nice. Anyway, did you pick up the milk?",
        "I got the lead in the play!",
        "stonewalling",
    ),
    ("cool. btw whats for dinner", "I finally passed my driving test!", "stonewalling"),
]

NOT_FOUND = [
    # asking to borrow one
    ("Do you own a watch I could borrow for the interview?", None, "contempt"),
    # applause given, not mocked
    ("Give yourself a round of applause, you earned it!", "I finished the marathon!", "contempt"),
    # a question about their news is taking it up
    ("That's great. Did you celebrate?", "I passed my driving test!", "stonewalling"),
    # a practical "no point"
    ("There's no point getting the boiler serviced twice a year.", None, "minimizing"),
    ("When I get to it tomorrow I'll send you the photos.", None, "stonewalling"),
    ("Could you do it yourself this once? Thanks, love.", None, "defensiveness"),
    # disgust at what someone else did, on the partner's side
    ("What your manager said in that meeting was disgusting.", None, "contempt"),
    ("The bins are gross, can we take them out together?", None, "contempt"),
    # "you" that is not the one judged
    ("I'm sorry, how your brother spoke to you was really rude.", None, "criticism"),
    ("Let's paint the fence while we're at it.", None, "contempt"),
    ("Should we order now or wait for your sister?", None, "pressure"),
    ("I go for a run when I feel like it, usually mornings.", None, "stonewalling"),
    ("I can cook whatever you fancy if you're back early?", None, "defensiveness"),
    ("Ask Mr. Patel next door if we can borrow his ladder.", None, "contempt"),
    ("Thanks, I really needed that tonight.", None, "defensiveness"),
    ("I'm not saying you never help, I just miss you.", None, "absolute"),
    ("I don't think you're overreacting at all.", None, "minimizing"),
    ("It's not your fault, you couldn't have known.", None, "criticism"),
    ("ok.", None, "stonewalling"),
    ("Sure, I can pick up the kids at five.", "Could you get the kids today?", "stonewalling"),
    (
        "I need a breather, can we pick this up after dinner? I'm not leaving this.",
        None,
        "stonewalling",
    ),
    ("I hear you, but you always make it about you.", None, "validation"),
    ("What's wrong with you?", None, "open_question"),
    ("I don't appreciate being spoken to like that.", None, "appreciation"),
    # Words that only look like an attack.
    ("You've been carrying the house on your own lately.", None, "pressure"),
    ("You must be starving after that shift.", None, "pressure"),
    ("Oh no, your flight got cancelled?", None, "contempt"),
    ("It sounds like you're worn out from the commute.", None, "counter_complaint"),
    ("Which bits of the old flat do you miss?", None, "criticism"),
    ("I hate the thought of you lying awake over the bills.", None, "criticism"),
    ("You kept trying even after the second rejection.", None, "criticism"),
    ("That's not how I'd like us to spend Sunday.", None, "defensiveness"),
    ("I hear that you booked the flights.", None, "validation"),
    ("I went to the cinema without you.", None, "appreciation"),
    ("You just got back from the shops.", None, "fixing"),
    ("We drove up to the lake to relax.", None, "minimizing"),
    ("Stop forcing it on me.", None, "ownership"),
    ("The laundry's not going anywhere.", None, "repair_break"),
    ("You didn't text me back last night.", None, "stonewalling"),
    ("That wasn't fair to you, and I'm sorry.", None, "defensiveness"),
    ("You've done the school run all week.", None, "reflection"),
    ("It means a lot that you're telling me this.", None, "reflection"),
    ("Don't worry, it's not your problem, I'll sort the bank.", None, "stonewalling"),
    ("Maybe I could help with the forms?", None, "fixing"),
    ("Sorry I feel so flat today.", None, "ownership"),
    ("That's a classic, we should watch it again.", None, "contempt"),
    ("I never take that personally when you need space.", None, "minimizing"),
    ("I haven't been fair to you lately, and I'm not being fair now.", None, "defensiveness"),
    (
        "I'm too wound up to think straight. Can we talk after dinner, when I've cooled off?",
        None,
        "invitation",
    ),
    # "if you'd..." invites only when it is "if you'd like"
    ("If you'd bothered to check the calendar, we'd be on time.", None, "invitation"),
    # A self-description owned is no attack on them.
    (
        "I know I was impulsive with the booking; I should've run it past you first.",
        None,
        "criticism",
    ),
    # the "but" of an account in the next sentence is no "sorry, but"
    (
        "I'm so sorry. I meant it kindly but I can see it landed badly, and that's on me.",
        "Your joke about my cooking hurt.",
        "apology_but",
    ),
    # an "I" before it makes it the person's own habit, not an order
    ("I just start worrying when the rent is due.", None, "fixing"),
    # the person's own silence, delight, a word used as a verb, a hard day, praise
    ("Fine, I'll shut up about the caravan then.", None, "contempt"),
    ("Shut up!! You got the flat?! That's brilliant!", None, "contempt"),
    ("You baby me when I'm ill and I secretly love it.", None, "contempt"),
    ("That's the worst news, I'm so sorry about your uncle.", None, "contempt"),
    ("I made the dumbest mistake at work today.", None, "contempt"),
    ("Your sister's plan is lovely, count me in.", None, "contempt"),
    ("The coffee at that station is rubbish, I'll bring a flask.", None, "contempt"),
    ("Stuck behind a bloody tractor, be there in ten.", None, "contempt"),
    # a boss the partner is up against, or their people praised
    ("Your manager is a nightmare, I'm sorry you had to sit through that.", None, "contempt"),
    ("Your brothers are hilarious, I loved Sunday.", None, "contempt"),
    ("Thanks for forgiving me, it means a lot.", None, "contempt"),
    # a goodnight with nothing of theirs to walk out on
    ("Kids are down and the dishwasher's running. I'm off to bed.", None, "stonewalling"),
    ("I'm going to bed, the alarm's set for six.", None, "stonewalling"),
]


@pytest.mark.parametrize(("reply", "context", "kind"), FOUND)
def test_kind_is_found(reply: str, context: str | None, kind: str) -> None:
    kinds = {m.kind for m in analyze(reply, context=context).markers}
    assert kind in kinds, f"expected {kind} in {sorted(kinds)}"


@pytest.mark.parametrize(("reply", "context", "kind"), NOT_FOUND)
def test_kind_is_not_found(reply: str, context: str | None, kind: str) -> None:
    kinds = {m.kind for m in analyze(reply, context=context).markers}
    assert kind not in kinds, f"did not expect {kind} in {sorted(kinds)}"


def test_every_kind_has_a_golden_example() -> None:
    assert {kind for _, _, kind in FOUND} == set(KINDS)


@pytest.mark.parametrize(("reply", "context", "kind"), FOUND)
def test_marker_offsets_point_at_the_persons_own_words(
    reply: str, context: str | None, kind: str
) -> None:
    analysis = analyze(reply, context=context)
    for marker in analysis.markers:
        assert analysis.text[marker.start : marker.end] == marker.text
        assert marker.text.strip() == marker.text and marker.text
        # a pattern may need the punctuation around it; the marker shows only words
        assert marker.text[0].isalnum() or not marker.text[0].isascii(), marker.text
        assert marker.text[-1].isalnum() or not marker.text[-1].isascii(), marker.text
        # and never starts inside a word ("'s not my fault")
        assert marker.start == 0 or not analysis.text[marker.start - 1].isalnum(), marker.text
        assert marker.polarity == ("help" if marker.kind in HELP_KINDS else "harm")
        assert marker.tip.endswith((".", "!", "?"))


def test_rasa_environment_shares_the_engines_vocabulary() -> None:
    # bot/ runs in Rasa's own environment and keeps its own copy of the kinds' polarity.
    from bot.vocabulary import HARM_KINDS as BOT_HARM
    from bot.vocabulary import HELP_KINDS as BOT_HELP

    assert set(BOT_HELP) == set(HELP_KINDS)
    assert set(BOT_HARM) == set(KINDS) - set(HELP_KINDS)
