"""The Jinja2 environment: templates from ``prompts/`` (or a user's folder), sandboxed.

Question and document text reach templates only as values.  Rendering runs in a
``SandboxedEnvironment`` with ``StrictUndefined``; HTML templates autoescape.  Any failure
(syntax, undefined name, sandbox refusal) becomes a :class:`TemplateProblem` naming the
template and line, so the command line can print it as one line.
"""

from __future__ import annotations

import contextvars
import functools
import re
import string
from collections.abc import Iterable, Iterator, Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
import jinja2.nodes
import jinja2.runtime
import markupsafe
from jinja2.sandbox import SandboxedEnvironment, SecurityError
from jinja2.visitor import NodeTransformer

from .corpus import place
from .errors import TemplateProblem
from .safe import visible

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
_MD_BLOCK_START = re.compile(r"^(\s*)([#>+\-=])", re.MULTILINE)
_MD_NUMBERED = re.compile(r"^(\s*\d+)([.)])", re.MULTILINE)

# A template may not loop for ever or build huge values.
MAX_RANGE = 10_000


def md_inline(text: object) -> str:
    """Text made inert inside a Markdown line: no emphasis, link, HTML or block start."""
    escaped = _MD_SPECIAL.sub(r"\\\1", visible(str(text)))
    escaped = _MD_BLOCK_START.sub(r"\1\\\2", escaped)
    escaped = _MD_NUMBERED.sub(r"\1\\\2", escaped)
    return escaped.replace("\n", " ")


def prompts_dir() -> Path:
    """The bundled templates: ``briefbot/prompts`` when installed, ``prompts/`` in a checkout."""
    packaged = Path(str(resources.files("briefbot"))) / "prompts"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "prompts"


class _Sandbox(SandboxedEnvironment):
    """The stock sandbox, bounded so a template can neither loop for ever nor build a huge
    value: every ``for`` loop (and ``range``) spends one step budget per render; ``*``,
    ``**``, ``%``, ``+``, ``~``, ``str.format`` and every filter refuse to make or take
    values over ``MAX_VALUE``; the whole output stops at ``MAX_OUTPUT`` characters."""

    intercepted_binops = frozenset({"*", "**", "%", "+"})

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.globals["range"] = _bounded_range
        self.globals["lipsum"] = _bounded_filter("lipsum", self.globals["lipsum"])
        for name, func in list(self.filters.items()):
            self.filters[name] = _bounded_filter(name, func)
        # Inserted by _Bounded into every template; not for template authors.
        self.filters[_COUNTED] = _counted
        self.filters[_CHECKED] = _checked

    def _parse(self, source: str, name: str | None, filename: str | None) -> jinja2.nodes.Template:
        # Environment._parse is where compile() gets the tree: the one place to rewrite it.
        tree = super()._parse(source, name, filename)
        return _Bounded().visit(tree)  # type: ignore[no-any-return]

    def wrap_str_format(self, value: Any) -> Any:
        """``'{:>999999999}'.format(x)`` refused before it builds a gigabyte."""
        wrapped = super().wrap_str_format(value)
        if wrapped is None:
            return None

        def checked(*args: Any, **kwargs: Any) -> Any:
            _check_brace_widths(str(value.__self__), [*args, *kwargs.values()])
            return _checked(wrapped(*args, **kwargs))

        return checked

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "+":
            return _checked(left + right)
        if operator == "**":
            if isinstance(right, (int, float)) and isinstance(left, (int, float)):
                if abs(right) > 64 and abs(left) > 1:
                    raise SecurityError(f"exponent {right} is over the limit of 64")
            return left**right
        if operator == "%":
            if isinstance(left, str):
                _check_format_widths(left)
            return _checked(left % right)
        for seq, times in ((left, right), (right, left)):
            if isinstance(seq, (str, list, tuple)) and isinstance(times, int):
                if len(seq) * times > MAX_VALUE:
                    raise SecurityError("repetition would build a value over the size limit")
        return left * right


