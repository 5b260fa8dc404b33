"""`--help` works for the program and for every command it has (a literal "%" in a help
string once crashed argparse's formatter)."""
import re

import pytest

from presslens.__main__ import main


def _help(argv: list[str], capsys) -> str:
    with pytest.raises(SystemExit) as exit_:
        main([*argv, "--help"])
    assert exit_.value.code == 0
    return capsys.readouterr().out


def test_help_works_for_the_program_and_every_command(capsys):
    usage = _help([], capsys)
    commands = re.search(r"\{([\w,-]+)\}", usage)[1].split(",")
    assert {"corpus", "mentions", "index", "report"} <= set(commands)
    for command in commands:
        assert f"usage: python -m presslens {command}" in _help([command], capsys)
