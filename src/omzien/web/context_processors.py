from .views import links_for


def navigation(request):
    user = getattr(request, "user", None)
    return {"nav_links": links_for(user) if user is not None and user.is_authenticated else []}
