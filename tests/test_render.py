"""Templates: the bundled ones, the md filter, visible control characters, the sandbox."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from briefbot.errors import TemplateProblem
from briefbot.render import Renderer, md_inline

RAW_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200b-\u200f]")


def unescape_markdown(text: str) -> str:
    """What a Markdown reader shows for backslash escapes."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", text)


def citation(quote: str = "Otters swim.", title: str = "River Otters", n: int = 1) -> dict:
    return {"n": n, "doc": "otters", "title": title, "paragraph": 3, "quote": quote, "score": 1.5}


def context(*citations: dict) -> dict:
    return {
        "question": "What do otters do?",
        "citations": list(citations),
        "corpus": {"documents": 2, "paragraphs": 9, "fingerprint": "abc"},
    }


@pytest.fixture
def templates(tmp_path) -> Path:
    folder = tmp_path / "templates"
    folder.mkdir()
    return folder


def write(folder: Path, name: str, source: str) -> None:
    (folder / name).write_text(source, encoding="utf-8")


# --- the bundled templates ----------------------------------------------------------------


def test_answer_template_block_quotes_each_quote_with_its_citation():
    out = Renderer().render(
        "answer.md.j2",
        context(citation("Otters swim at dawn.", n=1), citation("Beavers build dams.", "Beavers", 2)),
    )
    assert "> Otters swim at dawn. [1]" in out
    assert "> Beavers build dams. [2]" in out
    assert "[1] River Otters, \u00b63" in out
    assert "[2] Beavers, \u00b63" in out


def test_not_found_template_says_so_and_labels_related_passages():
    out = Renderer().render("not_found.md.j2", context(citation("Otters swim at dawn.")))
    assert "not in the sources" in out.lower()
    assert "related" in out.lower()
    assert "Otters swim at dawn." in out
    assert "> Otters swim at dawn." not in out  # related passages are not quoted as answers


def test_not_found_template_without_related_passages():
    out = Renderer().render("not_found.md.j2", context())
    assert "not in the sources" in out.lower()
    assert "related" not in out.lower()


# --- the md filter ------------------------------------------------------------------------

HOSTILE_QUOTES = [
    "```\nrm -rf /\n```",
    "see [x](http://e.com) now",
    "> not a quote",
    "# not a heading",
    "line one\n# heading on line two\n> quote on line three",
    "- not a list item",
    "1. not a numbered item",
    "<script>alert(1)</script>",
    "![img](http://e.com/x.png)",
    "*not emphasis* and _not either_",
    "| not | a | table |",
]


@pytest.mark.parametrize("quote", HOSTILE_QUOTES)
def test_md_filter_output_cannot_start_a_block_or_a_link(quote):
    out = md_inline(quote)
    assert "\n" not in out
    assert "```" not in out
    assert "](" not in out.replace("\\](", "")  # every link bracket is escaped
    assert not re.match(r"\s*([#>+\-=]|\d+[.)])", out)
    assert not re.search(r"(?<!\\)[<>`*_\[\]|]", out)  # no unescaped Markdown/HTML special


@pytest.mark.parametrize("quote", HOSTILE_QUOTES)
def test_md_filter_changes_how_a_quote_is_written_not_what_a_reader_sees(quote):
    assert unescape_markdown(md_inline(quote)) == quote.replace("\n", " ")


@pytest.mark.parametrize("quote", HOSTILE_QUOTES)
def test_hostile_quote_stays_inside_its_block_quote(quote):
    out = Renderer().render("answer.md.j2", context(citation(quote)))
    quote_lines = [line for line in out.splitlines() if line.strip()]
    # First line: the block quote with the whole quote and its marker, then the source line.
    assert quote_lines[0].startswith("> ")
    assert quote_lines[0].endswith("[1]")
    assert quote_lines[1].startswith("- [1] River Otters")
    assert len(quote_lines) == 2


def test_title_is_escaped_too():
    out = Renderer().render("answer.md.j2", context(citation(title="[evil](http://e.com) # T")))
    assert "[evil](" not in out
    assert "\\[evil\\]" in out


# --- control characters -------------------------------------------------------------------

CONTROLS = "a\x1b[31mred\x07bell\x9bcsi\u202eevil\x00nul"


def test_control_characters_in_values_come_out_visible(templates):
    write(templates, "plain.md.j2", "{{ value }}")
    out = Renderer(templates).render("plain.md.j2", {"value": CONTROLS})
    assert not RAW_CONTROLS.search(out)
    assert "^[" in out and "^G" in out and "<U+202E>" in out and "<U+009B>" in out
    assert "^@" in out


