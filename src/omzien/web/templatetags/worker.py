from django import template

from omzien.web import worker

register = template.Library()


@register.simple_tag
def worker_stalled() -> bool:
    return worker.stalled()
