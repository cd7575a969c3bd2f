"""``briefbot brief``: the cited briefing memo, its files and its templates.

RELIABILITY.md cases 14-18 (user templates, existing/odd output targets, crashes mid-write),
Markdown/HTML safety of quotes, the questions-file format, the Key points overview and
progress output.  The CLI runs in process through ``briefbot.cli.main``.
"""

from __future__ import annotations

import datetime
import json
import os
import re
import signal
import stat
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from helpers import hang_guard, run

import briefbot.output
from briefbot.briefing import (
    DEFAULT_SECTION,
    KEY_POINTS,
    SectionPlan,
    parse_questions,
    render,
)
from briefbot.engine import Briefbot
from briefbot.output import write_atomic

SPENDING = "How much has China increased its defense spending?"
ONLINE = "Why was the meeting held online?"
TOKYO = "Who attended the March 2021 meeting in Tokyo?"
CAKE = "What is the recipe for chocolate cake?"

# Two sections, four questions, one the seeds cannot answer.
QUESTIONS = f"""# China and Taiwan
{SPENDING}

# The meetings
{ONLINE}
{TOKYO}
{CAKE}
"""
HEADINGS = ["China and Taiwan", "The meetings"]
DATE = "2024-05-06"
SEED_TITLES = {
    "Japan-US 2 Plus 2: Proceed with Concrete Measures To Strengthen the Alliance",
    "US-Japan 2+2: Charting New Waters for Japan?",
}
PRONOUNS = ("it", "its", "they", "their", "them", "this", "these", "those", "that", "he",
            "she", "his", "her", "such")
EXTS = {"md": ".md", "html": ".html", "json": ".json"}


# --- helpers ----------------------------------------------------------------------------------


def one_error_line(err: str) -> str:
    lines = err.splitlines()
    assert len(lines) == 1, f"expected exactly one line on stderr, got {lines!r}"
    assert lines[0].startswith("briefbot: error: "), lines[0]
    return lines[0]


def snapshot(folder: Path) -> dict[str, bytes | None]:
    """Every file and folder under ``folder`` (the test cache excepted), with file bytes."""
    found: dict[str, bytes | None] = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder)
        if rel.parts[0] == "cache":
            continue
        found[str(rel)] = path.read_bytes() if path.is_file() and not path.is_symlink() else None
    return found


def temp_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp") or
                  (p.name.startswith(".") and p.is_file()))


@pytest.fixture
def questions(tmp_path: Path) -> Path:
    path = tmp_path / "questions.txt"
    path.write_text(QUESTIONS, encoding="utf-8")
    return path


def seed_paragraph(bot: Briefbot, doc: str, n: int) -> str:
    return bot.corpus.document(doc).paragraph(n).text


class PageParser(HTMLParser):
    """Records tags, checks that they nest, and collects the text of interesting elements."""

    VOID = {"meta", "br", "hr", "img", "input", "link", "area", "base", "col", "embed",
            "source", "track", "wbr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.decls: list[str] = []
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.texts: dict[str, list[str]] = {}
        self.all_text: list[str] = []

    def handle_decl(self, decl: str) -> None:
        self.decls.append(decl)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag in self.VOID:
            return
        self.stack.append(tag)
        self.texts.setdefault(tag, []).append("")

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> while open: {self.stack}")
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.all_text.append(data)
        for tag in set(self.stack):
            self.texts[tag][-1] += data


def parse_html(text: str) -> PageParser:
    parser = PageParser()
    parser.feed(text)
    parser.close()
    return parser


def quote_lines(markdown: str) -> list[str]:
    return [line for line in markdown.splitlines() if line.startswith(">")]


# --- the memo in three formats ----------------------------------------------------------------


def test_markdown_memo_has_both_sections_block_quotes_the_gap_and_numbered_sources(
    capsys, tmp_path, questions
):
    memo = tmp_path / "memo.md"
    code, out, err = run(capsys, "brief", questions, "-o", memo, "--date", DATE)
    assert code == 0, err
    assert out == ""
    assert err.splitlines() == [f"briefbot: wrote {memo}"]
    text = memo.read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0] == "# Briefing"
    for heading in HEADINGS:
        assert f"## {heading}" in lines
    assert lines.index("## China and Taiwan") < lines.index("## The meetings")
    assert sum(line.startswith("**Q: ") for line in lines) == 4

    quotes = quote_lines(text)
    assert quotes and all(q.startswith("> ") for q in quotes)
    for needle in ("tenfold", "online format", "Blinken"):
        assert any(needle in q for q in quotes), needle

    # The unanswerable question: marked, and no quote under it.
    at = lines.index(f"**Q: {CAKE}**")
    following = [line for line in lines[at + 1 :] if line.strip()]
    assert following[0] == "*Not in the sources.*"
    assert not following[1].startswith(">")

    # Sources: numbered, one line per cited paragraph, with the document's title.
    sources = lines[lines.index("## Sources") + 1 :]
    entries = [line for line in sources if line.strip()]
    assert entries, "no Sources list"
    refs = set()
    for n, entry in enumerate(entries, start=1):
        match = re.fullmatch(r"(\d+)\. (.+?)(?:, .*)?, ¶(\d+)", entry)
        assert match, entry
        assert int(match.group(1)) == n
        assert any(entry.startswith(f"{n}. {title}") for title in SEED_TITLES), entry
        refs.add(n)
    cited = {int(m) for q in quotes for m in re.findall(r"\[(\d+)\]$", q)}
    assert cited == refs
    assert text.endswith("\n")