def test_control_characters_in_quotes_come_out_visible_through_md():
    out = Renderer().render("answer.md.j2", context(citation(CONTROLS, title="T\x1b\u202e")))
    assert not RAW_CONTROLS.search(out)
    shown = unescape_markdown(out)
    assert "^[" in shown and "^G" in shown and "<U+202E>" in shown and "<U+009B>" in shown


def test_control_characters_inside_a_template_itself_come_out_visible(templates):
    write(templates, "ctl.md.j2", "{{ 'x\x1b[2Jy' }}")
    out = Renderer(templates).render("ctl.md.j2", {})
    assert "\x1b" not in out and "^[" in out


# --- user templates -----------------------------------------------------------------------


def test_user_template_folder_overrides_a_template_of_the_same_name(templates):
    write(templates, "answer.md.j2", "CUSTOM {{ citations|length }} for {{ question }}\n")
    out = Renderer(templates).render("answer.md.j2", context(citation()))
    assert out == "CUSTOM 1 for What do otters do?\n"
    # Templates it does not override still come from the bundled folder.
    assert "not in the sources" in Renderer(templates).render("not_found.md.j2", context()).lower()


def test_missing_template_folder_is_a_template_problem(tmp_path):
    with pytest.raises(TemplateProblem, match="not found"):
        Renderer(tmp_path / "nope")


def test_unknown_template_name_is_a_template_problem():
    with pytest.raises(TemplateProblem, match="nosuch.md.j2"):
        Renderer().render("nosuch.md.j2", {})


def test_syntax_error_names_the_file_and_line(templates):
    write(templates, "broken.md.j2", "line one\nline two\n{% if x %}\n{{ x }\n")
    with pytest.raises(TemplateProblem) as info:
        Renderer(templates).render("broken.md.j2", {"x": 1})
    message = str(info.value)
    assert "broken.md.j2" in message
    assert re.search(r"line [34]\b", message), message
    assert "\n" not in message


def test_undefined_variable_names_the_template_and_line(templates):
    write(templates, "undef.md.j2", "first line\nsecond {{ nowhere_defined }}\n")
    with pytest.raises(TemplateProblem) as info:
        Renderer(templates).render("undef.md.j2", {})
    message = str(info.value)
    assert "undef.md.j2" in message and "nowhere_defined" in message
    assert "line 2" in message


def test_undefined_attribute_is_a_template_problem(templates):
    write(templates, "attr.md.j2", "{{ citations[0].nonexistent }}")
    with pytest.raises(TemplateProblem):
        Renderer(templates).render("attr.md.j2", context(citation()))


@pytest.mark.parametrize(
    "source",
    [
        "{{ ''.__class__.__mro__ }}",
        "{{ ''|attr('__class__') }}",
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ cycler.__init__.__globals__ }}",
        "{% for i in range(10**9) %}{% endfor %}",
        "{{ range(10**9)|list|length }}",
        "{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}",
    ],
    ids=["class-mro", "attr-filter", "subclasses", "globals", "range-loop", "range-list",
         "recursion"],
)
def test_sandbox_escapes_are_template_problems_and_fail_fast(templates, source):
    write(templates, "evil.md.j2", source)
    renderer = Renderer(templates)
    started = time.perf_counter()
    with pytest.raises(TemplateProblem) as info:
        renderer.render("evil.md.j2", {})
    assert time.perf_counter() - started < 1.0
    assert "evil.md.j2" in str(info.value)
    # The renderer keeps working afterwards.
    assert "not in the sources" in renderer.render("not_found.md.j2", context()).lower()


def test_sandbox_refuses_to_build_a_huge_string(templates):
    write(templates, "big.md.j2", "{{ ('ab' * 5 * 10**7)|length }}")
    with pytest.raises(TemplateProblem):
        Renderer(templates).render("big.md.j2", {})


def test_html_templates_autoescape_values(templates):
    write(templates, "page.html.j2", "<p>{{ quote }}</p>\n")
    out = Renderer(templates).render("page.html.j2", {"quote": "<script>alert('x')</script> & co"})
    assert "<script>" not in out
    assert "&lt;script&gt;" in out and "&amp; co" in out
    assert out.startswith("<p>")


def test_markdown_templates_do_not_html_escape(templates):
    write(templates, "page.md.j2", "{{ quote }}")
    assert Renderer(templates).render("page.md.j2", {"quote": "a & b"}) == "a & b"


def test_bounded_filters_still_work_on_ordinary_values(templates):
    write(
        templates,
        "filters.md.j2",
        "{{ ['a','b']|join }}|{{ ['a','b']|join('-') }}|{{ [1,2]|map('string')|join('+') }}"
        "|{{ 'aXa'|replace('a','bb') }}",
    )
    assert Renderer(templates).render("filters.md.j2", {}) == "ab|a-b|1+2|bbXbb"