MAX_VALUE = 1_000_000  # characters or items in any one value a template builds
MAX_STEPS = 1_000_000  # loop steps in one render
MAX_OUTPUT = 50_000_000  # characters one render may write
_COUNTED, _CHECKED = "__briefbot_counted", "__briefbot_checked"
_steps: contextvars.ContextVar[list[int]] = contextvars.ContextVar("template_steps")
_CONTEXTS = (jinja2.Environment, jinja2.runtime.Context, jinja2.nodes.EvalContext)
_WIDTH = re.compile(r"%[-#0 +]*(\d*)(?:\.(\d+))?")


def _checked(value: Any) -> Any:
    if isinstance(value, (str, list, tuple, dict)) and len(value) > MAX_VALUE:
        raise SecurityError(f"a value of {len(value):,} items is over the limit of {MAX_VALUE:,}")
    return value


def _check_format_widths(fmt: str) -> None:
    for match in _WIDTH.finditer(fmt):
        for number in match.groups():
            if number and int(number) > MAX_VALUE:
                raise SecurityError(f"format width {number} is over the limit of {MAX_VALUE:,}")


def _check_brace_widths(fmt: str, args: Iterable[Any]) -> None:
    """Widths and precisions of ``str.format`` fields, written in or passed as arguments."""
    numbers = [a for a in args if isinstance(a, int) and not isinstance(a, bool)]
    try:
        specs = [spec for _, _, spec, _ in string.Formatter().parse(fmt) if spec]
    except ValueError:
        specs = []  # str.format itself reports the malformed string
    numbers += [int(n) for spec in specs for n in re.findall(r"\d+", spec)]
    if any(abs(n) > MAX_VALUE for n in numbers):
        raise SecurityError(f"a format width is over the limit of {MAX_VALUE:,}")


def _counted(iterable: Iterable[Any]) -> Iterator[Any]:
    """``iterable``, each item spending one step of the render's budget."""
    budget = _steps.get(None)
    for item in iterable:
        if budget is not None:
            budget[0] -= 1
            if budget[0] < 0:
                raise SecurityError(f"the template ran over {MAX_STEPS:,} loop steps")
        yield item


class _Bounded(NodeTransformer):
    """Rewrites a template so every loop is counted (recursive ``loop(...)`` calls too) and
    every ``~`` concatenation is size-checked."""

    def visit_For(self, node: jinja2.nodes.For) -> jinja2.nodes.For:
        self.generic_visit(node)
        node.iter = _filter(node.iter, _COUNTED)
        if node.recursive:
            for call in node.find_all(jinja2.nodes.Call):
                if isinstance(call.node, jinja2.nodes.Name) and call.node.name == "loop":
                    call.args = [_filter(arg, _COUNTED) for arg in call.args]
        return node

    def visit_Concat(self, node: jinja2.nodes.Concat) -> jinja2.nodes.Filter:
        self.generic_visit(node)
        return _filter(node, _CHECKED)


def _filter(node: jinja2.nodes.Expr, name: str) -> jinja2.nodes.Filter:
    return jinja2.nodes.Filter(node, name, [], [], None, None, lineno=node.lineno)


def _bounded_filter(name: str, func: Any) -> Any:
    """``func`` refusing huge numbers or values in, and huge values out."""

    @functools.wraps(func)
    def bounded(*args: Any, **kwargs: Any) -> Any:
        values = [*args, *kwargs.values()]
        for value in values:
            if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_VALUE:
                raise SecurityError(f"{name}: {value} is over the limit of {MAX_VALUE:,}")
            if isinstance(value, str):
                _checked(value)
        # Filters that take a context get it first; the filtered value comes after it.
        lead = 0
        while lead < len(args) and isinstance(args[lead], _CONTEXTS):
            lead += 1
        data = list(args[lead:])
        if name == "join" and data:
            # Materialized once here, so a generator is measured and still joined whole.
            data[0] = list(data[0])
            if sum(len(str(x)) for x in data[0][: MAX_VALUE + 1]) > MAX_VALUE:
                raise SecurityError("join would build a value over the size limit")
            args = (*args[:lead], *data)
        if name == "format" and data and isinstance(data[0], str):
            _check_format_widths(data[0])
        if name == "replace" and len(data) >= 3 and all(isinstance(v, str) for v in data[:3]):
            text, old, new = data[:3]
            if text.count(old) * len(new) > MAX_VALUE:
                raise SecurityError("replace would build a value over the size limit")
        return _checked(func(*args, **kwargs))

    return bounded