def test_html_memo_is_a_well_formed_document_with_quotes_and_the_gap(capsys, tmp_path, questions):
    memo = tmp_path / "memo.html"
    code, _, err = run(capsys, "brief", questions, "-o", memo, "--date", DATE)
    assert code == 0, err
    text = memo.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>")
    assert "<html" in text and "</html>" in text and "<title>" in text
    page = parse_html(text)
    assert page.decls == ["DOCTYPE html"]
    assert page.errors == [] and page.stack == [], (page.errors, page.stack)
    assert page.texts["title"] == ["Briefing"]
    h2 = [h.strip() for h in page.texts["h2"]]
    assert h2 == [*HEADINGS, "Sources"]
    blockquotes = page.texts["blockquote"]
    for needle in ("tenfold", "online format", "Blinken"):
        assert any(needle in b for b in blockquotes), needle
    assert "Not in the sources" in "".join(page.all_text)
    questions_shown = [p.strip() for p in page.texts["p"] if p.strip() in
                       {SPENDING, ONLINE, TOKYO, CAKE}]
    assert questions_shown == [SPENDING, ONLINE, TOKYO, CAKE]
    sources = "".join(page.texts["ol"])
    assert all(title in sources for title in SEED_TITLES)


def test_json_memo_has_sections_and_four_answers_each_as_ask_json_prints_it(
    capsys, tmp_path, questions
):
    code, out, err = run(capsys, "brief", questions, "--format", "json", "--date", DATE)
    assert code == 0, err
    memo = json.loads(out)
    assert memo["title"] == "Briefing"
    assert memo["date"] == DATE
    corpus = memo["corpus"]
    assert {d["title"] for d in corpus["documents"]} == SEED_TITLES
    assert corpus["paragraphs"] > 0 and corpus["fingerprint"]
    assert [s["heading"] for s in memo["sections"]] == HEADINGS
    answers = [a for s in memo["sections"] for a in s["answers"]]
    assert [a["question"] for a in answers] == [SPENDING, ONLINE, TOKYO, CAKE]
    assert [a["answered"] for a in answers] == [True, True, True, False]
    for answer in answers:
        code, single, _ = run(capsys, "ask", "--json", answer["question"])
        assert code == (0 if answer["answered"] else 1)
        expected = json.loads(single)
        assert set(answer) == set(expected)
        assert answer == expected
    assert all("key_points" not in s for s in memo["sections"])


@pytest.mark.parametrize(
    ("name", "extra", "kind"),
    [
        ("memo.html", [], "html"),
        ("memo.HTM", [], "html"),
        ("memo.json", [], "json"),
        ("memo.txt", [], "md"),
        ("memo.md", ["--format", "json"], "json"),
        ("memo.json", ["--format", "html"], "html"),
    ],
)
def test_memo_format_follows_the_out_suffix_unless_format_is_given(
    capsys, tmp_path, questions, name, extra, kind
):
    memo = tmp_path / name
    code, _, err = run(capsys, "brief", questions, "-o", memo, "--date", DATE, *extra)
    assert code == 0, err
    text = memo.read_text(encoding="utf-8")
    if kind == "html":
        assert text.startswith("<!DOCTYPE html>")
    elif kind == "json":
        assert json.loads(text)["title"] == "Briefing"
    else:
        assert text.startswith("# Briefing\n")


# --- existing files, --force, reproducibility, stdout -----------------------------------------


def test_existing_memo_is_refused_without_force_and_left_byte_for_byte(capsys, tmp_path, questions):
    memo = tmp_path / "memo.md"
    code, _, err = run(capsys, "brief", questions, "-o", memo, "--date", DATE)
    assert code == 0, err
    os.utime(memo, ns=(1_000_000_000_000_000_000, 1_000_000_000_000_000_000))
    before_bytes, before_mtime = memo.read_bytes(), memo.stat().st_mtime_ns
    before = snapshot(tmp_path)

    code, out, err = run(capsys, "brief", questions, "-o", memo, "--date", "1999-01-01")
    assert code == 2
    line = one_error_line(err)
    assert "exists" in line and str(memo) in line and "--force" in line
    assert out == ""
    assert memo.read_bytes() == before_bytes
    assert memo.stat().st_mtime_ns == before_mtime
    assert snapshot(tmp_path) == before


def test_existing_file_that_is_not_a_memo_is_untouched_without_force(capsys, tmp_path, questions):
    memo = tmp_path / "notes.md"
    memo.write_bytes(b"my precious notes\r\n\x00binary tail")
    code, _, err = run(capsys, "brief", questions, "-o", memo)
    assert code == 2
    one_error_line(err)
    assert memo.read_bytes() == b"my precious notes\r\n\x00binary tail"
    assert temp_files(tmp_path) == []


def test_force_replaces_the_existing_memo(capsys, tmp_path, questions):
    memo = tmp_path / "memo.md"
    memo.write_text("old memo\n", encoding="utf-8")
    code, _, err = run(capsys, "brief", questions, "-o", memo, "--force", "--date", DATE)
    assert code == 0, err
    text = memo.read_text(encoding="utf-8")
    assert text.startswith("# Briefing\n") and "old memo" not in text
    assert "tenfold" in text
    assert temp_files(tmp_path) == []


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_two_runs_give_byte_identical_memos(capsys, tmp_path, questions, monkeypatch, fmt):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    first, second = tmp_path / f"a{EXTS[fmt]}", tmp_path / f"b{EXTS[fmt]}"
    # The first run builds the index cache, the second reads it back.
    assert run(capsys, "brief", questions, "-o", first, "--overview")[0] == 0
    assert run(capsys, "brief", questions, "-o", second, "--overview")[0] == 0
    assert first.read_bytes() == second.read_bytes()
    # And to stdout, the very same bytes.
    code, out, _ = run(capsys, "brief", questions, "--format", fmt, "--overview")
    assert code == 0
    assert out.encode("utf-8") == first.read_bytes()


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_date_option_is_shown_in_the_memo(capsys, tmp_path, questions, monkeypatch, fmt):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    code, out, err = run(capsys, "brief", questions, "--format", fmt, "--date", "31 March 2031")
    assert code == 0, err
    if fmt == "json":
        assert json.loads(out)["date"] == "31 March 2031"
    else:
        assert "Prepared 31 March 2031" in out
    assert "2023-11-14" not in out  # --date wins over SOURCE_DATE_EPOCH


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_source_date_epoch_is_the_memo_date(capsys, questions, monkeypatch, fmt):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # 2023-11-14T22:13:20Z
    code, out, err = run(capsys, "brief", questions, "--format", fmt)
    assert code == 0, err
    if fmt == "json":
        assert json.loads(out)["date"] == "2023-11-14"
    else:
        assert "Prepared 2023-11-14" in out


