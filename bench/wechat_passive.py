"""Timed run of the WeChat webhook against the real bot: how long each passive reply takes.

WeChat waits 5 s for a passive reply; the channel answers by 3.5 s (`success` + push otherwise).
This sends N safe-mode messages as WeChat would (signed and encrypted with wechatpy), from several
users at once, and prints the distribution and the maximum of the time to each passive reply.
Exits 1 if a request failed or its reply took 4.5 s or more.

    python -m bench.wechat_passive --start                # starts its own bot on free ports
    python -m bench.wechat_passive --url http://127.0.0.1:5005 --count 200 --concurrency 8
"""

import argparse
import asyncio
import itertools
import statistics
import sys
import time

import aiohttp
import yaml

from channels.wechat.replies import LATE_WITHOUT_PUSH
from channels.wechat.settings import OFFICIAL_ACCOUNT, load_settings
from testkit.wechat_side import WeChatSide, message_xml
from tools import ROOT

LIMIT = 4.5
QUESTIONS = (
    "金融运行的热线是多少？", "贷款困难找谁", "外贸企业有问题打哪个电话", "齐鲁号班列一个月发几趟？",
    "齐鲁号班列运什么货", "网上招聘会在哪个平台", "网上菜篮子超市怎么买菜", "今年市级重大项目总投资多少",
    "昌乐给企业派联络员了吗", "临朐的确诊病人都治好了吗", "援鄂医护人员家属有什么关爱", "你好",
    "你能干什么", "那是什么时候开始的？", "谢谢", "今天天气怎么样",
)
BUCKETS = (0.1, 0.25, 0.5, 1.0, 2.0, 4.0, LIMIT)


async def one_user(side: WeChatSide, session: aiohttp.ClientSession, user: str, count: int,
                   questions, results: list[tuple[float, str]]) -> None:
    for _ in range(count):
        xml = message_xml(from_user=user, Content=next(questions))
        started = time.perf_counter()
        reply = await side.post(session, xml, safe=True)
        elapsed = time.perf_counter() - started
        results.append((elapsed, outcome(reply)))


def outcome(reply) -> str:
    """"answer"; "late" (the deadline passed: an apology, or `success` + push); else the error."""
    if reply.status == 200 and reply.body == "success" or reply.content == LATE_WITHOUT_PUSH:
        return "late"
    if reply.status == 200 and reply.content:
        return "answer"
    return f"{reply.status} {reply.body[:60]}"


async def run(base_url: str, count: int, concurrency: int) -> list[tuple[float, str]]:
    credentials = yaml.safe_load((ROOT / "credentials.yml").read_text(encoding="utf-8"))
    settings = load_settings(OFFICIAL_ACCOUNT, credentials["channels.wechat.WeChatInput"])
    side = WeChatSide(f"{base_url}/webhooks/wechat/webhook", settings)
    questions = itertools.cycle(QUESTIONS)
    results: list[tuple[float, str]] = []
    per_user = [count // concurrency + (1 if n < count % concurrency else 0) for n in range(concurrency)]
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30)) as session:
        await side.post(session, message_xml(from_user="o_bench_warmup", Content="你好"))  # first parse is slow
        await asyncio.gather(*(one_user(side, session, f"o_bench_{n:03d}_{int(time.time())}", k, questions, results)
                               for n, k in enumerate(per_user)))
    return results


def report(results: list[tuple[float, str]], concurrency: int, wall: float) -> bool:
    times = sorted(elapsed for elapsed, _ in results)
    late = sum(kind == "late" for _, kind in results)
    failures = [(elapsed, kind) for elapsed, kind in results if kind not in ("answer", "late")]
    quantiles = statistics.quantiles(times, n=100, method="inclusive")
    print(f"{len(results)} messages, {concurrency} concurrent users, {wall:.1f} s wall, "
          f"{len(results) / wall:.1f} messages/s")
    print(f"answered in time: {len(results) - late - len(failures)}; deadline passed (apology or push): {late}; "
          f"errors: {len(failures)} {failures[:3]}")
    print("seconds: min {:.3f}  p50 {:.3f}  p90 {:.3f}  p95 {:.3f}  p99 {:.3f}  max {:.3f}".format(
        times[0], quantiles[49], quantiles[89], quantiles[94], quantiles[98], times[-1]))
    lower = 0.0
    for upper in BUCKETS:
        print(f"  {lower:>5.2f}–{upper:<5.2f} s  {sum(lower <= t < upper for t in times):4d}")
        lower = upper
    print(f"  ≥{LIMIT:.2f} s        {sum(t >= LIMIT for t in times):4d}")
    ok = not failures and times[-1] < LIMIT
    print("OK: every reply under 4.5 s" if ok else "FAILED")
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:5005", help="base URL of a running bot")
    parser.add_argument("--start", action="store_true", help="start a bot on free ports for the run")
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=8)
    args = parser.parse_args()
    servers = None
    if args.start:
        from testkit.bot import BENCH_LOGS, bot_on_free_ports

        servers = bot_on_free_ports(BENCH_LOGS).start()
        args.url = servers.base_url
    try:
        started = time.perf_counter()
        results = asyncio.run(run(args.url, args.count, args.concurrency))
        return 0 if report(results, args.concurrency, time.perf_counter() - started) else 1
    finally:
        if servers:
            servers.stop()


if __name__ == "__main__":
    sys.exit(main())
