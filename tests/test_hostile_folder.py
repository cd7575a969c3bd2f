"""End to end: one hostile folder through every face of briefbot.

The folder holds escape sequences (CSI, OSC, OSC 52 clipboard writes), C1 controls, BEL,
lone carriage returns, bidi overrides and zero-width marks, hostile file names, cp1252,
UTF-16 with and without a BOM, PNG/PDF/NUL binaries, a FIFO, a link loop, a link out of
the folder, a second name for a good file, a 10 MB single line, HTML with <script> and
Markdown fences and links, beside two good files with known facts.  Every command must
exit cleanly, report each skipped file once, print and write nothing live, and still
answer from the good files with quotes that are exact slices of the cited paragraphs.

Loading the 10 MB line takes seconds, so the folder is loaded once for the module; one
test runs a real ``python -m briefbot`` process on it with nothing shared.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from helpers import live_controls, run
from pilot_helpers import SIZE, screen_text, settle, submit, widget_text

from briefbot.clean import MAX_PARAGRAPH_CHARS
from briefbot.engine import Briefbot
from briefbot.safe import one_line
from briefbot.tui.app import make_app

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs and symlinks")

OTTERS = (
    "River Otters Return\n\n"
    "The otter recovery program was led by Maria Gonzalez in 2015.\n\n"
    "Beavers build dams across the river every autumn.\n"
)
HARBOUR = (
    "# Harbour Council Notes\n\n"
    "The harbour council approved a new sea wall costing 4.2 million euros in March.\n"
)
GOOD = {
    "Who led the otter recovery program?": (
        "otters", "The otter recovery program was led by Maria Gonzalez in 2015."),
    "What did the harbour council approve?": (
        "harbour",
        "The harbour council approved a new sea wall costing 4.2 million euros in March."),
}
HOSTILE_QUESTIONS = [
    "What does the clipboard heron note hold?",
    "What is the kestrel invoice total?",
    "What does the albatross script sentence say?",
    "What did the walrus tusk survey count?",
    "What reopened by the marina?",
    "How many seals did the lighthouse keeper count?",
    "How many crossings does the ferry timetable list?",
    "Which osprey nest was counted twice?",
    "Who led the \x1b]52;c;cm0gLXJmIH4=\x07 otter\x00 recovery\x9b program?\r\u202e",
]
QUESTIONS = [*GOOD, *HOSTILE_QUESTIONS]

SKIPPED = {
    "image.md": "binary file",
    "paper.txt": "binary file",
    "nul.txt": "binary file",
    "pipe.txt": "not a regular file",
    "loop.txt": "link loop",
    "escape.txt": "link leaves the folder",
    "alias.txt": "same file as",
    "two\nlines\x1b[2J.md": "binary file",  # its notice must still be one line
}


@dataclass(frozen=True)
class Hostile:
    folder: Path
    bot: Briefbot
    questions: Path


def build(root: Path) -> Path:
    folder = root / "corpus"
    folder.mkdir()
    files: dict[str, bytes] = {
        "otters.txt": OTTERS.encode(),
        "harbour.md": HARBOUR.encode(),
        "escapes.txt": (
            "Terminal Tricks\n\n"
            "The falcon report says \x1b[31mred alert\x1b[0m and \x1b]0;pwned title\x07 here.\n\n"
            "The clipboard heron note holds \x1b]52;c;ZWNobyBwd25lZA==\x07 inside it.\n\n"
            "The lighthouse bell \x07 rang while CSI \x9b2J and DEL \x7f came by.\n\n"
            "A carriage return overwrote the gannet\rFAKE line here.\n"
        ).encode(),
        "bidi.txt": (
            "The kestrel invoice total is \u202e0001$\u202c dollars.\n\n"
            "The puffin\u200b count\u200d hides zero\u2060width marks.\n"
        ).encode(),
        "legacy.txt": b"The caf\xe9 by the marina reopened in \x93spring\x94.\r\n",
        "utf16-bom.txt": "The lighthouse keeper counted forty seals.\r\n".encode("utf-16"),
        "utf16-le.txt": "The ferry timetable lists seven crossings daily.\n".encode("utf-16-le"),
        "image.md": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x1b]52;c;AAAA\x07",
        "paper.txt": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n\x1b[2J",
        "nul.txt": b"Text with a \x00 NUL and \x1b[31m colour.",
        "two\nlines\x1b[2J.md": b"\x00\x01\x02 binary",
        "huge.txt": ("The walrus tusk survey counted many tusks on the ice floe today "
                     * 170_000).encode()[: 10 * 1024 * 1024],
        "page.md": (
            b"# Field Page\n\n"
            b"<script>alert(1)</script> The albatross script sentence is in the page.\n\n"
            b"[click](http://evil.example) The albatross link sentence points to "
            b"http://evil.example/x.\n\n"
            b"```\nrm -rf / # the albatross fence\n```\n\n"
            b"``` The albatross fence sentence opens with a code fence.\n"
        ),
        "osprey\x1b]0;x\x07\u202e.txt": b"The osprey nest was counted twice this year.\n",
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    os.mkfifo(folder / "pipe.txt")
    os.symlink("loop.txt", folder / "loop.txt")
    (root / "outside").mkdir()
    (root / "outside" / "secret.txt").write_text("The secret outside text.\n", encoding="utf-8")
    os.symlink(root / "outside" / "secret.txt", folder / "escape.txt")
    os.symlink("otters.txt", folder / "alias.txt")
    return folder


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Hostile:
    root = tmp_path_factory.mktemp("hostile")
    folder = build(root)
    questions = root / "questions.txt"
    questions.write_text(
        "# Good \x1b[1mfiles\x1b[0m\n" + "\n".join(GOOD) + "\n# Hostile\u202e files\n"
        + "\n".join(HOSTILE_QUESTIONS).replace("\r", "") + "\n",
        encoding="utf-8",
    )
    return Hostile(folder, Briefbot.from_folder(folder), questions)


@pytest.fixture
def shared_engine(hostile, monkeypatch) -> Hostile:
    """Every command gets the module's engine for the hostile folder instead of reloading."""
    real = Briefbot.from_folder.__func__  # type: ignore[attr-defined]

    def from_folder(cls, folder=None, **kwargs):  # type: ignore[no-untyped-def]
        if folder is not None and Path(folder) == hostile.folder and not kwargs.get("templates"):
            return hostile.bot
        return real(cls, folder, **kwargs)

    monkeypatch.setattr(Briefbot, "from_folder", classmethod(from_folder))
    return hostile


