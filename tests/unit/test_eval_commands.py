"""`newswire eval` without its data says so and fails: printing nothing and exiting 0 read as a pass."""

from __future__ import annotations

from pathlib import Path

import pytest

from newswire.cli import main as cli_main


@pytest.mark.parametrize("what", ["clean", "claims", "stories"])
@pytest.mark.parametrize("where", ["missing", "empty"])
def test_eval_without_its_corpus_fails_saying_so(what: str, where: str, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus"
    if where == "empty":
        corpus.mkdir()
    assert cli_main(["eval", what, "--corpus", str(corpus)]) == 2
    err = capsys.readouterr().err
    assert str(corpus) in err
