from .coordinator import enter_paper, goals, request_questionnaires
from .own import own_answer, own_list
from .report import report

__all__ = ["enter_paper", "goals", "own_answer", "own_list", "report", "request_questionnaires"]