def assert_one_skip_line_each(err: str, folder: Path) -> None:
    lines = err.splitlines()
    skips = [line for line in lines if line.startswith("briefbot: skipped ")]
    assert len(skips) == len(lines), lines  # nothing else on stderr
    shown = {one_line(name): reason for name, reason in SKIPPED.items()}
    names = [Path(line.removeprefix("briefbot: skipped ").split(": ")[0]).name for line in skips]
    assert sorted(names) == sorted(shown)
    for line, name in zip(skips, names):
        assert line.startswith(f"briefbot: skipped {folder / name}: {shown[name]}"), line


def assert_quotes_are_slices(bot: Briefbot, citations: list[dict[str, object]]) -> None:
    for c in citations:
        paragraph = bot.corpus.document(str(c["doc"])).paragraph(int(c["paragraph"])).text
        assert str(c["quote"]) in paragraph, c


def test_hostile_folder_loads_the_good_and_odd_files_and_skips_the_rest(hostile):
    corpus = hostile.bot.corpus
    assert sorted(d.id for d in corpus.documents) == sorted([
        "otters", "harbour", "escapes", "bidi", "legacy", "utf16-bom", "utf16-le", "huge",
        "page", "osprey^[]0;x^G<U+202E>"])
    reasons = {Path(s.path).name: s.reason for s in corpus.skipped}
    assert sorted(reasons) == sorted(SKIPPED)
    assert all(reasons[name].startswith(reason) for name, reason in SKIPPED.items()), reasons
    assert reasons["alias.txt"] == f"same file as {hostile.folder / 'otters.txt'}"
    for d in corpus.documents:
        assert live_controls(d.id + d.title) == []
        assert all(live_controls(p.text) == [] for p in d.paragraphs)
    assert "secret" not in " ".join(p.text for p in corpus.paragraphs)


