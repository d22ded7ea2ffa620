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
