"""Alembic environment: uses the connection PusQue hands over, or the configured URL."""
import asyncio

from alembic import context

from queue_core import alerts, clinic_tables, counter_login, service_catalog  # noqa: F401  (their tables)
from queue_core.models import Base

target_metadata = Base.metadata


def _run(connection) -> None:
    context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


def _url() -> str:
    from settings import load_settings

    return load_settings().database_url


async def _run_async() -> None:
    from storage.db import make_engine

    engine = make_engine(_url())
    async with engine.connect() as conn:
        await conn.run_sync(_run)
        await conn.commit()
    await engine.dispose()


if context.is_offline_mode():
    context.configure(url=_url(), target_metadata=target_metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
elif context.config.attributes.get("connection") is not None:
    _run(context.config.attributes["connection"])
else:
    asyncio.run(_run_async())
