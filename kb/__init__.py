"""复工助手's knowledge base: newspaper articles → SQL tables → answers with sources. Knows nothing of Rasa.

    from kb import current_kb
    print(current_kb().ask("金融运行的热线是多少").text)
"""
from .answers import Answer
from .knowledge_base import KnowledgeBase
from .live import current_kb

__all__ = ["Answer", "KnowledgeBase", "current_kb"]
