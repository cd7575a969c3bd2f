"""Errors the user can act on; the command line prints them as one line."""


class BriefbotError(Exception):
    """Base class: a problem with the user's input, shown without a traceback."""


class CorpusError(BriefbotError):
    """The corpus folder is missing, empty or unreadable."""


class TemplateProblem(BriefbotError):
    """A template failed to load or render (syntax, undefined name, sandbox refusal)."""


class OutputError(BriefbotError):
    """An output file cannot be written where and how the user asked."""