def test_hostile_folder_real_process_answers_from_the_good_file(hostile):
    """Nothing shared or patched: a fresh ``python -m briefbot`` loads the whole folder."""
    question = "Who led the otter recovery program?"
    result = subprocess.run(
        [sys.executable, "-m", "briefbot", "ask", "--json", "--corpus", str(hostile.folder),
         question],
        capture_output=True, timeout=120, check=False,
    )
    out, err = result.stdout.decode("utf-8"), result.stderr.decode("utf-8")
    assert result.returncode == 0, err
    assert "Traceback" not in err
    assert_one_skip_line_each(err, hostile.folder)
    assert live_controls(out) == [] and live_controls(err) == []
    answer = json.loads(out)
    assert (answer["citations"][0]["doc"], answer["citations"][0]["quote"]) == GOOD[question]


@pytest.mark.parametrize("question", QUESTIONS)
def test_hostile_folder_ask_json_and_text(capsys, shared_engine, question):
    folder = str(shared_engine.folder)
    code, out, err = run(capsys, "ask", "--json", "--corpus", folder, question)
    assert code in (0, 1), err
    assert_one_skip_line_each(err, shared_engine.folder)
    assert live_controls(out) == []
    answer = json.loads(out)
    assert_quotes_are_slices(shared_engine.bot, answer["citations"])
    if question in GOOD:
        assert code == 0
        assert (answer["citations"][0]["doc"], answer["citations"][0]["quote"]) == GOOD[question]
    code, text, err = run(capsys, "ask", "--corpus", folder, question)
    assert code in (0, 1) and "Traceback" not in err
    assert live_controls(text) == []
    if question in GOOD:
        assert GOOD[question][1] in text.replace("\\", "")


def test_hostile_folder_the_hostile_documents_answer_too(shared_engine):
    expected = {
        "What does the clipboard heron note hold?": ("escapes", "^[]52;c;ZWNobyBwd25lZA==^G"),
        "What is the kestrel invoice total?": ("bidi", "<U+202E>0001$<U+202C>"),
        "What does the albatross script sentence say?": ("page", "<script>alert(1)</script>"),
        "What did the walrus tusk survey count?": ("huge", "walrus tusk"),
        "What reopened by the marina?": ("legacy", "caf\u00e9 by the marina reopened in \u201c"),
        "How many seals did the lighthouse keeper count?": ("utf16-bom", "forty seals"),
        "How many crossings does the ferry timetable list?": ("utf16-le", "seven crossings"),
        "Which osprey nest was counted twice?": ("osprey^[]0;x^G<U+202E>", "counted twice"),
    }
    for question, (doc, piece) in expected.items():
        answer = shared_engine.bot.ask(question)
        assert answer.answered, question
        assert answer.citations[0].doc == doc and piece in answer.citations[0].quote, question
        assert len(answer.citations[0].quote) <= 1000


