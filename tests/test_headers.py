"""The Content-Security-Policy of web/headers.py: on every HTTP answer of the app
(app.py installs it), allowing the app's own host and Streamlit's own inline script
by its hash, and nothing of another host. The browser test
tests/e2e/test_no_third_party.py shows a real browser obeys it and nothing breaks."""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Route, WebSocketRoute
from starlette.testclient import TestClient
from starlette.websockets import WebSocket

from web.headers import CSP, STREAMLIT_INDEX, content_security_policy, inline_script_hashes

ROOT = Path(__file__).resolve().parent.parent


def directives() -> dict[str, list[str]]:
    parts = (part.split() for part in content_security_policy().split(";"))
    return {name: values for name, *values in parts}


def test_only_the_apps_own_host() -> None:
    policy = directives()
    assert policy["default-src"] == ["'self'"]
    for values in policy.values():
        for source in values:
            assert source in {"'self'", "'none'", "'unsafe-inline'", "data:", "blob:"} or (
                source.startswith("'sha256-")
            ), source
    assert "'unsafe-inline'" not in policy["script-src"]
    assert "'unsafe-eval'" not in policy["script-src"]


def test_the_inline_script_hash() -> None:
    # the example of the CSP specification's readers (MDN): the hash of the script's text
    html = "<script>alert('Hello, world.');</script><script src='x.js'></script>"
    assert inline_script_hashes(html) == ["'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"]


def test_streamlits_inline_scripts_are_allowed() -> None:
    hashes = inline_script_hashes(STREAMLIT_INDEX.read_text(encoding="utf-8"))
    assert hashes, "Streamlit's index.html has an inline script (window.prerenderReady)"
    assert set(hashes) <= set(directives()["script-src"])


def test_every_http_answer_carries_it_and_a_websocket_is_left_alone() -> None:
    async def hello(websocket: WebSocket) -> None:
        await websocket.accept()
        await websocket.send_text("hei")
        await websocket.close()

    routes = [Route("/", lambda _request: PlainTextResponse("ok")), WebSocketRoute("/ws", hello)]
    client = TestClient(Starlette(routes=routes, middleware=[CSP]))
    for path in ("/", "/missing"):
        answer = client.get(path)
        assert answer.headers["content-security-policy"] == content_security_policy()
        assert answer.headers["content-type"].startswith("text/plain")
    with client.websocket_connect("/ws") as websocket:
        assert websocket.receive_text() == "hei"


def test_app_py_installs_it() -> None:
    tree = ast.parse((ROOT / "app.py").read_text(encoding="utf-8"))
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and ast.unparse(n.func) == "App"]
    middleware = [k.value for call in calls for k in call.keywords if k.arg == "middleware"]
    assert len(middleware) == 1 and isinstance(middleware[0], ast.List)
    assert "CSP" in [ast.unparse(item) for item in middleware[0].elts]


def test_no_usage_statistics_leave() -> None:
    """On (Streamlit's default) the frontend fetches data.streamlit.io/metrics.json;
    the browser tests start the app without the flag, on this file."""
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["browser"]["gatherUsageStats"] is False