def test_without_date_or_source_date_epoch_the_memo_is_dated_today(capsys, questions, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    before = datetime.date.today().isoformat()
    code, out, err = run(capsys, "brief", questions)
    after = datetime.date.today().isoformat()
    assert code == 0, err
    assert f"Prepared {before} from" in out or f"Prepared {after} from" in out


def test_source_date_epoch_that_is_not_a_number_is_a_usage_error(capsys, questions, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    code, out, err = run(capsys, "brief", questions)
    assert code == 2 and out == ""
    assert "SOURCE_DATE_EPOCH" in one_error_line(err)


def test_without_out_the_memo_goes_to_stdout_and_nothing_is_written(
    capsys, tmp_path, questions, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    before = snapshot(tmp_path)
    code, out, err = run(capsys, "brief", questions, "--date", DATE)
    assert code == 0, err
    assert out.startswith("# Briefing\n")
    assert "tenfold" in out and "Not in the sources" in out
    assert err == ""
    assert snapshot(tmp_path) == before


# --- bad output targets (case 18) -------------------------------------------------------------


def _target(kind: str, tmp_path: Path, questions: Path) -> tuple[Path, list[str]]:
    if kind == "folder":
        folder = tmp_path / "out"
        folder.mkdir()
        return folder, []
    if kind == "folder-force":
        folder = tmp_path / "out"
        folder.mkdir()
        return folder, ["--force"]
    if kind == "missing-parent":
        return tmp_path / "no" / "such" / "memo.md", []
    if kind == "questions-file":
        return questions, []
    if kind == "questions-file-force":
        return questions, ["--force"]
    if kind == "questions-file-other-spelling":
        return tmp_path / "." / "sub" / ".." / questions.name, ["--force"]
    if kind == "symlink-to-questions-force":
        (tmp_path / "sub").mkdir(exist_ok=True)
        link = tmp_path / "link.md"
        link.symlink_to(questions)
        return link, ["--force"]
    raise AssertionError(kind)


@pytest.mark.parametrize(
    "kind",
    [
        "folder",
        "folder-force",
        "missing-parent",
        "questions-file",
        "questions-file-force",
        "questions-file-other-spelling",
        "symlink-to-questions-force",
    ],
)
def test_bad_output_target_is_one_clear_error_and_nothing_is_written(
    capsys, tmp_path, questions, kind
):
    (tmp_path / "sub").mkdir()
    target, extra = _target(kind, tmp_path, questions)
    before = snapshot(tmp_path)
    code, out, err = run(capsys, "brief", questions, "-o", target, *extra)
    assert code == 2
    assert out == ""
    line = one_error_line(err)
    assert "Traceback" not in err
    if kind.startswith("folder"):
        assert "folder" in line
    elif kind == "missing-parent":
        assert "does not exist" in line
    else:
        assert "input" in line or "questions" in line
    assert snapshot(tmp_path) == before
    assert questions.read_text(encoding="utf-8") == QUESTIONS
    assert not (tmp_path / "no").exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores folder permissions")
def test_read_only_target_folder_is_refused(capsys, tmp_path, questions):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        code, out, err = run(capsys, "brief", questions, "-o", folder / "memo.md")
        assert code == 2 and out == ""
        assert "not writable" in one_error_line(err)
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


def test_target_folder_that_os_access_calls_read_only_is_refused(
    capsys, tmp_path, questions, monkeypatch
):
    folder = tmp_path / "ro"
    folder.mkdir()
    real_access = os.access

    def access(path, mode, *args, **kwargs):
        if Path(path).resolve() == folder.resolve() and mode & os.W_OK:
            return False
        return real_access(path, mode, *args, **kwargs)

    monkeypatch.setattr(briefbot.output.os, "access", access)
    code, out, err = run(capsys, "brief", questions, "-o", folder / "memo.md")
    assert code == 2 and out == ""
    assert "not writable" in one_error_line(err)
    assert list(folder.iterdir()) == []


def test_existing_target_that_os_access_calls_read_only_is_refused_even_with_force(
    capsys, tmp_path, questions, monkeypatch
):
    memo = tmp_path / "memo.md"
    memo.write_text("old\n", encoding="utf-8")
    real_access = os.access

    def access(path, mode, *args, **kwargs):
        if Path(path).resolve() == memo.resolve() and mode & os.W_OK:
            return False
        return real_access(path, mode, *args, **kwargs)

    monkeypatch.setattr(briefbot.output.os, "access", access)
    code, _, err = run(capsys, "brief", questions, "-o", memo, "--force")
    assert code == 2
    assert "not writable" in one_error_line(err)
    assert memo.read_text(encoding="utf-8") == "old\n"


def test_failure_to_create_the_temporary_file_is_one_line_and_writes_nothing(
    capsys, tmp_path, questions, monkeypatch
):
    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(briefbot.output.tempfile, "mkstemp", refuse)
    before = snapshot(tmp_path)
    code, out, err = run(capsys, "brief", questions, "-o", tmp_path / "memo.md")
    assert code == 2 and out == ""
    line = one_error_line(err)
    assert "cannot write" in line and "Permission denied" in line
    assert snapshot(tmp_path) == before


# --- a crash mid-write (case 17) --------------------------------------------------------------


def test_write_atomic_writes_the_text_and_leaves_no_temporary_file(tmp_path):
    path = tmp_path / "memo.md"
    path.write_text("old\n", encoding="utf-8")
    write_atomic(path, "new ✓\nline two\n")
    assert path.read_bytes() == "new ✓\nline two\n".encode("utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["memo.md"]


@pytest.mark.parametrize("exc", [KeyboardInterrupt, OSError, MemoryError])
@pytest.mark.parametrize("where", ["replace", "fsync"])
def test_crash_mid_write_leaves_the_old_file_intact_and_no_temporary_file(
    tmp_path, monkeypatch, where, exc
):
    path = tmp_path / "memo.md"
    path.write_bytes(b"the old memo\n")
    calls = []

    def crash(*args, **kwargs):
        calls.append(args)
        raise exc("boom")

    monkeypatch.setattr(briefbot.output.os, where, crash)
    with pytest.raises(exc):
        write_atomic(path, "the new memo, half written\n" * 1000)
    monkeypatch.undo()
    assert calls, f"os.{where} was never called"
    assert path.read_bytes() == b"the old memo\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["memo.md"]


def test_crash_in_the_middle_of_the_write_call_leaves_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "memo.md"
    path.write_bytes(b"the old memo\n")
    real_fdopen = os.fdopen

    class HalfWriter:
        def __init__(self, fh):
            self.fh = fh

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.fh.close()
            return False

        def write(self, text):
            self.fh.write(text[: len(text) // 2])
            self.fh.flush()
            raise KeyboardInterrupt

    monkeypatch.setattr(
        briefbot.output.os, "fdopen", lambda *a, **k: HalfWriter(real_fdopen(*a, **k))
    )
    with pytest.raises(KeyboardInterrupt):
        write_atomic(path, "new " * 10_000)
    monkeypatch.undo()
    assert path.read_bytes() == b"the old memo\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["memo.md"]


@pytest.mark.parametrize(("exc", "code", "message"), [
    (KeyboardInterrupt, 130, "briefbot: interrupted"),
    (OSError, 2, "cannot write"),
])
def test_cli_crash_while_replacing_the_memo_keeps_the_old_one(
    capsys, tmp_path, questions, monkeypatch, exc, code, message
):
    memo = tmp_path / "memo.md"
    memo.write_bytes(b"the old memo\n")

    def crash(*args, **kwargs):
        raise exc(5, "Input/output error") if exc is OSError else exc()

    monkeypatch.setattr(briefbot.output.os, "replace", crash)
    got, out, err = run(capsys, "brief", questions, "-o", memo, "--force")
    monkeypatch.undo()
    assert got == code
    assert out == ""
    assert len(err.splitlines()) == 1 and message in err
    assert memo.read_bytes() == b"the old memo\n"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "cache") == [
        "memo.md", "questions.txt"]


def test_new_memo_gets_the_usual_permissions_for_the_umask(capsys, tmp_path, questions):
    old_umask = os.umask(0o022)
    try:
        memo = tmp_path / "memo.md"
        code, _, err = run(capsys, "brief", questions, "-o", memo)
    finally:
        os.umask(old_umask)
    assert code == 0, err
    assert stat.S_IMODE(memo.stat().st_mode) == 0o644


def test_force_keeps_the_replaced_memos_permissions(capsys, tmp_path, questions):
    memo = tmp_path / "memo.md"
    memo.write_text("old\n", encoding="utf-8")
    memo.chmod(0o644)
    code, _, err = run(capsys, "brief", questions, "-o", memo, "--force")
    assert code == 0, err
    assert memo.read_text(encoding="utf-8").startswith("# Briefing")
    assert stat.S_IMODE(memo.stat().st_mode) == 0o644


# --- user templates (cases 14-15) -------------------------------------------------------------

HOSTILE_TEMPLATES = {
    "mro": ("# {{ title }}\n{{ ''.__class__.__mro__ }}\n", None),
    "attr-filter": ("# {{ title }}\n{{ ''|attr('__class__') }}\n", None),
    "attr-mro": ("# {{ title }}\n{{ (''|attr('__class__')|attr('__mro__'))[1] }}\n", None),
    "huge-range": ("# {{ title }}\n{% for i in range(10**9) %}{% endfor %}\n", None),
    "huge-repeat": ("# {{ title }}\n{{ 'ab' * 10**7 }}\n", None),
    "syntax-error": ("# {{ title }}\n{% for x in %}\n{% endfor %}\n", 2),
    "unclosed-block": ("# {{ title }}\n\n{% if title %}\nno end\n", 4),
    "undefined": ("# {{ title }}\n\n{{ no_such_variable }}\n", 3),
    "undefined-attribute": ("# {{ title }}\n{{ corpus.no_such_key }}\n", 2),
}


@pytest.mark.parametrize("case", sorted(HOSTILE_TEMPLATES))
def test_hostile_or_broken_briefing_template_is_refused_by_name_with_no_output(
    capsys, tmp_path, questions, case
):
    source, line_no = HOSTILE_TEMPLATES[case]
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "briefing.md.j2").write_text(source, encoding="utf-8")
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    memo = out_dir / "memo.md"
    with hang_guard(3):
        code, out, err = run(capsys, "brief", questions, "-o", memo, "--templates", templates)
    assert code == 2
    assert out == ""
    line = one_error_line(err)
    assert "briefing.md.j2" in line
    assert "Traceback" not in err and "<class" not in line
    if line_no is not None:
        assert f"line {line_no}" in line
    assert not memo.exists()
    assert list(out_dir.iterdir()) == []


def test_hostile_html_template_is_refused_and_names_the_html_template(capsys, tmp_path, questions):
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "briefing.html.j2").write_text("<p>{{ ''.__class__ }}</p>\n", encoding="utf-8")
    memo = tmp_path / "memo.html"
    code, _, err = run(capsys, "brief", questions, "-o", memo, "--templates", templates)
    assert code == 2
    assert "briefing.html.j2" in one_error_line(err)
    assert not memo.exists()


def test_after_a_template_refusal_the_next_brief_works(capsys, tmp_path, questions):
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "briefing.md.j2").write_text("{{ ''.__class__ }}\n", encoding="utf-8")
    memo = tmp_path / "memo.md"
    assert run(capsys, "brief", questions, "-o", memo, "--templates", templates)[0] == 2
    code, _, err = run(capsys, "brief", questions, "-o", memo)
    assert code == 0, err
    assert "tenfold" in memo.read_text(encoding="utf-8")


def test_user_briefing_template_is_used_with_values_not_source(capsys, tmp_path):
    """Control for the refusals above: --templates really reaches the briefing renderer,
    and question text is a value (its Jinja syntax is never evaluated)."""
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "briefing.md.j2").write_text(
        "CUSTOM {{ title }} {{ sections|length }}\n"
        "{% for s in sections %}{% for a in s.answers %}[{{ a.question }}]\n{% endfor %}{% endfor %}",
        encoding="utf-8",
    )
    qfile = tmp_path / "q.txt"
    qfile.write_text("# One\nWhat is {{ 7*7 }} about Taiwan?\n# Two\n" + ONLINE + "\n",
                     encoding="utf-8")
    code, out, err = run(capsys, "brief", qfile, "--templates", templates)
    assert code == 0, err
    assert out.startswith("CUSTOM Briefing 2\n")
    assert "[What is {{ 7*7 }} about Taiwan?]" in out
    assert "49" not in out


def test_missing_templates_folder_is_one_clear_error(capsys, tmp_path, questions):
    memo = tmp_path / "memo.md"
    code, _, err = run(capsys, "brief", questions, "-o", memo, "--templates", tmp_path / "nope")
    assert code == 2
    assert "templates folder not found" in one_error_line(err)
    assert not memo.exists()


@pytest.mark.parametrize(
    "expression",
    [
        "{{ ''|center(5000000) }}",
        "{{ range(5000)|join(range(1000)|join) }}",
        "{{ '%5000000s' % 'x' }}",
        "{{ lipsum(n=10000) }}",
    ],
    ids=["center", "join", "percent-format", "lipsum"],
)
def test_template_cannot_build_a_value_over_the_sandbox_size_limit(
    capsys, tmp_path, questions, expression
):
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "briefing.md.j2").write_text(expression + "\n", encoding="utf-8")
    memo = tmp_path / "memo.md"
    with hang_guard(3):
        code, _, err = run(capsys, "brief", questions, "-o", memo, "--templates", templates)
    assert code == 2, f"rendered {memo.stat().st_size if memo.exists() else 0} bytes"
    assert "briefing.md.j2" in one_error_line(err)
    assert not memo.exists()


@pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="needs signal.setitimer")
def test_template_with_nested_bounded_loops_cannot_run_for_ever(capsys, tmp_path, questions):
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "briefing.md.j2").write_text(
        "{% for i in range(10000) %}{% for j in range(10000) %}{% for k in range(10000) %}"
        "{% endfor %}{% endfor %}{% endfor %}\n",
        encoding="utf-8",
    )
    memo = tmp_path / "memo.md"
    with hang_guard(1.5):
        code, _, err = run(capsys, "brief", questions, "-o", memo, "--templates", templates)
    assert code == 2
    assert "briefing.md.j2" in one_error_line(err)
    assert not memo.exists()


# --- Markdown and HTML safety of quotes (case 11) ---------------------------------------------

HOSTILE_DOC = """Hostile Markup Field Report

The walrus committee met on Monday to review the hostile document formats in detail.

``` The walrus fence opener appears at the start of this sentence in the report.

> quoted walrus reply appears at the start of this sentence in the report.

# heading walrus marker appears at the start of this sentence in the report.
The committee noted the heading marker with some concern.

[x](http://evil.example) The walrus link appears at the start of this sentence in the report.

<script>alert(1)</script> The walrus script tag appears at the start of this sentence in the report.

The budget office reported that ferry schedules were unchanged for the spring season.
"""
HOSTILE_QUESTIONS = """# Hostile
What does the walrus fence opener say?
What does the quoted walrus reply say?
What does the heading walrus marker say?
What does the walrus link say?
What does the walrus script tag say?
"""
HOSTILE_PIECES = ["```", "> quoted", "# heading", "[x](http://evil.example)",
                  "<script>alert(1)</script>"]


