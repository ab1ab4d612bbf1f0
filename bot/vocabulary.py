"""The marker vocabulary's polarity (../shared/DESIGN.md), for code running in Rasa's own
environment, which may not import the engine (`coach`): the actions and NLU components."""

HELP_KINDS = (
    "validation",
    "open_question",
    "ownership",
    "appreciation",
    "vulnerability",
    "invitation",
    "reflection",
    "repair_break",
)
HARM_KINDS = (
    "criticism",
    "absolute",
    "defensiveness",
    "counter_complaint",
    "contempt",
    "stonewalling",
    "minimizing",
    "fixing",
    "pressure",
    "apology_but",
)
