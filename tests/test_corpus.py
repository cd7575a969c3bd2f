"""Loading a folder: files, encodings, paragraphs, metadata, page debris, bad files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from briefbot.corpus import load_folder
from briefbot.errors import CorpusError

BODY = "Otters swim in the river every day and eat fresh fish."


def texts(corpus) -> list[str]:
    return [p.text for p in corpus.paragraphs]


def only_doc(corpus):
    assert len(corpus.documents) == 1, [d.id for d in corpus.documents]
    return corpus.documents[0]


# --- which files are read ---------------------------------------------------------------


def test_loads_txt_and_md_recursively_and_ignores_other_suffixes(tmp_path, make_corpus):
    folder = make_corpus(
        tmp_path,
        {
            "top.txt": "Top level text about otters swimming.\n",
            "notes.md": "Markdown notes about beavers building dams.\n",
            "deep/er/inner.txt": "Nested text about herons fishing.\n",
            "data.csv": "a,b\n1,2\n",
            "page.json": '{"text": "json should be ignored."}\n',
            "script.py": "print('python should be ignored.')\n",
            "README": "No suffix should be ignored.\n",
        },
    )
    corpus = load_folder(folder)
    assert sorted(d.id for d in corpus.documents) == ["inner", "notes", "top"]
    joined = " ".join(texts(corpus))
    assert "herons" in joined and "beavers" in joined and "otters" in joined
    assert "ignored" not in joined


# --- paragraphs ---------------------------------------------------------------------------


def test_paragraphs_split_on_blank_lines_and_wrapped_lines_join_with_a_space(
    tmp_path, make_corpus
):
    folder = make_corpus(
        tmp_path,
        {
            "a.txt": "The first paragraph starts here\nand is hard-wrapped\n   onto three lines.\n"
            "\n\n   \n"
            "The second paragraph is on one line.\n"
        },
    )
    assert texts(load_folder(folder)) == [
        "The first paragraph starts here and is hard-wrapped onto three lines.",
        "The second paragraph is on one line.",
    ]


@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["crlf", "lone-cr"])
def test_crlf_and_lone_cr_line_ends_are_normalized(tmp_path, make_corpus, newline):
    raw = newline.join(
        [
            "The first paragraph starts here",
            "and continues here.",
            "",
            "The second paragraph is here.",
            "",
        ]
    )
    corpus = load_folder(make_corpus(tmp_path, {"a.txt": raw}))
    assert texts(corpus) == [
        "The first paragraph starts here and continues here.",
        "The second paragraph is here.",
    ]
    assert not any("\r" in t or "^M" in t for t in texts(corpus))


def test_paragraph_numbers_are_one_based_and_count_body_paragraphs_only(tmp_path, make_corpus):
    folder = make_corpus(
        tmp_path,
        {
            "a.txt": "Otters Return to the Valley\n\nBy Ann Lee\n\n"
            "First body paragraph about otters.\n\n"
            "Second body paragraph about rivers.\n\n"
            "Third body paragraph about fish.\n"
        },
    )
    doc = only_doc(load_folder(folder))
    assert [p.n for p in doc.paragraphs] == [1, 2, 3]
    assert doc.paragraph(1).text == "First body paragraph about otters."
    assert doc.paragraph(3).text == "Third body paragraph about fish."
    assert all(p.doc == doc.id for p in doc.paragraphs)


def test_paragraph_numbers_are_stable_when_page_debris_is_added(tmp_path, make_corpus):
    body = "First body paragraph about otters.\n\nSecond body paragraph about rivers.\n"
    plain = load_folder(make_corpus(tmp_path, {"a.txt": body}, name="plain"))
    debris = load_folder(
        make_corpus(
            tmp_path,
            {"a.txt": "Subscribe\n\nShare this article\n\n" + body + "\n12 Comments\n\nLeave a Reply\n"},
            name="debris",
        )
    )
    assert [(p.n, p.text) for p in plain.paragraphs] == [(p.n, p.text) for p in debris.paragraphs]
    # Reading the same file twice numbers it the same way.
    again = load_folder(Path(plain.root))
    assert [(p.n, p.text) for p in again.paragraphs] == [(p.n, p.text) for p in plain.paragraphs]


# --- encodings ----------------------------------------------------------------------------

ENCODED = "Caf\u00e9 owners in M\u00fcnchen met on Monday. They agreed."


@pytest.mark.parametrize(
    "data",
    [
        b"\xef\xbb\xbf" + ENCODED.encode("utf-8"),
        b"\xff\xfe" + ENCODED.encode("utf-16-le"),
        b"\xfe\xff" + ENCODED.encode("utf-16-be"),
        ENCODED.encode("utf-16"),  # Python writes the BOM in native order
    ],
    ids=["utf8-bom", "utf16-le-bom", "utf16-be-bom", "utf16-native"],
)
def test_boms_are_sniffed_and_text_decoded(tmp_path, make_corpus, data):
    corpus = load_folder(make_corpus(tmp_path, {"a.txt": data}))
    assert texts(corpus) == [ENCODED]
    assert "\ufeff" not in texts(corpus)[0] and "<U+FEFF>" not in texts(corpus)[0]


def test_cp1252_text_is_decoded(tmp_path, make_corpus):
    corpus = load_folder(make_corpus(tmp_path, {"a.txt": b"The caf\xe9 sign said \x93quoted\x94."}))
    assert texts(corpus) == ["The caf\u00e9 sign said \u201cquoted\u201d."]


def test_invalid_bytes_do_not_crash_and_become_replacement_or_cp1252(tmp_path, make_corpus):
    # 0x81, 0x8d, 0x8f, 0x90, 0x9d are undefined in cp1252 as well as invalid UTF-8.
    data = b"Otters swim \x81\x8d here.\n\nBeavers build \x90\x9d dams here.\n"
    corpus = load_folder(make_corpus(tmp_path, {"a.txt": data}))
    got = texts(corpus)
    assert len(got) == 2
    assert got[0].startswith("Otters swim ") and got[0].endswith(" here.")
    assert got[1].startswith("Beavers build ") and got[1].endswith(" dams here.")
    assert "\ufffd" in got[0] + got[1]


def test_one_stray_byte_does_not_garble_the_utf8_text_around_it(tmp_path, make_corpus):
    data = (
        "The caf\u00e9 on the river is closed today, the owner\u2019s note says.".encode("utf-8")
        + b" A stray \xe9 byte follows in this otherwise UTF-8 file."
    )
    corpus = load_folder(make_corpus(tmp_path, {"a.txt": data}))
    text = texts(corpus)[0]
    assert "caf\u00e9 on the river" in text and "owner\u2019s note" in text


# --- metadata -----------------------------------------------------------------------------


def test_front_matter_fields_win_over_what_the_page_says(tmp_path, make_corpus):
    folder = make_corpus(
        tmp_path,
        {
            "a.md": "---\ntitle: Front Matter Title\nauthor: Ann Author\n"
            "source: The Source Weekly\ndate: 2021-03-16\n---\n"
            "# A Different Heading\n\nBy Someone Else\n\n" + BODY + "\n"
        },
    )
    doc = only_doc(load_folder(folder))
    assert doc.title == "Front Matter Title"
    assert doc.author == "Ann Author"
    assert doc.source == "The Source Weekly"
    assert doc.date == "2021-03-16"
    assert [p.text for p in doc.paragraphs] == [BODY]
    assert not any("title:" in p.text or "---" in p.text for p in doc.paragraphs)


def test_first_one_line_headline_shaped_block_is_the_title(tmp_path, make_corpus):
    folder = make_corpus(
        tmp_path,
        {"a.txt": "River Otters Return to the Valley\n\n" + BODY + "\n\nA Later Line In Title Case\n"},
    )
    doc = only_doc(load_folder(folder))
    assert doc.title == "River Otters Return to the Valley"
    assert doc.paragraphs[0].text == BODY


def test_markdown_heading_is_the_title(tmp_path, make_corpus):
    doc = only_doc(load_folder(make_corpus(tmp_path, {"a.md": "# Otters Everywhere\n\n" + BODY})))
    assert doc.title == "Otters Everywhere"
    assert [p.text for p in doc.paragraphs] == [BODY]


def test_document_without_a_headline_is_titled_by_its_id(tmp_path, make_corpus):
    doc = only_doc(load_folder(make_corpus(tmp_path, {"plain-notes.txt": BODY + "\n\n" + BODY})))
    assert doc.title == "plain-notes"
    assert len(doc.paragraphs) == 2


@pytest.mark.parametrize(
    "line, author",
    [("By Jane Doe", "Jane Doe"), ("by Ludwig van Beethoven", "Ludwig van Beethoven")],
)
def test_by_line_gives_the_author_and_is_not_a_paragraph(tmp_path, make_corpus, line, author):
    folder = make_corpus(tmp_path, {"a.txt": f"Otters Return to the Valley\n\n{line}\n\n{BODY}\n"})
    doc = only_doc(load_folder(folder))
    assert doc.author == author
    assert [p.text for p in doc.paragraphs] == [BODY]


def test_paragraph_zero_is_the_heading_title_and_byline_as_written(tmp_path, make_corpus):
    folder = make_corpus(tmp_path, {"a.txt": f"Otters Return to the Valley\n\nby Jane Doe\n\n{BODY}\n"})
    doc = only_doc(load_folder(folder))
    assert doc.byline == "by Jane Doe"
    assert doc.paragraph(0).text == "Otters Return to the Valley\nby Jane Doe"
    assert doc.paragraph(1).text == BODY
    with pytest.raises(IndexError):
        doc.paragraph(-1)


def test_a_document_titled_by_its_id_and_unsigned_has_no_heading(tmp_path, make_corpus):
    doc = only_doc(load_folder(make_corpus(tmp_path, {"plain-notes.txt": BODY})))
    assert doc.heading is None
    with pytest.raises(IndexError):
        doc.paragraph(0)


def test_furniture_before_the_headline_is_not_taken_as_the_title(tmp_path, make_corpus):
    folder = make_corpus(
        tmp_path,
        {
            "a.txt": "Subscribe\n\nSign up for our newsletter\n\n"
            "River Otters Return to the Valley\n\nBy Ann Lee\n\n" + BODY + "\n"
        },
    )
    doc = only_doc(load_folder(folder))
    assert doc.title == "River Otters Return to the Valley"


# --- page debris --------------------------------------------------------------------------

DEBRIS = [
    "Subscribe",
    "Sign up for our newsletter",
    "12 Comments",
    "Share this article",
    "Related Articles",
    "Otters Win Big Prize at Regional Fair",
    "Why Rivers Matter More Than Ever",
    "The Best River Towns in Europe",
]


def test_web_debris_is_dropped_and_short_real_sentences_kept(tmp_path, make_corpus):
    page = "\n\n".join(
        [
            "River Otters Return to the Valley",
            "By Ann Lee",
            BODY,
            "Subscribe",
            "Sign up for our newsletter",
            "Talks resumed.",
            "12 Comments",
            "Prices rose sharply in May.",
            "Share this article",
            # a related-articles list: a label, then Title Case links, one a line
            "Related Articles\nOtters Win Big Prize at Regional Fair\n"
            "Why Rivers Matter More Than Ever\nThe Best River Towns in Europe",
        ]
    )
    doc = only_doc(load_folder(make_corpus(tmp_path, {"a.txt": page})))
    got = [p.text for p in doc.paragraphs]
    assert got == [BODY, "Talks resumed.", "Prices rose sharply in May."]
    for line in DEBRIS:
        assert not any(line in t for t in got), line


def test_short_sentences_with_furniture_words_are_kept(tmp_path, make_corpus):
    sentences = [
        "The minister declined to comment.",
        "She will reply next week.",
        "Voters must register by Friday.",
        "The new menu is short.",
    ]
    page = "\n\n".join([BODY, *sentences])
    got = texts(load_folder(make_corpus(tmp_path, {"a.txt": page})))
    assert got == [BODY, *sentences]


def test_hard_wrapped_prose_paragraph_is_not_mistaken_for_debris(tmp_path, make_corpus):
    page = BODY + "\n\nThe minister said he had no\nfurther comment on the otters.\n"
    got = texts(load_folder(make_corpus(tmp_path, {"a.txt": page})))
    assert got == [BODY, "The minister said he had no further comment on the otters."]


# --- fingerprint --------------------------------------------------------------------------


def test_fingerprint_is_the_same_when_a_file_is_only_reread(tmp_path, make_corpus):
    folder = make_corpus(tmp_path, {"a.txt": BODY + "\n\nBeavers build dams.\n"})
    first = load_folder(folder).fingerprint
    os.utime(folder / "a.txt", (1_000_000, 1_000_000))
    assert load_folder(folder).fingerprint == first
    assert first


def test_fingerprint_changes_when_a_paragraph_changes(tmp_path, make_corpus):
    folder = make_corpus(tmp_path, {"a.txt": BODY + "\n\nBeavers build dams.\n"})
    before = load_folder(folder)
    (folder / "a.txt").write_text(BODY + "\n\nBeavers build big dams.\n", encoding="utf-8")
    after = load_folder(folder)
    assert after.fingerprint != before.fingerprint
    assert after.summary()["fingerprint"] == after.fingerprint


# --- bad files and folders ----------------------------------------------------------------

BINARIES = {
    "nul.txt": b"Looks like text\x00but has a NUL byte.",
    "image.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10",
    "paper.md": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
}


def test_binary_files_are_skipped_with_a_record_naming_the_file(tmp_path, make_corpus):
    folder = make_corpus(tmp_path, {"good.txt": BODY, **BINARIES})
    corpus = load_folder(folder)
    assert [d.id for d in corpus.documents] == ["good"]
    skipped = {Path(s.path).name: s for s in corpus.skipped}
    assert set(skipped) == set(BINARIES)
    for name, record in skipped.items():
        assert "binary" in record.reason
        assert name in str(record)


def test_empty_folder_is_a_corpus_error(tmp_path):
    folder = tmp_path / "empty"
    folder.mkdir()
    with pytest.raises(CorpusError, match="no readable documents") as info:
        load_folder(folder)
    assert str(folder) in str(info.value)


def test_folder_with_only_empty_files_is_a_corpus_error(tmp_path, make_corpus):
    folder = make_corpus(tmp_path, {"a.txt": "", "b.md": "\n\n   \n", "c.txt": "\r\n\r\n"})
    with pytest.raises(CorpusError, match="no readable documents") as info:
        load_folder(folder)
    assert str(folder) in str(info.value)


def test_folder_with_only_binary_files_is_a_corpus_error(tmp_path, make_corpus):
    with pytest.raises(CorpusError, match="no readable documents"):
        load_folder(make_corpus(tmp_path, BINARIES))


def test_missing_folder_is_a_corpus_error(tmp_path):
    missing = tmp_path / "no" / "such" / "folder"
    with pytest.raises(CorpusError, match="not found") as info:
        load_folder(missing)
    assert str(missing) in str(info.value)


def test_a_file_instead_of_a_folder_is_a_corpus_error(tmp_path):
    path = tmp_path / "single.txt"
    path.write_text(BODY, encoding="utf-8")
    with pytest.raises(CorpusError) as info:
        load_folder(path)
    assert str(path) in str(info.value)
    assert "folder" in str(info.value)


def test_symlink_pointing_outside_the_folder_is_skipped(tmp_path, make_corpus):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("Secret text outside the corpus folder.", encoding="utf-8")
    folder = make_corpus(tmp_path, {"good.txt": BODY})
    os.symlink(outside / "secret.txt", folder / "link.txt")
    os.symlink(outside, folder / "linkdir")
    corpus = load_folder(folder)
    assert [d.id for d in corpus.documents] == ["good"]
    assert "Secret" not in " ".join(texts(corpus))
    assert {Path(s.path).name for s in corpus.skipped} == {"link.txt", "linkdir"}


def test_symlink_loops_are_skipped_without_crashing(tmp_path, make_corpus):
    folder = make_corpus(tmp_path, {"good.txt": BODY, "sub/inner.txt": "Inner text about herons."})
    os.symlink(folder, folder / "sub" / "back-to-root")  # a folder loop
    os.symlink("self.txt", folder / "self.txt")  # a file pointing at itself
    os.symlink("pong.txt", folder / "ping.txt")  # two files pointing at each other
    os.symlink("ping.txt", folder / "pong.txt")
    corpus = load_folder(folder)
    assert sorted(d.id for d in corpus.documents) == ["good", "inner"]
    skipped = {Path(s.path).name for s in corpus.skipped}
    assert {"self.txt", "ping.txt", "pong.txt"} <= skipped


def test_file_symlink_loop_is_reported_as_a_loop(tmp_path, make_corpus):
    folder = make_corpus(tmp_path, {"good.txt": BODY})
    os.symlink("self.txt", folder / "self.txt")
    record = next(s for s in load_folder(folder).skipped if Path(s.path).name == "self.txt")
    assert "loop" in record.reason


# --- the bundled seeds --------------------------------------------------------------------

SEED_TITLES = {
    "Japan-US 2 Plus 2: Proceed with Concrete Measures To Strengthen the Alliance",
    "US-Japan 2+2: Charting New Waters for Japan?",
}
SEED_FURNITURE = [
    "Subscribe",
    "Want to read more?",
    "Be the first to comment",
    "Leave a Reply",
    "About this publication",
    "Fukushima and Japan\u2019s Media Meltdown",
    "Already a subscriber?",
    "Will South Korea Emerge From the Pandemic with Enhanced Soft Power?",
]


def test_seeds_load_with_their_titles(seeds):
    corpus = load_folder(seeds)
    assert {d.title for d in corpus.documents} == SEED_TITLES
    assert {d.id for d in corpus.documents} == {p.stem for p in seeds.glob("*.txt")}
    assert corpus.skipped == ()


def test_seed_003_author_is_found_from_its_byline(seeds):
    doc = load_folder(seeds).document("003_229f363dde212fe3")
    assert doc.author == "Yuki Tatsumi"


def test_seed_page_furniture_is_not_in_any_paragraph(seeds):
    paragraphs = texts(load_folder(seeds))
    for line in SEED_FURNITURE:
        assert not any(line in p for p in paragraphs), line
    # Nor is a headline repeated as a paragraph.
    for title in SEED_TITLES:
        assert title not in paragraphs


def test_seed_author_bio_sentence_is_kept(seeds):
    paragraphs = texts(load_folder(seeds))
    bio = [p for p in paragraphs if "Stimson Center" in p]
    assert len(bio) == 1
    assert bio[0].startswith("Yuki Tatsumi is a senior fellow")


def test_seed_paragraphs_are_the_files_blank_line_blocks_minus_debris(seeds):
    """Every paragraph is one blank-line block of its file, verbatim."""
    corpus = load_folder(seeds)
    for doc in corpus.documents:
        raw = Path(doc.path).read_text(encoding="utf-8")
        blocks = [" ".join(line.strip() for line in b.splitlines() if line.strip())
                  for b in raw.replace("\r\n", "\n").split("\n\n")]
        for p in doc.paragraphs:
            assert p.text in blocks
