import pytest


@pytest.fixture(scope="session")
def reader():
    """The real easyocr Reader (offline model package), loaded once for the session."""
    from ocr.engine import load_reader

    return load_reader(threads=1)
