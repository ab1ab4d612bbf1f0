"""The engine's own exception types; the API maps them to problem details."""


class CoachError(Exception):
    """Base class for every error the engine raises on purpose."""


class InvalidTextError(CoachError, ValueError):
    """The text cannot be analysed as given (empty, too long, wrong type)."""


class RulesError(CoachError):
    """A rule, lexicon or model file is malformed; the message names the file and the entry."""


class ModelNotFoundError(CoachError):
    """No usable spaCy English model is installed."""


class InvalidArgumentError(CoachError, ValueError):
    """An option is out of range (for example, asking for too many rewrites)."""
