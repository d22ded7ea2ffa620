"""``newsledger eval crossnews --failures`` names the joins behind the story failures."""
from newsledger.evaluate.crossnews import first_joins


def test_first_joins_name_wrong_and_missed_joins_in_ingest_order():
    # made-up file names in ECB+'s form: "<topic>_<n>ecb.xml" and "<topic>_<n>ecbplus.xml" are a
    # topic's two sub-topics
    id_of = {"1_1ecb.xml": "A", "1_2ecb.xml": "B", "1_1ecbplus.xml": "C", "1_2ecbplus.xml": "D",
             "2_1ecb.xml": "E", "1_3ecb.xml": "F"}
    joined = {"A": (None, None),  # the first of its sub-topic: starts a story, rightly
              "B": ("A", 0.31),  # joins its own sub-topic
              "C": ("B", 0.24),  # the other sub-topic's first article joins sub-topic 1's story
              "D": ("C", 0.4),  # follows its own sub-topic's article: not a wrong first join
              "E": (None, None),  # another topic's first article
              "F": (None, None)}  # starts a story though A and B came before it
    out = first_joins(joined, id_of)
    assert out == {"wrong": ["1_1ecbplus.xml via 1_2ecb.xml (0.24)"], "missed": ["1_3ecb.xml"]}


def test_an_ingest_order_seed_shuffles_the_same_articles_reproducibly():
    from newsledger.evaluate.crossnews import ingest_order, order_label

    items = [(f"1_{i}ecb.xml", i) for i in range(30)]
    assert ingest_order(items) == items  # no seed: as listed
    one, again, other = ingest_order(items, 1), ingest_order(items, 1), ingest_order(items, 2)
    assert one == again and one != items and one != other
    by_n = lambda xs: sorted(xs, key=lambda x: x[1])  # noqa: E731
    assert by_n(one) == by_n(other) == items  # the same articles, only the order moves
    assert order_label(None) == "as listed" and order_label(3) == "shuffled, seed 3"


def test_the_crossnews_table_names_the_ingest_order(monkeypatch, capsys):
    from newsledger.evaluate import crossnews

    seen = {}

    def fake_run(topics, dirs, cache, jobs, failures, order_seed=None):
        seen["seed"] = order_seed
        stories = {"precision": 1.0, "recall": 1.0, "f1": 1.0, "stories": 1, "alone": 0, "pred": 1, "gold": 1,
                   "articles": 2}
        figures = {"precision": 0.0, "recall": 0.0, "f1": 0.0, "pred": 0, "gold": 0, "pairs_unmapped": 0,
                   "figures_mapped": 0, "gold_figures": 0, "verdicts_right": 0, "groups_found": 0,
                   "verdict_accuracy": 0.0, "gold_groups": 0, "apart_joined": 0, "verdict_confusion": {}}
        return {"topics": "1-24", "order": crossnews.order_label(order_seed), "gold_subtopics": 0, "failed": 0,
                "link_seconds": 0.0, "stories": stories, "figure_pairs": figures}

    monkeypatch.setattr(crossnews, "run", fake_run)
    assert crossnews.main(["--no-chains", "--order-seed", "4"]) == 0
    assert seen["seed"] == 4 and "ingest order shuffled, seed 4" in capsys.readouterr().out
    crossnews.main(["--no-chains"])
    assert seen["seed"] is None and "ingest order as listed" in capsys.readouterr().out
