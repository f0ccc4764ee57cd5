"""The plot functions return matplotlib objects and draw what they are given (Agg backend)."""
import pytest

mpl = pytest.importorskip("matplotlib")
mpl.use("Agg")
pytest.importorskip("networkx")

import matplotlib.pyplot as plt  # noqa: E402
from test_stats import make_entities  # noqa: E402

from dateline import plot, stats  # noqa: E402


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def test_timeline_plot():
    ents = make_entities()
    ax = plot.timeline(stats.timeline(ents, ["Jane Doe", "Berlin"], freq="D"))
    assert isinstance(ax, mpl.axes.Axes)
    lines = ax.get_lines()
    assert [line.get_label() for line in lines] == ["Jane Doe", "Berlin"]
    assert list(lines[1].get_ydata()) == [0, 1, 0, 0, 0, 0, 0, 0, 2]
    assert ax.get_ylabel() == "mentions per day"
    # From the entities table directly, onto a given Axes.
    fig, given = plt.subplots()
    assert plot.timeline(ents, ["Berlin"], ax=given, count="stories") is given
    assert given.get_ylabel() == "stories per week"


def test_top_entities_plot(tmp_path):
    ents = make_entities()
    ax = plot.top_entities(stats.entity_frequency(ents), n=3, title="Top")
    assert isinstance(ax, mpl.axes.Axes)
    # Largest on top: matplotlib draws the first bar at the bottom.
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Berlin", "Acme Corp", "Jane Doe"]
    assert [p.get_width() for p in ax.patches] == [3, 3, 3]
    ax.figure.savefig(tmp_path / "top.png", dpi=50)
    assert (tmp_path / "top.png").stat().st_size > 1000
    orgs = plot.top_entities(ents, labels="ORG")
    assert [t.get_text() for t in orgs.get_yticklabels()] == ["Globex", "Acme Corp"]


def test_network_plot():
    ents = make_entities()
    ax = plot.network(stats.cooccurrence_network(ents), title="With whom")
    assert isinstance(ax, mpl.axes.Axes)
    assert ax.get_title() == "With whom"
    texts = {t.get_text() for t in ax.texts}
    assert {"Acme Corp", "Jane Doe", "Paris", "Berlin", "Globex"} <= texts
    ax2 = plot.network(ents, unit="story", min_count=2)
    assert {t.get_text() for t in ax2.texts} == {"Acme Corp", "Jane Doe", "Berlin"}
    with pytest.raises(ValueError, match="layout"):
        plot.network(ents, layout="hairball")
