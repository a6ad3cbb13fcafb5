"""The OpenAPI document turned into rows for a plain HTML reference page (no script, no CDN)."""

from django.utils.translation import gettext_lazy as _

METHODS = ("get", "post", "put", "patch", "delete")

# Every `code` a problem can carry, with what to do about it; the page anchors them.
PROBLEM_CODES = [
    ("validation_error", _("De invoer klopt niet; ‘errors’ noemt elke fout met haar plaats.")),
    ("malformed_json", _("De inhoud is geen geldige JSON.")),
    ("not_authenticated", _("Stuur een sleutel: ‘Authorization: Bearer omz_…’.")),
    ("token_invalid", _("Deze sleutel bestaat niet.")),
    ("token_malformed", _("Na ‘Bearer’ hoort precies één sleutel.")),
    ("token_expired", _("De sleutel is verlopen; vraag een nieuwe aan.")),
    ("token_revoked", _("De sleutel is ingetrokken; vraag een nieuwe aan.")),
    ("account_inactive", _("Het account van de koppeling is uitgezet.")),
    (
        "demo_in_production",
        _("Demo-sleutels werken niet in productie; vraag een eigen sleutel aan."),
    ),
    ("insufficient_scope", _("De sleutel is niet uitgegeven voor dit doel.")),
    ("permission_denied", _("Dit mag niet met deze sleutel.")),
    ("role_not_allowed", _("Het account van de koppeling mag dit niet.")),
    ("no_scope", _("Het account van de koppeling heeft geen programma's om cijfers van te tonen.")),
    ("not_found", _("Dit bestaat niet, of het is niet van u.")),
    ("referral_not_found", _("U hebt geen verwijzing met dit nummer.")),
    ("idempotency_key_reused", _("Deze Idempotency-Key hoort bij een andere verwijzing.")),
    ("payload_too_large", _("De inhoud is te groot.")),
    ("unsupported_media_type", _("Stuur JSON met ‘Content-Type: application/json’.")),
    ("not_acceptable", _("De API antwoordt alleen in JSON.")),
    ("method_not_allowed", _("Deze methode kan niet op dit adres.")),
    ("throttled", _("Te veel verzoeken; wacht het aantal seconden uit ‘Retry-After’.")),
    ("server_error", _("Er ging bij ons iets mis; probeer het later opnieuw.")),
]


def ref_name(ref: str) -> str:
    return ref.rsplit("/", 1)[-1]


def type_of(schema: dict) -> dict:
    """A property's type in words, with the component it refers to, if any."""
    if "$ref" in schema:
        return {"text": ref_name(schema["$ref"]), "link": ref_name(schema["$ref"])}
    for combined in ("allOf", "oneOf", "anyOf"):
        if combined in schema:
            parts = [type_of(part) for part in schema[combined]]
            linked = next((p for p in parts if p.get("link")), None)
            text = " | ".join(p["text"] for p in parts)
            return {"text": text, "link": linked["link"] if linked else ""}
    if schema.get("type") == "array":
        item = type_of(schema.get("items", {}))
        return {"text": f"array of {item['text']}", "link": item.get("link", "")}
    text = schema.get("type", "any")
    if "format" in schema:
        text += f" ({schema['format']})"
    if "enum" in schema:
        text += ": " + ", ".join("null" if v is None else str(v) for v in schema["enum"])
    return {"text": text, "link": ""}


def body_of(content: dict) -> dict | None:
    for media_type, media in content.items():
        return {"media_type": media_type, **type_of(media.get("schema", {}))}
    return None


def operations(schema: dict) -> list[dict]:
    rows = []
    for path, item in schema.get("paths", {}).items():
        for method in METHODS:
            if method in item:
                rows.append(operation(path, method, item[method]))
    return rows


def operation(path: str, method: str, op: dict) -> dict:
    return {
        "id": op.get("operationId", ""),
        "method": method.upper(),
        "path": path,
        "summary": op.get("summary", ""),
        "description": op.get("description", ""),
        "scope": op.get("x-scope", ""),
        "roles": op.get("x-roles", []),
        "parameters": [
            {
                "name": p["name"],
                "in": p["in"],
                "required": p.get("required", False),
                "type": type_of(p.get("schema", {})),
                "description": p.get("description", ""),
            }
            for p in op.get("parameters", [])
        ],
        "request": body_of(op.get("requestBody", {}).get("content", {})),
        "responses": [
            {
                "code": code,
                "description": response.get("description", ""),
                "body": body_of(response.get("content", {})),
            }
            for code, response in op.get("responses", {}).items()
        ],
    }


def components(schema: dict) -> list[dict]:
    rows = []
    for name, component in sorted(schema.get("components", {}).get("schemas", {}).items()):
        required = set(component.get("required", []))
        rows.append(
            {
                "name": name,
                "description": component.get("description", ""),
                "type": type_of(component) if "properties" not in component else None,
                "closed": component.get("additionalProperties") is False,
                "properties": [
                    {
                        "name": prop_name,
                        "type": type_of(prop),
                        "required": prop_name in required,
                        "nullable": prop.get("nullable", False),
                        "read_only": prop.get("readOnly", False),
                        "description": prop.get("description", ""),
                    }
                    for prop_name, prop in component.get("properties", {}).items()
                ],
            }
        )
    return rows