@pytest.fixture
def hostile(tmp_path, make_corpus) -> tuple[Path, Path]:
    corpus = make_corpus(tmp_path, {"hostile.txt": HOSTILE_DOC}, name="hostile")
    qfile = tmp_path / "hostile-questions.txt"
    qfile.write_text(HOSTILE_QUESTIONS, encoding="utf-8")
    return corpus, qfile


def test_hostile_sentences_are_quoted_verbatim_in_the_json_memo(capsys, hostile):
    """Control: the memo really carries each hostile piece, verbatim, as a quote."""
    corpus, qfile = hostile
    code, out, err = run(capsys, "brief", qfile, "--corpus", corpus, "--format", "json")
    assert code == 0, err
    memo = json.loads(out)
    quotes = [c["quote"] for s in memo["sections"] for a in s["answers"] for c in a["citations"]]
    bot = Briefbot.from_folder(corpus)
    for s in memo["sections"]:
        for a in s["answers"]:
            assert a["answered"], a["question"]
            for c in a["citations"]:
                assert c["quote"] in seed_paragraph(bot, c["doc"], c["paragraph"])
    for piece in HOSTILE_PIECES:
        assert any(q.startswith(piece) for q in quotes), piece


def test_markdown_memo_quotes_cannot_break_out_of_their_block_quote(capsys, tmp_path, hostile):
    corpus, qfile = hostile
    memo = tmp_path / "memo.md"
    code, _, err = run(capsys, "brief", qfile, "--corpus", corpus, "-o", memo, "--date", DATE)
    assert code == 0, err
    text = memo.read_text(encoding="utf-8")
    quotes = quote_lines(text)
    assert len(quotes) >= 5
    for line in quotes:
        assert line.startswith("> ")
        body = line[2:]
        assert not re.match(r"\s*(```|~~~|#|>|[-+*=] |\d+[.)] )", body), line
    assert "<script>" not in text
    assert "[x](" not in text
    assert "\n```" not in text and "\n#" not in text.replace("\n# Briefing", "").replace(
        "\n## ", "")
    for escaped in (r"\`\`\`", r"\> quoted", r"\# heading", r"\[x\](http://evil.example)",
                    r"\<script\>alert(1)\</script\>"):
        assert any(escaped in q for q in quotes), escaped


