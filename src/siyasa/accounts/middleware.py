"""Rejected sign-in, sign-up and code forms answer 400, like every other form in Siyasa."""

import re

from django.conf import settings

_LANGUAGES = "|".join(code for code, _name in settings.LANGUAGES)
ACCOUNT_PAGES = re.compile(rf"^/({_LANGUAGES})/accounts/")


class RejectedFormMiddleware:
    """allauth's views show a rejected form again with 200; a script, an assistive tool or a
    test should not have to read the page to learn that nothing was done."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_template_response(self, request, response):
        form = (response.context_data or {}).get("form")
        if (
            request.method == "POST"
            and response.status_code == 200
            and ACCOUNT_PAGES.match(request.path_info)
            and form is not None
            and form.is_bound
            and form.errors
        ):
            response.status_code = 400
        return response
