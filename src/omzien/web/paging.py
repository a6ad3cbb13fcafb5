from django.core.paginator import Page, Paginator

PAGE_SIZE = 25


def page_of(request, queryset, param: str = "pagina") -> Page:
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get(param))


def querystring_without(request, *params: str) -> str:
    """The current query string minus `params`, for links that change only those."""
    query = request.GET.copy()
    for param in params:
        query.pop(param, None)
    return query.urlencode()
