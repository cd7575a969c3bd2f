"""The Textual chat: ``make_app(corpus, templates).run()`` (see :mod:`briefbot.tui.app`).

Importing this package does not import Textual; ``briefbot.tui.app`` does.
"""
