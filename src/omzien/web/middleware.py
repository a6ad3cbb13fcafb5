from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_cache_control


class DutchFirstLocaleMiddleware:
    """Dutch unless the visitor chose another language with the switcher (a cookie).

    Django's LocaleMiddleware would follow the browser's Accept-Language; Omzien speaks
    Dutch first, whatever language the browser was installed in.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.supported = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response


class PrivatePagesMiddleware:
    """A signed-in page may show personal data: no browser or proxy may keep a copy of it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.user.is_authenticated:
            patch_cache_control(response, no_store=True, private=True)
        return response