class _CountedRange:
    """A range whose iteration spends the render's step budget (nested loops add up)."""

    def __init__(self, r: range) -> None:
        self._range = r

    def __len__(self) -> int:
        return len(self._range)

    def __getitem__(self, i: Any) -> Any:
        return self._range[i]

    def __iter__(self) -> Any:
        budget = _steps.get(None)
        for value in self._range:
            if budget is not None:
                budget[0] -= 1
                if budget[0] < 0:
                    raise SecurityError(f"the template ran over {MAX_STEPS:,} loop steps")
            yield value


def _bounded_range(*args: int) -> _CountedRange:
    r = range(*args)
    if len(r) > MAX_RANGE:
        raise SecurityError(f"range of {len(r)} items is over the limit of {MAX_RANGE}")
    return _CountedRange(r)


class Renderer:
    """Renders named templates; user templates in ``override`` win over the bundled ones."""

    def __init__(self, override: str | Path | None = None) -> None:
        search = [str(prompts_dir())]
        if override is not None:
            folder = Path(override)
            if not folder.is_dir():
                raise TemplateProblem(f"templates folder not found: {folder}")
            search.insert(0, str(folder))
        self.env = _Sandbox(
            loader=jinja2.FileSystemLoader(search),
            undefined=jinja2.StrictUndefined,
            autoescape=jinja2.select_autoescape(["html", "htm", "html.j2", "xml"]),
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            finalize=_finalize,
        )
        self.env.filters["md"] = md_inline
        self.env.filters["visible"] = visible
        self.env.filters["place"] = place

    def render(self, name: str, context: Mapping[str, Any]) -> str:
        token = _steps.set([MAX_STEPS])
        try:
            return _joined(self.env.get_template(name).generate(**context))
        except jinja2.TemplateSyntaxError as exc:
            where = f"{exc.filename or exc.name or name}, line {exc.lineno}"
            raise TemplateProblem(f"template error in {where}: {exc.message}") from None
        except jinja2.TemplateNotFound as exc:
            raise TemplateProblem(f"template not found: {exc.name}") from None
        except (jinja2.UndefinedError, SecurityError, TypeError, ValueError,
                ArithmeticError, RecursionError, OverflowError, MemoryError) as exc:
            raise TemplateProblem(
                f"template error in {name}{_line_of(exc, name)}: {visible(str(exc))}"
            ) from None
        finally:
            _steps.reset(token)


def _joined(pieces: Iterable[str]) -> str:
    """The rendered pieces as one string, refused past ``MAX_OUTPUT`` characters."""
    kept, size = [], 0
    for piece in pieces:
        size += len(piece)
        if size > MAX_OUTPUT:
            raise SecurityError(f"the output is over the limit of {MAX_OUTPUT:,} characters")
        kept.append(piece)
    return "".join(kept)


def _finalize(value: object) -> object:
    """Every printed value is made visible: no live control character leaves a template."""
    if isinstance(value, markupsafe.Markup):
        return markupsafe.Markup(visible(str(value)))
    return visible(value) if isinstance(value, str) else value


def _line_of(exc: BaseException, name: str) -> str:
    """The template line a runtime error came from, read off the traceback."""
    tb = exc.__traceback__
    line = None
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(name):
            line = tb.tb_lineno
        tb = tb.tb_next
    return f", line {line}" if line else ""
