"""A subset of the vendored Utrecht component CSS: only the rules for classes Omzien uses.

The whole library is about 400 kB, nearly all of it components no page shows. The subset keeps
each rule whose Utrecht classes all occur in the templates, static JavaScript or Python (the
form widgets get their classes there), the at-rules around kept rules, the keyframes a kept rule
animates, and the licence headers. `omzien build_utrecht_css` writes it; a test rebuilds it in
memory and fails when the committed file is stale.
"""

import re
from dataclasses import dataclass
from pathlib import Path

WEB_DIR = Path(__file__).resolve().parent
SOURCE_ROOT = WEB_DIR.parent  # src/omzien
VENDOR_DIR = WEB_DIR / "static" / "vendor" / "utrecht-component-library-css"
LIBRARY = VENDOR_DIR / "index.css"
SUBSET = VENDOR_DIR / "subset.css"
SUBSET_STATIC = "vendor/utrecht-component-library-css/subset.css"

CLASS_IN_CSS = re.compile(r"\.(utrecht-[\w-]+)")
# Not a folder name such as `vendor/utrecht-component-library-css/`.
CLASS_IN_SOURCE = re.compile(r"(?<![\w/-])utrecht-[\w-]++(?!/)")
# `utrecht-alert--{% if … %}ok{% elif … %}error{% endif %}`: one class per branch.
BRANCHED = re.compile(r"(utrecht-[\w-]*-)\{%\s*if\b.*?%\}(.*?)\{%\s*endif\s*%\}", re.S)
BRANCH_TAG = re.compile(r"\{%\s*(?:elif\b.*?|else\s*)%\}", re.S)
# Classes inside :not(), :is(), :where() and :has() do not have to be on the page for the rule
# to apply: only the classes outside them decide whether a selector is kept.
PSEUDO_ARGUMENT = re.compile(r":(?:not|is|where|has)\((?:[^()]|\([^()]*\))*\)")
ANIMATION = re.compile(r"animation(?:-name)?\s*:\s*([^;}]*)")
LICENCE = re.compile(r"/\*\*?\s*\n?\s*\*?\s*@license.*?\*/", re.S)


@dataclass
class Block:
    """A statement of the style sheet: `prelude { body }` or an at-rule ending in `;`."""

    prelude: str
    body: str | None  # None for `@charset "…";`
    children: list["Block"] | None = None  # parsed body of @media, @supports and @container


def used_classes(root: Path = SOURCE_ROOT) -> set[str]:
    """Every Utrecht class named in a template, a static script or the Python code (not tests)."""
    found = set()
    for path in sources(root):
        found |= classes_in(path.read_text(encoding="utf-8"))
    return found


def sources(root: Path):
    for path in sorted(root.rglob("*")):
        parts = set(path.relative_to(root).parts)
        if "tests" in parts or "vendor" in parts or path == Path(__file__):
            continue
        if (
            (path.suffix == ".html" and "templates" in parts)
            or (path.suffix == ".js" and "static" in parts)
            or (path.suffix == ".py" and "migrations" not in parts)
        ):
            yield path


def classes_in(text: str) -> set[str]:
    """Class names in a source text; a name ending in '-' is a prefix built at run time."""
    found = set()
    for match in BRANCHED.finditer(text):
        for branch in BRANCH_TAG.split(match.group(2)):
            suffix = re.match(r"[\w-]*", branch).group()
            found.add(match.group(1) + suffix)
    found |= set(CLASS_IN_SOURCE.findall(BRANCHED.sub(" ", text)))
    return found


def parse(css: str) -> list[Block]:
    """Split a (comment-free) style sheet into blocks; at-rule bodies of rules are parsed too."""
    blocks, start, i = [], 0, 0
    while i < len(css):
        char = css[i]
        if char in "\"'":
            i = css.index(char, i + 1)
        elif char == ";":
            blocks.append(Block(css[start:i].strip(), None))
            start = i + 1
        elif char == "{":
            end = closing_brace(css, i)
            prelude, body = css[start:i].strip(), css[i + 1 : end]
            nested = prelude.startswith(("@media", "@supports", "@container"))
            blocks.append(Block(prelude, body, parse(body) if nested else None))
            i, start = end, end + 1
        i += 1
    return blocks


