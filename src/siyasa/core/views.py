"""The life of a form page, shared by every app."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render


def form_page(request, form, *, save, template: str, context: dict, success_message: str):
    """The life of a form page: GET shows it; a valid POST runs `save(form)` — which returns the
    URL to go to, or raises ValidationError for a message on the form — and an invalid one
    answers 400 with the errors, nothing written."""
    if request.method == "POST":
        if form.is_valid():
            try:
                url = save(form)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, success_message)
                return redirect(url)
        return render(request, template, {**context, "form": form}, status=400)
    return render(request, template, {**context, "form": form})
