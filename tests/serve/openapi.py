# Checks an answer of santei serve against docs/openapi.yaml: the operation exists, the status is
# one it documents, the Content-Type is documented for that status, and the body (each line, for
# JSON Lines) validates against the schema. `checked` records every (operation, status) seen.
import json
import os
import re
from urllib.parse import urlsplit

import jsonschema
import yaml

with open(os.path.join(os.environ["SANTEI_SOURCE_DIR"], "docs", "openapi.yaml"), encoding="utf-8") as f:
    DOCUMENT = yaml.safe_load(f)

checked = set()


def _resolve(node):
    while isinstance(node, dict) and "$ref" in node:
        target = DOCUMENT
        for part in node["$ref"].lstrip("#/").split("/"):
            target = target[part]
        node = target
    return node


def operation_of(method, path):
    for template, item in DOCUMENT["paths"].items():
        pattern = "^" + re.sub(r"\{[^}]+\}", "[^/]+", template) + "$"
        if re.match(pattern, path) and method.lower() in item:
            return template, item[method.lower()]
    return None, None


def _validator(schema):
    # The schema with the document's components beside it, so its $refs resolve.
    root = dict(schema)
    root["components"] = DOCUMENT["components"]
    return jsonschema.Draft202012Validator(root, format_checker=jsonschema.FormatChecker())


def check(method, target, answer):
    path = urlsplit(target).path
    template, operation = operation_of(method, path)
    if operation is None:
        # Not an operation: the answer is an error of the documented shape (404, 405).
        assert answer.status in (404, 405), f"{method} {path} is in no operation of openapi.yaml, answered {answer.status}"
        _validator(DOCUMENT["components"]["schemas"]["Error"]).validate(json.loads(answer.body))
        checked.add((None, answer.status))
        return
    responses = operation["responses"]
    assert str(answer.status) in responses, f"{method} {template}: status {answer.status} is not in openapi.yaml"
    response = _resolve(responses[str(answer.status)])
    media = answer.headers.get("content-type", "").split(";")[0].strip()
    content = response.get("content", {})
    assert media in content, f"{method} {template} {answer.status}: Content-Type {media} is not in openapi.yaml"
    entry = content[media]
    schema = entry.get("schema")
    if schema is not None and media != "text/plain":
        validator = _validator(schema)
        if entry.get("x-santei-json-lines"):
            for line in answer.body.decode().splitlines():
                validator.validate(json.loads(line))
        else:
            validator.validate(json.loads(answer.body))
    for header in response.get("headers", {}):
        assert header.lower() in answer.headers, f"{method} {template} {answer.status}: header {header} missing"
    checked.add((operation["operationId"], answer.status))