def test_markdown_memo_renders_to_no_heading_fence_link_or_script_from_a_quote(
    capsys, tmp_path, hostile
):
    markdown_it = pytest.importorskip("markdown_it")
    corpus, qfile = hostile
    code, out, err = run(capsys, "brief", qfile, "--corpus", corpus, "--date", DATE)
    assert code == 0, err
    html = markdown_it.MarkdownIt("commonmark").render(out)
    page = parse_html(html)
    tags = [t for t, _ in page.tags]
    assert tags.count("h1") == 1
    assert [h.strip() for h in page.texts["h2"]] == ["Hostile", "Sources"]
    assert "pre" not in tags and "script" not in tags
    assert not any(t == "a" for t in tags), [a for a in page.tags if a[0] == "a"]
    assert tags.count("blockquote") == 5
    # No quote nests a second block quote inside its own.
    assert "<blockquote>\n<blockquote>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_html_memo_shows_script_only_escaped(capsys, tmp_path, hostile):
    corpus, qfile = hostile
    memo = tmp_path / "memo.html"
    code, _, err = run(capsys, "brief", qfile, "--corpus", corpus, "-o", memo, "--date", DATE)
    assert code == 0, err
    text = memo.read_text(encoding="utf-8")
    assert "<script" not in text.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    page = parse_html(text)
    assert page.errors == [] and page.stack == []
    assert "script" not in [t for t, _ in page.tags]
    hrefs = [attrs.get("href") or "" for t, attrs in page.tags if t == "a"]
    assert hrefs and all(h.startswith("#ref-") for h in hrefs)
    assert any("<script>alert(1)</script>" in b for b in page.texts["blockquote"])


def test_hostile_headings_questions_and_title_are_inert(capsys, tmp_path):
    qfile = tmp_path / "q.txt"
    qfile.write_text(
        "# [x](http://evil.example) <script>alert(2)</script>\n"
        "``` {{ 7*7 }} [y](http://evil.example) Taiwan?\n"
        "\x1b[31mWhat did the joint statement say about Taiwan?\n",
        encoding="utf-8",
    )
    title = "# <b>Memo</b> [z](http://evil.example)"
    code, md, err = run(capsys, "brief", qfile, "--title", title, "--date", DATE)
    assert code == 0, err
    assert "[x](" not in md and "[y](" not in md and "[z](" not in md
    assert "<script>" not in md and "<b>" not in md
    assert "\x1b" not in md and "**Q: ^\\[\\[31mWhat did" in md
    q_lines = [line for line in md.splitlines() if line.startswith("**Q: ")]
    assert any("{{ 7\\*7 }}" in line for line in q_lines)
    assert not any("49" in line for line in q_lines)
    assert md.splitlines()[0].startswith("# \\#")
    code, html, err = run(capsys, "brief", qfile, "--title", title, "--format", "html")
    assert code == 0, err
    page = parse_html(html)
    assert page.errors == [] and page.stack == []
    assert {t for t, _ in page.tags} <= {"html", "head", "meta", "title", "style", "body", "h1",
                                          "p", "code", "ul", "li", "section", "h2",
                                          "blockquote", "a", "ol"}
    assert "&lt;script&gt;" in html and "&lt;b&gt;Memo&lt;/b&gt;" in html
    assert "\x1b" not in html


# --- the questions file -----------------------------------------------------------------------


def test_parse_questions_headings_blank_lines_default_section_and_crlf():
    text = (
        "First question before any heading?\r\n"
        "\r\n"
        "   \r\n"
        "## Second level heading\r\n"
        "Question two?\r\n"
        "\r\n"
        "Question three?\r\n"
        "###   Third level   \r\n"
        "  Question four, indented?  \r\n"
        "#\r\n"
        "Question five?\r"
        "# Empty section\n"
    )
    assert parse_questions(text) == [
        SectionPlan(DEFAULT_SECTION, ("First question before any heading?",)),
        SectionPlan("Second level heading", ("Question two?", "Question three?")),
        SectionPlan("Third level", ("Question four, indented?",)),
        SectionPlan(DEFAULT_SECTION, ("Question five?",)),
        SectionPlan("Empty section", ()),
    ]


