#!/usr/bin/env python3
"""Checks `snapinfra serve` against its own OpenAPI document.

Starts the real server on a free loopback port, fetches GET /openapi.yaml, validates it with
openapi-spec-validator (OpenAPI 3.1), then sends requests that reach every route and every
documented error status and validates each response body against the schema the document gives
for that path, method and status. Exits non-zero on any mismatch.

Usage: api-check.py SNAPINFRA_BINARY
"""

import json
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request

import yaml
from openapi_schema_validator import OAS31Validator
from openapi_spec_validator import validate
import threading

from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

binary = sys.argv[1]
server = subprocess.Popen(
    [binary, "serve", "--port", "0", "--max-requests", "1", "--cache-mb", "0"],
    stderr=subprocess.PIPE, text=True)
address = None
started = time.time()
for line in server.stderr:
    match = re.search(r"http://127\.0\.0\.1:\d+", line)
    if match:
        address = match.group(0)
        break
    if time.time() - started > 20:
        break
if address is None:
    server.kill()
    sys.exit("api-check: the server did not say where it listens")
# The server logs a line per request; keep its pipe drained.
threading.Thread(target=lambda: [None for _ in server.stderr], daemon=True).start()


def send(method, path, body=None, content_type="application/json"):
    request = urllib.request.Request(address + path, data=body, method=method)
    if body is not None:
        request.add_header("Content-Type", content_type)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


failures = []
try:
    status, _, text = send("GET", "/openapi.yaml")
    assert status == 200, f"GET /openapi.yaml: {status}"
    document = yaml.safe_load(text)
    validate(document)
    print("api-check: /openapi.yaml is a valid OpenAPI 3.1 document")

    registry = Registry().with_resource("urn:snapinfra", Resource.from_contents(document, default_specification=DRAFT202012))

    def schema_for(path, method, status):
        operation = document["paths"][path][method.lower()]
        response = operation["responses"].get(str(status))
        if response is None:
            return None
        if "$ref" in response:
            response = document["components"]["responses"][response["$ref"].split("/")[-1]]
        content = response["content"]
        media = "application/json" if "application/json" in content else next(iter(content))
        return content[media]["schema"]

    def check(method, path, expected, body=None, content_type="application/json"):
        status, headers, payload = send(method, path, body, content_type)
        route = path.split("?")[0]
        label = f"{method} {path} -> {status}"
        if status != expected:
            failures.append(f"{label}: expected {expected}")
            return
        schema = schema_for(route, method, status)
        if schema is None:
            failures.append(f"{label}: the document does not list status {status}")
            return
        if headers.get("Content-Type", "").startswith("application/yaml"):
            instance = payload.decode()
        else:
            instance = json.loads(payload)
        validator = OAS31Validator(resolve(schema), registry=registry)
        errors = sorted(validator.iter_errors(instance), key=lambda e: list(e.path))
        for error in errors[:5]:
            failures.append(f"{label}: {'/'.join(map(str, error.path))}: {error.message[:200]}")
        if not errors:
            print(f"api-check: {label} matches the document")
        return headers

    def resolve(schema):
        # Local references point into the document; rewrite them to its registered URI.
        return json.loads(json.dumps(schema).replace('"#/components/', '"urn:snapinfra#/components/'))

    shop = open("examples/shop.json", "rb").read()
    northwind = open("Tests/Fixtures/architect/northwind-erp.yaml", "rb").read()
    invalid = b'{"project": {"name": "x", "schema": [{"name": "t", "fields": [{"name": "id", "type": "uuid", "references": "org.id"}]}]}}'
    check("GET", "/healthz", 200)
    check("POST", "/api/validate", 200, shop)
    check("POST", "/api/validate", 400, invalid)
    check("POST", "/api/design", 200, northwind, "application/yaml")
    check("POST", "/api/estimate", 200, shop)
    check("POST", "/api/enhancements", 200, shop)
    check("POST", "/api/enhancements/diff?id=vpc-flow-logs", 200, shop)
    check("POST", "/api/enhancements/diff?id=nope", 400, shop)
    check("POST", "/api/generate-iac-v2", 200, shop)
    check("POST", "/api/generate-iac-v2?applySafe=true&target=terraform,kubernetes", 200, northwind, "application/yaml")
    check("POST", "/api/generate-iac-v2?target=nope", 400, shop)
    check("POST", "/api/generate-iac-v2", 400, invalid)
    check("POST", "/api/design", 413, b" " * (2 * 1024 * 1024 + 1))
finally:
    server.terminate()
    server.wait(timeout=30)

if failures:
    print("\n".join("api-check: FAIL " + f for f in failures))
    sys.exit(1)
print("api-check: every response matches the OpenAPI document")
