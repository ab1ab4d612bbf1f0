"""Serve the gateway: `python -m api.serve [--host H] [--port P] [--workers N]`.

With several workers, each process listens on its own socket bound with SO_REUSEPORT, so
the kernel spreads new connections over the workers. (With `uvicorn --workers`, all
workers share one socket, and the first to wake accepts every waiting connection: a
handful of keep-alive clients can all land on one worker, which then serves them on one
core while the other idles.)
"""

from __future__ import annotations

import argparse
import multiprocessing
import signal
import socket
import sys
from types import FrameType

import uvicorn

APP = "api.main:app"


def _family(host: str) -> socket.AddressFamily:
    return socket.AF_INET6 if ":" in host else socket.AF_INET


def _listen(host: str, port: int) -> socket.socket:
    sock = socket.socket(_family(host), socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    sock.listen(2048)
    sock.set_inheritable(True)
    return sock


def _serve(host: str, port: int, log_level: str, access_log: bool) -> None:
    """One worker: its own listening socket, its own app and event loop."""
    config = uvicorn.Config(APP, log_level=log_level, access_log=access_log)
    uvicorn.Server(config).run(sockets=[_listen(host, port)])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Serve the Rehearse gateway.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--workers", type=int, default=1, help="processes (one per core)")
    parser.add_argument("--log-level", default="info")
    parser.add_argument("--no-access-log", action="store_true")
    args = parser.parse_args(argv)
    if args.workers < 1:
        parser.error("--workers must be at least 1")
    access_log = not args.no_access_log
    if not hasattr(socket, "SO_REUSEPORT") or args.workers == 1:
        # One process (or no SO_REUSEPORT on this system): uvicorn's own way.
        uvicorn.run(
            APP,
            host=args.host,
            port=args.port,
            workers=args.workers,
            log_level=args.log_level,
            access_log=access_log,
        )
        return 0
    # Fail here, clearly, if the port is taken, before any worker starts. (This socket is
    # bound without SO_REUSEPORT: with it, a second gateway would quietly share the port.)
    probe = socket.socket(_family(args.host), socket.SOCK_STREAM)
    probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # TIME_WAIT is no conflict
    try:
        probe.bind((args.host, args.port))
    except OSError as exc:
        parser.error(f"cannot listen on {args.host}:{args.port}: {exc.strerror}")
    finally:
        probe.close()
    context = multiprocessing.get_context("spawn")
    workers = [
        context.Process(
            target=_serve,
            args=(args.host, args.port, args.log_level, access_log),
            name=f"gateway-{n}",
        )
        for n in range(args.workers)
    ]
    for worker in workers:
        worker.start()

    def stop(_signum: int, _frame: FrameType | None) -> None:
        for worker in workers:
            if worker.is_alive():
                worker.terminate()  # SIGTERM: uvicorn finishes its requests and exits

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    for worker in workers:
        worker.join()
    return max((worker.exitcode or 0) for worker in workers)


if __name__ == "__main__":
    sys.exit(main())
