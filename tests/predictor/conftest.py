import pytest

from predictor.simulate import simulate
from settings import load_settings


@pytest.fixture(scope="session")
def settings():
    return load_settings(env={})


@pytest.fixture(scope="session")
def sim_rows(settings):
    return simulate(settings, 4, seed=7)
