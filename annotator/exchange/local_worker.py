"""Preloaded (Dask's `preload`) into each worker process of `predict`'s local cluster, before it joins.

A terminal's ctrl+c reaches every process of its group, the cluster's worker processes too, and each printed a
traceback of it (CancelledError, KeyboardInterrupt) before the command's own one line. Here they ignore SIGINT, and
SIGHUP (a closed terminal hangs them up with the command): the command decides what an interrupt stops, and stops
them by closing the cluster.
"""

from __future__ import annotations

import signal


def dask_setup(worker: object) -> None:
    """Called by Dask in the worker's process as it starts."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGHUP, signal.SIG_IGN)