def closing_brace(css: str, opening: int) -> int:
    depth, i = 0, opening
    while True:
        char = css[i]
        if char in "\"'":
            i = css.index(char, i + 1)
        elif char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return i
        i += 1


def wanted(selector: str, used: set[str]) -> bool:
    required = CLASS_IN_CSS.findall(PSEUDO_ARGUMENT.sub("", selector))
    return all(name in used for name in required)


def split_selectors(prelude: str) -> list[str]:
    """The selectors of a list, split on commas outside parentheses."""
    parts, depth, current = [], 0, ""
    for char in prelude:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "," and depth == 0:
            parts.append(current.strip())
            current = ""
        else:
            current += char
    return [*parts, current.strip()]


def keep(blocks: list[Block], used: set[str]) -> list[Block]:
    kept = []
    for block in blocks:
        if block.children is not None:
            children = keep(block.children, used)
            if children:
                kept.append(Block(block.prelude, block.body, children))
        elif block.prelude.startswith("@"):
            kept.append(block)  # @charset and @keyframes; unused keyframes go later
        else:
            selectors = [s for s in split_selectors(block.prelude) if wanted(s, used)]
            if selectors:
                kept.append(Block(",\n".join(selectors), block.body))
    return kept


def animations(blocks: list[Block]) -> set[str]:
    names = set()
    for block in blocks:
        if block.children is not None:
            names |= animations(block.children)
        elif block.body and not block.prelude.startswith("@keyframes"):
            for value in ANIMATION.findall(block.body):
                names |= set(re.findall(r"[\w-]+", value))
    return names


def without_unused_keyframes(blocks: list[Block], names: set[str]) -> list[Block]:
    return [
        block
        for block in blocks
        if not block.prelude.startswith("@keyframes") or block.prelude.split()[1] in names
    ]


def write(blocks: list[Block], indent: str = "") -> str:
    out = []
    for block in blocks:
        prelude = block.prelude.replace("\n", "\n" + indent)
        if block.body is None:
            out.append(f"{indent}{prelude};\n")
        elif block.children is not None:
            out.append(f"{indent}{prelude} {{\n{write(block.children, indent + '  ')}{indent}}}\n")
        else:
            body = block.body.strip("\n").rstrip()
            out.append(f"{indent}{prelude} {{\n{body}\n{indent}}}\n")
    return "".join(out)


def build(library: str, used: set[str]) -> str:
    """The subset style sheet for these classes, as text."""
    blocks = keep(parse(LICENCE.sub("", library)), used)
    blocks = without_unused_keyframes(blocks, animations(blocks))
    licences = "\n".join(dict.fromkeys(LICENCE.findall(library)))
    # @charset only counts as the very first thing in a file.
    charset = [block for block in blocks if block.prelude.startswith("@charset")]
    blocks = [block for block in blocks if block not in charset]
    header = (
        "/* Omzien's subset of @utrecht/component-library-css (index.css beside this file):\n"
        " * only the rules for the classes Omzien uses. Written by `omzien build_utrecht_css`;\n"
        " * do not edit by hand. Licensed under the EUPL-1.2, as the original (LICENSE.md). */\n"
    )
    return f"{write(charset)}{header}{licences}\n{write(blocks)}"


def build_subset() -> str:
    return build(LIBRARY.read_text(encoding="utf-8"), expand_prefixes(used_classes()))


def library_classes() -> set[str]:
    return set(CLASS_IN_CSS.findall(LICENCE.sub("", LIBRARY.read_text(encoding="utf-8"))))


def expand_prefixes(used: set[str]) -> set[str]:
    """A prefix (`utrecht-button--{{ kind }}`) stands for every library class it begins."""
    prefixes = {name for name in used if name.endswith("-")}
    if not prefixes:
        return used
    known = library_classes()
    return (used - prefixes) | {name for name in known if name.startswith(tuple(prefixes))}
