"""ui.text: stored text for Markdown-reading elements shows as typed. CommonMark
reads a backslash before ASCII punctuation as that character itself, so text where
every such character is escaped has no Markdown left; what Streamlit's browser code
does after parsing (bare URLs and :emoji: become links/pictures)
is checked on the parsed text. tests/e2e/test_plain_text.py checks it in Chromium."""

from __future__ import annotations

import re

import pytest

from ui import text

JOINER = "\u2060"
PAYLOAD = (
    "![x](http://127.0.0.1:9/x.png) [klikk](http://evil.example) **fet** _kursiv_ "
    "<b>b</b> :red[r] :blue-background[x] :material/home: :smile: $x^2$ ~~s~~ `kode` "
    "&amp; a|b \\*x http://bare.example www.bare.example post@bare.example \u202e\u200b"
    "\n# overskrift\n> sitat\n- punkt\n1. nummer\n***\ntekst\n==="
)
ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
PUNCTUATION = re.compile(r"[!-/:-@\[-`{-~]")
# Streamlit's autolink (mdast-util-gfm-autolink-literal) runs on the parsed text: a
# URL is linked when the character before it is the start, whitespace or punctuation;
# emoji shortcodes (remark-emoji) likewise.
AUTOLINK = re.compile(r"(?:^|(?<=[\s!-/:-@\[-`{-~]))(?:https?://|www\.)")
EMOJI = re.compile(r":[\w+-]+:")


def parsed(source: str) -> str:
    """The text CommonMark makes of escaped text (what is shown, joiners and all)."""
    return ESCAPE.sub(r"\1", source)


def test_every_markdown_sign_is_escaped() -> None:
    assert not PUNCTUATION.search(ESCAPE.sub("", text.plain(PAYLOAD)))
    assert PUNCTUATION.search(ESCAPE.sub("", PAYLOAD))  # the check sees unescaped signs


def test_the_reader_sees_what_was_typed() -> None:
    shown = parsed(text.plain(PAYLOAD)).replace(JOINER, "")
    assert shown == PAYLOAD + "\u202c"  # the right-to-left override closed at the end


def test_nothing_left_for_streamlits_autolinks_and_emoji() -> None:
    shown = parsed(text.plain(PAYLOAD))
    assert AUTOLINK.search(PAYLOAD) and EMOJI.search(PAYLOAD)
    assert not AUTOLINK.search(shown) and not EMOJI.search(shown)


def test_the_joiner_sits_outside_the_url() -> None:
    shown = parsed(text.plain("se http://bare.example/a_b?c=d og post@bare.example"))
    assert "http://bare.example/a_b?c=d" in shown and "post@bare.example" in shown


@pytest.mark.parametrize(
    ("opener", "closer"),
    [("\u202e", "\u202c"), ("\u202b", "\u202c"), ("\u2067", "\u2069"), ("\u2068", "\u2069")],
)
def test_an_open_bidi_control_is_closed(opener: str, closer: str) -> None:
    assert text.plain(f"abc{opener}def") == f"abc{opener}def{closer}"
    assert text.plain(f"abc{opener}def{closer}") == f"abc{opener}def{closer}"


def test_missing_values_are_empty_and_plain_words_unchanged() -> None:
    assert text.plain(None) == "" and text.plain(float("nan")) == ""
    assert text.plain("Senja kommune Æøå") == "Senja kommune Æøå"


def test_link_fields_are_links_only_for_http() -> None:
    made = text.link("**se** [her]", "https://example.no/a(b)<c>")
    label, url = re.fullmatch(r"\[(.*)\]\((\S*)\)", made).groups()  # type: ignore[union-attr]
    assert parsed(label) == "**se** [her]" and not PUNCTUATION.search(ESCAPE.sub("", label))
    assert url == "https://example.no/a%28b%29%3Cc%3E"
    for bad in ("javascript:alert(1)", "data:text/html,x", "ftp://x.no", "http://a b", None):
        assert not text.link("x", bad).startswith("[")


def test_t_md_escapes_the_values_not_the_catalogue() -> None:
    source = text.t_md(
        "measures.decision", verdict="Samarbeid", code="**1**", title="[x](y)", lead="L"
    )
    assert source.startswith("**Samarbeid**")  # the catalogue's own bold
    assert "\\*\\*1\\*\\*" in source and "\\[x\\]\\(y\\)" in source
