"""The history CSV of docs/history.md: exact columns, lossless round trip, named errors."""
import io

import pytest

from predictor.history import COLUMNS, HistoryError, read_history, write_history


def test_columns_are_exactly_the_spec():
    assert COLUMNS == ("date", "ticket", "service", "level", "conditions", "age", "phase", "channel",
                       "entered_at", "called_at", "started_at", "finished_at", "outcome")


def test_round_trip_is_lossless(sim_rows):
    buf = io.StringIO()
    write_history(sim_rows, buf)
    assert buf.getvalue().splitlines()[0] == ",".join(COLUMNS)
    assert read_history(io.StringIO(buf.getvalue())) == sim_rows


def test_bad_time_names_line_and_column():
    text = ",".join(COLUMNS) + "\n2026-01-05,A-001,A,3,,40,loket,,07:00,,,,cancelled\n"
    with pytest.raises(HistoryError, match="line 2: entered_at"):
        read_history(io.StringIO(text))


def test_missing_column_is_named():
    with pytest.raises(HistoryError, match="outcome"):
        read_history(io.StringIO(",".join(COLUMNS[:-1]) + "\n"))
