"""The coping toolkit the patient sees on "Craving help": plain how-tos, written as data.

Written for a phone on a bad day: short sentences, everyday words (about a 6th-8th grade
reading level), one idea per step. Each tool is a well-known coping skill from relapse
prevention and counselling practice; none of it replaces the clinic's care, and the page that
shows it always shows how to reach the clinic and crisis help too.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True)
class Tool:
    key: str
    title: str
    summary: str
    steps: tuple[str, ...]


# How long the "craving now" walk-through asks the patient to wait before rating again.
WAIT_MINUTES: Final = 10

TOOLKIT: Final[tuple[Tool, ...]] = (
    Tool(
        key="urge_surfing",
        title="Ride it out (urge surfing) and wait",
        summary="A craving is like a wave. It rises, peaks and then goes down, even if you do "
        "nothing. Most pass within about half an hour.",
        steps=(
            "Tell yourself: “I don’t have to act on this. I’ll wait 10 minutes.”",
            "Set a timer on your phone for 10 minutes.",
            "Notice where you feel the craving in your body. Is it your chest, your stomach, "
            "your mouth? Just notice it, without fighting it.",
            "Rate it from 0 to 10. Check again in a few minutes. Watch it rise and fall.",
            "When the timer ends, decide again. Often the wave is smaller by then.",
        ),
    ),
    Tool(
        key="breathing",
        title="Slow breathing",
        summary="Slow breaths calm your body down. It takes about 2 minutes.",
        steps=(
            "Sit or stand. Put one hand on your belly.",
            "Breathe in slowly through your nose while you count to 4.",
            "Breathe out slowly through your mouth while you count to 6.",
            "Do this 10 times. Let your belly rise and fall.",
        ),
    ),
    Tool(
        key="movement",
        title="Move your body",
        summary="Moving uses up the restless energy of a craving and can lift your mood.",
        steps=(
            "Go for a 10-minute walk, even just around the block.",
            "Or do something simple: stretch, climb stairs, dance to one song.",
            "You don’t need to work hard. Any movement counts.",
        ),
    ),
    Tool(
        key="water_food",
        title="Drink water and eat something",
        summary="Being hungry or thirsty can feel like a craving, and it makes cravings stronger.",
        steps=(
            "Drink a big glass of water.",
            "Eat something, even a small snack like fruit, toast or nuts.",
            "Ask yourself: am I Hungry, Angry, Lonely or Tired (HALT)? Take care of that need "
            "first.",
        ),
    ),
    Tool(
        key="sleep",
        title="Rest and sleep",
        summary="Being tired makes cravings stronger and harder to handle.",
        steps=(
            "If you can, lie down and rest for 20 minutes.",
            "Try to go to bed and get up at the same time each day.",
            "Put your phone away and keep the room dark before bed.",
            "If you have trouble sleeping most nights, tell your clinic. They can help.",
        ),
    ),
    Tool(
        key="call_someone",
        title="Call or text someone",
        summary="Saying “I’m having a craving” out loud to someone you trust makes it weaker.",
        steps=(
            "Call or text one of the people on your plan.",
            "You can say: “I’m having a craving. Can you talk for a few minutes?”",
            "You don’t have to talk about the craving. Talking about anything helps time pass.",
            "If you can’t reach anyone, call your clinic, or call or text 988 any time.",
        ),
    ),
    Tool(
        key="support_group",
        title="Go to a support group",
        summary="A meeting puts you with people who know what cravings feel like.",
        steps=(
            "Find a meeting near you or online: Alcoholics Anonymous (aa.org), Narcotics "
            "Anonymous (na.org) or SMART Recovery (smartrecovery.org).",
            "Many meetings are every day, and many are online, so you can join from your phone.",
            "You can just listen. You don’t have to speak.",
        ),
    ),
    Tool(
        key="leave_trigger",
        title="Leave the place or the situation",
        summary="Some people, places and things set off cravings. Getting away from them helps "
        "fast.",
        steps=(
            "Get up and leave: go outside, to another room, or home.",
            "If alcohol or drugs are near you, move away from them, or ask someone to take "
            "them away.",
            "Go somewhere safe, where there is no alcohol or drugs, and where other people are.",
            "Later, write the trigger in your craving plan so you can plan for it next time.",
        ),
    ),
)

TOOLS: Final[dict[str, Tool]] = {tool.key: tool for tool in TOOLKIT}
