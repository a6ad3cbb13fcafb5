"""The pages load a subset of the Utrecht component CSS: it must be current and complete."""

from omzien.web import utrecht_css


def test_the_committed_subset_is_what_the_command_writes_today():
    assert utrecht_css.SUBSET.read_text(encoding="utf-8") == utrecht_css.build_subset(), (
        "vendor/utrecht-component-library-css/subset.css is stale: run `omzien build_utrecht_css`"
    )


def test_every_utrecht_class_on_a_page_is_styled_by_the_subset():
    used = utrecht_css.expand_prefixes(utrecht_css.used_classes())
    styled = set(utrecht_css.CLASS_IN_CSS.findall(utrecht_css.SUBSET.read_text(encoding="utf-8")))
    assert used - styled == set(), "classes the component library does not have (a typo?)"


def test_the_subset_is_much_smaller_than_the_library():
    assert utrecht_css.SUBSET.stat().st_size < utrecht_css.LIBRARY.stat().st_size / 3


def test_classes_built_in_a_template_count_per_branch():
    template = (
        '<div class="utrecht-alert utrecht-alert--{% if ok %}ok{% else %}error{% endif %}">'
        "{% static 'vendor/utrecht-component-library-css/subset.css' %}"
    )
    assert utrecht_css.classes_in(template) == {
        "utrecht-alert",
        "utrecht-alert--ok",
        "utrecht-alert--error",
    }


def test_only_rules_for_used_classes_survive():
    library = """/**
 * @license EUPL-1.2
 */
.utrecht-a, .utrecht-b { color: red; }
.utrecht-a:not(.utrecht-c) { animation-name: fade; }
@media print { .utrecht-b { color: blue; } }
@media print { .utrecht-a { color: black; } }
@keyframes fade { from { opacity: 0; } }
@keyframes spin { to { rotate: 1turn; } }
"""
    subset = utrecht_css.build(library, {"utrecht-a"})
    assert "@license EUPL-1.2" in subset
    assert ".utrecht-a {" in subset and ".utrecht-a:not(.utrecht-c) {" in subset
    assert ".utrecht-b" not in subset
    assert subset.count("@media print") == 1
    assert "@keyframes fade" in subset and "@keyframes spin" not in subset
