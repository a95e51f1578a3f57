"""The OCR worker process yields the CPU to the bot."""


def test_workers_run_at_a_lower_priority_than_the_bot():
    """The worker initializer lowers its own priority (os.nice): loading torch at start-up, or a
    photo being read, must not starve the bot on a small machine."""
    import multiprocessing
    import os
    from concurrent.futures import ProcessPoolExecutor

    from ocr.reader import NICE, _lower_priority
    from tests.deadlines import scaled

    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"), initializer=_lower_priority,
                             initargs=(NICE,)) as pool:
        worker = pool.submit(os.nice, 0).result(timeout=scaled(120))
    assert worker == min(19, os.nice(0) + NICE)