def test_hostile_folder_search_and_sources(capsys, shared_engine, tmp_path):
    folder = str(shared_engine.folder)
    queries = tmp_path / "queries.txt"
    lines = [f"q{i}\t{q}".replace("\r", "") for i, q in enumerate(QUESTIONS)]
    queries.write_text("\n".join(lines) + "\n", encoding="utf-8")
    runs = {
        "search": ["search", "heron kestrel osprey walrus albatross otter"],
        "search --json": ["search", "--json", "--top-k", "20", "walrus heron kestrel osprey"],
        "search --queries": ["search", "--queries", str(queries)],
        "sources": ["sources"],
        "sources --json": ["sources", "--json"],
    }
    for name, argv in runs.items():
        code, out, err = run(capsys, *argv, "--corpus", folder)
        assert code == 0, (name, err)
        assert_one_skip_line_each(err, shared_engine.folder)
        assert live_controls(out) == [], name
        if name.startswith("search --"):
            records = [json.loads(line) for line in out.splitlines()]
            for hit in (hit for r in records for hit in r["hits"]):
                para = shared_engine.bot.corpus.document(hit["doc"]).paragraph(hit["paragraph"])
                assert hit["text"] == para.text
                assert len(hit["text"]) <= MAX_PARAGRAPH_CHARS  # the 10 MB line is cut up
        else:
            assert len(out) < 100_000, name  # the 10 MB line never floods the terminal
        if name == "search --queries":
            assert [r["id"] for r in records] == [f"q{i}" for i in range(len(QUESTIONS))]
        if name == "sources":
            assert "osprey^[]0;x^G<U+202E>" in out and "10 documents" in out


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_hostile_folder_brief(capsys, shared_engine, tmp_path, fmt):
    memo = tmp_path / f"memo.{fmt}"
    # Key points read every sentence (slow over 10 MB), so only the JSON memo has them.
    overview = ["--overview"] if fmt == "json" else []
    code, out, err = run(capsys, "brief", str(shared_engine.questions), "--corpus",
                         str(shared_engine.folder), "-o", str(memo), *overview,
                         "--title", "Memo \x1b]52;c;AAAA\x07 \u202eevil")
    assert code == 0, err
    assert out == ""
    assert err.splitlines()[-1] == f"briefbot: wrote {memo}"
    assert_one_skip_line_each("\n".join(err.splitlines()[:-1]), shared_engine.folder)
    text = memo.read_text(encoding="utf-8")
    assert live_controls(text) == []
    assert [p.name for p in tmp_path.iterdir()] == [memo.name]
    if fmt == "json":
        data = json.loads(text)
        answers = {a["question"]: a for s in data["sections"] for a in s["answers"]}
        for question, (doc, quote) in GOOD.items():
            assert answers[question]["answered"]
            assert (answers[question]["citations"][0]["doc"],
                    answers[question]["citations"][0]["quote"]) == (doc, quote)
        for section in data["sections"]:
            for a in section["answers"]:
                assert_quotes_are_slices(shared_engine.bot, a["citations"])
            assert_quotes_are_slices(shared_engine.bot, section.get("key_points", []))
    elif fmt == "html":
        assert "<script" not in text and 'href="http' not in text
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
        assert GOOD["What did the harbour council approve?"][1] in text
    else:
        quotes = [line for line in text.splitlines() if line.startswith(">")]
        assert quotes and all(line.startswith("> ") for line in quotes)
        assert not any(line[2:].startswith(("```", "#", "<", "[", ">")) for line in quotes)
        assert "\n```" not in text and "<script>" not in text
        assert GOOD["Who led the otter recovery program?"][1] in text


async def test_hostile_folder_chat(shared_engine, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = make_app(str(shared_engine.folder))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        notices = [n for n in widget_text(app, ".notice").splitlines() if "skipped" in n]
        assert len(notices) == len(SKIPPED)
        for name, reason in SKIPPED.items():
            assert sum(f"{one_line(name)}: {reason}" in n for n in notices) == 1, name
        screens = []
        for question in [*GOOD, *HOSTILE_QUESTIONS[:4], HOSTILE_QUESTIONS[-1]]:
            await submit(app, pilot, question)
            screens.append(screen_text(app))
        for step in range(4):  # open citations in the sources pane, the huge one included
            await pilot.press("ctrl+n")
            await pilot.pause()
            screens.append(screen_text(app))
        await submit(app, pilot, "/sources")
        screens.append(screen_text(app))
        await submit(app, pilot, "/save")
        assert app.is_running and not app.query(".error")
        widgets = widget_text(app, "Static")
        assert live_controls("\n".join(screens)) == [] and live_controls(widgets) == []
        assert "^[]52;c;ZWNobyBwd25lZA==^G" in widgets
        assert "Who led the ^[]52;c;cm0gLXJmIH4=^G otter^@ recovery<U+009B> program?^M<U+202E>" \
            in widgets
        by_question = {a.question: a for a in app.answers}
        for question, (doc, quote) in GOOD.items():
            assert (by_question[question].citations[0].doc,
                    by_question[question].citations[0].quote) == (doc, quote)
        for answer in app.answers:
            assert_quotes_are_slices(shared_engine.bot, [c.to_dict() for c in answer.citations])
    transcript = (tmp_path / "briefbot-transcript-1.md").read_text(encoding="utf-8")
    assert live_controls(transcript) == []
    assert "Maria Gonzalez" in transcript
