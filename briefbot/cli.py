"""The command line: ``briefbot ask | search | sources | brief | chat``.

Exit codes: 0 answered (or done), 1 the sources do not answer, 2 a usage or input error,
130 interrupted.  Errors are one line on stderr, never a traceback.  Heavy modules
(the engine, Textual) are imported inside the command that needs them.
"""

from __future__ import annotations

import argparse
import datetime
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from . import __version__
from .errors import BriefbotError
from .safe import dumps, one_line, visible

if TYPE_CHECKING:
    from .engine import Briefbot

EXIT_OK, EXIT_NOT_FOUND, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


class UsageError(BriefbotError):
    """Wrong arguments; printed as one line with a pointer to --help."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")


def _corpus_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--corpus",
        metavar="DIR",
        help="folder of .txt/.md documents (default: $BRIEFBOT_CORPUS, else the bundled seeds)",
    )


def _templates_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--templates", metavar="DIR", help="folder of templates overriding those in prompts/"
    )


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {value}")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="briefbot",
        description="Answers questions about a folder of documents with verbatim, cited "
        "quotes. With no command, opens the chat.",
    )
    parser.add_argument("--version", action="version", version=f"briefbot {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    ask = sub.add_parser(
        "ask",
        help="answer one question",
        description="Answer one question with verbatim, cited quotes. Exit 0 when the "
        "sources answer, 1 when they do not, 2 on a usage or input error.",
    )
    ask.add_argument("question", metavar="QUESTION")
    ask.add_argument("--json", action="store_true", help="print the answer as one JSON object")
    ask.add_argument(
        "--top-k", type=_positive, default=3, metavar="N", help="at most N quotes (default 3)"
    )
    _templates_option(ask)
    _corpus_option(ask)

    search = sub.add_parser(
        "search",
        help="rank the paragraphs for a query",
        description="Print the paragraphs that best match QUERY, best first.",
    )
    search.add_argument("query", metavar="QUERY", nargs="?")
    search.add_argument("--json", action="store_true", help="print JSON")
    search.add_argument(
        "--top-k", type=_positive, default=5, metavar="K", help="K paragraphs (default 5)"
    )
    search.add_argument(
        "--queries",
        metavar="FILE",
        help="one query a line (optionally ID<TAB>QUERY); prints JSON Lines",
    )
    _corpus_option(search)

    sources = sub.add_parser(
        "sources",
        help="list the documents",
        description="List the corpus's documents: id, title, author, paragraph count.",
    )
    sources.add_argument("--json", action="store_true", help="print JSON")
    _corpus_option(sources)
    brief = sub.add_parser(
        "brief",
        help="write a cited briefing memo from a file of questions",
        description="Answer every question in QUESTIONS_FILE (one a line; a line starting "
        "with # starts a section; a section headed 'Key points' lists the corpus's central "
        "sentences) and write a memo with verbatim quotes and numbered sources.",
    )
    brief.add_argument("questions", metavar="QUESTIONS_FILE")
    brief.add_argument("-o", "--out", metavar="OUT", help="write the memo here (default: stdout)")
    brief.add_argument(
        "--format", choices=["md", "html", "json"], help="memo format (default: from OUT's "
        "suffix, else md)"
    )
    brief.add_argument("--title", default="Briefing", help="the memo's title")
    brief.add_argument("--date", help="date shown on the memo (default: $SOURCE_DATE_EPOCH, "
                       "else today)")
    brief.add_argument("--overview", action="store_true", help="start with a Key points section")
    brief.add_argument("--force", action="store_true", help="replace OUT if it exists")
    _templates_option(brief)
    _corpus_option(brief)

    chat = sub.add_parser(
        "chat",
        help="open the terminal chat (the default with no command)",
        description="Open the terminal chat: ask, follow up, open the cited paragraph.",
    )
    _templates_option(chat)
    _corpus_option(chat)
    return parser


def _memo_date(given: str | None) -> str:
    if given:
        return given
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            stamp = int(epoch)
        except ValueError:
            raise UsageError(f"SOURCE_DATE_EPOCH is not a whole number: {epoch!r}") from None
        return datetime.datetime.fromtimestamp(stamp, tz=datetime.timezone.utc).date().isoformat()
    return datetime.date.today().isoformat()


def _memo_format(args: argparse.Namespace) -> str:
    if args.format:
        return str(args.format)
    suffix = Path(args.out).suffix.lower() if args.out else ""
    return {".html": "html", ".htm": "html", ".json": "json"}.get(suffix, "md")


def cmd_brief(args: argparse.Namespace) -> int:
    from .briefing import parse_questions, render
    from .output import check_target, write_atomic

    questions_path = Path(args.questions)
    out = Path(args.out) if args.out else None
    if out is not None:
        check_target(out, force=args.force, inputs=[questions_path])
    plans = parse_questions(_read_text(questions_path, "questions"))
    if not any(p.questions or p.is_overview for p in plans) and not args.overview:
        raise UsageError(f"no questions in {questions_path}")
    bot = _engine(args)
    show_progress = sys.stderr.isatty()

    def progress(done: int, total: int, question: str) -> None:
        if show_progress:
            end = "\n" if done == total else ""
            print(f"\rbriefbot: answered {done}/{total}", end=end, file=sys.stderr, flush=True)

    briefing = bot.brief(
        plans, title=args.title, date=_memo_date(args.date), overview=args.overview,
        progress=progress,
    )
    text = render(bot, briefing, _memo_format(args))
    if out is None:
        sys.stdout.write(text)
        return EXIT_OK
    try:
        write_atomic(out, text)
    except OSError as exc:
        raise UsageError(f"cannot write {out}: {exc.strerror or exc}") from None
    _note(f"wrote {out}")
    return EXIT_OK


def cmd_chat(args: argparse.Namespace) -> int:
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise UsageError("the chat needs a terminal; use 'briefbot ask QUESTION' in scripts")
    if args.corpus is not None and not Path(args.corpus).is_dir():
        raise UsageError(f"corpus folder not found: {args.corpus}")
    from .tui.app import make_app

    make_app(args.corpus, getattr(args, "templates", None)).run()
    return EXIT_OK


def _engine(args: argparse.Namespace) -> Briefbot:
    from .engine import Briefbot

    bar = None
    machine = getattr(args, "json", False) or getattr(args, "queries", None)
    if sys.stderr.isatty() and not machine:
        # A bar for people watching a large corpus load; never in scripts, logs or JSON.
        from .progressbar import ProgressBar

        bar = ProgressBar(sys.stderr)
    try:
        bot = Briefbot.from_folder(
            args.corpus, templates=getattr(args, "templates", None), progress=bar
        )
    finally:
        if bar is not None:
            bar.close()
    for message in [*map(str, bot.corpus.skipped), *bot.notices]:
        _note(message)
    return bot


def _note(message: str) -> None:
    print(f"briefbot: {one_line(message)}", file=sys.stderr)


def _print_json(data: object) -> None:
    print(dumps(data))


def cmd_ask(args: argparse.Namespace) -> int:
    bot = _engine(args)
    answer = bot.ask(args.question, max_citations=args.top_k)
    if args.json:
        _print_json(answer.to_dict())
    else:
        sys.stdout.write(answer.text)
    return EXIT_OK if answer.answered else EXIT_NOT_FOUND


def cmd_search(args: argparse.Namespace) -> int:
    if (args.query is None) == (args.queries is None):
        raise UsageError("give a QUERY or --queries FILE, not both or neither")
    bot = _engine(args)
    if args.queries is not None:
        return _search_many(bot, Path(args.queries), args.top_k)
    hits = bot.search(args.query, args.top_k)
    if args.json:
        _print_json({"query": visible(args.query), "hits": [h.to_dict() for h in hits]})
    elif not hits:
        print("No paragraph matches.")
    else:
        for rank, h in enumerate(hits, start=1):
            print(f"{rank}. {h.title} ¶{h.paragraph}  (score {h.score:.2f})")
            print(f"   {h.text}")
    return EXIT_OK if hits else EXIT_NOT_FOUND


def _search_many(bot: Briefbot, path: Path, k: int) -> int:
    from .engine import QuestionError

    for number, line in enumerate(_read_lines(path, "queries"), start=1):
        if not line.strip():
            continue
        qid, _, query = line.partition("\t") if "\t" in line else (str(number), "", line)
        record: dict[str, object] = {"id": visible(qid), "query": visible(query.strip())}
        try:
            record["hits"] = [h.to_dict() for h in bot.search(query, k)]
        except QuestionError as exc:
            record["hits"] = []
            record["error"] = str(exc)
        _print_json(record)
    return EXIT_OK


def _read_lines(path: Path, what: str) -> list[str]:
    return _read_text(path, what).replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _read_text(path: Path, what: str) -> str:
    from .corpus import decode

    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise UsageError(f"{what} file is a folder: {path}") from None
    except OSError as exc:
        raise UsageError(f"cannot read {what} file {path}: {exc.strerror}") from None
    return decode(data)


def cmd_sources(args: argparse.Namespace) -> int:
    bot = _engine(args)
    docs = [d.summary() for d in bot.corpus.documents]
    if args.json:
        _print_json({"corpus": bot.corpus.summary(), "documents": docs})
        return EXIT_OK
    for d in docs:
        byline = f" by {d['author']}" if d["author"] else ""
        print(f"{d['id']}  {d['title']}{byline}  ({d['paragraphs']} paragraphs)")
    summary = bot.corpus.summary()
    print(
        f"{summary['documents']} documents, {summary['paragraphs']} paragraphs, "
        f"fingerprint {summary['fingerprint']}"
    )
    return EXIT_OK


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "ask": cmd_ask,
    "search": cmd_search,
    "sources": cmd_sources,
    "brief": cmd_brief,
    "chat": cmd_chat,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code instead of raising."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        if args.command is None:
            args = parser.parse_args(["chat"])
        return COMMANDS[args.command](args)
    except BriefbotError as exc:
        print(f"briefbot: error: {one_line(str(exc))}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("briefbot: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (e.g. `| head`); nothing more to say to it.
        sys.stderr.close()
        return EXIT_OK


def run() -> NoReturn:
    """Console-script entry point."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
    code = main()
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        # Python would complain again at exit while flushing; point stdout at nothing.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    raise SystemExit(code)