def test_parse_questions_makes_control_characters_visible():
    plans = parse_questions("# Head\x1b[2J\nWhat\x07 about \u202eTaiwan?\n")
    assert plans == [SectionPlan("Head^[[2J", ("What^G about <U+202E>Taiwan?",))]


def test_parse_questions_of_nothing_is_no_sections():
    assert parse_questions("") == []
    assert parse_questions("\n\r\n   \n") == []


def test_parse_questions_key_points_heading_is_the_overview_in_any_case():
    plans = parse_questions("# KEY POINTS\n# key points \n# Key pointers\n")
    assert [p.is_overview for p in plans] == [True, True, False]


def test_questions_file_with_bom_and_crlf_is_read_through_the_cli(capsys, tmp_path):
    qfile = tmp_path / "q.txt"
    qfile.write_bytes(("\ufeff# China and Taiwan\r\n" + SPENDING + "\r\n").encode("utf-8"))
    code, out, err = run(capsys, "brief", qfile, "--format", "json")
    assert code == 0, err
    memo = json.loads(out)
    assert [s["heading"] for s in memo["sections"]] == ["China and Taiwan"]
    assert [a["question"] for a in memo["sections"][0]["answers"]] == [SPENDING]


@pytest.mark.parametrize(
    "content",
    ["", "\n\n   \n", "# Heading one\n# Heading two\n\n", "#\n##\n", "\r\n# Only\r\n"],
    ids=["empty", "blank-lines", "headings-only", "bare-hashes", "crlf-heading-only"],
)
def test_questions_file_without_questions_is_a_usage_error(capsys, tmp_path, content):
    qfile = tmp_path / "q.txt"
    qfile.write_text(content, encoding="utf-8", newline="")
    memo = tmp_path / "memo.md"
    code, out, err = run(capsys, "brief", qfile, "-o", memo)
    assert code == 2 and out == ""
    assert "no questions" in one_error_line(err)
    assert not memo.exists()


def test_headings_only_file_with_key_points_is_accepted(capsys, tmp_path):
    qfile = tmp_path / "q.txt"
    qfile.write_text("# Key points\n# Later\n", encoding="utf-8")
    code, out, err = run(capsys, "brief", qfile, "--date", DATE)
    assert code == 0, err
    lines = out.splitlines()
    assert "## Key points" in lines
    assert any(line.startswith("> ") for line in lines[lines.index("## Key points"):])


def test_overview_option_with_a_headings_only_file_is_accepted(capsys, tmp_path):
    qfile = tmp_path / "q.txt"
    qfile.write_text("# Nothing yet\n", encoding="utf-8")
    code, out, err = run(capsys, "brief", qfile, "--overview", "--format", "json")
    assert code == 0, err
    assert json.loads(out)["sections"][0]["key_points"]


def test_missing_questions_file_is_a_usage_error_and_writes_nothing(capsys, tmp_path):
    memo = tmp_path / "memo.md"
    code, out, err = run(capsys, "brief", tmp_path / "absent.txt", "-o", memo)
    assert code == 2 and out == ""
    line = one_error_line(err)
    assert "absent.txt" in line
    assert not memo.exists()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "cache") == []


def test_questions_file_that_is_a_folder_is_a_usage_error(capsys, tmp_path):
    code, out, err = run(capsys, "brief", tmp_path)
    assert code == 2 and out == ""
    assert "folder" in one_error_line(err)


def test_unsearchable_question_in_the_file_is_marked_not_in_the_sources(capsys, tmp_path):
    qfile = tmp_path / "q.txt"
    qfile.write_text(f"what is the\n!!! ???\n{SPENDING}\n", encoding="utf-8")
    code, out, err = run(capsys, "brief", qfile, "--format", "json")
    assert code == 0, err
    answers = json.loads(out)["sections"][0]["answers"]
    assert [a["answered"] for a in answers] == [False, False, True]
    assert answers[0]["citations"] == [] and answers[1]["citations"] == []


# --- the Key points overview ------------------------------------------------------------------


def _check_points(bot: Briefbot, points) -> None:
    assert 1 <= len(points) <= 6
    quotes = [p.quote for p in points]
    assert len(set(quotes)) == len(quotes), quotes
    for p in points:
        assert p.quote in seed_paragraph(bot, p.doc, p.paragraph)
        first = re.match(r"[\"“‘']?(\w+)", p.quote)
        assert first and first.group(1).casefold() not in PRONOUNS, p.quote
        assert p.quote == p.quote.strip()


def test_overview_lists_central_sentences_quoted_exactly_from_their_paragraphs():
    bot = Briefbot.from_folder(None)
    briefing = bot.brief([ONLINE], overview=True)
    assert [s.heading for s in briefing.sections] == [KEY_POINTS, DEFAULT_SECTION]
    points = briefing.sections[0].points
    _check_points(bot, points)
    assert briefing.sections[0].answers == ()
    assert len({p.doc for p in points}) == 2  # at most half from either seed
    md = render(bot, briefing, "md")
    for p in points:
        assert p.quote.replace("*", "").split()[0] in md


def test_overview_option_adds_only_one_key_points_section(capsys, tmp_path):
    qfile = tmp_path / "q.txt"
    qfile.write_text(f"# Key points\n# The meetings\n{ONLINE}\n", encoding="utf-8")
    code, out, err = run(capsys, "brief", qfile, "--overview", "--format", "json")
    assert code == 0, err
    with_option = json.loads(out)
    assert [s["heading"] for s in with_option["sections"]] == ["Key points", "The meetings"]
    code, out, _ = run(capsys, "brief", qfile, "--format", "json")
    assert code == 0
    assert json.loads(out)["sections"] == with_option["sections"]


