from tests.e2e.harness import *  # noqa: F401,F403
