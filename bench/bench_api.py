"""Gateway benchmark with a real server (uvicorn) and a load generator on loopback.

    .venv/bin/python -m bench.bench_api [--requests 400] [--chat-rounds 3]

/api/score at 1 and 8 concurrent clients; /api/chat against Rasa's own webhook, same run
(a real Rasa and action server are started). Writes bench/reports/api.md.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import httpx

from api.views import analysis_view, rasa_metadata
from bench.common import ROOT, SHARED_DATA, machine_line, read_jsonl, write_report
from tests.integration_servers import gateway_server, rasa_servers


async def load(
    url: str, bodies: list[dict[str, Any]], concurrency: int, headers: dict[str, str] | None = None
) -> tuple[list[float], float, int]:
    latencies: list[float] = []
    errors = 0
    queue: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
    for body in bodies:
        queue.put_nowait(body)

    async def worker(client: httpx.AsyncClient) -> None:
        nonlocal errors
        while not queue.empty():
            body = queue.get_nowait()
            started = time.perf_counter()
            response = await client.post(url, json=body, headers=headers)
            latencies.append((time.perf_counter() - started) * 1000)
            errors += response.status_code >= 400

    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(timeout=60, limits=limits) as client:
        started = time.perf_counter()
        await asyncio.gather(*(worker(client) for _ in range(concurrency)))
        elapsed = time.perf_counter() - started
    return sorted(latencies), len(bodies) / elapsed, errors


def server_timing(header: str) -> dict[str, float]:
    """Parse a `Server-Timing` header into {name: milliseconds}."""
    out: dict[str, float] = {}
    for part in header.split(","):
        name, _, rest = part.strip().partition(";dur=")
        if name and rest:
            out[name] = float(rest)
    return out


async def paired_load(
    endpoints: list[tuple[str, list[dict[str, Any]], dict[str, str] | None]],
) -> tuple[list[tuple[list[float], float, int]], list[dict[str, float]], list[list[float]]]:
    """One client sending each message to every endpoint in turn, so all see the same
    machine state and the same conversation length (Rasa slows as a conversation's tracker
    grows). Returns each endpoint's (sorted latencies, throughput, errors); the last
    endpoint's `Server-Timing` figures, one dict per request; and, for every other
    endpoint, the last one's latency minus that one's, message by message."""
    results: list[tuple[list[float], int]] = [([], 0) for _ in endpoints]
    timings: list[dict[str, float]] = []
    last = len(endpoints) - 1
    async with httpx.AsyncClient(timeout=60) as client:
        for i in range(len(endpoints[0][1])):
            for k, (url, bodies, headers) in enumerate(endpoints):
                started = time.perf_counter()
                response = await client.post(url, json=bodies[i], headers=headers)
                elapsed = (time.perf_counter() - started) * 1000
                results[k][0].append(elapsed)
                if response.status_code >= 400:
                    results[k] = (results[k][0], results[k][1] + 1)
                if k == last:
                    analysis = (
                        response.json().get("analysis") or {} if response.status_code < 400 else {}
                    )
                    timings.append(
                        {
                            **server_timing(response.headers.get("server-timing", "")),
                            "client": elapsed,
                            "unsafe": float(analysis.get("label") == "unsafe"),
                        }
                    )
    # The last endpoint's extra time over each other one for the same message at the same
    # point of the conversation, request by request (before the lists below are sorted).
    differences = [
        [b - a for a, b in zip(latencies, results[last][0], strict=True)]
        for latencies, _ in results[:last]
    ]
    out = [
        (sorted(latencies), len(latencies) / (sum(latencies) / 1000), errors)
        for latencies, errors in results
    ]
    return out, timings, differences


async def concurrent_load(
    starts: Sequence[tuple[str, dict[str, Any], dict[str, str] | None]],
    make_body: Callable[[int, Any, str], dict[str, Any]],
    url: str,
    texts: list[str],
    per_client: int,
) -> tuple[float, int]:
    """Several clients at once, each in a conversation of its own (opened by its `starts`
    request, not timed), each sending `per_client` messages one after another. Returns
    the messages answered per second and the errors."""
    errors = 0
    limits = httpx.Limits(max_connections=len(starts), max_keepalive_connections=len(starts))
    async with httpx.AsyncClient(timeout=60, limits=limits) as client:
        opened = []
        for start_url, body, headers in starts:
            response = await client.post(start_url, json=body, headers=headers)
            opened.append((response.json(), headers))

        async def talk(k: int) -> None:
            nonlocal errors
            answer, headers = opened[k]
            for i in range(per_client):
                text = texts[(k * per_client + i) % len(texts)]
                response = await client.post(url, json=make_body(k, answer, text), headers=headers)
                errors += response.status_code >= 400

        started = time.perf_counter()
        await asyncio.gather(*(talk(k) for k in range(len(starts))))
        elapsed = time.perf_counter() - started
    return len(starts) * per_client / elapsed, errors


def row(name: str, result: tuple[list[float], float, int]) -> str:
    lat, rate, errors = result
    return f"| {name} | {statistics.median(lat):.1f} ms | {lat[int(0.95 * len(lat))]:.1f} ms | {rate:.0f} req/s | {errors} |"


CLIENTS = 8


def chat_round(
    base: str,
    rasa_url: str,
    auth: dict[str, str],
    round_: int,
    chats: int,
    texts: list[str],
    heard: dict[str, dict[str, Any]],
) -> list[tuple[str, list[dict[str, Any]], dict[str, str] | None]]:
    """One round of the paired chat load, in fresh conversations: Rasa alone, twice (as a
    widget would call it, with no metadata, so the partner reads the NLU intent; and with
    the metadata the gateway sends for that message, worked out before the clock starts,
    so the partner does the same work), and the gateway."""
    conversation = httpx.post(
        f"{base}/api/chat",
        json={"message": "start", "scenario": "money"},
        headers=auth,
        timeout=60,
    ).json()["conversation_id"]
    webhook = f"{rasa_url}/webhooks/rest/webhook"
    plain_sender, heard_sender = f"bench-direct-{round_}", f"bench-heard-{round_}"
    for sender in (plain_sender, heard_sender):
        httpx.post(
            webhook,
            json={"sender": sender, "message": '/start_rehearsal{"scenario":"money"}'},
            timeout=60,
        )
    sent = [texts[i % len(texts)] for i in range(chats)]
    return [
        (webhook, [{"sender": plain_sender, "message": t} for t in sent], None),
        (
            webhook,
            [{"sender": heard_sender, "message": t, "metadata": heard[t]} for t in sent],
            None,
        ),
        (
            f"{base}/api/chat",
            [{"message": t, "conversation_id": conversation} for t in sent],
            auth,
        ),
    ]


def merged(results: list[tuple[list[float], float, int]]) -> tuple[list[float], float, int]:
    """Several rounds' (sorted latencies, throughput, errors) as one."""
    latencies = sorted(x for lat, _, _ in results for x in lat)
    return latencies, len(latencies) / (sum(latencies) / 1000), sum(e for _, _, e in results)


