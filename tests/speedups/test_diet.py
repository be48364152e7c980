"""The quickly loaded DIET predicts in graph mode, exactly as eager execution of the same model does."""
import pytest
from rasa.core.agent import Agent

from rasa_speedups.diet import QuickLoadingDIETClassifier
from tools import ROOT

pytestmark = pytest.mark.slow
QUESTIONS = ["齐鲁号每个月开几列？", "蔬菜平台怎么下单", "金融运行的热线是多少", "招聘会在哪里办",
             "你好", "😀", "<b>hi</b>"]


@pytest.fixture(scope="module")
def agent() -> Agent:
    return Agent.load(str(ROOT / "models" / "current.tar.gz"))


@pytest.fixture(scope="module")
def diet(agent) -> QuickLoadingDIETClassifier:
    nodes = agent.processor.graph_runner._instantiated_nodes.values()
    return next(n._component for n in nodes if isinstance(n._component, QuickLoadingDIETClassifier))


def ranking(parsed: dict) -> dict[str, float]:
    return {entry["name"]: entry["confidence"] for entry in parsed["intent_ranking"]}


async def test_predicts_in_graph_mode_what_eager_execution_predicts(agent, diet):
    assert diet.model.run_eagerly is False  # loaded eagerly, then back to the configured graph mode
    graph = [ranking(await agent.parse_message(q)) for q in QUESTIONS]
    diet.model.run_eagerly = True
    try:
        eager = [ranking(await agent.parse_message(q)) for q in QUESTIONS]
    finally:
        diet.model.run_eagerly = False
    for in_graph, in_eager in zip(graph, eager, strict=True):
        assert in_graph.keys() == in_eager.keys()
        assert all(in_graph[name] == pytest.approx(in_eager[name], abs=1e-5) for name in in_graph)
    assert max(graph[0], key=graph[0].__getitem__) in ("ask_question", "ask_followup")  # both go to the KB
    assert max(graph[4], key=graph[4].__getitem__) == "greet"
