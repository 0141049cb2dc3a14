"""The JSON Schema of the moving document, built from `document.SECTIONS` and kept in the repository
(`schema/org-v1.json`, checked by a test to match), and the check of a file against it.

Regenerate the file after a model change: `PYTHONPATH=src python -m siyasa.archive.schema`
(a change that an older importer could not read is a new `SCHEMA_VERSION`).
"""

import json
from pathlib import Path
from typing import Any

from django.db import models
from django.utils.translation import gettext as _
from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import best_match

from siyasa.archive import document
from siyasa.archive.document import ORGANIZATION, SECTIONS, DocumentError, Section
from siyasa.core.permissions import Role

PATH = Path(__file__).resolve().parent / "schema" / document.SCHEMA_FILE
REF = {"type": "integer", "minimum": 1}


def _nullable(schema: dict) -> dict:
    if "enum" in schema:
        schema["enum"] = [*schema["enum"], None]
    schema["type"] = [schema["type"], "null"]
    return schema


def _value(field: Any, *, nullable: bool = False) -> dict:
    if field.many_to_many:
        return {"type": "array", "items": REF}
    if document.is_user(field):
        return {"type": ["string", "null"], "description": "a sign-in, by its e-mail address"}
    if isinstance(field, models.JSONField):
        return {}
    if field.is_relation:
        schema = {**REF, "description": f"ref of a row of {field.related_model._meta.label}"}
    elif isinstance(field, models.BooleanField):
        schema = {"type": "boolean"}
    elif isinstance(field, models.IntegerField):
        schema = {"type": "integer"}
    elif isinstance(field, models.FloatField):
        schema = {"type": "number"}
    elif isinstance(field, models.DateTimeField):
        schema = {"type": "string", "format": "date-time"}
    elif isinstance(field, models.DateField):
        schema = {"type": "string", "format": "date"}
    else:
        schema = {"type": "string"}
        if field.max_length:
            schema["maxLength"] = field.max_length
        if field.choices:
            schema["enum"] = [value for value, _label in field.flatchoices] + (
                [""] if field.blank else []
            )
    return _nullable(schema) if field.null or nullable else schema


def _record(section: Section, fields: list[Any], *, history: bool = False) -> dict:
    properties = {f.name: _value(f, nullable=history) for f in fields}
    if section.generic:
        properties[section.generic[1]] = {"type": ["integer", "null"], "minimum": 1}
    return {
        "type": "object",
        "properties": properties,
        "required": sorted(properties),
        "additionalProperties": False,
    }


def _rows(section: Section) -> dict:
    record = _record(section, section.fields)
    record["properties"] = {"ref": REF, **record["properties"]}
    record["required"] = ["ref", *record["required"]]
    return {"type": "array", "items": record}


def _history(section: Section) -> dict:
    properties = {
        "ref": REF,
        "history_date": {"type": "string", "format": "date-time"},
        "history_type": {"enum": ["+", "~", "-"]},
        "history_change_reason": {"type": ["string", "null"]},
        "history_user": {"type": ["string", "null"]},
        "fields": _record(section, section.history_fields, history=True),
    }
    return {
        "type": "array",
        "items": {
            "type": "object",
            "properties": properties,
            "required": list(properties),
            "additionalProperties": False,
        },
    }


def build() -> dict:
    """The schema as the models are today."""
    date_time = {"type": "string", "format": "date-time"}
    member = {
        "type": "object",
        "properties": {
            "email": {"type": "string"},
            "role": {"enum": list(Role.values)},
            "person": {"type": ["integer", "null"], "minimum": 1},
        },
        "required": ["email", "role", "person"],
        "additionalProperties": False,
    }
    acknowledgement = {
        "type": "object",
        "properties": {
            "version": REF,
            "user": {"type": "string"},
            "created_at": date_time,
            "updated_at": date_time,
        },
        "required": ["version", "user", "created_at", "updated_at"],
        "additionalProperties": False,
    }
    with_history = [s for s in [ORGANIZATION, *SECTIONS] if s.history_model is not None]
    properties = {
        "schema_version": {"const": document.SCHEMA_VERSION},
        "siyasa_version": {"type": "string"},
        "exported_at": date_time,
        "organization": _record(ORGANIZATION, ORGANIZATION.fields),
        "members": {"type": "array", "items": member},
        "acknowledgements": {"type": "array", "items": acknowledgement},
        **{s.name: _rows(s) for s in SECTIONS},
        "history": {
            "type": "object",
            "properties": {s.name: _history(s) for s in with_history},
            "required": [s.name for s in with_history],
            "additionalProperties": False,
        },
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://siyasa.example/schema/{document.SCHEMA_FILE}",
        "title": f"Siyasa organisation, schema version {document.SCHEMA_VERSION}",
        "description": "One organisation moved between Siyasa instances "
        "(siyasa export-org / import-org); src/siyasa/archive/README.md explains each part.",
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }


def render() -> str:
    return json.dumps(build(), ensure_ascii=False, indent=1) + "\n"


def validate(doc) -> None:
    """Refuse, with a message in the active language, a document this version cannot import."""
    if not isinstance(doc, dict) or not isinstance(doc.get("schema_version"), int):
        raise DocumentError(_("This is not an organisation file exported by Siyasa."))
    if doc["schema_version"] > document.SCHEMA_VERSION:
        raise DocumentError(
            _("This file was exported by a newer Siyasa (format %(found)s; this one reads up to "
              "%(known)s). Update Siyasa, then import it again.")
            % {"found": doc["schema_version"], "known": document.SCHEMA_VERSION}
        )  # fmt: skip
    schema = json.loads(PATH.read_text(encoding="utf-8"))
    error = best_match(
        Draft202012Validator(schema, format_checker=FormatChecker()).iter_errors(doc)
    )
    if error is not None:
        where = "/".join(str(p) for p in error.absolute_path) or "/"
        raise DocumentError(
            _("The file does not follow the organisation file format, at %(where)s: %(error)s")
            % {"where": where, "error": error.message}
        )


if __name__ == "__main__":
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "siyasa.settings")
    django.setup()
    PATH.write_text(render(), encoding="utf-8")
    print(f"wrote {PATH}")
