"""Helpers shared by the tests (tests/) and the benchmarks (bench/): free ports, the bot on them (`bot`), throw-away
PostgreSQL and Redis servers (`services`), an article of our own (`articles`), WeChat's side of its protocol
(`wechat_side`). Nothing here is part of the bot."""
