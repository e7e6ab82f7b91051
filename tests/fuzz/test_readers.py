"""Every reader keeps its contract on mutated real files (fuzz/harness.py says how).

The contract: a result, or a FormatError naming the input and a line — never another
exception — and whatever a reader accepts can be saved as glossary files that load again
and be exported. One test per reader, 200 structure-aware inputs each (real files with byte
flips, truncations, repeated spans, swapped lines and hostile tokens put in).
"""

from __future__ import annotations

import harness
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

OPS = st.lists(st.tuples(st.sampled_from(harness.KINDS),
                         st.floats(min_value=0, max_value=1, allow_nan=False),
                         st.integers(0, 1 << 16), st.integers(0, 1 << 16)),
               min_size=1, max_size=4)


@pytest.mark.parametrize("reader", sorted(harness.LIBRARY))
def test_reader_keeps_the_contract_on_mutated_files(reader):
    @given(seed=st.integers(0, 15), ops=OPS)
    def one_input(seed, ops):
        outcome = harness.LIBRARY[reader](harness.make_input(reader, seed, ops))
        assert outcome.exit_code in (0, 2)

    one_input()


@pytest.mark.parametrize("reader", ["tbx3", "po", "yaml", "text"])
def test_cli_keeps_the_contract_on_mutated_files(reader, tmp_path_factory):
    """Through the command line: exit 0/1, or 2 with one 'Error: file:line: reason' line."""
    @settings(max_examples=25)
    @given(seed=st.integers(0, 15), ops=OPS)
    def one_input(seed, ops):
        work = tmp_path_factory.mktemp(reader)
        outcome = harness.check(reader, harness.make_input(reader, seed, ops), work)
        assert outcome.exit_code in (0, 1, 2)

    one_input()


def test_mutations_change_the_seed_files():
    """The strategies reach hostile shapes: a sample of inputs differs from every seed."""
    seeds = set(harness.seeds("tbx3"))
    made = {harness.make_input("tbx3", i, [("insert", 0.5, 0, i)]) for i in range(10)}
    assert made and not made & seeds
    assert any(b"<!DOCTYPE" in m or b"&xxe;" in m for m in made)