def test_overview_json_has_key_points_with_citation_keys(capsys, questions):
    code, out, err = run(capsys, "brief", questions, "--overview", "--format", "json")
    assert code == 0, err
    memo = json.loads(out)
    first = memo["sections"][0]
    assert first["heading"] == "Key points"
    assert first["answers"] == []
    points = first["key_points"]
    assert points
    bot = Briefbot.from_folder(None)
    for point in points:
        assert set(point) == {"n", "doc", "title", "paragraph", "quote", "score"}
        assert point["quote"] in seed_paragraph(bot, point["doc"], point["paragraph"])
        assert point["title"] in SEED_TITLES
    assert len({p["quote"] for p in points}) == len(points)
    assert [p["n"] for p in points] == list(range(1, len(points) + 1))
    # Other sections carry no key_points.
    assert all("key_points" not in s for s in memo["sections"][1:])
    assert [s["heading"] for s in memo["sections"][1:]] == HEADINGS


def test_key_points_section_in_markdown_block_quotes_each_point_with_a_source(capsys, tmp_path):
    qfile = tmp_path / "q.txt"
    qfile.write_text("# Key points\n", encoding="utf-8")
    code, out, err = run(capsys, "brief", qfile, "--date", DATE)
    assert code == 0, err
    lines = out.splitlines()
    points = quote_lines(out)
    assert points and all(re.search(r" \[\d+\]$", p) for p in points)
    sources = [line for line in lines[lines.index("## Sources") + 1 :] if line.strip()]
    assert len(sources) == len({re.search(r"\[(\d+)\]$", p).group(1) for p in points})


def test_key_points_skip_pronoun_openers_and_duplicate_sentences(tmp_path, make_corpus):
    central = "The harbor authority approved the new ferry terminal budget for the coming year."
    leaning = [
        "It said the harbor authority approved the ferry terminal budget for the harbor.",
        "They said the harbor authority approved the ferry terminal budget for the year.",
        "This means the harbor authority approved the ferry terminal budget at last.",
        "“It was the harbor authority that approved the ferry terminal budget,” he said.",
        "He said the harbor authority had approved the ferry terminal budget this year.",
    ]
    filler = [
        "Local fishermen worried that the ferry terminal would crowd the harbor docks.",
        "The city council will review the harbor authority plan again in the autumn.",
        "Residents asked whether the ferry terminal budget included new parking spaces.",
    ]
    doc_a = "Harbor News\n\n" + "\n\n".join([central, *leaning[:3], filler[0], central]) + "\n"
    doc_b = "Ferry Report\n\n" + "\n\n".join([central, *leaning[3:], *filler[1:]]) + "\n"
    corpus = make_corpus(tmp_path, {"a.txt": doc_a, "b.txt": doc_b})
    bot = Briefbot.from_folder(corpus)
    points = bot.brief([], overview=True).sections[0].points
    _check_points(bot, points)
    assert sum(p.quote == central for p in points) == 1


# --- progress ---------------------------------------------------------------------------------


def test_no_progress_when_stderr_is_not_a_terminal(capsys, tmp_path, questions):
    assert not sys.stderr.isatty()
    memo = tmp_path / "memo.md"
    code, out, err = run(capsys, "brief", questions, "-o", memo)
    assert code == 0
    assert "answered" not in err and "\r" not in err
    assert err.splitlines() == [f"briefbot: wrote {memo}"]


def test_progress_goes_to_a_terminal_stderr_and_never_into_the_memo(
    capsys, questions, monkeypatch
):
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    code, out, err = run(capsys, "brief", questions, "--date", DATE)
    assert code == 0
    assert "answered 4/4" in err
    assert "briefbot:" not in out and "\r" not in out
    assert out.startswith("# Briefing\n")


# --- the Python API ---------------------------------------------------------------------------


def test_api_brief_takes_a_list_a_mapping_or_section_plans():
    bot = Briefbot.from_folder(None)
    as_list = bot.brief([SPENDING, CAKE], title="T", date=DATE)
    assert [s.heading for s in as_list.sections] == [DEFAULT_SECTION]
    assert [a.answered for a in as_list.sections[0].answers] == [True, False]

    as_mapping = bot.brief({"China and Taiwan": [SPENDING], "The meetings": [ONLINE, TOKYO, CAKE]})
    as_plans = bot.brief(parse_questions(QUESTIONS))
    assert as_mapping.to_dict() == as_plans.to_dict()
    assert [s.heading for s in as_plans.sections] == HEADINGS
    assert sum(len(s.answers) for s in as_plans.sections) == 4


def test_api_brief_does_not_change_the_callers_sections():
    bot = Briefbot.from_folder(None)
    plans = parse_questions(QUESTIONS)
    copy = list(plans)
    bot.brief(plans, overview=True)
    assert plans == copy


def test_api_brief_calls_progress_once_per_question_in_order():
    bot = Briefbot.from_folder(None)
    seen = []
    bot.brief(parse_questions(QUESTIONS), progress=lambda d, t, q: seen.append((d, t, q)))
    assert seen == [(1, 4, SPENDING), (2, 4, ONLINE), (3, 4, TOKYO), (4, 4, CAKE)]


def test_api_briefing_is_the_same_from_two_engines():
    first = Briefbot.from_folder(None)
    second = Briefbot.from_folder(None)
    a = first.brief(parse_questions(QUESTIONS), date=DATE, overview=True)
    b = second.brief(parse_questions(QUESTIONS), date=DATE, overview=True)
    for fmt in ("md", "html", "json"):
        assert render(first, a, fmt) == render(second, b, fmt)