def main() -> int:
    parser = argparse.ArgumentParser(description="Benchmark the gateway.")
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument(
        "--chat-rounds",
        type=int,
        default=3,
        help="rounds of the paired chat load, each in fresh conversations",
    )
    args = parser.parse_args()
    if args.chat_rounds < 1:
        parser.error("--chat-rounds must be at least 1")
    from coach import check_crisis

    # Chat stops for good after a crisis (by design), so the chat load uses replies that
    # pass the crisis check; scoring uses all of them.
    texts = [r["reply"] for r in read_jsonl(SHARED_DATA / "dev_replies.jsonl")]
    chat_texts = [t for t in texts if not check_crisis(t).crisis]
    score_bodies = [{"text": texts[i % len(texts)]} for i in range(args.requests)]
    lines = [
        "# Gateway benchmark",
        "",
        f"{machine_line()}. Command: `.venv/bin/python -m bench.bench_api`.",
        "The gateway runs as `make run` starts it: `python -m api.serve --workers 2`, one",
        "process per core, each with its own SO_REUSEPORT socket.",
        "",
    ]
    with rasa_servers() as rasa_url:
        env = {
            "REHEARSE_RASA_URL": rasa_url,
            "REHEARSE_DATABASE_URL": f"sqlite:///{ROOT}/test-artifacts/bench.db",
            "REHEARSE_RATE_LIMIT_PER_MINUTE": "1000000",
            "REHEARSE_LOG_LEVEL": "WARNING",
        }
        Path(ROOT / "test-artifacts/bench.db").unlink(missing_ok=True)
        with gateway_server(env, workers=2) as base:
            asyncio.run(load(f"{base}/api/score", score_bodies[:50], 2))
            one = asyncio.run(load(f"{base}/api/score", score_bodies, 1))
            eight = asyncio.run(load(f"{base}/api/score", score_bodies, 8))
            token = httpx.post(f"{base}/api/tokens").json()["token"]
            auth = {"Authorization": f"Bearer {token}"}
            chats = max(40, args.requests // 4)
            heard = {t: rasa_metadata(analysis_view(t, None, None)[0]) for t in chat_texts}
            rasa_webhook = f"{rasa_url}/webhooks/rest/webhook"
            rounds = [
                asyncio.run(
                    paired_load(chat_round(base, rasa_url, auth, r, chats, chat_texts, heard))
                )
                for r in range(args.chat_rounds)
            ]
            plain, same, gateway = (merged([r[0][k] for r in rounds]) for k in range(3))
            timings = [t for r in rounds for t in r[1]]
            vs_plain = [d for r in rounds for d in r[2][0]]
            vs_same = [d for r in rounds for d in r[2][1]]
            round_medians = [statistics.median(r[2][1]) for r in rounds]
            # Throughput under load: CLIENTS people at once, each in a conversation of their
            # own, against Rasa directly (both ways) and through the gateway; the phases run
            # in the order A B C C B A so a drift in the machine's speed weighs on all alike.
            auths = [
                {"Authorization": f"Bearer {httpx.post(f'{base}/api/tokens').json()['token']}"}
                for _ in range(CLIENTS)
            ]
            per_client = max(25, chats // CLIENTS)
            start = '/start_rehearsal{"scenario":"money"}'

            def phase(kind: str, round_: int) -> tuple[float, int]:
                senders = [f"load-{kind}-{round_}-{k}" for k in range(CLIENTS)]
                starts: list[tuple[str, dict[str, Any], dict[str, str] | None]]
                if kind == "gateway":
                    starts = [
                        (f"{base}/api/chat", {"message": "start", "scenario": "money"}, a)
                        for a in auths
                    ]
                    return asyncio.run(
                        concurrent_load(
                            starts,
                            lambda k, opened, text: {
                                "message": text,
                                "conversation_id": opened["conversation_id"],
                            },
                            f"{base}/api/chat",
                            chat_texts,
                            per_client,
                        )
                    )
                starts = [(rasa_webhook, {"sender": s, "message": start}, None) for s in senders]
                return asyncio.run(
                    concurrent_load(
                        starts,
                        lambda k, opened, text: {
                            "sender": senders[k],
                            "message": text,
                            **({"metadata": heard[text]} if kind == "heard" else {}),
                        },
                        rasa_webhook,
                        chat_texts,
                        per_client,
                    )
                )

            under_load: dict[str, list[tuple[float, int]]] = {}
            for round_, kind in enumerate(
                ("widget", "heard", "gateway", "gateway", "heard", "widget")
            ):
                under_load.setdefault(kind, []).append(phase(kind, round_))

    def med(key: str) -> float:
        return statistics.median(t.get(key, 0.0) for t in timings)

    rate = {kind: statistics.mean(r for r, _ in runs) for kind, runs in under_load.items()}
    load_errors = {kind: sum(e for _, e in runs) for kind, runs in under_load.items()}

    own = statistics.median(t["client"] - t.get("rasa", 0.0) for t in timings)
    by_label = {
        label: [d for d, t in zip(vs_same, timings, strict=True) if t["unsafe"] == flag]
        for label, flag in (("safe", 0.0), ("unsafe", 1.0))
    }
    in_handler = statistics.median(t.get("total", 0.0) - t.get("rasa", 0.0) for t in timings)
    lines += [
        "| target | median | p95 | throughput | errors |",
        "| --- | --- | --- | --- | --- |",
        row("`/api/score`, 1 client", one),
        row("`/api/score`, 8 clients", eight),
        row("Rasa `/webhooks/rest/webhook` directly, as a widget calls it, 1 client", plain),
        row("Rasa `/webhooks/rest/webhook` directly, with the gateway's metadata, 1 client", same),
        row("`/api/chat` through the gateway, 1 client", gateway),
        "",
        "Each message is sent three times in turn, one client: to Rasa directly as a widget",
        "would (no metadata, so the partner reads the NLU intent), to Rasa directly with the",
        "metadata the gateway would send for it (the analysis, worked out by the benchmark",
        "before the clock starts), and through the gateway; three conversations of the same",
        "length, so all three see the same machine state. Rasa's own time spreads widely (see",
        "its p95), so the differences of medians move by milliseconds from run to run; the",
        "differences pair by pair cancel most of what the requests share.",
        f"The load runs {len(rounds)} times over, {chats} messages each, each time in fresh",
        "conversations; the figures below pool every round. The median of the pairs'",
        "differences over Rasa with the same metadata, round by round: "
        + ", ".join(f"{m:.1f} ms" for m in round_medians)
        + ".",
        "",
        "| gateway chat over | median of the pairs' differences | difference of the medians | one client's rate, gateway over Rasa |",
        "| --- | --- | --- | --- |",
        f"| Rasa with the same metadata (what the gateway adds) | {statistics.median(vs_same):.1f} ms "
        f"| {statistics.median(gateway[0]) - statistics.median(same[0]):.1f} ms | {gateway[1] / same[1]:.2f}× |",
        f"| Rasa as a widget calls it (also Rasa's extra work for the analysis) | {statistics.median(vs_plain):.1f} ms "
        f"| {statistics.median(gateway[0]) - statistics.median(plain[0]):.1f} ms | {gateway[1] / plain[1]:.2f}× |",
        "",
        "The gateway's chat adds the crisis check, the analysis, storing the turns and, for",
        "unsafe replies, three rewrites (worked out while Rasa answers). With the analysis in",
        "its metadata Rasa's partner follows the score and markers instead of the intent, and",
        "its tracker holds the metadata; the second row counts that too.",
        "Over Rasa with the same metadata, by the reply's label: "
        + "; ".join(
            f"{label} {statistics.median(d):.1f} ms ({len(d)} pairs)"
            for label, d in by_label.items()
            if d
        )
        + ".",
        "",
        f"Throughput under load: {CLIENTS} clients at once, each in a conversation of its own,",
        f"{per_client} messages each, every kind run twice (in the order A B C C B A) and averaged.",
        "With one client, every millisecond the gateway adds is waited out, so the rate of one",
        "client is the latency over again; under load Rasa is the bottleneck (about 100% of a core)",
        "and the gateway's work overlaps it, which is what its throughput target is about:",
        "",
        "| chat, {CLIENTS} clients | throughput | errors | the gateway's throughput over this |".replace(
            "{CLIENTS}", str(CLIENTS)
        ),
        "| --- | --- | --- | --- |",
        *(
            f"| {name} | {rate[kind]:.1f} msg/s | {load_errors[kind]} | "
            f"{rate['gateway'] / rate[kind]:.2f}× |"
            for kind, name in (
                ("widget", "Rasa directly, as a widget calls it"),
                ("heard", "Rasa directly, with the gateway's metadata"),
                ("gateway", "`/api/chat` through the gateway"),
            )
        ),
        "",
        "Where a gateway chat request's time goes (medians over the run, from its",
        "`Server-Timing` header):",
        "",
        "| part | median |",
        "| --- | --- |",
        f"| crisis check and analysis | {med('check'):.1f} ms |",
        f"| waiting for Rasa (as the gateway sees it) | {med('rasa'):.1f} ms |",
        f"| the handler in all | {med('total'):.1f} ms |",
        f"| the handler without Rasa | {in_handler:.1f} ms |",
        f"| the request seen by the client, without Rasa | {own:.1f} ms |",
        "",
        "Targets: `/api/score` median ≤ 10 ms, p95 ≤ 30 ms, ≥ 150 req/s with 8 clients; chat",
        "overhead ≤ 10 ms median and throughput ≥ 0.9× Rasa's own.",
    ]
    path = write_report("api.md", "\n".join(lines) + "\n")
    print("\n".join(lines[6:]))
    print(f"report: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
